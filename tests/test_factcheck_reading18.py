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

DATA = load_resources()


def _mentions(text: str, language: str = "en") -> list[tuple[str, float, str]]:
    found = find_mentions(text, tokens(text), 0, [], DATA, language)[0]
    return [(m.text, m.low, m.bound) for m in found]


# 1. A filler between a number and its scale word is part of the number, and makes it a floor.


@pytest.mark.parametrize(
    ("text", "language", "read", "value"),
    [
        ("В лагерях умерло четыреста с лишним тысяч человек.", "ru", "четыреста с лишним тысяч", 400_000),
        ("Арестовано было 300 с лишним тысяч крестьян.", "ru", "300 с лишним тысяч", 300_000),
        ("Погибли тридцать с лишним миллионов.", "ru", "тридцать с лишним миллионов", 30_000_000),
        ("Выслали двести с небольшим тысяч семей.", "ru", "двести с небольшим тысяч", 200_000),
        ("Осуждено 70 с лишним тыс. человек.", "ru", "70 с лишним тыс.", 70_000),
        ("Some 400-odd thousand peasants were deported.", "en", "400-odd thousand", 400_000),
        ("Thirty-odd million people died.", "en", "Thirty-odd million", 30_000_000),
    ],
)
def test_a_filler_before_a_scale_word_joins_the_number(text: str, language: str, read: str, value: int) -> None:
    assert [(n.text, n.value, n.floor) for n in read_numerals(text, language) if n.value >= 1000] == [
        (read, float(value), True)
    ]
    assert (read, float(value), "low") in _mentions(text, language)


@pytest.mark.parametrize(
    ("text", "language", "read", "value"),
    [
        ("Расстреляли триста с лишним человек.", "ru", "триста", 300),  # no scale word: 300 and more
        ("Арестовали 250 с лишним крестьян.", "ru", "250", 250),
        ("Some 300 odd people were shot.", "en", "300", 300),
        ("Прошло сто с лишним лет.", "ru", "сто", 100),  # years, not a scale word
        ("After a 20-odd year career he was shot.", "en", "20", 20),
    ],
)
def test_a_filler_before_anything_else_leaves_the_number(text: str, language: str, read: str, value: int) -> None:
    numbers = [(n.text, n.value, n.floor) for n in read_numerals(text, language)]
    assert numbers == [(read, float(value), False)]


def test_a_filler_without_a_scale_word_still_bounds_from_the_lexicon() -> None:
    assert ("триста", 300.0, "low") in _mentions("Расстреляли триста с лишним человек.", "ru")


def test_a_filler_bounds_as_the_lexicon_after_row_does() -> None:
    # "около трехсот с лишним человек" is read low by the lexicon's "after" row; a scaled number is read alike
    assert ("шестисот с лишним тысяч", 600_000.0, "low") in _mentions(
        "Арестовали около шестисот с лишним тысяч человек.", "ru"
    )
