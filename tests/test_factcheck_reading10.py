"""Round 10, reading: counts of people no word says the fate of, and numbers that are not counts."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from gulagstats.factcheck.judgment import JUDGING_CONFIDENCE
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
    ],
)
def test_the_new_rules_stay_linear(unit: str) -> None:
    assert_linear(lambda text: check_text(text, "t.txt", DATA), unit, 500)
