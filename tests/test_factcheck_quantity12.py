"""Round 12 of the fact-checker's quantities, scopes and modality (issue 20): parts named before the number's noun
(political executions, extrajudicial sentences), filtration camps, hypotheticals, and whose deaths a word of dying
counts as data rather than Python; hostile input."""

from __future__ import annotations

import pytest

from gulagstats.factcheck import frames
from gulagstats.factcheck.quantity_rules import deaths_beside, deaths_of_own_noun
from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text


def _frames(text: str):
    return check_text(text, "t.txt").frames


def _one(text: str):
    [f] = _frames(text)
    return f


def test_whose_deaths_a_word_of_dying_counts_is_data():
    # round 11's review: the quantities live in quantity_rules.csv, not beside DEATHS_OF in Python
    assert not hasattr(frames, "PRISONERS") and not hasattr(frames, "DEATHS_OF")
    rows = {(r["match"], r["part"]): r["becomes"] for r in load_resources().quantity_rules.rows}
    assert rows[("beside", "deportations")] == "deportation_deaths"
    assert rows[("own_noun", "gulag_population")] == "gulag_deaths"


def test_the_rules_need_the_word_of_dying_in_the_numbers_own_clause():
    data = load_resources()
    dying_apart = {("regime_deaths", True), ("repressed_total", False)}
    assert deaths_beside(data, "regime_deaths", dying_apart) is None
    assert deaths_beside(
        data, "repressed_total", {("regime_deaths", False), ("repressed_total", True)}
    ) == ("custodial_deaths")
    near = {("regime_deaths", False), ("gulag_population", False)}
    assert (
        deaths_of_own_noun(data, "executions", near, {"gulag_population"}) is None
    )  # another quantity read


def test_the_rules_still_read_the_deported_and_the_prisoners_deaths():
    assert (
        _one("During the deportation of 1944, 100,000 people died.").quantity
        == "deportation_deaths"
    )
    assert (
        _one("С 1934 по 1953 г. около 1,6 миллиона заключенных погибли.").quantity == "gulag_deaths"
    )


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        (
            "Applebaum counts 786,098 political executions from 1934 to 1953.",
            "political executions",
        ),
        (
            "В 1937-1938 годах во внесудебном порядке было осуждено 1,3 млн человек.",
            "extrajudicial sentences",
        ),
        (
            "В 1937-1938 годах 1,3 млн человек осуждены внесудебными органами.",
            "extrajudicial sentences",
        ),
        (
            "In 1937-1938, 1.3 million people were sentenced extrajudicially.",
            "extrajudicial sentences",
        ),
        ("In 1945, 2 million people passed through filtration camps.", "filtration camps"),
        ("В 1945 году 2 млн человек прошли через фильтрационные лагеря.", "filtration camps"),
    ],
)
def test_a_part_named_before_or_after_the_numbers_noun_is_a_part(text, detail):
    f = _one(text)
    assert (f.scope, f.scope_detail) != ("USSR", "")
    assert f.scope_detail == detail


def test_courts_and_extrajudicial_bodies_together_are_the_whole():
    f = _one("В 1921-1953 годах было осуждено судебными и внесудебными органами 4 060 306 человек.")
    assert (f.quantity, f.scope) == ("repressed_total", "USSR")


@pytest.mark.parametrize(
    "text",
    [
        "As many as 40,000 more may have been executed unofficially in 1937.",
        "In 1938, another 50,000 might have been shot.",
        "В 1937 году, возможно, было расстреляно 700 тысяч человек.",
        "В 1937-1938 годах могло быть расстреляно до 1 млн человек.",
        "Were we to extrapolate, 300,000 more people were arrested in 1937.",
        "Экстраполируя эти данные, можно получить 300 тысяч арестованных в 1937 году.",
    ],
)
def test_a_hypothetical_is_not_stated(text):
    assert _one(text).modality == "hypothetical"


@pytest.mark.parametrize(
    "text",
    [
        "Between 1934 and 1939 as many as 12 million people may have died.",  # the older rule: read as claimed
        "Это стало невозможно: в 1937 году было расстреляно 353 074 человека.",  # "невозможно" is another word
        "В 1937 году было расстреляно 353 074 человека.",
    ],
)
def test_a_plain_or_older_form_stays_stated(text):
    assert _one(text).modality == "stated"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\u200b\ufeff\u00a0",
        "political executions",
        "786,098 political executions",  # a number at the text's start
        "осуждены во внесудебном порядке 1,3 млн",  # and at its end
        "возможно " * 3000 + "расстреляно 700 тысяч",
        "\u202eфильтрационные лагеря: 2 млн\u202c; may have been 40,000",
    ],
)
def test_hostile_input_gives_frames_or_nothing(text):
    assert all(f.quantity and 0 < f.confidence <= 1 for f in _frames(text))


def test_the_numbers_own_noun_beats_the_noun_of_the_number_before():
    # "deaths in the Gulag" is the 1.7 million's noun; the 390,000 have "deaths during ... resettlement" of their own
    text = (
        "Archives recorded around 1.7 million deaths in the Gulag, some 390,000 deaths during the dekulakization "
        "forced resettlement, and up to 400,000 deaths of persons deported during the 1940s."
    )
    assert [f.quantity for f in _frames(text)] == [
        "gulag_deaths",
        "deportation_deaths",
        "deportation_deaths",
    ]


def test_a_number_without_a_noun_of_its_own_still_takes_the_verb_before():
    # no noun right after 328,618: the cue before it is still read (the enumeration, not the own noun rule)
    got = [f.quantity for f in _frames("In 1937, 353,074 people were shot, in 1938, 328,618.")]
    assert got == ["executions", "executions"]
