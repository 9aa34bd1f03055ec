"""Hardening: damaged data, hostile input, a read-only directory, no network.

Every case ends in a one-line message and exit status 2 (or a per-row error for
batch input), never a traceback, never a write into data/.
"""

from __future__ import annotations

import json
import os
import socket
import stat

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gulagstats
from gulagstats import DataFormatError, DataIntegrityError

from .conftest import DATA, run_subprocess


def one_line_error(result) -> None:
    assert result.returncode == 2, (result.returncode, result.stdout[-500:], result.stderr[-2000:])
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr and result.stderr.startswith("gulagstats: error:")


def snapshot() -> dict:
    return {p: p.read_bytes() for p in DATA.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    "damage",
    ["edited", "truncated", "empty", "latin1", "garbage"],
)
def test_damaged_table_file_is_one_line_exit_2(data_copy, damage):
    path = data_copy / "tables" / "appendix.csv"
    content = path.read_bytes()
    path.write_bytes(
        {
            "edited": content.replace(b"1317195", b"1371195"),
            "truncated": content[: len(content) // 2],
            "empty": b"",
            "latin1": content.decode("utf-8").encode("latin-1", errors="replace") + "é".encode("latin-1"),
            "garbage": os.urandom(2000),
        }[damage]
    )
    one_line_error(run_subprocess("show", "appendix"))
    with pytest.raises(DataIntegrityError):
        gulagstats.load("appendix")


def test_damaged_file_with_matching_hash_is_still_refused_by_its_schema(data_copy, repin):
    """Someone edits a file AND its hash: the typed reader still names the bad column."""
    path = data_copy / "tables" / "appendix.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",1317195,", ",1.3 million,"), encoding="utf-8")
    package = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    from gulagstats.store import sha256_of

    for r in package["resources"]:
        if r["name"] == "appendix":
            r["hash"] = "sha256:" + sha256_of(path)
    (data_copy / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    repin()  # even with datapackage.json re-pinned (in process), the schema refuses the file
    with pytest.raises(DataFormatError, match="value"):
        gulagstats.load("appendix")
    one_line_error(run_subprocess("show", "appendix"))


def test_corrupted_datapackage_is_one_line(data_copy):
    (data_copy / "datapackage.json").write_text("{not json", encoding="utf-8")
    one_line_error(run_subprocess("tables"))


@pytest.mark.parametrize("args", [["show", "nosuch"], ["show"], ["template", "nosuch"], ["nosuch"], ["show", "appendix", "--status", "maybe"]])
def test_usage_errors_exit_2_without_traceback(args):
    result = run_subprocess(*args)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_unwritable_output_is_one_line(tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("x", encoding="utf-8")
    one_line_error(run_subprocess("template", "appendix", "--out", str(blocker / "t.csv")))
    one_line_error(run_subprocess("report", "--out", str(blocker / "report")))


def test_reading_commands_work_from_a_read_only_directory(tmp_path):
    tmp_path.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        before = snapshot()
        for args in (["tables"], ["show", "appendix", "--wide"], ["coverage"], ["sources"]):
            result = run_subprocess(*args, cwd=tmp_path)
            assert result.returncode == 0, result.stderr
        assert snapshot() == before
    finally:
        tmp_path.chmod(stat.S_IRWXU)


def test_no_network_is_needed(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network disabled by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for table in gulagstats.tables()["id"]:
        assert len(gulagstats.load(table)) > 0
    assert len(gulagstats.coverage()) > 0


# --- claims files (batch input): whole-file errors are one line, row errors stay on their row


@pytest.mark.parametrize(
    "content,reason",
    [
        (b"", "empty"),
        ("quantity,value\nexecutions,7 млн\n".encode("cp1251"), "not UTF-8"),
        (b"claim,number\nexecutions,7000000\n", "no quantity column"),
        (b'quantity,value\n"executions,7000000\n', "not a readable CSV"),
    ],
)
def test_unusable_claims_file_is_one_line_exit_2(tmp_path, content, reason):
    path = tmp_path / "claims.csv"
    path.write_bytes(content)
    result = run_subprocess("assess", "--file", str(path))
    one_line_error(result)
    assert reason in result.stderr


def test_hostile_claim_values_get_their_own_error_rows(tmp_path):
    path = tmp_path / "claims.csv"
    path.write_text(
        "id,quantity,value,period\n"
        "ok,executions,681692,1937-1938\n"
        "nan,executions,nan,1937-1938\n"
        "inf,executions,inf,1937-1938\n"
        "neg,executions,-5,1937-1938\n"
        "huge,executions,1e300,1937-1938\n"
        "word,executions,many,1937-1938\n"
        "who,executionz,5,1937-1938\n"
        "when,executions,5,the thirties\n",
        encoding="utf-8",
    )
    result = run_subprocess("assess", "--file", str(path))
    assert result.returncode == 0, result.stderr
    import csv
    import io

    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert list(rows) == ["ok", "nan", "inf", "neg", "huge", "word", "who", "when"]
    assert rows["ok"]["error"] == "" and rows["ok"]["verdict"] == "consistent"
    for key, line in [("nan", 3), ("inf", 4), ("neg", 5), ("huge", 6), ("word", 7), ("who", 8), ("when", 9)]:
        assert rows[key]["error"].startswith(f"line {line}:"), rows[key]
        assert rows[key]["verdict"] == "", rows[key]
    assert "executions" in rows["who"]["error"]  # the nearest known quantity is suggested
    assert "larger than any count" in rows["huge"]["error"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["executions", "arrests", "camp_population", "nonsense", ""]),
            st.one_of(st.text(max_size=10), st.floats(allow_nan=True, allow_infinity=True).map(repr)),
            st.sampled_from(["1937-1938", "1939-01-01", "1938", "", "soon", "1938/1937"]),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_property_every_claim_row_gets_exactly_one_result_row(tmp_path, rows):
    import pandas as pd

    frame = pd.DataFrame(rows, columns=["quantity", "value", "period"])
    out = gulagstats.assess_claims(frame)
    assert len(out) == len(frame)
    assert list(out["line"]) == list(range(2, len(frame) + 2))
    bad = out["error"] != ""
    assert out.loc[bad, "error"].str.match(r"line \d+: ").all()
    assert out.loc[~bad, "verdict"].isin(["consistent", "overstates", "understates", "not_comparable"]).all()


def test_nothing_needs_the_network(monkeypatch, tmp_path):
    def refuse(*args, **kwargs):
        raise OSError("network disabled by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert len(gulagstats.check()) > 60
    assert len(gulagstats.compare()) > 25
    assert gulagstats.build_report(tmp_path / "r").html.is_file()
