"""Round 11 of the fact-checker's quantities, scopes and modality (issue 20): the prisoners' deaths, prisons and
camps together, the Katyn massacre's victims, Russian active verbs of deporting and killing; hostile input."""

from __future__ import annotations

import pytest

from gulagstats.factcheck.quantity_rules import of_part
from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text


def _frames(text: str):
    return check_text(text, "t.txt").frames


def _read(text: str) -> list[tuple[str, str]]:
    return [(f.mention, f.quantity) for f in _frames(text)]


def test_prisoners_who_perished_are_the_gulags_dead():
    text = (
        "Of the 14 million prisoners who passed through the Gulag camps from 1930 to 1953, roughly 1.5 to 1.7 "
        "million prisoners perished there or died soon after they were released."
    )
    assert ("roughly 1.5 to 1.7 million", "gulag_deaths") in _read(text)


def test_a_word_of_dying_beside_prisoners_counts_their_deaths():
    # "заключенных ... погибли" with words between: not the regime's deaths
    assert _read("С 1934 по 1953 г. около 1,6 миллиона заключенных, по этим оценкам, погибли.") == [
        ("около 1,6 миллиона", "gulag_deaths")
    ]


def test_a_place_named_wins_over_the_prisoners():
    # the camps named: their deaths, as before round 11
    got = _read("In 1950, 1,500,000 prisoners were held in the camps, of whom 100,000 died.")
    assert got == [("1,500,000", "gulag_population"), ("100,000", "camp_deaths")]


def test_dying_without_prisoners_stays_the_regimes_deaths():
    assert _read("In the 1930s, 3 million people died.") == [("3 million", "regime_deaths")]


@pytest.mark.parametrize(
    "text",
    [
        "В январе 1937 года в тюрьмах и лагерях находилось 5 миллионов человек.",
        "К концу 1939 года число заключённых в тюрьмах и отдельных концентрационных лагерях выросло до 9 млн человек.",
        "By the end of 1939, the number of prisoners in prisons and separate concentration camps increased to 9 million.",
    ],
)
def test_prisons_and_camps_together_are_not_the_prisons_alone(text):
    [f] = _frames(text)
    # never judged as the prisons' population; round 15: judged as all in custody, a flag also as the Gulag
    assert (f.quantity, "gulag_population" in f.quantity_readings) == ("custodial_population", True)


def test_the_victims_of_the_katyn_massacre_are_those_shot():
    data = load_resources()
    assert (
        of_part(data, "repressed_total", "operation", "the Katyn massacre (1940)")[0]
        == "executions"
    )
    assert (
        of_part(data, "regime_deaths", "operation", "the Katyn massacre (1940)")[0] == "executions"
    )
    # another operation's victims stay the repressed
    assert (
        of_part(data, "repressed_total", "operation", "the Polish operation")[0]
        == "repressed_total"
    )
    [f] = _frames("The victims of the Katyn massacre numbered about 22,000.")
    assert (f.quantity, f.scope) == ("executions", "operation")


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("В годы войны в Красноярский край депортировали около 70 тыс. человек.", "deportations"),
        ("В 1944 году выселили около 200 тысяч человек.", "deportations"),
        ("В 1937-1938 годах советская власть уничтожила не менее 111 тысяч человек.", "executions"),
        ("В 1937-1938 годах около 30 тысяч человек сослали в лагеря.", "sent_to_camps"),
    ],
)
def test_russian_active_verbs_say_what_the_number_counts(text, quantity):
    [f] = _frames(text)
    assert f.quantity == quantity
    assert (
        f.confidence >= 0.6
    )  # its own verb: read with confidence, not as a count of people of no fate


@pytest.mark.parametrize(
    "text",
    [
        "",
        " \u200b\u00a0\ufeff ",
        "prisoners perished",
        "1,500,000 prisoners perished",  # a number at the text's start
        "В тюрьмах и лагерях 5 млн",  # and at its end
        "депортировали " * 2000 + "70 тыс. человек",
        "\u202eВ тюрьмах и лагерях находилось 5 миллионов человек\u202c. Katyn: 22,000 victims.",
    ],
)
def test_hostile_input_gives_frames_or_nothing(text):
    frames = _frames(text)
    assert all(f.quantity and 0 < f.confidence <= 1 for f in frames)


def test_the_next_numbers_prisoners_are_not_this_ones():
    # "заключенных" is the noun of 450 174 (a monthly average), not the subject of the 2218 who died
    text = "В 1934 году в январе умерло 2218 человек при среднемесячной численности заключенных 450 174."
    assert _read(text)[0] == ("2218", "regime_deaths")


@pytest.mark.parametrize(
    "text",
    [
        "В 1937-1938 годах советская власть уничтожила не менее 111 тысяч человек польского происхождения.",
        "В 1937-1938 годах расстреляно 20 тысяч человек немецкой национальности.",
    ],
)
def test_a_people_named_by_origin_is_a_part(text):
    [f] = _frames(text)
    assert (f.quantity, f.scope) == ("executions", "nationality")
