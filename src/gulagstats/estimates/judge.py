"""The judging pipeline: question -> plan -> comparison -> verdict -> explanation, for many claims at once.

Each stage is a module that can be called alone:

1. :mod:`.question`: the distinct questions the claims ask (quantity, period,
   unit, region, words) and, for published estimates, their readings;
2. :mod:`.plan`: once per question, what the record says under each reading,
   every end typed as a point, a floor or a ceiling, with its variants;
3. :mod:`.classify`: the claims of a question against each basis, as whole columns;
4. :mod:`.verdict`: one verdict a claim, or what it depends on;
5. :mod:`.explain`: the sentence, written last from the verdict.

A missing number is ``None`` in the models and NaN only inside the numpy
columns of a comparison; the result frame is built once, column by column.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..core.cells import CellIndex
from ..core.record import Record
from ..periods import years_in
from ..rules.benchmarks import benchmark_evaluator
from ..rules.bounds import bound_rules
from ..vocabulary import (
    CLAIM_TOLERANCE,
    NOT_COMPARABLE,
    PERSONS_PER_MONTH,
    PERSONS_PER_YEAR,
    combine,
)
from .basis import Basis
from .explain import Explainer, named_ends, number_text, what_text
from .plan import CONVERTIBLE, Planner, QuestionPlan, scope_rules_of
from .question import Estimate, estimate_readings, questions_of, readings_of, role_of
from .rates import POPULATION_TABLE
from .verdict import Judged, combine_outcomes, outcome_text, range_text

#: What judge_claims() gives each claim; ``benchmark_what`` is the benchmark in words, its values with what they
#: count (:func:`~gulagstats.estimates.explain.what_text`: "799,455 sentenced to death on cases of the secret
#: police from 1921 to 30 June 1953"), as the explanation names it.
RESULT_COLUMNS = [
    "benchmark_id", "benchmark_period", "benchmark_low", "benchmark_high", "benchmark_source",
    "benchmark_status", "benchmark_scope", "benchmark_basis", "benchmark_caveats", "benchmark_locator",
    "benchmark_what", "ratio_low", "ratio_high", "verdict", "factor", "explanation",
]
#: Columns beside them: the factor range, the kind of bound, the other readings, role, group, reading,
#: the verdict with the preferred values, the sensitivity and its range, what the record lacks.
REFINED_COLUMNS = [
    "factor_low", "factor_high", "bound", "also_against", "role", "group", "reading",
    "preferred_verdict", "sensitivity", "verdict_range", "lacks",
]
#: The sentences an explanation ends with after its verdict's (what the record lacks, how it was bounded, the
#: reading): a field of their own, so that the fact-checker can say a verdict otherwise and keep them (round 14).
TAIL_COLUMN = "explanation_tail"
_BENCH = ["id", "period", "low", "high", "source", "status", "scope", "basis", "caveats", "locator"]
#: Units of a rate claimed over a period, and how many of them a year holds.
_PER_YEAR = {PERSONS_PER_YEAR: 1.0, PERSONS_PER_MONTH: 12.0}


@dataclass
class _Columns:
    """The result columns being filled, position by position."""

    n: int

    def __post_init__(self) -> None:
        self.text = {c: np.full(self.n, "", dtype=object) for c in [
            "verdict", "explanation", "bound", "also_against", "role", "group", "reading", "preferred_verdict",
            "sensitivity", "verdict_range", "lacks", "benchmark_what", "explanation_tail",
            *(f"benchmark_{c}" for c in _BENCH if c not in ("low", "high"))]}
        self.number = {c: np.full(self.n, np.nan) for c in [
            "benchmark_low", "benchmark_high", "ratio_low", "ratio_high", "factor", "factor_low", "factor_high"]}

    def frame(self, index: pd.Index) -> pd.DataFrame:
        """The columns as a frame: text as objects (None for a benchmark field never found), numbers as floats."""
        columns: dict[str, pd.Series] = {}
        for c, values in self.text.items():
            series = pd.Series(values, index=index, dtype=object)
            columns[c] = series.where(series != "", None) if c.startswith("benchmark_") else series
        for c, numbers in self.number.items():
            columns[c] = pd.Series(numbers, index=index, dtype=float)
        return pd.DataFrame({c: columns[c] for c in [*RESULT_COLUMNS, *REFINED_COLUMNS, TAIL_COLUMN]}, index=index)


def planner_of(record: Record) -> Planner:
    """The planner of a record: its benchmark evaluator, bound rules and scope rules (built once a record)."""
    return record.derived("planner", _new_planner)


def _new_planner(record: Record) -> Planner:
    try:
        scopes = record.load("scope_rules").fillna("").to_dict("records")
    except (KeyError, LookupError):  # an older data directory without the table: no scope rules
        scopes = []
    try:
        population = CellIndex.from_frames([(POPULATION_TABLE, record.load(POPULATION_TABLE))])
    except (KeyError, LookupError):  # an older data directory without the table: no rates per head
        population = None
    return Planner(benchmark_evaluator(record), bound_rules(record.load), scope_rules_of(scopes), population)


def judge_claims(
    claims: pd.DataFrame,
    record: Record,
    ids: pd.Series | None = None,
    tolerance: float = CLAIM_TOLERANCE,
) -> pd.DataFrame:
    """Set checked claims against the record: benchmark, verdict, factor range, sensitivity, explanation.

    Parameters
    ----------
    claims : pandas.DataFrame
        As returned by :func:`gulagstats.estimates.claims.check_claims`
        (``quantity``, ``period``, ``period_label``, ``low``, ``high``,
        ``unit``, ``region``, ``error``; ``scope`` and ``wording`` if any).
    record : Record
        The record (its benchmarks, bound rules, scope rules and readings).
    ids : pandas.Series, optional
        Estimate ids: the readings of ``data/estimate_readings.csv`` apply.
    tolerance : float
        How far (as a fraction) the record's range is widened.

    Returns
    -------
    pandas.DataFrame
        :data:`RESULT_COLUMNS` and :data:`REFINED_COLUMNS` on the index of
        ``claims``; rows with an error get empty results.

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> from gulagstats.estimates.claims import check_claims
    >>> claims = check_claims(pd.DataFrame({"quantity": ["executions"], "value": ["7,000,000"],
    ...                                     "period": ["1937-1938"]}))
    >>> r = judge_claims(claims, default_record()).iloc[0]
    >>> r["verdict"], float(r["factor"]), int(r["benchmark_low"]), r["bound"], r["sensitivity"]
    ('overstates', 10.3, 681692, 'point', 'stable')
    """
    out = _Columns(len(claims))
    if claims.empty:
        return out.frame(claims.index)
    planner = planner_of(record)
    readings = estimate_readings(record.load) if ids is not None else {}
    codes, asked, reading_ids = questions_of(claims, ids)
    error = claims["error"].to_numpy(dtype=object)
    ok = pd.isna(error) | (error == "")
    low, high = claims["low"].to_numpy(dtype=float), claims["high"].to_numpy(dtype=float)
    order = np.argsort(codes, kind="stable")
    starts = np.searchsorted(codes[order], np.arange(len(asked) + 1))
    for q, question in enumerate(asked):
        members = order[starts[q]:starts[q + 1]]
        members = members[ok[members]]
        if not len(members):
            continue
        estimate = readings.get(reading_ids[q])
        role, group = role_of(readings, reading_ids[q]) if ids is not None else ("claim", "")
        out.text["role"][members] = role
        out.text["group"][members] = group if ids is not None else ""
        plan = planner.plan(readings_of(question, estimate))
        out.text["reading"][members] = estimate.readings[0].reason if estimate else ""
        _answer(out, plan, estimate, members, low[members], high[members], tolerance)
    return out.frame(claims.index)


def _answer(out: _Columns, plan: QuestionPlan, estimate: Estimate | None, at: np.ndarray, low: np.ndarray,
            high: np.ndarray, tolerance: float) -> None:
    """Fill the columns of the claims ``at`` of one question from its plan."""
    if estimate is not None and estimate.role == "context":
        out.text["explanation"][at] = "Context, not scored: " + estimate.readings[0].reason
        if plan.bases:
            _benchmark(out, plan, at, np.zeros(len(at), dtype=np.int64))
        return
    if not plan.bases:
        out.text["verdict"][at] = NOT_COMPARABLE
        out.text["explanation"][at] = plan.reason
        return
    scale = _rate_scale(plan)
    judged = combine_outcomes(plan.bases, low * scale, high * scale, tolerance)
    _benchmark(out, plan, at, judged.head)
    heads = [plan.bases[h] for h in judged.head]
    with np.errstate(all="ignore"):
        b_low = np.array([b.head.low for b in heads])
        out.number["ratio_low"][at] = np.where(b_low > 0, low * scale / b_low, np.nan)
        out.number["ratio_high"][at] = np.where(b_low > 0, high * scale / b_low, np.nan)
    factor = np.where(np.isfinite(judged.factor_low), np.round(judged.factor_low, 1), np.nan)
    out.number["factor"][at] = out.number["factor_low"][at] = factor
    out.number["factor_high"][at] = np.where(np.isfinite(judged.factor_high), np.round(judged.factor_high, 1), np.nan)
    out.text["verdict"][at] = judged.verdict
    out.text["preferred_verdict"][at] = judged.preferred
    out.text["sensitivity"][at] = judged.sensitivity
    out.text["bound"][at] = [b.kind for b in heads]
    out.text["lacks"][at] = [b.lacks if b.kind == "floor" else "" for b in heads]
    explainer = Explainer(plan, tolerance)
    note = _scale_note(plan, scale)
    out.text["verdict_range"][at] = [range_text(judged, k) for k in range(len(at))]
    out.text["also_against"][at] = _also(plan, judged)
    lows, highs = _optional_numbers(low * scale), _optional_numbers(high * scale)
    out.text["explanation"][at] = [note + explainer.explain(judged, k, lows[k], highs[k]) for k in range(len(at))]
    out.text["explanation_tail"][at] = [explainer.tail(judged, k) for k in range(len(at))]


def _optional_numbers(values: np.ndarray) -> list[float | None]:
    """A column of numbers as the sentences read them: None for a missing end."""
    return [None if missing else value for value, missing in zip(values.tolist(), np.isnan(values).tolist())]


def _benchmark(out: _Columns, plan: QuestionPlan, at: np.ndarray, head: np.ndarray) -> None:
    """The ``benchmark_*`` columns: the benchmark of each claim's headline basis."""
    for k, basis in enumerate(plan.bases):
        mine = at[head == k]
        if not len(mine):
            continue
        answer = basis.head
        for c in _BENCH:
            target = out.number if c in ("low", "high") else out.text
            value = basis.low if c == "low" and basis.low is not None else basis.high if c == "high" and basis.high is not None else getattr(answer, c)
            target[f"benchmark_{c}"][mine] = value
        out.text["benchmark_what"][mine] = benchmark_what(basis)
        if basis.per is not None:  # a rate: divided by population counts, whose sources and status it carries
            out.text["benchmark_source"][mine] = "; ".join(dict.fromkeys([*answer.source.split("; "), *basis.per.sources]))
            out.text["benchmark_status"][mine] = combine([answer.status, *basis.per.statuses])


