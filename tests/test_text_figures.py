"""The numbers of the GRZ prose: every quote is on its line and states the recorded value."""

from __future__ import annotations

import csv
import math
import re
from collections import defaultdict

import pytest

import gulagstats
from gulagstats.periods import is_valid_period

from .conftest import PROSE, ROOT, TEXTS_ABSENT

RELATIONS = {"exact", "approx", "lower_bound", "upper_bound", "range_low", "range_high", "order_of_magnitude"}
WHOLE_UNITS = {"persons", "camps", "colonies", "cities", "homes"}

# Numbers written in words, as the prose writes them.
UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
MULTIPLES = {"twice": 2, "double": 2, "doubled": 2, "triple": 3, "tripled": 3, "quadrupled": 4, "half": 0.5}
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10,
}
MAGNITUDES = {
    "tens of thousands": 10_000, "hundreds of thousands": 100_000, "thousands": 1_000,
    "millions": 1_000_000, "hundreds": 100,
}

_DIGITS = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?!\d)(?:\s*(thousand|millions?|billion)\b)?"
)
_PERCENT = re.compile(r"\s*(?:per\s?ce\w*|%)")  # 'percerit' is a typo of the web copy
_RANGE_LINK = re.compile(r"\s*(?:-|–|to|and|or)\s*")
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def _word_value(word: str) -> float | None:
    parts = word.split("-")
    if len(parts) == 2 and parts[0] in UNITS and parts[1] in DENOMINATORS:
        return UNITS[parts[0]] / DENOMINATORS[parts[1]]
    if len(parts) == 2 and parts[0] in TENS and parts[1] in UNITS:
        return TENS[parts[0]] + UNITS[parts[1]]
    if len(parts) == 1:
        return {**UNITS, **TENS, **SCALES, **ORDINALS, **MULTIPLES}.get(word)
    return None


def stated_numbers(text: str) -> list[tuple[float, bool]]:
    """Every number ``text`` states, as ``(value, is_percent)``.

    Reads digits (``2,022,976``, ``34.5``, ``1.7 million``), numbers in words
    (``fourteen``, ``one hundred``, ``twenty-five``, ``four-fifths``), multiples
    (``twice``, ``tripled``, ``half``) and orders of magnitude (``hundreds of
    thousands``).  A number is a percentage if ``percent`` follows it, or follows
    the other end of its range (``20-40 percent``).
    """
    found: list[tuple[float, bool, int, int]] = []
    for m in _DIGITS.finditer(text):
        value = float(m[1].replace(",", "")) * SCALES.get((m[2] or "").rstrip("s"), 1)
        found.append((value, bool(_PERCENT.match(text, m.end())), m.start(), m.end()))
    for i in range(len(found) - 2, -1, -1):  # '20-40 percent', 'from 42.6 to 28.3 percent'
        value, percent, start, end = found[i]
        following = found[i + 1]
        if not percent and following[1] and _RANGE_LINK.fullmatch(text, end, following[2]):
            found[i] = (value, True, start, end)
    lower = text.lower()
    words = list(_WORD.finditer(lower))
    for i, m in enumerate(words):
        value = _word_value(m[0])
        if value is None:
            continue
        nxt = words[i + 1][0] if i + 1 < len(words) else ""
        if m[0] in UNITS and nxt in SCALES:  # 'one hundred'
            value *= SCALES[nxt]
        found.append((value, bool(_PERCENT.match(lower, m.end())), m.start(), m.end()))
    for phrase, value in MAGNITUDES.items():
        for m in re.finditer(rf"\b{phrase}\b", lower):
            found.append((float(value), False, m.start(), m.end()))
    return [(value, percent) for value, percent, _, _ in found]


def states(quote: str, value: float, unit: str) -> bool:
    """True if ``quote`` states ``value`` (as a percentage exactly when ``unit`` is percent)."""
    return any(
        math.isclose(v, value, rel_tol=1e-9) and percent == (unit == "percent")
        for v, percent in stated_numbers(quote)
    )


@pytest.fixture(scope="module")
def figures():
    return gulagstats.load("grz_text_figures")


@pytest.fixture(scope="module")
def prose() -> list[str]:
    if TEXTS_ABSENT:  # every test that reads the prose skips, with the reason
        pytest.skip(TEXTS_ABSENT)
    return PROSE.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(
    "text, value, percent",
    [
        ("was 2,022,976 persons", 2022976, False),
        ("34.5 percent of the camp population", 34.5, True),
        ("More than 1.7 million persons", 1_700_000, False),
        ("increased in fourteen of the years", 14, False),
        ("they then held twice that number", 2, False),
        ("four-fifths of this cohort", 0.8, False),
        ("exceeded one hundred persons", 100, False),
        ("a question of hundreds of thousands", 100_000, False),
        ("vary from 500,000 to 7 million", 500_000, False),
        ("vary from 500,000 to 7 million", 7_000_000, False),
        ("20-40 percent of the inmates", 20, True),
        ("was 6.4 percerit", 6.4, True),
    ],
)
def test_the_parser_reads_the_ways_the_prose_writes_numbers(text, value, percent):
    assert (float(value), percent) in stated_numbers(text)


