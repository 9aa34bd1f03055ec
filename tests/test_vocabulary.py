"""The one vocabulary: its orders are consistent, and the data use only its words."""

from __future__ import annotations

import csv
import json

import pytest

from gulagstats import vocabulary as v

from .conftest import DATA


def cell_rows():
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        if resource["kind"] == "cells":
            with open(DATA / resource["path"], newline="", encoding="utf-8") as handle:
                yield from csv.DictReader(handle)


@pytest.mark.parametrize(
    ("column", "words"),
    [("status", v.STATUSES), ("unit", v.CELL_UNITS)],
)
def test_the_tables_of_cells_use_only_words_of_the_vocabulary(column, words):
    used = {row[column] for row in cell_rows()}
    assert used - set(words) == set()


def test_the_text_figures_use_only_known_relations():
    with open(DATA / "tables" / "grz_text_figures.csv", newline="", encoding="utf-8") as handle:
        assert {r["relation"] for r in csv.DictReader(handle)} <= set(v.RELATIONS)


def test_every_status_has_a_preference_a_weakness_a_mark_and_a_meaning():
    for table in (v.PREFERENCE, v.WEAKNESS, v.STATUS_MARK, v.STATUS_MEANING):
        assert set(table) == set(v.STATUSES)
    assert sorted(v.SHOWN) == sorted(v.STATUSES)
    assert [s for s in v.STATUSES if v.PREFERENCE[s] < v.PREFERENCE["prose"]] == ["user", "corrected"]


@pytest.mark.parametrize(
    ("inputs", "combined"),
    [
        (["prose", "confirmed"], "derived"),  # a computed value is derived at best
        (["corrected", "prose"], "derived"),  # a corrected misprint combines like derived
        (["derived", "unconfirmed"], "unconfirmed"),
        (["unconfirmed", "user"], "user"),
        (["user", "missing"], "missing"),
    ],
)
def test_status_combination_is_the_weakest_input_and_derived_at_best(inputs, combined):
    assert v.combine(inputs) == combined
    assert v.combine(reversed(inputs)) == combined


def test_the_named_words_are_the_words_of_their_lists():
    assert {v.USER, v.CORRECTED, v.PROSE, v.CONFIRMED, v.DERIVED, v.UNCONFIRMED, v.MISSING} == set(v.STATUSES)
    assert {v.CONSISTENT, v.WITHIN_ROUNDING, v.DISCREPANCY, v.DEPENDS_ON_SOURCE, v.NOT_CHECKABLE} == set(
        v.VERDICTS
    )
    assert v.NOT_CONTRADICTED in v.CLAIM_VERDICTS and v.NOT_CONTRADICTED not in v.COMPARED_VERDICTS
    assert v.GRADES == ("one_unit", "one_digit", "transposition", "within_rounding", "minor", "major")


def test_a_data_dictionary_can_be_checked_against_the_module():
    rows = [{"kind": "status", "code": s} for s in v.STATUSES]
    assert v.unknown_codes(rows) == {}
    assert v.unknown_codes(rows[1:]) == {"status": {"-user"}}


def test_the_module_and_the_data_dictionary_agree_on_every_closed_list():
    with open(DATA / "vocabulary.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    shared = [r for r in rows if r["kind"] in ("status", "grade", "relation")]
    assert v.unknown_codes(shared) == {}
    verdicts = {r["code"] for r in rows if r["kind"] == "verdict"}
    assert verdicts == set(v.VERDICTS) | set(v.CLAIM_VERDICTS)
    units = {r["code"] for r in rows if r["kind"] == "unit"}
    assert set(v.CELL_UNITS) <= units
