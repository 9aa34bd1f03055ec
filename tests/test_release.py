"""Release hygiene: one version, licences in wheel and sdist, no full texts in the repository."""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

import gulagstats

from .conftest import DATA, ROOT, TEXTS_ABSENT


def test_one_version_everywhere():
    version = gulagstats.__version__
    assert importlib.metadata.version("gulagstats") == version
    cff = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(r"^version: (\S+)$", cff, flags=re.M)[1] == version
    assert json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))["version"] == version
    catalog = tomllib.loads((ROOT / "tools" / "catalog.toml").read_text(encoding="utf-8"))
    assert "version" not in catalog["package"], "the catalog must not restate the version"


def test_no_full_copyrighted_text_in_the_repository():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.splitlines()
    if not tracked:
        pytest.skip("not a git checkout (an unpacked sdist): nothing tracked to inspect")
    assert not [p for p in tracked if p.endswith("grz1993_article_prose.txt") or "/seeds/" in p]
    big_texts = [p for p in tracked if p.endswith(".txt") and (ROOT / p).stat().st_size > 20_000]
    assert not big_texts


@pytest.fixture(scope="module")
def dists(tmp_path_factory) -> dict[str, Path]:
    pytest.importorskip("build", reason="the 'build' package is not installed")
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return {"wheel": next(out.glob("*.whl")), "sdist": next(out.glob("*.tar.gz"))}


def test_wheel_and_sdist_carry_the_licences(dists):
    wheel = zipfile.ZipFile(dists["wheel"]).namelist()
    assert any(n.endswith("licenses/LICENSE") for n in wheel)
    assert any(n.endswith("licenses/LICENSE-DATA.md") for n in wheel)
    assert "gulagstats/py.typed" in wheel
    # the web view's plugin: its templates and stylesheet travel with the code
    assert {"gulagstats/publish/web/templates/_footer.html", "gulagstats/publish/web/static/gulagstats.css",
            "gulagstats/publish/web/templates/gulagstats_factcheck.html"} <= set(wheel)
    metadata = (
        zipfile.ZipFile(dists["wheel"])
        .read(next(n for n in wheel if n.endswith("METADATA")))
        .decode()
    )
    assert "License-Expression: MIT AND CC-BY-4.0" in metadata
    with tarfile.open(dists["sdist"]) as sdist:
        names = {n.split("/", 1)[1] for n in sdist.getnames() if "/" in n}
    assert {"LICENSE", "LICENSE-DATA.md", "CHANGELOG.md", "CITATION.cff"} <= names
    assert not [n for n in names | set(wheel) if "grz1993_article_prose" in n or "/seeds/" in n]


def test_the_build_says_where_the_full_texts_are_expected(tmp_path):
    env = {**os.environ, "GULAGSTATS_SEEDS": str(tmp_path / "nowhere")}
    before = {p: p.stat().st_mtime_ns for p in DATA.rglob("*") if p.is_file()}
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_data.py")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    assert "GULAGSTATS_SEEDS" in done.stderr and "grz1993_article_prose.txt" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1  # one line, no traceback
    assert before == {p: p.stat().st_mtime_ns for p in DATA.rglob("*") if p.is_file()}


def test_ci_has_the_full_texts():
    """CI sets GULAGSTATS_REQUIRE_TEXTS: there, the quote checks must run, not skip."""
    if not os.environ.get("GULAGSTATS_REQUIRE_TEXTS"):
        pytest.skip("GULAGSTATS_REQUIRE_TEXTS is not set (only CI requires the full texts)")
    assert TEXTS_ABSENT is None, TEXTS_ABSENT


def _readme_block(heading: str, language: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"^```{language}\n(.*?)^```$", section, flags=re.S | re.M)[0]


def test_the_wheel_works_alone(dists, tmp_path):
    """The wheel, installed in a fresh virtual environment outside the checkout, runs the
    quick start (the report), the README's Python snippet and the tutorial notebook."""
    venv, work = tmp_path / "venv", tmp_path / "work"
    work.mkdir()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python, script = venv / "bin" / "python", venv / "bin" / "gulagstats"
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "GULAGSTATS_DATA", "VIRTUAL_ENV", "PYTHONHOME")}
    env["JUPYTER_DATA_DIR"] = str(tmp_path / "jupyter")  # no kernel of another environment is found first
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", f"gulagstats[publish] @ {dists['wheel'].as_uri()}",
         "nbclient", "nbformat", "ipykernel"],
        capture_output=True, text=True, timeout=1200, env=env, cwd=work, check=False,
    )
    assert install.returncode == 0, install.stderr[-3000:]

    def run(*command: str, timeout: float = 600) -> subprocess.CompletedProcess:
        done = subprocess.run(list(command), capture_output=True, text=True, timeout=timeout, env=env, cwd=work,
                              check=False)
        assert done.returncode == 0, (command, done.stdout[-2000:], done.stderr[-3000:])
        return done

    where = run(str(python), "-c", "import gulagstats; print(gulagstats.__file__)").stdout.strip()
    assert where.startswith(str(venv)) and not where.startswith(str(ROOT)), where
    # the quick start: the main job, from the installed command
    run(str(script), "report", "--out", "report")
    assert (work / "report" / "report.html").stat().st_size > 100_000
    # the README's "Load the data", verbatim
    snippet = work / "load.py"
    snippet.write_text(_readme_block("Load the data", "python"), encoding="utf-8")
    run(str(python), str(snippet))
    # the tutorial, with a last cell that says which gulagstats ran it
    notebook = json.loads((ROOT / "docs" / "tutorial.ipynb").read_text(encoding="utf-8"))
    notebook["cells"].append({"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
                              "source": "import gulagstats\nprint('RAN WITH', gulagstats.__file__)"})
    (work / "tutorial.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    runner = (
        "import nbformat, nbclient\n"
        "nb = nbformat.read('tutorial.ipynb', as_version=4)\n"
        "nbclient.NotebookClient(nb, timeout=600, kernel_name='python3').execute()\n"
        "print([o.get('text', '') for o in nb.cells[-1].outputs])\n"
    )
    ran = run(str(python), "-c", runner, timeout=900).stdout
    assert f"RAN WITH {venv}" in ran, ran[-1000:]
    assert (work / "tutorial_export" / "xlsx" / "gulagstats.xlsx").is_file()
