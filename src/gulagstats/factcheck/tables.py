"""Year-value tables: the rows of a text that give a year and a count, with the table's noun.

A text often gives a series as a table or a list, one year a row::

    Количество умерших заключенных (чел.)
    1930
    7 980 (4,2 %)
    1931
    7 283 (2,9 %)

or ``1937 — 790 665``, ``1938: 554 258``, ``| 1939 | 44 750 |`` (a wiki or
HTML table as :mod:`gulagstats.factcheck.read` writes it).  Each number of a
row is a claim for that row's year (how found: ``table``), and what it counts
is the caption's or the header's noun: the lexicon's quantity cue of the
lines above the table (the number's own noun, if it has one, still wins).

A table is at least :data:`MIN_ROWS` rows with as many different years, each
a year of the Soviet state (:data:`SOVIET_YEARS`): a column of page numbers, a
single "1937" line before a number, or rows with one year twice are not a
table.  One pass over the lines: linear in the text.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import replace

from ..estimates.vocabulary import QUANTITIES
from ..periods import match_period
from .frames import Frame
from .numerals import fold_digits
from .periods import Period
from .phrases import tokens
from .resources import Resources
from .sentences import line_starts
from .table_cells import (
    SOVIET_YEARS,
    Row,
    cell_day,
    cells_of,
    glued_notes,
    header_day,
    header_noun,
    inline_rows,
    with_notes,
)
from .table_columns import (
    CAPTION_LINES,
    LETTER_WORDS,
    column_nouns,
    deaths_of_the_place,
    filled_cells,
    share_header,
    table_caption,
)
from .table_labels import labelled_counts
from .table_pairs import paired_rows
from .year_columns import labelled_rows

#: The fewest rows (and different years) that make a table.
MIN_ROWS = 3
#: The confidence of a period read from a table's row (its year stands beside the number).
TABLE_CONFIDENCE = 0.9
_ROW_YEAR = r"(?P<year>1[89][0-9]{2})(?:\s*(?:г\.|гг\.|год[уа]?|г\b))?"
#: A line that is only a year (a table's first column on a line of its own): "1930", "| 1937 |", "1938 г.".
_YEAR_ONLY = re.compile(rf"\s*\|?\s*{_ROW_YEAR}\s*[:.|\u2013\u2014-]?\s*\|?\s*")
#: A line that starts with a year, a separator and a number: "1937 — 790 665", "1938: 554 258", "| 1939 | 44 750";
#: or a year cell with a footnote digit glued to it, before a cell break: "19301 | 7980" (1930, note 1), or
#: with a footnote mark: "1930* | 7980", "1930[1] | 7,980", "1930¹ | 7980".
_YEAR_VALUE = re.compile(
    rf"\s*\|?\s*(?:в\s+|in\s+)?(?:{_ROW_YEAR}\s*(?:\|\|?|:|\u2013|\u2014|-|\t)|"
    r"(?P<noted>1[89][0-9]{2})[0-9]\s*(?:\|\|?|\t)|"
    r"(?P<marked>1[89][0-9]{2})(?:\*+|\[[0-9a-z]{1,3}\]|[\u00b9\u00b2\u00b3\u2070-\u2079]+)\s*(?:\|\|?|:|\u2013|\u2014|-|\t))"
    r"\s*(?=[0-9~\u2248])"
)
#: A row's year cell that names a half of the year: "1953 (first half) | 8403", "1953 (I полугодие) | 8403".
_HALF_YEAR = re.compile(
    r"\s*\|?\s*(?P<year>1[89][0-9]{2})\s*\(\s*(?:(?P<first>first|1st|I|первое|1-е)|second|2nd|II|второе|2-е)"
    r"\s+(?:half|half-year|полугодие)\s*\)\s*(?:\|\|?|:|\u2013|\u2014|-|\t)\s*(?=[0-9])",
    re.IGNORECASE,
)
#: A line that starts with a number and holds few words: a value cell.
_VALUE = re.compile(r"\s*\|?\s*[~\u2248]?\s*[0-9]")
_ANOTHER_YEAR = re.compile(r"(?<![0-9 .,\u00a0])1[89][0-9]{2}(?![0-9])")


def _line_spans(text: str) -> list[tuple[int, int]]:
    starts = line_starts(text)
    return [
        (a, (starts[i + 1] - 1) if i + 1 < len(starts) else len(text)) for i, a in enumerate(starts)
    ]


def _soviet_year(match: re.Match[str] | None) -> str:
    groups = match.groupdict() if match else {}
    year = groups.get("year") or groups.get("noted") or groups.get("marked") or ""
    return year if year and int(year) in SOVIET_YEARS else ""


def _a_value_line(line: str) -> bool:
    return (
        bool(_VALUE.match(line))
        and not _soviet_year(_YEAR_ONLY.fullmatch(line))
        and len(LETTER_WORDS.findall(line)) <= 3
    )


def _rows_of(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, Row]]:
    """Every candidate row: (index of its first line, the row)."""
    out: list[tuple[int, Row]] = []
    i = 0
    while i < len(lines):
        a, b = lines[i]
        line = text[a:b]
        alone = _soviet_year(_YEAR_ONLY.fullmatch(line))
        if alone and i + 1 < len(lines) and _a_value_line(text[lines[i + 1][0] : lines[i + 1][1]]):
            out.append((i, Row(lines[i + 1][0], lines[i + 1][1], alone)))
            i += 2
            continue
        if (half := _HALF_YEAR.match(line)) and _soviet_year(half):
            months = ("01", "06") if half["first"] else ("07", "12")
            out.append((i, Row(a + half.end(), b, "/".join(f"{half['year']}-{m}" for m in months))))
            i += 1
            continue
        joined = _YEAR_VALUE.match(line)
        year = _soviet_year(joined)
        if (
            joined
            and year
            and not _ANOTHER_YEAR.search(line, joined.end())
            and len(LETTER_WORDS.findall(line)) <= 4
        ):
            out.append(
                (
                    i,
                    Row(
                        a + joined.end(),
                        b,
                        year,
                        noted=next(
                            (a + joined.start(g) for g in ("noted", "marked") if joined[g]), -1
                        ),
                        glued=bool(joined["noted"]),
                    ),
                )
            )
        i += 1
    return out


def _columns(
    text: str, lines: list[tuple[int, int]], run: list[tuple[int, Row]], data: Resources
) -> list[Row]:
    """The rows of a table whose header names each column ("Year | Arrests | Executions"): each cell its column's noun.

    A header one cell shorter than its rows is the second line of a header whose year cell spans both
    ("Годы | По данным МВД || ... / Всего | Из них к высшей мере"): its cells stand over the value cells.
    """
    first = run[0][0]
    above = [
        k
        for k in (first - 1, first - 2)
        if k >= 0 and len(cells_of(text, *lines[k])) >= 3 and LETTER_WORDS.search(text, *lines[k])
    ]  # the line above, or above a wiki "|-" or a Markdown "|---|---|"
    if not above:
        return [r for _, r in run]
    written = cells_of(text, *lines[above[0]])
    header = filled_cells(written)
    around = text[
        lines[max(0, above[0] - CAPTION_LINES)][0] : lines[above[0]][1]
    ]  # the header and the caption
    whole = table_caption(text, lines, above[0], data) if above[0] else ("", "")
    columns = column_nouns(text, header, whole, data)
    shares = [share_header(text[a:b], data) for a, b in header]
    spanned = (
        len(filled_cells(cells_of(text, *lines[first]))) == len(header) + 1
    )  # a two-line header
    values = columns if spanned else columns[1:]  # the columns over the values, not the year's
    own = sum(1 for c in values if c[0])
    named_columns = own >= 2 or (
        own >= 1 and any(c[2] and not c[0] for c in values)
    )  # one noun alone, no other column named: the caption's is the table's
    # "Год | 1 января | 1 апреля": a day per column
    days = [header_day(text[a:b]) for a, b in header]
    if not named_columns and not any(shares) and not any(days):
        return [r for _, r in run]
    out = []
    for i, r in run:
        cells = cells_of(text, *lines[i])
        filled = filled_cells(cells)
        if len(filled) == len(header) + 1 and r.start >= filled[0][1]:
            cells = filled[1:]  # a two-line header: the year's cell stands in the line above
        elif len(cells) != len(written):
            out.append(r)  # a ragged row: its cells cannot be put under the header
            continue
        named = tuple(
            (a, b, *deaths_of_the_place(c[0], c[1], around, data))
            for (a, b), c in zip(cells, columns)
            if c[2] and a >= r.start and named_columns
        )
        percent = tuple(a for (a, b), share in zip(cells, shares) if share and a >= r.start)
        dated = tuple((a, d) for (a, _), d in zip(cells, days) if a >= r.start and any(days[1:]))
        out.append(replace(r, cells=named, shares=percent, days=dated, day=days[0] or r.day))
    return out


def unnamed_column(row: Row, at: int) -> str:
    """The header of the cell of ``row`` at ``at`` if its column names no quantity the lexicon knows, else "".

    >>> unnamed_column(Row(0, 20, "1937", cells=((0, 6, "", "other measures"), (9, 15, "executions", "shot"))), 3)
    'other measures'
    """
    for a, b, quantity, cue in row.cells:
        if a <= at < b:
            return "" if quantity else cue
    return ""


def _with_notes(
    text: str, lines: list[tuple[int, int]], run: list[tuple[int, Row]], table: list[Row]
) -> list[Row]:
    """The rows of a table, each with its cells that carry a glued footnote digit ("206 4301"), where proven."""
    cells = [
        [c for c in cells_of(text, *lines[i]) if c[0] >= r.start] for (i, _), r in zip(run, table)
    ]
    glued = glued_notes([[text[a:b] for a, b in row] for row in cells])
    return [with_notes(r, c, g, text) for r, c, g in zip(table, cells, glued)]


def _in_sequence(run: list[tuple[int, Row]]) -> list[tuple[int, Row]]:
    """The rows of a run, without year cells read through a glued footnote digit unless the years run on.

    "19301 | 7980" is 1930 with note 1 only in a table whose years rise one by one around it
    (1930, 1931, ...): a five-digit first cell elsewhere is a number, not a year with a note.
    """
    if not any(r.glued for _, r in run):
        return run
    years = [int(r.year[:4]) for _, r in run]
    steps = [b - a for a, b in itertools.pairwise(years)]
    if len(years) >= MIN_ROWS and all(d == 1 for d in steps):
        return run
    return [(i, r) for i, r in run if not r.glued]


#: The line after a table's last row that sums it: "Итого | 1606748 |", "Total: 1,606,748", "Всего — 4 060 306",
#: "Всего за 1921–1952 гг. | 4 051 903 |", "Total for 1921-1953 | ...".
_TOTAL = re.compile(
    r"\s*\|?\s*(?:итого|всего|total|in all)"
    r"(?:\s+(?:за|for|in)?\s*1[89][0-9]{2}\s*[\u2013\u2014-]\s*1[89][0-9]{2}(?:\s*(?:гг\.|годы|г\.))?)?"
    r"\s*(?:\|\|?|:|\u2013|\u2014|-|\t)\s*(?=[0-9])",
    re.I,
)


def _total(text: str, lines: list[tuple[int, int]], after: int, table: list[Row]) -> list[Row]:
    """The total row right after a table, dated by the span of its years and counting what its first value counts."""
    if after >= len(lines) or not (m := _TOTAL.match(text, *lines[after])):
        return []
    first, last = table[0], table[-1]
    quantity, cue = (
        (last.cells[0][2], last.cells[0][3]) if last.cells else (last.quantity, last.cue)
    )
    span = f"{first.year.split('/')[0]}/{last.year.split('/')[-1]}"  # to the end of a last row's half year
    return [Row(m.end(), lines[after][1], span, quantity, cue)]


def noted_years(rows: list[Row]) -> set[int]:
    """Where the table cells that are no claims start: year cells with a glued footnote digit ("19301": years,
    not numbers), and the cells of a column that counts no repression (the country's population)."""
    return {r.noted for r in rows if r.noted >= 0} | {a for r in rows for a in r.ignored}


def share_cells(rows: list[Row]) -> frozenset[int]:
    """Where the cells of the tables' share columns start: their numbers are shares, with or without a "%"."""
    return frozenset(a for r in rows for a in r.shares)


def table_rows(text: str, data: Resources) -> list[Row]:
    """The rows of the year-value tables of ``text``, in order.

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> text = "Расстреляно (чел.)\\n1937 — 353 074\\n1938 — 328 618\\n1939 — 2 552\\nКонец."
    >>> [(text[r.start : r.end], r.year, r.quantity) for r in table_rows(text, load_resources())]
    [('353 074', '1937', 'executions'), ('328 618', '1938', 'executions'), ('2 552', '1939', 'executions')]
    >>> table_rows("p. 12\\n1937\\n45\\n1937\\n46", load_resources())
    []
    """
    # "１９３７ | ７９０ ６６５": full-width and other digits as ASCII, offsets unchanged
    text = fold_digits(text)
    lines = _line_spans(text)
    candidates = _rows_of(text, lines)
    out: list[Row] = []
    k = 0
    while k < len(candidates):
        run = [
            candidates[k]
        ]  # rows whose lines follow one another (a blank or caption line ends a table)
        while k + 1 < len(candidates) and candidates[k + 1][0] - run[-1][0] <= 2:
            k += 1
            run.append(candidates[k])
        k += 1
        run = _in_sequence(run)
        years = [r.year for _, r in run]
        if len(run) < MIN_ROWS or len(set(years)) < len(years):
            continue
        quantity, cue = table_caption(text, lines, run[0][0], data)
        around = text[lines[max(0, run[0][0] - CAPTION_LINES)][0] : lines[run[0][0]][0]]
        quantity, cue = deaths_of_the_place(quantity, cue, around, data)
        table = [replace(r, quantity=quantity, cue=cue) for r in _columns(text, lines, run, data)]
        table = _with_notes(text, lines, run, table)
        total = _total(text, lines, run[-1][0] + 1, table)
        if total:  # its cells under the header's nouns, as the rows above it
            total = _columns(text, lines, [*run, (run[-1][0] + 1, total[0])], data)[-1:]
        out += table + total
    out += _clear_of(flattened_rows(text, lines, data), out)
    out += _clear_of(labelled_rows(text, lines, data), out)
    out += _clear_of(paired_rows(text, lines, data), out)  # "1930 179,000 1942 1,777,043"
    out += _clear_of(labelled_counts(text, lines, data), out)  # "Chechens (Feb. 1944) |\n362 000"
    out += _clear_of(inline_rows(text, lines), out)
    return sorted(out, key=lambda r: r.start)


def _clear_of(rows: Iterable[Row], taken: list[Row]) -> list[Row]:
    """The rows of ``rows`` that overlap none of ``taken``, in linear-logarithmic time (a long text's
    tables give thousands of rows: a pairwise check was quadratic).

    >>> row = lambda a, b: Row(a, b, "1937")
    >>> [(r.start, r.end) for r in _clear_of([row(0, 5), row(5, 9), row(20, 30)], [row(3, 5), row(25, 26)])]
    [(5, 9)]
    """
    spans = sorted((r.start, r.end) for r in taken)
    starts = [a for a, _ in spans]
    reach = list(itertools.accumulate((b for _, b in spans), max))  # the furthest end so far

    def clear(r: Row) -> bool:
        k = bisect.bisect_left(starts, r.end)  # spans[:k] start before r ends
        return k == 0 or reach[k - 1] <= r.start

    return [r for r in rows if clear(r)]


#: A line that is one cell of a table flattened one cell a line, each cell ending in "|": "510 307 |", "Год |", "|".
_CELL_LINE = re.compile(r"[^|\n]*\|[ \t]*")
#: No yearly count of repression reaches this: a column of such numbers counts the country's population.
POPULATION_FLOOR = 10_000_000


def flattened_rows(text: str, lines: list[tuple[int, int]], data: Resources) -> list[Row]:
    """The rows of tables flattened one cell a line, each cell ending in " |" or alone on its line.

    (A blog's table as a page copies it.) A run of such lines is a table when a Soviet year stands alone
    every ``w`` lines (``w`` >= 2, at least :data:`MIN_ROWS` different years): each year and the ``w - 1``
    lines after it are a row, and the ``w`` short lines before the first year, if they hold words, are
    the header naming each column's quantity.

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> text = "Заключённые\\nГод |\\nЧисленность |\\nУмерло |\\n1937 |\\n820 881 |\\n25 376 |\\n1938 |\\n996 367 |\\n90 546 |\\n1939 |\\n1 317 195 |\\n50 502 |"
    >>> rows = flattened_rows(text, _line_spans(text), load_resources())
    >>> [(r.year, noun_at(r, r.start)[0], noun_at(r, r.end - 1)[0]) for r in rows]
    [('1937', 'gulag_population', 'regime_deaths'), ('1938', 'gulag_population', 'regime_deaths'), ('1939', 'gulag_population', 'regime_deaths')]
    """
    out: list[Row] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _a_cell_line(text, *lines[j]):
            j += 1
        if j - i >= 2 * MIN_ROWS:
            out += _flat_table(text, lines, (i, j), data)
        i = max(j, i + 1)
    return out


def _a_cell_line(text: str, a: int, b: int) -> bool:
    """A line of a flattened table: a cell ending in "|", or, without the "|", a year or a value alone."""
    line = text[a:b]
    return (
        bool(_CELL_LINE.fullmatch(line))
        or _a_value_line(line)
        or bool(_soviet_year(_YEAR_ONLY.fullmatch(line)))
    )


def _a_header(text: str, lines: list[tuple[int, int]]) -> list[str]:
    """The header cells of a flattened table (its ``lines`` before the first year), or [] if they are not one:
    short lines, not blank, one at least with words."""
    cells = [text[a:b].strip().rstrip(" \t|") for a, b in lines]
    short = all(
        len(LETTER_WORDS.findall(c)) <= HEADER_WORDS and text[a:b].strip()
        for c, (a, b) in zip(cells, lines)
    )
    return cells if short and any(LETTER_WORDS.search(c) for c in cells) else []


#: The most words in a cell of a flattened table's header ("Год (данные на 1-е января)").
HEADER_WORDS = 6


def _strided_years(
    text: str, lines: list[tuple[int, int]], i: int, j: int
) -> list[tuple[int, str]]:
    """The longest run of year cells in lines ``i:j`` at one stride of two lines or more, years all different."""
    years = [
        (k, y) for k in range(i, j) if (y := _soviet_year(_YEAR_ONLY.fullmatch(text, *lines[k])))
    ]
    best: list[tuple[int, str]] = []
    run: list[tuple[int, str]] = []
    seen: set[str] = set()  # the years of the run
    for k, y in years:
        step = k - run[-1][0] if run else 0
        if run and (step < 2 or (len(run) >= 2 and step != run[1][0] - run[0][0]) or y in seen):
            best = max(best, run, key=len)
            run = [run[-1]] if step >= 2 and y != run[-1][1] else []
            seen = {x for _, x in run}
        run.append((k, y))
        seen.add(y)
    return max(best, run, key=len)


def _flat_number(cell: str) -> int:
    """The whole number a cell holds ("160 648 000 |"), or -1."""
    digits = re.sub(r"[\s\u00a0\u202f|]", "", cell)
    return int(digits) if digits.isdigit() and len(digits) < 12 else -1


def _flat_table(
    text: str, lines: list[tuple[int, int]], span: tuple[int, int], data: Resources
) -> list[Row]:
    """The rows of one run of cell lines (``span``: its first line and the line after its last)."""
    run = _strided_years(text, lines, *span)
    if len(run) < MIN_ROWS:
        return []
    width, first = run[1][0] - run[0][0], run[0][0]
    head = first - width
    header = _a_header(text, lines[head:first]) if head >= 0 else []
    quantity, cue = table_caption(text, lines, head if header else first, data)
    around = text[lines[max(0, (head if header else first) - CAPTION_LINES)][0] : lines[first][0]]
    quantity, cue = deaths_of_the_place(quantity, cue, around, data)
    columns = [
        (*deaths_of_the_place(*header_noun(h, data)[1:], around, data), share_header(h, data))
        for h in header
    ]
    rows = [(y, lines[k + 1 : k + width], False) for k, y in run if k + width <= span[1]]
    population = {
        c
        for c in range(1, width)
        if all(_flat_number(text[slice(*cells[c - 1])]) >= POPULATION_FLOOR for _, cells, _ in rows)
    }
    # "Год (данные на 1-е января)", "1 апреля": counts on a day
    days = [header_day(h) for h in header] or [""]
    rows += _summaries(
        text, lines, (run[-1][0] + width, span[1], width), f"{run[0][1]}/{run[-1][1]}", data
    )
    out = []
    for year, cells, of_shares in rows:
        at = list(enumerate(cells, 1))
        named = tuple((a, b, *columns[c][:2]) for c, (a, b) in at if header and columns[c][0])
        shares = tuple(a for c, (a, _) in at if of_shares or (header and columns[c][2]))
        ignored = tuple(a for c, (a, _) in at if c in population)
        dated = tuple((a, days[c]) for c, (a, _) in at if c < len(days)) if any(days[1:]) else ()
        bounds, day = (cells[0][0], cells[-1][1]), days[0]
        out.append(
            Row(*bounds, year, quantity, cue, named, shares, ignored=ignored, day=day, days=dated)
        )
    return out


#: The most summary rows after a flattened table ("Средние значения |", "Итого |").
SUMMARY_ROWS = 2


def _summaries(
    text: str, lines: list[tuple[int, int]], where: tuple[int, int, int], span: str, data: Resources
) -> list[tuple[str, list[tuple[int, int]], bool]]:
    """The summary rows right after a flattened table: a cell of words, then a cell under each column.

    ``where`` holds the line after the table, the line after the run of cells and the table's width;
    each row is dated by the ``span`` of the table's years, and holds shares if its label says so
    ("Ст.58 и смертность средние, %").
    """
    k, stop, width = where
    out: list[tuple[str, list[tuple[int, int]], bool]] = []
    while len(out) < SUMMARY_ROWS and k + width <= stop:
        label = text[slice(*lines[k])]
        if not LETTER_WORDS.search(label) or _soviet_year(_YEAR_ONLY.fullmatch(label)):
            break
        shares = "%" in label or bool(data.lexicon["share"].phrases.find(tokens(label)))
        out.append((span, lines[k + 1 : k + width], shares))
        k += width
    return out


def noun_at(row: Row, at: int) -> tuple[str, str]:
    """The quantity and cue of the cell of ``row`` that holds the character ``at``: its column's, else the table's.

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> text = "Year | Arrested | Shot\\n1937 | 936,750 | 353,074\\n1938 | 638,509 | 328,618\\n1939 | 44,731 | 2,552"
    >>> rows = table_rows(text, load_resources())
    >>> [(noun_at(rows[0], text.find(v))[0], rows[0].year) for v in ("936,750", "353,074")]
    [('arrests', '1937'), ('executions', '1937')]
    """
    for a, b, quantity, cue in row.cells:
        if a <= at < b:
            return quantity, cue
    return row.quantity, row.cue


def row_at(rows: list[Row], starts: list[int], at: int) -> Row | None:
    """The row whose values hold the character ``at`` (``starts``: the rows' starts), or None."""
    i = bisect.bisect_right(starts, at) - 1
    return rows[i] if i >= 0 and rows[i].start <= at < rows[i].end else None


def date_by_row(f: Frame, row: Row) -> None:
    """Give a claim frame of a table cell its row's year as its period (how found: ``table``).

    Examples
    --------
    >>> from gulagstats.factcheck.run import check_text
    >>> text = "Умершие заключенные (чел.)\\n1937\\n31 056\\n1938\\n108 654\\n1939\\n44 750"
    >>> [(f.mention, f.quantity, f.period, f.period_how) for f in check_text(text).frames]
    [('31 056', 'gulag_deaths', '1937', 'table'), ('108 654', 'gulag_deaths', '1938', 'table'), ('44 750', 'gulag_deaths', '1939', 'table')]
    """
    kind = QUANTITIES[f.quantity].kind if f.quantity in QUANTITIES else "flow"
    day = cell_day(row, f.start)  # its column's day ("1 апреля"), else its row's ("на 1-е января")
    # counts on a day: a summary row's span from day to day
    on_day = day and kind == "stock"
    year = "/".join(f"{y}-{day}" for y in row.year.split("/")) if on_day else row.year
    f.period, f.period_how, f.period_confidence = (
        match_period(year, kind),
        "table",
        TABLE_CONFIDENCE,
    )


def outside_cells(
    rows: list[Row], starts: list[int], periods: list[Period], offset: int = 0
) -> list[Period]:
    """The periods that do not reach into a table row's values: "1938 — 90 546" is a year and a count, not 1938-1990.

    Examples
    --------
    >>> from gulagstats.factcheck.run import check_text
    >>> text = "Умерло в лагерях\\n1937 — 25 376\\n1938 — 90 546\\n1939 — 50 502"
    >>> [(f.mention, f.period) for f in check_text(text).frames]
    [('25 376', '1937'), ('90 546', '1938'), ('50 502', '1939')]
    """
    out = []
    for p in periods:
        row = row_at(
            rows, starts, offset + p.end - 1
        )  # periods are read in their sentence, from ``offset``
        if row is None:
            out.append(p)
        elif offset + p.start < row.start and re.fullmatch(r"1[89][0-9]{2}", p.period[:4]):
            out.append(
                replace(p, end=p.start + 4, period=p.period[:4], kind="year", day=None)
            )  # its year alone
    return out
