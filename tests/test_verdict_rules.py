"""The rules of the verdicts: typed bounds, readings and sources, scopes, bounds from the years around a period.

A benchmark is a point, a floor or a ceiling for a claim (issue 22): "overstates"
only against a ceiling or a point, "understates" only against a floor or a point;
a verdict that changes with the reading or the source is never one word.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gulagstats
from gulagstats.estimates.classify import classify
from gulagstats.estimates.tally import tally
from gulagstats.periods import year_bounds


@pytest.fixture(scope="module")
def compared() -> pd.DataFrame:
    return gulagstats.compare().set_index("id")


# --- the one classifier: the kinds of bound -------------------------------------------------------

ends = st.one_of(st.just(math.nan), st.floats(0, 3e7, allow_nan=False))
records = st.floats(1, 3e7, allow_nan=False)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(ends, ends), min_size=1, max_size=20), records, st.floats(0.0, 0.5))
def test_a_floor_never_yields_overstates_and_a_ceiling_never_understates(claims, record, tolerance):
    low = np.array([min(a, b) if a == a and b == b else a for a, b in claims])
    high = np.array([max(a, b) if a == a and b == b else b for a, b in claims])
    floor_verdicts = classify(low, high, record, None, "floor", tolerance)[0]
    ceiling_verdicts = classify(low, high, None, record, "ceiling", tolerance)[0]
    assert "overstates" not in set(floor_verdicts) and "consistent" not in set(floor_verdicts)
    assert "understates" not in set(ceiling_verdicts) and "consistent" not in set(ceiling_verdicts)
    # a point is both: a claim above it overstates, below it understates, as above a ceiling or below a floor
    point = classify(low, high, record, record, "point", tolerance)[0]
    assert set(point[floor_verdicts == "understates"]) == {"understates"} or not (floor_verdicts == "understates").any()
    assert set(point[ceiling_verdicts == "overstates"]) == {"overstates"} or not (ceiling_verdicts == "overstates").any()


@settings(max_examples=60, deadline=None)
@given(st.integers(1921, 1953), st.integers(0, 40), st.integers(1, 40_000_000))
def test_death_sentences_outside_1937_1938_never_show_executions_overstated(start, length, claimed):
    """The secret police's death sentences are a floor for all executions, except in 1937-1938 (GRZ: shot)."""
    end = min(start + length, 1953)
    if start >= 1937 and end <= 1938:
        return
    a = gulagstats.assess("executions", claimed, period=f"{start}/{end}" if end > start else str(start))
    assert a.verdict != "overstates" or a.bound not in ("floor",), (start, end, a.explanation)
    assert a.verdict != "overstates" or (a.benchmark is not None and "1937" in a.benchmark.period + a.explanation)


def test_the_kind_of_each_benchmark_is_data_with_its_reason():
    rules = gulagstats.load("benchmark_rules").fillna("")
    assert set(rules["bound"]) <= {"point", "floor", "ceiling", "between"}
    assert (rules.loc[rules["bound"] == "floor", "lacks"].str.len() > 20).all()  # a floor says what it lacks
    changes = gulagstats.load("benchmark_bounds").fillna("")
    assert set(changes["rule"]) <= set(rules["rule"]) and (changes["reason"].str.len() > 20).all()


def test_executions_are_a_point_in_1937_1938_and_for_political_cases_a_floor_otherwise():
    assert gulagstats.assess("executions", 700_000, period="1937/1938").bound == "point"
    wartime = gulagstats.assess("executions", 1_000_000, period="1941/1945")
    assert wartime.verdict == "not_contradicted" and wartime.bound == "floor"
    assert "military tribunals" in wartime.lacks and "a floor" in wartime.explanation
    # words that say the claim counts political cases make the secret police's count a point
    claims = pd.DataFrame({"quantity": ["executions"] * 2, "value": [1_000_000] * 2, "period": ["1941/1945"] * 2,
                           "scope": ["party members shot", ""]})
    out = gulagstats.assess_claims(claims)
    assert out.verdict.tolist() == ["overstates", "not_contradicted"] and out.bound.tolist() == ["point", "floor"]


