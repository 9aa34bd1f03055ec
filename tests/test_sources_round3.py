"""Round 3 of the sources (issue 22, items 4, 6, 7): each corrected value and each new series, pinned.

Every test reads the built data (or the build itself), never a copy of a number it
could not fail on: the arithmetic each note argues is recomputed from the tables.
"""

from __future__ import annotations

import pandas as pd
import pytest

import gulagstats
from build_data import choose_preferred

from .conftest import DATA, needs_texts, prose_lines


def _cell(table: pd.DataFrame, **where: str) -> pd.DataFrame:
    mask = pd.Series(True, index=table.index)
    for column, value in where.items():
        mask &= table[column].fillna("") == value
    return table[mask]


def _value(table: pd.DataFrame, **where: str) -> int:
    rows = _cell(table, **where)
    rows = rows[rows.preferred.fillna(False).astype(bool)]
    assert len(rows) == 1, where
    return int(rows.value.iloc[0])


@pytest.fixture(scope="module")
def appendix() -> pd.DataFrame:
    return gulagstats.load("appendix")


@pytest.fixture(scope="module")
def sources() -> pd.DataFrame:
    """data/sources.csv by key: the citation and URL of every source key."""
    return pd.read_csv(DATA / "sources.csv", dtype=str, keep_default_na=False).set_index("key")


# --- item 4: the wrong values ---------------------------------------------------------------------


def test_the_custodial_totals_of_another_prison_series_leave_grz_cells(appendix):
    prisons = gulagstats.load("nkvd_prisons")
    for day, total in (("1941-01-01", 2400422), ("1950-01-01", 2760095)):
        grz = _cell(appendix, period=day, population="all_custodial", measure="inmates")
        assert list(grz.status) == ["missing"]  # no copy of GRZ's own total was seen
        moved = _cell(appendix, period=day, population="all_custodial_prison_department", source="pykhalov_totals")
        assert list(moved.value) == [total] and "relabelled from all_custodial inmates" in moved.note.iloc[0]
        # the note's arithmetic: camps + colonies + the prison department's count of that day
        camps = _value(appendix, period=day, population="gulag_camps", measure="inmates")
        colonies = _value(appendix, period=day, population="labor_colonies", measure="inmates", category="")
        jailed = _value(prisons, period=day, population="prisons_prison_department")
        assert camps + colonies + jailed == total
    grz_1941 = sum(
        _value(appendix, period="1941-01-01", population=p, measure="inmates", category="")
        for p in ("gulag_camps", "labor_colonies", "prisons")
    )
    assert grz_1941 == 2417468 and "2,417,468" in _cell(appendix, source="pykhalov_totals", period="1941-01-01").note.iloc[0]


def test_davies_rounded_figure_is_kept_beside_the_1939_cell_never_its_value(appendix):
    davies = appendix[appendix.source == "davies1997"]
    assert list(zip(davies.population, davies.measure, davies.value)) == [
        ("camps_and_colonies", "inmates_as_relayed", 1668000)
    ]
    assert not _cell(appendix, period="1939-01-01", population="camps_and_colonies", measure="inmates").value.notna().any()
    exact = sum(
        _value(appendix, period="1939-01-01", population=p, measure="inmates", category="")
        for p in ("gulag_camps", "labor_colonies")
    )
    assert exact == 1672438 and "1,672,438" in davies.note.iloc[0]
    march_1940 = _value(appendix, period="1940-03-01", population="camps_and_colonies", measure="inmates")
    assert round(march_1940, -3) == 1668000  # the count Davies' figure very probably is
    bench = gulagstats.benchmarks("gulag_population").set_index("id")
    assert "gulag_population_appendix:1939" not in bench.index
    assert bench.loc["gulag_population_sum:1939", ["high", "status"]].tolist() == [1672438, "unconfirmed"]
    conquest = gulagstats.compare().set_index("id").loc["conquest1990-camp-population"]
    # the headline factor is against camps and colonies (issue 22: the benchmark columns name its benchmark)
    assert (conquest.benchmark_id, conquest.benchmark_low, conquest.benchmark_status) == (
        "gulag_population_sum:1939-01-01", 1672438, "unconfirmed")
    assert "1,668,000" not in conquest.explanation + conquest.also_against


def test_the_artefact_findings_of_the_mixed_series_are_gone():
    ids = {r.id for r in gulagstats.check_results()}
    for gone in (
        "identities.components.appendix.all_custodial.inmates.1941-01-01",
        "identities.components.appendix.all_custodial.inmates.1950-01-01",
        "identities.components.appendix.camps_and_colonies.inmates.1939-01-01",
    ):
        assert gone not in ids
    kept = {r.id: r for r in gulagstats.check_results()}["identities.components.appendix.all_custodial.inmates.1939-01-01"]
    assert kept.verdict == "consistent"  # the prison department's 352,508 is not mixed into GRZ's 1939 total


