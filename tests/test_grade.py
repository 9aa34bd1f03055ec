"""Graded, deduplicated findings of gulagstats check."""

from __future__ import annotations

import pytest

import gulagstats
from gulagstats.checks.grade import GRADES, findings, grade_of


@pytest.mark.parametrize(
    ("expected", "observed", "grade"),
    [
        (175487, 175486, "one_unit"),
        (1334408, 1344408, "one_digit"),
        (2728, 22728, "one_digit"),
        (725483, 725438, "transposition"),
        (1053829, 1054050, "minor"),  # two exact counts: never rounding (review 2, section 6)
        (2472247, 2468524, "minor"),
        (1727970, 1727290, "minor"),  # a reprint's typo, not rounding
        (170467186, 170557093, "minor"),  # the two 1939 census totals, exact counts 89,907 apart
        (208826650, 208826000, "within_rounding"),  # the same count printed to the thousand
        (22.7, 22.601822, "within_rounding"),  # a share printed to one decimal, 0.1 points off
        (40.7, 40.515888, "minor"),  # 0.18 points: more than the printed digit (as 1949's 0.31)
        (22.7, 22.0, "minor"),
        (300000, 190266, "major"),
    ],
)
def test_grade_of(expected, observed, grade):
    assert grade_of(expected, observed) == grade


def test_findings_are_graded_sorted_and_deduplicated():
    results = gulagstats.check_results()
    found = findings(results)
    assert len(found) < sum(
        r.verdict == "discrepancy" for r in results
    )  # L067.1 repeats the span identity
    order = [list(reversed(GRADES)).index(f.grade) for f in found]
    assert order == sorted(order)
    by_id = {f.result.id: f for f in found}
    repeated = [f for f in found if f.same_as]
    assert any(
        {"prose.L067.1", "identities.span.appendix.gulag_camps.deaths.1934/1953"}
        <= {f.result.id, *f.same_as}
        for f in repeated
    )
    assert by_id["prose.L061.1"].grade == "one_unit"
    assert by_id["sources.cases_of_secret_police.sentenced_to_death.1932"].grade == "one_digit"
    # the 1941 custodial total mixed another prison series into a GRZ cell (review 2, section 5): gone;
    # 1953 still sets Kruglov's derived total against components from two other sources
    assert "identities.components.appendix.all_custodial.inmates.1941-01-01" not in by_id
    assert by_id["identities.components.appendix.camps_and_colonies.inmates.1953-01-01"].mixed_sources


def test_cli_check_shows_the_graded_findings_first():
    import contextlib
    import io

    from gulagstats.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["check"]) == 0
    text = out.getvalue()
    assert text.startswith("== findings: ") and text.index("one_unit ") > text.index("major ")


def test_the_findings_of_review_section_8_are_present():
    r = {x.id: x for x in gulagstats.check_results()}
    increase = r[
        "prose.L061.4"
    ]  # the lower-bound rule: 2,022,976 - (camps + colonies on 1 January 1937)
    assert increase.verdict == "discrepancy" and increase.observed == 2022976 - 1196369 < 1006030
    assert (
        r["prose.L168.internal"].verdict == "discrepancy"
        and r["prose.L168.internal"].observed == 44.4
    )
    # GRZ's yearly 300,000-500,000 prisoners against their one day of February 1938 (548,417) is
    # not held as a contradiction: a peak of one day against a yearly extrapolation (docs/verdicts.md)
    assert "prose.L047.internal" not in r
    assert r["prose.L067.4"].verdict == "consistent"  # 775,866: exact for 1930-1952 once corrected


def test_the_grades_the_review_changed():
    """Review 2, section 6: 11 grades changed; the four artefacts are gone or re-scoped."""
    by_id = {f.result.id: f for f in findings(gulagstats.check_results())}
    # GRZ's 300,000-500,000 prisoners is an addition for the purge years (1936-1939), not for 1 January 1940
    assert "prose.L047.2" not in by_id
    r = {x.id: x for x in gulagstats.check_results()}
    assert r["prose.L047.2"].verdict != "discrepancy" and all(c.period < "1940" for c in r["prose.L047.2"].cells)
    # the 1941 custodial total mixing prison series, and Davies' relayed 1939 figure: gone
    assert "identities.components.appendix.all_custodial.inmates.1941-01-01" not in by_id
    assert not any("camps_and_colonies.inmates.1939-01-01" in i for i in by_id)
    # one year outside a range GRZ print for every year (and their own exception, 1937): minor, not major
    assert by_id["prose.L168.1"].grade == by_id["prose.L168.internal"].grade == "minor"
    for exact in ("identities.components.appendix.camps_and_colonies.inmates.1953-01-01",
                  "identities.parts.nkvd_sentences.cases_of_secret_police.sentenced_total.1921/1953-06-30",
                  "identities.span.appendix.gulag_camps.deaths.1934/1953",
                  "sources.gulag_camps.inmates.1953-01-01", "sources.special_settlements.inmates.1937-01-01",
                  "sources.ussr.residents.1939-01-17",
                  "identities.share.appendix_rates.gulag_camps.counterrevolutionaries_share.1944-01-01"):
        assert by_id[exact].grade == "minor", exact
    assert by_id["identities.share.appendix_rates.camps_and_colonies.counterrevolutionaries_share.1950-01-01"].grade \
        == "within_rounding"
    # the real major findings stay major
    for real in ("prose.L061.4", "sources.gulag_camps.deaths.1952", "sources.gulag_camps.inmates.1946-01-01",
                 "identities.share.appendix_rates.gulag_camps.counterrevolutionaries_share.1946-01-01"):
        assert by_id[real].grade == "major", real


def test_check_csv_and_json_carry_the_grade_and_the_combines_sources_flag():
    import contextlib
    import io
    import json

    import pandas as pd

    from gulagstats.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["check", "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(out.getvalue()), keep_default_na=False).set_index("id")
    found = {f.result.id: f for f in findings(gulagstats.check_results())}
    assert list(table.columns[:4]) == ["family", "verdict", "grade", "combines_sources"]
    graded = table[table.grade != ""]
    assert set(graded.verdict) == {"discrepancy"} and set(found) <= set(graded.index)
    assert graded.loc["prose.L061.4", "grade"] == "major" and bool(graded.loc["prose.L061.4", "combines_sources"])
    assert graded.loc["prose.L067.1", "grade"] == found["identities.span.appendix.gulag_camps.deaths.1934/1953"].grade
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["check", "--format", "json"]) == 0
    rows = {r["id"]: r for r in json.loads(out.getvalue())["results"]}
    assert rows["prose.L061.1"]["grade"] == "one_unit" and rows["prose.L061.1"]["combines_sources"] is False


def test_the_stale_l093_rule_is_repaired_with_the_1939_census():
    """GRZ's 0.77 percent (prose line 93): the camps on 1 January 1939 over the census of 17 January 1939."""
    r = {x.id: x for x in gulagstats.check_results()}["prose.L093.1"]
    camps, census = 1_317_195, 170_467_186
    assert r.observed == pytest.approx(100 * camps / census) and r.verdict == "within_rounding"
    assert {c.source for c in r.cells} >= {"frus1939_census"}
