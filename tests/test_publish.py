"""Exports read back with their own libraries, and the Datasette view served and browsed."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

import gulagstats
from gulagstats.core.record import default_record
from gulagstats.publish import export, published_frames
from gulagstats.publish.export import EXPORT_FORMATS, SQLITE_NAME, XLSX_NAME
from gulagstats.publish.serve import CANNED_QUERIES, datasette_metadata

from .browser import dom as page_dom
from .conftest import ROOT

PROVENANCE = ("source", "locator", "status")


def _text(value: object) -> str:
    """A cell as comparable text (1317195.0 and 1317195 are the same number; missing is '')."""
    import pandas as pd

    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, str) and re.fullmatch(r"-?\d+\.\d+", value):  # a number read back as text
        value = float(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@pytest.fixture(scope="module")
def expected() -> dict[str, Counter]:
    """Every table's rows as (value, source, locator, status), counted."""
    frames = published_frames(default_record())
    out = {}
    for name, frame in frames.items():
        value = "value" if "value" in frame.columns else ("low" if "low" in frame.columns else None)
        keep = [c for c in (value, *PROVENANCE) if c and c in frame.columns]
        out[name] = Counter(
            tuple(_text(v) for v in row) for row in frame[keep].itertuples(index=False)
        )
        out[name + ":columns"] = keep  # type: ignore[assignment]
    return out


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("export")
    return {f: (export(f, out / f, record=default_record()), out / f)[1] for f in EXPORT_FORMATS}


def _compare(name: str, rows: list[dict], expected: dict) -> None:
    keep = expected[name + ":columns"]
    got = Counter(tuple(_text(r[c]) for c in keep) for r in rows)
    assert got == expected[name], name


def test_every_export_has_every_table_with_provenance(exported, expected):
    tables = [n for n in expected if not n.endswith(":columns")]
    assert {"appendix", "sources", "vocabulary", "checks", "check_cells", "verdicts"} <= set(tables)
    assert any(PROVENANCE[0] in expected[n + ":columns"] for n in tables)

    # csv, read with the csv module
    for name in tables:
        with open(exported["csv"] / f"{name}.csv", newline="", encoding="utf-8") as handle:
            _compare(name, list(csv.DictReader(handle)), expected)

    # sqlite, read with sqlite3
    connection = sqlite3.connect(exported["sqlite"] / SQLITE_NAME)
    connection.row_factory = sqlite3.Row
    for name in tables:
        _compare(name, [dict(r) for r in connection.execute(f'select * from "{name}"')], expected)
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []  # every source exists
    values = connection.execute("select count(*) from all_values").fetchone()[0]
    assert values == sum(
        len(gulagstats.load(t)) for t in gulagstats.tables().query("kind == 'cells'").id
    )

    # parquet, read with pyarrow
    import pyarrow.parquet as pq

    for name in tables:
        _compare(name, pq.read_table(exported["parquet"] / f"{name}.parquet").to_pylist(), expected)

    # xlsx, read with openpyxl: a sheet a table, then sources and definitions
    import openpyxl

    book = openpyxl.load_workbook(exported["xlsx"] / XLSX_NAME, read_only=True)
    assert book.sheetnames[-2:] == ["sources", "definitions"]
    for name in tables:
        sheet = book["definitions" if name == "vocabulary" else name]
        header, *body = [list(r) for r in sheet.iter_rows(values_only=True)]
        _compare(name, [dict(zip(header, r, strict=True)) for r in body], expected)


