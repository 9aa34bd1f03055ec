"""Round 11, reading: numbers in words, Russian approximate inversion, "несколько сотен", hostile input."""

from __future__ import annotations

import pytest

from gulagstats.factcheck.mentions import find_mentions
from gulagstats.factcheck.number_lists import range_values, ranges
from gulagstats.factcheck.numerals import read_numerals
from gulagstats.factcheck.phrases import tokens
from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text
from tests.test_factcheck_stages import assert_linear

DATA = load_resources()


def mentions_of(text: str, language: str = "en") -> list[tuple[str, float, float]]:
    found, _ = find_mentions(text, tokens(text), 0, [], DATA, language)
    return [(m.text, m.low, m.high) for m in found]


def _claims(text: str) -> list[tuple[str, str]]:
    return [(f.mention, f.quantity) for f in check_text(text, "t.txt", DATA).frames]


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        (
            "One hundred and thirty-four of the latter were shot on Nov. 3.",
            "One hundred and thirty-four",
            134.0,
        ),
        ("Almost three hundred of its writers were shot in 1937.", "three hundred", 300.0),
        ("Двести пятьдесят из них были расстреляны.", "Двести пятьдесят", 250.0),
    ],
)
def test_numbers_in_words_of_a_hundred_or_more_are_counts(
    text: str, mention: str, value: float
) -> None:
    language = "ru" if "ы" in text else "en"
    assert (mention, value, value) in mentions_of(text, language)


@pytest.mark.parametrize(
    "text",
    [
        "Two of them were shot.",
        "The seventeen categories of the order.",
        "one of the largest camps",
    ],
)
def test_numbers_in_words_under_a_hundred_still_need_people_or_a_cue(text: str) -> None:
    assert mentions_of(text) == []


def test_hundreds_in_words_of_a_thing_are_no_count() -> None:
    assert _claims("The camp stood for three hundred years.") == []


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        ("Это была большая зона, тысячи на три заключенных.", "тысячи на три", 3000.0),
        ("Выселили миллионов пятнадцать крестьян.", "миллионов пятнадцать", 15_000_000.0),
        ("Расстреляли сотни на две человек.", "сотни на две", 200.0),
    ],
)
def test_a_scale_word_said_first_scales_the_number_in_words_after_it(
    text: str, mention: str, value: float
) -> None:
    assert (mention, value, value) in mentions_of(text, "ru")


@pytest.mark.parametrize(
    "text",
    ["сотни тысяч человек", "тысячи 3 человек", "тысячи, три человека"],
)
def test_no_inversion_without_a_number_in_words_right_after(text: str) -> None:
    assert all(n.value != 3000 and "тысячи на" not in n.text for n in read_numerals(text, "ru"))


def test_several_hundred_in_russian_is_a_vague_count() -> None:
    assert mentions_of("было расстреляно несколько сотен человек.", "ru") == [
        ("несколько сотен", 200.0, 999.0)
    ]
    assert mentions_of("несколько сотен тысяч человек", "ru") == [
        ("несколько сотен тысяч", 200_000.0, 999_999.0)
    ]


def test_a_stress_mark_makes_a_word_go_on() -> None:
    assert read_numerals("Ста\u0301линские репрессии", "ru") == []
    assert [n.text for n in read_numerals("сто\u0301 человек, сто человек", "ru")] == ["сто"]


# Hostile input: every reading stage must take it without error and say nothing false.


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\u200b", "\ufeff"])
def test_empty_text_has_no_mention(text: str) -> None:
    assert mentions_of(text) == [] and _claims(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("\uff17\uff10\uff10,\uff10\uff10\uff10 were shot", 700_000.0),  # full-width digits
        ("\u0667\u0660\u0660,\u0660\u0660\u0660 were shot", 700_000.0),  # Arabic-Indic digits
        ("700.000 were shot", 700_000.0),
        ("212, 950 were shot", 212_950.0),
    ],
)
def test_odd_digits_and_groupings_are_read(text: str, value: float) -> None:
    assert [f.low for f in check_text(text, "t.txt", DATA).frames] == [value]


@pytest.mark.parametrize(
    "text", ["In all 681,", "Всего расстреляно 681 692", "Shot: one hundred and", "тысячи на"]
)
def test_a_number_cut_at_the_text_end_is_read_or_left(text: str) -> None:
    for n in read_numerals(text, "ru" if "ы" in text or "т" in text else "en"):
        assert n.end <= len(text) and text[n.start : n.end].strip()


def test_a_number_at_the_very_start_and_end_is_located() -> None:
    text = "1,000,000 died; shot: 681,692"
    found, _ = find_mentions(text, tokens(text), 0, [], DATA)
    assert [text[m.start : m.end] for m in found] == [m.text for m in found]
    assert found[-1].end == len(text)


def test_a_reversed_range_is_not_read() -> None:
    s = "7-5 million"
    ((a, b),) = ranges(read_numerals(s), s)
    assert range_values(a, b) is None


def test_one_megabyte_of_text_is_read() -> None:
    text = ("In 1937, 353,074 people were shot; тысячи на три заключенных. " * 17_000)[:1_000_000]
    frames = check_text(text, "t.txt", DATA).frames
    assert len(frames) > 10_000


def test_inversion_and_words_are_read_in_linear_time() -> None:
    assert_linear(
        lambda t: find_mentions(t, tokens(t), 0, [], DATA, "ru"),
        "тысячи на три, сто двадцать, ",
        200,
    )
