"""Round 19's period rules (issue 20): a flow from an event to a day ("С момента вселения и до 1 октября 1948 г.",
"from the time of their arrival until 1 October 1948") is open up to its end, or the span between its two ends
when its start is dated.  Invented sentences, with near-misses that must not trigger."""

from __future__ import annotations

import pytest

from gulagstats.factcheck.run import check_text


def _periods(text: str) -> dict[str, tuple[str, str]]:
    return {f.mention: (f.period, f.period_how) for f in check_text(text, "a.txt").frames}


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("С момента прибытия на спецпоселение и до 1 января 1950 г. умерло 12 300 ссыльных.", "12 300"),
        ("Со времени высылки по 1 июля 1949 г. там умерло 8 400 спецпереселенцев.", "8 400"),
        ("From the time of their arrival until 1 January 1950, 12,300 exiles died.", "12,300"),
        ("From the moment of the deportation to 1 July 1949, some 8,400 deported settlers died.", "some 8,400"),
    ],
)
def test_a_flow_from_an_undated_event_is_open_up_to_its_end(text: str, mention: str) -> None:
    period, how = _periods(text)[mention]
    assert period.startswith("/") and how == "open"


def test_a_flow_from_a_dated_event_is_the_span_between_them() -> None:
    text = "С момента ареста в марте 1937 г. и до 1 октября 1948 г. в лагерях умерло 45 300 заключённых."
    assert _periods(text)["45 300"][0] == "1937-03-01/1948-10-01"


@pytest.mark.parametrize(
    ("text", "mention", "period"),
    [
        # no opening words: a count on a day
        ("К 1 января 1950 г. в ссылке умерло 12 300 человек.", "12 300", "1950-01-01"),
        # the flow's opening words end their clause before the day
        ("С момента высылки прошло много лет. До 1 января 1950 г. умерло 12 300 ссыльных.", "12 300", "1950-01-01"),
    ],
)
def test_no_flow_without_its_opening_words_in_the_same_clause(text: str, mention: str, period: str) -> None:
    assert _periods(text)[mention][0] == period
