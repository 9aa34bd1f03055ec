"""GRZ Tables 1-9 as tables of cells: structure, prose cells with their quotes, missing cells."""

from __future__ import annotations

import csv
import re

import pandas as pd
import pytest

import gulagstats

from .conftest import ROOT, needs_texts, prose_lines

TABLES = [f"table_{n}" for n in range(1, 10)]
#: Tables with at least one cell known from the prose or a source (the others are all missing).
WITH_KNOWN_CELLS = ["table_1", "table_2", "table_3", "table_7", "table_9"]
PROSE_LINES = prose_lines()
LOCATOR = re.compile(r"^(?P<quote>.+) \[GRZ prose line (?P<line>\d+)\]$")


def _cell(table: str, **key: str) -> pd.Series:
    frame = gulagstats.load(table)
    for column, wanted in key.items():
        frame = frame[frame[column] == wanted]
    assert len(frame) == 1, f"{table} {key}: {len(frame)} rows"
    return frame.iloc[0]


def test_tables_lists_the_nine_grz_tables_with_their_reference():
    listed = gulagstats.tables().set_index("id")
    for n, table in enumerate(TABLES, start=1):
        assert listed.loc[table, "grz_ref"] == f"Table {n}"
        assert listed.loc[table, "kind"] == "cells"
        assert not listed.loc[table, "beyond_grz"]
        assert listed.loc[table, "title"].startswith(f"GRZ Table {n}: ")


@pytest.mark.parametrize("table", TABLES)
def test_each_table_loads_long_and_wide_with_missing_cells(table):
    long = gulagstats.load(table)
    assert len(long) > 0
    assert (long.status == "missing").any(), f"{table} has no missing cell"
    wide = gulagstats.load(table, wide=True, provenance=True)
    assert int(wide["status"].notna().sum().sum()) == int(long.preferred.sum()), "a cell lost in the pivot"
    assert wide["status"].shape == wide["value"].shape == wide["source"].shape
    assert wide["value"].equals(gulagstats.load(table, wide=True))


@pytest.mark.parametrize("table", WITH_KNOWN_CELLS)
def test_tables_with_known_cells_have_them(table):
    long = gulagstats.load(table)
    assert (long.value.notna() & (long.status != "missing")).any()


@pytest.mark.parametrize("table", TABLES)
def test_missing_cells_have_no_value_and_say_why(table):
    long = gulagstats.load(table)
    missing = long[long.status == "missing"]
    assert missing.value.isna().all()
    assert missing.preferred.all()
    assert (missing.note.str.len() > 20).all(), "every missing cell says where the article shows it"
    valued = long[long.status != "missing"]
    assert valued.value.notna().all()
    assert (valued.source != "").all() and (valued.locator != "").all()


@needs_texts
@pytest.mark.parametrize("table", TABLES)
def test_every_prose_cell_quotes_its_line_verbatim(table):
    long = gulagstats.load(table)
    prose = long[long.status == "prose"]
    for row in prose.itertuples():
        assert row.source == "grz1993"
        m = LOCATOR.match(row.locator)
        assert m, f"{table}: locator not '<quote> [GRZ prose line N]': {row.locator!r}"
        line = int(m["line"])
        assert 1 <= line <= len(PROSE_LINES)
        assert m["quote"] in PROSE_LINES[line - 1], f"{table}: quote not on line {line}: {m['quote']!r}"


