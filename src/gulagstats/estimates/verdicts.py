"""Published estimates and claims against the archival record: compare, assess one claim, assess many.

Each goes through the one judging pipeline (:mod:`gulagstats.estimates.judge`):
question, plan (every reading the rules allow, every benchmark typed as a
point, a floor or a ceiling), comparison, verdict (with its sensitivity to the
reading and the source), explanation.  A verdict is ``consistent`` (the
ranges meet within :data:`~gulagstats.vocabulary.CLAIM_TOLERANCE`, 15
percent), ``not_contradicted`` (a one-sided claim, or a claim on the allowed
side of a floor or a ceiling: not a confirmation), ``overstates`` (above a
ceiling or a point, never a floor alone) or ``understates`` (below a floor or a
point), ``not_comparable`` with the reason, or ``depends_on_reading`` /
``depends_on_source`` when the readings or the published values disagree.

:data:`~gulagstats.vocabulary.CLAIM_TOLERANCE` (a setting of ``data/vocabulary.csv``) is 15
percent.  Two things blur a comparison that much: the archival reporting streams
themselves differ by a few percent for the same count (camp deaths of 1934: 26,295 or 25,187; special settlers on 1 January
1937: 916,787 or 917,227) and GRZ note that the postwar compilations run
"somewhat higher" than the 1930s reports; and published estimates are rounded
("about 700,000", "1.5 million" stand for a few percent either way).  A claim
off by more than that is a different number, not a rounding of the same one.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from ..core.record import Record
from ..errors import DataFormatError, InvalidEstimateError
from ..models import Assessment, Benchmark
from ..vocabulary import QUANTITIES
from .claims import check_claims, keep_input_columns, read_claims, refuse_repeated_columns
from .judge import CLAIM_TOLERANCE, REFINED_COLUMNS, RESULT_COLUMNS, judge_claims
from .vocabulary import unknown_quantity

__all__ = [
    "CLAIM_TOLERANCE", "COMPARE_COLUMNS", "RESULT_COLUMNS", "assess_many", "assess_many_in_parts", "assess_one",
    "claims_of", "compare_estimates",
]

#: The columns compare() returns first, in this order (the estimates figure reads them).
COMPARE_COLUMNS = [
    "id", "author", "work", "year", "quantity", "period", "scope", "low", "high", "wording",
    "source", "locator", "status", "benchmark_id", "benchmark_low", "benchmark_high",
    "benchmark_source", "ratio_low", "ratio_high", "verdict", "factor", "explanation",
]


def compare_estimates(record: Record, quantity: str | None = None) -> pd.DataFrame:
    """Every published estimate of ``record`` against its benchmarks (:func:`gulagstats.compare`).

    Returns
    -------
    pandas.DataFrame
        One row per estimate of ``data/tables/estimates.csv``, first the
        columns of :data:`COMPARE_COLUMNS`, then ``period_as_printed``,
        ``region``, ``unit``, ``second_hand``, ``note``, the benchmark's
        ``period``, ``status``, ``scope``, ``basis``, ``caveats`` and
        ``locator``, and the columns of :data:`~gulagstats.estimates.judge.REFINED_COLUMNS`.

    Raises
    ------
    UnknownQuantityError
        For a quantity outside the vocabulary (with suggestions).

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> c = compare_estimates(default_record(), "arrests").set_index("id")
    >>> c.loc["conquest1990-arrests", "verdict"]
    'overstates'
    """
    if quantity is not None and quantity not in QUANTITIES:
        raise unknown_quantity(quantity)
    estimates = record.load("estimates").drop(columns=["start", "end"], errors="ignore")
    if quantity is not None:
        estimates = estimates[estimates["quantity"] == quantity].reset_index(drop=True)
    results = judge_claims(claims_of(estimates), record, ids=estimates["id"])
    extra = ["period_as_printed", "region", "unit", "second_hand", "note"]
    bench_extra = ["benchmark_period", "benchmark_status", "benchmark_scope", "benchmark_basis", "benchmark_caveats", "benchmark_locator"]
    out = pd.concat([estimates, results], axis=1)
    return out[COMPARE_COLUMNS + extra + bench_extra + REFINED_COLUMNS]


def claims_of(estimates: pd.DataFrame) -> pd.DataFrame:
    """The published estimates as claims to judge (the columns :func:`~gulagstats.estimates.judge.judge_claims` reads).

    Examples
    --------
    >>> import gulagstats
    >>> claims_of(gulagstats.load("estimates")).columns.tolist()[:3]
    ['quantity', 'period', 'period_label']
    """
    return pd.DataFrame(
        {
            "quantity": estimates["quantity"],
            "period": estimates["period"].fillna(""),
            "period_label": estimates["period_as_printed"].fillna(""),
            "low": estimates["low"].astype(float),
            "high": estimates["high"].astype(float),
            "unit": estimates["unit"],
            "region": estimates["region"],
            "error": "",
            "scope": estimates["scope"].fillna(""),
            "wording": estimates["wording"].fillna(""),
        }
    )


def _optional(x: float) -> float | None:
    """A number of a result row, None where it is missing (never NaN in a model)."""
    return None if math.isnan(x) else float(x)


def _as_text(value: object) -> str:
    return "" if value is None else str(value)


def _as_given(value: object) -> object:
    """A claim's number as given: text as text (read by the number parser), a Python number kept a number."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return _as_text(value)


