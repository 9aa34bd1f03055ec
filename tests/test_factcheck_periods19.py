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


@pytest.mark.parametrize(
    ("text", "mention", "period", "confidence"),
    [
        # an adjective of length after a single year runs from it, under the gate
        ("В 1945 году начались выселения. За трехлетний период выслано 120 тысяч человек.", "120 тысяч", "1945/1947", 0.5),
        ("The expulsions began in 1945. Over a three-year period, 120,000 people were deported.", "120,000", "1945/1947", 0.5),
        # after a period of another length it leaves the period carried under the gate
        ("The purge ran in 1935-1936. During the nine-month purge, 30,000 were shot.", "30,000", "1935/1936", 0.3),
        ("Чистка шла в 1935–1936 годах. За полуторагодовой период расстреляно 30 тысяч человек.", "30 тысяч", "1935/1936", 0.3),
    ],
)
def test_an_adjective_of_length_is_a_duration(text: str, mention: str, period: str, confidence: float) -> None:
    found = {f.mention: (f.period, f.period_confidence) for f in check_text(text, "a.txt").frames}
    assert found[mention] == (period, confidence)


@pytest.mark.parametrize(
    "text",
    [
        "In 1945 the trials began. In the ten-year sentences they gave, 120,000 people were sent to camps.",
        "В 1945 году начались суды. В двухлетнем возрасте 120 тысяч детей были высланы с семьями.",
        "In 1945 the expulsions began; a 12-month period is the year itself: in the 12-month period 120,000 were deported.",
    ],
)
def test_a_term_an_age_or_a_length_as_long_as_the_period_is_no_duration(text: str) -> None:
    assert all(f.period_how != "relative" for f in check_text(text, "a.txt").frames)


def test_stalins_repressions_name_his_rule() -> None:
    text = "The historian counted some 25 million victims of Stalin's repressions, arrested, shot or deported."
    assert _periods(text)["some 25 million"] == ("1924-01-01/1953-03-05", "named period")


@pytest.mark.parametrize(
    ("text", "mention", "period"),
    [
        # a span stated beside the name is nearer the number and wins
        ("Stalin's repressions of 1937-1938 took 680,000 lives by shooting.", "680,000", "1937/1938"),
        # "from" after a verb of suffering names a cause, not a start: the span stays
        ("Some 3 million suffered from Stalin's repression from the 1930s through the 1940s.", "some 3 million", "1930/1949"),
    ],
)
def test_stalins_repressions_near_misses(text: str, mention: str, period: str) -> None:
    assert _periods(text)[mention][0] == period
