"""Round 18's reading of number forms: a filler meaning "and more" between a number and its scale word
("шестьсот с лишним тысяч", "600-odd thousand"), and tables of counts by category with a share column.

The sentences and tables here are invented in the shapes met on dev, with the near-misses a rule must leave alone.
"""

from __future__ import annotations

import pytest

from gulagstats.factcheck.mentions import find_mentions
from gulagstats.factcheck.numerals import read_numerals
from gulagstats.factcheck.phrases import tokens
from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text

DATA = load_resources()


def _mentions(text: str, language: str = "en") -> list[tuple[str, float, str]]:
    found = find_mentions(text, tokens(text), 0, [], DATA, language)[0]
    return [(m.text, m.low, m.bound) for m in found]


# 1. A filler between a number and its scale word is part of the number, and makes it a floor.


@pytest.mark.parametrize(
    ("text", "language", "read", "value"),
    [
        (
            "В лагерях умерло четыреста с лишним тысяч человек.",
            "ru",
            "четыреста с лишним тысяч",
            400_000,
        ),
        ("Арестовано было 300 с лишним тысяч крестьян.", "ru", "300 с лишним тысяч", 300_000),
        ("Погибли тридцать с лишним миллионов.", "ru", "тридцать с лишним миллионов", 30_000_000),
        ("Выслали двести с небольшим тысяч семей.", "ru", "двести с небольшим тысяч", 200_000),
        ("Осуждено 70 с лишним тыс. человек.", "ru", "70 с лишним тыс.", 70_000),
        ("Some 400-odd thousand peasants were deported.", "en", "400-odd thousand", 400_000),
        ("Thirty-odd million people died.", "en", "Thirty-odd million", 30_000_000),
    ],
)
def test_a_filler_before_a_scale_word_joins_the_number(
    text: str, language: str, read: str, value: int
) -> None:
    assert [
        (n.text, n.value, n.floor) for n in read_numerals(text, language) if n.value >= 1000
    ] == [(read, float(value), True)]
    assert (read, float(value), "low") in _mentions(text, language)


@pytest.mark.parametrize(
    ("text", "language", "read", "value"),
    [
        (
            "Расстреляли триста с лишним человек.",
            "ru",
            "триста",
            300,
        ),  # no scale word: 300 and more
        ("Арестовали 250 с лишним крестьян.", "ru", "250", 250),
        ("Some 300 odd people were shot.", "en", "300", 300),
        ("Прошло сто с лишним лет.", "ru", "сто", 100),  # years, not a scale word
        ("After a 20-odd year career he was shot.", "en", "20", 20),
    ],
)
def test_a_filler_before_anything_else_leaves_the_number(
    text: str, language: str, read: str, value: int
) -> None:
    numbers = [(n.text, n.value, n.floor) for n in read_numerals(text, language)]
    assert numbers == [(read, float(value), False)]


def test_a_filler_without_a_scale_word_still_bounds_from_the_lexicon() -> None:
    assert ("триста", 300.0, "low") in _mentions("Расстреляли триста с лишним человек.", "ru")


def test_a_filler_bounds_as_the_lexicon_after_row_does() -> None:
    # "около трехсот с лишним человек" is read low by the lexicon's "after" row; a scaled number is read alike
    assert ("шестисот с лишним тысяч", 600_000.0, "low") in _mentions(
        "Арестовали около шестисот с лишним тысяч человек.", "ru"
    )


# 2. A breakdown by category: counts, each with its share in brackets and its category, parted by ";" or ",".


def _frames(text: str) -> list[tuple[str, str, str, bool]]:
    return [(f.mention, f.unit, f.scope, f.confidence < 0.6) for f in check_text(text).frames]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        (
            "Из общего числа в 800 000 приговоров 40 000 (5 %) на срок до трех лет; "
            "600 000 (75 %) на срок от 5 до 10 лет; 160 000 (20 %) на срок 25 лет.",
            ["40 000", "600 000", "160 000"],
        ),
        (
            "Of the 400,000 convicted, 100,000 (25%) got up to five years; 300,000 (75%) got ten years.",
            ["100,000", "300,000"],
        ),
        (
            "По статьям: 12 300 (41 %) — шпионаж, 9 000 (30 %) — диверсии, 8 700 (29 %) — террор.",
            ["12 300", "9 000", "8 700"],
        ),
    ],
)
def test_a_breakdown_by_category_lists_each_count_as_a_part(text: str, counts: list[str]) -> None:
    found = _frames(text)
    for count in counts:
        assert (count, "count", "category", True) in found
    assert all(
        listed for _, unit, _, listed in found[1:] if unit == "share"
    )  # the shares: listed, never judged


