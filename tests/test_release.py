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
