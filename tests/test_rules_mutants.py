"""The rules of the engine that no unit test held before the mutation run (tools/mutants.py).

Each test holds one rule at its edge, on synthetic values or the tiny package, so that a
one-line fault of ``tools/mutants.py`` makes it fail: a bound met exactly, a difference
inside the rounding, an order of magnitude apart, a claim just above a ceiling, a negative
count, the kinds of bound.  None reads the published data.
"""

from __future__ import annotations

import numpy as np
import pytest

from gulagstats import vocabulary as v
from gulagstats.checks.engine import Reading, Tolerance, tolerance_for, verdict_of
from gulagstats.checks.internal import _decided_by_bound
from gulagstats.checks.plausibility import plausibility_checks
from gulagstats.core.cells import Cell, CellIndex
from gulagstats.core.results import CheckResult
from gulagstats.estimates.classify import classify
from gulagstats.rules.bounds import BenchmarkBound
from gulagstats.rules.prose_rules import CHECK_RULE_FIELDS, parse_finding

EXACT = Tolerance(0.0, "exact counts must match exactly")


def known(value: float) -> Reading:
    return Reading(value, value)


# --- the verdicts of a check ----------------------------------------------------------------------


@pytest.mark.parametrize("relation", ["lower_bound", "range_low"])
def test_a_lower_bound_met_exactly_is_consistent(relation):
    assert verdict_of(1_000.0, relation, known(1_000.0), EXACT) == v.CONSISTENT
    assert verdict_of(1_000.0, relation, known(999.0), EXACT) == v.DISCREPANCY


@pytest.mark.parametrize("relation", ["upper_bound", "range_high"])
def test_an_upper_bound_met_exactly_is_consistent(relation):
    assert verdict_of(1_000.0, relation, known(1_000.0), EXACT) == v.CONSISTENT
    assert verdict_of(1_000.0, relation, known(1_001.0), EXACT) == v.DISCREPANCY


def test_a_difference_inside_the_rounding_is_within_rounding_not_consistent():
    tolerance = tolerance_for(3_500_000, "persons", "approx")  # one unit of the last digit: 100,000
    assert verdict_of(3_500_000.0, "approx", known(3_450_000.0), tolerance) == v.WITHIN_ROUNDING
    assert verdict_of(3_500_000.0, "approx", known(3_500_000.0), tolerance) == v.CONSISTENT
    assert verdict_of(3_500_000.0, "approx", known(3_650_000.0), tolerance) == v.DISCREPANCY


def test_an_order_of_magnitude_holds_only_within_the_same_power_of_ten():
    tolerance = tolerance_for(1_000, "persons", "order_of_magnitude")
    assert verdict_of(1_000.0, "order_of_magnitude", known(9_999.0), tolerance) == v.CONSISTENT
    assert verdict_of(1_000.0, "order_of_magnitude", known(10_000.0), tolerance) == v.DISCREPANCY
    assert verdict_of(1_000.0, "order_of_magnitude", known(999.0), tolerance) == v.DISCREPANCY


def test_no_expectation_is_not_checkable():
    for relation in ("exact", "approx", "lower_bound", "upper_bound", "order_of_magnitude"):
        assert verdict_of(None, relation, known(5.0), EXACT) == v.NOT_CHECKABLE


def test_an_exact_count_has_no_tolerance_and_one_person_off_is_a_discrepancy():
    tolerance = tolerance_for(175_487, "persons", "exact")
    assert tolerance.value == 0.0
    assert verdict_of(175_487.0, "exact", known(175_486.0), tolerance) == v.DISCREPANCY


# --- the plausibility rules ------------------------------------------------------------------------


def test_a_negative_count_breaks_the_rule_of_non_negative_counts(tiny):
    cells = tiny.cell_index()
    negative = Cell("appendix", "1937", "gulag_camps", "escapes", "", "persons", -1.0, "fixture_a", "confirmed", True)
    before = {r.id: r for r in plausibility_checks(cells)}
    assert before["plausibility.non_negative"].verdict == v.CONSISTENT
    rows = [c for c in cells.rows if c.key != negative.key] + [negative]
    after = {r.id: r for r in plausibility_checks(CellIndex(rows, cells.relations))}
    assert after["plausibility.non_negative"].verdict == v.DISCREPANCY


def _undecided(expected: float) -> CheckResult:
    return CheckResult(id="prose.L1.1", title="t", family="prose", expectation="e", location="l",
                       expected=expected, relation="exact", observed=None, difference=None,
                       relative_difference=None, tolerance=None, verdict=v.NOT_CHECKABLE,
                       preferred_verdict=v.NOT_CHECKABLE)


def test_a_floor_rule_fails_a_figure_below_the_sum_of_its_parts_not_one_above(tiny):
    cells = tiny.cell_index()  # the camps held 1,000 and the colonies 300 on 1 January 1938
    row = dict.fromkeys(CHECK_RULE_FIELDS, "") | {
        "key": "L1.1", "rule": "floor", "why": "{terms:,.0f}",
        "terms": "inmates pop:gulag_camps in:appendix @1938-01-01 + inmates pop:labor_colonies in:appendix @1938-01-01"}
    rule = parse_finding(row)
    below, at, above = (_decided_by_bound(_undecided(x), rule, cells) for x in (1_299.0, 1_300.0, 5_000.0))
    assert (below.verdict, at.verdict, above.verdict) == (v.DISCREPANCY, v.CONSISTENT, v.CONSISTENT)
    assert below.observed == 1_300.0 and below.relation == "lower_bound"


# --- the claims against a benchmark ----------------------------------------------------------------


def test_a_claim_within_the_tolerance_above_a_ceiling_is_not_an_overstatement():
    ceiling, tolerance = 2_500_000, 0.15
    claims = np.array([2_800_000.0, 2_900_000.0])  # 12% and 16% above the ceiling
    verdict, _, _ = classify(claims, claims, 1_575_259, ceiling, "between", tolerance)
    assert verdict.tolist() == [v.CONSISTENT, v.OVERSTATES]


def test_a_claim_within_the_tolerance_below_a_floor_is_not_an_understatement():
    floor, tolerance = 1_575_259, 0.15
    claims = np.array([1_400_000.0, 1_300_000.0])  # floor / 1.15 = 1,369,790
    verdict, _, _ = classify(claims, claims, floor, 2_500_000, "between", tolerance)
    assert verdict.tolist() == [v.CONSISTENT, v.UNDERSTATES]


@pytest.mark.parametrize(
    ("kind", "floor", "ceiling"),
    [("point", True, True), ("between", True, True), ("floor", True, False), ("ceiling", False, True)],
)
def test_each_kind_of_bound_gives_its_floor_and_its_ceiling(kind, floor, ceiling):
    bound = BenchmarkBound(kind)
    assert (bound.has_floor, bound.has_ceiling) == (floor, ceiling)
