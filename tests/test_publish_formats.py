"""The published CSVs work in R and spreadsheets, and every code is defined and constrained."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import typing
from pathlib import Path

import pytest

import gulagstats
from gulagstats.periods import period_bounds

from .conftest import DATA, ROOT

CODED = ("status", "population", "measure", "category", "unit", "quantity", "relation")


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _resources() -> list[dict]:
    return json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))["resources"]


def _vocabulary() -> set[tuple[str, str]]:
    return {(r["kind"], r["code"]) for r in _csv(DATA / "vocabulary.csv")}


@pytest.mark.parametrize("resource", _resources(), ids=lambda r: r["name"])
def test_csv_is_ready_for_r(resource):
    rows = _csv(DATA / resource["path"])
    fields = {f["name"]: f for f in resource["schema"]["fields"]}
    for name, field in fields.items():
        if field["type"] == "boolean":
            assert {r[name] for r in rows} <= {"TRUE", "FALSE", ""}, name
    if "period" in fields:
        names = list(fields)
        assert names[names.index("period") + 1 : names.index("period") + 3] == ["start", "end"]
        for r in rows:
            first, last = period_bounds(r["period"])
            assert r["start"] == (first.isoformat() if first else "")
            assert r["end"] == (last.isoformat() if last else "")
    if "source" in fields and resource["name"] != "sources":
        assert not any(";" in r["source"] for r in rows), "one source key a row"


def test_every_code_in_the_data_is_defined():
    defined = _vocabulary()
    undefined = set()
    for resource in _resources():
        if resource["name"] in ("vocabulary", "benchmark_rules"):
            continue
        for r in _csv(DATA / resource["path"]):
            undefined |= {(c, r[c]) for c in CODED if r.get(c)} - defined
    assert not undefined


def test_the_vocabulary_covers_the_code_words():
    from gulagstats.core.results import VerdictName
    from gulagstats.vocabulary import CLAIM_VERDICTS as VERDICTS

    defined = _vocabulary()
    assert {("status", s) for s in gulagstats.STATUSES} <= defined
    assert {("verdict", v) for v in (*typing.get_args(VerdictName), *VERDICTS)} <= defined
    assert {("quantity", q) for q in gulagstats.quantities().quantity} <= defined
    # words other parts of the project add: errata, one-sided verdicts, graded discrepancies
    assert ("status", "corrected") in defined and ("verdict", "not_contradicted") in defined
    grades = {"within_rounding", "one_unit", "one_digit", "transposition", "minor", "major"}
    assert {("grade", g) for g in grades} <= defined
    rows = _csv(DATA / "vocabulary.csv")
    assert all(r["label"].strip() and len(r["definition"]) > 3 for r in rows)
    assert _csv(ROOT / "tools" / "vocabulary.csv") == rows  # data/ is built from the curated file


def test_the_schema_declares_keys_and_allowed_values():
    by_name = {r["name"]: r for r in _resources()}
    appendix = by_name["appendix"]["schema"]
    status = next(f for f in appendix["fields"] if f["name"] == "status")
    assert set(status["constraints"]["enum"]) == {c for k, c in _vocabulary() if k == "status"}
    assert appendix["primaryKey"][:5] == ["period", "population", "measure", "category", "unit"]
    assert {
        "fields": ["source"],
        "reference": {"resource": "sources", "fields": ["key"]},
    } in appendix["foreignKeys"]
    assert by_name["sources"]["schema"]["primaryKey"] == ["key"]
    assert by_name["vocabulary"]["schema"]["primaryKey"] == ["kind", "code"]


def _frictionless_errors(datapackage: Path) -> list[str]:
    from frictionless import Package

    report = Package(str(datapackage)).validate()
    return [error.type for task in report.tasks for error in task.errors]


def test_frictionless_validates_the_package_with_its_constraints():
    assert _frictionless_errors(DATA / "datapackage.json") == []


def test_frictionless_finds_an_orphan_source_and_an_unknown_code(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    path = target / "tables" / "table_9.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[1] = re.sub(
        r",(confirmed|prose|derived|unconfirmed|missing),", ",rumoured,", lines[1], count=1
    )
    lines[2] = lines[2].replace("," + _csv(path)[1]["source"] + ",", ",no_such_source,", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    package = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        resource.pop("hash"), resource.pop("bytes")
    (target / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    errors = _frictionless_errors(target / "datapackage.json")
    assert "constraint-error" in errors and "foreign-key" in errors


def _readme_r_snippet() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```r\n(.*?)^```$", text, flags=re.S | re.M)
    assert len(blocks) == 1, "the README has one R snippet"
    return blocks[0]


@pytest.mark.skipif(
    shutil.which("Rscript") is None, reason="R is not installed (CI installs r-base-core)"
)
def test_the_readme_r_snippet_runs(tmp_path):
    checks = """
stopifnot(is.logical(appendix$preferred), !anyNA(appendix$preferred))
stopifnot(inherits(appendix$start, "Date"), !anyNA(appendix$start))
stopifnot(nrow(camps) > 0, all(camps$preferred))
print(camps[camps$start == as.Date("1939-01-01"), "value"])
"""
    script = tmp_path / "readme.R"
    script.write_text(_readme_r_snippet() + checks, encoding="utf-8")
    done = subprocess.run(
        ["Rscript", str(script)], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    camps = gulagstats.load("appendix")
    expected = camps[
        (camps.period == "1939-01-01")
        & (camps.population == "gulag_camps")
        & (camps.measure == "inmates")
        & camps.preferred
    ].value.iloc[0]
    assert done.stdout.strip().splitlines()[-1] == f"[1] {expected}"
