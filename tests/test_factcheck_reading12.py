"""Round 12, reading: "mil", "десятки" with no word of people, the inverted scale from data, hostile input."""

from __future__ import annotations

import pytest

from gulagstats.factcheck.mentions import find_mentions
from gulagstats.factcheck.numerals import read_numerals
from gulagstats.factcheck.phrases import tokens
from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text
from gulagstats.numberwords import word_table
from tests.test_factcheck_reading11 import mentions_of
from tests.test_factcheck_stages import assert_linear

DATA = load_resources()


def _claims(text: str) -> list[tuple[str, float]]:
    return [(f.mention, f.low) for f in check_text(text, "t.txt", DATA).frames]


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        ("g) at least 1 mil arrested for political crimes", "1 mil", 1_000_000.0),
        ("Stalin killed 20 mil people.", "20 mil", 20_000_000.0),
        ("and g) at least 1 mil", "1 mil", 1_000_000.0),  # cut at the text's end
        ("Some 1,5 mil were arrested", "1,5 mil", 1_500_000.0),
    ],
)
def test_mil_is_a_million(text: str, mention: str, value: float) -> None:
    assert [(n.text, n.value) for n in read_numerals(text) if n.value >= 1] == [(mention, value)]


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        ("Stalin killed 20+ million people", "20+ million", 20e6),
        ("Stalin killed 20-odd million people", "20-odd million", 20e6),
        ("Stalin killed twenty-odd million people", "twenty-odd million", 20e6),
        ("Расстреляно 20+ тысяч человек", "20+ тысяч", 20e3),
    ],
)
def test_plus_or_odd_before_a_scale_word_scales_the_number(
    text: str, mention: str, value: float
) -> None:
    assert (mention, value) in [(m, low) for m, low in _claims(text)]


@pytest.mark.parametrize("text", ["20+ people were shot", "5 + 3 million", "20-odd men", "20+"])
def test_plus_or_odd_without_a_scale_word_right_after_scales_nothing(text: str) -> None:
    assert not [n.text for n in read_numerals(text) if "+" in n.text or "odd" in n.text]


def test_mil_is_no_scale_inside_a_longer_word() -> None:
    assert [n.value for n in read_numerals("Some 20 military officers and 20 miles")] == [
        20.0,
        20.0,
    ]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Stalin killed 1-2M people", 1e6, 2e6),
        ("Stalin killed 5–7m people", 5e6, 7e6),
        ("between 1 and 2M were shot", 1e6, 2e6),
        ("1-2k were shot", 1e3, 2e3),
        ("killed 1-2mln people", 1e6, 2e6),
        ("killed 1.5-2 million people", 1.5e6, 2e6),
    ],
)
def test_the_first_end_of_a_range_takes_a_glued_scale(text: str, low: float, high: float) -> None:
    assert [(m[1], m[2]) for m in mentions_of(text)] == [(low, high)]


@pytest.mark.parametrize(
    "text",
    [
        "В могилах захоронены десятки",  # cut at the text's end, as a page was
        "Погибли десятки.",
        "Десятки были в списке, сотни тысяч в лагерях",
    ],
)
def test_tens_with_no_word_of_people_are_no_count(text: str) -> None:
    assert all(
        not m.startswith(("десятки", "Десятки")) or "тысяч" in m
        for m, _, _ in mentions_of(text, "ru")
    )


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Погибли десятки человек.", "десятки"),
        ("Расстреляны десятки тысяч.", "десятки тысяч"),
        ("Dozens of people were shot.", "Dozens"),
        (
            "Dozens were shot.",
            "Dozens",
        ),  # "were": a small count before a verb of the plural counts people
    ],
)
def test_tens_of_people_or_of_thousands_are_still_counts(text: str, mention: str) -> None:
    assert mention in [m for m, _, _ in mentions_of(text, "ru" if "ы" in text else "en")]


@pytest.mark.parametrize(
    ("word", "scale"),
    [
        ("тысячи", 1_000),
        ("тысяча", 1_000),
        ("тысяч", 1_000),
        ("миллиона", 1_000_000),
        ("миллионов", 1_000_000),
        ("сотни", 100),
        ("сотен", 100),
    ],
)
def test_the_inverted_scale_comes_from_the_number_words(word: str, scale: int) -> None:
    assert word_table()[word].value == scale
    text = f"зона, {word} на три заключенных"
    last = read_numerals(text, "ru")[-1]  # "тысяча" alone is also a thousand before it
    assert (last.text, last.value) == (f"{word} на три", 3.0 * scale)


@pytest.mark.parametrize(
    "text", ["", " ", "\n\n\n", "\u200b", "\ufeff", "\u0301", "mil", "десятки"]
)
def test_empty_or_bare_text_has_no_claim(text: str) -> None:
    assert _claims(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("\uff17\uff10\uff10,\uff10\uff10\uff10 were shot", 700_000.0),  # full-width digits
        ("\u0967\u0966 mil were shot", 10_000_000.0),  # Devanagari digits with "mil"
        ("700.000 were shot", 700_000.0),
        ("212, 950 were shot", 212_950.0),
        ("Stalin killed 20M people.", 20_000_000.0),
        ("The regime killed about 1M a year", 1_000_000.0),
    ],
)
def test_odd_digits_groupings_and_shorthands_are_read(text: str, value: float) -> None:
    assert [low for _, low in _claims(text)] == [value]


@pytest.mark.parametrize(
    "text", ["at least 1 mi", "at least 1 mil", "всего десятк", "Всего 681 692"]
)
def test_a_number_cut_at_the_text_end_stays_inside_it(text: str) -> None:
    for n in read_numerals(text, "ru" if "с" in text else "en"):
        assert n.end <= len(text) and text[n.start : n.end].strip()


def test_one_megabyte_of_text_is_read() -> None:
    text = ("Stalin killed 20 mil people; захоронены десятки, погибли десятки человек. " * 14_000)[
        :1_000_000
    ]
    frames = check_text(text, "t.txt", DATA).frames
    assert len(frames) > 10_000
    assert {f.mention for f in frames} <= {"20 mil", "десятки"}


def test_mil_and_tens_are_read_in_linear_time() -> None:
    assert_linear(
        lambda t: find_mentions(t, tokens(t), 0, [], DATA, "ru"),
        "1 mil, захоронены десятки, десятки человек, ",
        200,
    )
