"""Graded, deduplicated findings of gulagstats check."""

from __future__ import annotations

import pytest

import gulagstats
from gulagstats.checks.grade import GRADES, findings, grade_of


@pytest.mark.parametrize(
    ("expected", "observed", "grade"),
    [(175487, 175486, "one_unit"), (1334408, 1344408, "one_digit"), (2728, 22728, "one_digit"),
     (725483, 725438, "transposition"), (1053829, 1054050, "within_rounding"), (22.7, 22.0, "minor"),
     (300000, 190266, "major")],
)
def test_grade_of(expected, observed, grade):
    assert grade_of(expected, observed) == grade


def test_findings_are_graded_sorted_and_deduplicated():
    results = gulagstats.check()
    found = findings(results)
    assert len(found) < sum(r.verdict == "discrepancy" for r in results)  # L067.1 repeats the span identity
    order = [list(reversed(GRADES)).index(f.grade) for f in found]
    assert order == sorted(order)
    by_id = {f.result.id: f for f in found}
    repeated = [f for f in found if f.same_as]
    assert any({"prose.L067.1", "identities.span.appendix.gulag_camps.deaths.1934/1953"}
               <= {f.result.id, *f.same_as} for f in repeated)
    assert by_id["prose.L061.1"].grade == "one_unit"
    assert by_id["sources.cases_of_secret_police.sentenced_to_death.1932"].grade == "one_digit"
    assert by_id["identities.components.appendix.all_custodial.inmates.1941-01-01"].mixed_sources


def test_cli_check_shows_the_graded_findings_first():
    from gulagstats.cli import main

    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["check"]) == 0
    text = out.getvalue()
    assert text.startswith("== findings: ") and text.index("one_unit ") > text.index("major ")