# --- readings and sources: the sensitivity of every verdict --------------------------------------


def test_every_judged_verdict_carries_its_sensitivity(compared):
    judged = compared[~compared.verdict.isin(["not_comparable", ""])]
    assert set(judged.sensitivity) <= {"stable", "depends_on_source", "depends_on_reading"}
    flips = judged[judged.sensitivity != "stable"]
    assert (flips.verdict == flips.sensitivity).all()  # a verdict that flips is never printed as one word
    assert flips.factor.isna().all() and (flips.verdict_range.str.count(";") >= 1).all()
    stable = judged[judged.sensitivity == "stable"]
    assert (stable.verdict == stable.preferred_verdict).all()


@pytest.mark.parametrize(
    ("quantity", "value", "period", "scope", "cell"),
    [
        ("camp_population", 700_000, "1946-01-01", "ITL camps", "746,871"),  # the 1946 camps: 600,897 or 746,871
        ("camp_deaths", 12_000, "1952", "ITL", "13,806"),  # the 1952 camp deaths: 10,825 or 13,806
    ],
)
def test_a_verdict_that_a_published_alternative_flips_depends_on_the_source(quantity, value, period, scope, cell):
    out = gulagstats.assess_claims(pd.DataFrame({"quantity": [quantity], "value": [value], "period": [period],
                                                 "scope": [scope]})).iloc[0]
    assert out.verdict == "depends_on_source" and out.sensitivity == "depends_on_source"
    assert cell in out.verdict_range and out.preferred_verdict in ("overstates", "understates", "consistent")
    far = gulagstats.assess_claims(pd.DataFrame({"quantity": [quantity], "value": [value * 10], "period": [period],
                                                 "scope": [scope]})).iloc[0]
    assert far.verdict == "overstates" and far.sensitivity == "stable"  # far off: every value agrees


def test_the_report_shows_the_bound_the_sensitivity_with_its_range_and_what_a_floor_lacks(compared):
    """What a floor lacks is said in its explanation (the report's table has no room for a column of it)."""
    from gulagstats.report.sections import estimates_section

    section, _ = estimates_section(compared.reset_index())
    shown = next(b for b in section.blocks if isinstance(b, pd.DataFrame)).set_index("author", append=True)
    assert {"bound", "sensitivity", "explanation"} <= set(shown.columns)
    flips = compared[compared.sensitivity == "depends_on_reading"]
    assert len(flips) >= 1
    for label in flips.verdict_range:  # never one word: the label, then the verdict under each reading
        assert any(s == f"depends_on_reading: {label}" for s in shown.sensitivity)
    floors = shown[shown.bound == "floor"]
    lacking = compared[compared.lacks.fillna("") != ""]
    assert len(floors) and len(lacking) and all(lacks in why for lacks, why in zip(lacking.lacks, lacking.explanation))
    assert set(shown.sensitivity[~shown.sensitivity.str.startswith("depends_on")]) == {"stable"}


def test_the_1939_camps_and_colonies_have_no_alternative_since_davies_is_relayed_not_printed(compared):
    row = compared.loc["conquest1990-camp-population"]
    assert row.sensitivity == "stable" and "1,668,000" not in row.verdict_range + row.explanation


def test_the_arrests_of_1937_1938_have_two_ceilings_and_the_conservative_factor(compared):
    row = compared.loc["volkogonov-arrests"]  # 3.5 million: above GRZ's 2.5 million, within 3,141,444
    assert row.verdict == "depends_on_reading" and row.preferred_verdict == "overstates"
    assert "overstates 1.4" in row.verdict_range and "consistent" in row.verdict_range
    assert "victims of repression" in row.verdict_range  # GRZ's own reading of the figure (prose line 52)
    a = gulagstats.assess("arrests", 7_000_000, period="1937/1938")
    assert (a.factor, a.factor_low, a.factor_high, a.sensitivity) == (2.2, 2.2, 4.4, "stable")


