"""The context of one sentence, shared by all its claim frames: clauses, brackets, cues and periods.

:func:`context` finds once, for all the mentions of a sentence, where its
clauses start, its bracketed asides, the lexicon's quantity, place, scope,
modality and sum cues, the bodies each clause between semicolons names, and its periods (those outside brackets apart): the
frames (:mod:`gulagstats.factcheck.frames`) and their periods
(:mod:`gulagstats.factcheck.frame_periods`) read them by bisection.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .periods import Period
from .phrases import Token
from .resources import Resources
from .wider_wholes import ClauseBodies, clause_bodies

_CLAUSE = re.compile(
    r";|:\s|\s[\u2013\u2014]\s|\(|\)|\bbut\b|\bwhile\b|\bwhereas\b|,\s+and\s+(?:the|that|a|an|in|during|by)\b|\bно\b|\bа\s+не\b"
)


def clauses(sentence: str) -> list[int]:
    """Where the clauses of a sentence start (character offsets, the first is 0).

    Examples
    --------
    >>> clauses("In 1937, 353,074 were shot; in 1938, 328,618 (the record) but not more")
    [0, 26, 45, 56, 58]
    """
    return [0, *(m.start() for m in _CLAUSE.finditer(sentence))]


def _dash_after_period(sentence: str, starts: list[int], periods: list[Period]) -> list[int]:
    """Clause starts without the dashes that join a period to its number ("в октябре — 247", "1937 – 353,074").

    >>> _dash_after_period("умерли: в октябре — 247", [0, 6, 17], [Period(8, 17, "1941-10", "month", 0.9)])
    [0, 6]
    """
    ends = {p.end for p in periods} | {
        p.end + len(w.group()) for p in periods if (w := _YEAR_WORD.match(sentence, p.end))
    }
    return [s for s in starts if not (sentence[s : s + 1].isspace() and s in ends)]


#: The word "year" after a year ("в 1937 году – 19 370", "в 1938 г. – 21 536").
_YEAR_WORD = re.compile(r"\s+(?:год\w*|гг?\.)", re.IGNORECASE)


def clause_of(starts: list[int], at: int) -> tuple[int, int]:
    """The clause ``[start, end)`` of ``starts`` that holds the offset ``at`` (the last ends at 10**12).

    >>> clause_of([0, 26, 45], 30)
    (26, 45)
    """
    i = bisect.bisect_right(starts, at) - 1
    return starts[i], (starts[i + 1] if i + 1 < len(starts) else 10**12)


@dataclass(frozen=True)
class Context:
    """What the frames of one sentence share: its text, tokens, clauses and cue matches."""

    sentence: str
    offset: int
    toks: list[Token]
    starts: list[int]
    cues: list[tuple[int, int, dict[str, str]]]  # quantity cues: first token, last token, row
    places: list[tuple[int, int, dict[str, str]]]  # places of custody (for words of dying)
    scopes: list[tuple[int, int, dict[str, str]]]
    modals: list[tuple[int, int, dict[str, str]]]
    # words that make a number a total ("in all", "вместе с")
    sums: list[tuple[int, int, dict[str, str]]]
    first_spread: int  # the first token of the first sentence-wide modality cue (len(toks) if none)
    periods: list[Period]  # the periods of the sentence (not document years), by start
    period_starts: list[int]
    brackets: list[tuple[int, int]]  # the bracketed asides of the sentence: (start, end) of each
    # the periods not inside brackets (a mention outside brackets reads only these)
    outside: list[Period]
    outside_starts: list[int]
    #: The bodies or categories of crime each clause (between semicolons) names, read once for all the sentence's
    #: numbers (:func:`gulagstats.factcheck.wider_wholes.clause_bodies`): a frame takes its clause's.
    bodies: ClauseBodies
    #: How the period carried into the sentence reached it, if not as usual (:func:`frame_periods.context_reading`):
    #: ``as_of``, a day its text counted "as of" ("на 1 января 1946 г.:"), which dates the totals under it too;
    #: ``prose_year``, a year of the Russian sentence before, read weakly.
    carried: str = ""


def bracketed(sentence: str) -> list[tuple[int, int]]:
    """The outermost bracketed asides of a sentence, "(...)" and "[...]", as (start, end) offsets.

    Examples
    --------
    >>> bracketed("183 155 (not counting those of 1945) were deported [in May (18-20)].")
    [(8, 36), (51, 67)]
    """
    out, depth, begin = [], 0, 0
    for m in re.finditer(r"[()\[\]]", sentence):
        if m.group() in "([":
            if depth == 0:
                begin = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                out.append((begin, m.end()))
    if depth:
        out.append((begin, len(sentence)))
    return out


def _a_date_alone(sentence: str, aside: tuple[int, int], periods: list[Period]) -> bool:
    """An aside that holds a period and at most two other words ("(in 1934)", "(1937–1938)"): it dates its neighbour."""
    within = [p for p in periods if aside[0] <= p.start < aside[1]]
    if len(within) != 1:
        return False
    p = within[0]
    rest = sentence[aside[0] + 1 : p.start] + " " + sentence[p.end : aside[1] - 1]
    return len(re.findall(r"[^\W\d_]+", rest)) <= 2


def inside(spans: list[tuple[int, int]], at: int) -> bool:
    """True if ``at`` lies inside one of the (sorted, disjoint) ``spans``."""
    i = bisect.bisect_right(spans, (at, 10**12)) - 1
    return i >= 0 and spans[i][0] < at < spans[i][1]


def context(
    sentence: str,
    offset: int,
    toks: list[Token],
    data: Resources,
    periods: list[Period],
    carried: str = "",
) -> Context:
    """The cue matches and periods of one sentence, found once for all its mentions.

    ``carried``: how the period carried into the sentence reached it (:attr:`Context.carried`).
    """

    def found(table) -> list[tuple[int, int, dict[str, str]]]:
        return [(m.first, m.last, table.rows[m.row]) for m in table.phrases.find(toks)]

    modals = found(data.modality)
    wide = [m for m in modals if m[2]["where"] == "sentence"]
    usable = [p for p in periods if p.kind not in ("document", "event")]
    asides = [a for a in bracketed(sentence) if not _a_date_alone(sentence, a, usable)]
    outside = [p for p in usable if not inside(asides, p.start)]
    return Context(
        sentence,
        offset,
        toks,
        _dash_after_period(sentence, clauses(sentence), usable),
        found(data.lexicon["quantity"]),
        found(data.lexicon["place"]),
        found(data.scope),
        [m for m in modals if m[2]["where"] != "sentence"],
        found(data.lexicon["sum"]),
        wide[0][0] if wide else len(toks),
        usable,
        [p.start for p in usable],
        asides,
        outside,
        [p.start for p in outside],
        clause_bodies(sentence, toks, data, offset),
        carried,
    )
