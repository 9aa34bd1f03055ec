"""Round 17's reading of number forms: shares of things, a stray space after a decimal point, a Russian number
whose first group has four digits, small counts of people in number words.

Each form was read wrong on round 16's unseen part (docs/factcheck.md, "Round 16's test part, scored once");
the sentences here are invented in the same shapes, with the near-misses a rule must leave alone.
"""

from __future__ import annotations

import pytest

from gulagstats.factcheck.mentions import find_mentions
from gulagstats.factcheck.numerals import read_numerals
from gulagstats.factcheck.phrases import tokens
from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.sentences import split
from gulagstats.factcheck.table_labels import labelled_counts
from tests.test_factcheck_stages import assert_linear

DATA = load_resources()


def _mentions(text: str, language: str = "en") -> list[tuple[str, float, str]]:
    found = find_mentions(text, tokens(text), 0, [], DATA, language)[0]
    return [(m.text, m.low, m.unit) for m in found]


# 1. A share is a claim only when it is a share of people.


@pytest.mark.parametrize(
    "text",
    [
        "On the eve of the war, camp labour gave 46.5% of the nation's nickel and 76% of its tin.",
        "Prisoners mined 35 percent of the country's gold and cut 25.3% of its timber.",
        "The camps produced a third of the USSR's output of cobalt, 40.5 % of its chrome-iron ore.",
        "Лагеря давали 46,5 % никеля и 60 % золота страны.",
    ],
)
def test_a_share_of_things_is_no_mention(text: str) -> None:
    assert [m for m in _mentions(text, "ru" if "Лагеря" in text else "en") if m[2] == "share"] == []


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("About 40% of the prisoners mined nickel.", "40"),  # the thing comes after the people
        ("Some 20% of them died cutting timber.", "20"),
        ("Up to 30% of the deportees, who mined gold, died.", "30"),
        ("Около 30 % заключенных добывали золото.", "30"),
    ],
)
def test_a_share_of_people_near_a_word_of_things_stays(text: str, share: str) -> None:
    language = "ru" if "Около" in text else "en"
    assert (share, float(share), "share") in _mentions(text, language)


def test_a_count_before_a_word_of_things_is_still_a_count() -> None:
    assert ("12,000", 12000.0, "count") in _mentions("12,000 prisoners mined gold and nickel.")


@pytest.mark.parametrize(
    "unit",
    [
        "46.5% of the nation's nickel, ",
        "46.5% " + "of " * 40,
        "% nickel " * 5,
        "1% " * 30 + "timber ",
    ],
)
def test_shares_of_things_are_read_in_linear_time(unit: str) -> None:
    assert_linear(lambda t: find_mentions(t, tokens(t), 0, [], DATA), unit, 50)


# 2. A stray space after a decimal point: "more than 2. 4 million".


def _sentences(text: str) -> list[str]:
    return [s.text for s in split(text)]


def test_a_stray_space_after_a_decimal_point_after_a_hedge_is_one_number() -> None:
    text = "The camps held more than 2. 4 million prisoners, most of them peasants."
    assert _sentences(text) == [text]
    assert _mentions(text) == [("2. 4 million", 2400000.0, "count")]
    assert [n.value for n in read_numerals("about 1. 05 million")] == [1050000.0]


@pytest.mark.parametrize(
    "text",
    [
        "They were shot in 1937. 4 million more were sent to the camps.",  # a year ends the sentence
        "The youngest was 12. 4 million children lost a parent.",  # no hedge: the sentence may end there
        "See Article 58. 4 million were sentenced under it.",
    ],
)
def test_a_point_that_may_end_a_sentence_before_a_number_still_ends_it(text: str) -> None:
    assert len(_sentences(text)) == 2
    assert ("4 million", 4000000.0, "count") in _mentions(_sentences(text)[1])


def test_a_russian_point_is_no_decimal_point() -> None:
    assert [n.text for n in read_numerals("более 2. 4 млн человек", "ru")] == ["2", "4 млн"]


@pytest.mark.parametrize("unit", ["more than 2. 4 million ", "2. " * 20 + "4 million ", "than 1. "])
def test_stray_points_are_read_in_linear_time(unit: str) -> None:
    assert_linear(lambda t: [read_numerals(s.text) for s in split(t)], unit, 50)


# 3. A Russian number whose first group has four digits: "1300 949".


