"""Round 13's period rules (issue 20): a text's lead sentence that defines its subject ("The Katyn massacre was a
series of mass executions ... between April and May 1940") dates the claims the text leaves undated, weakly (under
the judging gate), and "between April and May 1940" is one span."""

from __future__ import annotations

import pytest

from gulagstats.factcheck.dates import find_dates
from gulagstats.factcheck.judgment import JUDGING_CONFIDENCE
from gulagstats.factcheck.line_periods import LEAD_LINE, SUBJECT_CONFIDENCE, lead_period
from gulagstats.factcheck.periods import find_periods
from gulagstats.factcheck.phrases import tokens
from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text

KATYN = (
    "Katyn massacre\n"
    "The Katyn massacre was a series of mass executions of Poles carried out by the Soviet Union between April and "
    "May 1940. The massacre is named after the Katyn forest.\n\n"
    "The order was secretly issued by the Politburo.\n\n"
    "Of the total killed, about 8,000 were officers, another 6,000 were police officers.\n"
)


def _periods(text: str) -> list[tuple[str, str, str, float]]:
    return [
        (f.mention, f.period, f.period_how, f.period_confidence)
        for f in check_text(text, "a.txt").frames
    ]


def _read(line: str):
    data = load_resources()
    return find_periods(line, tokens(line), 0, None, "", data)


# --- "between April and May 1940" -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "carried out between April and May 1940",
        "between April and May of 1940",
        "расстреляны между апрелем и маем 1940 года",
    ],
)
def test_between_two_neighbouring_months_is_one_span(sentence):
    assert [(d.period, d.kind) for d in find_dates(sentence, None)] == [
        ("1940-04-01/1940-05-31", "span")
    ]


def test_between_two_years_is_still_a_span_and_one_month_alone_a_month():
    assert [d.period for d in find_dates("between May 1937 and November 1938", None)] == [
        "1937-05-01/1938-11-30"
    ]
    assert [(d.period, d.kind) for d in find_dates("between May 1940", None)] == [
        ("1940-05-01/1940-05-31", "month")
    ]


# --- the lead dates the claims left undated -----------------------------------------------------------------


def test_the_lead_dates_claims_with_no_period_of_their_own_under_the_gate():
    found = {m: (p, how, c) for m, p, how, c in _periods(KATYN)}
    assert found["about 8,000"] == ("1940-04-01/1940-05-31", "context", SUBJECT_CONFIDENCE)
    assert found["6,000"][0] == "1940-04-01/1940-05-31"
    assert (
        SUBJECT_CONFIDENCE < JUDGING_CONFIDENCE
    )  # it dates the claim for the reader; no verdict rests on it alone


def test_a_claim_with_its_own_period_keeps_it():
    text = KATYN + "In 1943, 4,143 bodies were exhumed.\n"
    found = {m: (p, how) for m, p, how, _ in _periods(text)}
    assert found["4,143"][0] == "1943"


@pytest.mark.parametrize(
    "lead",
    [
        # no definition: a narrative opening
        "On that day many officers of the Polish army were taken to the forest and shot between April and May 1940.",
        # a year alone (a founding, an opening) is no subject's period
        "Karlag was one of the largest Gulag labour camps, located in Karaganda Oblast; it was established in 1931.",
        # two periods: which is the subject's is unsure
        "The deportations were a series of mass deportations carried out in Lithuania in April 1941 and in May 1948.",
    ],
)
def test_the_lead_gives_no_period_when_unsure(lead):
    assert len(lead) >= LEAD_LINE
    assert lead_period("Title\n" + lead + "\n", _read) == ""


def test_the_lead_is_the_first_long_line_only():
    short = "The massacre was a crime in April and May 1940."  # a caption, under LEAD_LINE
    later = "The deportation of the Crimean Tatars was the ethnic cleansing of at least 191,044 Crimean Tatars in 18–20 May 1944 by the NKVD."
    assert lead_period(short + "\n" + later + "\n", _read) == "1944-05-18/1944-05-20"
    prose = "Many years later the survivors still spoke of the camps and of what they had seen there, every one of them alike."
    assert lead_period(prose + "\n" + later + "\n", _read) == ""


def test_russian_lead_with_a_dash():
    lead = "«Большой террор» — пик массовых политических репрессий в СССР в 1937–1938 годах, осуществлённых при Сталине."
    assert lead_period(lead + "\n", _read) == "1937/1938"


# --- hostile input ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "\u200b\ufeff" * 50,
        "x" * 200,
        "The " + "very " * 5000 + "long massacre was a crime between April and May 1940.",
        "1940",
        "The Katyn massacre was a series of mass executions between April and May 1940 and 22,000",
    ],
)
def test_hostile_leads_do_not_fail(text):
    assert isinstance(lead_period(text, _read), str)
    assert isinstance(_periods(text), list)


def test_a_number_at_the_text_edge_reads_the_lead():
    text = KATYN.rstrip("\n") + "\n22,000"
    assert isinstance(
        _periods(text), list
    )  # a bare number at the end: read or not, it does not fail
    assert lead_period(text, _read) == "1940-04-01/1940-05-31"
