"""Round 8, reading: a table read whole (a day per column, the caption's institution, glued footnote digits)."""

from __future__ import annotations

import pytest

from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text
from gulagstats.factcheck.sentences import split
from gulagstats.factcheck.table_cells import glued_notes, header_day
from tests.test_factcheck_stages import assert_linear

DATA = load_resources()

#: Invented counts in the layout of a prison department's certificate: four days a year, two footnote digits.
_QUARTERLY = (
    "| Численность заключенных в тюрьмах НКВД СССР (1939–1942 гг.) |\n"
    "Год | 1 января | 1 апреля | 1 июля | 1 октября |\n"
    "1939 | 350 100 з/к | 280 200 | 190 300 | 170 400 |\n"
    "1940 | 180 500 | 190 600 | 200 700 | 410 800 |\n"
    "1941 | 470 900 | 440 100 | 206 4301 | 249 3492 |\n"
    "1942 | 260 300 | 300 400 | 250 500 | 200 600 |\n"
    "Справка составлена по документам тюрем.\n"
)


def _read(text: str) -> list[tuple[str, str, str]]:
    return [(f.mention, f.quantity, f.period) for f in check_text(text, "t.txt", DATA).frames]


def test_a_table_whose_columns_are_days_dates_each_cell_on_its_column_day() -> None:
    got = _read(_QUARTERLY)
    periods = {m: p for m, _, p in got}
    assert periods["350 100"] == "1939-01-01"
    assert periods["280 200"] == "1939-04-01"
    assert periods["190 300"] == "1939-07-01"
    assert periods["170 400"] == "1939-10-01"
    assert periods["200 600"] == "1942-10-01"
    assert len(got) == 16


def test_the_caption_institution_names_what_every_cell_counts() -> None:
    # "заключенных в тюрьмах": the prisoners of the prisons, not the Gulag's population
    assert {q for _, q, _ in _read(_QUARTERLY)} == {"prison_population"}
    english = (
        "Prisoners in prison, by quarter\nYear | on 1 January | on 1 July |\n"
        "1939 | 350,100 | 190,300 |\n1940 | 180,500 | 200,700 |\n1941 | 470,900 | 206,400 |\n"
    )
    got = _read(english)
    assert {q for _, q, _ in got} == {"prison_population"}
    assert [p for _, _, p in got][:2] == ["1939-01-01", "1939-07-01"]


def test_a_caption_of_prisoners_alone_keeps_its_reading() -> None:
    text = "Численность заключенных\nГод | 1 января |\n1939 | 1 317 195 |\n1940 | 1 344 408 |\n1941 | 1 500 524 |\n"
    assert {q for _, q, _ in _read(text)} == {"gulag_population"}


def test_a_glued_footnote_digit_is_read_off_where_the_column_proves_it() -> None:
    got = [m for m, _, _ in _read(_QUARTERLY)]
    assert "206 430" in got and "249 349" in got
    assert not any(m in ("4301", "3492", "206 4301") for m in got)


def test_a_glued_footnote_digit_is_not_guessed_without_proof() -> None:
    # the column's other cells are not all numbers of two groups: nothing proves the digit a footnote
    assert glued_notes([["196 854"], ["2 064 301"], ["206 4301"], ["1 256 510"]]) == [
        [False],
        [False],
        [False],
        [False],
    ]
    assert glued_notes([["196 854"], ["206 4301"]]) == [
        [False],
        [False],
    ]  # too few cells to prove it
    assert glued_notes([["196 854"], ["205 987"], ["206 4301"], ["256 510"]])[2] == [True]


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("1 января", "01-01"),
        ("на 1-е апреля", "04-01"),
        ("on 1 July", "07-01"),
        ("as of October 1", "10-01"),
        ("1st of January", "01-01"),
        ("Год", ""),
        ("1 января 1939", ""),
        ("30 февраля", ""),
        ("1937", ""),
    ],
)
def test_a_header_cell_names_a_day_of_the_year(cell: str, day: str) -> None:
    assert header_day(cell) == day


def test_a_flattened_table_dates_its_day_columns() -> None:
    text = (
        "Заключенные в тюрьмах\nГод |\n1 января |\n1 июля |\n"
        "1939 |\n350 100 |\n190 300 |\n1940 |\n180 500 |\n200 700 |\n1941 |\n470 900 |\n206 400 |\n"
    )
    got = _read(text)
    assert [p for _, _, p in got] == [
        "1939-01-01",
        "1939-07-01",
        "1940-01-01",
        "1940-07-01",
        "1941-01-01",
        "1941-07-01",
    ]


def test_a_count_over_a_year_in_a_day_column_keeps_its_year() -> None:
    # a flow (arrests) is not counted on a day: the column's day does not date it
    text = "Арестовано\nГод | 1 января |\n1937 | 936 750 |\n1938 | 638 509 |\n1939 | 44 731 |\n"
    assert [p for _, _, p in _read(text)] == ["1937", "1938", "1939"]


