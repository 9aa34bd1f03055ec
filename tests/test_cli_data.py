"""The CLI's data commands: tables, show, sources, --version, and user errors."""

from __future__ import annotations

import csv
import io
import json

import gulagstats

from .conftest import run_subprocess


def test_version(cli):
    code, out, _ = cli("--version")
    assert code == 0 and gulagstats.__version__ in out


def test_tables(cli):
    code, out, _ = cli("tables", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert "appendix" in {r["id"] for r in rows}


def test_show_long_csv_round_trips(cli):
    code, out, _ = cli("show", "appendix", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(gulagstats.load("appendix"))
    assert {"source", "locator", "status", "preferred"} <= set(rows[0])


def test_show_wide_text_marks_statuses(cli):
    code, out, _ = cli("show", "appendix", "--wide")
    assert code == 0
    assert "1,317,195" in out
    assert "83,490?" in out  # unconfirmed escapes 1934
    assert "marks:" in out


def test_show_json_and_markdown(cli):
    code, out, _ = cli("show", "appendix", "--status", "prose", "--format", "json")
    assert code == 0
    records = json.loads(out)
    assert records and all(r["status"] == "prose" for r in records)
    code, out, _ = cli("show", "appendix", "--wide", "--format", "markdown")
    assert code == 0 and out.startswith("| period |")


def test_unknown_table_is_one_line_and_status_2(cli):
    code, out, err = cli("show", "apendix")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "appendix" in err and "gulagstats tables" in err


def test_unknown_status_and_format_are_usage_errors(cli):
    code, _, err = cli("show", "appendix", "--status", "sure")
    assert code == 2 and "status" in err and err.count("\n") == 1
    code, _, err = cli("show", "appendix", "--format", "xml")
    assert code == 2 and "Traceback" not in err


def test_damaged_data_gives_one_line_not_a_traceback(data_copy):
    path = data_copy / "tables" / "appendix.csv"
    path.write_text(path.read_text(encoding="utf-8") + "x\n", encoding="utf-8")
    result = run_subprocess("show", "appendix")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert "appendix.csv" in result.stderr


def test_sources(cli):
    code, out, _ = cli("sources", "--format", "csv")
    assert code == 0 and "grz1993" in out
