"""Round 13 of the fact-checker's quantities (issue 20): a count of people whose verb stands far after it, past the
cue window ("29,839 members of families of ... were deported"), is read by that verb, still not judged; hostile
input."""

from __future__ import annotations

import pytest

from gulagstats.factcheck.run import check_text
from gulagstats.factcheck.unsaid import PREDICATE_REACH, UNSAID_CONFIDENCE, UNSAID_QUANTITY

LONG_SUBJECT = (
    "On June 12-13, 1941, 29,839 members of families of counter-revolutionaries and nationalists from the "
    "Moldavian SSR, and from the Chernivtsi and Izmail oblasts of the Ukrainian SSR {verb} to Kazakhstan."
)


def _frames(text: str):
    return check_text(text, "t.txt").frames


def _one(text: str):
    [f] = _frames(text)
    return f


def test_the_verb_of_the_clause_far_after_a_count_of_people_says_what_it_counts():
    f = _one(LONG_SUBJECT.format(verb="were deported"))
    assert (f.mention, f.quantity) == ("29,839", "deportations")
    assert (
        f.confidence <= UNSAID_CONFIDENCE
    )  # read further than the cue window: listed, never judged
    assert any("verb of its clause further on ('deported')" in n for n in f.notes)
    assert not any("carried from the enumeration" in n for n in f.notes)


def test_an_adverb_may_stand_between_the_auxiliary_and_the_verb():
    f = _one(LONG_SUBJECT.format(verb="were forcibly deported"))
    assert f.quantity == "deportations"


def test_without_an_auxiliary_the_count_stays_unsaid():
    # "deported" with no "were" before it may be a noun's adjective, not the clause's verb
    f = _one(LONG_SUBJECT.format(verb="and the deported lived"))
    assert (f.quantity, f.confidence) == (UNSAID_QUANTITY, UNSAID_CONFIDENCE)
    assert any("no word says what befell them" in n for n in f.notes)


@pytest.mark.parametrize("gap", ["; later their neighbours", ", whose neighbours"])
def test_another_clause_or_a_relative_clause_of_other_people_parts_the_verb(gap):
    f = _one(LONG_SUBJECT.format(verb=f"{gap} were deported"))
    assert f.quantity == UNSAID_QUANTITY


def test_a_verb_beyond_the_reach_is_not_read():
    far = " and".join([" from the district of Izmail"] * (PREDICATE_REACH // 4 + 1))
    f = _one(f"29,839 members of families{far} were deported to Kazakhstan.")
    assert f.quantity == UNSAID_QUANTITY


def test_the_next_number_bounds_the_search():
    # the verb after "8,000" is that number's: 18,000 women stay unsaid
    got = {
        f.mention: f.quantity
        for f in _frames("Over 18,000 women of the camp, of whom 8,000 were shot in 1938.")
    }
    assert got.get("Over 18,000", got.get("18,000")) != "executions"


def test_russian_auxiliary():
    f = _one(
        "Летом 1941 года 29 839 человек из числа членов семей контрреволюционеров и националистов из Молдавской ССР, "
        "а также из Черновицкой и Измаильской областей Украинской ССР были выселены в Казахстан."
    )
    assert f.quantity == "deportations" and f.confidence <= UNSAID_CONFIDENCE


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "were deported",
        "29,839 people",
        "\u200b29,839 members\u00a0were\u2009deported",
        "مليون were deported 29,839",
    ],
)
def test_hostile_input_does_not_break(text):
    for f in _frames(text):
        assert 0 < f.confidence <= 1


def test_a_huge_text_stays_linear():
    text = (
        LONG_SUBJECT.format(verb="were deported")
        + " "
        + ("word " * 20000)
        + "12,000 people were deported."
    )
    got = [f.quantity for f in _frames(text)]
    assert got.count("deportations") == 2