@needs_texts
def test_l047_4_is_dated_by_grz_own_words():
    figures = gulagstats.load("grz_text_figures").set_index("id")
    row = figures.loc["L047.4"]
    assert (row.period, row.value) == ("1936/1939", 3000000)
    lines = prose_lines()
    assert "Great Purges of 1936-1939" in lines[41 - 1] and "Great Terror (1936-1939)" in lines[27 - 1]
    assert "1935/1940" in row.note  # the old reading stays visible


def test_kurganov_is_filed_as_lives_lost_with_solzhenitsyn_own_words(sources):
    row = gulagstats.load("estimates").set_index("id").loc["solzhenitsyn-victims"]
    assert (row.quantity, row.low, row.high, row.status) == ("regime_deaths", 66700000, 66700000, "confirmed")
    assert "sixty-six" in row.note and "repressed_total" in row.note
    assert sources.loc["solzhenitsyn_gulag2_p4", "url"].startswith("https://")


# --- the open choices, argued in the data -----------------------------------------------------------


def test_1952_deaths_the_arithmetic_of_the_note_holds(appendix):
    deaths = _cell(appendix, population="gulag_camps", measure="deaths")
    yearly = deaths[deaths.period.str.fullmatch(r"\d{4}") & deaths.preferred.astype(bool)]
    others = int(yearly[yearly.period != "1952"].value.sum())
    total = int(_cell(deaths, period="1934/1953").value.iloc[0])
    assert (others, total - others) == (1043225, 10604)
    chosen = yearly[yearly.period == "1952"]
    assert int(chosen.value.iloc[0]) == 10825 and "10,604" in chosen.note.iloc[0]
    alternative = _cell(deaths, period="1952", source="unverified_transcription")
    assert int(alternative.value.iloc[0]) == 13806 and not alternative.preferred.iloc[0]


def test_1946_camps_the_two_reprints_differ_by_the_inmates_of_unrecorded_nationality(appendix):
    camps = _cell(appendix, period="1946-01-01", population="gulag_camps", measure="inmates")
    values = dict(zip(camps.source, camps.value, strict=True))
    unrecorded = _value(gulagstats.load("nationality_unrecorded"), period="1946-01-01")
    assert values["plwiki_lagier"] - values["blog_3ekc"] == unrecorded == 145974
    chosen = camps[camps.preferred.astype(bool)]
    assert chosen.source.iloc[0] == "blog_3ekc" and "145,974" in chosen.note.iloc[0]


def test_1945_counterrevolutionaries_the_printed_share_fits_289351(appendix):
    rates = gulagstats.load("appendix_rates")
    ratio = {}
    for year in ("1943", "1944", "1945", "1947"):
        day = f"{year}-01-01"
        share = float(_cell(rates, period=day, measure="counterrevolutionaries_share").value.dropna().iloc[0])
        camps = _value(appendix, period=day, population="gulag_camps", measure="inmates")
        counts = _cell(appendix, period=day, population="gulag_camps", measure="counterrevolutionaries")
        ratio[year] = {int(v): share / (100 * v / camps) for v in counts.value}
    neighbours = [r for y in ("1943", "1944", "1947") for r in ratio[y].values()]
    assert max(neighbours) < 1.03
    assert ratio["1945"][289351] < 1.02 < 1.03 < ratio["1945"][283351]
    chosen = _cell(appendix, period="1945-01-01", measure="counterrevolutionaries", population="gulag_camps")
    assert int(chosen[chosen.preferred.astype(bool)].value.iloc[0]) == 289351


def test_1953_camps_and_colonies_rests_on_seen_figures(appendix):
    row = _cell(appendix, period="1953-01-01", population="camps_and_colonies", measure="inmates")
    assert list(zip(row.value, row.status)) == [(2472247, "derived")]
    parts = 1727970 + _value(appendix, period="1953-01-01", population="labor_colonies", measure="inmates", category="")
    assert parts == 2468524 and 2472247 - parts == 3723 and "3,723" in row.note.iloc[0]


# --- the build: an argument in preferred.csv is applied, or the build stops ------------------------

KEY = ("t", "1937-01-01", "gulag_camps", "inmates", "", "persons")


def _row(value: str, status: str, source: str) -> dict[str, str]:
    return {"period": "1937-01-01", "population": "gulag_camps", "measure": "inmates", "category": "",
            "unit": "persons", "value": value, "status": status, "source": source, "note": ""}


def test_an_argument_for_the_rules_choice_reaches_the_note():
    rows = [_row("11", "confirmed", "c"), _row("10", "unconfirmed", "u")]
    out = choose_preferred("t", rows, {KEY: {"source": "c", "value": "11", "reason": "the seen copy"}})
    chosen = [r for r in out if r["preferred"] == "true"]
    assert [(r["source"], r["note"]) for r in chosen] == [("c", "preferred: the seen copy")]


