"""Round 9, reading: tables whose rows are labelled and whose columns are years."""

from __future__ import annotations

import pytest

from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text
from gulagstats.factcheck.sentences import split
from gulagstats.factcheck.table_cells import header_noun
from tests.test_factcheck_stages import assert_linear

DATA = load_resources()

#: Invented counts in the layout of a book's table of special settlers, its year header cut off by the
#: excerpt: the sentence after it states the span its nine columns cover.
_CUT_HEADER = (
    "освобождено как «неправильно высланных» | — | — | 15 100 | 5700 | 5600 | 4100 | 610 | 960 | 570 |\n"
    "передано на иждивение | — | — | 9600 | 9100 | 8400 | 4800 | 1480 | 1240 | 1470 |\n"
    "прочие причины | 79 600 | 100 400 | 106 300 | 80 200 | 137 900 | 37 600 | 45 700 | 26 300 | 13 600 |\n"
    "Итак, за 1932–1940 гг. на поселение прибыло ещё 489 800 кулаков.\n"
)

#: Invented counts with a header of years, in English.
_YEAR_HEADER = (
    "Outcome | 1937 | 1938 | 1939 |\n"
    "Shot | 353,000 | 328,000 | 2,500 |\n"
    "Sent to camps | 429,000 | 205,000 | 54,000 |\n"
    "Other | 1,000 | 900 | 80 |\n"
)


def _read(text: str) -> list[tuple[str, str, str]]:
    return [(f.mention, f.quantity, f.period) for f in check_text(text, "t.txt", DATA).frames]


def test_a_table_with_its_year_header_cut_off_is_dated_by_the_span_beside_it() -> None:
    read = _read(_CUT_HEADER)
    cells = [r for r in read if r[2] != "1932/1940"]
    assert len(cells) == 7 + 7 + 9  # every number cell, the small ones too ("610")
    assert (cells[0][0], cells[0][2]) == ("15 100", "1934")
    assert (cells[6][0], cells[6][2]) == ("570", "1940")
    assert [(m, p) for m, _, p in cells[-9:]][:2] == [("79 600", "1932"), ("100 400", "1933")]
    assert (
        cells[7][1] == "arrivals"
    )  # a row with no noun of its own: the noun of the line that dated it


def test_the_row_label_noun_beats_the_table_noun() -> None:
    read = _read(_CUT_HEADER)
    assert {q for m, q, _ in read if m in ("5700", "610")} == {"releases"}


def test_a_table_with_a_header_of_years_dates_each_cell_by_its_column() -> None:
    read = _read(_YEAR_HEADER)
    assert ("353,000", "executions", "1937") in read
    assert ("2,500", "executions", "1939") in read


def test_a_span_of_another_length_does_not_date_the_columns() -> None:
    text = _CUT_HEADER.replace("1932–1940", "1930–1940")
    read = _read(text)
    assert not any(m in ("9600", "610", "79 600") and p.isdigit() for m, _, p in read)


def test_a_table_no_line_dates_gives_no_cells() -> None:
    text = _CUT_HEADER.replace("Итак, за 1932–1940 гг. на", "Итак, на")
    assert not any(m in ("9600", "610", "1480") for m, _, _ in _read(text))


@pytest.mark.parametrize(
    ("unit", "n"),
    [
        ("прочие | 1 | 2 | 3 |\n", 1_000),
        ("a | 1 | — | 3 | 4 |\nза 1932–1935 гг.\n", 500),
        ("Year | 1937 | 1938 | 1939 |\nShot | 1 | 2 | 3 |\n", 500),
    ],
)
def test_tables_with_year_columns_are_read_in_linear_time(unit: str, n: int) -> None:
    assert_linear(lambda text: check_text(text, "t.txt", DATA), unit, n)


def test_hostile_labelled_tables_give_no_traceback() -> None:
    for text in (
        "a | — | — | — |\n" * 5 + "за 1932–1934 гг.",
        "a | 9999999999999999999999 | 1 | 2 |\n" * 4 + "1937–1939",
        "Year | 1939 | 1938 | 1937 |\nShot | 1 | 2 | 3 |\nOther | 1 | 2 | 3 |\nX | 1 | 2 | 3 |\n",
        "| | | |\n" * 10,
    ):
        check_text(text, "t.txt", DATA)  # no exception


#: Invented counts in the layout of a table of persons sentenced by penalty, its headers cut short.
_PENALTIES = (
    "Persons sentenced for counter-revolutionary crimes, and type of penalty imposed.\n"
    "Years | Total sentenced (persons) | Death sent. | Camps, colonies, prisons |\n"
    "---|---|---|---|\n"
    "1936 | 274000 | 1100 | 219000 |\n"
    "1937 | 790000 | 353000 | 429000 |\n"
    "1938 | 554000 | 328000 | 205000 |\n"
)


def test_a_column_header_cut_short_names_what_its_cells_count() -> None:
    read = _read(_PENALTIES)
    assert (
        "353000",
        "executions",
        "1937",
    ) in read  # "Death sent.": death sentences, not the caption's noun
    assert ("790000", "repressed_total", "1937") in read


@pytest.mark.parametrize(
    ("cell", "quantity"),
    [
        ("Death sent.", "executions"),
        ("Exec.", "executions"),
        ("Arr.", "arrests"),
        ("Other measures", ""),
        ("Sent", ""),
    ],
)
def test_a_header_word_cut_short_stands_for_the_lexicon_word_it_begins(
    cell: str, quantity: str
) -> None:
    assert header_noun(cell, DATA)[1] == quantity


