"""Verdicts: how a published estimate or a claim compares with the archival record.

The rule, applied to whole columns at once (numpy), with the estimate's range
``[low, high]`` (a point estimate has ``low == high``; an open bound is empty)
and the benchmark's ``[benchmark_low, benchmark_high]``:

- ``overstates`` when ``low > benchmark_high * (1 + CLAIM_TOLERANCE)``;
- ``understates`` when ``high < benchmark_low / (1 + CLAIM_TOLERANCE)``;
- ``consistent`` otherwise: the two ranges meet once the benchmark is widened
  by the tolerance;
- ``not_comparable`` when no benchmark matches the quantity, period and scope
  (the explanation says why).

``ratio_low`` and ``ratio_high`` are the estimate's ends divided by
``benchmark_low``, the count the record documents (for a span of stock counts,
the lowest count in it); ``factor`` is ``ratio_low`` for an overstatement and
``1 / ratio_high`` for an understatement, rounded to one decimal: how many
times the documented count the estimate is, or how many times it falls short.

:data:`~gulagstats.vocabulary.CLAIM_TOLERANCE` (a setting of ``data/vocabulary.csv``) is 15
percent.  Two things blur a comparison that much: the archival reporting streams
themselves differ by a few percent for the same count (camp deaths of 1934: 26,295 or 25,187; special settlers on 1 January
1937: 916,787 or 917,227) and GRZ note that the postwar compilations run
"somewhat higher" than the 1930s reports; and published estimates are rounded
("about 700,000", "1.5 million" stand for a few percent either way).  A claim
off by more than that is a different number, not a rounding of the same one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from ..core.record import Record
from ..errors import DataFormatError, InvalidEstimateError
from ..models import Assessment, Benchmark
from ..periods import match_period, period_phrase
from ..rules.benchmarks import BenchmarkEvaluator, benchmark_evaluator
from ..vocabulary import (
    CLAIM_TOLERANCE,
    CONSISTENT,
    NOT_COMPARABLE,
    OVERSTATES,
    QUANTITIES,
    UNDERSTATES,
)
from . import scope  # scope.refine is looked up at each call (tests compare it with a reference)
from .claims import check_claims, keep_input_columns, read_claims, refuse_repeated_columns
from .vocabulary import unknown_quantity

#: The columns compare() returns first, in this order (the estimates figure reads them).
COMPARE_COLUMNS = [
    "id", "author", "work", "year", "quantity", "period", "scope", "low", "high", "wording",
    "source", "locator", "status", "benchmark_id", "benchmark_low", "benchmark_high",
    "benchmark_source", "ratio_low", "ratio_high", "verdict", "factor", "explanation",
]
#: What judge_claims() adds to each claim.
RESULT_COLUMNS = [
    "benchmark_id", "benchmark_period", "benchmark_low", "benchmark_high", "benchmark_source",
    "benchmark_status", "benchmark_scope", "benchmark_basis", "benchmark_caveats", "benchmark_locator",
    "ratio_low", "ratio_high", "verdict", "factor", "explanation",
]


def _count_words(x: float) -> str:
    if x != x:
        return ""
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


def _number_texts(values: np.ndarray) -> np.ndarray:
    """:func:`_number` of every value; whole numbers (most) formatted as integers, which is faster."""
    whole = np.isfinite(values) & (np.round(values) == values) & (np.abs(values) < 2**53) & ~np.signbit(values)
    out = np.empty(len(values), dtype=object)
    out[whole] = [f"{v:,}" for v in values[whole].astype(np.int64).tolist()]
    out[~whole] = [_count_words(v) for v in values[~whole].tolist()]
    return out


def _numbers_text(low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """How claims state their numbers: ``7,000,000``, ``5,000,000 to 8,000,000``, ``at least 5,000,000``..."""
    out = np.empty(len(low), dtype=object)
    point = low == high
    out[point] = _number_texts(low[point])
    low, high = low[~point], high[~point]
    low_text, high_text = _number_texts(low), _number_texts(high)
    out[~point] = np.select(
        [(low == low) & (high == high), low == low], [low_text + " to " + high_text, "at least " + low_text], "at most " + high_text
    )
    return out


def _times(factor: float) -> str:
    if not np.isfinite(factor):  # never "about inf times": the caller words a zero claim apart
        return ""
    return f"about {factor:.0f}" if factor == factor and (factor >= 10 or factor == round(factor)) else f"about {factor:.1f}"


#: What a claim asks, apart from its number: what is counted, when, in what unit, where.
QUESTION = ["quantity", "period", "period_label", "unit", "region"]


def _questions(claims: pd.DataFrame) -> tuple[np.ndarray, pd.DataFrame]:
    """The distinct questions the claims ask, and for each claim the position of its question."""
    codes = np.zeros(len(claims), dtype=np.int64)
    for column in [c for c in QUESTION if c != "period"]:  # the period follows from the period as written
        values = claims[column].to_numpy(dtype=object)
        if len(values) and (values == values[0]).all():  # the same in every claim (as an absent unit or region)
            continue
        column_codes, distinct = pd.factorize(values, use_na_sentinel=False)
        codes = pd.factorize(codes * len(distinct) + column_codes)[0]
    first = np.unique(codes, return_index=True)[1]
    return codes, claims[QUESTION].iloc[first].reset_index(drop=True).fillna("")


def judge_claims(claims: pd.DataFrame, evaluator: BenchmarkEvaluator, tolerance: float = CLAIM_TOLERANCE) -> pd.DataFrame:
    """Set checked claims against the record: benchmark, ratios, verdict, factor, explanation.

    Parameters
    ----------
    claims : pandas.DataFrame
        As returned by :func:`gulagstats.estimates.claims.check_claims`
        (``quantity``, ``period``, ``period_label``, ``low``, ``high``,
        ``unit``, ``region``, ``error``).
    evaluator : BenchmarkEvaluator
        The benchmark rules over the loaded tables.
    tolerance : float
        How far (as a fraction) the benchmark is widened before a claim is
        called an over- or understatement.

    Returns
    -------
    pandas.DataFrame
        :data:`RESULT_COLUMNS` on the index of ``claims``; rows with an error
        get empty results.

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> from gulagstats.estimates.claims import check_claims
    >>> from gulagstats.rules.benchmarks import benchmark_evaluator
    >>> claims = check_claims(pd.DataFrame({"quantity": ["executions"], "value": ["7,000,000"],
    ...                                     "period": ["1937-1938"]}))
    >>> result = judge_claims(claims, benchmark_evaluator(default_record())).iloc[0]
    >>> result["verdict"], float(result["factor"]), int(result["benchmark_low"])
    ('overstates', 10.3, 681692)
    """
    if claims.empty:  # no question to answer: with pyarrow strings, empty text arithmetic would fail
        return pd.DataFrame({c: pd.Series(dtype=object) for c in RESULT_COLUMNS}, index=claims.index)
    codes, asked = _questions(claims)
    error = claims["error"].to_numpy(dtype=object)
    ok = pd.isna(error) | (error == "")
    answers = _answer(asked, np.bincount(codes, weights=ok, minlength=len(asked)) > 0, evaluator, tolerance)
    askable = answers["askable"].to_numpy()[codes] & ok
    bench = answers.filter(like="benchmark_").reindex(np.where(askable, codes, -1)).set_axis(claims.index)

    low, high = claims["low"].to_numpy(dtype=float), claims["high"].to_numpy(dtype=float)
    b_low, b_high = bench["benchmark_low"].to_numpy(dtype=float), bench["benchmark_high"].to_numpy(dtype=float)
    has = ~np.isnan(b_low) & askable
    over = has & (low > b_high * (1 + tolerance))
    under = has & (high < b_low / (1 + tolerance))
    positive = np.where(b_low > 0, b_low, np.nan)
    with np.errstate(all="ignore"):  # as pandas: a division by zero or an overflow gives inf
        ratio_low, ratio_high = low / positive, high / positive
        factor = pd.Series(np.where(over, ratio_low, np.where(under, 1 / ratio_high, np.nan)), index=claims.index).round(1)
    endless = under & ~np.isfinite(factor.to_numpy())  # a claim of zero (or all but zero): no number of times
    unbounded = over & ~np.isfinite(factor.to_numpy())  # a benchmark of zero (from an overlay)
    factor[endless | unbounded] = np.nan
    verdict = np.select([~ok, ~has, over, under], ["", NOT_COMPARABLE, OVERSTATES, UNDERSTATES], CONSISTENT)
    explanation = np.full(len(claims), "", dtype=object)
    alone = verdict == NOT_COMPARABLE
    explanation[alone] = answers["reason"].to_numpy()[codes[alone]]
    if has.any():
        mine, said = codes[has], verdict[has]
        numbers = _numbers_text(low[has], high[has])
        which, factors = pd.factorize(factor[has])  # factors are rounded: few distinct ones; -1 for none
        times = np.array([f" is {_times(f)}" for f in factors] + [""], dtype=object)[which]
        tail = np.select(
            [said == OVERSTATES, said == UNDERSTATES],
            [answers["over"].to_numpy()[mine], answers["under"].to_numpy()[mine]],
            answers[CONSISTENT].to_numpy()[mine],
        )
        none = endless[has]
        if none.any():  # "0 executions ... is zero, against the 681,692 ..."; never "about inf times below"
            rest = np.array([t.removeprefix(" times below") for t in tail[none]], dtype=object)
            tail[none] = np.where(high[has][none] == 0, " is zero, against", " is far below") + rest
        above = unbounded[has]
        if above.any():  # "1,000 inmates ... is above the 0 inmates ..."; never "is  times the 0"
            tail[above] = np.array([" is above" + t.removeprefix(" times") for t in tail[above]], dtype=object)
        explanation[has] = numbers + answers["claimed"].to_numpy()[mine] + times + tail
    return pd.DataFrame(
        {
            **{f"benchmark_{c}": bench[f"benchmark_{c}"] for c in ("id", "period")},
            "benchmark_low": b_low,
            "benchmark_high": b_high,
            **{f"benchmark_{c}": bench[f"benchmark_{c}"] for c in ("source", "status", "scope", "basis", "caveats", "locator")},
            "ratio_low": np.where(has, ratio_low, np.nan),
            "ratio_high": np.where(has, ratio_high, np.nan),
            "verdict": verdict,
            "factor": factor,
            "explanation": pd.Series(explanation, index=claims.index, dtype=object),
        },
        index=claims.index,
    )


def _answer(asked: pd.DataFrame, wanted: np.ndarray, evaluator: BenchmarkEvaluator, tolerance: float) -> pd.DataFrame:
    """For each distinct question: whether the record can answer it, its benchmark, and the words of the verdicts.

    ``wanted`` marks the questions some claim without an error asks; only
    those are looked up.  The sentences are cut where the claimed number and
    the factor go: ``claimed`` follows the number; ``over``, ``under`` follow
    the factor, ``consistent`` replaces both.
    """
    quantity, period = asked["quantity"], asked["period"]
    known = quantity.isin(QUANTITIES)
    kind = quantity.map({q: v.kind for q, v in QUANTITIES.items()}).fillna("")
    unit = quantity.map({q: v.unit for q, v in QUANTITIES.items()}).fillna("")
    noun = quantity.map({q: v.noun for q, v in QUANTITIES.items()}).fillna(quantity)
    match = pd.Series([match_period(p, k) for p, k in zip(period, kind)], index=asked.index, dtype=object)
    coverage = evaluator.coverage()
    unit_ok = asked["unit"] == unit
    region_ok = asked["region"].str.strip().str.upper().isin(["USSR", ""])
    has_rules = quantity.isin(coverage)
    askable = known & unit_ok & region_ok & has_rules & (period != "")
    looked_up = askable & wanted
    found = evaluator.candidates(pd.DataFrame({"quantity": quantity[looked_up], "period": match[looked_up]}))
    found = found[found["preferred"].astype(bool)].set_index(["quantity", "request"])
    bench = found.reindex(pd.MultiIndex.from_arrays([quantity.where(askable, ""), match.where(askable, "")]))
    bench.index = asked.index

    phrases = {p: period_phrase(p) for p in set(period) | set(bench["period"].dropna())}
    phrase = period.map(phrases)
    label = asked["period_label"].where(asked["period_label"] != "", period)
    reason = np.select(
        [~known, ~unit_ok, ~region_ok, ~has_rules, period == ""],
        [
            "Not comparable: " + quantity + " is not in the vocabulary",
            "Not comparable: the claim counts " + asked["unit"] + ", the record counts " + unit,
            "Not comparable: the claim counts " + asked["region"] + " only; the benchmarks are for the whole USSR",
            "Not comparable: the archival tables have no series of " + noun + " (" + quantity + ")",
            np.where(label != "", "Not comparable: '" + label + "' is not a date the record can be read for", "Not comparable: no period given"),
        ],
        "Not comparable: the record has no benchmark for " + noun + " " + phrase.fillna("") + "; it has " + quantity.map(coverage).fillna(""),
    )
    ends = [_sentence_ends(*row, phrases, tolerance) for row in bench[["low", "high", "phrase", "period", "citation"]].itertuples(index=False)]
    return pd.DataFrame(
        {
            "askable": askable,
            **{f"benchmark_{c}": bench[c] for c in ("id", "period", "low", "high", "source", "status", "scope", "basis", "caveats", "locator")},
            "reason": pd.Series(reason, index=asked.index) + ".",
            "claimed": " " + noun + " " + phrase,
            **{verdict: [end[i] for end in ends] for i, verdict in enumerate(("over", "under", CONSISTENT))},
        },
        index=asked.index,
    )


def judge_refined(
    claims: pd.DataFrame,
    evaluator: BenchmarkEvaluator,
    tables: Callable[[str], pd.DataFrame],
    tolerance: float = CLAIM_TOLERANCE,
    ids: pd.Series | None = None,
) -> pd.DataFrame:
    """judge_claims(), then :func:`gulagstats.estimates.scope.refine`: readings, bounds, scopes, one-sided words.

    ``tables`` reads the rule tables of the judgments (``scope_rules``,
    ``estimate_readings``): the data record's ``load``.

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> from gulagstats.estimates.claims import check_claims
    >>> from gulagstats.rules.benchmarks import benchmark_evaluator
    >>> record = default_record()
    >>> claims = check_claims(pd.DataFrame({"quantity": ["arrests"], "value": ["7,000,000"],
    ...                                     "period": ["1937-1938"]}))
    >>> r = judge_refined(claims, benchmark_evaluator(record), record.load).iloc[0]
    >>> r["verdict"], float(r["factor_low"]), float(r["factor_high"])
    ('overstates', 2.8, 4.4)
    """
    results = judge_claims(claims, evaluator, tolerance)
    return scope.refine(claims, results, lambda c: judge_claims(c, evaluator, tolerance), tables, tolerance, ids)


def _sentence_ends(
    low: float, high: float, phrase: str, period: str, citation: str, phrases: dict[str, str], tolerance: float
) -> tuple[str, str, str]:
    """How the sentence about a claim ends, after the factor of an overstatement, of an understatement, or consistent."""
    if low != low:
        return "", "", ""
    spread = _count_words(low) if low == high else f"{_count_words(low)} to {_count_words(high)}"
    what = phrase.format(low=_count_words(low), high=_count_words(high), range=spread, period=phrases[period])
    lowest = "lowest of the " if low != high and "{range}" in phrase else ""
    return (
        f" times the {lowest}{what} ({citation}).",
        f" times below the {lowest}{what} ({citation}).",
        f" is consistent with the {what} ({citation}), allowing {tolerance:.0%} either way.",
    )


def compare_estimates(record: Record, quantity: str | None = None) -> pd.DataFrame:
    """Every published estimate of ``record`` against its benchmarks (:func:`gulagstats.compare`).

    Returns
    -------
    pandas.DataFrame
        One row per estimate of ``data/tables/estimates.csv``, first the
        columns of :data:`COMPARE_COLUMNS`, then ``period_as_printed``,
        ``region``, ``unit``, ``second_hand``, ``note``, the benchmark's
        ``period``, ``status``, ``scope``, ``basis``, ``caveats`` and
        ``locator``, and the columns of :data:`~gulagstats.estimates.scope.REFINED_COLUMNS`.

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
    claims = claims_of(estimates)
    results = judge_refined(claims, benchmark_evaluator(record), record.load, ids=estimates["id"])
    extra = ["period_as_printed", "region", "unit", "second_hand", "note"]
    bench_extra = ["benchmark_period", "benchmark_status", "benchmark_scope", "benchmark_basis", "benchmark_caveats", "benchmark_locator"]
    out = pd.concat([estimates, results], axis=1)
    return out[COMPARE_COLUMNS + extra + bench_extra + scope.REFINED_COLUMNS]