def benchmark_what(basis: Basis) -> str:
    """The benchmark of a basis's headline in words, as the explanation names it (the column ``benchmark_what``):
    a point with its own values, the end of a floor or a ceiling it gives; "" for a rate per head (its words are
    the counts it divides, in the explanation).

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> from gulagstats.estimates.claims import check_claims
    >>> claims = check_claims(pd.DataFrame({"quantity": ["executions"], "value": ["7,000,000"], "period": ["1937-1938"]}))
    >>> judge_claims(claims, default_record())["benchmark_what"].iloc[0]
    '681,692 sentenced to death on cases of the secret police in 1937-1938'
    """
    if basis.per is not None:
        return ""
    ends = named_ends(basis)  # the explainer's choice of which end it names, read here too
    if ends:
        answer, low, high, _ = ends[0]
        return what_text(answer, low, high)
    return what_text(basis.head)


def _also(plan: QuestionPlan, judged: Judged) -> list[str]:
    """Each claim's other readings and what each gives (the column ``also_against``): every basis but its headline's."""
    readings = [o for o in judged.outcomes if not o.variant]
    if len(readings) < 2:
        return [""] * len(judged.verdict)
    heads = []
    for o in readings:
        basis = plan.bases[o.basis]
        a = basis.head
        values = number_text(a.low) + ("" if a.low == a.high else f" to {number_text(a.high)}")
        heads.append((f"{a.id} ({values}, status {a.status}): ", f"; {basis.reading}" if basis.reading else ""))
    return ["; ".join(f"{head}{outcome_text(str(o.verdict[k]), float(o.f_low[k]))}{why}"
                      for (head, why), o in zip(heads, readings) if o.basis != judged.head[k])
            for k in range(len(judged.verdict))]


def _rate_scale(plan: QuestionPlan) -> float:
    """How many times a claimed rate is counted over its period (1 for a count)."""
    unit = plan.question.unit
    if unit not in CONVERTIBLE:
        return 1.0
    return years_in(plan.question.period) * _PER_YEAR[unit]


def _scale_note(plan: QuestionPlan, scale: float) -> str:
    if scale == 1.0:
        return ""
    return (f"A rate in {plan.question.unit}, counted over {plan.question.period} "
            f"({scale:g} {plan.question.unit.removeprefix('persons per ')}s): ")