def test_a_camps_claim_is_read_as_camps_and_colonies_and_as_itl(compared):
    row = compared.loc["conquest1990-camp-population"]  # 8 million 'in the camps', end of 1938
    camps, both = 1317195, 1672438
    assert row.benchmark_low == both and row.factor == round(8_000_000 / both, 1) == 4.8
    assert row.factor_high == round(8_000_000 / camps, 1) == 6.1
    assert row.also_against.startswith("camp_population_appendix:1939-01-01 (1,317,195")
    rules = gulagstats.load("scope_rules")
    assert rules.loc[rules.quantity == "camp_population", "unless_words"].str.contains("ITL").all()


def test_forced_labour_counts_at_least_camps_colonies_prisons_and_settlers(compared):
    row = compared.loc["eason-forced-labour-1939"]  # before the war: the detained population is the whole
    assert row.verdict == "overstates" and row.factor == round(10_000_000 / 2961528, 1) == 3.4
    assert row.benchmark_id.startswith("detained_population_sum")
    for estimate in ("dallin-forced-labour-1944", "afl-forced-labour-1951", "floyd-forced-labour-1952"):
        late = compared.loc[estimate]  # no settlers, labour army or prisoners of war in the record: a floor
        assert late.verdict == "not_contradicted" and late.bound == "floor", estimate
        assert "special settlers" in late.lacks and "prisoners of war" in late.lacks


def test_a_maximum_is_bounded_by_the_highest_count_and_grz_ceiling(compared):
    for estimate, verdict in (("getty-naumov-detained", "consistent"), ("grz1993-detained", "consistent")):
        row = compared.loc[estimate]
        assert row.verdict == verdict and row.bound == "between", estimate
        assert row.benchmark_low == 2961528 and row.benchmark_high == 4_000_000  # GRZ's 3.5 million + 500,000
    assert "a ceiling of 3.8-4 million" in compared.loc["grz1993-detained", "explanation"]  # GRZ's arithmetic, said
    peak = compared.loc["solzhenitsyn-camp-maximum"]  # 'not more than 12 million at any one time'
    assert peak.verdict == "not_contradicted" and peak.sensitivity == "stable" and peak.bound == "floor"
    assert "2,561,351" in peak.explanation and "may have been higher between counts" in peak.explanation


def test_a_one_sided_claim_is_not_contradicted_never_consistent():
    a = gulagstats.assess("repressed_total", high=10_000_000, period="1935/1938")
    assert a.verdict == "not_contradicted"
    a = gulagstats.assess("executions", low=600_000, period="1937/1938")
    assert a.verdict == "not_contradicted" and "not contradicted" in a.explanation
    a = gulagstats.assess("executions", 700_000, period="1937/1938")
    assert a.verdict == "consistent"


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("1935-01-01/1941-06-22", ("1935/1940", "1935/1941")),
        ("1934-12-01/1934-12-31", (None, "1934")),
        ("1936-10-01/1938-11-30", ("1937", "1936/1938")),
        ("1938", (None, None)),
    ],
)
def test_year_bounds(period, expected):
    assert year_bounds(period) == expected


def test_partial_periods_are_bounded_by_whole_years_each_as_far_as_its_kind_allows():
    # one week of December 1934, political cases: at most the 2,056 death sentences of 1934
    claims = pd.DataFrame({"quantity": ["executions"] * 2, "value": [102, 50_000], "period": ["1934-12-05/1934-12-18"] * 2,
                           "scope": ["Whiteguards tried by the Military Collegium"] * 2})
    out = gulagstats.assess_claims(claims)
    assert out.verdict.tolist() == ["not_contradicted", "overstates"] and (out.bound == "ceiling").all()
    assert out.benchmark_high.iloc[0] == 2056 and out.factor.iloc[1] == round(50_000 / 2056, 1)
    # all executions of that week: the 1934 sentences are a floor, which bounds nothing above
    a = gulagstats.assess("executions", 50_000, period="1934-12-05/1934-12-18")
    assert a.verdict == "not_comparable"
    # 1930-1953: the record's 1953 runs to 30 June only, so it holds part of the span: a floor
    a = gulagstats.assess("executions", 786098, period="1930/1953")
    assert a.verdict == "not_contradicted" and a.bound == "floor" and a.benchmark.low == 775866 + 198
    a = gulagstats.assess("executions", 100_000, period="1930/1953")
    assert a.verdict == "understates"


