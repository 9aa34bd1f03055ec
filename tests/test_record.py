"""The Record: the loaded tables with one overlay applied once, and the layers run on it."""

from __future__ import annotations

import pytest

import gulagstats
from gulagstats.checks.cells import MissingCell
from gulagstats.record import Record

from .test_overlay import OVERLAY_COLUMNS, write


@pytest.fixture(scope="module")
def record() -> Record:
    return Record()


def test_a_record_checks_exactly_as_the_module_function_does(record):
    mine = [(r.id, r.verdict, r.observed) for r in record.check()]
    assert mine == [(r.id, r.verdict, r.observed) for r in gulagstats.check()]
    assert record.rows() is record.rows()  # the cells are read once per record


def test_a_record_with_an_overlay_checks_as_check_with_that_overlay(tmp_path):
    path = write(tmp_path / "o.csv", [["appendix", "1939-01-01", "gulag_camps", "inmates", "", "persons",
                                       "1317000", "", ""]])
    mine = Record(overlay=path)
    assert mine.cell("1939-01-01", "gulag_camps", "inmates").value == 1317000
    assert mine.cell("1939-01-01", "gulag_camps", "inmates").status == "user"
    # a user's value replaces the cell: the published row stays, but is not an alternative to judge
    assert mine.alternatives("1939-01-01", "gulag_camps", "inmates") == []
    key = ("1939-01-01", "gulag_camps", "inmates", "", "persons")
    assert 1317195 in [r.value for r in mine.rows().rows_of(key)]
    expected = [(r.id, r.verdict) for r in gulagstats.check(overlay=path)]
    assert [(r.id, r.verdict) for r in mine.check()] == expected
    assert expected != [(r.id, r.verdict) for r in gulagstats.check()]  # the overlay made a difference


def test_a_cell_comes_with_its_provenance_in_one_shape(record):
    cell = record.cell("1939-01-01", "gulag_camps", "inmates")
    assert (cell.table, cell.value, cell.preferred) == ("appendix", 1317195, True)
    assert cell.source and cell.status in gulagstats.STATUSES and cell.locator
    assert cell.ref().model_dump()["source"] == cell.source  # its serialised form, as in CheckResult
    assert record.cell("1939-01-01", "gulag_camps", "no_such_measure") is None


def test_alternatives_are_the_published_values_that_differ_from_the_preferred(record):
    keys = [k for k in record.rows().keys() if record.rows().alternatives(k)]
    assert keys, "the tables have cells whose sources disagree"
    cell = record.cell(*keys[0])
    others = record.alternatives(*keys[0])
    assert others and all(o.value != cell.value and not o.preferred for o in others)


def test_an_amount_is_the_cell_or_the_sum_of_its_parts_with_the_cells_used(record):
    camps, _ = record.amount("1939-01-01", "gulag_camps", "inmates")
    colonies, _ = record.amount("1939-01-01", "labor_colonies", "inmates")
    both, used = record.amount("1939-01-01", "camps_and_colonies", "inmates")
    direct = record.cell("1939-01-01", "camps_and_colonies", "inmates")
    if direct is None or direct.value is None:
        assert both == camps + colonies and {c.population for c in used} >= {"gulag_camps", "labor_colonies"}
    else:
        assert both == direct.value
    with pytest.raises(MissingCell):
        record.amount("1939-01-01", "gulag_camps", "no_such_measure")


def test_the_long_frame_holds_every_table_of_cells_and_copies_are_independent(record):
    long = record.cells()
    assert list(long.columns[:2]) == ["table", "period"]
    assert set(long["table"]) == set(record.cell_tables())
    assert len(long) == sum(len(gulagstats.load(t)) for t in record.cell_tables())
    frame = record.load("appendix")
    frame["value"] = None
    assert record.load("appendix")["value"].notna().any()
    wide = record.load("appendix", wide=True)
    assert wide.loc["1939", "gulag_camps inmates"] == 1317195
    assert OVERLAY_COLUMNS[0] == "table"
