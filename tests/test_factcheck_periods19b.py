"""Round 19's second wave of period rules (issue 20): the time in exile after a deportation stated before, on a day
or a few days, is open from their first day, never judged.  Invented sentences, with near-misses that must not
trigger."""

from __future__ import annotations

import pytest

from gulagstats.factcheck.run import check_text


def _periods(text: str) -> dict[str, tuple[str, str, float]]:
    return {
        f.mention: (f.period, f.period_how, f.period_confidence)
        for f in check_text(text, "a.txt").frames
    }


@pytest.mark.parametrize(
    ("text", "mention", "period"),
    [
        (
            "The Kalmyks were deported on 28-29 December 1943. Harsh conditions in exile killed 12,300 of them.",
            "12,300",
            "1943-12-28/",
        ),
        (
            "On 2 June 1949 the families were deported. Some 8,400 died in the special settlements.",
            "some 8,400",
            "1949-06-02/",
        ),
        (
            "Выселение провели 18–20 мая 1944 года. В ссылке умерло 8 400 человек.",
            "8 400",
            "1944-05-18/",
        ),
        (
            "Их выслали 2 июня 1949 года. На спецпоселении умерло 3 100 высланных.",
            "3 100",
            "1949-06-02/",
        ),
    ],
)
def test_the_time_in_exile_after_an_operations_days_is_open(
    text: str, mention: str, period: str
) -> None:
    assert _periods(text)[mention][:2] == (period, "open")


@pytest.mark.parametrize(
    ("text", "mention", "period"),
    [
        # the days themselves: no word of exile
        (
            "The Kalmyks were deported on 28-29 December 1943. During the deportation, 1,200 of them died.",
            "1,200",
            "1943-12-28/1943-12-29",
        ),
        # after a span of years, within it
        (
            "From 1941 to 1952 the families were deported to Siberia. Some 28,000 died in exile.",
            "some 28,000",
            "1941/1952",
        ),
        # a year of its own
        (
            "The Kalmyks were deported on 28-29 December 1943. In 1945, 12,300 died in exile.",
            "12,300",
            "1945",
        ),
        (
            "Выселение провели 18–20 мая 1944 года. В 1946 году в ссылке умерло 8 400 человек.",
            "8 400",
            "1946",
        ),
    ],
)
def test_no_open_exile_without_an_operations_days_before_it(
    text: str, mention: str, period: str
) -> None:
    assert _periods(text)[mention][0] == period


def test_the_exile_leaves_the_days_to_the_sentences_after_it() -> None:
    text = (
        "The Kalmyks were deported on 28-29 December 1943. Harsh conditions in exile killed 12,300 of them. "
        "Of the deportees, 2,000 were soldiers."
    )
    assert _periods(text)["2,000"][0] == "1943-12-28/1943-12-29"


def test_a_stock_in_the_settlements_is_counted_on_the_day_carried() -> None:
    text = "На 1 января 1953 года в лагерях было 2,4 млн заключённых. В спецпоселениях содержалось ещё 2,7 млн человек."
    assert _periods(text)["2,7 млн"][:2] == ("1953-01-01", "context")
