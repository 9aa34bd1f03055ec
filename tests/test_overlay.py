"""Templates and overlays: completing a table from the printed article, strictly validated."""

from __future__ import annotations

import csv
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import gulagstats
from gulagstats import OverlayError
from gulagstats.overlay import OVERLAY_COLUMNS

from .conftest import DATA, run_subprocess


def write(path, rows, header=OVERLAY_COLUMNS):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_template_lists_exactly_the_missing_cells():
    t = gulagstats.template("appendix")
    missing = gulagstats.load("appendix", status="missing")
    assert len(t) == len(missing) > 0
    assert list(t.columns) == OVERLAY_COLUMNS
    assert (t["value"] == "").all() and (t["table"] == "appendix").all()


def test_filled_template_round_trips_as_user_values(tmp_path):
    t = gulagstats.template("appendix")
    prisons_1934 = (t.period == "1934-01-01") & (t.population == "prisons")
    deaths = t.index[(t.measure == "arrivals") & (t.period == "1936")]
    t.loc[prisons_1934, "value"] = "123456"
    t.loc[deaths, "value"] = "654321"
    t.loc[prisons_1934, "locator"] = "Appendix A, p. 1048"
    path = tmp_path / "filled.csv"
    t.to_csv(path, index=False)
    wide = gulagstats.load("appendix", wide=True, overlay=path)
    assert wide.loc["1934", "prisons inmates"] == 123456
    assert gulagstats.load("appendix", wide=True, provenance=True, overlay=path)[
        ("status", "prisons inmates")].loc["1934"] == "user"
    assert wide.loc["1936", "gulag_camps arrivals"] == 654321
    long = gulagstats.load("appendix", overlay=path)
    user = long[long.status == "user"]
    assert len(user) == 2 and set(user.source) == {"user"}
    assert "filled.csv line" in user.locator.iloc[0]
    # the filled cells are no longer missing; nothing else changed
    assert len(gulagstats.load("appendix", status="missing", overlay=path)) == len(t) - 2
    assert str(long.value.dtype) == "Int64"


def test_an_overlay_may_override_a_known_cell_and_keeps_the_published_row(tmp_path):
    path = write(tmp_path / "o.csv", [["appendix", "1939-01-01", "gulag_camps", "inmates", "", "persons", "1317000", "", ""]])
    long = gulagstats.load("appendix", overlay=path)
    cell = long[(long.period == "1939-01-01") & (long.population == "gulag_camps") & (long.measure == "inmates")]
    assert set(zip(cell.value, cell.preferred)) == {(1317195, False), (1317000, True)}


def test_coverage_counts_user_cells(tmp_path):
    path = write(tmp_path / "o.csv", [["appendix", "1934-01-01", "prisons", "inmates", "", "persons", "1", "", ""]])
    before = gulagstats.coverage().set_index("table").loc["appendix"]
    after = gulagstats.coverage(overlay=path).set_index("table").loc["appendix"]
    assert after["user"] == 1 and after["missing"] == before["missing"] - 1 and after["cells"] == before["cells"]


BAD_ROWS = [
    (["nosuch", "1939-01-01", "gulag_camps", "inmates", "", "persons", "1", "", ""], "unknown table"),
    (["appendix", "1939-01-01", "gulag_camps", "prisoners", "", "persons", "1", "", ""], "has no cell"),
    (["appendix", "1939-01-01", "gulag_camps", "inmates", "", "persons", "abc", "", ""], "not a number"),
    (["appendix", "1939-01-01", "gulag_camps", "inmates", "", "persons", "-5", "", ""], "negative"),
    (["appendix", "1939-01-01", "gulag_camps", "inmates", "", "persons", "nan", "", ""], "not a finite"),
    (["appendix", "1939-01-01", "gulag_camps", "inmates", "", "persons", "inf", "", ""], "not a finite"),
    (["appendix", "1939-01-01", "gulag_camps", "inmates", "", "persons", "12.5", "", ""], "whole number"),
    (["appendix_rates", "1939-01-01", "gulag_camps", "counterrevolutionaries_share", "", "percent", "101", "", ""], "above 100"),
    (["appendix", "1939-01-01", "gulag_camps", "inmates", "", "persons", "1e12", "", ""], "larger than"),
]


@pytest.mark.parametrize("row,reason", BAD_ROWS, ids=[r for _, r in BAD_ROWS])
def test_each_kind_of_bad_row_is_named_with_its_line(tmp_path, row, reason):
    good = ["appendix", "1934-01-01", "prisons", "inmates", "", "persons", "5", "", ""]
    path = write(tmp_path / "bad.csv", [good, row])
    with pytest.raises(OverlayError) as info:
        gulagstats.load("appendix", overlay=path)
    message = str(info.value)
    assert "line 3" in message and reason in message and "\n" not in message
    assert isinstance(info.value, ValueError)