def test_curated_files_have_the_cell_columns_and_their_table_reference():
    columns = ["period", "population", "measure", "category", "value", "unit", "grz_ref", "source", "locator", "status", "note"]
    for n, table in enumerate(TABLES, start=1):
        with open(ROOT / "tools" / "curated" / f"{table}.csv", newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            assert reader.fieldnames == columns
            rows = list(reader)
        assert rows
        assert {r["grz_ref"] for r in rows} == {f"Table {n}"}
        assert all(r["unit"] in {"persons", "percent"} for r in rows)


@pytest.mark.parametrize(
    ("table", "key", "value"),
    [
        ("table_3", {"period": "1939-04-01", "population": "gulag_camps_juveniles", "measure": "inmates"}, 10366),
        ("table_3", {"population": "gulag_camps_juveniles", "category": "socially_harmful"}, 56.9),
        ("table_3", {"population": "gulag_camps", "category": "socially_harmful"}, 21.7),
        ("table_2", {"period": "1943-01-01", "category": "women"}, 13),
        ("table_2", {"period": "1945-01-01", "category": "women"}, 24),
        ("table_2", {"period": "1934-01-01", "category": "18_or_younger"}, 1.2),
        ("table_7", {"period": "1948-01-01", "category": "hooliganism"}, 2.1),
        ("table_1", {"population": "archival_figures", "measure": "arrests"}, 1575259),
        ("table_1", {"population": "archival_figures", "measure": "executions"}, 681692),
        ("table_1", {"population": "archival_figures", "measure": "custodial_population"}, 2022976),
    ],
)
def test_prose_cells_named_in_the_article(table, key, value):
    row = _cell(table, **key)
    assert row.status == "prose" and row.preferred
    assert float(row.value) == pytest.approx(value)


@needs_texts
def test_socially_harmful_share_of_1939_is_the_prose_count_over_the_appendix_camps():
    # the 21.7 percent 'of all detainees' is dated 1 January 1939: GRZ's 285,831 over the appendix camps
    line = PROSE_LINES[116 - 1]
    assert "285,831" in line and "21.7 percent of all detainees" in line
    camps = gulagstats.load("appendix", wide=True).loc["1939", "gulag_camps inmates"]
    share = _cell("table_3", population="gulag_camps", category="socially_harmful")
    assert share.period == "1939-01-01"
    assert round(285831 / camps * 100, 1) == float(share.value)


def test_table_9_takes_the_1936_court_shares_sousa_cites_from_grz():
    # both copies name the RSFSR for the criminals and the USSR civil courts for the political prisoners
    # (review 2, section 5, wrong values 4-7; reference revision 2); Morukov translates Sousa
    table_9 = gulagstats.load("table_9")
    related = gulagstats.load("sentence_lengths_1936")
    for table in (table_9, related):
        courts = table[table.period == "1936"]
        assert set(courts.population) == {"courts_rsfsr", "civil_courts_ussr"}
        assert set(courts[courts.population == "courts_rsfsr"].category) == {"criminal_up_to_5_years", "criminal_5_to_10_years"}
        chosen = courts[courts.preferred].set_index("category")
        assert (chosen.source == "sousa_experts123").all() and (chosen.status == "confirmed").all()
        assert float(chosen.loc["political_civil_courts_up_to_5_years", "value"]) == 44.2
        slip = courts[(courts.source == "morukov_grz") & (courts.category == "political_civil_courts_up_to_5_years")]
        assert float(slip.value.iloc[0]) == 42.2 and not slip.preferred.iloc[0]  # kept as an alternative
        assert "relabelled from courts_rsfsr" in slip.note.iloc[0]
        # criminal sentences add up; political ones leave a remainder (a longer term or another row)
        assert float(chosen.loc["criminal_up_to_5_years", "value"] + chosen.loc["criminal_5_to_10_years", "value"]) == pytest.approx(100)
        political = chosen.loc["political_civil_courts_up_to_5_years", "value"] + chosen.loc["political_civil_courts_5_to_10_years", "value"]
        assert float(political) < 100
    # the Morukov rows of table_9 carry the same quotes as in sentence_lengths_1936
    ours = table_9[table_9.source == "morukov_grz"].set_index("category")
    theirs = related[related.source == "morukov_grz"].set_index("category")
    for category, row in ours.iterrows():
        assert float(row.value) == float(theirs.loc[category, "value"]) and row.locator == theirs.loc[category, "locator"]


def test_wide_layouts_read_like_the_printed_tables():
    table_1 = gulagstats.load("table_1", wide=True)
    assert list(table_1.columns)[-2:] == ["archival_figures", "published_estimates"]
    assert table_1.loc[("arrests", "1937/1938", ""), "archival_figures"] == 1575259
    assert table_1.loc[("arrests", "1937/1938", ""), "Conquest"] == 7000000
    table_2 = gulagstats.load("table_2", wide=True)
    assert list(table_2.columns) == sorted(table_2.columns)
    assert table_2.loc["women", "1945"] == 24
    assert gulagstats.load("table_2", wide=True, provenance=True)["status"].loc["25-30", "1937"] == "missing"
    table_4 = gulagstats.load("table_4", wide=True)
    assert list(table_4.columns)[:4] == [f"gulag_camps {y}" for y in range(1937, 1941)]
    assert list(table_4.columns)[4:] == ["ussr_population 1937", "ussr_population 1939"]

