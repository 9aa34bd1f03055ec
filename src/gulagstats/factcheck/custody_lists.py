"""Stage 5, claim frames: a list of places of custody, each with its count, and the total that sums them.

"на 1 января 1939 года в тюрьмах содержится 350 тыс., в лагерях — 1,3 млн, в колониях — 365 тыс., на учете
отдела спецпоселений 990 тыс. Итого 3,005 млн", "1.5 million in the camps, 430,000 in the colonies and 470,000
in prisons: 2.4 million in all". Each item names one place of custody (the lexicon's ``custody_place`` rows:
camps, colonies, prisons, special settlements) and counts the people held there: its own population. The
total (a number beside a word of totalling, the lexicon's ``list_total`` rows, with no place of its own)
sums the places listed, never counts the list's last item: the population of those places together
(:data:`SUMS`). A total within :data:`SUM_TOLERANCE` of the items' sum counts exactly them; a larger one
counts places beyond the list, and a set of places no quantity of the record sums is not judged, each with
a note that says why. A list of deaths ("в лагерях умерло ..., в колониях ...") is no list of populations and
is left alone (its items or its total read as a flow).

The total may stand in the sentence after the list ("... 990 тыс. человек. Итого 3,005 млн человек."), in
the same paragraph. The pass runs over a text's frames once they are read (:func:`custody_lists`) and
looks only at sentences with two claims or more, or with a word of totalling: linear in the text.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .frames import Frame, quantity_kind
from .phrases import tokens
from .resources import Resources
from .sentences import Sentence

#: What the places of custody listed sum to: the quantity of the record that counts them together.
SUMS: dict[frozenset[str], str] = {
    frozenset({"camp_population", "colony_population"}): "gulag_population",
    frozenset(
        {"camp_population", "colony_population", "prison_population"}
    ): "custodial_population",
    frozenset(
        {"camp_population", "colony_population", "prison_population", "special_settlers"}
    ): "detained_population",
}
#: How far a total may lie from the sum of the items (a fraction of the sum) and still be their sum.
SUM_TOLERANCE = 0.1
#: The confidence of an item, and of a total, read from the list's structure.
LISTED_CONFIDENCE = 0.8
#: The confidence a total keeps when what it sums is unclear (under the judging's 0.6: not judged).
UNCLEAR_TOTAL = 0.4
#: How a note of a quantity carried along an enumeration starts (the list's structure reads it instead).
ENUMERATION_CARRY = "quantity carried from the enumeration"
#: What parts a sentence into the items of a list: a comma, semicolon or colon before a space.
_ITEM_BREAK = re.compile(r"[,;:](?=\s)")
#: What joins two items of a list when a number stands on each side of it.
_AND = re.compile(r"\s(?:and|и|а)\s", re.IGNORECASE)
#: How many words a word of origin ("from", "из": the lexicon's ``custody_origin`` rows) may stand before a place
#: of custody to make it where people came from, not where they are held ("brought from the Solovki prison").
ORIGIN_REACH = 3


@dataclass
class _Piece:
    """One item of a sentence: its span, the claims in it, the places of custody it names, a word of totalling."""

    start: int
    end: int
    frames: list[Frame]
    #: The places of custody named, each with its words ("лагерях").
    places: dict[str, str]
    total_word: str
    #: A word of a flow in it ("умерло", "were arrested"): it counts no population.
    flow: bool
    #: It ends with a colon: what follows lists what it holds ("in all 3.3 million: 1.5 million in the camps, ...").
    opens: bool = False


def custody_lists(sentences: Sequence[Sentence], frames: list[Frame], data: Resources) -> None:
    """Read the lists of places of custody of a text and their totals: each item as its place's population,
    the total as the population of the places listed together (or not judged, with a note).

    Examples
    --------
    >>> from gulagstats.factcheck.run import check_text
    >>> r = check_text("On 1 January 1941 there were 1.5 million in the camps, 430,000 in the colonies "
    ...     "and 470,000 in prisons: 2.4 million in all.")
    >>> [(f.mention, f.quantity, f.confidence) for f in r.frames]
    [('1.5 million', 'camp_population', 0.8), ('430,000', 'colony_population', 0.8), ('470,000', 'prison_population', 0.8), ('2.4 million', 'custodial_population', 0.8)]
    """
    if not frames:
        return
    items: list[_Piece] = []  # the list the sentence before ended with, in its paragraph
    paragraph = -1
    at = 0  # the first frame not before the sentence
    ordered = sorted(frames, key=lambda f: f.start)
    for s in sentences:
        mine = []
        while at < len(ordered) and ordered[at].start < s.end:
            if ordered[at].start >= s.start:
                mine.append(ordered[at])
            at += 1
        if s.paragraph != paragraph:
            items, paragraph = [], s.paragraph
        if not mine:
            continue
        pieces = _pieces(s, mine, data) if len(mine) > 1 or items else []
        items = _read_list(pieces, items) if pieces else []


def _pieces(s: Sentence, frames: list[Frame], data: Resources) -> list[_Piece]:
    """The items of a sentence that hold a claim, in order (``frames``: its claims, in order)."""
    starts = [f.start - s.start for f in frames]
    bounds = [0, *_cuts(s.text, starts, [f.end - s.start for f in frames]), len(s.text)]
    places, origins = data.lexicon["custody_place"], data.lexicon["custody_origin"]
    totals, cues = data.lexicon["list_total"], data.lexicon["quantity"]
    out = []
    for lo, hi in itertools.pairwise(bounds):
        inside = frames[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
        if not inside:
            continue
        toks = tokens(s.text[lo:hi])
        whence = [x.last for x in origins.phrases.find(toks)]
        named = {
            places.rows[x.row]["quantity"]: " ".join(t.word for t in toks[x.first : x.last])
            for x in places.phrases.find(toks)
            if not any(
                0 <= x.first - w <= ORIGIN_REACH for w in whence
            )  # "brought from the prison"
        }
        total = next((totals.rows[x.row]["phrase"] for x in totals.phrases.find(toks)), "")
        flow = any(
            quantity_kind(cues.rows[x.row]["quantity"]) == "flow" for x in cues.phrases.find(toks)
        )
        out.append(_Piece(lo, hi, inside, named, total, flow, s.text[hi : hi + 1] == ":"))
    return out


def _cuts(text: str, starts: list[int], ends: list[int]) -> list[int]:
    """Where the items of a sentence part: at a comma, semicolon or colon outside a number, and at "and", "и"
    between two numbers ("430,000 in the colonies and 470,000 in prisons", not "in the camps and colonies");
    ``starts`` and ``ends``: where its numbers are, in order."""

    def within(at: int) -> bool:
        i = bisect.bisect_right(starts, at) - 1
        return i >= 0 and at < ends[i]

    def numbers(lo: int, hi: int) -> bool:
        i = bisect.bisect_left(starts, lo)
        return i < len(starts) and starts[i] < hi

    marks = [m.start() for m in _ITEM_BREAK.finditer(text) if not within(m.start())]
    out = []
    for lo, hi in zip([0, *marks], [*marks, len(text)], strict=True):
        out += [lo] if lo else []
        for m in _AND.finditer(text, lo, hi):
            if numbers(lo, m.start()) and numbers(m.end(), hi):
                out.append(m.start())
                lo = m.end()
    return out


def _is_item(piece: _Piece) -> bool:
    """A count of one place of custody: one claim, of people held (a stock, no word of a flow beside it), and
    one place named."""
    (f, *more), places = piece.frames, piece.places
    return (
        not more
        and len(places) == 1
        and not piece.total_word
        and not piece.flow
        and f.unit == "count"
        and quantity_kind(f.quantity) == "stock"
    )


def _read_list(pieces: list[_Piece], before: list[_Piece]) -> list[_Piece]:
    """Read the items and the total of a sentence's pieces (``before``: the items the sentence before ended
    with); return the items it ends with, for the sentence after."""
    run: list[_Piece] = list(before)
    ahead: _Piece | None = (
        None  # a total before its list: "in all 3.3 million: 1.5 million in the camps, ..."
    )
    for piece in pieces:
        if _is_item(piece):
            run.append(piece)
            continue
        total = (
            bool(piece.total_word) and not (piece.places or piece.flow) and len(piece.frames) == 1
        )
        if total and _places_differ(run):
            _read_total(piece.frames[0], run, piece.total_word)
        elif ahead is not None and _places_differ(run):
            _read_total(ahead.frames[0], run, ahead.total_word)
        ahead = piece if total and piece.opens else None
        run = []
    if ahead is not None and _places_differ(run):
        _read_total(ahead.frames[0], run, ahead.total_word)
    if _places_differ(run):
        for item in run:
            _read_item(item)
    return run


def _places_differ(run: list[_Piece]) -> bool:
    """Two items or more, each of another place."""
    places = [next(iter(p.places)) for p in run]
    return len(places) >= 2 and len(set(places)) == len(places)


def _read_item(piece: _Piece) -> None:
    """An item of a list: the population of its place."""
    f, (place, words) = piece.frames[0], next(iter(piece.places.items()))
    if f.quantity != place:
        f.notes = [n for n in f.notes if not n.startswith(ENUMERATION_CARRY)]
        f.notes.append(f"an item of a list of places of custody: {place}")
        f.quantity, f.cue, f.quantity_readings = place, words, ()
    f.confidence = max(f.confidence, LISTED_CONFIDENCE)


def _read_total(f: Frame, run: list[_Piece], word: str) -> None:
    """The total of a list of places of custody: their population together, or not judged."""
    for item in run:
        _read_item(item)
    places = frozenset(next(iter(p.places)) for p in run)
    listed = ", ".join(sorted(places))
    items = sum(p.frames[0].high or p.frames[0].low for p in run)
    value = f.high or f.low
    if value < (1 - SUM_TOLERANCE) * items:
        return  # smaller than its items: no total of them
    sums = SUMS.get(places)
    f.quantity_readings = ()
    if value > (1 + SUM_TOLERANCE) * items:
        f.confidence = min(f.confidence, UNCLEAR_TOTAL)
        f.notes.append(
            f"'{word}' sums a list of places of custody ({listed}) and more besides: what it counts is unclear"
        )
    elif sums is None:
        f.confidence = min(f.confidence, UNCLEAR_TOTAL)
        f.notes.append(
            f"'{word}' sums a list of places of custody ({listed}) that no quantity of the record counts together"
        )
    else:
        f.quantity, f.cue, f.confidence = sums, word, LISTED_CONFIDENCE
        f.notes = [n for n in f.notes if not n.startswith(ENUMERATION_CARRY)]
        f.notes.append(f"the total of a list of places of custody ({listed}): {sums}")
    periods = {p.frames[0].period for p in run}
    if len(periods) == 1 and f.period_how in ("context", "none", "sentence"):
        f.period, f.period_how = periods.pop(), "context"
        f.period_confidence = min(p.frames[0].period_confidence for p in run)
