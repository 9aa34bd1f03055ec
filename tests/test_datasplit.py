"""The split of the suite (tests/datasplit.py): the guard refuses the published data, the lists name real tests."""

from __future__ import annotations

import ast
import os
import subprocess
import sys

import pytest

from . import datasplit
from .conftest import DATA, ROOT


def test_the_guard_refuses_a_published_file_and_lets_the_vocabulary_through(monkeypatch):
    monkeypatch.setattr(datasplit._Guard, "on", True)
    monkeypatch.setattr(datasplit._Guard, "reads", [])
    for path in (DATA / "datapackage.json", ROOT / "tools" / "curated" / "appendix.csv", ROOT / "figures"):
        with pytest.raises(datasplit.PublishedDataRead, match="a unit test read the published data"):
            datasplit._audit("open", (str(path), "r", 0))
    datasplit._audit("open", (str(DATA / "vocabulary.csv"), "r", 0))  # the code's vocabulary
    datasplit._audit("open", (str(ROOT / "tests" / "fixtures" / "tiny" / "prose.txt"), "r", 0))
    assert len(datasplit._Guard.reads) == 3


def test_a_gulagstats_subprocess_counts_as_a_read_unless_it_is_given_another_data_directory(monkeypatch):
    monkeypatch.setenv("GULAGSTATS_DATA", str(datasplit.NO_DATA))
    python = [sys.executable, "-m", "gulagstats", "check"]
    assert not datasplit._subprocess_reads_data(python, None)  # inherits the unit run's no-data folder
    assert datasplit._subprocess_reads_data(python, {"PATH": "/usr/bin"})  # finds data/ beside the code
    assert datasplit._subprocess_reads_data(python, {"GULAGSTATS_DATA": str(DATA)})
    assert not datasplit._subprocess_reads_data(python, {"GULAGSTATS_DATA": "/tmp/tiny"})
    assert not datasplit._subprocess_reads_data(["git", "status"], {})


@pytest.mark.parametrize(
    ("expression", "leaves_out"),
    [("not data", True), ("not data and not slow", True), ("slow", True), ("data", False), ("", False)],
)
def test_a_run_is_a_unit_run_when_its_mark_expression_leaves_the_data_tests_out(expression, leaves_out, monkeypatch):
    monkeypatch.delenv(datasplit.GUARD_VARIABLE, raising=False)

    class Config:
        def getoption(self, name, default=None):
            return expression

    assert datasplit._leaves_data_out(Config()) is leaves_out  # type: ignore[arg-type]


def test_in_a_unit_run_the_loaders_find_no_data_and_an_opening_fails():
    if not datasplit._Guard.on:  # a full run: the data is where the loaders look, and opens
        assert os.environ.get("GULAGSTATS_DATA") != str(datasplit.NO_DATA)
        open(DATA / "datapackage.json", "rb").close()
        return
    assert os.environ["GULAGSTATS_DATA"] == str(datasplit.NO_DATA)
    with pytest.raises(datasplit.PublishedDataRead):
        open(DATA / "datapackage.json", "rb").close()
    datasplit._Guard.reads.clear()  # this test meant to read; the guard's fixture must not fail it


def test_a_unit_test_that_reads_the_data_fails_in_a_unit_run_and_passes_in_a_full_run(tmp_path):
    test = ROOT / "tests" / f"test_zz_datasplit_probe_{os.getpid()}.py"
    test.write_text(
        "from gulagstats.core.record import Record\n\n"
        "def test_reads():\n    assert Record().cell('1939-01-01', 'gulag_camps', 'inmates').value > 0\n",
        encoding="utf-8",
    )
    try:
        def run(*marks: str) -> subprocess.CompletedProcess:
            return subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *marks, str(test)],
                cwd=ROOT, capture_output=True, text=True, timeout=300,
                env={k: v for k, v in os.environ.items() if k not in ("GULAGSTATS_DATA", datasplit.GUARD_VARIABLE)},
            )

        unit, full = run("-m", "not data"), run()
    finally:
        test.unlink()
    assert unit.returncode == 1 and "1 failed" in unit.stdout, unit.stdout
    assert full.returncode == 0, full.stdout


def _test_names(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}


@pytest.mark.parametrize(
    "listed", sorted({*datasplit.UNIT_EXCEPTIONS, *datasplit.DATA_TESTS, *datasplit.SLOW_TESTS})
)
def test_every_listed_test_exists(listed):
    module, name = listed.split("::", 1)
    assert (ROOT / module).is_file(), f"{module} no longer exists: update tests/datasplit.py"
    if module.startswith("tests/"):
        assert name in _test_names(ROOT / module), f"{listed} no longer exists: update tests/datasplit.py"
    else:  # a docstring example: the module's dotted name, then the object (none: the module's own)
        dotted = module.removeprefix("src/").removesuffix(".py").removesuffix("/__init__").replace("/", ".")
        assert name == dotted or name.split(".")[-1] in _test_names(ROOT / module), listed


def test_every_listed_module_exists():
    assert all((ROOT / m).is_file() for m in datasplit.DATA_MODULES)
