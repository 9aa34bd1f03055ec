"""Rates per 1,000 inhabitants (issue 22, item 6): in assess, in the record, in a figure."""

from __future__ import annotations

import pandas as pd
import pytest

import gulagstats
from gulagstats.core.record import default_record
from gulagstats.estimates.judge import planner_of
from gulagstats.estimates.rates import denominator, rate_rows


def _population(period: str, category: str = "") -> float:
    table = gulagstats.load("ussr_population")
    row = table[(table.period == period) & (table.population == "ussr") & (table.category.fillna("") == category)
                & table.preferred]
    return float(row.value.iloc[0])


def test_one_in_twenty_soviet_adults_arrested_gets_a_verdict():
    """'1 in 20 Soviet adults was arrested' in 1937-1938: 50 per 1,000 adults."""
    a = gulagstats.assess("arrests", 50, period="1937-1938", unit="per 1,000 adults")
    adults = _population("1937-12-12", "aged_18_and_over")
    assert adults == 94_138_000
    most = 1000 * (1_575_259 + 1_566_185) / adults  # every non-political prosecution counted an arrest
    assert a.verdict == "overstates" and a.sensitivity == "stable" and a.factor == round(50 / most, 1) == 1.5
    assert a.benchmark.high == pytest.approx(most) and "94,138,000 on 12 December 1937" in a.explanation
    assert a.benchmark.status == "derived" and "election1937_absoluteastronomy" in a.benchmark.source
    # 1 in 60 is within the record's range
    assert gulagstats.assess("arrests", 1000 / 60, period="1937-1938", unit="per 1,000 adults").verdict == "consistent"


def test_a_rate_per_inhabitant_divides_by_the_census_counts_of_its_time():
    a = gulagstats.assess("executions", 4, period="1937/1938", unit="per 1,000 inhabitants")
    low, high = _population("1937-01-06"), _population("1939-01-17")
    assert a.benchmark.low == pytest.approx(1000 * 681_692 / high) and a.benchmark.high == pytest.approx(1000 * 681_692 / low)
    assert a.verdict == "consistent"
    # GRZ's 0.77 percent (prose line 93): camps on 1 January 1939 per 1,000 inhabitants, 7.7
    a = gulagstats.assess("camp_population", 7.7, period="1939-01-01", unit="per 1,000 inhabitants")
    assert a.preferred_verdict == "consistent"


def test_a_rate_without_a_population_count_near_it_is_not_comparable():
    a = gulagstats.assess("arrests", 10, period="1950", unit="per 1,000 adults")
    assert a.verdict == "not_comparable" and "no count of adults within 5 years" in a.explanation
    cells = planner_of(default_record()).population
    assert denominator(cells, "1910", "per 1,000 inhabitants") is None  # nothing is interpolated or carried back


def test_the_denominators_are_the_counts_inside_and_nearest_around():
    cells = planner_of(default_record()).population
    d = denominator(cells, "1939/1941", "per 1,000 inhabitants")
    assert [c.period for c in d.cells] == ["1937-01-06", "1939-01-17", "1940-01-01", "1941-01-01"]
    assert d.low == _population("1937-01-06") and d.high > 190_000_000  # the territory grew in 1939-1940


def test_the_rates_table_of_the_record_is_the_run_time_computation():
    stored = gulagstats.load("per_capita_rates")
    planner = planner_of(default_record())
    now = pd.DataFrame(rate_rows(planner.evaluator, planner.bounds, planner.population))
    assert len(stored) == len(now) > 50
    for column in ("quantity", "period", "bound", "benchmark", "status"):
        assert stored[column].astype(str).tolist() == now[column].astype(str).tolist(), column
    for column in ("rate_low", "rate_high", "count_low"):
        pairs = zip(stored[column].tolist(), now[column].tolist())
        assert all(pd.isna(b) if pd.isna(a) else a == pytest.approx(b) for a, b in pairs), column
    # a floor has no high rate; the 1937 and 1938 death sentences, which GRZ count as shot, are points
    executions = stored[stored.quantity == "executions"].set_index("period")
    assert executions.loc["1937", "bound"] == "point" and executions.loc["1939", "bound"] == "floor"
    assert pd.isna(executions.loc["1939", "rate_high"])
    assert set(stored.quantity) == {"arrests", "executions", "gulag_deaths", "custodial_population"}


def test_the_rates_figure_draws_the_table():
    from gulagstats.figures.rates import plot_per_capita_rates

    fig = plot_per_capita_rates(default_record())
    stored = gulagstats.load("per_capita_rates")
    drawn = {s.key: s for s in fig.gulagstats_series}
    for quantity, rows in stored.groupby("quantity"):
        s = drawn[f"rates:{quantity}"]
        assert s.y == pytest.approx(rows.rate_low.tolist())
    floors = [t for t in fig.axes[0].texts if (t.get_gid() or "").endswith(":floor")]
    assert len(floors) == int(((stored.bound == "floor") & (stored.rate_low > 0)).sum())
