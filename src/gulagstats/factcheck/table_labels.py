"""Label-count tables flattened one cell a line: a row's label (a group, a place), then its count.

A page copies a table of two columns (who, how many) one cell a line, the cells parted by "|"::

    Soviet mass deportations of the 1940s
    Chechens (Feb. 1944) |
    362 000
    |
    Ingush (Feb. 1944) |
    134 000

or one row a line, a count column and perhaps its share column beside the label (round 18)::

    Осуждённые по срокам наказания
    | Срок | Осуждено | % |
    | до 3 лет | 20 500 | 2,1 |

Read as one stream of cells, such a run of lines alternates a label (words) and a count (a number alone).
At least :data:`MIN_PAIRS` such pairs, every line one cell at most or one row (label, count, share), under a
caption that names a quantity the lexicon knows (a header row is one), make a table: each count is a claim of
the caption's noun, dated by its label's year if the label gives one; a share cell is a share, with its sign
or without.  Each row counts the part its label names (a people, a region, a term, an article): its claim is
a part (scope ``category`` where no other scope names it), listed, never judged (:func:`part_listed`).  A run
with no caption gives no rows: what the counts count is never guessed.  One pass over the lines: linear in
the text.
"""

from __future__ import annotations

import re
from itertools import islice

from ..numbers import find_numbers
from .frames import Frame
from .resources import Resources
from .table_cells import SOVIET_YEARS, YEAR_ALONE, Row
from .table_columns import LETTER_WORDS, table_caption
from .unsaid import UNSAID_CONFIDENCE

#: The fewest label-count pairs that make a table.
MIN_PAIRS = 3
#: The most words in a label cell.
LABEL_WORDS = 8
#: What may stand before a count cell's number: "~", "≈" and spaces.
_ABOUT = re.compile(r"[~\u2248]?\s*")
#: A year in a label, not part of a longer run of digits: "Chechens (Feb. 1944)".
_LABEL_YEAR = re.compile(rf"(?<![0-9]){YEAR_ALONE.pattern}(?![0-9])")


def _count_cell(text: str, a: int, b: int) -> bool:
    """True if the cell ``text[a:b]`` is a count alone: one whole number in digits (grouped by spaces, commas or
    points, or plain), after an optional "~", as the project's number reader reads it, and nothing else.

    >>> [_count_cell(c, 0, len(c)) for c in ("362 000", "~ 92,000", "1.5", "12 Kalmyks", "5 000 (est.)")]
    [True, True, False, False, False]
    """
    about = _ABOUT.match(text, a, b)
    cell = text[about.end() if about else a : b]
    read = list(islice(find_numbers(cell), 2))  # a second number is enough to say no
    return (
        len(read) == 1
        and read[0].start == 0
        and read[0].end == len(cell)
        and read[0].form == "digits"
        and read[0].value is not None
        and float(read[0].value).is_integer()
    )


def _line_cells(text: str, a: int, b: int) -> list[tuple[int, int]] | None:
    """The non-empty cells of a line of a flattened table (one at most), or of a table's row written on one line
    (a label and a count, and the count's share: "| до 2 лет | 10 171 | 1,0 |", the share left out), or None if
    the line is neither."""
    out = []
    for m in re.finditer(r"[^|]+", text[a:b]):
        lead = len(m[0]) - len(m[0].lstrip())
        cell = (a + m.start() + lead, a + m.start() + len(m[0].rstrip()))
        if cell[1] > cell[0]:
            out.append(cell)
    if len(out) > 1:
        return _row_cells(text, out)
    if out and len(LETTER_WORDS.findall(text, *out[0])) > LABEL_WORDS:
        return None
    return out


#: A share cell: a percentage, with or without its sign, after an optional "~" ("1,0", "17.7 %", "~5%").
_SHARE_CELL = re.compile(r"[~\u2248]?\s*(?:100|[0-9]{1,2})(?:[.,][0-9]{1,2})?\s*%?")


#: A share cell right after a count cell, last on its line.
_SHARE_CELL_AFTER = re.compile(
    rf"[ \t]*\|[ \t]*(?P<share>{_SHARE_CELL.pattern})[ \t]*\|?[ \t]*(?=\n|$)"
)


