"""Round 13, reading tables: each column counts what its own header says, never a neighbour's noun.

A total ("Всего", "Total") counts the whole the table is about (its caption's quantity, or the sentenced
where a part's header says "из них к высшей мере"); a header of words the lexicon does not know gives its
cells no quantity to judge (listed, never judged); a header whose year cell spans two lines is read over
the value cells; a totals row "Всего за 1921–1952 гг." is dated by the table's years. Hostile input too.
"""

from __future__ import annotations

from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text
from gulagstats.factcheck.tables import noun_at, table_rows, unnamed_column
from gulagstats.factcheck.unsaid import UNSAID_CONFIDENCE
from tests.test_factcheck_stages import assert_linear

DATA = load_resources()

#: Round 12's misread table, in small: a two-line header whose year cell spans both lines.
TWO_LINE_HEADER = (
    "Годы | По данным I спецотдела МВД СССР | По данным КГБ СССР | ||\n"
    "Всего | Из них к высшей мере | Всего | Из них к высшей мере | |\n"
    "1936 | 274 670 | 1118 | 114 383 | 1118 |\n"
    "1937 | 790 665 | 353 074 | 790 665 | 353 074 |\n"
    "1938 | 554 258 | 328 618 | 554 258 | 328 618 |\n"
    "Всего за 1936–1938 гг. | 1 619 593 | 682 810 | 1 459 306 | 682 810 |\n"
)


def _frames(text: str) -> list[tuple[str, str, str, float]]:
    return [
        (f.mention, f.quantity, f.period, f.confidence)
        for f in check_text(text, "t.txt", DATA).frames
    ]


def test_a_total_beside_a_part_of_the_sentenced_counts_the_sentenced() -> None:
    got = _frames(TWO_LINE_HEADER)
    assert got[:4] == [
        ("274 670", "repressed_total", "1936", 0.7),
        ("1118", "executions", "1936", 0.7),
        ("114 383", "repressed_total", "1936", 0.7),
        ("1118", "executions", "1936", 0.7),
    ]
    assert [q for _, q, _, _ in got[:12]] == [
        "repressed_total",
        "executions",
    ] * 6  # never the neighbour's


def test_the_totals_row_is_dated_by_the_years_and_read_under_the_header() -> None:
    got = _frames(TWO_LINE_HEADER)
    assert got[12:] == [
        ("1 619 593", "repressed_total", "1936/1938", 0.7),
        ("682 810", "executions", "1936/1938", 0.7),
        ("1 459 306", "repressed_total", "1936/1938", 0.7),
        ("682 810", "executions", "1936/1938", 0.7),
    ]


def test_a_total_counts_the_caption_s_whole() -> None:
    text = "Арестовано органами НКВД\nГод | Всего | Расстреляно\n1937 | 936 750 | 353 074\n1938 | 638 509 | 328 618\n1939 | 44 731 | 2552"
    rows = table_rows(text, DATA)
    assert [noun_at(rows[0], text.find(v))[0] for v in ("936 750", "353 074")] == [
        "arrests",
        "executions",
    ]


def test_a_total_whose_caption_names_a_neighbour_is_not_judged() -> None:
    text = "Executions by year\nYear | Total | Shot\n1937 | 936,750 | 353,074\n1938 | 638,509 | 328,618\n1939 | 44,731 | 2,552"
    got = {m: (q, c) for m, q, _, c in _frames(text)}
    assert got["353,074"] == ("executions", 0.7)
    assert got["936,750"][0] != "executions" and got["936,750"][1] <= UNSAID_CONFIDENCE


def test_a_header_naming_no_known_quantity_gives_no_neighbour_s_noun() -> None:
    text = (
        "Numbers of people sentenced, and type of penalty imposed.\n"
        "Years | Death sent. | Camps, colonies, prisons | Other measures |\n"
        "1937 | 353074 | 429311 | 1366 |\n1938 | 328618 | 205509 | 16842 |\n1939 | 2552 | 54666 | 3783 |\n"
    )
    rows = table_rows(text, DATA)
    assert unnamed_column(rows[0], text.find("1366")) == "other measures"
    got = {m: (q, c) for m, q, _, c in _frames(text)}
    assert got["353074"] == ("executions", 0.7)
    assert got["1366"][1] <= UNSAID_CONFIDENCE  # listed, never judged
    assert got["1366"][0] != got["429311"][0]  # not the camps' column beside it


def test_one_named_column_beside_the_year_still_takes_the_caption() -> None:
    text = "Умершие заключенные\nГоды | Число умерших |\n1937 | 25 376 |\n1938 | 90 546 |\n1939 | 50 502 |"
    assert {q for _, q, _, _ in _frames(text)} == {"gulag_deaths"}


# Hostile input.


def test_empty_and_blank_texts_have_no_rows() -> None:
    assert table_rows("", DATA) == [] and table_rows("\n\n | | \n", DATA) == []
    assert _frames("") == []


def test_a_table_with_no_header_keeps_its_caption() -> None:
    text = "Расстреляно (чел.)\n1937 | 353 074 |\n1938 | 328 618 |\n1939 | 2552 |"
    assert [q for _, q, _, _ in _frames(text)] == ["executions"] * 3


def test_a_header_only_table_has_no_rows() -> None:
    text = "Год | Всего | Из них к высшей мере |\n---|---|---|\n"
    assert table_rows(text, DATA) == [] and _frames(text) == []


def test_odd_unicode_digits_in_a_table() -> None:
    text = "Год | Всего | Из них к высшей мере\n１９３７ | ７９０ ６６５ | ３５３ ０７４\n1938 | 554 258 | 328 618\n1939 | 63 889 | 2552\n"
    got = _frames(text)  # full-width digits: no crash, the ASCII rows still read under their header
    assert ("328 618", "executions", "1938", 0.7) in got and (
        "554 258",
        "repressed_total",
        "1938",
        0.7,
    ) in got


def test_a_number_at_the_text_s_edge() -> None:
    text = "Год | Всего | Из них к высшей мере\n1937 | 790 665 | 353 074\n1938 | 554 258 | 328 618\n1939 | 63 889 | 2552"
    assert _frames(text)[-1] == ("2552", "executions", "1939", 0.7)


def test_a_megabyte_of_table_lines() -> None:
    rows = "".join(
        f"{1917 + i} | {790_665 + i:,} | {1000 + i:,} |\n".replace(",", " ") for i in range(70)
    )
    unit = "Год | Всего | Из них к высшей мере |\n" + rows + "\n"
    tables = 1_000_000 // len(unit) + 1
    got = table_rows(unit * tables, DATA)
    assert len(got) == 70 * tables
    assert {noun_at(r, r.start)[0] for r in got} == {"repressed_total"}


def test_ten_thousand_rows_in_linear_time() -> None:
    years = "".join(f"{1917 + i % 70} | {1000 + i} | {10 + i % 7} | {i} |\n" for i in range(70))
    header = "Годы | По данным МВД | ||\nВсего | Из них к высшей мере | Прочие меры | |\n"
    # one run of rows (its years repeat: no table, but every line is read) and many small tables
    assert_linear(lambda t: table_rows(t, DATA), years, 18, doublings=3)  # 1,260 to 10,080 rows
    assert_linear(lambda t: table_rows(t, DATA), header + years[:60] + "\n", 4, doublings=3)
