"""Round 18's period rule (issue 20): a duration that refers back ("за 12 лет", "over twelve years") runs from a
single year stated before it for its length, and a period carried from before whose length is not the duration's
is kept under the gate.  Invented sentences of the same shapes as dev's, with near-misses that must not trigger."""

from __future__ import annotations

import pytest

from gulagstats.factcheck.durations import (
    CONFLICT_CONFIDENCE,
    DURATION_CONFIDENCE,
    durations,
    length_of,
)
from gulagstats.factcheck.periods import find_periods
from gulagstats.factcheck.phrases import tokens
from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text

from .test_factcheck_stages import assert_linear

DATA = load_resources()


def _periods(text: str) -> dict[str, tuple[str, str, float]]:
    return {f.mention: (f.period, f.period_how, f.period_confidence) for f in check_text(text, "a.txt").frames}


@pytest.mark.parametrize(
    ("sentence", "last", "period"),
    [
        ("За 15 лет из Прибалтики выслано более 100 тысяч человек.", "1940", "1940/1954"),
        ("В течение десяти лет умерло 40 тысяч ссыльных.", "1945", "1945/1954"),
        ("Over nine years, some 90,000 settlers were sent east.", "1946", "1946/1954"),
        ("Within eleven years 300,000 people were deported.", "1941", "1941/1951"),
    ],
)
def test_a_duration_after_a_year_runs_from_it(sentence: str, last: str, period: str) -> None:
    found = durations(sentence, [], last, DATA)
    assert [(p.period, p.kind, p.confidence) for p in found] == [(period, "relative", DURATION_CONFIDENCE)]


@pytest.mark.parametrize(
    ("sentence", "last"),
    [
        ("За восемь лет расстреляно 20 тысяч человек.", "1930/1931"),
        ("During six months, 5,000 people were shot.", "1937/1938"),
    ],
)
def test_a_duration_of_another_length_leaves_the_carried_period_under_the_gate(sentence: str, last: str) -> None:
    assert [(p.period, p.confidence) for p in durations(sentence, [], last, DATA)] == [(last, CONFLICT_CONFIDENCE)]


@pytest.mark.parametrize(
    ("sentence", "last"),
    [
        ("За три года погибло 30 тысяч человек.", "1941/1943"),  # as long as the period before: nothing to add
        ("In twenty months, 400,000 were arrested.", "1937-08-01/1939-03-31"),
        ("He spent 10 years in the camps, one of 20,000 such prisoners.", "1941"),  # a term, no preposition
        ("Осуждён на 10 лет; таких было 5 тысяч.", "1941"),  # "на 10 лет": a sentence, not a stretch
        ("At 12 years old, 3,000 children were sent away.", "1941"),
        ("Some 2,000 were sentenced for ten years each.", "1941"),  # "for ten years": a term
        ("За 12 лет выслано 200 тысяч человек.", ""),  # nothing stated before
        ("За 12 тысяч рублей продано 5 тысяч книг.", "1941"),  # no unit of time
    ],
)
def test_near_misses_give_no_duration(sentence: str, last: str) -> None:
    assert durations(sentence, [], last, DATA) == []


def test_a_sentence_with_its_own_period_keeps_it() -> None:
    s = "В 1944–1952 годах, за 9 лет, выслано 200 тысяч человек."
    found = find_periods(s, tokens(s), 0, None, "1941", DATA)
    assert [p.period for p in found if p.kind != "document"] == ["1944/1952"]


def test_lengths() -> None:
    assert length_of("1921/1953", "year") == 33
    assert length_of("1937-08-01/1938-11-30", "month") == 16
    assert length_of("", "year") is None


def test_the_text_reads_a_duration_after_a_year() -> None:
    text = (
        "Депортации из Прибалтики начались в 1941 году.\n\n"
        "За 12 лет из стран Балтии на спецпоселение было отправлено более 150 тысяч человек.\n"
    )
    period, how, confidence = _periods(text)["более 150 тысяч"]
    assert (period, how) == ("1941/1952", "relative") and confidence < 0.6


def test_linear() -> None:
    assert_linear(lambda s: durations(s, [], "1941", DATA), "За 12 лет выслано 200 тысяч человек. ", 200)