def assess_one(
    record: Record,
    quantity: str,
    value: object = None,
    low: object = None,
    high: object = None,
    period: str | None = None,
    unit: str | None = None,
) -> Assessment:
    """Assess one claim against ``record`` (:func:`gulagstats.assess`); ``unit`` for a rate (per 1,000 inhabitants).

    Raises
    ------
    UnknownQuantityError
        For a quantity outside the vocabulary (with the nearest names).
    InvalidEstimateError
        For a value that is not a finite non-negative number, no value, low
        above high, or a period that is not a year, a day or a span.

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> assess_one(default_record(), "executions", 7_000_000, period="1937-1938").factor
    10.3
    >>> assess_one(default_record(), "arrests", 50, period="1937-1938", unit="per 1,000 adults").verdict
    'overstates'
    """
    row = {"quantity": _as_text(quantity), "value": _as_given(value), "low": _as_given(low), "high": _as_given(high)}
    checked = check_claims(pd.DataFrame([{**row, "period": _as_text(period), "unit": _as_text(unit)}]))
    if bool(checked["unknown_quantity"].iloc[0]) or checked["quantity"].iloc[0] == "":
        raise unknown_quantity(_as_text(quantity))
    if checked["error"].iloc[0]:
        raise InvalidEstimateError(f"cannot assess this claim: {checked['error'].iloc[0]}")
    claim = checked.iloc[0]
    result = judge_claims(checked, record).iloc[0]
    benchmark = None
    if isinstance(result["benchmark_id"], str):
        benchmark = Benchmark(
            id=result["benchmark_id"],
            quantity=claim["quantity"],
            period=result["benchmark_period"],
            scope=result["benchmark_scope"],
            low=result["benchmark_low"],
            high=result["benchmark_high"],
            basis=result["benchmark_basis"],
            caveats=result["benchmark_caveats"],
            source=result["benchmark_source"],
            locator=result["benchmark_locator"],
            status=result["benchmark_status"],
        )

    point = claim["low"] == claim["high"]
    return Assessment(
        quantity=claim["quantity"],
        period=claim["period"] or None,
        low=_optional(claim["low"]),
        high=_optional(claim["high"]),
        benchmark=benchmark,
        ratio=_optional(result["ratio_low"]) if point else None,
        ratio_low=_optional(result["ratio_low"]),
        ratio_high=_optional(result["ratio_high"]),
        verdict=result["verdict"],
        factor=_optional(result["factor"]),
        factor_low=_optional(result["factor_low"]),
        factor_high=_optional(result["factor_high"]),
        bound=str(result["bound"] or ""),
        preferred_verdict=str(result["preferred_verdict"] or result["verdict"]),
        sensitivity=str(result["sensitivity"] or ""),
        verdict_range=str(result["verdict_range"] or ""),
        lacks=str(result["lacks"] or ""),
        explanation=result["explanation"],
        sources=[record.source(k) for k in benchmark.source.split("; ")] if benchmark else [],
    )


