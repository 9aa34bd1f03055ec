"""Round 10, reading: counts of people no word says the fate of, and numbers that are not counts."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from gulagstats.factcheck.judgment import JUDGING_CONFIDENCE
from gulagstats.factcheck.mentions import Mention, find_mentions
from gulagstats.factcheck.phrases import tokens
from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text, factcheck
from gulagstats.factcheck.unsaid import UNSAID_QUANTITY
from tests.test_factcheck_stages import assert_linear

DATA = load_resources()


def _read(text: str) -> list[tuple[str, str]]:
    return [(f.mention, f.quantity) for f in check_text(text, "t.txt", DATA).frames]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Затронувший миллионы людей Большой террор 1937–1938 гг. остается травмой.", "миллионы"),
        ("Власти нужно было объяснить, почему это вдруг миллионы людей стали врагами.", "миллионы"),
        ("Они вершили судьбы тысяч людей, руководствуясь не законом.", "тысяч"),
        (
            "She saw the conditions in which thousands of women were forced to find themselves.",
            "thousands",
        ),
        ("Over 18,000 women spent some time in the camp during its existence.", "over 18,000"),
        ("Over 2,000 of the women were ethnic Koreans.", "over 2,000"),
        (
            "В годы войны в край переселили около 70 тыс. человек из республики немцев Поволжья.",
            "около 70 тыс.",
        ),
    ],
)
def test_a_count_of_people_with_no_word_of_their_fate_is_found(text: str, mention: str) -> None:
    assert (mention, UNSAID_QUANTITY) in _read(text)


def test_such_a_count_is_listed_but_never_judged() -> None:
    text = "In 1937-1938 millions of people suffered. Over 18,000 women spent some time in the camp in 1937-1938."
    frames = check_text(text, "t.txt", DATA).frames
    assert len(frames) == 2
    assert all(f.confidence < JUDGING_CONFIDENCE for f in frames)
    assert all("no word says what befell them" in " ".join(f.notes) for f in frames)
    assert set(_verdicts(text)) == {"not_judged"}


def _verdicts(text: str) -> list[str]:
    """The verdicts of one text, through the whole pipeline (read from a temporary file)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.txt"
        path.write_text(text, encoding="utf-8")
        return list(factcheck([path]).verdicts["verdict"])


@pytest.mark.parametrize(
    "text",
    [
        "of 1,966 delegates to the congress, 1,108 were arrested.",  # the whole a part is taken from: not a count of the repressed
        "Twelve men were named. 12 people live here.",  # under a thousand in digits
        "Some 40% of people were arrested.",  # a share
    ],
)
def test_not_every_number_before_a_word_of_people_is_a_count_no_word_explains(text: str) -> None:
    assert all(q != UNSAID_QUANTITY or m.startswith("1,108") for m, q in _read(text))


def test_the_enumeration_still_gives_its_cue_before_the_fallback() -> None:
    # "681,692 people, or 86.7 percent ..., were shot": the share's verb, not the fallback
    assert _read("Some 681,692 people, or 86.7 percent of the number, were shot in 1937-1938.")[
        0
    ] == ("some 681,692", "executions")


@pytest.mark.parametrize(
    "text",
    [
        "Robert Conquest, Historian, Died at 98",  # an age
        "One careless comment could land you in the gulag for 10 or even 25 years.",  # a pair whose noun is years
        "12 Who were the main victims of the Great Terror?",  # a numbered question
        "One died before he could be executed; four more were sent to other parts of the Gulag.",  # an anecdote
        "A sign read: Memorial Historical Centre of Political Repression Perm-36.",  # a name
        "Жертв политических репрессий вспоминают 30 октября в России.",  # a day of a month
        "Сколько же миллионов подверглось этим видам репрессий?",  # a question
    ],
)
def test_numbers_that_are_not_counts_of_people_give_no_claim(text: str) -> None:
    assert _read(text) == []


def test_a_large_pair_and_a_count_of_people_in_words_are_still_read() -> None:
    assert _read("Between 10 or even 25 thousand people were shot in 1937.")
    assert _read("Five hundred people were shot in 1937.") == [("Five hundred", "executions")]


