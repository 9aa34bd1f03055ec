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


def test_damaged_file_with_matching_hash_is_still_refused_by_its_schema(data_copy):
    """Someone edits a file AND its hash: the typed reader still names the bad column."""
    path = data_copy / "tables" / "appendix.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",1317195,", ",1.3 million,"), encoding="utf-8")
    package = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    from gulagstats.store import sha256_of

    for r in package["resources"]:
        if r["name"] == "appendix":
            r["hash"] = "sha256:" + sha256_of(path)
    (data_copy / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
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
