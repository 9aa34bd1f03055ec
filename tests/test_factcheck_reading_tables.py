"""Year-value tables (issue 20, round 5): one claim per cell, dated by its row, with the caption's noun."""

from __future__ import annotations

import pytest

from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text
from gulagstats.factcheck.tables import table_rows

from .test_factcheck_stages import assert_linear

DATA = load_resources()


def _cells(text: str) -> list[tuple[str, str, str, str, str]]:
    return [
        (f.mention, f.quantity, f.period, f.period_how, f.unit)
        for f in check_text(text, "t.txt").frames
    ]


def test_years_on_their_own_lines_date_the_values_below_them():
    text = "Количество умерших заключенных (чел.)\n1930\n7 980 (4,2 %)\n1942\n352 560 (24,9 %)\n1931\n7 283 (2,9 %)"
    cells = _cells(text)
    assert [c[:4] for c in cells if c[4] == "count"] == [
        ("7 980", "gulag_deaths", "1930", "table"),
        ("352 560", "gulag_deaths", "1942", "table"),
        ("7 283", "gulag_deaths", "1931", "table"),
    ]
    assert [(c[0], c[2], c[4]) for c in cells if c[4] == "share"] == [
        ("4,2", "1930", "share"),
        ("24,9", "1942", "share"),
        ("2,9", "1931", "share"),
    ]


def test_a_wiki_table_and_a_dashed_list_give_a_claim_per_row():
    wiki = "Executions by year\n| 1937 | 353,074 |\n| 1938 | 328,618 |\n| 1939 | 2,552 |"
    assert [c[:4] for c in _cells(wiki)] == [
        ("353,074", "executions", "1937", "table"),
        ("328,618", "executions", "1938", "table"),
        ("2,552", "executions", "1939", "table"),
    ]
    dashed = "Арестовано органами НКВД:\n1936 — 131 168\n1937 — 936 750\n1938 — 638 509"
    assert [(c[0], c[1], c[2]) for c in _cells(dashed)] == [
        ("131 168", "arrests", "1936"),
        ("936 750", "arrests", "1937"),
        ("638 509", "arrests", "1938"),
    ]


def test_a_cell_with_its_own_noun_keeps_it():
    text = "Repression by year\n1937: 353,074 shot\n1938: 328,618 shot\n1939: 44,731 arrested"
    assert [(c[0], c[1], c[2]) for c in _cells(text)] == [
        ("353,074", "executions", "1937"),
        ("328,618", "executions", "1938"),
        ("44,731", "arrests", "1939"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Shot\n1937\n1938\n353,074\n1939",  # ragged: two years in a row, a value without its year
        "Shot\n1937\n353,074\n1937\n328,618\n1937\n2,552",  # one year three times: not a year column
        "Contents\n12\n353,074\n13\n328,618\n14\n2,552",  # a column of page numbers, not years
        "Shot\n1937 — 353,074\n\n1938 — 328,618",  # two rows apart: not a table
        "In 1937 — 353,074 people were shot in 1938 and later, the archives say, and many more",  # prose
    ],
)
def test_what_is_not_a_table_gives_no_rows(text):
    assert table_rows(text, DATA) == []


def test_a_table_of_percentages_gives_shares_never_judged_as_counts():
    text = "Смертность заключенных, %\n1942\n24,9 %\n1943\n22,4 %\n1944\n9,2 %"
    cells = _cells(text)
    assert cells and all(c[4] == "share" and c[3] == "table" for c in cells)


def test_hostile_tables_are_read_in_linear_time():
    assert_linear(lambda t: table_rows(t, DATA), "1937\n353 074\n| 1938 | 1 |\n1939 — \n\n", 2000)
    assert_linear(
        lambda t: check_text(t, "t"),
        "Расстреляно:\n1937\n353 074\n1938\n328 618\n1939\n2 552\n\n",
        200,
    )


def test_an_html_table_with_a_header_gives_each_column_its_noun():
    from gulagstats.factcheck.read import html_to_text

    html = (
        "<p>Repression by year</p><table><tr><th>Year</th><th>Arrested</th><th>Shot</th></tr>"
        "<tr><td>1937</td><td>936,750</td><td>353,074</td></tr><tr><td>1938</td><td>638,509</td><td>328,618</td></tr>"
        "<tr><td>1939</td><td>44,731</td><td>2,552</td></tr></table>"
    )
    assert [c[:4] for c in _cells(html_to_text(html))] == [
        ("936,750", "arrests", "1937", "table"),
        ("353,074", "executions", "1937", "table"),
        ("638,509", "arrests", "1938", "table"),
        ("328,618", "executions", "1938", "table"),
        ("44,731", "arrests", "1939", "table"),
        ("2,552", "executions", "1939", "table"),
    ]


def test_a_wiki_table_with_row_marks_and_a_column_of_deaths_in_the_gulag():
    wiki = (
        "Deaths in the Gulag camps\n{| class=wikitable\n! Year !! Prisoners !! Died\n|-\n| 1937 || 820,881 || 25,376\n"
        "|-\n| 1938 || 996,367 || 90,546\n|-\n| 1939 || 1,317,195 || 50,502\n|}"
    )
    assert [(c[0], c[1], c[2]) for c in _cells(wiki) if c[1].endswith("deaths")] == [
        ("25,376", "gulag_deaths", "1937"),
        ("90,546", "gulag_deaths", "1938"),
        ("50,502", "gulag_deaths", "1939"),
    ]


def test_a_year_and_a_count_in_a_row_are_not_a_span_of_years():
    text = "Умерло в лагерях\n1937 — 25 376\n1938 — 90 546\n1939 — 50 502"
    assert [(c[0], c[2]) for c in _cells(text)] == [
        ("25 376", "1937"),
        ("90 546", "1938"),
        ("50 502", "1939"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Executions by year: 1937: 353,074; 1938: 328,618; 1939: 2,552.",
        "Расстреляно: в 1937 г. — 353 074, в 1938 г. — 328 618 человек.",
        "Расстреляно в 1937 году 353 074, а в 1938 году 328 618 человек.",
    ],
)
def test_a_list_of_years_and_counts_on_one_line_dates_each_count_by_its_year(text):
    cells = _cells(text)
    assert [(c[2], c[3]) for c in cells][:2] == [("1937", "table"), ("1938", "table")]


@pytest.mark.parametrize(
    "text",
    [
        "Between 1934 and 1953, 1,053,829 persons died; from 1932 through 1940, 389,521 peasants died.",
        "By 1938 1,881,570 prisoners, by 1941 2,400,422.",
        "On 1 January 1939, 1,317,195 prisoners; on 1 January 1941, 1,500,524.",
    ],
)
def test_span_ends_points_in_time_and_dates_are_no_list_of_years(text):
    assert table_rows(text, DATA) == []


def test_a_markdown_table_with_a_rule_under_its_header():
    text = (
        "Repression by year\n\n| Year | Arrested | Shot |\n|---|---|---|\n| 1937 | 936,750 | 353,074 |\n"
        "| 1938 | 638,509 | 328,618 |\n| 1939 | 44,731 | 2,552 |"
    )
    assert [c[1] for c in _cells(text)] == ["arrests", "executions"] * 3
