"""The cells of a table: a row's values, the day each column's header names, glued footnote digits.

A table's header carries the dates of its columns ("Год | 1 января | 1 апреля | 1 июля | 1 октября",
"Year | on 1 January | on 1 July"): each cell of such a column is a count on that day of its row's
year, not a count for the year. A cell with a footnote digit glued to it ("206 4301": 206 430 and
note 1) is read without the digit only where the table proves it: its last group has four digits
where digit groups have three, and every other cell of its column is a well-formed number of as
many groups. One pass over the cells: linear in the table.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from .dates import MONTH, month_number
from .mentions import Mention
from .phrases import Token, tokens
from .resources import Resources

#: The years a row may give: those of the Soviet state (a number outside them is a page or a count).
SOVIET_YEARS = range(1917, 1992)
#: A year alone: a value that is one is no count (the tables' one pattern of a year: table_labels, table_pairs).
YEAR_ALONE = re.compile(r"1[89][0-9]{2}")
#: A year anywhere in a text, 20xx included, not inside a longer number (a label that holds one is a year's row:
#: category_lists); to be searched, where YEAR_ALONE is matched whole.
YEAR_IN_TEXT = re.compile(r"(?<![0-9])(?:1[89][0-9]{2}|20[0-9]{2})(?![0-9])")
#: The fewest other cells of a column that prove a glued footnote digit by their form.
PROOF_CELLS = 3
#: What separates the cells of a row: " | " (an HTML table as read), "||" (wiki markup), a tab.
CELL_BREAK = re.compile(r"\s*(?:\|\|?|!!|\t)\s*")


@dataclass(frozen=True)
class Row:
    """A row of a year-value table: the characters of its values, its year, and the table's noun."""

    start: int
    end: int
    year: str
    quantity: str = ""
    cue: str = ""
    #: The cells under a header with a noun of their own: (start, end, quantity, cue) each.
    cells: tuple[tuple[int, int, str, str], ...] = ()
    #: Where the cells of its share columns start ("Год | Умерло | % умерших": the third cell is a share).
    shares: tuple[int, ...] = ()
    #: Where its year cell starts, if it carries a glued footnote digit ("19301": 1930, note 1) or mark
    #: ("1930*", "1930¹"), else -1: that cell is a year, not a number.
    noted: int = -1
    #: Its footnote is a glued digit: a year only where the table's years run on around it.
    glued: bool = False
    #: Where the cells of its columns that count no repression start (the country's population): no claims.
    ignored: tuple[int, ...] = ()
    #: The day of the year its counts on a day are read on ("данные на 1-е января": "01-01"), else "".
    day: str = ""
    #: The days of its columns whose header names one ("1 апреля"): (cell start, "MM-DD") each, in order.
    days: tuple[tuple[int, str], ...] = ()
    #: Its cells with a footnote digit glued to their last group ("206 4301"): (start, end without the digit).
    notes: tuple[tuple[int, int], ...] = ()
    #: The label of a row of a label-count table ("Chechens (Feb. 1944)"): the part its count counts, else "".
    label: str = ""


#: A day of a month in a header: "1 января", "на 1-е апреля", "1st July", "on 1 October", "January 1".
_DAY_OF_MONTH = re.compile(
    rf"(?<![0-9])(?P<d1>[0-3]?[0-9])(?:-?(?:е|го|ое)|st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{MONTH})(?![^\W\d_])"
    rf"|(?P<m2>{MONTH})\s+(?P<d2>[0-3]?[0-9])(?:st|nd|rd|th)?(?![0-9])",
    re.IGNORECASE,
)


