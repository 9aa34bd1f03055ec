"""Shared fixtures: the repository's paths, a private copy of data/, the CLI."""

from __future__ import annotations

import contextlib
import csv
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .browser import SESSION_VARIABLE, stray_processes

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
REFERENCE = ROOT / "tools" / "reference"
#: The full texts (GRZ prose, seed pages) are copyrighted and not in the repository: as in
#: tools/texts.py, they are read from $GULAGSTATS_SEEDS or ../shared/seeds (present in CI).
SEEDS = Path(os.environ.get("GULAGSTATS_SEEDS") or ROOT.parent / "shared" / "seeds")
PROSE = SEEDS / "grz1993_article_prose.txt"
TEXTS_ABSENT = (
    None
    if PROSE.is_file()
    else f"the full texts are not redistributed and {PROSE} is absent: set GULAGSTATS_SEEDS "
    "to the directory holding grz1993_article_prose.txt and the seed pages"
)
#: For tests that check quotes against the full texts: they skip, saying why, only if absent.
needs_texts = pytest.mark.skipif(TEXTS_ABSENT is not None, reason=TEXTS_ABSENT or "")
# the build's stage modules (tools/build_data.py, tools/build_estimates.py, tools/buildkit.py)
# import each other by name, as they do when run as scripts from tools/
if str(ROOT / "tools") not in sys.path:
    sys.path.insert(0, str(ROOT / "tools"))


def prose_lines() -> list[str]:
    """The GRZ prose, line by line ([] when absent: tests reading it are marked needs_texts)."""
    return PROSE.read_text(encoding="utf-8").splitlines() if TEXTS_ABSENT is None else []


def read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A private copy of data/ that the loaders use (GULAGSTATS_DATA), free to damage."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    monkeypatch.setenv("GULAGSTATS_DATA", str(target))
    return target


@pytest.fixture
def repin(data_copy, monkeypatch):
    """Call after editing the copy's datapackage.json: pins its new sha256 beside it, as tools/build_data.py would."""
    import hashlib

    from gulagstats.store import PIN_FILE

    def pin() -> None:
        digest = hashlib.sha256((data_copy / "datapackage.json").read_bytes()).hexdigest()
        (data_copy / PIN_FILE).write_text(digest + "\n", encoding="utf-8")

    return pin


#: The inputs of the tiny fixture package (tests/fixtures/tiny/README.md): invented numbers, made for unit tests.
TINY = ROOT / "tests" / "fixtures" / "tiny"


@pytest.fixture(scope="session")
def tiny_data(tmp_path_factory) -> Path:
    """The tiny package built by the real build (``build_data.build(..., tools=...)``), once a session; do not edit it."""
    import build_data

    tools = tmp_path_factory.mktemp("tiny_inputs")
    shutil.copytree(TINY, tools, dirs_exist_ok=True)
    shutil.copy(ROOT / "tools" / "vocabulary.csv", tools / "vocabulary.csv")
    out = tmp_path_factory.mktemp("tiny_data")
    build_data.build(out, tools / "reference", tools / "prose.txt", tools=tools)
    return out


@pytest.fixture
def tiny(tiny_data, monkeypatch):
    """A :class:`~gulagstats.core.record.Record` of the tiny package, which the loaders also use (GULAGSTATS_DATA)."""
    from gulagstats.core.record import Record

    monkeypatch.setenv("GULAGSTATS_DATA", str(tiny_data))
    return Record()


@pytest.fixture
def cli(capsys):
    """Run the CLI in-process: returns (exit status, stdout, stderr)."""
    from gulagstats.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse exits on usage errors and --version
            code = exc.code if isinstance(exc.code, int) else 0
        out, err = capsys.readouterr()
        return code, out, err

    return run


def run_subprocess(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m gulagstats ARGS`` in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "gulagstats", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


# --- nothing left running -------------------------------------------------------------------------


def pytest_sessionstart(session: pytest.Session) -> None:
    """Mark this session's environment, so every process a test starts carries the mark."""
    os.environ[SESSION_VARIABLE] = f"{os.getpid()}-{time.time_ns()}"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run if a test left a browser, a driver or a server running (and end them)."""
    session_id = os.environ.get(SESSION_VARIABLE)
    if not session_id:
        return
    deadline = time.monotonic() + 10  # a browser closing its helpers takes a moment
    while (stray := stray_processes(session_id)) and time.monotonic() < deadline:
        time.sleep(0.2)
    if stray:
        for pid in stray:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        lines = "\n".join(f"  {pid}: {cmd}" for pid, cmd in sorted(stray.items()))
        session.config.get_terminal_writer().line(
            f"\ntests left {len(stray)} process(es) running (now killed):\n{lines}", red=True
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def verdict_calibration() -> str:
    """What ``tools/calibrate_verdicts.py`` prints (the gate's tables), run once for every test that reads it."""
    tool = ROOT / "tools" / "calibrate_verdicts.py"
    return subprocess.run([sys.executable, str(tool)], capture_output=True, text=True, check=True, cwd=ROOT).stdout
