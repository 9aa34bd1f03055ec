"""Round 7, reading: tables flattened one cell a line, lists whose scale word follows the last number."""

from __future__ import annotations

import pytest

from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text
from gulagstats.factcheck.tables import _line_spans, flattened_rows, table_rows
from tests.test_factcheck_stages import assert_linear

DATA = load_resources()

_FLAT = (
    "Данные по заключённым за 34-53 гг\n"
    "Год (данные на 1-е января) |\nЧисленность |\nСмертность |\nНаселение |\n% от населения страны |\n"
    "1934 |\n510 307 |\n26 295 |\n160 648 000 |\n0,32 |\n"
    "1935 |\n725 438 |\n28 328 |\n161 932 000 |\n0,45 |\n"
    "1936 |\n839 406 |\n20 595 |\n163 216 000 |\n0,51 |\n"
    "Тут требуются пояснения."
)


def _read(text: str) -> list[tuple[str, str, str, str]]:
    return [
        (f.mention, f.quantity, f.period, f.unit) for f in check_text(text, "t.txt", DATA).frames
    ]


def test_a_table_flattened_one_cell_a_line_gives_each_cell_with_its_row_year() -> None:
    got = _read(_FLAT)
    mentions = [m for m, *_ in got]
    assert mentions == [
        "510 307",
        "26 295",
        "0,32",
        "725 438",
        "28 328",
        "0,45",
        "839 406",
        "20 595",
        "0,51",
    ]
    by = {m: (q, p, u) for m, q, p, u in got}
    assert by["510 307"] == (
        "gulag_population",
        "1934-01-01",
        "count",
    )  # a count on 1 January, as the header says
    assert by["26 295"][1:] == (
        "1934",
        "count",
    )  # deaths over the year: the header's day dates only the counts
    assert by["0,45"][2] == "share"  # the "%" column holds shares without a "%"


def test_the_population_column_of_a_flattened_table_gives_no_claim() -> None:
    assert not any(m.endswith("000") and len(m) > 9 for m, *_ in _read(_FLAT))


@pytest.mark.parametrize(
    "text",
    [
        "Итого |\n1934 |\n1 |\n1935 |\n2 |\n",  # years one line apart: the two-line layout, read as before
        "a |\nb |\nc |\n" * 50,  # cells, no years
        "1937 |\n" * 30,  # one year repeated
        "|\n" * 100,  # empty cells
        "1937 |\n1938 |\n1939 |\n1940 |\n",  # years without values
        "".join(f"{y} |\n{y} |\n" for y in range(1917, 1992)),  # every value a year
    ],
)
def test_hostile_cell_lines_give_no_flattened_table(text: str) -> None:
    lines = _line_spans(text)
    assert isinstance(table_rows(text, DATA), list)
    assert flattened_rows(text, lines, DATA) == []
    assert not any(
        f.period_how == "table" and len(f.mention) > 9
        for f in check_text(text, "t.txt", DATA).frames
    )


def test_reading_a_flattened_table_is_linear() -> None:
    assert_linear(lambda text: table_rows(text, DATA), "1937 |\n1 000 |\n2 000 |\nслово |\n", 500)
    years = "".join(f"{y} |\n1 000 |\n" for y in range(1917, 1992))  # a long table, then again
    assert_linear(lambda text: table_rows(text, DATA), years, 4)
    assert_linear(
        lambda text: table_rows(text, DATA),
        "Год |\nУмерло |\n1937 |\n25 376 |\n1938 |\n90 546 |\n",
        300,
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("I know they all say he killed 20 or 30 or 40 million people.", [20e6, 30e6, 40e6]),
        ("Historians say 1, 2 or 3 million people were shot.", [1e6, 2e6, 3e6]),
        ("Называют 10, 12 или 15 млн репрессированных.", [10e6, 12e6, 15e6]),
    ],
)
def test_each_number_of_a_list_takes_the_scale_word_of_its_last(
    sentence: str, expected: list[float]
) -> None:
    got = [f.low for f in check_text(sentence, "t.txt", DATA).frames]
    assert got == expected


