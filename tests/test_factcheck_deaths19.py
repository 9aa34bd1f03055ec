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


# --- 2. a relative clause of place: the camps before "in which", "where", "где" ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In 1930-1953 the camps in which nearly 2 million died were many.",
        "In 1930-1953 the camps, where nearly 2 million people died, grew.",
        "В 1930-1953 годах лагеря, где погибло более миллиона человек, росли.",
        "В 1930-1953 годах лагеря, в которых погибло более миллиона человек, росли.",
    ],
)
def test_the_camps_before_a_relative_clause_are_where_its_deaths_were(text):
    (what, readings), *_ = _readings(text).values()
    assert what == "camp_deaths"
    assert "regime_deaths" not in readings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two places of custody: no one place
        (
            "Between 1930 and 1953 prisons and camps, where more than a million perished, were built.",
            "regime_deaths",
        ),
        # one camp: a part, not the camps' deaths
        ("In 1930-1953 the camp, where 2,000 people died, grew.", "regime_deaths"),
        # the relative clause counts those held there, not deaths
        (
            "In 1930-1953 the camps, in which nearly 2 million prisoners were held, grew.",
            "gulag_population",
        ),
    ],
)
def test_a_relative_clause_that_names_no_one_place_of_deaths_leaves_the_reading(text, expected):
    (what, _), *_ = _readings(text).values()
    assert what == expected


# --- 3. "killed during this time" after a sentence that names the purges ------------------------------------------


def _quantities(text: str) -> list[str]:
    return [f.quantity for f in check_text(text, "t.txt", DATA).frames]


def test_a_killing_carried_from_the_purges_named_before_is_their_deaths():
    text = "Stalin unleashed the Great Terror. Millions of people were killed during this time."
    assert _quantities(text) == ["custodial_deaths"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word of shooting: executions
        (
            "Stalin unleashed the Great Terror. Millions of people were shot during this time.",
            "executions",
        ),
        # another event named before: the rules of an era or of millions decide
        (
            "Collectivisation began in 1930. Millions of people were killed during this time.",
            "regime_deaths",
        ),
        # a place of custody that is no named period ("in prison")
        (
            "He was held in prison in 1937. Millions of people were killed during this time.",
            "regime_deaths",
        ),
        # the sentence before counts the shot: the killing goes on with them
        (
            "The worst was the Great Purge, when 1,000 people were executed every day. "
            "Some 750,000 people were killed.",
            "executions",
        ),
    ],
)
def test_a_killing_after_no_purge_or_after_a_shooting_is_left(text, expected):
    assert _quantities(text)[-1] == expected
