"""The Record: the loaded tables with one overlay applied once, data only; the public functions run the layers on it."""

from __future__ import annotations

import hashlib
import json

import pandas as pd
import pytest

import gulagstats
from gulagstats import OverlayAndRecordError
from gulagstats.core.cells import MissingCell
from gulagstats.core.record import Record, default_record
from gulagstats.factcheck.run import factcheck

from .test_overlay import OVERLAY_COLUMNS, write


@pytest.fixture(scope="module")
def record() -> Record:
    return Record()


def test_a_record_checks_exactly_as_the_module_function_does(record):
    mine = [(r.id, r.verdict, r.observed) for r in gulagstats.check_results(record=record)]
    assert mine == [(r.id, r.verdict, r.observed) for r in gulagstats.check_results()]
    assert record.cell_index() is record.cell_index()  # the cells are read once per record


def test_a_record_with_an_overlay_checks_as_check_with_that_overlay(tmp_path):
    path = write(tmp_path / "o.csv", [["appendix", "1939-01-01", "gulag_camps", "inmates", "", "persons",
                                       "1317000", "", ""]])
    mine = Record(overlay=path)
    assert mine.cell("1939-01-01", "gulag_camps", "inmates").value == 1317000
    assert mine.cell("1939-01-01", "gulag_camps", "inmates").status == "user"
    # a user's value replaces the cell: the published row stays, but is not an alternative to judge
    assert mine.alternatives("1939-01-01", "gulag_camps", "inmates") == []
    key = ("1939-01-01", "gulag_camps", "inmates", "", "persons")
    assert 1317195 in [r.value for r in mine.cell_index().rows_of(key)]
    expected = [(r.id, r.verdict) for r in gulagstats.check_results(overlay=path)]
    assert [(r.id, r.verdict) for r in gulagstats.check_results(record=mine)] == expected
    assert expected != [(r.id, r.verdict) for r in gulagstats.check_results()]  # the overlay made a difference


def test_a_cell_comes_with_its_provenance_in_one_shape(record):
    cell = record.cell("1939-01-01", "gulag_camps", "inmates")
    assert (cell.table, cell.value, cell.preferred) == ("appendix", 1317195, True)
    assert cell.source and cell.status in gulagstats.STATUSES and cell.locator
    assert cell.ref().model_dump()["source"] == cell.source  # its serialised form, as in CheckResult
    assert record.cell("1939-01-01", "gulag_camps", "no_such_measure") is None


def test_alternatives_are_the_published_values_that_differ_from_the_preferred(record):
    keys = [k for k in record.cell_index().keys() if record.cell_index().alternatives(k)]
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


INMATES_1939 = ["appendix", "1939-01-01", "gulag_camps", "inmates", "", "persons", "1317000", "", ""]


def test_a_record_with_an_overlay_differs_from_one_without_only_in_the_overlaid_cell(tmp_path, record):
    mine = Record(overlay=write(tmp_path / "o.csv", [INMATES_1939]))
    assert (mine.cell("1939-01-01", "gulag_camps", "inmates").value, record.cell("1939-01-01", "gulag_camps", "inmates").value) == (
        1317000, 1317195
    )
    assert mine.cell("1939-01-01", "labor_colonies", "inmates") == record.cell("1939-01-01", "labor_colonies", "inmates")
    theirs, ours = record.load("appendix"), mine.load("appendix")
    key = ["period", "population", "measure", "category", "unit"]
    changed = (ours.period == "1939-01-01") & (ours.population == "gulag_camps") & (ours.measure == "inmates")
    pd.testing.assert_frame_equal(  # every other row is the published one, in the same order
        ours[~changed].reset_index(drop=True),
        theirs[~((theirs.period == "1939-01-01") & (theirs.population == "gulag_camps") & (theirs.measure == "inmates"))]
        .reset_index(drop=True),
    )
    assert ours[key].drop_duplicates().shape == theirs[key].drop_duplicates().shape
    pd.testing.assert_frame_equal(mine.load("appendix_rates"), record.load("appendix_rates"))
    assert mine.overlay_rows() is mine.overlay_rows()  # read and validated once