def test_a_list_whose_values_do_not_rise_is_no_list() -> None:
    got = [
        f.low
        for f in check_text(
            "Of those aged 16 and 17, 2 million were arrested.", "t.txt", DATA
        ).frames
    ]
    assert 16e6 not in got and 17e6 not in got


def test_scaled_lists_are_linear() -> None:
    assert_linear(lambda text: check_text(text, "t.txt", DATA), "20 or 30, ", 2_000)
    assert_linear(lambda text: check_text(text, "t.txt", DATA), "1, 2 or 3 million shot; ", 1_000)


def test_a_number_word_hyphenated_across_blank_lines_is_read_whole() -> None:
    text = "In 1938 one thou-\n\n\nsand people were shot."
    (f,) = check_text(text, "t.txt", DATA).frames
    assert (f.low, text[f.start : f.end]) == (1000.0, "one thou-\n\n\nsand")


def test_a_number_word_broken_by_a_soft_hyphen_is_read_whole() -> None:
    from gulagstats.factcheck.numerals import read_numerals

    assert [
        (n.value, n.text) for n in read_numerals("бежало более одного миллио¬на крестьян", "ru")
    ] == [(1e6, "одного миллиона")]


def test_a_word_other_than_a_number_word_is_not_joined() -> None:
    from gulagstats.factcheck.numerals import _joined_lines

    assert _joined_lines("twenty-\nfive were well-\nknown") == (
        "twenty-\nfive were well-\nknown",
        {},
    )


@pytest.mark.parametrize("unit", ["a" * 50 + "-\n\n", "thou-\n", "миллио\u00ac", "x-\n\n\n\n\ny "])
def test_hyphenated_words_are_read_in_linear_time(unit: str) -> None:
    from gulagstats.factcheck.numerals import read_numerals
    from gulagstats.factcheck.sentences import split

    assert_linear(read_numerals, unit, 500)
    assert_linear(split, unit, 500)


def test_the_small_counts_of_a_tally_are_claims() -> None:
    text = (
        "Under Bagirov 22 people's commissars, 49 county party secretaries, 95 engineers, "
        "207 trade unionists and 8 professors were arrested in 1937."
    )
    got = [(f.mention, f.quantity) for f in check_text(text, "t.txt", DATA).frames]
    assert got == [(m, "arrests") for m in ("22", "49", "95", "207", "8")]


@pytest.mark.parametrize(
    "text",
    [
        "See pages 12, 13 and 14 for the figures of 1937.",  # no words after the numbers: no tally
        "He had 3 sons and 2 daughters.",  # two counts are no tally
        "The 12 cities, 22 regions and 4 republics were affected.",  # a tally with no cue of people: nothing
    ],
)
def test_what_is_no_tally_of_people_gives_no_claim(text: str) -> None:
    assert check_text(text, "t.txt", DATA).frames == []


def test_tallies_are_linear() -> None:
    assert_linear(
        lambda text: check_text(text, "t.txt", DATA), "22 county party secretaries, ", 1_000
    )


def test_a_spread_with_a_hedge_inside_gives_two_claims_in_the_scale_of_the_last() -> None:
    text = "Estimates of Gulag deaths range from 1.6 to over 10 million between 1929 and 1953."
    got = [(f.low, f.high) for f in check_text(text, "t.txt", DATA).frames]
    assert got[0] == (1.6e6, 1.6e6) and got[1][0] == 10e6


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("Не верю в десятках миллионах расстрелянных.", 20e6, 99_999_999),
        ("Были репрессированы сотнями тысяч.", 200_000, 999_999),
        ("Речь идёт о многомиллионных жертвах репрессий.", 2e6, 99_999_999),
    ],
)
def test_russian_vague_amounts_are_read_in_every_case_form(
    sentence: str, low: float, high: float
) -> None:
    got = [(f.low, f.high) for f in check_text(sentence, "t.txt", DATA).frames]
    assert got == [(low, high)]


