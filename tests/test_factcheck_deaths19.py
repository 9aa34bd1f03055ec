"""Round 19 (second wave): a word of dying or killing that is a number's own verb or noun.

The first wave found right flags refused by other quantity readings of the claim's own words: a number
whose own word is one of dying ("600,000 prisoners perished", "around four million deaths", "погибло более
миллиона") was also read as a camp population or as persons repressed. The sentences are invented in the same
shapes, each with near-misses where the word of dying is another number's or another clause's.
"""

from __future__ import annotations

import pytest

from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text

DATA = load_resources()


def _readings(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {
        f.mention: (f.quantity, f.quantity_readings) for f in check_text(text, "t.txt", DATA).frames
    }


POPULATIONS = {
    "gulag_population",
    "camp_population",
    "custodial_population",
    "repressed_total",
    "arrests",
}


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("In 1941-1945, 600,000 prisoners perished in labor camps.", "600,000"),
        ("In 1943, 267,000 inmates died in the camps.", "267,000"),
        ("In 1937-1938, 1,000 camp prisoners were shot.", "1,000"),
        (
            "The purge of 1937-1938, a campaign of repression and killings, caused around four million deaths.",
            "around four million",
        ),
        (
            "В 1941-1945 годах в лагерях и колониях ГУЛАГа погибло более двух миллионов человек.",
            "более двух миллионов",
        ),
        (
            "В 1937-1938 годах расстреляно 681 692 человека, арестовано 1 372 382 человека.",
            "681 692",
        ),
    ],
)
def test_a_number_whose_own_word_is_of_dying_is_read_as_no_population(text, mention):
    what, readings = _readings(text)[mention]
    assert what.endswith("_deaths") or what == "executions"
    assert not set(readings) & POPULATIONS


@pytest.mark.parametrize(
    ("text", "mention", "kept"),
    [
        # the word of dying is in the next clause, or after a relative word: another subject's
        (
            "In 1937-1938, 1.5 million prisoners, many of whom died, were held in the camps.",
            "1.5 million",
            "gulag_population",
        ),
        # "shot and" the next number: "shot" is the 4,000's verb, not the 10,000's
        (
            "In 1937-1938, 4,000 Finns were shot and over 10,000 deported to prison camps.",
            "over 10,000",
            "deportations",
        ),
        # "or" after the word of dying: either fate
        (
            "In 1930-1933 millions died or were jailed for opposing it.",
            "millions",
            "repressed_total",
        ),
    ],
)
def test_a_word_of_dying_that_is_not_the_numbers_own_leaves_its_readings(text, mention, kept):
    what, readings = _readings(text)[mention]
    assert kept in (what, *readings)


def test_arrests_and_a_later_word_of_dying_stay_arrests():
    what, _ = _readings("In 1937-1938, 7 million were arrested, and many died.")["7 million"]
    assert what == "arrests"