def _numbers(text: str) -> list[tuple[str, float]]:
    return [(n.text, n.value) for n in read_numerals(text, "ru")]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("по ст. 58 осуждено 1300 949, из них расстреляно 892 985", ("1300 949", 1300949.0)),
        ("в 1938 г. 1300 949 человек", ("1300 949", 1300949.0)),
        ("было арестовано 2450\u00a0311 человек", ("2450\u00a0311", 2450311.0)),
    ],
)
def test_four_digits_then_three_are_one_number(text: str, number: tuple[str, float]) -> None:
    assert number in _numbers(text)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        (
            "в 1937 150 человек были расстреляны",
            [("1937", 1937.0), ("150", 150.0)],
        ),  # a year, then a count
        ("2 1300 949", [("2", 2.0), ("1300", 1300.0), ("949", 949.0)]),  # a longer run of groups
        ("1300 949 тысяч", [("1300", 1300.0), ("949 тысяч", 949000.0)]),
        ("1300 949,5", [("1300", 1300.0), ("949,5", 949.5)]),
    ],
)
def test_a_year_or_a_longer_run_is_not_joined(text: str, numbers: list[tuple[str, float]]) -> None:
    assert _numbers(text) == numbers


def test_four_digits_then_three_are_joined_only_in_russian() -> None:
    assert [n.text for n in read_numerals("camp 1300 949 was closed")] == ["1300", "949"]


@pytest.mark.parametrize("unit", ["1300 949 ", "1300 " * 10 + "949 ", "\u00a01300\u00a0949,"])
def test_four_digit_groups_are_read_in_linear_time(unit: str) -> None:
    assert_linear(lambda t: read_numerals(t, "ru"), unit, 100)


# 4. Small counts of people in number words.


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("In 1929 fifty-four engineers and managers of the mines were arrested.", "fifty-four"),
        ("Forty-one technicians from the Donbass were put on trial.", "Forty-one"),
        ("Twenty-two of the accused received camp terms.", "Twenty-two"),
        ("He was tried with four Yiddish writers of the committee.", "four"),
        ("He was charged with six other Red Army commanders.", "six"),
    ],
)
def test_a_small_count_in_words_before_a_word_of_people_is_read(text: str, mention: str) -> None:
    assert mention in [m[0] for m in _mentions(text)]


@pytest.mark.parametrize(
    "text",
    [
        "He wrote three Moscow novels in exile.",  # capitalised words, then no word of people
        "The trial lasted four Long Winter Months in all.",  # more capitalised words than the reach
        "Four of them; two died. Three Red Army units crossed.",
    ],
)
def test_a_small_count_in_words_without_a_word_of_people_is_not(text: str) -> None:
    assert [m for m in _mentions(text) if m[1] < 10] == []


@pytest.mark.parametrize(
    "unit", ["five Red Army ", "seven other " + "A " * 30, "Fifty-three engineers, "]
)
def test_small_counts_in_words_are_read_in_linear_time(unit: str) -> None:
    assert_linear(lambda t: find_mentions(t, tokens(t), 0, [], DATA), unit, 50)


# 5. Review mends: a table's count cell is read by the project's one number reader.


def _spans(text: str) -> list[tuple[int, int]]:
    starts = [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]
    return list(zip(starts, [e - 1 for e in starts[1:]] + [len(text)], strict=True))


def test_a_label_count_table_reads_its_count_cells_as_before() -> None:
    text = "Mass deportations\nChechens (Feb. 1944) |\n362 000\n|\nIngush |\n~ 134,000\n|\nKalmyks |\n92.000\n|"
    rows = labelled_counts(text, _spans(text), DATA)
    assert [(text[r.start : r.end], r.year) for r in rows] == [
        ("362 000", "1944"),
        ("~ 134,000", ""),
        ("92.000", ""),
    ]
    decimal = text.replace(
        "92.000", "92.5"
    )  # a decimal is no count cell: two pairs are too few for a table
    assert labelled_counts(decimal, _spans(decimal), DATA) == []


@pytest.mark.parametrize("unit", ["Group |\n1 000\n|\n", "Group |\n" + "1 " * 50 + "\n|\n"])
def test_label_count_tables_are_read_in_linear_time(unit: str) -> None:
    assert_linear(
        lambda t: labelled_counts(
            "Mass deportations\n" + t, _spans("Mass deportations\n" + t), DATA
        ),
        unit,
        50,
    )