def test_a_small_count_in_a_year_value_table_is_a_count() -> None:
    read = _read(_PENALTIES.replace("| 1100 |", "| 414 |"))
    assert ("414", "executions", "1936") in read


def test_a_small_number_outside_a_table_still_needs_its_word() -> None:
    assert not any(
        m == "414" for m, _, _ in _read("In 1937 there were 414 of them, 1937 | 414 | 2 |.")
    )


def test_russian_digits_with_a_case_ending_and_a_scale_word_are_one_number() -> None:
    read = check_text(
        "Были расстреляны почти 22-х тысяч пленных в 1940 году.", "t.txt", DATA
    ).frames
    assert [(f.mention, f.low) for f in read] == [("почти 22-х тысяч", 22000.0)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Тройкой были приговорены к расстрелу 1825 заключенных.", 1825.0),
        ("В феврале 1943 года умерло 1890 человек.", 1890.0),
        ("In 1937 people were shot.", None),
        ("В 1890 человек расстреляли.", None),
    ],
)
def test_a_year_like_number_right_before_a_word_of_people_counts_them(
    text: str, value: float | None
) -> None:
    lows = [
        f.low
        for f in check_text(text, "t.txt", DATA).frames
        if f.mention.endswith(("1825", "1890", "1937"))
    ]
    assert lows == ([value] if value else [])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "How many died in the Ukraine famine?\n3,941,000\nHolodomor/Number of deaths",
            ("3,941,000", "famine_deaths"),
        ),
        (
            "Q\n\nHow many died in the famine?\n\nA\n\nAt least 13 million\n\nNext",
            ("at least 13 million", "famine_deaths"),
        ),
        (
            "How many had been arrested under Lenin?\n\ntens of thousands\n\n\nWhat next?",
            ("tens of thousands", "arrests"),
        ),
        ("Сколько человек было расстреляно?\n681 692\nДалее.", ("681 692", "executions")),
    ],
)
def test_an_answer_on_the_line_after_a_question_of_how_many_counts_what_it_asks(
    text: str, found: tuple[str, str]
) -> None:
    assert [(f.mention, f.quantity) for f in check_text(text, "t.txt", DATA).frames] == [found]


def test_a_number_after_another_question_is_no_answer() -> None:
    assert split("When did it end?\n1938\nWho was shot?\n1,000 people")[1].text == "1938"


def test_questions_and_answers_are_split_in_linear_time() -> None:
    assert_linear(split, "How many died?\n\nA\n\n1,000\n", 2_000)


def test_a_list_of_label_dash_numbers_opened_by_a_percentage_is_a_list_of_shares() -> None:
    text = (
        "Из всех спецпереселенцев 85,4 % находились в шести районах, в том числе на Урале – 28,0 %, "
        "в Западной Сибири – 27,0, Дальневосточном крае (ДВК) – 4,3, на Алдане – 0,5 %."
    )
    read = check_text(text, "t.txt", DATA).frames
    assert [(f.mention, f.unit) for f in read][-3:] == [
        ("27,0", "share"),
        ("4,3", "share"),
        ("0,5", "share"),
    ]


def test_decimals_in_a_list_with_no_percentage_stay_unread() -> None:
    text = (
        "Спецпереселенцев было много: на Урале – 28,0, в Западной Сибири – 27,0, на Алдане – 0,5."
    )
    assert not any(f.mention in ("27,0", "0,5") for f in check_text(text, "t.txt", DATA).frames)


def test_a_long_list_of_shares_is_read_in_linear_time() -> None:
    assert_linear(
        lambda t: check_text("спецпереселенцев на Урале – 28,0 %" + t, "t.txt", DATA),
        ", в крае – 7,4",
        500,
    )


def test_a_range_of_percentages_each_with_its_sign_is_one_range() -> None:
    read = check_text("Some 40% to 50% of the deportees were children.", "t.txt", DATA).frames
    assert [(f.low, f.high, f.unit) for f in read] == [(40.0, 50.0, "share")]


def test_a_row_label_naming_a_day_dates_its_cells_on_that_day_of_each_column_year() -> None:
    text = _CUT_HEADER.replace("прочие причины", "На 31 декабря")
    read = [(m, p) for m, _, p in _read(text)]
    assert ("79 600", "1932-12-31") in read
    assert ("13 600", "1940-12-31") in read


def test_a_hard_wrapped_sentence_goes_on_with_a_line_that_starts_with_its_count() -> None:
    text = "за 1921-1953 гг. были осуждены судами и военными трибуналами\n3 777 380 человек, из них немало."
    assert [s.text for s in split(text)] == [text]
    assert split("заключенных Солове\n3 views\n597")[1].text == "3 views"


def test_a_markdown_rule_under_a_header_of_years_is_passed_over() -> None:
    lines = _YEAR_HEADER.split("\n")
    read = _read("\n".join([lines[0], "---|---|---|---|", *lines[1:]]))
    assert ("353,000", "executions", "1937") in read
    assert ("2,500", "executions", "1939") in read


def test_a_line_of_many_questions_of_how_many_is_split_in_linear_time() -> None:
    assert_linear(lambda t: split(t + "?\n1,000\n"), "how many ", 4_000)


def test_a_sentence_of_many_year_like_counts_is_read_in_linear_time() -> None:
    assert_linear(lambda t: check_text(t, "t.txt", DATA), "умерло 1890 человек, ", 300)
