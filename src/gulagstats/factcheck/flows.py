"""A stretch of time from an event to a day: "С момента первоначального вселения и до 1 октября 1948 г.", "from the
time of their arrival until 1 October 1948" (round 19).

The flow names its start by an event ("the time of their arrival", "момента вселения") and its end by a day or a
month.  Where the words between state no period, the start is not known here: the flow runs up to its end, an
``open`` period (refused by the judging gate), not the one day at its end that it was read as before.  Where they
state one period ("с момента ареста в марте 1937 г. и до 1 октября 1948 г."), the flow is the span between the two.
The words that open a flow and the prepositions of its end are grammar, here, as the other prepositions of periods.
"""

from __future__ import annotations

import re

from .dates import Period

__all__ = ["FLOW_REACH", "flows"]

#: The words that open a flow from an event: "с момента", "со времени", "from the time of", "since the moment of".
_FLOW_FROM = re.compile(
    r"(?:\bс\s+момента|\bсо\s+времени|\bс\s+того\s+момента|"
    r"\bfrom\s+the\s+(?:time|moment|day)|\bsince\s+the\s+(?:time|moment|day))\b",
    re.IGNORECASE,
)
#: The words right before a flow's end: "и до", "до", "по", "until", "till", "to", "up to".
_FLOW_TO = re.compile(r"(?:\bдо|\bпо|\buntil|\btill|\bto|\bup\s+to)\s+(?:the\s+)?$", re.IGNORECASE)
#: How far before its end a flow's opening words are looked for (characters): a flow is one clause.
FLOW_REACH = 120
#: A break no flow runs across: the end of a clause of its own (not the point of "г.", "гг.": a year's abbreviation).
_FLOW_BREAK = re.compile(r"(?<!\bг)(?<!\bгг)[;:.!?]\s")
#: The kinds of period that end a flow (a day or a month: "до 1948 года" may mean "before 1948").
_FLOW_ENDS = ("date", "month")
#: The kinds of period that may start a flow between its opening words and its end.
_FLOW_STARTS = ("date", "month", "year", "season")


def flows(sentence: str, found: list[Period]) -> list[Period]:
    """The periods of a sentence with every flow from an event to a day read as a whole: ``open`` up to its end
    where its start states no period, else the span between the two.

    Examples
    --------
    >>> s = "С момента первоначального вселения и до 1 октября 1948 г. умерло 45 275 человек."
    >>> at = s.index("1 октября")
    >>> [(p.period, p.kind) for p in flows(s, [Period(at, at + 14, "1948-10-01", "date", 0.9)])]
    [('/1948-10-01', 'open')]
    >>> s = "From the time of his arrest in March 1937 to 1 October 1948, he wrote 300 letters."
    >>> a, b = s.index("March"), s.index("1 October")
    >>> found = [Period(a, a + 10, "1937-03-01/1937-03-31", "month", 0.9), Period(b, b + 14, "1948-10-01", "date", 0.9)]
    >>> [(p.period, p.kind) for p in flows(s, found)]
    [('1937-03-01/1948-10-01', 'span'), ('1937-03-01/1948-10-01', 'span')]
    >>> s = "К 1 октября 1948 г. умерло 45 275 человек; до 1 января 1949 г. ещё 300."  # no flow: a count on a day
    >>> b = s.index("1 января")
    >>> [p.period for p in flows(s, [Period(b, b + 14, "1949-01-01", "date", 0.9)])]
    ['1949-01-01']
    """
    out = list(found)
    for i, p in enumerate(found):
        if (
            p.kind not in _FLOW_ENDS
            or "/" in p.period
            or not _FLOW_TO.search(sentence[max(0, p.start - 12) : p.start])
        ):
            continue
        window = max(0, p.start - FLOW_REACH)
        openings = list(_FLOW_FROM.finditer(sentence, window, p.start))
        opening = openings[-1] if openings else None
        if opening is None or _FLOW_BREAK.search(sentence, opening.end(), p.start):
            continue
        between = [
            k
            for k, q in enumerate(found)
            if opening.end() <= q.start and q.end <= p.start and q.period
        ]
        if not between:
            out[i] = Period(p.start, p.end, "/" + p.period, "open", 0.0, p.day)
        elif len(between) == 1 and found[between[0]].kind in _FLOW_STARTS:
            q = found[between[0]]
            span = f"{q.period.split('/')[0]}/{p.period}"
            if span.split("/")[0] < p.period:
                out[between[0]] = Period(q.start, q.end, span, "span", 0.8, q.day)
                out[i] = Period(p.start, p.end, span, "span", 0.8, None)
    return out
