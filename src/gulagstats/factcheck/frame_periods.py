"""The period of a claim frame: from the mention's own clause, its sentence, or its paragraph.

A mention reads the period nearest it in its own clause (``own clause``,
``span``, ``named period``, ``relative``), else in its sentence
(``sentence``), else the last period of its paragraph (``context``), each with
a confidence; :func:`period_readings` gives the other periods its clause
offers, so that a flag can be tested under each.  Every lookup is a bisection
over the sentence's periods, so a frame costs the same in a sentence of any
length.
"""

from __future__ import annotations

import bisect
import re

from ..periods import match_period
from .context import Context, clause_of, inside
from .mentions import Mention
from .periods import Period


def period_readings(ctx: Context, m: Mention, kind: str, chosen: str, how: str) -> tuple[str, ...]:
    """The other periods a mention's clause offers (its sentence, where the period was read from the
    sentence), read as its quantity reads them, besides the one chosen.

    "the start of the Great Terror, a period of political repressions lasting
    into 1938 during which ... more than 700,000 were executed": 1938 or
    1937-1938; a flag must hold under each.
    """
    at = m.start - ctx.offset
    a, b = (0, 10**12) if how == "sentence" else clause_of(ctx.starts, at)
    periods, starts = (ctx.periods, ctx.period_starts) if inside(ctx.brackets, at) else (ctx.outside, ctx.outside_starts)
    lo = bisect.bisect_left(starts, a)
    out = []
    for p in periods[lo : lo + PERIOD_READINGS]:
        if p.start >= b:
            break
        if p.kind == "open" or not p.period:
            continue
        value = match_period(p.period[:4] if p.kind in ("by_end", "by_year") else p.period, kind)
        if value != chosen and value not in out:
            out.append(value)
    return tuple(out)


#: At most this many periods of a sentence are readings of a mention (a bound: linear time).
PERIOD_READINGS = 6


def _nearest(ctx: Context, at: int, lo: int, hi: int, end: int | None = None) -> Period | None:
    """The period nearest the mention ``[at, end)`` among those starting in ``[lo, hi)`` (a bisection).

    A mention outside brackets does not read a period inside them
    ("183 155 (not counting the soldiers demobilised in 1945)"), and an open
    period ("subsequently", "после смерти Сталина") acts only on the mentions
    of its own part of the clause, with no comma between them.  A few
    neighbours each side are looked at, so the cost is the same in a sentence
    of any length.
    """
    end = at if end is None else end
    periods, starts = (ctx.periods, ctx.period_starts) if inside(ctx.brackets, at) else (ctx.outside, ctx.outside_starts)

    def fits(p: Period) -> bool:  # an open period and the mention with no comma between them, or nothing but one
        gap = ctx.sentence[p.end : at] if p.end <= at else ctx.sentence[end : p.start]
        return p.kind != "open" or not re.search(r"[,;:]", gap) or not re.search(r"\w", gap)

    i = bisect.bisect_left(starts, at)
    around = []
    for step, stop in ((-1, -1), (1, len(periods))):
        j = i - 1 if step < 0 else i
        for _ in range(4):
            if j == stop or not lo <= starts[j] < hi:
                break
            if fits(periods[j]):
                around.append(periods[j])
                break
            j += step
    if not around:  # the mention is outside [lo, hi): the nearest ends of that range
        j, k = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi) - 1
        around = [periods[x] for x in {j, k} if 0 <= x < len(periods) and lo <= starts[x] < hi and fits(periods[x])]
    return min(around, key=lambda p: _distance(p, at, end)) if around else None


def _from_january(p: Period) -> bool:
    """A month or months of one year from January ("January 1937", "early 1939", "the first half of 1938")."""
    return p.kind in ("season", "month") and p.period[4:11] == "-01-01/" and p.period[:4] == p.period[11:15]


def _distance(p: Period, at: int, end: int) -> int:
    """Characters between a period and a mention ``[at, end)``; a period right after the number wins a tie."""
    return p.start - end if p.start >= end else at - p.end + 1


#: The words between a period and the number it dates in an enumeration ("в 1937 году – 19 370", "1938: 328,618").
_DATES_NEXT = re.compile(r"^[\s\W]*(?:год\w*|гг?\.?)?[\s\W]*$", re.IGNORECASE)


def _own_reach(ctx: Context, at: int, a: int, b: int, nxt: int) -> int:
    """Where the periods of a mention's own clause end: before the next number, and before a period
    that dates the next number ("40 906, в том числе в 1937 году – 19 370": 1937 is 19 370's).

    A period after the next number is that number's ("1.7 million deaths in the Gulag, ... and up
    to 400,000 deaths of persons deported during the 1940s"); a mention left without a period of
    its own clause reads its sentence's (``sentence``, a weaker reading).
    """
    b = min(b, nxt)
    starts = ctx.outside_starts if not inside(ctx.brackets, at) else ctx.period_starts
    periods = ctx.outside if not inside(ctx.brackets, at) else ctx.periods
    i = bisect.bisect_left(starts, at)
    before = i > 0 and starts[i - 1] >= a  # the mention keeps a period of its own clause before it
    if before and nxt < 10**12 and i < len(periods) and periods[i].start < b and _DATES_NEXT.match(ctx.sentence[periods[i].end : nxt]):
        return periods[i].start
    return b


def period(ctx: Context, m: Mention, last: str, flow: bool, nxt: int = 10**12) -> tuple[str, str, float]:
    """The period of a mention, how it was found, and the confidence of that reading.

    ``nxt`` is where the next number of the sentence starts (its character offset in the sentence).
    """
    at = m.start - ctx.offset
    a, b = clause_of(ctx.starts, at)
    b = _own_reach(ctx, at, a, b, nxt)
    end = m.end - ctx.offset
    p, how, factor = _nearest(ctx, at, a, b, end), "own clause", 1.0
    if p is None:
        p, how, factor = _nearest(ctx, at, 0, 10**12, end), "sentence", 0.8
    if p is not None:
        if p.kind == "open":
            return "", "open", 0.0
        kind_how = {"named": "named period", "relative": "relative", "span": "span"}.get(p.kind, how)
        value, confidence = p.period, p.confidence * factor
        if p.kind in ("by_end", "by_year") and flow:  # "by 1942, 850,000 had been deported": since when?
            start = last.split("/")[0][:4] if last else ""
            value, confidence = (f"{start}/{p.period[:4]}", confidence * 0.8) if start and start < p.period[:4] else (p.period[:4], 0.5)
        elif not flow and p.kind == "by_year":  # "by 1932, nearly 10,000 prisoners": a count that year
            value = p.period[:4]
        elif not flow and _from_january(p):  # "as of January 1937", "in early 1939": the count of 1 January
            value = p.period[:4] + "-01-01"
        return value, kind_how if how == "own clause" else how, round(confidence, 2)
    if last and flow and re.fullmatch(r"\d{4}-\d\d-\d\d", last):
        return "", "none", 0.0  # a day stated before (when an operation began, an order's date) is no period of a total
    if last:
        return last, "context", 0.6
    return "", "none", 0.0