@pytest.mark.parametrize(
    "text",
    [
        "Умерло 7 980 (4,2 %) заключенных.",  # one count with its rate: no breakdown
        "Prisoners: Russians 830,000 (63%), Ukrainians 180,000 (14%), Poles 40,000 (3%).",  # labels before: not read so
        "In all 681,692 were shot: 353,074 (52%) in 1937; 328,618 (48%) in 1938.",  # by year: wholes of their years
        "Арестовано 936 750 человек (за контрреволюционные преступления – 234 301, за другие – 157 301).",
    ],
)
def test_no_breakdown_by_category(text: str) -> None:
    assert all(scope != "category" for _, _, scope, _ in _frames(text))


def test_a_row_with_its_own_cue_keeps_its_reading() -> None:
    found = {
        f.mention: f
        for f in check_text("По делам: 3 000 (10 %) расстреляны; 27 000 (90 %) освобождены.").frames
    }
    assert (found["3 000"].quantity, found["3 000"].scope) == ("executions", "USSR")


# 3. A table of counts by category written one row a line, with a share column: one claim a count, a part.

_TERMS = """Осуждённые по срокам наказания, 1946–1950 гг.

| Срок | Осуждено | % |
| до 3 лет | 20 500 | 2,1 |
| 5–10 лет | 610 000 | 62,0 |
| 25 лет | 353 000 | 35,9 |
"""
_PEOPLES = """Deportations by people, 1943-1944

People | Deported | Share
Kalmyks | 91,900 | 10.2%
Karachays | 69,300 | 7.7%
Balkars | 37,700 | 4.2%
"""


@pytest.mark.parametrize(
    ("text", "counts"),
    [(_TERMS, ["20 500", "610 000", "353 000"]), (_PEOPLES, ["91,900", "69,300", "37,700"])],
)
def test_a_category_table_gives_a_part_for_each_count(text: str, counts: list[str]) -> None:
    frames = check_text(text).frames
    read = {f.mention: f for f in frames}
    for count in counts:
        f = read[count]
        assert (f.unit, f.confidence < 0.6) == ("count", True)
        assert f.scope != "USSR"  # the row's category (or the people it names) is a part
    assert all(f.unit == "share" for f in frames if f.mention not in counts)  # shares, not counts


def test_a_share_cell_without_its_sign_is_a_share() -> None:
    assert {f.mention for f in check_text(_TERMS).frames if f.unit == "share"} == {
        "2,1",
        "62,0",
        "35,9",
    }


@pytest.mark.parametrize(
    "text",
    [
        _TERMS.replace(
            "Осуждённые по срокам наказания, 1946–1950 гг.\n\n| Срок | Осуждено | % |\n", ""
        ),  # no caption
        _PEOPLES.replace("| Share", "| Year")
        .replace("10.2%", "1943")
        .replace("7.7%", "1943")
        .replace("4.2%", "1944"),
    ],
)
def test_no_category_table(text: str) -> None:
    assert all(f.scope != "category" for f in check_text(text).frames)


# 4. A share with its counts in brackets: "97 % of the sentences (or 58 000 of 60 000)".


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        (
            "В 1946 г. 97 % вынесенных приговоров (или 58 000 из 60 000) были сроки в 10 лет.",
            "58 000",
            "60 000",
        ),
        (
            "About 40 percent of the cases (12,000 out of 30,000) ended in a term of five years.",
            "12,000",
            "30,000",
        ),
    ],
)
def test_a_share_with_its_counts_lists_the_part_and_the_whole(
    text: str, part: str, whole: str
) -> None:
    read = {f.mention: f for f in check_text(text).frames}
    assert (read[part].scope, read[part].confidence < 0.6) == ("category", True)
    assert read[whole].confidence < 0.6
    assert [f.unit for f in read.values() if f.mention not in (part, whole)] == ["share"]


@pytest.mark.parametrize(
    "text",
    [
        "Приговоров (58 000 из 60 000) было много.",  # no share before the brackets
        "В 1946 г. 97 % вынесенных приговоров (или 60 000 из 58 000) были сроки в 10 лет.",  # the part is larger
        "In 1946, 97 % of the sentences were terms of ten years; 58 000 of 60 000 were upheld.",  # no brackets
    ],
)
def test_no_share_with_its_counts(text: str) -> None:
    assert all(f.scope != "category" for f in check_text(text).frames)


# 5. A word glued after a number grouped by commas (a lost space): the number ends where the word starts.


@pytest.mark.parametrize(
    ("text", "mention", "quantity"),
    [
        ("In 1938, some 45,000prisoners died in the camps.", "45,000", "camp_deaths"),
        ("By the end of 1937, 212,345were shot.", "212,345", "executions"),
    ],
)
def test_a_word_glued_after_a_grouped_number_is_read_apart(
    text: str, mention: str, quantity: str
) -> None:
    assert [(f.mention.split()[-1], f.quantity) for f in check_text(text).frames] == [
        (mention, quantity)
    ]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("a road of 5,000km", ["5,000km"]),  # a unit of two letters stays glued: refused, as before
        ("between 775,866 and 786,098a.", ["775,866", "786,098"]),  # a footnote letter (round 16)
    ],
)
def test_short_glued_letters_are_left_as_they_were(text: str, read: list[str]) -> None:
    assert [n.text for n in read_numerals(text)] == read