def test_memorial_executions_above_the_ceiling_within_the_tolerance_say_so(compared):
    row = compared.loc["memorial-executions"]  # at least 724,000, 1 October 1936 - 30 November 1938
    assert row.verdict == "not_contradicted" and row.bound == "between" and row.benchmark_high == 682810
    assert "6% above the most the record allows (682,810)" in row.explanation


def test_partial_coverage_is_said_plainly(compared):
    row = compared.loc["rummel1990-camp-deaths"]  # 39.5 million, 1917-1987
    assert row.verdict == "not_contradicted" and row.benchmark_low == 1606748
    assert "the part of the period the record holds (1930-1956)" in row.explanation
    assert "in 1930-1956" in row.explanation and "25 times below the claim" in row.explanation


def test_a_rate_per_year_is_counted_over_its_period(compared):
    row = compared.loc["khlevniuk2015-per-year"]  # no fewer than a million a year, 1929-1953
    assert row.verdict == "not_contradicted" and "counted over 1929/1953 (25 years)" in row.explanation
    assert "at least 25,000,000" in row.explanation


def test_one_claim_restated_with_different_periods_gets_one_verdict(compared):
    shot = compared[compared.group == "kgb-1935-1941-shot"]
    arrested = compared[compared.group == "kgb-1935-1941-arrested"]
    assert len(shot) == 2 and len(arrested) == 4
    for group in (shot, arrested):
        assert group.verdict.nunique() == 1 and group.verdict.iloc[0] == "not_contradicted"
        assert (group.bound == "floor").all()
    deaths = compared.loc["kgb-report-deaths"]  # '7 million deaths': deaths in custody, or shot: both floors
    assert deaths.verdict == "not_contradicted" and deaths.benchmark_low == 1000298 and deaths.sensitivity == "stable"


def test_context_rows_are_shown_not_scored_and_tallies_count_a_group_once(compared):
    context = compared[compared.role == "context"]
    assert set(context.index) == {"grz1993-executions-range", "grz1993-victims-range", "grz1993-famine-range"}
    assert (context.verdict == "").all() and context.explanation.str.startswith("Context").all()
    assert context.factor.isna().all() and context.factor_high.isna().all()  # no stale factors (review 2)
    counts = tally(compared.reset_index())
    scored = compared[compared.role != "context"]
    assert sum(counts.values()) == scored.group.nunique() < len(compared)


def test_every_verdict_shows_the_benchmark_status(compared):
    judged = compared[compared.verdict.isin(["overstates", "understates", "consistent", "not_contradicted"])]
    assert judged.benchmark_status.isin(["prose", "confirmed", "corrected", "derived", "unconfirmed"]).all()
    assert judged.explanation.str.contains("status").all()


def test_readings_are_data_with_reasons():
    readings = gulagstats.load("estimate_readings").fillna("")
    estimates = set(gulagstats.load("estimates").id)
    assert set(readings.id) <= estimates and (readings.reason.str.len() > 20).all()
    assert set(readings.role) <= {"claim", "restatement", "context", ""}


@pytest.mark.parametrize(
    ("words", "period"),
    [
        ("late 1930s", "1937/1938"),
        ("1930s", "1930/1939"),
        ("Dec 1934", "1934-12-01/1934-12-31"),
        ("1936-10/1938-11", "1936-10-01/1938-11-30"),
        ("the Great Terror", "1937/1938"),
    ],
)
def test_assess_accepts_the_period_words_compare_uses(words, period):
    a = gulagstats.assess("camp_deaths", 70_000, period=words)
    assert a.period == period and a.verdict != "not_comparable"


def test_unknown_quantities_get_suggestions_by_meaning_or_a_clear_no_series():
    with pytest.raises(gulagstats.errors.UnknownQuantityError, match="did you mean 'executions'"):
        gulagstats.assess("people_shot", 5, period="1937")
    with pytest.raises(KeyError, match="no archival series for this"):
        gulagstats.assess("congress_delegates", 1108, period="1937")
