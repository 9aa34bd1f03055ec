"""Tables whose rows are labelled and whose columns are years: each cell a count of its column's year.

A table is often printed the other way round from a year-value table: a label a row, a year a
column (a book's table as a page copies it, one row a line)::

    Движение спецпереселенцев | 1932 | 1933 | 1934
    прибыло                   | 71 236 | 268 091 | 55 437
    освобождено               | —      | 15 366  | 5736
    На 31 декабря             | 1 142 084 | 1 072 546 | 973 693

Every number cell is a claim (a table's cells are a list, so a small count is kept too) for its
column's year: the header row's year where the header gives one in every value column, else the span
of years a line right around the table states ("за 1932–1940 гг.") where it holds exactly as many years
as the table has value columns (the excerpt cut the header off; the span proves the columns). A table
no line dates gives no row: its years are never guessed. What a cell counts is its row label's noun
("освобождено": releases), else the caption's, else the noun of the line that dated it. A row label
naming a day ("На 31 декабря") dates its cells on that day of the column's year, whatever they count. One pass over
the lines: linear in the text.
"""

from __future__ import annotations

import itertools
import re

from .resources import Resources
from .table_cells import SOVIET_YEARS, Row, cells_of, header_day, header_noun, noun_of

#: The fewest labelled rows of equal width that make a table.
MIN_LABELLED_ROWS = 3
#: The fewest value columns (years) of such a table.
MIN_COLUMNS = 3
#: The fewest value columns a span of years beside a table may date: a span of as many years as three or four
#: columns could be a coincidence ("in 1943–1945" beside a table of regions by three measures).
SPANNED_COLUMNS = 5
#: How many lines above a table its caption is looked for, and how far around it a dating span.
AROUND_LINES = 2
#: A value cell: a number ("1 142 084", "5736", "~300") or a dash, nothing else.
_VALUE_CELL = re.compile(r"[~\u2248]?\s*[0-9][0-9 \u00a0\u202f.,]*|[\u2014\u2013-]?")
_NUMBER_CELL = re.compile(r"[~\u2248]?\s*[0-9]")
_LABEL_WORD = re.compile(r"[^\W\d_]{2,}")
_YEAR_CELL = re.compile(r"\s*(?P<year>1[89][0-9]{2})\s*(?:гг?\.|год)?\s*")
#: A Markdown table's rule under its header: "---|---|---|", "|:--|--:|".
_MARKDOWN_RULE = re.compile(r"\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*")
#: A span of years: "1932–1940", "1932-1940 гг.", "1932 — 1940".
_YEAR_SPAN = re.compile(
    r"(?<![0-9])(?P<a>1[89][0-9]{2})\s*[\u2013\u2014-]\s*(?P<b>1[89][0-9]{2})(?![0-9])"
)


