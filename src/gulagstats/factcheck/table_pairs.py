"""Year-value tables printed in pairs of columns: a year and its count, twice or more a line.

A book's table of a long series is often printed in two (or more) pairs of columns to save space, and a
page copies it one printed line a line (Applebaum's appendix)::

    these were the numbers of prisoners ... from 1930 to 1953, as counted on January 1 of each year:

    1930 179,000 1942 1,777,043
    1931 212,000 1943 1,484,182

A line is a row of such a table only if it holds nothing but year-count pairs (a Soviet year, then a number
of at least four digits that is not a year: "1937 1938" is two years, not a count), and a table is at
least :data:`MIN_LINES` such lines one under another with every year different.  What the cells count is
the caption's noun (the lexicon's quantity cue of the lines above; a caption ending in a colon still
introduces the table across one blank line), and a caption that names a day "of each year" ("as counted on
January 1 of each year", "на 1 января каждого года") dates every cell on that day.  A table no caption names
gives rows with no noun (its cells are then read by their own words, as before).  One pass over the lines:
linear in the text.
"""

from __future__ import annotations

import re

from .resources import Resources
from .table_cells import SOVIET_YEARS, YEAR_ALONE, Row, header_day
from .table_columns import table_caption

#: The fewest lines of pairs that make a table.
MIN_LINES = 3
#: One year-count pair: a year, spaces, a count in digits (grouped by thousands, or four to seven digits).
_YEAR_COUNT = re.compile(
    r"(?P<year>1[89][0-9]{2})[ \t\u00a0]+"
    r"(?P<value>[0-9]{1,3}(?:[,\u00a0\u202f ][0-9]{3})+|[0-9]{4,7})(?![0-9])"
)
#: A line of pairs only: one pair or more, separated by spaces or a cell break, nothing else.
_PAIRS_ONLY = re.compile(
    r"[ \t|]*(?:1[89][0-9]{2}[ \t\u00a0]+(?:[0-9]{1,3}(?:[,\u00a0\u202f ][0-9]{3})+|[0-9]{4,7})[ \t|]*)+"
)
#: A caption's words that make its day the day of every row's year.
_EACH_YEAR = re.compile(r"\b(?:each|every)\s+year\b|каждого\s+года|ежегодно", re.IGNORECASE)
_CAPTION_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZА-ЯЁ])")


def _line_pairs(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """The pairs of a line of pairs only, as (value start, value end, year), or [] if the line is not one."""
    if _PAIRS_ONLY.fullmatch(text, a, b) is None:
        return []
    out = []
    for m in _YEAR_COUNT.finditer(text, a, b):
        value = re.sub(r"[^0-9]", "", m["value"])
        if int(m["year"]) not in SOVIET_YEARS or (len(value) == 4 and YEAR_ALONE.fullmatch(value)):
            return []  # "1937 1938": two years, no count
        out.append((m.start("value"), m.end("value"), m["year"]))
    return out


def _pairs_caption(
    text: str, lines: list[tuple[int, int]], first: int, data: Resources
) -> tuple[str, str, str]:
    """The quantity, cue and day ("01-01" or "") of the caption of a table whose first line is ``first``.

    A line ending in a colon right above the table, or above one blank line, introduces it: its last
    sentence is the caption (a paragraph's earlier sentences name other counts).
    """
    k = first - 2 if first >= 2 and not text[slice(*lines[first - 1])].strip() else first - 1
    line = text[slice(*lines[k])].rstrip() if k >= 0 else ""
    if not line.endswith(":"):
        quantity, cue = table_caption(text, lines, first, data) if first else ("", "")
        return quantity, cue, ""
    line = _CAPTION_SENTENCE.split(line)[-1]
    quantity, cue = table_caption(line, [(0, len(line))], 1, data)
    years = list(YEAR_ALONE.finditer(line))
    tail = line[years[-1].end() :] if years else line  # the caption's words after its years
    return quantity, cue, header_day(tail) if _EACH_YEAR.search(tail) else ""


def paired_rows(text: str, lines: list[tuple[int, int]], data: Resources) -> list[Row]:
    """The rows of the tables of ``text`` printed in pairs of year and count columns.

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> text = "Shot in 1937. Prisoners in Gulag camps and colonies, on January 1 of each year:\\n\\n1930 179,000 1942 1,777,043\\n"
    >>> text += "1931 212,000 1943 1,484,182\\n1932 268,000 1944 1,179,819\\n"
    >>> starts = [0] + [m.end() for m in re.finditer("\\n", text)]
    >>> lines = list(zip(starts, [e - 1 for e in starts[1:]] + [len(text)]))
    >>> [(text[r.start : r.end], r.year, r.quantity, r.day) for r in paired_rows(text, lines, load_resources())][:2]
    [('179,000', '1930', 'gulag_population', '01-01'), ('1,777,043', '1942', 'gulag_population', '01-01')]
    >>> paired_rows("1937 1938\\n1939 1940\\n1941 1942", [(0, 9), (10, 19), (20, 29)], load_resources())
    []
    """
    out: list[Row] = []
    i = 0
    while i < len(lines):
        j, run = i, []
        while j < len(lines) and (got := _line_pairs(text, *lines[j])):
            run += got
            j += 1
        years = [y for _, _, y in run]
        if j - i >= MIN_LINES and len(set(years)) == len(years):
            quantity, cue, day = _pairs_caption(text, lines, i, data)
            out += [Row(a, b, y, quantity, cue, day=day) for a, b, y in run]
        i = max(j, i + 1)
    return sorted(out, key=lambda r: r.start)
