"""Bounds from the periods around a question, where the record does not answer it as asked.

A flow (arrests, deaths) is never negative, so what the record counts for a
period *inside* the one claimed is a floor for it, and what it allows at most
for a period *containing* it is a ceiling:

- floors: the whole years inside a partial period (1 October 1936 - 30 November
  1938: 1937), the part of a span a series holds (the certificate's 1930-1956
  inside Rummel's 1917-1987), a fixed rule of a sub-span (arrests 1937-1938
  inside 1936-1938);
- ceilings: the whole years enclosing a partial period (1934 around December
  1934), a span containing it (GRZ's at most 2 million deaths in custody in the
  1930s, for any years of the decade).

Each end is used only as far as its kind allows (:mod:`gulagstats.rules.bounds`):
a floor never gives a ceiling, however wide its years.

For a stock claimed as a *maximum* ("at any one time", "the maximum detained
population") the highest count the record holds in the span is a floor (the
population may have been higher between the counts), and a fixed ceiling over
a span containing it (GRZ's camps, colonies and exile below 3.5 million before
the war, plus at most 500,000 in prisons) a ceiling.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..periods import is_inside, period_bounds, period_text, year_bounds
from ..rules.series import Answer
from .basis import Basis

if TYPE_CHECKING:
    from .plan import Planner

_Found = tuple[float, Answer, str, str]  # value, benchmark, how it bounds, what the record lacks


def _main(planner: Planner, quantity: str, period: str) -> Answer | None:
    found = [a for a in planner.evaluator.answers(quantity, period) if not a.reading]
    return found[0] if found else None


def _floors(planner: Planner, quantity: str, period: str, words: str, forced: str) -> list[_Found]:
    """Every floor the record gives a flow over ``period`` from the periods inside it."""
    found: list[_Found] = []
    inner, _ = year_bounds(period)
    candidates: list[tuple[Answer, str]] = []
    if inner:
        answer = _main(planner, quantity, inner)
        if answer is not None:
            candidates.append((answer, f"the whole years inside the period claimed ({period_text(inner)})"))
        candidates += [(a, f"the part of {period_text(inner)} the record holds") for a in
                       planner.evaluator.partial(quantity, inner)[:1]]
    candidates += [(a, f"the part of the period the record holds ({period_text(a.period)})") for a in
                   planner.evaluator.partial(quantity, period)[:1]]
    for span in planner.evaluator.spans(quantity):
        if span != period and is_inside(span, period):
            answer = _main(planner, quantity, span)
            if answer is not None:
                candidates.append((answer, f"a span inside the period claimed ({period_text(span)})"))
    for answer, how in candidates:
        bound = planner.typed(answer, words, forced)
        if bound.has_floor:
            found.append((answer.low, answer, how, bound.lacks))
    return found


def _ceilings(planner: Planner, quantity: str, period: str, words: str, forced: str, flow: bool) -> list[_Found]:
    """Every ceiling the record gives ``quantity`` over ``period`` from the periods around it."""
    found: list[_Found] = []
    candidates: list[tuple[Answer, str]] = []
    _, enclosing = year_bounds(period)
    if enclosing and flow:
        answer = _main(planner, quantity, enclosing)
        if answer is not None:
            candidates.append((answer, f"the whole years around the period claimed ({period_text(enclosing)})"))
    spans = planner.evaluator.spans(quantity)
    fixed = {r.period for r in planner.evaluator.rules.itertuples() if r.quantity == quantity and r.period}
    for span in spans:  # a stock's fixed ceiling over the very span claimed bounds its maximum too
        if span != enclosing and (span != period or not flow) and is_inside(period, span) and (flow or span in fixed):
            answer = _main(planner, quantity, span)
            if answer is not None:
                where = "the period claimed" if span == period else "a span containing the period claimed"
                candidates.append((answer, f"{where} ({period_text(span)})"))
    for answer, how in candidates:
        bound = planner.typed(answer, words, forced)
        if bound.has_ceiling and forced != "floor":
            found.append((answer.high, answer, how, ""))
    return found


def _basis(planner: Planner, low: _Found | None, high: _Found | None, notes: list[str]) -> Basis:
    kind = "between" if low and high else "floor" if low else "ceiling"
    variants: list[tuple[str, float | None, float | None]] = []
    if low is not None:
        variants += [(v.label, v.low, high[0] if high else None) for v in planner.evaluator.variants(low[1])]
    if high is not None:
        variants += [(v.label, low[0] if low else None, v.high) for v in planner.evaluator.variants(high[1])]
    coverage = low[2] if low is not None and low[1].partial else ""
    return Basis("", low[0] if low else None, high[0] if high else None, kind, low[1] if low else None,
                 high[1] if high else None, low[3] if low and not high else "", tuple(notes), tuple(variants),
                 coverage)


def bounded(planner: Planner, quantity: str, period: str, words: str, forced: str,
            start: Basis | None = None) -> Basis | None:
    """A flow over ``period`` bounded from the periods around it (``start``: a floor already found)."""
    floors = _floors(planner, quantity, period, words, forced)
    if start is not None and start.lower is not None and start.low is not None:
        floors.append((start.low, start.lower, "", start.lacks))
    ceilings = _ceilings(planner, quantity, period, words, forced, flow=True)
    if start is not None and not ceilings:
        return None
    low = max(floors, key=lambda f: f[0]) if floors else None
    high = min(ceilings, key=lambda f: f[0]) if ceilings else None
    if low is None and high is None:
        return None
    notes = [f"at least {low[0]:,.0f}: {low[2]}" for _ in [0] if low and low[2]]
    notes += [f"at most {high[0]:,.0f}: {high[2]}" for _ in [0] if high]
    return _basis(planner, low, high, notes)


def maximum_of(planner: Planner, quantity: str, period: str, words: str) -> Basis | None:
    """The most of a stock at any one time in ``period``: the highest count held (a floor), and a ceiling over it."""
    start, end = period_bounds(period)
    if start is None or end is None:
        return None
    last = f"{end.year + 1}-01-01" if (end.month, end.day) == (12, 31) else end.isoformat()
    counts = []
    for day in planner.evaluator.days(quantity):
        if start.isoformat() <= day <= last:
            answer = _main(planner, quantity, day)
            if answer is not None:
                counts.append(answer)
    low = None
    if counts:
        top = max(counts, key=lambda a: a.low)
        how = (f"the highest of the {len(counts)} counts the record holds from {period_text(start.isoformat())} "
               f"to {period_text(last)}, {period_text(top.period)}: the population may have been higher between counts")
        low = (top.low, top, how, "the counts between the days the record holds")
    ceilings = _ceilings(planner, quantity, period, words, "", flow=False)
    high = min(ceilings, key=lambda f: f[0]) if ceilings else None
    if low is None and high is None:
        return None
    notes = [f"at least {low[0]:,.0f}: {low[2]}" for _ in [0] if low]
    notes += [f"at most {high[0]:,.0f}: {high[2]}" for _ in [0] if high]
    return _basis(planner, low, high, notes)


def nearest_counts(planner: Planner, quantity: str, day: str) -> str:
    """The record's nearest counts of a stock before and after ``day``, and why they do not bound it ("" if
    ``day`` is not one day, or the record holds no count of ``quantity`` on either side).

    A population is counted on days; between two counts it rises and falls (arrivals, releases, deaths, an
    amnesty), so no count of another day is a floor or a ceiling for it, however near (round 17: Beria's
    "more than 2.5 million" prisoners of 24 March 1953, between the count of 1 January 1953 and, after the
    amnesty of 27 March 1953, that of 1 April 1954).  The words say how far each count lies, so that a reader
    may weigh it; the claim stays unjudged.
    """
    start, end = period_bounds(day)
    if start is None or start != end or "/" in day:
        return ""
    days = planner.evaluator.days(quantity)
    before = [d for d in days if d < day]
    after = [d for d in days if d > day]
    sides = []
    for near in (before[-1:] + after[:1]):
        answer = _main(planner, quantity, near)
        d = period_bounds(near)[0]
        if answer is None or d is None or answer.low != answer.low:
            continue
        gap = (d - start).days
        side = f"{abs(gap)} days {'after' if gap > 0 else 'before'}"
        sides.append(f"{answer.low:,.0f} on {period_text(near)} ({side})")
    if not sides:
        return ""
    counts = " and ".join(sides)
    what = "count is" if len(sides) == 1 else "counts are"
    return (f"its nearest {what} {counts}, and a population rises and falls between counts "
            "(arrivals, releases, amnesties), so no count of another day bounds it")
