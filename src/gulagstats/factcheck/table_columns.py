"""What each column of a table counts: its header's noun, a total's whole, a part's whole, shares, the caption.

Split from :mod:`gulagstats.factcheck.tables` (round 13), which finds the rows; this module reads the words
above them.  A column counts what its OWN header says: a total ("Всего", "Total", "Итого") counts the whole the
table is about (its caption's noun, or the whole a neighbouring part's header implies: "Из них к высшей мере",
the sentenced), unless a neighbour names that same quantity; a header of words that name no quantity the
lexicon knows lends its cells none (they are listed, never judged), never a neighbour's noun.  The words are
data: the lexicon's ``total_column``, ``part_column``, ``share``, ``place`` and ``quantity`` kinds.
"""

from __future__ import annotations

import re

from ..estimates.vocabulary import QUANTITIES
from .frames import DYING
from .phrases import Match, tokens
from .resources import Resources
from .table_cells import header_noun

#: How many lines above the first row the caption or the header is looked for.
CAPTION_LINES = 4
#: A run of two letters or more: a header or a label holds words, not only digits and marks.
LETTER_WORDS = re.compile(r"[^\W\d_]{2,}")


def deaths_of_the_place(quantity: str, cue: str, around: str, data: Resources) -> tuple[str, str]:
    """A word of dying in a table whose caption or header names a place of custody is the deaths there."""
    if quantity != DYING:
        return quantity, cue
    table = data.lexicon["place"]
    found = table.phrases.find(tokens(around))
    return (
        (table.rows[found[-1].row]["quantity"], cue) if found else (quantity, cue)
    )  # the place nearest the table


def filled_cells(cells: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The cells of a line without the empty ones at its end ("... | 9701 | |")."""
    k = len(cells)
    while k and cells[k - 1][0] == cells[k - 1][1]:
        k -= 1
    return cells[:k]


def _a_total(cell: str, data: Resources) -> bool:
    """A header cell of only a word of the whole ("Всего", "Total", "Итого"): its column counts what the table does."""
    toks = tokens(cell)
    found = data.lexicon["total_column"].phrases.find(toks)
    return bool(toks) and any(m.first == 0 and m.last == len(toks) for m in found)


def _whole_of_part(cell: str, data: Resources) -> tuple[str, str]:
    """The quantity and cue of the whole a part's header cell implies ("Из них к высшей мере": the sentenced), or ("", "")."""
    table = data.lexicon["part_column"]
    toks = tokens(cell)
    found = table.phrases.find(toks)
    if not found:
        return ("", "")
    m = found[0]
    return table.rows[m.row]["quantity"], " ".join(t.word for t in toks[m.first : m.last])


def column_nouns(
    text: str, header: list[tuple[int, int]], whole: tuple[str, str], data: Resources
) -> list[tuple[str, str, bool]]:
    """What each header cell's column counts: (quantity, cue, named) each.

    Its own noun; for a total ("Всего") the ``whole`` the table is about (its caption's), unless a neighbour
    column names that quantity (then the caption named the part, not the whole); a header of words that name no
    quantity the lexicon knows counts nothing known ("", the header, True): its cells are listed, never judged,
    and never take a neighbour's noun. An empty header cell names nothing (False): the table's noun.
    """
    nouns = [header_noun(text[a:b], data) for a, b in header]
    # no caption: a part's header may say what the whole counts ("Из них к высшей мере")
    if not whole[0]:
        whole = next((w for a, b in header if (w := _whole_of_part(text[a:b], data))[0]), whole)
    out = []
    for (a, b), (_, quantity, cue) in zip(header, nouns):
        cell = text[a:b].strip()
        if quantity:
            out.append((quantity, cue, True))
        elif _a_total(cell, data):
            taken = whole[0] in {n[1] for n in nouns}
            whole_cue = f"{cell.lower()} (the whole of the table: {whole[1]})"
            out.append(
                ("", cell.lower(), True) if taken or not whole[0] else (whole[0], whole_cue, True)
            )
        else:
            out.append(("", cell.lower(), bool(LETTER_WORDS.search(cell))))
    return out


def share_header(header: str, data: Resources) -> bool:
    """A column whose header starts with a word of shares ("%", "percent", "процент"): its cells are shares."""
    toks = tokens(header)
    return any(m.first == 0 for m in data.lexicon["share"].phrases.find(toks[:3]))


def table_caption(
    text: str, lines: list[tuple[int, int]], first: int, data: Resources
) -> tuple[str, str]:
    """The quantity and cue of the lines above a table's first row (the strongest cue; the nearest on a tie)."""
    table = data.lexicon["quantity"]
    best: tuple[float, str, str] = (-1.0, "", "")
    for k in range(first - 1, max(-1, first - 1 - CAPTION_LINES), -1):
        a, b = lines[k]
        if not text[a:b].strip():
            break  # a blank line: the paragraph before is no caption
        toks = tokens(text[a:b])
        found = table.phrases.find(toks)
        for m in found:
            row = table.rows[m.row]
            score = float(row["priority"] or 0)
            if score > best[0]:
                m = _narrowed(m, found, data)  # "Численность заключенных в тюрьмах": the prisons'
                row = table.rows[m.row]
                best = (score, row["quantity"], " ".join(t.word for t in toks[m.first : m.last]))
    return best[1], best[2]


def _stock(quantity: str) -> bool:
    return quantity in QUANTITIES and QUANTITIES[quantity].kind == "stock"


def _narrowed(m: Match, after: list[Match], data: Resources) -> Match:
    """A caption's count of people on a day (``m``) narrowed by a later place of custody in its line:
    "Численность заключенных в тюрьмах" ("prisoners in the prisons") counts the prisons' population."""
    rows = data.lexicon["quantity"].rows
    quantity = rows[m.row]["quantity"]
    if not _stock(quantity):
        return m
    later = [x for x in after if x.first >= m.last and _stock(rows[x.row]["quantity"])]
    return next((x for x in later if rows[x.row]["quantity"] != quantity), m)
