"""Verdicts a historian would sign: scopes, factor ranges, bounds, one-sided claims, readings.

:func:`gulagstats.estimates.verdicts.judge` sets a claim against *one*
benchmark for exactly the period written.  :func:`refine` then applies what a
careful reader does, each step decided by data, never by a special case here:

1. **Readings** (``data/estimate_readings.csv``, by estimate id): how a vague
   claim is read (Solzhenitsyn's "at any one time" is the series maximum),
   whether its benchmark is only a floor (the record counts part of what the
   claim counts), whether the row is context (GRZ's spread of other authors'
   estimates: shown, not scored) or a restatement of another claim (a
   ``group``: the tallies count the group once), or a different quantity.
2. **Bounds**: a flow claimed for part of a year, or across partial years,
   is set between the whole years inside it (a floor) and the whole years
   enclosing it (a ceiling); a span whose last or first year the record lacks
   is bounded below by the years it holds.
3. **Scopes** (``data/scope_rules.csv``): "camps" means camps and colonies
   unless the author says ITL; "forced labour" means camps, colonies, prisons
   and special settlers.  The claim is set against every benchmark a careful
   reader could mean; the headline factor is the conservative one (against the
   widest benchmark's high end), with the range in ``factor_low`` /
   ``factor_high``.
4. **Verdict words**: ``consistent`` only for a two-sided comparison whose
   ranges meet; a one-sided claim ("at least", "at most") that the record
   does not contradict, or a claim above a floor, is ``not_contradicted``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from ..vocabulary import CONSISTENT, NOT_COMPARABLE, NOT_CONTRADICTED, OVERSTATES, UNDERSTATES
from .vocabulary import QUANTITIES, period_phrase

#: Columns refine() adds to judge()'s results.
REFINED_COLUMNS = ["factor_low", "factor_high", "bound", "also_against", "role", "group", "reading"]
#: Roles of an estimate row: scored, or shown as context (not scored, not counted).
ROLES = ("claim", "restatement", "context")

_SPAN = re.compile(r"^(\d{4})(?:-(\d{2})-(\d{2}))?(?:/(\d{4})(?:-(\d{2})-(\d{2}))?)?$")


def year_bounds(period: str) -> tuple[str | None, str | None]:
    """The whole years inside a period (a floor) and the whole years enclosing it (a ceiling).

    Returns ``(inner, enclosing)`` as ``A/B`` or ``A`` spans; ``inner`` is None
    when no whole year lies inside, and both are None for a whole-year period
    (nothing to bound) or a period that is not a day-precise span.

    Examples
    --------
    >>> year_bounds("1935-01-01/1941-06-22")
    ('1935/1940', '1935/1941')
    >>> year_bounds("1934-12-01/1934-12-31")
    (None, '1934')
    >>> year_bounds("1936-10-01/1938-11-30")
    ('1937', '1936/1938')
    >>> year_bounds("1937/1938")
    (None, None)
    """
    m = _SPAN.match(period or "")
    if not m or not (m[2] or m[5]):
        return None, None
    y1 = int(m[1])
    y2 = int(m[4]) if m[4] else y1
    starts_jan1 = not m[2] or (m[2], m[3]) == ("01", "01")
    if m[4]:
        ends_dec31 = not m[5] or (m[5], m[6]) == ("12", "31")
    else:  # a single day: not a span
        return None, None
    first = y1 if starts_jan1 else y1 + 1
    last = y2 if ends_dec31 else y2 - 1

    def span(a: int, b: int) -> str:
        return f"{a}" if a == b else f"{a}/{b}"

    inner = span(first, last) if first <= last else None
    return inner, span(y1, y2)


def _partial_floors(period: str) -> list[str]:
    """Shorter whole-year spans inside a span whose first or last year the record may lack.

    Examples
    --------
    >>> _partial_floors("1930/1953")
    ['1930/1952', '1931/1953']
    >>> _partial_floors("1937")
    []
    """
    m = re.fullmatch(r"(\d{4})/(\d{4})", period or "")
    if not m or int(m[2]) - int(m[1]) < 2:
        return []
    a, b = int(m[1]), int(m[2])
    return [f"{a}/{b - 1}", f"{a + 1}/{b}"]


def _rules(load: Callable[[str], pd.DataFrame], table: str) -> pd.DataFrame:
    try:
        return load(table).fillna("")
    except Exception:  # an older data directory without the table: no rules
        return pd.DataFrame()


class _Judge:
    """The benchmark judge() finds for a question, cached by quantity, period, unit and region.

    The benchmark a question finds (or the reason it finds none) does not depend on
    the number claimed, so the question is asked once with a neutral claim and the
    caller classifies each claimed number against it (:func:`_classify`): asking once
    per distinct number made a batch of claims cost one full judge() each.
    """

    def __init__(self, judge: Callable[[pd.DataFrame], pd.DataFrame]):
        self._judge = judge
        self._cache: dict[tuple, dict[str, Any]] = {}

    def __call__(
        self, quantity: str, period: str, low: float, high: float, unit: str, region: str
    ) -> dict[str, Any]:
        key = (quantity, period, unit, region)
        low = high = 1.0  # a neutral claim: only the benchmark found is used
        if key not in self._cache:
            claim = pd.DataFrame(
                [
                    {
                        "quantity": quantity,
                        "period": period,
                        "period_label": "",
                        "low": low,
                        "high": high,
                        "unit": unit,
                        "region": region,
                        "error": "",
                    }
                ]
            )
            self._cache[key] = self._judge(claim).iloc[0].to_dict()
        return self._cache[key]


def _plain_rows(frame: pd.DataFrame, labels: pd.Index) -> dict[Any, dict[str, Any]]:
    """The rows ``labels`` of ``frame`` as plain dicts, read column by column (fast for many rows).

    Examples
    --------
    >>> _plain_rows(pd.DataFrame({"a": [1.5, 2.5], "b": ["x", "y"]}), pd.Index([1]))
    {1: {'a': 2.5, 'b': 'y'}}
    """
    at = frame.index.get_indexer(labels)
    columns = {c: frame[c].to_numpy(dtype=object)[at] for c in frame.columns}
    return {label: {c: values[k] for c, values in columns.items()} for k, label in enumerate(labels)}


def _has(result: Mapping[str, Any]) -> bool:
    return result["verdict"] in (OVERSTATES, UNDERSTATES, CONSISTENT, NOT_CONTRADICTED)


def _classify(
    low: float,
    high: float,
    b_low: float,
    b_high: float,
    tolerance: float,
    floor: bool = False,
    ceiling: bool = False,
) -> tuple[str, float, float]:
    """Verdict and factor range of a claim [low, high] against a benchmark [b_low, b_high].

    ``floor``: the record documents at least b_low (no upper end); ``ceiling``:
    at most b_high (no lower end).  Open claim ends are nan.

    Examples
    --------
    >>> v = _classify(7e6, 7e6, 1575259, 2.5e6, 0.15)
    >>> v[0], round(v[1], 1)
    ('overstates', 2.8)
    >>> _classify(1.71e6, float("nan"), 1575259, 1575259, 0.15)[0]
    'not_contradicted'
    >>> _classify(2.75e6, 2.75e6, 1196369, 1196369, 0.15, floor=True)[0]
    'not_contradicted'
    """
    nan = float("nan")
    top = b_high if not floor else np.inf
    bottom = b_low if not ceiling else 0.0
    if low == low and low > top * (1 + tolerance):
        if top <= 0:  # a benchmark of zero (from an overlay): above it, by no number of times
            return OVERSTATES, nan, nan
        return OVERSTATES, low / top, (low / bottom if bottom > 0 else nan)
    if high == high and bottom > 0 and high < bottom / (1 + tolerance):
        if high <= 0:
            return UNDERSTATES, np.inf, np.inf
        return UNDERSTATES, bottom / high, (b_high / high if not floor else nan)
    one_sided = low != low or high != high
    if one_sided or floor or ceiling:
        return NOT_CONTRADICTED, nan, nan
    return CONSISTENT, nan, nan


def refine(
    claims: pd.DataFrame,
    results: pd.DataFrame,
    judge_claims: Callable[[pd.DataFrame], pd.DataFrame],
    load: Callable[[str], pd.DataFrame],
    tolerance: float,
    ids: pd.Series | None = None,
) -> pd.DataFrame:
    """Apply readings, bounds, scopes and the one-sided verdict words to judged claims.

    Parameters
    ----------
    claims : pandas.DataFrame
        The checked claims (``quantity``, ``period``, ``low``, ``high``, ``unit``,
        ``region``, ``error``).
    results : pandas.DataFrame
        judge()'s results on the same index.
    judge_claims : callable
        judge() bound to the record and tolerance, for re-asking.
    load : callable
        ``gulagstats.load``, for the rule tables ``scope_rules`` and ``estimate_readings``.
    tolerance : float
        As in judge().
    ids : pandas.Series, optional
        Estimate ids (compare()); readings apply only where given.

    Returns
    -------
    pandas.DataFrame
        ``results`` with refined ``verdict``, ``factor`` and ``explanation``, and
        the columns of :data:`REFINED_COLUMNS`.
    """
    out = results.copy()
    for column in REFINED_COLUMNS:
        out[column] = np.nan if column.startswith("factor") else ""
    out["role"] = "claim"
    if ids is not None:
        out["group"] = ids.to_numpy()
    ask = _Judge(judge_claims)
    readings = _rules(load, "estimate_readings")
    scopes = _rules(load, "scope_rules")
    by_id = (
        {r["id"]: r for _, r in readings.iterrows()} if ids is not None and len(readings) else {}
    )

    # the common case, as whole columns: the conservative factor, one-sided words
    verdict0 = out["verdict"].astype(str).to_numpy()
    low_all, high_all = claims["low"].to_numpy(dtype=float), claims["high"].to_numpy(dtype=float)
    b_low_all, b_high_all = (
        out["benchmark_low"].to_numpy(dtype=float),
        out["benchmark_high"].to_numpy(dtype=float),
    )
    over = verdict0 == OVERSTATES
    with np.errstate(all="ignore"):
        f_low_all, f_high_all = low_all / b_high_all, low_all / b_low_all
    out.loc[over, "factor_low"] = np.round(f_low_all[over], 1)
    out.loc[over, "factor_high"] = np.round(f_high_all[over], 1)
    out.loc[over, "factor"] = np.round(f_low_all[over], 1)
    under = verdict0 == UNDERSTATES
    out.loc[under, "factor_low"] = out.loc[under, "factor"]
    ranged = over & (np.round(f_low_all, 1) != np.round(f_high_all, 1))
    if ranged.any():
        out.loc[ranged, "explanation"] = [
            f"{e} Factor range {a:.1f}-{b:.1f}: {a:.1f} against the high end ({_fmt(h)}), "
            f"{b:.1f} against the "
            f"documented count; benchmark status {st}."
            for e, a, b, h, st in zip(
                out.loc[ranged, "explanation"],
                f_low_all[ranged],
                f_high_all[ranged],
                b_high_all[ranged],
                out.loc[ranged, "benchmark_status"],
            )
        ]
    one_sided = (verdict0 == CONSISTENT) & (np.isnan(low_all) | np.isnan(high_all))
    out.loc[one_sided, "verdict"] = NOT_CONTRADICTED
    out.loc[one_sided, "explanation"] = [
        e.replace(" is consistent with the ", " is not contradicted by the ", 1)
        for e in out.loc[one_sided, "explanation"]
    ]
    # the rest, one claim at a time: readings, bounds, scopes
    kinds = claims["quantity"].map({q: v.kind for q, v in QUANTITIES.items()}).fillna("").to_numpy()
    periods = claims["period"].fillna("").astype(str)
    day_spans = periods.str.contains(r"\d{4}-\d{2}-\d{2}/", regex=True).to_numpy()
    year_spans = periods.str.fullmatch(r"\d{4}/\d{4}").to_numpy()
    boundable = (verdict0 == NOT_COMPARABLE) & (kinds == "flow") & (day_spans | year_spans)
    scoped = claims["quantity"].isin(set(scopes["quantity"]) if len(scopes) else set()).to_numpy()
    scoped = scoped & np.isin(verdict0, [OVERSTATES, UNDERSTATES, CONSISTENT])
    read = (
        claims.index.isin([i for i in claims.index if str(ids.loc[i]) in by_id])
        if by_id and ids is not None
        else np.zeros(len(claims), bool)
    )
    work = out.index[(boundable | scoped | read) & (verdict0 != "")]
    # the rows being refined, as plain dicts (read and written without pandas in the loop)
    rows = _plain_rows(out, work)
    claim_rows = _plain_rows(claims, work)
    given = _plain_rows(results[["verdict", "explanation"]], work)
    id_of = ids.to_dict() if ids is not None else {}
    scope_rules: dict[str, list[dict[str, Any]]] = {}
    for rule in scopes.to_dict("records") if len(scopes) else []:
        scope_rules.setdefault(str(rule["quantity"]), []).append(rule)
    for index in work:
        claim, row = claim_rows[index], rows[index]
        quantity, period = str(claim["quantity"]), str(claim["period"] or "")
        low, high = float(claim["low"]), float(claim["high"])
        unit, region = str(claim["unit"]), str(claim["region"])
        floor = ceiling = False
        notes: list[str] = []
        reading = by_id.get(str(id_of[index])) if ids is not None else None
        if reading is not None:
            row["role"] = reading["role"] or "claim"
            row["group"] = reading["group"] or row["group"]
            row["reading"] = reading["reason"]
            if reading["role"] == "context":
                row["verdict"], row["factor"] = "", np.nan
                row["explanation"] = "Context, not scored: " + reading["reason"]
                continue
            if reading["verdict_as"] == NOT_COMPARABLE:
                row["verdict"], row["factor"] = NOT_COMPARABLE, np.nan
                row["explanation"] = "Not comparable: " + reading["reason"]
                for column in [
                    c for c in out.columns if c.startswith("benchmark_") or c.startswith("ratio")
                ]:
                    row[column] = np.nan
                continue
            quantity = reading["quantity"] or quantity
            period = reading["period"] or period
            if reading["value_as"] == "point":
                low = high = low if low == low else high
            floor = reading["bound"] == "floor"
        result = (
            ask(quantity, period, low, high, unit, region)
            if reading is not None
            else row
        )
        kind = QUANTITIES[quantity].kind if quantity in QUANTITIES else ""
        if not _has(result) and kind == "flow":
            inner, enclosing = year_bounds(period)
            floors = [inner] if inner else []
            if not inner and not enclosing:
                floors = _partial_floors(period)
            lower = next(
                (r for r in (ask(quantity, p, low, high, unit, region) for p in floors) if _has(r)),
                None,
            )
            upper = ask(quantity, enclosing, low, high, unit, region) if enclosing else None
            upper = upper if upper is not None and _has(upper) else None
            if lower is not None and upper is not None:
                result = lower.copy()
                result["benchmark_high"] = upper["benchmark_high"]
                result["benchmark_basis"] = (
                    f"at least: {lower['benchmark_basis']}; at most: {upper['benchmark_basis']}"
                )
                row["bound"] = "between"
                notes.append(
                    f"bounded by the whole years inside ({lower['benchmark_period']}) and around "
                    f"({upper['benchmark_period']}) the period claimed"
                )
            elif lower is not None:
                result, floor = lower, True
                notes.append(
                    f"the record holds {lower['benchmark_period']} only: its count is a floor"
                )
            elif upper is not None:
                result, ceiling = upper, True
                notes.append(
                    f"at most the total of the enclosing years {upper['benchmark_period']}"
                )
        if not _has(result):
            continue
        b_low, b_high = float(result["benchmark_low"]), float(result["benchmark_high"])
        verdict, f_low, f_high = _classify(low, high, b_low, b_high, tolerance, floor, ceiling)
        if floor:
            row["bound"] = "floor"
        elif ceiling:
            row["bound"] = "ceiling"
        # scopes: the same claim against every benchmark a careful reader could mean
        text = " ".join(str(claim.get(c, "")) for c in ("scope", "wording"))
        for rule in scope_rules.get(quantity, []):
            if rule["unless_words"] and re.search(rule["unless_words"], text, re.IGNORECASE):
                continue
            if rule["if_words"] and not re.search(rule["if_words"], text, re.IGNORECASE):
                continue
            other = ask(
                rule["also_against"],
                str(result["benchmark_period"] or period),
                low,
                high,
                unit,
                region,
            )
            if not _has(other):
                continue
            o_verdict, o_low, o_high = _classify(
                low,
                high,
                float(other["benchmark_low"]),
                float(other["benchmark_high"]),
                tolerance,
                floor,
                ceiling,
            )
            row["also_against"] = (
                f"{other['benchmark_id']} ({_fmt(float(other['benchmark_low']))}"
                + (
                    f" to {_fmt(float(other['benchmark_high']))}"
                    if other["benchmark_high"] != other["benchmark_low"]
                    else ""
                )
                + f", status {other['benchmark_status']}): {o_verdict}"
                + (f" {o_low:.1f}" if o_low == o_low else "")
                + f"; {rule['reason']}"
            )
            if o_verdict == verdict == OVERSTATES:  # the headline is the conservative factor
                f_high = max(f_high, o_high) if f_high == f_high else o_high
                if o_low < f_low:
                    notes.append(
                        f"the conservative {o_low:.1f} is against {other['benchmark_id']} "
                        f"({_fmt(float(other['benchmark_high']))}, "
                        f"status {other['benchmark_status']}): "
                        f"{rule['reason']}"
                    )
                f_low = min(f_low, o_low)
            elif verdict == OVERSTATES and o_verdict != OVERSTATES:
                notes.append(f"against {other['benchmark_id']} it is {o_verdict.replace('_', ' ')}")
                verdict, f_low, f_high = o_verdict, o_low, o_high
                result = other
        if reading is not None or row["bound"]:
            for column in [c for c in out.columns if c.startswith("benchmark_")]:
                if column in result:
                    row[column] = result[column]
            row["ratio_low"] = low / b_low if b_low > 0 else np.nan
            row["ratio_high"] = high / b_low if b_low > 0 else np.nan
        row["verdict"] = verdict
        row["factor"] = round(f_low, 1) if f_low == f_low else np.nan
        row["factor_low"] = round(f_low, 1) if f_low == f_low else np.nan
        row["factor_high"] = round(f_high, 1) if f_high == f_high else np.nan
        same = (
            reading is None
            and not row["bound"]
            and not row["also_against"]
            and verdict == given[index]["verdict"]
        )
        if same and verdict != OVERSTATES:
            continue
        if same:  # only the factor changed: the conservative one, with the range
            row["explanation"] = str(given[index]["explanation"]) + (
                f" Factor range {f_low:.1f}-{f_high:.1f}: {f_low:.1f} against the high end"
                f" ({_fmt(b_high)}), {f_high:.1f} against the documented count;"
                f" benchmark status {result['benchmark_status']}."
                if f_high == f_high and round(f_high, 1) != round(f_low, 1)
                else ""
            )
            continue
        row["explanation"] = _explain(
            verdict,
            f_low,
            f_high,
            result,
            notes,
            floor,
            ceiling,
            str(row["reading"]),
            tolerance,
            low,
            high,
        )
    if rows:  # written back column by column: a pandas write per claim and cell was the cost
        changed = list(rows)
        for column in out.columns:
            out.loc[changed, column] = [rows[i][column] for i in changed]
    return out


def _fmt(x: float) -> str:
    return "" if x != x else f"{x:,.0f}"


def _explain(
    verdict: str,
    f_low: float,
    f_high: float,
    result: Mapping[str, Any],
    notes: list[str],
    floor: bool,
    ceiling: bool,
    reading: str,
    tolerance: float,
    low: float,
    high: float,
) -> str:
    """One sentence: the verdict, the factor range, the benchmark and its status, the reading."""
    claimed = (
        _fmt(low)
        if low == high
        else (
            f"{_fmt(low)} to {_fmt(high)}"
            if low == low and high == high
            else (f"at least {_fmt(low)}" if low == low else f"at most {_fmt(high)}")
        )
    )
    b_low, b_high = float(result["benchmark_low"]), float(result["benchmark_high"])
    bench = _fmt(b_low) if b_low == b_high else f"{_fmt(b_low)} to {_fmt(b_high)}"
    when = (
        period_phrase(str(result["benchmark_period"]))
        if result["benchmark_period"] == result["benchmark_period"]
        else ""
    )
    what = (
        f"{bench} {when} ({result['benchmark_id']}, benchmark status {result['benchmark_status']})"
    )
    status = result["benchmark_status"]
    if floor:
        what = f"at least {_fmt(b_low)} documented ({result['benchmark_id']}, status {status})"
    if ceiling:
        what = f"at most {_fmt(b_high)} ({result['benchmark_id']}, status {status})"
    if verdict == OVERSTATES:
        times = (
            f"{f_low:.1f}"
            if f_high != f_high or round(f_high, 1) == round(f_low, 1)
            else f"{f_low:.1f}-{f_high:.1f}"
        )
        head = f"Overstates {'at least ' if ceiling else ''}{times} times: {claimed} against {what}"
    elif verdict == UNDERSTATES:
        times = (
            f"{f_low:.1f}"
            if f_high != f_high or round(f_high, 1) == round(f_low, 1)
            else f"{f_low:.1f}-{f_high:.1f}"
        )
        head = f"Understates {times} times: {claimed} against {what}"
    elif verdict == NOT_CONTRADICTED:
        head = f"Not contradicted: {claimed} against {what}"
    else:
        head = f"Consistent: {claimed} against {what}, allowing {tolerance:.0%} either way"
    tail = "; ".join([*notes, *([f"read as: {reading}"] if reading else [])])
    return head + (f" ({tail})." if tail else ".")


def tally(frame: pd.DataFrame) -> dict[str, int]:
    """Verdicts counted once per claim: context rows left out, a group of restatements counted once.

    Examples
    --------
    >>> import gulagstats
    >>> counts = tally(gulagstats.compare())
    >>> sum(counts.values()) < len(gulagstats.compare())
    True
    """
    scored = frame[
        frame.get("role", pd.Series("claim", index=frame.index)).fillna("claim") != "context"
    ]
    groups = scored.get("group", scored.get("id"))
    firsts = scored.loc[~groups.duplicated()] if groups is not None else scored
    return {str(k): int(v) for k, v in firsts["verdict"].value_counts().items()}
