"""Round 14's period rules (issue 20): an open period stated from a date ("since 1921") dates the claims of a
sentence that goes on with it ("Of these, ..."), open and never judged; "his death toll" after Stalin and "Stalin is
responsible for" read his rule, weakly (under the judging gate)."""

from __future__ import annotations

from datetime import date

import pytest

from gulagstats.factcheck.frame_periods import OPEN, carried, context_for
from gulagstats.factcheck.judgment import JUDGING_CONFIDENCE
from gulagstats.factcheck.periods import Period
from gulagstats.factcheck.run import check_text

from .test_factcheck_stages import assert_linear

STALIN_RULE = "1924-01-01/1953-03-05"
SINCE = "The MVD counted everyone convicted of counter-revolutionary crimes since 1921."


def _periods(text: str) -> dict[str, tuple[str, str, float]]:
    return {
        f.mention: (f.period, f.period_how, f.period_confidence)
        for f in check_text(text, "a.txt").frames
    }


# --- an open period carried into "Of these, ..." -------------------------------------------------------------


def test_an_open_period_from_a_year_dates_the_sentence_that_goes_on_with_it_open():
    found = _periods(SINCE + " Of these, 642,980 had been executed and 765,180 exiled.\n")
    assert found["642,980"] == ("1921/", "open", 0.0)  # the labels write its start: 1921-01-01/None
    assert found["765,180"] == ("1921/", "open", 0.0)


def test_an_open_period_does_not_reach_a_sentence_of_prose_that_does_not_go_on():
    found = _periods(SINCE + " Some 642,980 had been executed.\n")
    assert found["some 642,980"] == ("", "none", 0.0)


def test_an_open_period_after_a_name_is_not_carried():
    found = _periods("Camps grew after the war. Of these, 642,980 prisoners had been executed.\n")
    assert (
        found["642,980"][0] == ""
    )  # "after the war", "after Stalin's death": the text's subject, not the number's


def test_carried_keeps_an_open_period_only_with_a_stated_start():
    year = Period(10, 20, "1921/", "open", 0.0, None)
    assert carried("since 1921", [year], "1937/1938", "span") == ("", "")  # no day: a name's
    dated = Period(10, 20, "1921/", "open", 0.0, date(1921, 1, 1))
    assert carried("since 1921", [dated], "", "") == ("1921/", OPEN)
    up_to = Period(0, 8, "/1942-12-31", "open", 0.0, date(1942, 12, 31))
    assert carried("by 1942", [up_to], "", "") == ("", "")  # "up to 1942" has no start to carry
    assert context_for("Of these, 5,000.", "1921/", OPEN, goes_on=True) == "1921/"
    assert context_for("Some 5,000 were shot.", "1921/", OPEN) == ""


def test_a_year_after_an_open_period_replaces_it():
    found = _periods(SINCE + " In 1937, 353,074 were shot. Of these, 10,000 were Poles.\n")
    assert found["10,000"][0] == "1937"


# --- Stalin as the agent --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "There are Stalin revisionists who would downsize his death toll from the commonly accepted "
            "10-20 million to a few hundred thousand.\n",
            "10-20 million",
        ),
        ("Fact check: Stalin is responsible for over 40 million deaths.\n", "over 40 million"),
    ],
)
def test_stalin_as_the_agent_reads_his_rule_under_the_gate(text, mention):
    period, how, confidence = _periods(text)[mention]
    assert (period, how) == (STALIN_RULE, "named period")
    assert (
        confidence < JUDGING_CONFIDENCE
    )  # it dates the claim for the reader; no verdict rests on it


def test_his_death_toll_with_no_ruler_named_reads_no_period():
    found = _periods(
        "Revisionists would downsize his death toll from the accepted 10-20 million.\n"
    )
    assert found["10-20 million"][0] == ""


# --- hostile input --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "since 1921",
        "Of these, 5,000.",
        "since\u00a01921.\u200b Of these,\u202f5\u202f000 were shot.",
        "5,000 since 1921. Of these, 1",
        "\ufeffsince 1921. Of these, 642,980 had been executed",
    ],
)
def test_hostile_texts_give_a_period_that_is_a_string(text):
    for period, how, confidence in _periods(text).values():
        assert isinstance(period, str) and how and 0.0 <= confidence <= 1.0
        assert how != "open" or confidence == 0.0


def test_carried_on_empty_input():
    assert carried("", [], "", "") == ("", "")


def test_open_carry_is_linear():
    assert_linear(lambda t: check_text(t, "a.txt"), SINCE + " Of these, 5,000 were shot.\n", 20, 2)