def test_the_public_overlay_and_record_keywords_give_the_same_results(tmp_path):
    path = write(tmp_path / "o.csv", [INMATES_1939])
    mine = Record(overlay=path)
    pd.testing.assert_frame_equal(gulagstats.load("appendix", overlay=path), gulagstats.load("appendix", record=mine))
    pd.testing.assert_frame_equal(gulagstats.coverage(overlay=path), gulagstats.coverage(record=mine))
    pd.testing.assert_frame_equal(gulagstats.compare(overlay=path), gulagstats.compare(record=mine))
    pd.testing.assert_frame_equal(gulagstats.benchmarks(overlay=path), gulagstats.benchmarks(record=mine))
    assert [(r.id, r.verdict, r.observed) for r in gulagstats.check_results(overlay=path)] == [
        (r.id, r.verdict, r.observed) for r in gulagstats.check_results(record=mine)
    ]
    claim = {"quantity": "camp_population", "value": 1_300_000, "period": "1939-01-01"}
    assert gulagstats.assess(**claim, overlay=path) == gulagstats.assess(**claim, record=mine)


@pytest.mark.parametrize(
    "call",
    [
        lambda **kw: gulagstats.load("appendix", **kw),
        lambda **kw: gulagstats.check(**kw),
        lambda **kw: gulagstats.check_results(**kw),
        lambda **kw: gulagstats.coverage(**kw),
        lambda **kw: gulagstats.compare(**kw),
        lambda **kw: gulagstats.benchmarks(**kw),
        lambda **kw: gulagstats.assess("executions", 1, **kw),
        lambda **kw: gulagstats.assess_claims(pd.DataFrame({"quantity": ["executions"], "value": ["1"]}), **kw),
        lambda **kw: gulagstats.figure_c(**kw),
        lambda **kw: gulagstats.build_report("unused", **kw),
        lambda **kw: gulagstats.draw_figures("unused", **kw),
        lambda **kw: factcheck(["unused.txt"], **kw),
    ],
)
def test_an_overlay_and_a_record_together_are_refused(call, record):
    with pytest.raises(OverlayAndRecordError, match="not both") as caught:
        call(overlay="mine.csv", record=record)
    assert isinstance(caught.value, gulagstats.GulagstatsError) and isinstance(caught.value, ValueError)


def test_the_default_record_is_kept_until_a_file_it_read_changes(data_copy, repin):
    first = default_record()
    assert default_record() is first and first.directory == data_copy
    before = int(gulagstats.load("appendix", wide=True).loc["1939", "gulag_camps inmates"])
    assert "appendix" in first.files_read()
    path = data_copy / "tables" / "appendix.csv"
    text = path.read_text(encoding="utf-8")
    assert text.count(",1317195,") == 1
    path.write_text(text.replace(",1317195,", ",1317196,"), encoding="utf-8")
    package = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    next(r for r in package["resources"] if r["name"] == "appendix")["hash"] = (
        "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    )
    (data_copy / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    repin()
    fresh = default_record()
    assert fresh is not first and default_record() is fresh
    assert int(gulagstats.load("appendix", wide=True).loc["1939", "gulag_camps inmates"]) == before + 1


def test_a_record_draws_a_figure_from_its_own_data(tmp_path):
    mine = Record(overlay=write(tmp_path / "o.csv", [INMATES_1939]))
    fig = gulagstats.figure_a(record=mine)
    assert fig.axes[0].get_title(loc="left").startswith("GRZ Figure A")
    users = [p.get_height() for p in fig.axes[0].patches if p.get_gid() == "camps:user"]
    assert users == [1317000]  # the overlay's 1939 camp count, drawn as a user value
    import matplotlib.pyplot as plt

    plt.close(fig)


def test_a_record_is_data_only():
    """The record imports nothing above the core, and has no method that runs a layer."""
    assert not {"check", "compare", "assess", "assess_claims", "benchmarks", "coverage", "figure",
                "benchmark_record"} & set(dir(Record))