@pytest.mark.parametrize(
    ("unit", "n"),
    [
        ("1939 | 206 4301 | 1 января |\n", 1_000),
        ("Год | 1 января | 1 апреля |\n1939 | 352 508 | 281 891 |\n", 500),
        ("| 1 января | 1 апреля 1 июля | 1 октября 32 мая ", 1_000),
        ("between 1/4 and 1/3 of 1/2 of fatalities=37 killed, ", 500),
    ],
)
def test_reading_tables_whole_is_linear_on_hostile_input(unit: str, n: int) -> None:
    assert_linear(lambda text: check_text(text, "t.txt", DATA), unit, n)


def test_hostile_table_cells_give_no_traceback() -> None:
    for text in (
        "| |\n" * 50,
        "Год | 1 января |\n1939 | 9999999999999999999999 |\n" * 4,
        "206 4301 |\n" * 10,
    ):
        check_text(text, "t.txt", DATA)  # no exception


def test_a_list_of_numbers_under_a_head_ending_in_a_colon_is_one_sentence_with_its_head() -> None:
    text = "| fatalities = various estimates:\n1) 12,589\n2) 14,895\n3) 30,000\n\n| victims = 115,000 deported\n"
    got = _read(text)
    assert [m for m, _, _ in got][:3] == ["12,589", "14,895", "30,000"]
    assert len({q for _, q, _ in got[:3]}) == 1 and got[0][1]  # the head's noun for every item
    # bullets of prose are sentences of their own
    prose = "This number includes:\n• 8-10 million victims of forced labour camps, often called the Gulag\n"
    assert [s.text for s in split(prose)] == [
        "This number includes:",
        "• 8-10 million victims of forced labour camps, often called the Gulag",
    ]


def test_a_long_list_under_a_colon_is_read_in_linear_time() -> None:
    assert_linear(lambda text: split("Deaths:\n" + text), "1) 12,589\n", 2_000)


def test_a_count_with_a_hedged_share_in_brackets_counts_what_the_share_counts() -> None:
    text = "In 1941 some 300,000 persons (about 12 percent of the population) were deported."
    assert [(m, q) for m, q, _ in _read(text)] == [
        ("some 300,000", "deportations"),
        ("about 12", "deportations"),
    ]
    # two words before the share are no apposition: nothing near the count says what it counts, so since
    # round 10 it is listed as a count of persons no word explains, never judged (the share keeps its verb)
    assert [
        (m, q) for m, q, _ in _read("Some 300,000 persons (of whom about 12 percent) were deported.")
    ] == [("some 300,000", "repressed_total"), ("about 12", "deportations")]


def test_a_small_count_with_its_word_of_killing_right_after_it_is_read() -> None:
    text = "- Casualties: Per USSR: 37 killed, 106 wounded, Per prisoners: 500–700 killed/wounded"
    assert [m for m, _, _ in _read(text)] == ["37", "500–700"]
    assert _read("Two killed in 1937.") == []  # under ten: an anecdote
    assert _read("Between the ages of 12 and 18 passed through the colonies.") == []  # ages


def test_an_infobox_field_value_is_read_and_a_web_address_is_not() -> None:
    got = _read("| fatalities=681,692[1]–1,200,000[2]|injuries=|perps=NKVD")
    assert [m for m, _, _ in got] == ["681,692[1]–1,200,000"]
    assert _read("See http://example.org/list?shot=681692 for the names of the executed.") == []


def test_fractions_in_digits_before_of_are_shares_in_percent() -> None:
    text = "- Fatalities: 123,000–200,000 Chechens and Ingush, or between 1/4 and 1/3 of their total population"
    got = [(f.mention, f.unit, f.low, f.high) for f in check_text(text, "t.txt", DATA).frames]
    assert got[-1] == ("between 1/4 and 1/3", "share", 25.0, 33.3)
    # dates are no fractions: a day and month, or no "of" after them
    assert not any(
        "/" in m for m, _, _ in _read("He was shot on 1/3/1938 of all days, with 1,000 others.")
    )
    assert not any("/" in m for m, _, _ in _read("On 1/4 1937, 1,000 were shot; 3/2 of them."))


def _wide_table(cells: str) -> str:
    """A table of four rows as wide as ``cells``: three rows of well-formed counts, one of glued notes."""
    width = cells.count("|")
    good = "| 196 854 " * width
    return f"Численность заключенных в тюрьмах\nГод {'| 1 июля ' * width}\n1939 {good}\n1940 {good}\n1941 {good}\n1942 {'| 206 4301 ' * width}\n"


def test_a_wide_table_of_glued_notes_is_read_in_linear_time() -> None:
    assert_linear(lambda text: check_text(_wide_table(text), "t.txt", DATA), "| ", 300)


def test_a_list_of_label_dash_count_items_separated_by_semicolons_is_a_tally() -> None:
    text = "В лагере в 1941 г. умерли: в октябре — 247 человек; в ноябре — 458; за первую половину декабря — 495."
    got = _read(text)
    assert [(m, p) for m, _, p in got] == [
        ("247", "1941-10-01/1941-10-31"),
        ("458", "1941-11-01/1941-11-30"),
        ("495", "1941-12-01/1941-12-15"),
    ]
    assert _read("See pages 12; p. — 13; vol. — 14.") == []


def test_a_number_after_the_number_sign_and_a_space_is_no_count() -> None:
    text = "Арестовано в порядке приказов НКВД № 00485, № 0059368 и др. | 357 227 чел. |"
    assert [m for m, _, _ in _read(text)] == ["357 227"]
