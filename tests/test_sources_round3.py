"""Round 3 of the sources (issue 22, items 4, 6, 7): each corrected value and each new series, pinned.

Every test reads the built data (or the build itself), never a copy of a number it
could not fail on: the arithmetic each note argues is recomputed from the tables.
"""

from __future__ import annotations

import pytest

from build_data import choose_preferred

# --- the build: an argument in preferred.csv is applied, or the build stops ------------------------

KEY = ("t", "1937-01-01", "gulag_camps", "inmates", "", "persons")


def _row(value: str, status: str, source: str) -> dict[str, str]:
    return {"period": "1937-01-01", "population": "gulag_camps", "measure": "inmates", "category": "",
            "unit": "persons", "value": value, "status": status, "source": source, "note": ""}


def test_an_argument_for_the_rules_choice_reaches_the_note():
    rows = [_row("11", "confirmed", "c"), _row("10", "unconfirmed", "u")]
    out = choose_preferred("t", rows, {KEY: {"source": "c", "value": "11", "reason": "the seen copy"}})
    chosen = [r for r in out if r["preferred"] == "true"]
    assert [(r["source"], r["note"]) for r in chosen] == [("c", "preferred: the seen copy")]


def test_an_argument_against_the_rules_or_for_no_cell_stops_the_build():
    rows = [_row("11", "confirmed", "c"), _row("10", "unconfirmed", "u")]
    with pytest.raises(SystemExit, match="but the rules choose c"):
        choose_preferred("t", [dict(r) for r in rows], {KEY: {"source": "u", "value": "", "reason": "x"}})
    stale = ("t", "1938-01-01", "gulag_camps", "inmates", "", "persons")
    with pytest.raises(SystemExit, match="match no cell"):
        choose_preferred("t", [dict(r) for r in rows], {stale: {"source": "c", "value": "", "reason": "x"}})


def test_among_agreeing_copies_the_argument_picks_the_one_cited():
    rows = [_row("82.4", "confirmed", "translation"), _row("82.4", "confirmed", "original")]
    out = choose_preferred("t", rows, {KEY: {"source": "original", "value": "", "reason": "the original"}})
    assert [r["source"] for r in out if r["preferred"] == "true"] == ["original"]
