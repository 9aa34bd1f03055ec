"""Verdicts a historian would sign: scopes, factor ranges, bounds, one-sided claims, readings.

:func:`gulagstats.estimates.verdicts.judge_claims` sets a claim against *one*
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

Steps 1-3 do not depend on the number claimed: they are decided once per
distinct question (quantity, period, unit, region, scope words, reading, and
the benchmark judge_claims() found), with the record asked all its questions in one
judge_claims() per round, and the claims of each question are then classified as
whole columns; only the explanations are written claim by claim.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from ..periods import period_phrase
from ..vocabulary import (
    CONSISTENT,
    NOT_COMPARABLE,
    NOT_CONTRADICTED,
    OVERSTATES,
    QUANTITIES,
    UNDERSTATES,
)

#: Columns refine() adds to judge_claims()'s results.
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
    """The benchmark judge_claims() finds for a question, cached by quantity, period, unit and region.

    The benchmark a question finds (or the reason it finds none) does not depend on
    the number claimed, so the question is asked once with a neutral claim and the
    caller classifies each claimed number against it (:func:`_classify`): asking once
    per distinct number made a batch of claims cost one full judge_claims() each.  Questions
    known in advance are asked together, in one judge_claims() (:meth:`prefetch`).
    """

    def __init__(self, judge: Callable[[pd.DataFrame], pd.DataFrame]):
        self._judge = judge
        self._cache: dict[tuple[str, str, str, str], dict[str, Any]] = {}
        self._missing: set[tuple[str, str, str, str]] | None = None  # while prefetching

    def __call__(self, quantity: str, period: str, unit: str, region: str) -> dict[str, Any]:
        key = (quantity, period, unit, region)
        if key not in self._cache:
            if self._missing is not None:  # prefetching: note the question, answer "no benchmark"
                self._missing.add(key)
                return {"verdict": ""}
            self._ask([key])
        return self._cache[key]

    def prefetch(self, asking: Callable[[], object]) -> None:
        """Ask every question ``asking()`` asks, in one judge_claims() per round.

        ``asking`` is run with the questions not yet answered noted (and answered
        as if the record had no benchmark); the noted questions are then asked
        together, and ``asking`` run again until it asks nothing new (a question
        can depend on the answer to another: a bound, then a scope).
        """
        while True:
            self._missing = set()
            try:
                asking()
            finally:
                missing, self._missing = self._missing, None
            if not missing:
                return
            self._ask(sorted(missing))

    def _ask(self, keys: list[tuple[str, str, str, str]]) -> None:
        claims = pd.DataFrame(
            [
                {
                    "quantity": quantity,
                    "period": period,
                    # judge_claims() tells claims apart by the period as written (an empty label
                    # reads as the period): without it, all periods would be one question
                    "period_label": period,
                    "low": 1.0,  # a neutral claim: only the benchmark found is used
                    "high": 1.0,
                    "unit": unit,
                    "region": region,
                    "error": "",
                }
                for quantity, period, unit, region in keys
            ]
        )
        judged = self._judge(claims)
        for k, key in enumerate(keys):
            self._cache[key] = judged.iloc[k].to_dict()


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
        judge_claims()'s results on the same index.
    judge_claims : callable
        judge_claims() bound to the record and tolerance, for re-asking.
    load : callable
        ``gulagstats.load``, for the rule tables ``scope_rules`` and ``estimate_readings``.
    tolerance : float
        As in judge_claims().
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
    # the rest: readings, bounds and scopes, planned once per distinct question
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
    if len(work):
        scope_rules: dict[str, list[dict[str, Any]]] = {}
        for rule in scopes.to_dict("records") if len(scopes) else []:
            scope_rules.setdefault(str(rule["quantity"]), []).append(rule)
        _refine_work(out, claims, results, work, ids, by_id, scope_rules, ask, tolerance)
    return out


@dataclass(frozen=True)
class _Plan:
    """What refining a claim needs that does not depend on the number claimed.

    One plan serves every claim with the same question (quantity, period, unit,
    region, scope words, reading, and the benchmark judge_claims() found): the record
    is asked, the bounds and the scope rules are decided once per plan, and
    only the classification of each claimed number is left per claim.

    Attributes
    ----------
    reading : mapping or None
        The reading of the estimate (``estimate_readings``), if any.
    skip : str
        ``"context"`` or ``"incomparable"`` (a reading says so), or
        ``"unanswered"`` (no benchmark, not even a bound): no verdict to compute.
    result : mapping or None
        The benchmark the claim is set against; None: the claim's own judge_claims() result.
    floor, ceiling, between : bool
        The benchmark is a floor, a ceiling, or a floor and a ceiling (``between``).
    point : bool
        The reading takes a range as a point (its low end, else its high end).
    notes : tuple of str
        Notes for the explanation (which bound was used).
    others : tuple of (rule, benchmark) pairs
        The scope rules that apply, each with the benchmark it points to.
    """

    reading: Mapping[str, Any] | None = None
    skip: str = ""
    result: Mapping[str, Any] | None = None
    floor: bool = False
    ceiling: bool = False
    between: bool = False
    point: bool = False
    notes: tuple[str, ...] = ()
    others: tuple[tuple[Mapping[str, Any], Mapping[str, Any]], ...] = ()


def _bounded(
    ask: _Judge, quantity: str, period: str, unit: str, region: str
) -> tuple[Mapping[str, Any] | None, str, str]:
    """The benchmark bounding a flow over a partial period, and what bounds it.

    Returns ``(result, bound, note)``: ``bound`` is ``"between"``, ``"floor"``,
    ``"ceiling"``, or ``""`` with ``result`` None when the record bounds nothing.
    """
    inner, enclosing = year_bounds(period)
    floors = [inner] if inner else []
    if not inner and not enclosing:
        floors = _partial_floors(period)
    lower = next((r for r in (ask(quantity, p, unit, region) for p in floors) if _has(r)), None)
    upper = ask(quantity, enclosing, unit, region) if enclosing else None
    upper = upper if upper is not None and _has(upper) else None
    if lower is not None and upper is not None:
        result = dict(lower)
        result["benchmark_high"] = upper["benchmark_high"]
        result["benchmark_basis"] = (
            f"at least: {lower['benchmark_basis']}; at most: {upper['benchmark_basis']}"
        )
        return (
            result,
            "between",
            (
                f"bounded by the whole years inside ({lower['benchmark_period']}) and around "
                f"({upper['benchmark_period']}) the period claimed"
            ),
        )
    if lower is not None:
        return (
            lower,
            "floor",
            f"the record holds {lower['benchmark_period']} only: its count is a floor",
        )
    if upper is not None:
        return (
            upper,
            "ceiling",
            f"at most the total of the enclosing years {upper['benchmark_period']}",
        )
    return None, "", ""


def _plan(
    ask: _Judge,
    scope_rules: Mapping[str, list[dict[str, Any]]],
    reading: Mapping[str, Any] | None,
    question: tuple[str, str, str, str, str],
    own_has: bool,
    own_period: str,
) -> _Plan:
    """Plan the refinement of the claims that ask ``question``.

    Parameters
    ----------
    ask : _Judge
        The cached judge_claims().
    scope_rules : mapping
        The scope rules by quantity.
    reading : mapping or None
        The estimate's reading.
    question : tuple of str
        ``(quantity, period, unit, region, text)``, ``text`` being the claim's
        scope and wording.
    own_has : bool
        Whether judge_claims() found a benchmark for the claim as written.
    own_period : str
        The period of that benchmark, else the claim's (where the scope rules look).
    """
    quantity, period, unit, region, text = question
    floor = point = False
    result: Mapping[str, Any] | None = None
    if reading is not None:
        if reading["role"] == "context":
            return _Plan(reading, "context")
        if reading["verdict_as"] == NOT_COMPARABLE:
            return _Plan(reading, "incomparable")
        quantity = reading["quantity"] or quantity
        period = reading["period"] or period
        point = reading["value_as"] == "point"
        floor = reading["bound"] == "floor"
        result = ask(quantity, period, unit, region)
        own_has = _has(result)
        own_period = str(result["benchmark_period"] or period) if own_has else ""
    bound, notes = "", []
    kind = QUANTITIES[quantity].kind if quantity in QUANTITIES else ""
    if not own_has and kind == "flow":
        found, bound, note = _bounded(ask, quantity, period, unit, region)
        if found is None:
            return _Plan(reading, "unanswered")
        result, notes = found, [note]
        own_period = str(found["benchmark_period"] or period)
    elif not own_has:
        return _Plan(reading, "unanswered")
    others = []
    for rule in scope_rules.get(quantity, []):
        if rule["unless_words"] and re.search(rule["unless_words"], text, re.IGNORECASE):
            continue
        if rule["if_words"] and not re.search(rule["if_words"], text, re.IGNORECASE):
            continue
        other = ask(rule["also_against"], own_period, unit, region)
        if _has(other):
            others.append((rule, other))
    return _Plan(
        reading=reading,
        result=result,
        floor=floor or bound == "floor",
        ceiling=bound == "ceiling",
        between=bound == "between",
        point=point,
        notes=tuple(notes),
        others=tuple(others),
    )


def _refine_work(
    out: pd.DataFrame,
    claims: pd.DataFrame,
    results: pd.DataFrame,
    work: pd.Index,
    ids: pd.Series | None,
    by_id: Mapping[str, Mapping[str, Any]],
    scope_rules: Mapping[str, list[dict[str, Any]]],
    ask: _Judge,
    tolerance: float,
) -> None:
    """Refine the rows ``work`` of ``out`` in place: a plan per distinct question, then per claim.

    The rows are read column by column into arrays, refined by position and
    written back column by column (a pandas write per claim and cell was the cost).
    """
    positions = out.index.get_indexer(work)
    cells: dict[str, np.ndarray] = {}  # the columns read or written, at the rows refined

    def cell(column: str) -> np.ndarray:
        if column not in cells:
            cells[column] = out[column].iloc[positions].to_numpy(dtype=object, copy=True)
        return cells[column]

    at = claims.index.get_indexer(work)

    def claimed(column: str) -> np.ndarray:
        return claims[column].iloc[at].to_numpy(dtype=object)

    lows, highs = claims["low"].to_numpy(dtype=float)[at], claims["high"].to_numpy(dtype=float)[at]
    quantities = [str(q) for q in claimed("quantity")]
    periods = [str(p or "") for p in claimed("period")]
    units, regions = [str(u) for u in claimed("unit")], [str(r) for r in claimed("region")]
    words = [
        claimed(c) if c in claims.columns else np.full(len(work), "", object)
        for c in ("scope", "wording")
    ]
    texts = [" ".join((str(s), str(w))) for s, w in zip(*words)]
    readings = (
        [by_id.get(str(i)) for i in ids.to_numpy(dtype=object)[ids.index.get_indexer(work)]]
        if ids is not None
        else [None] * len(work)
    )
    given_at = results.index.get_indexer(work)
    given_verdicts = results["verdict"].iloc[given_at].to_numpy(dtype=object)
    given_explanations = results["explanation"].iloc[given_at].to_numpy(dtype=object)
    own = [dict(zip(_OWN, values)) for values in zip(*(cell(c) for c in _OWN), strict=True)]
    groups = cell("group")
    benchmarks = {c for c in out.columns if c.startswith("benchmark_")}
    blanked = [c for c in out.columns if c.startswith(("benchmark_", "ratio"))]
    keys: list[tuple] = []  # each claim's question
    asked: dict[tuple, tuple] = {}  # the plan's arguments of each distinct question
    for k in range(len(work)):
        question = (quantities[k], periods[k], units[k], regions[k], texts[k])
        own_has = _has(own[k])
        own_period = str(own[k]["benchmark_period"] or periods[k]) if own_has else ""
        keys.append((id(readings[k]), question, own_has, own_period))
        asked.setdefault(keys[-1], (readings[k], question, own_has, own_period))

    def planned() -> dict[tuple, _Plan]:
        return {key: _plan(ask, scope_rules, *args) for key, args in asked.items()}

    ask.prefetch(planned)
    plans = planned()
    members: dict[tuple, list[int]] = {}  # the claims of each distinct question
    for k, key in enumerate(keys):
        members.setdefault(key, []).append(k)
    targets: dict[str, list[str]] = {}
    for key, rows in members.items():
        plan = plans[key]
        if plan.skip == "unanswered" and plan.reading is None:  # nothing to refine
            continue
        at_rows = np.array(rows)
        writes = _refine_group(
            plan,
            lows[at_rows],
            highs[at_rows],
            [own[k] for k in rows],
            groups[at_rows],
            given_verdicts[at_rows],
            given_explanations[at_rows],
            cell("explanation")[at_rows],
            tolerance,
        )
        for column, values in writes.items():
            if column not in targets:  # the columns a write goes to (none: not a column of out)
                targets[column] = (
                    blanked
                    if column == "benchmark_*"
                    else [column]
                    if column in benchmarks or not column.startswith("benchmark_")
                    else []
                )
                for c in targets[column]:
                    cell(c)
            for c in targets[column]:
                cells[c][at_rows] = values
    written = {c for columns in targets.values() for c in columns}
    for column in [c for c in out.columns if c in written]:  # written back column by column
        out.loc[work, column] = list(cells[column])


#: The columns of a claim's own judge_claims() result that refining it reads.
_OWN = (
    "verdict",
    "benchmark_id",
    "benchmark_period",
    "benchmark_low",
    "benchmark_high",
    "benchmark_status",
)


def _refine_group(
    plan: _Plan,
    low: np.ndarray,
    high: np.ndarray,
    own: list[Mapping[str, Any]],
    group: np.ndarray,
    given_verdict: np.ndarray,
    given_explanation: np.ndarray,
    explanation: np.ndarray,
    tolerance: float,
) -> dict[str, Any]:
    """The cells a plan writes for the claims of its question, as whole columns.

    Parameters
    ----------
    plan : _Plan
        The plan of the claims' question.
    low, high : numpy.ndarray
        The claimed ranges (nan for an open end).
    own : list of mapping
        Each claim's own judge_claims() result (:data:`_OWN`).
    group : numpy.ndarray
        Each claim's group as given (its estimate id, or "").
    given_verdict, given_explanation : numpy.ndarray
        judge_claims()'s verdict and explanation for each claim.
    explanation : numpy.ndarray
        Each claim's explanation so far (kept where the verdict stands as judged).
    tolerance : float
        As in judge_claims().

    Returns
    -------
    dict
        Column to new values (a list, one per claim, or one value for all); the
        key ``"benchmark_*"`` sets every ``benchmark_`` and ``ratio`` column.
    """
    n = len(low)
    writes: dict[str, Any] = {}
    reading = plan.reading
    reason = str(reading["reason"]) if reading is not None else ""
    if reading is not None:
        writes["role"] = reading["role"] or "claim"
        writes["group"] = reading["group"] if reading["group"] else list(group)
        writes["reading"] = reading["reason"]
    if plan.skip == "context":
        writes.update(verdict="", factor=np.nan, explanation="Context, not scored: " + reason)
        return writes
    if plan.skip == "incomparable":
        writes.update(verdict=NOT_COMPARABLE, factor=np.nan)
        writes.update({"explanation": "Not comparable: " + reason, "benchmark_*": np.nan})
        return writes
    if plan.skip:
        return writes
    if plan.point:
        low = high = np.where(low == low, low, high)
    results: list[Mapping[str, Any]] = (
        own if plan.result is None else [plan.result] * n
    )  # each claim's benchmark, then the scope's it is judged against (a scope can change it)
    b_low = np.array([float(r["benchmark_low"]) for r in results])
    b_high = np.array([float(r["benchmark_high"]) for r in results])
    floor, ceiling = plan.floor, plan.ceiling
    verdict, f_low, f_high = _classify_many(low, high, b_low, b_high, tolerance, floor, ceiling)
    bound = "floor" if floor else "ceiling" if ceiling else "between" if plan.between else ""
    notes = [list(plan.notes) for _ in range(n)]
    also = np.full(n, "", dtype=object)
    for rule, other in plan.others:  # the same claims against every benchmark a reader could mean
        o_b_low, o_b_high = float(other["benchmark_low"]), float(other["benchmark_high"])
        o_verdict, o_low, o_high = _classify_many(
            low, high, np.full(n, o_b_low), np.full(n, o_b_high), tolerance, floor, ceiling
        )
        head = (
            f"{other['benchmark_id']} ({_fmt(o_b_low)}"
            + (f" to {_fmt(o_b_high)}" if other["benchmark_high"] != other["benchmark_low"] else "")
            + f", status {other['benchmark_status']}): "
        )
        also[:] = [
            head + v + (f" {x:.1f}" if x == x else "") + f"; {rule['reason']}"
            for v, x in zip(o_verdict, o_low.tolist())
        ]
        over = verdict == OVERSTATES
        both = over & (o_verdict == OVERSTATES)  # the headline is the conservative factor
        f_high = np.where(both & ((f_high != f_high) | (o_high > f_high)), o_high, f_high)
        for i in np.flatnonzero(both & (o_low < f_low)):
            notes[i].append(
                f"the conservative {float(o_low[i]):.1f} is against {other['benchmark_id']} "
                f"({_fmt(o_b_high)}, status {other['benchmark_status']}): {rule['reason']}"
            )
        f_low = np.where(both & (o_low < f_low), o_low, f_low)
        switch = over & (o_verdict != OVERSTATES)
        for i in np.flatnonzero(switch):
            notes[i].append(f"against {other['benchmark_id']} it is {o_verdict[i].replace('_', ' ')}")
        if switch.any():
            results = [other if s else r for s, r in zip(switch, results)]
        verdict = np.where(switch, o_verdict, verdict)
        f_low, f_high = np.where(switch, o_low, f_low), np.where(switch, o_high, f_high)
    writes["bound"], writes["also_against"] = bound, list(also)
    lows, highs, f_lows, f_highs = low.tolist(), high.tolist(), f_low.tolist(), f_high.tolist()
    if reading is not None or bound:  # then every benchmark is the plan's or a scope's
        columns = [c for c in results[0] if c.startswith("benchmark_")]
        writes.update({c: [r[c] for r in results] for c in columns})
        with np.errstate(all="ignore"):
            writes["ratio_low"] = np.where(b_low > 0, low / b_low, np.nan).tolist()
            writes["ratio_high"] = np.where(b_low > 0, high / b_low, np.nan).tolist()
    writes["verdict"] = list(verdict)
    writes["factor"] = writes["factor_low"] = [round(x, 1) if x == x else np.nan for x in f_lows]
    writes["factor_high"] = [round(x, 1) if x == x else np.nan for x in f_highs]
    explanation = explanation.copy()
    unchanged = reading is None and not bound and not plan.others
    for k in range(n):
        if unchanged and verdict[k] == given_verdict[k]:
            if verdict[k] != OVERSTATES:
                continue  # the verdict stands as judged
            a, b = f_lows[k], f_highs[k]  # only the factor changed: the conservative one
            explanation[k] = str(given_explanation[k]) + (
                f" Factor range {a:.1f}-{b:.1f}: {a:.1f} against the high end"
                f" ({_fmt(float(b_high[k]))}), {b:.1f} against the documented count;"
                f" benchmark status {results[k]['benchmark_status']}."
                if b == b and round(b, 1) != round(a, 1)
                else ""
            )
            continue
        explanation[k] = _explain(
            verdict[k],
            f_lows[k],
            f_highs[k],
            results[k],
            notes[k],
            floor,
            ceiling,
            reason,
            tolerance,
            lows[k],
            highs[k],
        )
    writes["explanation"] = list(explanation)
    return writes


def _classify_many(
    low: np.ndarray,
    high: np.ndarray,
    b_low: np.ndarray,
    b_high: np.ndarray,
    tolerance: float,
    floor: bool = False,
    ceiling: bool = False,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_classify` over arrays of claims and benchmarks: the same verdicts and factors.

    Examples
    --------
    >>> v, f_low, f_high = _classify_many(
    ...     np.array([7e6, 1.71e6, 1e5]), np.array([7e6, np.nan, 1e5]),
    ...     np.full(3, 1575259.0), np.full(3, 2.5e6), 0.15)
    >>> v.tolist(), [round(x, 1) for x in f_low.tolist()]
    (['overstates', 'not_contradicted', 'understates'], [2.8, nan, 15.8])
    """
    n = len(low)
    top = np.full(n, np.inf) if floor else b_high
    bottom = np.zeros(n) if ceiling else b_low
    f_low, f_high = np.full(n, np.nan), np.full(n, np.nan)
    with np.errstate(all="ignore"):
        over = (low == low) & (low > top * (1 + tolerance))
        under = ~over & (high == high) & (bottom > 0) & (high < bottom / (1 + tolerance))
        times = over & ~(top <= 0)  # above a benchmark of zero: by no number of times
        f_low[times] = low[times] / top[times]
        f_high[times] = np.where(bottom[times] > 0, low[times] / bottom[times], np.nan)
        below = under & ~(high <= 0)  # a claim of zero: infinitely below
        f_low[below] = bottom[below] / high[below]
        f_high[below] = np.nan if floor else b_high[below] / high[below]
    f_low[under & (high <= 0)] = f_high[under & (high <= 0)] = np.inf
    verdict = np.full(n, CONSISTENT, dtype=object)
    verdict[(low != low) | (high != high) | floor | ceiling] = NOT_CONTRADICTED
    verdict[under] = UNDERSTATES
    verdict[over] = OVERSTATES
    return verdict, f_low, f_high


#: period_phrase() of each distinct period, computed once (a sentence per claim asked it again).
_period_phrase = lru_cache(maxsize=4096)(period_phrase)


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
        _period_phrase(str(result["benchmark_period"]))
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
    # the factor, or its range when the widest and narrowest benchmarks give different ones
    times = (
        f"{f_low:.1f}" if f_high != f_high or round(f_high, 1) == round(f_low, 1) else f"{f_low:.1f}-{f_high:.1f}"
    )
    if verdict == OVERSTATES:
        head = f"Overstates {'at least ' if ceiling else ''}{times} times: {claimed} against {what}"
    elif verdict == UNDERSTATES:
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