@pytest.mark.parametrize(
    "unit",
    [
        "millions of people, ",
        "миллионы людей тысяч людей ",
        "18,000 women 10 or even 25 years, ",
        "12 Who? died at 98 ",
        "1953 (first half) | 8000 | 190 |\nTOTAL | 1 | 2 |\n",
        "12 Who ",  # numbers before capitalised words in one long sentence: each checks only the sentence's start
    ],
)
def test_the_new_rules_stay_linear(unit: str) -> None:
    assert_linear(lambda text: check_text(text, "t.txt", DATA), unit, 500)


#: Invented counts in the layout of Kurashvili's table: the last year row names a half of the year, a total follows.
_HALF_YEAR_TABLE = (
    "Years | Total sentenced (persons) | Death sent. | Other measures |\n"
    "---|---|---|---|\n"
    "1950 | 60000 | 400 | 500 |\n"
    "1951 | 50000 | 1600 | 600 |\n"
    "1952 | 28000 | 1600 | 590 |\n"
    "1953 (first half) | 8000 | 190 | 270 |\n"
    "TOTAL | 146000 | 3790 | 1960 |\n"
)


def test_a_half_year_row_is_read_with_its_months_and_the_total_to_its_end() -> None:
    read = {
        f.mention: (f.quantity, f.period, f.period_how)
        for f in check_text(_HALF_YEAR_TABLE, "t.txt", DATA).frames
    }
    assert read["8000"][1:] == ("1953-01/1953-06", "table")
    assert read["190"] == ("executions", "1953-01/1953-06", "table")
    # the total: from the first row's year to the end of the half year, each cell its column's noun
    assert read["146000"][1] == read["3790"][1] == "1950/1953-06"
    assert read["3790"][0] == "executions"
    assert read["146000"][0] != "executions"


def test_a_second_half_and_a_russian_half_year_are_read_and_another_bracket_is_not() -> None:
    second = _HALF_YEAR_TABLE.replace("(first half)", "(second half)")
    assert {f.mention: f.period for f in check_text(second, "t.txt", DATA).frames}[
        "190"
    ] == "1953-07/1953-12"
    russian = _HALF_YEAR_TABLE.replace("(first half)", "(I полугодие)")
    assert {f.mention: f.period for f in check_text(russian, "t.txt", DATA).frames}[
        "190"
    ] == "1953-01/1953-06"
    guessed = _HALF_YEAR_TABLE.replace("(first half)", "(estimate)")
    periods = {f.mention: f.period for f in check_text(guessed, "t.txt", DATA).frames}
    assert "190" not in periods or not periods["190"].startswith(
        "1953-0"
    )  # never a half year it does not state


def test_a_day_a_name_and_a_question_leave_the_counts_beside_them() -> None:
    assert _read("On 30 October 1937, 1,000 people were shot.") == [("1,000", "executions")]
    assert _read("In Perm-36, 3,000 prisoners died in 1942.")[0][0] == "3,000"
    assert _read("Сколько же их было? Расстреляно 681 692 человека.") == [("681 692", "executions")]


def test_a_rate_of_people_with_no_word_of_their_fate_is_found_and_keeps_its_unit() -> None:
    frames = check_text("Да. По 100 тысяч человек в месяц примерно.", "t.txt", DATA).frames
    assert [(f.mention, f.unit, f.quantity) for f in frames] == [
        ("100 тысяч", "per_month", UNSAID_QUANTITY)
    ]
    assert frames[0].confidence < JUDGING_CONFIDENCE


def test_a_vague_word_repeated_says_many() -> None:
    frames = check_text(
        "Stalin was responsible for the deaths of millions upon millions of his people.",
        "t.txt",
        DATA,
    ).frames
    assert [(f.mention, f.low, f.high) for f in frames] == [
        ("millions upon millions", 2_000_000, 99_999_999)
    ]
    assert [(m.text, m.high) for m in _mentions("Миллионы и миллионы людей погибли.")] == [
        ("Миллионы и миллионы", 99_999_999)
    ]
    # two different words are two mentions
    assert len(_mentions("Тысячи и миллионы людей погибли.")) == 2


def _mentions(text: str) -> list[Mention]:
    return find_mentions(text, tokens(text), 0, [], DATA, "ru")[0]