def test_csv_export_is_ready_for_r(exported):
    with open(exported["csv"] / "appendix.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["preferred"] for r in rows} == {"TRUE", "FALSE"}
    assert all(len(r["start"]) == 10 for r in rows)


def test_canned_queries_run(exported):
    connection = sqlite3.connect(exported["sqlite"] / SQLITE_NAME)
    params = {
        "period": "1939-01-01",
        "population": "gulag_camps",
        "measure": "inmates",
        "table": "table_4",
        "author": "Conquest",
    }
    results = {
        name: connection.execute(q["sql"], params).fetchall() for name, q in CANNED_QUERIES.items()
    }
    assert all(results.values()), [n for n, r in results.items() if not r]
    load = gulagstats.load("appendix")
    cell = load[
        (load.period == "1939-01-01")
        & (load.population == "gulag_camps")
        & (load.measure == "inmates")
    ]
    assert len(results["values_of_a_cell"]) == len(cell)
    table_4 = gulagstats.load("table_4")
    assert len(results["missing_cells"]) == int((table_4.status == "missing").sum())
    conquest = gulagstats.compare()
    assert len(results["verdicts_of_an_author"]) == int(
        conquest.author.str.contains("Conquest").sum()
    )


def test_datasette_metadata_comes_from_the_datapackage():
    meta = datasette_metadata()
    tables = meta["databases"]["gulagstats"]["tables"]
    assert tables["appendix"]["title"] == gulagstats.describe("appendix").title
    assert set(tables["appendix"]["facets"]) == {"status", "preferred", "population", "measure", "period"}
    assert "CC-BY-4.0" in meta["license"] and set(CANNED_QUERIES) <= set(
        meta["databases"]["gulagstats"]["queries"]
    )


def test_export_errors_are_one_line(cli, tmp_path, monkeypatch):
    code, _, err = cli("export", "--format", "csv", "--out", str(ROOT / "data" / "x"))
    assert code == 2 and "inside the data directory" in err and len(err.strip().splitlines()) == 1
    assert not (ROOT / "data" / "x").exists()
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # not installed: importing it fails
    code, _, err = cli("export", "--format", "xlsx", "--out", str(tmp_path))
    assert (
        code == 2
        and 'pip install "gulagstats[publish]"' in err
        and len(err.strip().splitlines()) == 1
    )


def test_an_extra_that_is_installed_but_broken_is_one_line(cli, tmp_path, monkeypatch):
    # EX-X-03: openpyxl present but failing to import (a --no-deps install): was an ImportError traceback
    broken = tmp_path / "site" / "openpyxl"
    broken.mkdir(parents=True)
    (broken / "__init__.py").write_text("raise ImportError('cannot import name et_xmlfile')\n")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.delitem(sys.modules, "openpyxl", raising=False)
    code, _, err = cli("export", "--format", "xlsx", "--out", str(tmp_path / "out"))
    assert code == 2 and "openpyxl cannot be imported" in err and len(err.strip().splitlines()) == 1, err
    assert not (tmp_path / "out").exists()


def test_the_cli_lists_the_formats_of_the_library():
    from gulagstats.cli.publish import EXPORT_CHOICES as CLI_FORMATS

    assert tuple(EXPORT_FORMATS) == CLI_FORMATS


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return bytes(response.read())


def test_serve_publishes_the_record(tmp_path):
    pytest.importorskip("datasette", reason="the [web] extra is not installed")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gulagstats", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}/gulagstats"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                rows = json.loads(
                    _get(f"{base}/appendix.json?_shape=array&_size=max&status=missing")
                )
                break
            except OSError:
                assert server.poll() is None, server.stdout.read() if server.stdout else ""
                assert time.monotonic() < deadline, "the server did not answer in 120 s"
                time.sleep(0.5)
        appendix = gulagstats.load("appendix")
        assert len(rows) == int((appendix.status == "missing").sum()) > 0
        assert all(r["status"] == "missing" and r["source"] and r["locator"] for r in rows)
        verdicts = json.loads(_get(f"{base}/verdicts.json?_shape=array&_size=max"))
        assert len(verdicts) == len(gulagstats.compare())
        browser = shutil.which("chromium") or shutil.which("chromium-browser")
        if browser:
            page = page_dom(f"{base}/appendix", executable=browser)
            assert gulagstats.describe("appendix").title in page
            assert "grz1993" in page and "CC-BY-4.0" in page
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    with pytest.raises(OSError):
        _get(f"{base}.json")  # stopped: nothing listens any more
    if not shutil.which("chromium"):
        pytest.skip("the server answered; no Chromium here to open a page (CI installs it)")


def _as_in_a_terminal() -> None:
    """Ctrl-C reaches the command as it does in a terminal, even when the suite itself was
    started in the background by a shell without job control (which starts it with SIGINT
    ignored, and that is inherited: a 'serve' that ignores Ctrl-C would then prove nothing)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _serving(port: int, tmp_path: Path) -> subprocess.Popen:
    """`gulagstats serve` with its temporary folder under tmp_path, once it answers."""
    server = subprocess.Popen(
        [sys.executable, "-m", "gulagstats", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "TMPDIR": str(tmp_path)},
        preexec_fn=_as_in_a_terminal,
    )
    deadline = time.monotonic() + 120
    while True:
        try:
            _get(f"http://127.0.0.1:{port}/gulagstats.json")
            return server
        except OSError:
            assert server.poll() is None and time.monotonic() < deadline, server.stderr.read() if server.stderr else ""
            time.sleep(0.5)


def _gone(port: int, tmp_path: Path, seconds: float = 30) -> bool:
    """Nothing answers on the port and no temporary folder is left, within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            _get(f"http://127.0.0.1:{port}/gulagstats.json")
        except OSError:
            if not list(tmp_path.glob("gulagstats-web-*")):
                return True
        time.sleep(0.5)
    return False


@pytest.mark.parametrize("how", ["SIGKILL", "SIGHUP", "SIGTERM", "SIGINT"])
def test_serve_stops_with_its_parent_and_leaves_nothing_behind(tmp_path, how):
    # K: after kill -9 or SIGHUP of gulagstats, Datasette kept serving and its database stayed
    pytest.importorskip("datasette", reason="the [web] extra is not installed")
    port = _free_port()
    server = _serving(port, tmp_path)
    assert list(tmp_path.glob("gulagstats-web-*"))  # the folder is where the test looks
    server.send_signal(getattr(signal, how))
    server.wait(timeout=60)
    assert _gone(port, tmp_path), f"after {how}: still serving or a folder left in {tmp_path}"


def test_serve_refuses_a_busy_port_in_one_line_before_building_anything(tmp_path):
    pytest.importorskip("datasette", reason="the [web] extra is not installed")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        start = time.monotonic()
        run = subprocess.run([sys.executable, "-m", "gulagstats", "serve", "--port", str(port)],
                             capture_output=True, text=True, timeout=120,
                             env={**os.environ, "TMPDIR": str(tmp_path)})
    assert run.returncode == 2 and run.stderr.count("\n") == 1, run.stderr
    assert f"port {port} is in use" in run.stderr and "serving" not in run.stderr
    assert time.monotonic() - start < 60 and not list(tmp_path.iterdir())


def test_serve_refuses_a_bad_port(cli):
    code, _, err = cli("serve", "--port", "0")
    assert code == 2 and "between 1 and 65535" in err