def test_an_argument_against_the_rules_or_for_no_cell_stops_the_build():
    rows = [_row("11", "confirmed", "c"), _row("10", "unconfirmed", "u")]
    with pytest.raises(SystemExit, match="but the rules choose c"):
        choose_preferred("t", [dict(r) for r in rows], {KEY: {"source": "u", "value": "", "reason": "x"}})
    stale = ("t", "1938-01-01", "gulag_camps", "inmates", "", "persons")
    with pytest.raises(SystemExit, match="match no cell"):
        choose_preferred("t", [dict(r) for r in rows], {stale: {"source": "c", "value": "", "reason": "x"}})


def test_among_agreeing_copies_the_argument_picks_the_one_cited():
    rows = [_row("82.4", "confirmed", "translation"), _row("82.4", "confirmed", "original")]
    out = choose_preferred("t", rows, {KEY: {"source": "original", "value": "", "reason": "the original"}})
    assert [r["source"] for r in out if r["preferred"] == "true"] == ["original"]


# --- item 6: the population, the denominator of rates per 1,000 ------------------------------------


@pytest.fixture(scope="module")
def population() -> pd.DataFrame:
    return gulagstats.load("ussr_population")


def test_every_population_row_has_its_quote_url_and_status(population, sources):
    assert (population.status == "confirmed").all() and (population.locator.str.len() >= 8).all()
    urls = sources.loc[population.source.unique(), "url"]
    assert urls.str.startswith("http").all(), urls[~urls.str.startswith("http")]
    assert set(population.period) >= {"1926-12-17", "1937-01-06", "1939-01-17", "1959-01-15"}


def test_the_republics_of_each_census_sum_to_its_total(population):
    def republics(period: str, category: str = "", source: str | None = None) -> int:
        rows = population[(population.period == period) & ~population.population.isin(["ussr", "ussr_postwar_territory"])]
        rows = rows[rows.category.fillna("") == category]
        if source:
            rows = rows[rows.source == source]
        return int(rows.value.sum())

    total_1926 = _value(population, period="1926-12-17", population="ussr", category="")
    assert total_1926 == 147027915
    assert republics("1926-12-17", source="census1926_ltwiki") == total_1926  # the six republics of 1926
    assert republics("1926-12-17", category="territory_of_1939") == total_1926  # the eleven of 1939
    assert republics("1939-01-17") == _value(population, period="1939-01-17", population="ussr", category="") == 170467186
    rounded = republics("1959-01-15")  # fifteen republics in millions to one decimal
    assert abs(rounded - _value(population, period="1959-01-15", population="ussr", category="")) < 0.005 * rounded


def test_each_1939_total_gives_grz_077_percent_and_the_choice_is_argued(population, appendix):
    camps = _value(appendix, period="1939-01-01", population="gulag_camps", measure="inmates")
    totals = _cell(population, period="1939-01-17", population="ussr", category="")
    assert sorted(totals.value) == [170467186, 170557093]
    assert {round(100 * camps / v, 2) for v in totals.value} == {0.77}
    chosen = totals[totals.preferred.astype(bool)]
    assert chosen.source.iloc[0] == "frus1939_census" and "preferred:" in chosen.note.iloc[0]


def test_estimates_between_censuses_say_their_territory(population):
    postwar = population[population.population == "ussr_postwar_territory"]
    assert set(postwar.period) == {"1940-01-01", "1950-01-01"}
    assert postwar.note.str.contains("post-1945").all() and postwar.note.str.contains("not a census").all()


# --- item 7: series that decide refusals ------------------------------------------------------------


def test_yearly_arrests_of_1937_and_1938_sum_to_grz_figure(sources):
    arrests = gulagstats.load("nkvd_arrests")
    years = {p: _value(arrests, period=p) for p in ("1937", "1938")}
    assert years == {"1937": 936750, "1938": 638509}
    grz = _cell(arrests, period="1937/1938")
    assert (grz.source.iloc[0], grz.status.iloc[0], int(grz.value.iloc[0])) == ("grz1993", "prose", sum(years.values()))
    missing = arrests[arrests.status == "missing"]
    assert set(missing.period) == {str(y) for y in range(1921, 1937)} | {"1941", "1944"}
    seen = arrests[arrests.status == "confirmed"]
    assert sources.loc[seen.source.unique(), "url"].str.startswith("http").all()
    results = {r.id: r for r in gulagstats.check_results()}
    assert results["prose.L059.1"].verdict == "consistent"
    assert "grz1993" not in {c.source for c in results["prose.L059.1"].cells}


def test_the_prison_department_series_is_complete_and_apart(sources):
    prisons = gulagstats.load("nkvd_prisons")
    assert len(prisons) == 85 and set(prisons.population) == {"prisons_prison_department"}
    assert (prisons.status == "confirmed").all() and prisons.source.unique().tolist() == ["nkvd_prisons_yakovlev"]
    assert sources.loc["nkvd_prisons_yakovlev", "url"].startswith("https://")
    footnoted = prisons[prisons.period.isin(["1941-07-01", "1941-10-01"])]
    assert sorted(footnoted.value) == [206430, 249349] and footnoted.note.str.contains("footnote").all()