def test_duplicates_surplus_fields_and_whole_file_errors(tmp_path):
    row = ["appendix", "1934-01-01", "prisons", "inmates", "", "persons", "5", "", ""]
    with pytest.raises(OverlayError, match="line 3: duplicate cell, first given on line 2"):
        gulagstats.read_overlay(write(tmp_path / "d.csv", [row, row]))
    with pytest.raises(OverlayError, match="more fields"):
        gulagstats.read_overlay(write(tmp_path / "s.csv", [[*row, "extra"]]))
    with pytest.raises(OverlayError, match="lacks column"):
        gulagstats.read_overlay(write(tmp_path / "c.csv", [["x"]], header=["table"]))
    (tmp_path / "e.csv").write_text("", encoding="utf-8")
    with pytest.raises(OverlayError, match="empty"):
        gulagstats.read_overlay(tmp_path / "e.csv")
    (tmp_path / "l.csv").write_bytes("table,period\n\xe9t\xe9,1\n".encode("latin-1"))
    with pytest.raises(OverlayError, match="not UTF-8"):
        gulagstats.read_overlay(tmp_path / "l.csv")
    with pytest.raises(OverlayError, match="does not exist"):
        gulagstats.read_overlay(tmp_path / "nowhere.csv")


def test_line_numbers_count_a_quoted_line_break(tmp_path):
    note = "read on p. 1048,\nsecond line of the note"
    rows = [
        ["appendix", "1934-01-01", "prisons", "inmates", "", "persons", "5", "", note],
        ["appendix", "1935-01-01", "prisons", "inmates", "", "persons", "-1", "", ""],
    ]
    path = write(tmp_path / "q.csv", rows)
    with pytest.raises(OverlayError, match="line 4: value '-1' is negative"):
        gulagstats.read_overlay(path)


def test_cli_overlay_errors_are_one_line_exit_2_and_data_is_untouched(tmp_path):
    before = {p: p.read_bytes() for p in DATA.rglob("*") if p.is_file()}
    path = write(tmp_path / "bad.csv", [BAD_ROWS[2][0]])
    result = run_subprocess("show", "appendix", "--overlay", str(path))
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    result = run_subprocess("template", "appendix", "--out", str(DATA / "tables" / "mine.csv"))
    assert result.returncode == 2 and "data directory" in result.stderr
    assert before == {p: p.read_bytes() for p in DATA.rglob("*") if p.is_file()}


def test_cli_template_and_coverage(cli, tmp_path):
    code, out, _ = cli("template", "appendix")
    assert code == 0 and out.splitlines()[0] == ",".join(OVERLAY_COLUMNS)
    assert len(out.splitlines()) - 1 == len(gulagstats.template("appendix"))
    target = tmp_path / "t.csv"
    code, _, err = cli("template", "appendix", "appendix_rates", "--out", str(target))
    assert code == 0 and target.exists() and "missing cells" in err
    code, out, _ = cli("coverage", "--format", "csv")
    assert code == 0 and "GRZ article" in out


def test_coverage_total_agrees_with_rows_on_disk():
    cov = gulagstats.coverage().set_index("table")
    body = cov.iloc[:-2]
    for table in body.index:
        assert cov.loc[table, "rows"] == gulagstats.describe(table).rows
        assert cov.loc[table, "cells"] + cov.loc[table, "alternatives"] == cov.loc[table, "rows"]
        statuses = ["prose", "confirmed", "corrected", "derived", "unconfirmed", "user", "missing"]
        assert cov.loc[table, statuses].sum() == cov.loc[table, "cells"]
    assert cov.loc["all tables", "rows"] == body["rows"].sum()
    assert cov.loc["all tables", "missing"] == sum(len(gulagstats.load(t, status="missing")) for t in body.index)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@example(value="0K")  # found by hypothesis in round 6: the oracle did not know the glued "k"
@example(value="1.5K")
@given(value=st.one_of(st.text(max_size=12), st.floats(allow_nan=True, allow_infinity=True).map(repr), st.integers().map(str)))
def test_property_any_value_is_accepted_exactly_when_it_is_a_sane_count(tmp_path, value):
    path = write(tmp_path / "p.csv", [["appendix", "1934-01-01", "prisons", "inmates", "", "persons", value, "", ""]])
    text = value.strip().replace(",", "")
    # "5k"/"5K" is the number reader's one glued scale word (number_words.csv: k, 1000, glued)
    glued_k = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)[kK]", text)
    try:
        number = float(glued_k[1]) * 1000 if glued_k else float(text)
        sane = bool(text) and number == number and abs(number) != float("inf") and 0 <= number <= 1e9 and number.is_integer()
    except ValueError:
        sane = False
    if not value.strip():
        assert gulagstats.read_overlay(path).empty
    elif sane:
        assert gulagstats.read_overlay(path)["value"].iloc[0] == number
    else:
        with pytest.raises(OverlayError, match="line 2"):
            gulagstats.read_overlay(path)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8), min_size=1, max_size=9))
def test_property_random_rows_never_crash(tmp_path, fields):
    path = write(tmp_path / "r.csv", [fields])
    try:
        gulagstats.read_overlay(path)
    except OverlayError as exc:
        assert "\n" not in str(exc)