def test_the_parser_does_not_split_or_join_numbers():
    assert stated_numbers("2,022,976") == [(2022976.0, False)]
    assert stated_numbers("in 1937-1938") == [(1937.0, False), (1938.0, False)]
    assert not states("86.7 percent", 86.7, "persons")


def test_every_quote_is_verbatim_on_its_line(figures, prose):
    wrong = [
        (r.id, r.line, r.quote)
        for r in figures.itertuples()
        if not (1 <= r.line <= len(prose) and r.quote in prose[r.line - 1])
    ]
    assert wrong == []


def test_every_quote_states_the_recorded_value(figures):
    wrong = [(r.id, r.quote, r.value, r.unit) for r in figures.itertuples() if not states(r.quote, r.value, r.unit)]
    assert wrong == []


def test_every_number_with_digits_on_a_figure_line_is_recorded(figures, prose):
    """Grouped thousands and decimals are never years or file numbers: each must be in a quote of its line."""
    quotes = defaultdict(list)
    for r in figures.itertuples():
        quotes[r.line].append(r.quote)
    start = _article_start(prose)
    missed = []
    for number, line in enumerate(prose, start=1):
        if number < start:
            continue
        for m in re.finditer(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+\.\d+)(?!\d)", line):
            if not any(_covers(line, q, m.start()) for q in quotes[number]):
                missed.append((number, m[0]))
    assert missed == []


def _covers(line: str, quote: str, position: int) -> bool:
    """True if an occurrence of ``quote`` on ``line`` spans ``position``."""
    start = line.find(quote)
    while start != -1:
        if start <= position < start + len(quote):
            return True
        start = line.find(quote, start + 1)
    return False


def _article_start(prose: list[str]) -> int:
    """The line of the article's title after the contributors' biographies (1-based)."""
    title = next(line for line in prose if line.startswith("Victims of the Soviet Penal System"))
    return max(number for number, line in enumerate(prose, start=1) if line == title)


def test_no_figure_comes_from_the_biographies(figures, prose):
    assert figures.line.min() > _article_start(prose)


def test_relations_periods_units_and_names_are_valid(figures):
    assert set(figures.relation) <= RELATIONS
    assert all(p == "" or is_valid_period(p) for p in figures.period), sorted(
        p for p in set(figures.period) if p and not is_valid_period(p)
    )
    assert figures.quantity.str.fullmatch(r"[a-z][a-z0-9_]*").all()
    assert figures.population.str.fullmatch(r"([A-Za-z][A-Za-z0-9_-]*)?").all()
    assert (figures.unit.str.strip() != "").all()
    assert (figures.status == "prose").all() and (figures.source == "grz1993").all()


def test_values_fit_their_units(figures):
    percent = figures[figures.unit == "percent"]
    assert ((percent.value > 0) & (percent.value <= 100)).all()
    counts = figures[figures.unit.isin(WHOLE_UNITS)]
    assert (counts.value % 1 == 0).all() and (counts.value > 0).all()


def test_range_rows_come_in_pairs_low_below_high(figures):
    ranges = figures[figures.relation.isin(["range_low", "range_high"])]
    assert len(ranges) > 0
    for (line, quote), group in ranges.groupby(["line", "quote"]):
        ends = dict(zip(group.relation, group.value))
        assert sorted(group.relation) == ["range_high", "range_low"], (line, quote)
        assert ends["range_low"] < ends["range_high"], (line, quote)


def test_ids_number_the_figures_of_each_line_in_order(figures):
    expected = [f"L{line:03d}.{n}" for line, n in zip(figures.line, figures.groupby("line").cumcount() + 1)]
    assert list(figures.id) == expected


def test_the_table_holds_every_curated_row(figures):
    curated = []
    for part in sorted((ROOT / "tools" / "curated").glob("text_figures_*.csv")):
        with open(part, newline="", encoding="utf-8") as handle:
            curated += [(int(r["line"]), r["quote"], float(r["value"])) for r in csv.DictReader(handle)]
    stored = list(zip(figures.line.astype(int), figures.quote, figures.value.astype(float)))
    assert sorted(curated) == sorted(stored), "run python tools/build_data.py"


def test_the_whole_prose_is_covered(figures):
    assert len(figures) >= 180
