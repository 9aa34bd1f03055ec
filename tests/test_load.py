"""Loaders: listing, describing, filtering, pivoting, and refusing damaged data."""

from __future__ import annotations

import subprocess
import sys

import pytest

import gulagstats
from gulagstats import DataFormatError, DataIntegrityError, GulagstatsError, UnknownTableError


def test_tables_lists_every_resource_with_its_reference():
    t = gulagstats.tables()
    assert {"id", "title", "grz_ref", "rows"} <= set(t.columns)
    assert "appendix" in set(t.id)
    assert (t.rows > 0).all()
    assert "sources" not in set(t.id)


def test_describe_returns_the_model():
    meta = gulagstats.describe("appendix")
    assert isinstance(meta, gulagstats.TableMeta)
    assert meta.grz_ref.startswith("Appendixes A-B")
    assert meta.rows == len(gulagstats.load("appendix"))
    assert [f.name for f in meta.fields][:6] == ["period", "start", "end", "population", "measure", "category"]


def test_unknown_table_is_a_keyerror_with_suggestions():
    with pytest.raises(UnknownTableError) as info:
        gulagstats.load("apendix")
    assert isinstance(info.value, KeyError) and isinstance(info.value, GulagstatsError)
    assert "'appendix'" in str(info.value) and "gulagstats tables" in str(info.value)


def test_status_filter():
    unconfirmed = gulagstats.load("appendix", status="unconfirmed")
    assert len(unconfirmed) > 0 and set(unconfirmed.status) == {"unconfirmed"}
    both = gulagstats.load("appendix", status=["prose", "derived"])
    assert set(both.status) == {"prose", "derived"}
    with pytest.raises(ValueError) if False else pytest.raises(KeyError):
        gulagstats.load("appendix", status="sure")


def test_wide_is_the_printed_layout_with_status_alongside():
    wide = gulagstats.load("appendix", wide=True)
    assert list(wide.columns[:2]) == ["gulag_camps inmates", "gulag_camps counterrevolutionaries"]
    provenance = gulagstats.load("appendix", wide=True, provenance=True)  # status and source alongside
    assert provenance["source"].loc["1939", "gulag_camps inmates"] == "plwiki_lagier"
    assert wide.shape == provenance["status"].shape


def test_a_hand_edited_file_is_refused(data_copy):
    path = data_copy / "tables" / "appendix.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("1317195", "1317196"), encoding="utf-8")
    with pytest.raises(DataIntegrityError, match=r"tables/appendix\.csv"):
        gulagstats.load("appendix")
    assert isinstance(DataIntegrityError("x"), ValueError)


def test_a_truncated_file_is_refused(data_copy):
    path = data_copy / "tables" / "appendix.csv"
    path.write_bytes(path.read_bytes()[:500])
    with pytest.raises(DataIntegrityError):
        gulagstats.load("appendix")


def test_a_missing_file_is_refused(data_copy):
    (data_copy / "tables" / "appendix.csv").unlink()
    with pytest.raises(DataIntegrityError, match="missing"):
        gulagstats.load("appendix")


def test_a_record_reads_a_table_once_and_hands_out_copies():
    from gulagstats.core.record import Record

    record = Record()
    # read and typed once for the record; frame() hands out copies (issue 19 J: it handed out the
    # record's own frame, so one assignment changed every later load)
    assert record.frame("appendix").equals(record.frame("appendix"))
    assert record.frame("appendix") is not record.frame("appendix")
    assert set(record.files_read()) == {"appendix"}
    first = record.load("appendix")
    row = first.value.first_valid_index()
    value = first.loc[row, "value"]
    first.loc[row, "value"] = -1
    again = record.load("appendix")
    assert again.loc[row, "value"] == value > 0 and again.attrs["table"] == "appendix"
    assert gulagstats.load("appendix").loc[row, "value"] == value  # the default record: unaffected too


def test_a_file_changed_after_it_was_read_is_refused(data_copy):
    path = data_copy / "tables" / "appendix.csv"
    assert 1317195 in set(gulagstats.load("appendix").value.dropna())
    path.write_text(path.read_text(encoding="utf-8").replace("1317195", "13171950"), encoding="utf-8")
    with pytest.raises(DataIntegrityError, match=r"tables/appendix\.csv"):
        gulagstats.load("appendix")


def test_a_bad_data_directory_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("GULAGSTATS_DATA", str(tmp_path))
    with pytest.raises(DataFormatError, match="GULAGSTATS_DATA"):
        gulagstats.tables()


def test_import_is_light():
    code = (
        "import sys, gulagstats; gulagstats.load('appendix'); gulagstats.describe('appendix');"
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
