"""Scopes, factor ranges, bounds, one-sided words, context rows and grouped restatements."""

from __future__ import annotations

import pandas as pd
import pytest

import gulagstats
from gulagstats.estimates.scope import tally, year_bounds


@pytest.fixture(scope="module")
def compared() -> pd.DataFrame:
    return gulagstats.compare().set_index("id")


def test_a_camps_claim_is_judged_against_camps_and_colonies(compared):
    row = compared.loc["conquest1990-camp-population"]  # 8 million 'in the camps', end of 1938
    camps = 1317195
    colonies = float(
        gulagstats.load("appendix")
        .query(
            "period == '1939-01-01' and population == 'labor_colonies' and measure == 'inmates'"
            " and preferred"
        )
        .value.iloc[0]
    )
    assert row.benchmark_low == camps  # ITL alone is shown beside
    assert row.factor == round(8_000_000 / (camps + colonies), 1) == 4.8
    assert row.factor_high == round(8_000_000 / camps, 1) == 6.1
    assert row.also_against.startswith("gulag_population")
    # an author who says ITL keeps the ITL benchmark alone
    from gulagstats.estimates.scope import refine  # noqa: F401  (the rule is data: data/scope_rules.csv)

    rules = gulagstats.load("scope_rules")
    assert rules.loc[rules.quantity == "camp_population", "unless_words"].str.contains("ITL").all()


def test_forced_labour_is_judged_against_camps_colonies_prisons_and_settlers(compared):
    row = compared.loc["eason-forced-labour-1939"]
    assert row.verdict == "overstates" and row.factor == round(10_000_000 / 2961528, 1) == 3.4
    assert "detained_population" in row.also_against


def test_arrests_get_the_conservative_factor_with_the_range(compared):
    row = compared.loc["volkogonov-arrests"]
    assert (row.factor, row.factor_high) == (1.4, 2.2)
    a = gulagstats.assess("arrests", 7_000_000, period="1937/1938")
    assert (a.factor, a.factor_low, a.factor_high) == (2.8, 2.8, 4.4)


def test_one_sided_claims_are_not_contradicted_never_consistent():
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


def test_partial_periods_are_bounded_by_whole_years():
    # one week of December 1934: at most the 2,056 death sentences of 1934
    a = gulagstats.assess("executions", 102, period="1934-12-05/1934-12-18")
    assert a.verdict == "not_contradicted" and a.bound == "ceiling" and a.benchmark.high == 2056
    a = gulagstats.assess("executions", 50_000, period="1934-12-05/1934-12-18")
    assert (
        a.verdict == "overstates"
        and a.factor == round(50_000 / 2056, 1)
        and "at least" in a.explanation
    )
    # 1930-1953: the record's 1953 runs to 30 June only, so 1930-1952 is a floor
    a = gulagstats.assess("executions", 786098, period="1930/1953")
    assert a.verdict == "not_contradicted" and a.bound == "floor" and a.benchmark.low == 775866
    a = gulagstats.assess("executions", 100_000, period="1930/1953")
    assert a.verdict == "understates"


def test_one_claim_restated_with_different_periods_gets_one_verdict(compared):
    shot = compared[compared.group == "kgb-1935-1941-shot"]
    arrested = compared[compared.group == "kgb-1935-1941-arrested"]
    assert len(shot) == 3 and len(arrested) == 4
    for group in (shot, arrested):
        assert group.verdict.nunique() == 1 and group.verdict.iloc[0] == "overstates"
        assert (
            group.factor.nunique() <= 2
        )  # 19.84 and 20 million: the same claim, rounded differently
        assert (group.bound == "between").all()
    # the same claim asked directly with the period written as whole years
    a = gulagstats.assess("executions", 7_000_000, period="1935/1941")
    assert a.verdict == "overstates" and a.factor == shot.factor.iloc[0]


def test_context_rows_are_shown_not_scored_and_tallies_count_a_group_once(compared):
    context = compared[compared.role == "context"]
    assert set(context.index) == {"grz1993-executions-range", "grz1993-victims-range"}
    assert (context.verdict == "").all() and context.explanation.str.startswith("Context").all()
    counts = tally(compared.reset_index())
    scored = compared[compared.role != "context"]
    assert sum(counts.values()) == scored.group.nunique() < len(compared)


def test_every_verdict_shows_the_benchmark_status(compared):
    judged = compared[
        compared.verdict.isin(["overstates", "understates", "consistent", "not_contradicted"])
    ]
    assert judged.benchmark_status.isin(
        ["prose", "confirmed", "corrected", "derived", "unconfirmed"]
    ).all()
    refined = judged[judged.bound != ""]
    assert refined.explanation.str.contains("status").all()


def test_readings_are_data_with_reasons():
    readings = gulagstats.load("estimate_readings").fillna("")
    estimates = set(gulagstats.load("estimates").id)
    assert set(readings.id) <= estimates and (readings.reason.str.len() > 20).all()
    assert set(readings.role) <= {"claim", "restatement", "context"}


@pytest.mark.parametrize(
    ("words", "period"),
    [
        ("late 1930s", "1937/1938"),
        ("1930s", "1930/1939"),
        ("Dec 1934", "1934-12-01/1934-12-31"),
        ("1936-10/1938-11", "1936-10-01/1938-11-30"),
    ],
)
def test_assess_accepts_the_period_words_compare_uses(words, period):
    a = gulagstats.assess("executions", 700_000, period=words)
    assert a.period == period and a.verdict != "not_comparable"


def test_unknown_quantities_get_suggestions_by_meaning_or_a_clear_no_series():
    with pytest.raises(gulagstats.errors.UnknownQuantityError, match="did you mean 'executions'"):
        gulagstats.assess("people_shot", 5, period="1937")
    with pytest.raises(KeyError, match="no archival series for this"):
        gulagstats.assess("congress_delegates", 1108, period="1937")
