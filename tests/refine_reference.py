"""The per-claim refine() as of commit 57b0814, kept as the reference the faster refine() is held to.

scope.refine() now plans once per distinct question and classifies claims by
plan; this module is the loop it replaced, claim by claim, with its own
per-claim record look-ups.  Only tests import it: tests/test_refine.py checks
that both give the same frame for generated claims and for compare().
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from gulagstats.estimates.scope import (
    REFINED_COLUMNS,
    _classify,
    _explain,
    _fmt,
    _has,
    _partial_floors,
    _rules,
    year_bounds,
)
from gulagstats.vocabulary import (
    CONSISTENT,
    NOT_COMPARABLE,
    NOT_CONTRADICTED,
    OVERSTATES,
    QUANTITIES,
    UNDERSTATES,
)


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


def refine_reference(
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
