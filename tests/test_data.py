"""The record itself: every reference value is in data/, with its source and status."""

from __future__ import annotations

import json
from collections import Counter

import pandas as pd
import pytest

import gulagstats
from gulagstats.store import sha256_of

from .conftest import DATA, REFERENCE, read_tsv

APPENDIX_TABLES = ("appendix", "appendix_rates")
CURATED = DATA.parent / "tools" / "curated"


def _relabelled(r: dict[str, str]) -> dict[str, str]:
    """A reference row as data/ holds it: with the population or measure tools/curated/relabel.csv corrects.

    The fixes apply in file order, as the build applies them, so a later line can relabel a row again.
    """
    for fix in read_csv(CURATED / "relabel.csv"):
        if (fix["period"], fix["population"], fix["measure"], fix["source"]) == (
            r["period"], r["population"], r["measure"], r["source"]
        ) and float(fix["value"]) == float(r["value"]):
            r = dict(r, population=fix["new_population"], measure=fix["new_measure"])
    return r


def read_csv(path):
    import csv

    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _all_cells() -> pd.DataFrame:
    frames = [gulagstats.load(t).assign(table=t) for t in gulagstats.tables().query("kind == 'cells'")["id"]]
    return pd.concat(frames, ignore_index=True)


def test_every_appendix_value_of_the_reference_is_in_the_data():
    rows = [_relabelled(r) for r in read_tsv(REFERENCE / "values.tsv") if r["series"] == "appendix"]
    assert len(rows) >= 190
    data = pd.concat([gulagstats.load(t) for t in APPENDIX_TABLES], ignore_index=True)
    for r in rows:
        parts = r["value"].split("-") if r["value"].count("-") == 1 else [r["value"]]
        for part in parts:
            hit = data[
                (data.period == r["period"])
                & (data.population == r["population"])
                & (data.measure == r["measure"])
                & (data.source == r["source"])
                & (data.status == r["status"])
                & (data.value.astype(float) == float(part))
            ]
            assert len(hit) == 1, f"reference row not found once in the data: {r}"


def test_every_reference_value_of_every_series_is_somewhere_in_the_data():
    data = _all_cells()
    keys = Counter(zip(data.period, data.population, data.measure, data.source, data.status))
    for r in map(_relabelled, read_tsv(REFERENCE / "values.tsv")):
        assert keys[(r["period"], r["population"], r["measure"], r["source"], r["status"])] >= 1, r


def test_no_value_without_source_status_and_locator():
    data = _all_cells()
    valued = data[data.value.notna()]
    assert (valued.source.str.strip() != "").all()
    assert (valued.locator.str.strip() != "").all()
    assert valued.status.notna().all()
    assert not (valued.status == "missing").any()
    sources = set(gulagstats.sources()["key"])
    assert set(data.source[data.source != ""]) <= sources


def test_one_preferred_row_per_cell():
    data = _all_cells()
    key = ["table", "period", "population", "measure", "category", "unit"]
    preferred = data.groupby(key, dropna=False)["preferred"].sum()
    assert (preferred == 1).all(), preferred[preferred != 1]


def test_known_values_and_choices():
    camps = gulagstats.load("appendix", wide=True)
    assert camps.loc["1939", "gulag_camps inmates"] == 1317195
    assert camps.loc["1934", "gulag_camps deaths"] == 26295
    # a transposition in one reprint is kept but never the table's value
    assert camps.loc["1935", "gulag_camps inmates"] == 725483
    assert camps.loc["1940", "gulag_camps inmates"] == 1344408
    # a confirmed value beats an unconfirmed one
    assert camps.loc["1952", "gulag_camps deaths"] == 10825
    status = gulagstats.load("appendix", wide=True, provenance=True)["status"]
    assert status.loc["1952", "gulag_camps deaths"] == "confirmed"
    assert status.loc["1934", "gulag_camps escapes"] == "unconfirmed"
    long = gulagstats.load("appendix")
    alt = long[(long.period == "1952") & (long.measure == "deaths") & ~long.preferred]
    assert list(alt.value) == [13806]
    rates = gulagstats.load("appendix_rates", wide=True)
    # two reprints print 12.8, one 12.6: the value printed by more sources wins
    assert rates.loc["1937", "gulag_camps counterrevolutionaries_share"] == pytest.approx(12.8)


def test_types_follow_the_schema():
    df = gulagstats.load("appendix")
    assert str(df.value.dtype) == "Int64"
    assert str(df.preferred.dtype) == "boolean"
    assert isinstance(df.status.dtype, pd.CategoricalDtype)
    assert list(df.status.cat.categories) == list(gulagstats.STATUSES)
    assert pd.api.types.is_datetime64_any_dtype(df.start)
    day = df[df.period == "1939-01-01"].iloc[0]
    assert day.start == day.end == pd.Timestamp("1939-01-01")
    assert str(gulagstats.load("appendix_rates").value.dtype) == "Float64"


def test_datapackage_hashes_and_rows_match_the_files():
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["name"] for r in package["resources"]} >= {"appendix", "sources"}
    for r in package["resources"]:
        path = DATA / r["path"]
        assert r["hash"] == "sha256:" + sha256_of(path), r["path"]
        assert r["bytes"] == path.stat().st_size
        with open(path, encoding="utf-8") as handle:
            assert r["rows"] == sum(1 for _ in handle) - 1
        assert r["title"] and r["schema"]["fields"]
        for f in r["schema"]["fields"]:
            assert f["type"] in {"string", "integer", "number", "boolean", "date", "year"}
            assert f.get("description"), (r["name"], f["name"])


def test_datapackage_is_a_valid_frictionless_package():
    frictionless = pytest.importorskip("frictionless", reason="the [test] extra installs frictionless")
    report = frictionless.validate(str(DATA / "datapackage.json"))
    errors = [e["message"] for task in report.to_dict()["tasks"] for e in task["errors"]]
    assert report.valid, errors[:5]


def test_sources_have_citations():
    src = gulagstats.sources()
    assert src.key.is_unique
    assert (src.citation.str.len() > 20).all()
    assert "grz1993" in set(src.key)