def claims_of(estimates: pd.DataFrame) -> pd.DataFrame:
    """The published estimates as claims to judge (the columns :func:`judge_refined` reads).

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
) -> Assessment:
    """Assess one claim against ``record`` (:func:`gulagstats.assess`).

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
    """
    row = {"quantity": _as_text(quantity), "value": _as_given(value), "low": _as_given(low), "high": _as_given(high)}
    checked = check_claims(pd.DataFrame([{**row, "period": _as_text(period)}]))
    if bool(checked["unknown_quantity"].iloc[0]) or checked["quantity"].iloc[0] == "":
        raise unknown_quantity(_as_text(quantity))
    if checked["error"].iloc[0]:
        raise InvalidEstimateError(f"cannot assess this claim: {checked['error'].iloc[0]}")
    claim = checked.iloc[0]
    result = judge_refined(checked, benchmark_evaluator(record), record.load).iloc[0]
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

    def number(x: float) -> float | None:
        return None if x != x else float(x)

    point = claim["low"] == claim["high"]
    return Assessment(
        quantity=claim["quantity"],
        period=claim["period"] or None,
        low=number(claim["low"]),
        high=number(claim["high"]),
        benchmark=benchmark,
        ratio=number(result["ratio_low"]) if point else None,
        ratio_low=number(result["ratio_low"]),
        ratio_high=number(result["ratio_high"]),
        verdict=result["verdict"],
        factor=number(result["factor"]),
        factor_low=number(result["factor_low"]),
        factor_high=number(result["factor_high"]),
        bound=str(result["bound"] or ""),
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
    results = judge_refined(checked, benchmark_evaluator(record), record.load)
    error = checked["error"].astype("str")
    wrong = (error != "").to_numpy()
    error[wrong] = "line " + frame["line"][wrong].astype(str) + ": " + error[wrong]
    out = frame.assign(
        claim_period=checked["period"],
        claim_low=checked["low"],
        claim_high=checked["high"],
        **{c: results[c] for c in [*RESULT_COLUMNS[:6], "ratio_low", "ratio_high", "verdict", "factor", "explanation"]},
        factor_low=results["factor_low"],
        factor_high=results["factor_high"],
        bound=results["bound"],
        also_against=results["also_against"],
        error=error,
    )
    out.attrs = {"renamed": frame.attrs.get("renamed", {})}  # not the reader's surplus: an array breaks concat
    return out