def test_the_summary_rows_after_a_flattened_table_are_dated_by_its_years() -> None:
    text = _FLAT.replace(
        "Тут требуются",
        "Средние значения |\n691 717 |\n25 073 |\n161 932 000 |\n0,43 |\n"
        "Смертность средняя, % |\n|\n3,6 |\n|\n|\nТут требуются",
    )
    got = {m: (p, u) for m, _, p, u in _read(text)}
    assert got["691 717"] == ("1934-01-01/1936-01-01", "count")  # counts on 1 January, averaged
    assert got["25 073"] == ("1934/1936", "count")  # deaths over the years
    assert got["0,43"] == ("1934-01-01/1936-01-01", "share")
    assert got["3,6"] == ("1934/1936", "share")  # a row whose label says "%" holds shares
    assert "161 932 000" not in got


@pytest.mark.parametrize(
    "sentence",
    [
        "В спецпоселениях числилось 2753 тыс. человек (Земсков 1994: 168, 189; Земсков 1999: 115-116).",
        "Справка за период с 1921г. по настоящее время (начало 1954г.,\nт.е. за 33 года) осуждено 3 777 380 человек.",
        "Some 1.5 million were arrested (Conquest 1990: 485, 1,012).",
    ],
)
def test_pages_of_a_work_cited_and_years_with_a_russian_suffix_are_no_claims(sentence: str) -> None:
    got = [f.low for f in check_text(sentence, "t.txt", DATA).frames]
    assert got and not any(v in (168189.0, 1954.0, 1012.0, 485.0) for v in got)


def test_a_year_and_its_count_after_a_colon_stay_claims() -> None:
    got = [
        f.low
        for f in check_text("Расстреляно: 1937: 353 074, 1938: 328 618.", "t.txt", DATA).frames
    ]
    assert got == [353074.0, 328618.0]


def test_citations_are_read_in_linear_time() -> None:
    assert_linear(
        lambda text: check_text(text, "t.txt", DATA), "(Земсков 1994: 168, 189; 1954г. ", 1_000
    )


def test_a_stray_space_after_a_year_and_a_comma_still_groups_thousands() -> None:
    from gulagstats.factcheck.numerals import read_numerals

    text = "In 1937, 212, 950 people were arrested; 100, 200, 300 more"
    assert [n.text for n in read_numerals(text)] == ["1937", "212, 950", "100", "200", "300"]


@pytest.mark.parametrize(
    ("sentence", "quantity"),
    [
        (
            "It seems that 681,692 people, or 86.7 percent of the number, were shot in 1937-1938.",
            "executions",
        ),
        (
            "Some 1,344,923, or 85.4 percent, of the people arrested in 1937-1938 were convicted.",
            "",
        ),
    ],
)
def test_a_count_with_its_share_in_apposition_counts_what_the_share_counts(
    sentence: str, quantity: str
) -> None:
    frames = check_text(sentence, "t.txt", DATA).frames
    count, share = frames[0], frames[1]
    assert (count.unit, share.unit) == ("count", "share")
    assert count.quantity == share.quantity and (not quantity or count.quantity == quantity)


_BARE = (
    "Численность заключённых ГУЛАГа\nГод\nЛагеря\nКолонии\nУмерло\n"
    "1937\n820 881\n375 488\n25 376\n1938\n996 367\n885 203\n90 546\n1939\n1 317 195\n355 243\n50 502\nКонец."
)


def test_a_table_one_cell_a_line_without_bars_is_read_the_same_way() -> None:
    got = _read(_BARE)
    assert [(m, p) for m, _, p, _ in got] == [
        (m, y)
        for y, ms in (
            ("1937", ("820 881", "375 488", "25 376")),
            ("1938", ("996 367", "885 203", "90 546")),
            ("1939", ("1 317 195", "355 243", "50 502")),
        )
        for m in ms
    ]
    assert got[2][1].endswith("deaths")  # the header's "Умерло" names its column


def test_a_column_of_numbers_with_years_among_them_but_no_stride_is_no_table() -> None:
    text = "Список\n1937\n12\n1938\n1939\n14\n15\n1941\n16\nКонец."
    assert flattened_rows(text, _line_spans(text), DATA) == []
