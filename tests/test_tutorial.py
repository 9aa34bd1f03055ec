"""The tutorial notebook runs from top to bottom, and the documentation site builds cleanly (issue 23, item 7).

The notebook (``docs/tutorial.ipynb``) is executed with nbclient in a temporary folder,
as a student would run it: every cell without an error, the claim judged, the figures
and the exports written, R reading the CSV where R is installed.  The site build
(``mkdocs build --strict``) prints no warning and no banner, lists every page in its
navigation, renders the codebook from the data and an API reference of the public names
without raw Sphinx roles.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import gulagstats

from .conftest import DATA, ROOT

NOTEBOOK = ROOT / "docs" / "tutorial.ipynb"


def run_notebook(path: Path, folder: Path) -> list[dict]:
    """Execute a notebook in ``folder``; its code cells, with their outputs."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(folder)}})
    client.execute()
    return [c for c in notebook.cells if c.cell_type == "code"]


def _text(cell: dict) -> str:
    parts = []
    for output in cell["outputs"]:
        if output.get("output_type") == "error":
            parts.append("ERROR " + output.get("ename", ""))
        parts.append(str(output.get("text", "")))
        parts.append(str(output.get("data", {}).get("text/plain", "")))
    return "\n".join(parts)


def test_the_notebook_has_no_outputs_stored():
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert code and all(not c["outputs"] and c["execution_count"] is None for c in code)


def test_the_tutorial_runs_from_top_to_bottom(tmp_path):
    cells = run_notebook(NOTEBOOK, tmp_path)
    text = "\n".join(_text(c) for c in cells)
    assert "ERROR" not in text
    assert "overstates 10.3" in text  # the claim judged, as assess judges it
    assert "600897" in text and "746871" in text  # the two sources of 1 January 1946
    assert (tmp_path / "camps_and_colonies.png").stat().st_size > 10_000
    assert (tmp_path / "tutorial_export" / "xlsx" / "gulagstats.xlsx").is_file()
    assert (tmp_path / "tutorial_export" / "csv" / "datapackage.json").is_file()
    expected = gulagstats.load("appendix")
    camps_1939 = expected[(expected.period == "1939-01-01") & (expected.population == "gulag_camps")
                          & (expected.measure == "inmates") & expected.preferred].value.iloc[0]
    assert str(camps_1939) in text  # the Excel sheet read back
    if shutil.which("Rscript"):
        r_cell = next(_text(c) for c in cells if "Rscript" in "".join(c["source"]))
        assert str(camps_1939) in r_cell and "not installed" not in r_cell


def _build_site(out: Path) -> subprocess.CompletedProcess:
    pytest.importorskip("mkdocs", reason="the [docs] extra is not installed")
    pytest.importorskip("mkdocstrings")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING")}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    return subprocess.run([str(mkdocs), "build", "--strict", "-d", str(out)], cwd=ROOT, capture_output=True,
                          text=True, env=env, timeout=600, check=False)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("site")
    built = _build_site(out)
    assert built.returncode == 0, built.stderr[-3000:]
    return out, built.stdout + built.stderr


def test_the_site_builds_without_a_warning_or_a_banner(site):
    _, log = site
    assert "WARNING" not in log and "end of life" not in log and "│" not in log, log[-2000:]
    assert "not included in the \"nav\"" not in log


def test_every_page_is_in_the_navigation(site):
    import yaml

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    nav = {next(iter(item.values())) for item in config["nav"]}
    pages = {p.name for p in (ROOT / "docs").glob("*.md")} | {"codebook.md", "tutorial.md"}
    assert pages <= nav, pages - nav


def test_the_codebook_is_the_data_s_own_description(site):
    out, _ = site
    page = (out / "codebook" / "index.html").read_text(encoding="utf-8")
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        assert f"<code>{resource['name']}</code>" in page, resource["name"]
        for field in resource["schema"]["fields"]:
            assert f"<code>{field['name']}</code>" in page
    import csv

    with open(DATA / "vocabulary.csv", newline="", encoding="utf-8") as handle:
        codes = list(csv.DictReader(handle))
    assert all(f"<code>{c['code']}</code>" in page for c in codes)


def test_the_api_reference_shows_the_public_names_and_no_raw_roles(site):
    out, _ = site
    page = (out / "api" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", page)
    assert not re.search(r":(func|class|data|mod|meth|attr|exc):", text), re.findall(r".{40}:(?:func|class|data):.{40}", text)[:3]
    functions = [n for n in gulagstats.__all__ if callable(getattr(gulagstats, n)) and not isinstance(getattr(gulagstats, n), type)]
    for name in functions:
        assert f'id="gulagstats.api.{name}"' in page or f'id="gulagstats.{name}"' in page, name
    internal = ("read_table", "pivot_wide", "find_resource", "cell_tables", "judge_refined", "claims_of")
    assert not [n for n in internal if f".{n}\"" in page]


def test_the_tutorial_page_is_the_notebook(site):
    out, _ = site
    page = (out / "tutorial" / "index.html").read_text(encoding="utf-8")
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    first = "".join(notebook["cells"][0]["source"]).splitlines()[0].lstrip("# ")
    text = re.sub(r"<[^>]+>", "", page)
    assert first in text and 'gulagstats.assess("executions"' in text.replace("&quot;", '"')
    assert (out / "tutorial.ipynb").is_file()  # the notebook itself, to download
