"""The one writer (issue 19 B, E, M): only new names or regular files, whole files or nothing.

Every special file a test needs (FIFO, socket, device node) is made in a temporary folder;
no test writes to, or near, a device of the machine.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import importlib
import os
import resource
import signal
import socket
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gulagstats import outputs
from gulagstats.errors import OutputPathError
from gulagstats.render import FORMULA_START

from .conftest import ROOT


def tree(folder: Path) -> dict[str, str]:
    """Every entry under ``folder``, files by sha256 and the rest by kind (links not followed)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        mode = path.lstat().st_mode
        if stat.S_ISREG(mode):
            out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif stat.S_ISLNK(mode):
            out[str(path)] = "link to " + os.readlink(path)
        else:
            out[str(path)] = stat.filemode(mode)
    return out


def make(kind: str, path: Path, folder: Path) -> None:
    """Put a file of ``kind`` at ``path`` (every special file made here, in a temporary folder)."""
    victim = folder / "victim.txt"
    victim.write_text("keep me")
    if kind == "regular":
        path.write_text("old")
    elif kind == "symlink":
        os.symlink(victim, path)
    elif kind == "dangling symlink":
        os.symlink(folder / "nowhere" / "x", path)
    elif kind == "symlink to a directory":
        os.symlink(folder, path)
    elif kind == "hard link":
        os.link(victim, path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        server.close()
    elif kind == "device":
        try:
            os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 3))  # a node for the null device
        except PermissionError:  # not root, or a container without mknod: a FIFO stands in
            os.mkfifo(path)


WRITTEN = {"new", "regular", "hard link"}
KINDS = sorted(WRITTEN | {"symlink", "dangling symlink", "symlink to a directory", "directory", "fifo",
                          "socket", "device"})


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(KINDS), st.binary(max_size=2000))
def test_the_writer_writes_a_new_name_or_a_regular_file_and_refuses_anything_else(kind, data):
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        target = folder / "out.csv"
        if kind != "new":
            make(kind, target, folder)
        (folder / "victim.txt").write_text("keep me")
        before = tree(folder)
        if kind in WRITTEN:
            outputs.write_bytes(target, data)
            assert target.read_bytes() == data and stat.S_ISREG(target.lstat().st_mode)
            assert (folder / "victim.txt").read_text() == "keep me"  # a hard link is replaced, not written through
        else:
            with pytest.raises(OutputPathError) as info:
                outputs.write_bytes(target, data)
            assert "\n" not in str(info.value) and "refusing to write" in str(info.value)
            assert tree(folder) == before  # nothing created, nothing replaced
        assert not [p for p in folder.iterdir() if ".tmp" in p.name]


def test_a_failed_multi_file_write_changes_none_of_them(tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    outputs.write_files({first: b"old a", second: b"old b"})
    with pytest.raises(RuntimeError), outputs.atomic_paths([first, second]) as (a, _b):
        a.write_bytes(b"new a")
        raise RuntimeError("the second one failed")
    assert first.read_bytes() == b"old a" and second.read_bytes() == b"old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]
    os.mkfifo(tmp_path / "c.csv")
    with pytest.raises(OutputPathError, match="a FIFO"):  # checked before anything is written
        outputs.write_files({first: b"new", tmp_path / "c.csv": b"x"})
    assert first.read_bytes() == b"old a"


def test_an_error_while_writing_names_the_output_not_the_temporary_file(tmp_path):
    target = tmp_path / "report.html"
    with pytest.raises(outputs.OutputWriteError) as info, outputs.atomic_path(target, "the report") as temp:
        raise OSError(28, "No space left on device", str(temp))
    message = str(info.value)
    assert str(target) in message and ".tmp" not in message and "No space left" in message
    assert isinstance(info.value, OSError) and not target.exists()


@pytest.mark.parametrize("kind", ["device", "fifo", "symlink", "directory"])
def test_template_out_refuses_a_name_that_is_not_a_regular_file(tmp_path, cli, kind):
    target = tmp_path / "t.csv"
    make(kind, target, tmp_path)
    before = tree(tmp_path)
    code, _, err = cli("template", "table_4", "--out", str(target))
    assert code == 2 and err.count("\n") == 1 and "refusing to write" in err, err
    assert tree(tmp_path) == before


# --- export (B) -----------------------------------------------------------------------------------


def export(*args: str, limit: int | None = None, **kw) -> subprocess.CompletedProcess:
    def limited() -> None:
        if limit is not None:  # a full disk: writing past `limit` bytes fails with EFBIG
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "gulagstats", "export", *args], capture_output=True, text=True,
        preexec_fn=limited, timeout=600, **kw,
    )


@pytest.mark.parametrize(
    "fmt,name,kind",
    [
        ("csv", "checks.csv", "symlink"),
        ("csv", "verdicts.csv", "hard link"),
        ("parquet", "checks.parquet", "symlink"),
        ("xlsx", "gulagstats.xlsx", "symlink"),
        ("sqlite", "gulagstats.db", "dangling symlink"),
        ("csv", "checks.csv", "fifo"),
    ],
)
def test_export_never_writes_through_a_link_and_refuses_before_writing_anything(data_copy, tmp_path, cli, fmt, name, kind):
    out = tmp_path / "out"
    out.mkdir()
    victims = {"symlink": data_copy / "tables" / "appendix.csv", "hard link": data_copy / "sources.csv",
               "dangling symlink": data_copy / "tables" / "evil.db"}
    if kind in ("symlink", "dangling symlink"):
        os.symlink(victims[kind], out / name)
    elif kind == "hard link":
        os.link(victims[kind], out / name)
    else:
        os.mkfifo(out / name)
    before_data, before_out = tree(data_copy), tree(out)
    code, _, err = cli("export", "--format", fmt, "--out", str(out))
    assert code == 2 and err.count("\n") == 1 and "refusing to write" in err, err
    assert tree(data_copy) == before_data and tree(out) == before_out  # nothing written, not even the others


