"""Periods in a sentence: the time in exile that follows a deportation stated before, open from its first day.

"The Meskhetian Turks were deported on 14-15 November 1944. ... The harsh conditions in exile caused 12,589
deaths": the deaths in exile outlast the days of the deportation, so the sentence is not of those days. A
sentence that states no period of its own and names the time in exile (``periods.csv`` rows of rule
``exile``: "in exile", "in the special settlements", "в ссылке", "на спецпоселении") after a period of at most
:data:`OPERATION_DAYS` days carried from before (the days of an operation) reads it open from that period's
first day, never judged (an ``exile`` period at 0.0, read as ``open``), where the number counts a flow (deaths,
arrivals): a stock ("В спецпоселениях содержалось 2,7 млн" after "На 1 января 1953 года") is counted on the
day carried (:func:`gulagstats.factcheck.frame_periods.period`). Not after a span of years ("deported
between 1941 and 1952 ...; 28,000 died in exile": within the years stated), and not "during the deportation"
(the days themselves: no row). The period carried to the sentences after is unchanged.
"""

from __future__ import annotations

from datetime import date

from .dates import Period
from .named_periods import opened
from .phrases import Token
from .resources import Resources

#: The kind of the period this module finds: read as an open period, carried to no sentence after it.
EXILE = "exile"
#: The most days a period carried from before may span to be an operation's days that an exile follows.
OPERATION_DAYS = 31


def operation_days(period: str) -> bool:
    """True if ``period`` is a day or a span of days no longer than :data:`OPERATION_DAYS` (a year is not).

    >>> operation_days("1944-11-14/1944-11-15"), operation_days("1944-11-14"), operation_days("1944")
    (True, True, False)
    >>> operation_days("1941-01-01/1952-12-31"), operation_days("1944-11-14/")
    (False, False)
    """
    ends = period.split("/")
    try:
        first, last = date.fromisoformat(ends[0]), date.fromisoformat(ends[-1])
    except ValueError:
        return False
    return 0 <= (last - first).days <= OPERATION_DAYS


def in_exile(
    toks: list[Token], offset: int, found: list[Period], last: str, data: Resources
) -> list[Period]:
    """The time in exile after the operation's days ``last``, where the sentence names it and states no period.

    ``found`` are the sentence's periods; ``toks`` its tokens (offsets in the document, the sentence at ``offset``).

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> from gulagstats.factcheck.phrases import tokens
    >>> s = "Harsh conditions in exile caused 12,589 deaths."
    >>> [(p.period, p.kind) for p in in_exile(tokens(s), 0, [], "1944-11-14/1944-11-15", load_resources())]
    [('1944-11-14/', 'exile')]
    >>> in_exile(tokens(s), 0, [], "1941/1952", load_resources())
    []
    """
    if not operation_days(last) or any(
        p.period for p in found if p.kind not in ("document", "event")
    ):
        return []
    for match in data.periods.phrases.find(toks):
        if data.periods.rows[match.row]["rule"] == EXILE:
            a, b = toks[match.first].start - offset, toks[match.last - 1].end - offset
            return [Period(a, b, opened(last), EXILE, 0.0, None, match.row)]
    return []