def assess_many(record: Record, claims: pd.DataFrame | str | Path) -> pd.DataFrame:
    """Assess many claims (a frame, or a CSV file) against ``record``, one row a claim (:func:`gulagstats.assess_claims`).

    Raises
    ------
    DataFormatError
        If the file is missing, not UTF-8, not a CSV, or has no quantity column.

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> out = assess_many(default_record(), pd.DataFrame({"quantity": ["arrests"], "value": ["2000000"],
    ...                                                   "period": ["1937-1938"]}))
    >>> out.verdict.tolist()
    ['consistent']
    """
    if isinstance(claims, pd.DataFrame):
        if "quantity" not in [str(c).strip().lower() for c in claims.columns]:
            raise DataFormatError("claims have no quantity column; expected quantity and value (or low, high)")
        refuse_repeated_columns([str(c) for c in claims.columns], "claims")
        header, renamed = keep_input_columns([str(c) for c in claims.columns])
        frame = claims.reset_index(drop=True).astype(object).where(claims.notna().to_numpy(), "")
        frame.columns = header  # the claims' own columns are kept, under input_NAME if a result has NAME
        frame["line"] = np.arange(len(frame)) + 2
        frame.attrs["renamed"] = renamed
    else:
        frame = read_claims(claims)
    return _assessed(frame, record)


def assess_many_in_parts(record: Record, path: str | Path, rows: int = 50_000) -> Iterator[pd.DataFrame]:
    """The results of :func:`assess_many` for a claims file, ``rows`` claims at a time (bounded memory).

    Concatenated, the parts are the frame :func:`assess_many` returns; the
    command line writes each as it comes, so only one part's results are in memory.

    Examples
    --------
    >>> import os, tempfile
    >>> from gulagstats.core.record import default_record
    >>> path = os.path.join(tempfile.mkdtemp(), "c.csv")
    >>> _ = open(path, "w").write("quantity,value,period\\nexecutions,7 million,1937-1938\\nexecutions,1,1937-1938\\n")
    >>> [part.verdict.tolist() for part in assess_many_in_parts(default_record(), path, rows=1)]
    [['overstates'], ['understates']]
    """
    frame = read_claims(path)
    surplus = frame.attrs.get("surplus", np.zeros(len(frame), dtype=bool))
    for start in range(0, len(frame), rows):
        part = frame.iloc[start : start + rows].reset_index(drop=True)
        part.attrs = {**frame.attrs, "surplus": surplus[start : start + rows]}
        yield _assessed(part, record)


def _assessed(frame: pd.DataFrame, record: Record) -> pd.DataFrame:
    """The claims of ``frame`` (as read: text, with ``line``) with their results."""
    checked = check_claims(frame)
    results = judge_claims(checked, record)
    error = checked["error"].astype("str")
    wrong = (error != "").to_numpy()
    error[wrong] = "line " + frame["line"][wrong].astype(str) + ": " + error[wrong]
    out = frame.assign(
        claim_period=checked["period"],
        claim_low=checked["low"],
        claim_high=checked["high"],
        **{c: results[c] for c in [*RESULT_COLUMNS[:6], "benchmark_what", "ratio_low", "ratio_high", "verdict", "factor", "explanation"]},
        **{c: results[c] for c in REFINED_COLUMNS if c not in ("role", "group", "reading")},
        explanation_tail=results["explanation_tail"],
        error=error,
    )
    out.attrs = {"renamed": frame.attrs.get("renamed", {})}  # not the reader's surplus: an array breaks concat
    return out