def _labelled(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The cells of a labelled row (a label with words, then value cells only, one number at least), or []."""
    cells = cells_of(text, a, b)
    if cells and cells[-1][0] == cells[-1][1]:
        cells = cells[:-1]  # "... | 578 |": the empty cell after the last break
    if len(cells) < MIN_COLUMNS + 1 or not _LABEL_WORD.search(text, *cells[0]):
        return []
    values = cells[1:]
    if not all(_VALUE_CELL.fullmatch(text, *c) for c in values) or _header_years(
        text, (a, b), len(values)
    ):
        return []  # not a row of values, or the header ("Год | 1932 | 1933 | 1934")
    return cells if any(_NUMBER_CELL.match(text, *c) for c in values) else []


def _header_years(text: str, line: tuple[int, int], width: int) -> list[str]:
    """The years of a header line whose value columns are each a year, rising ("Год | 1932 | 1933"), or []."""
    cells = cells_of(text, *line)
    if cells and cells[-1][0] == cells[-1][1]:
        cells = cells[:-1]
    years = [m["year"] if (m := _YEAR_CELL.fullmatch(text, *c)) else "" for c in cells[-width:]]
    if len(cells) < width or not all(years) or any(int(y) not in SOVIET_YEARS for y in years):
        return []
    return years if all(int(x) < int(y) for x, y in itertools.pairwise(years)) else []


def _spanned_years(text: str, lines: list[tuple[int, int]], width: int) -> tuple[list[str], int]:
    """The years of the one span in ``lines`` that holds exactly ``width`` years, and its line, or ([], -1)."""
    found = [
        (k, int(m["a"]), int(m["b"]))
        for k, (a, b) in enumerate(lines)
        for m in _YEAR_SPAN.finditer(text, a, b)
        if int(m["b"]) - int(m["a"]) + 1 == width and int(m["a"]) in SOVIET_YEARS
    ]
    if len({(a, b) for _, a, b in found}) != 1:
        return [], -1  # none, or two that disagree: the columns are not proven
    k, first, last = found[0]
    return [str(y) for y in range(first, last + 1)], k


def _runs(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """The runs of labelled rows of one width: (first line, line after the last, width) each."""
    widths = [len(_labelled(text, a, b)) for a, b in lines]
    out, i = [], 0
    while i < len(lines):
        j = i
        while j < len(lines) and widths[j] and widths[j] == widths[i]:
            j += 1
        if j - i >= MIN_LABELLED_ROWS:
            out.append((i, j, widths[i] - 1))
        i = max(j, i + 1)
    return out


def _nearby(text: str, lines: list[tuple[int, int]], k: int, step: int) -> list[tuple[int, int]]:
    """Up to :data:`AROUND_LINES` lines from line ``k`` on, going ``step``, up to a blank line."""
    out: list[tuple[int, int]] = []
    while 0 <= k < len(lines) and len(out) < AROUND_LINES and text[slice(*lines[k])].strip():
        out.append(lines[k])
        k += step
    return out


def _table_noun(
    text: str, caption: list[tuple[int, int]], dating: str, data: Resources
) -> tuple[str, str]:
    """The noun of a table with year columns: its caption's, else that of the line that dated it."""
    for a, b in caption:
        if (noun := noun_of(text[a:b], data))[1]:
            return noun[1], noun[2]
    noun = noun_of(dating, data)
    return noun[1], noun[2]


def labelled_rows(text: str, lines: list[tuple[int, int]], data: Resources) -> list[Row]:
    """One row a number cell of the tables whose rows are labelled and whose columns are years.

    ``lines`` are the text's lines, (start, end) each.  A cell's ``year`` is its column's; its
    quantity its row label's noun, else the table's (see the module's docstring).

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> text = ("Год | 1937 | 1938 | 1939 |\\nРасстреляно | 353 074 | 328 618 | 2552 |\\n"
    ...         "освобождено | 15 366 | — | 616 |\\nпрочие причины | 79 676 | 100 488 | 962 |\\nВсего выслано 1000.")
    >>> import re
    >>> lines = [m.span() for m in re.finditer(r"[^\\n]+", text)]
    >>> [(text[r.start : r.end], r.year, r.quantity) for r in labelled_rows(text, lines, load_resources())]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('353 074', '1937', 'executions'), ('328 618', '1938', 'executions'), ('2552', '1939', 'executions'),
     ('15 366', '1937', 'releases'), ('616', '1939', 'releases'),
     ('79 676', '1937', ''), ('100 488', '1938', ''), ('962', '1939', '')]

    Three columns beside a span of three years are not dated by it (a coincidence is too likely):

    >>> text = text.replace("Год | 1937 | 1938 | 1939 |", "В 1937–1939 гг.")
    >>> labelled_rows(text, [m.span() for m in re.finditer(r"[^\\n]+", text)], load_resources())
    []
    """
    out: list[Row] = []
    for first, stop, width in _runs(text, lines):
        mark = first >= 1 and bool(
            _MARKDOWN_RULE.fullmatch(text, *lines[first - 1])
        )  # "|---|---|" under the header
        above = _nearby(text, lines, first - 1 - mark, -1)
        years = _header_years(text, above[0], width) if above else []
        caption = above[1:] if years else above
        dating = ""
        if not years and width >= SPANNED_COLUMNS:
            around = above + _nearby(text, lines, stop, 1)
            years, k = _spanned_years(text, around, width)
            dating = text[slice(*around[k])] if years else ""
        if not years:
            continue  # no line dates the columns: not guessed
        quantity, cue = _table_noun(text, caption, dating, data)
        for a, b in lines[first:stop]:
            cells = _labelled(text, a, b)
            label = text[slice(*cells[0])]
            noun = header_noun(label, data)
            named = (noun[1], noun[2]) if noun[1] else (quantity, cue)
            day = header_day(
                label
            )  # "На 31 декабря": every cell a count on that day of its column's year
            out += [
                Row(x, y, f"{year}-{day}" if day else year, *named, cells=((x, y, *named),))
                for (x, y), year in zip(cells[1:], years)
                if _NUMBER_CELL.match(text, x, y)
            ]
    return out
