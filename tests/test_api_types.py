"""The Python face for notebooks and typed scripts: pandas-native results, exported names, mypy --strict."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import shutil
import subprocess
import sys
import textwrap

import pandas as pd
import pytest

import gulagstats
from gulagstats.errors import GulagstatsError

from .conftest import ROOT


def test_check_is_a_dataframe_with_a_one_line_summary_and_the_result_objects():
    table = gulagstats.check()
    assert isinstance(table, pd.DataFrame) and isinstance(table, gulagstats.CheckTable)
    counts = gulagstats.summary(gulagstats.check_results())
    assert len(table) == counts["total"] and table.summary() == counts
    shown = repr(table)
    assert shown.splitlines()[0].startswith(f"{counts['total']} checks: {counts['consistent']} consistent")
    assert len(shown) < 20_000  # a list of 385 models printed 620,524 characters
    assert {"id", "family", "verdict", "expected", "observed", "difference", "result"} <= set(table.columns)
    found = table[table.verdict == "discrepancy"]
    assert isinstance(found, gulagstats.CheckTable) and len(found) == counts["discrepancy"]
    assert all(isinstance(r, gulagstats.CheckResult) and r.verdict == "discrepancy" for r in found.results)
    assert [r.id for r in gulagstats.check_results()] == table["id"].tolist()
    html = table._repr_html_()
    assert html.startswith(f"<p>{table.summary_line()}</p>") and "<table" in html
    # ordinary pandas: a merge with itself, grouping, no stale metadata
    assert len(table.merge(table[["id", "verdict"]], on="id")) == len(table)
    assert table.groupby("family").size().sum() == len(table)
    assert table.attrs == {}


def test_an_empty_check_is_an_empty_table_with_the_columns():
    empty = gulagstats.check(family="plausibility", verdict="depends_on_source")
    assert len(empty) == 0 and "verdict" in empty.columns and empty.results == []
    assert repr(empty).startswith("0 checks: 0 consistent")


def test_results_render_as_html_tables_in_a_notebook():
    a = gulagstats.assess("executions", "7 million", period="1937-1938")
    html = a._repr_html_()
    assert html.startswith("<table><caption>Assessment</caption>")
    assert "<th" in html and "overstates" in html and "7,000,000" in html
    assert "<caption>Benchmark</caption>" in html and "<caption>Source</caption>" in html  # nested models
    for model in (gulagstats.describe("appendix"), gulagstats.source("grz1993"), gulagstats.check_results()[0]):
        assert model._repr_html_().startswith(f"<table><caption>{type(model).__name__}</caption>")
    assert "&lt;b&gt;" in gulagstats.Source(key="k", citation="<b>x</b>")._repr_html_()  # text escaped


def test_the_wide_frame_keeps_its_provenance_in_columns_that_survive_pandas():
    plain = gulagstats.load("appendix", wide=True)
    assert plain.attrs == {"table": "appendix"}  # no frames in .attrs: a merge cannot break on them
    assert plain.merge(plain, left_index=True, right_index=True).shape == (len(plain), 2 * plain.shape[1])
    wide = gulagstats.load("appendix", wide=True, provenance=True)
    assert list(wide.columns.levels[0]) == ["value", "status", "source"]
    assert wide["value"].equals(plain)
    assert wide.loc["1939", ("status", "gulag_camps inmates")] == "confirmed"
    head = wide.head(3)
    assert head["status"].shape == head["value"].shape == (3, plain.shape[1])  # not stale after head()
    both = wide.merge(wide, left_index=True, right_index=True, suffixes=("", "_again"))
    assert both.shape == (len(wide), 2 * wide.shape[1])
    long = gulagstats.load("appendix")
    chosen = long[long.preferred.fillna(False) & (long.period == "1939-01-01")
                  & (long.population == "gulag_camps") & (long.measure == "inmates")].iloc[0]
    assert wide.loc["1939", ("source", "gulag_camps inmates")] == chosen.source


def _package_modules() -> list[str]:
    path = ROOT / "src" / "gulagstats"
    return sorted(m.name for m in pkgutil.walk_packages([str(path)], "gulagstats.") if "__main__" not in m.name)


def test_every_public_error_is_a_name_of_the_package():
    errors = {}
    for name in _package_modules():
        module = importlib.import_module(name)
        for cls_name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, GulagstatsError) and cls.__module__ == name and not cls_name.startswith("_"):
                errors[cls_name] = cls
    assert len(errors) >= 20
    missing = sorted(n for n in errors if n not in gulagstats.__all__)
    assert missing == [], f"errors not exported by gulagstats: {missing}"
    assert all(getattr(gulagstats, n) is cls for n, cls in errors.items())


def test_all_is_a_literal_list_of_every_name_the_package_gives():
    tree = ast.parse((ROOT / "src" / "gulagstats" / "__init__.py").read_text(encoding="utf-8"))
    assigned = [n.value for n in tree.body if isinstance(n, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "__all__" for t in n.targets)]
    assert len(assigned) == 1 and isinstance(assigned[0], ast.List)
    names = [ast.literal_eval(e) for e in assigned[0].elts]
    assert names == gulagstats.__all__ and len(set(names)) == len(names)
    from gulagstats import _API, _ELSEWHERE

    eager = {n for n in names if n in vars(gulagstats)} - set(_API) - set(_ELSEWHERE)
    assert set(names) == set(_API) | set(_ELSEWHERE) | eager
    for name in names:
        assert getattr(gulagstats, name) is not None


USER_SCRIPT = '''
"""A user's script: what a notebook does, typed."""
import gulagstats
from gulagstats import UnknownSourceError, assess, check, load

wide = load("appendix", wide=True, provenance=True)
table = check(family="sources")
counts: dict[str, int] = gulagstats.summary(table)
first: gulagstats.CheckResult = table.results[0]
a = assess("executions", "7 million", period="1937-1938")
factor: float | None = a.factor
try:
    gulagstats.source("nope")
except UnknownSourceError as exc:
    print(exc)
except gulagstats.UnknownFigureError:
    pass
print(wide.shape, counts["total"], first.id, factor, gulagstats.__version__)
'''


def test_mypy_strict_passes_on_a_user_script(tmp_path):
    mypy = shutil.which("mypy", path=str(sys.prefix) + "/bin") or shutil.which("mypy")
    assert mypy, "mypy is in the test extra: pip install -e '.[test]'"
    script = tmp_path / "user.py"
    script.write_text(textwrap.dedent(USER_SCRIPT), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
                         capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    # the test can fail: a name imported but not exported, and a wrong type, are errors under --strict
    script.write_text('from gulagstats import assess, threading\nfactor: str = assess("arrests", 1).factor\n',
                      encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
                         capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert run.returncode == 1 and run.stdout.count("error:") == 2, run.stdout
    assert 'explicitly export attribute "threading"' in run.stdout and '"float | None"' in run.stdout


@pytest.mark.parametrize("name", ["summary", "check", "check_results", "load"])
def test_public_functions_document_an_example(name):
    assert ">>>" in (getattr(gulagstats, name).__doc__ or "")