FULL_DISK = [("csv", "checks.csv"), ("sqlite", "gulagstats.db"), ("parquet", "checks.parquet"),
             ("xlsx", "gulagstats.xlsx")]


@pytest.mark.parametrize("fmt,name", FULL_DISK, ids=[f for f, _ in FULL_DISK])
def test_a_full_disk_keeps_the_previous_export_whole_in_one_line(tmp_path, fmt, name):
    out = tmp_path / "out"
    first = export("--format", fmt, "--out", str(out))
    assert first.returncode == 0, first.stderr
    before = tree(out)
    failed = export("--format", fmt, "--out", str(out), limit=64 * 1024)
    assert failed.returncode == 2, failed.stderr
    assert failed.stderr.count("\n") == 1 and failed.stderr.startswith("gulagstats: error:"), failed.stderr
    assert ".tmp" not in failed.stderr and "Traceback" not in failed.stderr
    assert tree(out) == before  # every previous file whole, no temporary file left


def _complete(path: Path) -> bool:
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as book:
            return book.testzip() is None
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        return db.execute("pragma integrity_check").fetchone()[0] == "ok" and db.execute(
            "select count(*) from sources").fetchone()[0] > 0


@pytest.mark.parametrize("fmt,name", [("xlsx", "gulagstats.xlsx"), ("sqlite", "gulagstats.db")])
def test_kill_9_never_leaves_an_empty_or_truncated_file_under_the_final_name(tmp_path, fmt, name):
    out = tmp_path / "out"
    assert export("--format", fmt, "--out", str(out)).returncode == 0
    size = (out / name).stat().st_size
    for delay in (0.5, 1.0, 1.5, 2.0, 3.0):
        run = subprocess.Popen([sys.executable, "-m", "gulagstats", "export", "--format", fmt, "--out", str(out)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        run.send_signal(signal.SIGKILL)
        run.wait()
        final = out / name
        assert final.stat().st_size > 0 and _complete(final), (delay, final.stat().st_size, size)
        for leftover in out.glob(f".{name}.*"):  # a kill may leave a hidden temporary file, never the final name
            leftover.unlink()


def test_two_sqlite_exports_into_one_folder_at_once_both_succeed(tmp_path):
    out = tmp_path / "out"
    runs = [subprocess.Popen([sys.executable, "-m", "gulagstats", "export", "--format", "sqlite", "--out", str(out)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(*r.communicate(timeout=600), r.returncode) for r in runs]
    assert all(code == 0 for _, _, code in results), results
    assert _complete(out / "gulagstats.db")


def test_the_csv_export_escapes_every_text_cell_a_spreadsheet_would_run(tmp_path, cli):
    # M: five cells started with "=" or "+" (nkvd_sentences, check_cells, check_rules)
    code, _, err = cli("export", "--format", "csv", "--out", str(tmp_path))
    assert code == 0, err
    escaped = 0
    for path in tmp_path.glob("*.csv"):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        numbers = {c for c in frame.columns if pd.to_numeric(frame[c].replace("", None), errors="coerce").notna().sum()
                   == (frame[c] != "").sum()}
        for column in set(frame.columns) - numbers:
            cells = frame[column]
            assert not cells.str.startswith(FORMULA_START).any(), (path.name, column)
            escaped += int(cells.str.startswith("'=").sum() + cells.str.startswith("'+").sum())
    assert escaped >= 5
    with open(tmp_path / "nkvd_sentences.csv", newline="", encoding="utf-8") as handle:
        assert any(v.startswith("'= 790,665") for row in csv.reader(handle) for v in row)


def test_sqlite_errors_are_one_line(tmp_path, cli, monkeypatch):
    module = importlib.import_module("gulagstats.publish.sqlite")  # the module that writes the database

    def broken(*_a, **_k):
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(module.sqlite3, "connect", broken)
    code, _, err = cli("export", "--format", "sqlite", "--out", str(tmp_path / "o"))
    assert code == 2 and err.count("\n") == 1 and "unable to open database file" in err, err
    assert not list((tmp_path / "o").glob("*"))


# --- errors of libraries and memory: one line --------------------------------------------------------


def test_a_memory_limit_gives_one_line_not_an_openblas_message(tmp_path):
    # EN-12: under `ulimit -v`, OpenBLAS's per-thread buffers failed first with its own message
    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1_000_000_000, 1_000_000_000))

    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    run = subprocess.run([sys.executable, "-m", "gulagstats", "report", "--out", str(tmp_path / "r")],
                         capture_output=True, text=True, preexec_fn=limited, env=env, timeout=600, cwd=ROOT)
    assert "OpenBLAS" not in run.stderr and "Traceback" not in run.stderr, run.stderr[-2000:]
    lines = [line for line in run.stderr.splitlines() if line.startswith("gulagstats: error:")]
    assert run.returncode == 0 or (run.returncode == 2 and len(lines) == 1), run.stderr[-2000:]