def _row_cells(text: str, cells: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """A label cell and a count cell of a row written on one line, or None: two cells (label, count) or three
    (label, count, the count's share).

    >>> t = "до 2 лет | 10 171 | 1,0"
    >>> [t[a:b] for a, b in _row_cells(t, [(0, 8), (11, 17), (20, 23)])]
    ['до 2 лет', '10 171']
    >>> _row_cells("1937 | 790 665 | 52", [(0, 4), (7, 14), (17, 19)])  # a year's row
    >>> _row_cells("Russians | 830,491 | 1939", [(0, 8), (11, 18), (21, 25)])  # a year, not a share
    """
    label, count, *rest = cells
    if len(rest) > 1 or (rest and not _SHARE_CELL.fullmatch(text, *rest[0])):
        return None
    if (
        not LETTER_WORDS.search(text, *label)
        or len(LETTER_WORDS.findall(text, *label)) > LABEL_WORDS
    ):
        return None
    return [label, count] if _count_cell(text, *count) else None


def _label_pairs(
    text: str, cells: list[tuple[int, int]]
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The longest run of (label, count) pairs of a stream of cells."""
    best: list[tuple[tuple[int, int], tuple[int, int]]] = []
    run: list[tuple[tuple[int, int], tuple[int, int]]] = []
    i = 0
    while i < len(cells):
        label = cells[i]
        count = cells[i + 1] if i + 1 < len(cells) else None
        if count and LETTER_WORDS.search(text, *label) and _count_cell(text, *count):
            run.append((label, count))
            i += 2
            continue
        best, run = max(best, run, key=len), []
        i += 1
    return max(best, run, key=len)


def _label_table(
    text: str, lines: list[tuple[int, int]], span: tuple[int, int], data: Resources
) -> list[Row]:
    """The rows of one run of cell lines (``span``: its first line and the line after its last)."""
    cells = [c for k in range(*span) for c in _line_cells(text, *lines[k]) or []]
    pairs = _label_pairs(text, cells)
    if len(pairs) < MIN_PAIRS:
        return []
    first = next(k for k in range(*span) if lines[k][1] > pairs[0][0][0])
    quantity, cue = table_caption(text, lines, first, data) if first else ("", "")
    if not quantity:
        return []
    out = []
    for (la, lb), (ca, cb) in pairs:
        years = [y for y in _LABEL_YEAR.findall(text, la, lb) if int(y) in SOVIET_YEARS]
        year = years[0] if len(set(years)) == 1 else ""
        # "| 10 171 | 1,0 |": the count's share cell, a share even without "%"
        share = _SHARE_CELL_AFTER.match(text, cb)
        shares = (share.start("share"),) if share else ()
        out.append(Row(ca, cb, year, quantity, cue, shares=shares, label=text[la:lb]))
    return out


def labelled_counts(text: str, lines: list[tuple[int, int]], data: Resources) -> list[Row]:
    """The rows of the label-count tables of ``text`` flattened one cell a line.

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> text = "Mass deportations\\nChechens (Feb. 1944) |\\n362 000\\n|\\nIngush |\\n134 000\\n|\\nKalmyks |\\n92 000\\n|"
    >>> def spans(t):
    ...     starts = [0] + [m.end() for m in re.finditer("\\n", t)]
    ...     return list(zip(starts, [e - 1 for e in starts[1:]] + [len(t)]))
    >>> [(text[r.start : r.end], r.year, r.quantity, r.label) for r in labelled_counts(text, spans(text), load_resources())]
    [('362 000', '1944', 'deportations', 'Chechens (Feb. 1944)'), ('134 000', '', 'deportations', 'Ingush'), ('92 000', '', 'deportations', 'Kalmyks')]
    >>> uncaptioned = text.replace("Mass deportations", "")  # no caption: what the counts count is not guessed
    >>> labelled_counts(uncaptioned, spans(uncaptioned), load_resources())
    []
    """
    out: list[Row] = []
    i = 0
    while i < len(lines):
        j, n = i, 0  # n: the cells of the run
        while (
            j < len(lines)
            and (cells := _line_cells(text, *lines[j])) is not None
            and text[slice(*lines[j])].strip()
        ):
            j, n = j + 1, n + len(cells)
        if n >= 2 * MIN_PAIRS:
            out += _label_table(text, lines, (i, j), data)
        i = max(j, i + 1)
    return out


def part_listed(f: Frame, row: Row) -> Frame:
    """``f``, a count of the part a table row's label names, listed and never judged.

    >>> from gulagstats.factcheck.run import check_text
    >>> text = "Mass deportations\\nChechens (Feb. 1944) |\\n362 000\\n|\\nIngush |\\n134 000\\n|\\nKalmyks |\\n92 000\\n|"
    >>> [(f.mention, f.quantity, f.confidence < 0.6) for f in check_text(text).frames]
    [('362 000', 'deportations', True), ('134 000', 'deportations', True), ('92 000', 'deportations', True)]
    """
    if not row.label:
        return f
    if f.scope == "USSR" and f.unit == "count":  # "до 2 лет": a category no scope names is a part
        f.scope, f.scope_detail = "category", row.label
    f.confidence = min(f.confidence, UNSAID_CONFIDENCE)
    f.notes.append(f"a row of a table whose label names a part ('{row.label}'): listed, not judged")
    return f