def cells_of(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The cells of the line ``text[a:b]``: (start, end) each, without an empty first cell ("| 1937 | ...").

    >>> cells_of("| 1937 | 353 074 |", 0, 18)
    [(2, 6), (9, 16), (18, 18)]
    """
    out, at = [], a
    for m in CELL_BREAK.finditer(text, a, b):
        out.append((at, m.start()))
        at = m.end()
    out.append((at, b))
    return [c for i, c in enumerate(out) if not (i == 0 and c[0] == c[1])]


def noun_of(text: str, data: Resources) -> tuple[float, str, str]:
    """The strongest quantity cue of ``text``: (priority, quantity, cue), or (-1, "", "").

    >>> from gulagstats.factcheck.resources import load_resources
    >>> noun_of("Расстреляно", load_resources())[1:]
    ('executions', 'расстреляно')
    """
    table = data.lexicon["quantity"]
    best: tuple[float, str, str] = (-1.0, "", "")
    toks = tokens(text)
    for m in table.phrases.find(toks):
        row = table.rows[m.row]
        score = float(row["priority"] or 0)
        if score > best[0]:
            best = (score, row["quantity"], " ".join(t.word for t in toks[m.first : m.last]))
    return best


#: The fewest letters of a word cut short in a header ("sent.", "exec."): fewer could be any word.
ABBREVIATION_LETTERS = 3


def _cut_short(word: str, pattern: str) -> bool:
    """``word`` (a header's word cut short, its full stop dropped) begins the lexicon's word ``pattern``."""
    stem = pattern.rstrip("*")
    return len(word) >= ABBREVIATION_LETTERS and (stem.startswith(word) or word.startswith(stem))


def header_noun(cell: str, data: Resources) -> tuple[float, str, str]:
    """What a table's header cell counts: its strongest quantity cue, or one whose words it cuts short.

    A header cuts its words short where the column is narrow ("Death sent.", "Exec."): a word ending in
    a full stop stands for any lexicon word it begins, the other words as in the lexicon.

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> header_noun("Death sent.", load_resources())[1:], header_noun("Other measures", load_resources())[1:]
    (('executions', 'death sent.'), ('', ''))
    """
    found = noun_of(cell, data)
    toks = tokens(cell)
    cut = [cell[t.end : t.end + 1] == "." for t in toks]
    if found[1] or not any(cut):
        return found
    table = data.lexicon["quantity"]
    for row, words in enumerate(table.phrases.words):
        if len(words) != len(toks) or not any(cut):
            continue
        if all(
            _cut_short(t.word, w)
            if c
            else (t.word == w or (w.endswith("*") and t.word.startswith(w[:-1])))
            for t, w, c in zip(toks, words, cut)
        ):
            score = float(table.rows[row]["priority"] or 0)
            if score > found[0]:
                found = (score, table.rows[row]["quantity"], cell.strip().lower())
    return found


def cell_starts(text: str, rows: list[Row]) -> frozenset[int]:
    """Where the cells of the tables' rows start: a table's cells are a list, so a small count in one is a count.

    >>> text = "1923 | 4794 | 414 | – |\\n1924 | 12425 | 2550 | 5724 |"
    >>> [text[a:].split(" ")[0] for a in sorted(cell_starts(text, [Row(7, 22, "1923"), Row(31, 53, "1924")]))]
    ['4794', '414', '–', '12425', '2550', '5724']
    """
    out: set[int] = set()
    for r in rows:
        at = r.start
        for line in text[r.start : r.end].split("\n"):
            out.update(a for a, b in cells_of(text, at, at + len(line)) if a < b)
            at += len(line) + 1
    return frozenset(out)


def header_day(cell: str) -> str:
    """The day of the year a header cell names ("1 апреля": "04-01"), or "" (none, or a year beside it).

    Examples
    --------
    >>> header_day("1 апреля"), header_day("Год (данные на 1-е января)"), header_day("on July 1")
    ('04-01', '01-01', '07-01')
    >>> header_day("Умерло"), header_day("1 January 1939"), header_day("32 мая")
    ('', '', '')
    """
    m = _DAY_OF_MONTH.search(cell)
    if m is None or re.search(r"1[89][0-9]{2}", cell):
        return ""  # a header with its own year dates one column of one year, not every row's
    day, month = int(m["d1"] or m["d2"]), month_number(m["m1"] or m["m2"])
    return f"{month:02d}-{day:02d}" if month and 1 <= day <= 28 + 3 * (month != 2) else ""


def cell_day(row: Row, at: int) -> str:
    """The day of the cell of ``row`` that holds the character ``at``: its column's, else the row's.

    >>> cell_day(Row(10, 40, "1939", days=((10, "01-01"), (20, "04-01"))), 22)
    '04-01'
    """
    day = row.day
    for a, d in row.days:
        if a > at:
            break
        day = d or row.day
    return day


#: A number of digit groups whose last group has one digit too many: "206 4301" (206 430, note 1).
_GLUED_NOTE = re.compile(r"[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})*[ \u00a0\u202f][0-9]{3}[0-9]")
#: A well-formed number of digit groups: "196 854".
_GROUPED = re.compile(r"[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+")


def glued_notes(cells: list[list[str]]) -> list[list[bool]]:
    """Which cells of a table (rows of cell texts) carry a footnote digit glued to their last group.

    A cell is read so only where the table proves it: every other cell of its column that holds a
    number is a well-formed number of as many digit groups, :data:`PROOF_CELLS` of them at least.

    Examples
    --------
    >>> glued_notes([["196 854"], ["205 987"], ["206 4301"], ["256 510"]])
    [[False], [False], [True], [False]]
    >>> glued_notes([["196 854"], ["2064 301"], ["206 4301"]])
    [[False], [False], [False]]
    """
    out = [[False] * len(r) for r in cells]
    for c in range(max((len(r) for r in cells), default=0)):
        column = [r[c].strip() for r in cells if c < len(r)]
        glued = [
            i for i, r in enumerate(cells) if c < len(r) and _GLUED_NOTE.fullmatch(r[c].strip())
        ]
        groups = {
            x.count(" ") + x.count("\u00a0") + x.count("\u202f")
            for x in column
            if _GROUPED.fullmatch(x)
        }
        others = [x for x in column if x and x[0].isdigit() and not _GLUED_NOTE.fullmatch(x)]
        proven = (
            len(others) >= PROOF_CELLS
            and all(_GROUPED.fullmatch(x) for x in others)
            and len(groups) == 1
        )
        for i in glued if proven else []:
            out[i][c] = len(re.findall(r"[ \u00a0\u202f]", cells[i][c].strip())) in groups
    return out


def unglued(
    mentions: list[Mention], rows: list[Row], starts: list[int], toks: list[Token], text: str
) -> list[Mention]:
    """The mentions of a sentence, each glued-footnote cell of ``rows`` read as one number without its digit.

    ``starts`` are the rows' starts (the rows are in order): only the rows that hold a mention are read.

    Examples
    --------
    >>> from gulagstats.factcheck.phrases import tokens
    >>> text = "1941 | 206 4301 |"
    >>> m = Mention(11, 15, "4301", 4301.0, 4301.0, first=2, last=3)
    >>> [(x.text, x.low) for x in unglued([m], [Row(7, 17, "1941", notes=((7, 14),))], [7], tokens(text), text)]
    [('206 430', 206430.0)]
    """
    held = {bisect.bisect_right(starts, m.start) - 1 for m in mentions}
    notes = [n for i in sorted(held) if i >= 0 for n in rows[i].notes]
    at = [m.start for m in mentions]  # in order
    inside = [n for n in notes if bisect.bisect_right(at, n[1]) > bisect.bisect_left(at, n[0])]
    if not inside:
        return mentions
    lows = [a for a, _ in inside]
    out = [
        m
        for m in mentions
        if not (i := bisect.bisect_right(lows, m.start) - 1) >= 0 or m.start > inside[i][1]
    ]
    ends, token_starts = [t.end for t in toks], [t.start for t in toks]
    for a, b in inside:
        first = bisect.bisect_right(ends, a)  # the first token that ends after the cell starts
        last = bisect.bisect_right(token_starts, b)
        value = float(re.sub(r"[^0-9]", "", text[a:b]))
        out.append(Mention(a, b, text[a:b], value, value, first=first, last=last))
    return sorted(out, key=lambda m: m.start)


def with_notes(row: Row, cells: list[tuple[int, int]], glued: list[bool], text: str) -> Row:
    """``row`` with its glued-footnote cells (``glued``: per cell of ``cells``) noted, without their digit."""
    notes = tuple(
        (a + len(text[a:b]) - len(text[a:b].lstrip()), a + len(text[a:b].rstrip()) - 1)
        for (a, b), g in zip(cells, glued, strict=False)
        if g
    )
    return replace(row, notes=notes) if notes else row


#: A year and the count after it in a list on one line: "1937: 353,074", "в 1937 г. — 353 074", "in 1938, 328,618".
_PAIR = re.compile(
    r"(?<![0-9\u2013\u2014/-])(?<![\u2013\u2014-] )(?<!to )(?<!по )(?P<year>1[89][0-9]{2})"
    r"(?:\s*(?:г\.|года|году|год))?(?:\s*[:,\u2013\u2014-]\s*|\s+)"
    r"(?P<value>[0-9]{1,3}(?:[ \u00a0\u202f,.][0-9]{3})+|[0-9]{4,7})(?![0-9])",
    re.IGNORECASE,
)


#: A year that ends a span ("between 1934 and 1953, 1,053,829", "from 1932 through 1940"), a point in time
#: ("by 1938", "к 1939 г.", "since 1937") or a date ("1 January 1938"): not a row's year.
_SPAN_BEFORE = re.compile(
    r"(?:1[89][0-9]{2}(?:\s*(?:г\.|года?))?\s*(?:and|to|through|until|till|[\u2013\u2014-]|и|по|до)|"
    r"\b(?:by|as of|end of|since|after|before|until|к|на|с|после|до|конц[еу])|[0-9]|[^\W\d_]{3,})\s*$",
    re.IGNORECASE,
)


def inline_rows(text: str, lines: list[tuple[int, int]]) -> list[Row]:
    """The year-count pairs of lists written on one line, two or more of different years a line.

    Examples
    --------
    >>> text = "Shot: 1937: 353,074; 1938: 328,618."
    >>> [(text[r.start : r.end], r.year) for r in inline_rows(text, [(0, len(text))])]
    [('353,074', '1937'), ('328,618', '1938')]
    """
    out: list[Row] = []
    for a, b in lines:
        pairs = [
            m
            for m in _PAIR.finditer(text, a, b)
            if int(m["year"]) in SOVIET_YEARS
            and not YEAR_ALONE.fullmatch(m["value"])
            and not _SPAN_BEFORE.search(text, max(a, m.start() - 30), m.start())
        ]
        if len(pairs) >= 2 and len({m["year"] for m in pairs}) == len(pairs):
            out += [Row(m.start("value"), m.end("value"), m["year"]) for m in pairs]
    return out
