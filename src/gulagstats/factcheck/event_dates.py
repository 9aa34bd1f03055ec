"""Dates that belong to another event than the numbers of a sentence: a person's life in brackets ("Yezhov
(1895–1940)"), a year that qualifies another event ("the 1939 Soviet invasion", "the Party Congress in 1934"), a
date right after a verb of another event ("born in 1895", "who was shot in 1940": ``event`` rows of
``periods.csv``), and a year that names a named period ("the Great Purge of 1937").

Each becomes a period of kind ``event`` (no period of the numbers), so that
:mod:`gulagstats.factcheck.frame_periods` does not date a number by it.  One pass over the sentence or over its
periods each: linear.
"""

from __future__ import annotations

import re
from datetime import date

from .dates import DASH as _DASH
from .dates import YEAR_DIGITS as _YEAR
from .dates import Period

__all__ = ["LAST_YEAR", "event_dates", "events", "lifespans", "names_years"]

#: The last year of the record's concern: a later date in an article dates a publication or a citation.
LAST_YEAR = 1991
#: A year between "the" and a word that it qualifies: the date of another event ("the 1939 Soviet invasion").
EVENT_YEAR = re.compile(
    rf"\b[Tt]he\s+(?P<y>{_YEAR})\s+(?!(?:and|or|to|through|until|till|as|was|were|is|saw|when|had)\b)[^\W\d_]"
    rf"|\b(?:[Cc]ongress|[Pp]lenum|съезд\w*|пленум\w*)\s+(?:in|of|в)\s+(?P<z>{_YEAR})\b"  # "the Party Congress in 1934"
)


def events(sentence: str) -> list[Period]:
    """Years that name another event: "the 1939 Soviet invasion", "the 1926 census" (kind ``event``, no period).

    >>> [(p.period, p.kind) for p in events("officers imprisoned during the 1939 Soviet invasion, in 1940")]
    [('1939', 'event')]
    """
    return [
        Period(m.start(g), m.end(g), m[g], "event", 0.9, date(int(m[g]), 1, 1))
        for m in EVENT_YEAR.finditer(sentence)
        for g in ("y" if m["y"] else "z",)
    ]


#: A span in brackets right after a name: a person's life ("Stalin (1878–1953)", "В. Н. Земсков (1946–2015)").
LIFESPAN = re.compile(
    rf"(?-i:\b[A-Z\u0410-\u042f\u0401][^\W\d_]*)\.?,?\s*\(\s*(?P<a>1[89]\d\d){_DASH}(?P<b>(?:1[89]|20)\d\d)\s*\)"
)
#: The fewest years between the ends of a life in brackets (an institution's or an era's dates are shorter, or
#: lie inside the Soviet years: "the Gulag (1930–1960)", "the Great Terror (1936–1938)").
LIFE_YEARS = 20


def lifespans(sentence: str) -> list[Period]:
    """A person's birth and death years in brackets after the name (kind ``event``, no period): not the time of the
    numbers of the sentence ("Yezhov (1895–1940) oversaw the shooting of 681,692 people in 1937-1938").

    Only a span that starts before the Soviet state (1917) or ends after it (:data:`LAST_YEAR`) and is at least
    :data:`LIFE_YEARS` long is a life.

    >>> [(p.period, p.kind) for p in lifespans("Stalin (1878–1953) and Conquest (1917–2015); the Gulag (1930–1960)")]
    [('1878/1953', 'event'), ('1917/2015', 'event')]
    """
    out = []
    for m in LIFESPAN.finditer(sentence):
        a, b = int(m["a"]), int(m["b"])
        if b - a >= LIFE_YEARS and (a < 1917 or b > LAST_YEAR):
            out.append(Period(m.start("a") - 1, m.end(), f"{a}/{b}", "event", 0.9, None))
    return out


#: Between a named period and a year that names it: "the Great Purge of 1937", "Большого террора 1937 года"; or that
#: says when it began or ended ("By the time the national operations inside the USSR ended in 1938, they had arrested
#: almost 350,000": the operations' years, not 1938 alone; round 17).
_NAMES_YEAR = re.compile(
    r"^[\s'\"\u201d\u00bb]*(?:of\s+)?$"
    r"|^[^\d.;:()]{0,40}?\b(?:ended|ending|began|beginning|started|starting|закончил\w*|завершил\w*|начал\w*)"
    r"\s+(?:in|в|во)\s+$",
    re.IGNORECASE,
)


def names_years(sentence: str, found: list[Period]) -> list[Period]:
    """A year right after a named period of years that holds it names the period, not another time: "the victims of
    the Great Purge of 1937, when millions were ..." is the Great Purge (the labelling guide: 1937-1938), so the
    year becomes an ``event`` (no period of its own) and the name's reading dates the numbers.

    >>> found = [Period(4, 15, "1937/1938", "named", 0.7), Period(19, 23, "1937", "year", 0.9)]
    >>> [(p.period, p.kind) for p in names_years("the Great Purge of 1937", found)]
    [('1937/1938', 'named'), ('1937', 'event')]
    >>> [(p.period, p.kind) for p in names_years("the Great Purge in 1937", found)]
    [('1937/1938', 'named'), ('1937', 'year')]
    """
    out: list[Period] = []
    for p in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "named"
            and p.kind == "year"
            and "/" in prev.period
            and prev.period[:4] <= p.period[:4] <= prev.period.split("/")[1][:4]
            and _NAMES_YEAR.match(sentence[prev.end : p.start])
        ):
            p = Period(p.start, p.end, p.period, "event", p.confidence, p.day)
        out.append(p)
    return out


#: Between a verb of another event and its date: "born in 1895", "elected on 1 May 1934", "избранных в 1934 году".
_EVENT_GAP = re.compile(r"^\s*(?:in|on|в|во)?\s*$", re.IGNORECASE)


def event_dates(sentence: str, found: list[Period]) -> list[Period]:
    """A date right after a verb of another event (``event`` rows of ``periods.csv``: "born in 1895", "elected in
    1934", "who was shot in 1940", "избранных в 1934 году") dates that event, not the numbers of the sentence: it
    becomes an ``event`` (no period). So does a year after Stalin's death that is the first number of a sentence
    and comes before a verb of reporting (``report`` rows: "In 1991, the newspaper published ... 66 million
    victims", "В сборнике 1958 г. говорится о ..."): the report's date, not its numbers'. The verbs' marks are
    dropped.

    >>> found = [Period(8, 12, "", "event_verb", 0.0), Period(16, 20, "1895", "year", 0.9)]
    >>> [(p.period, p.kind) for p in event_dates("Yezhov, born in 1895, ...", found)]
    [('1895', 'event')]
    >>> found = [Period(3, 7, "1991", "year", 0.9), Period(23, 32, "", "report_verb", 0.0)]
    >>> [(p.period, p.kind) for p in event_dates("In 1991, the newspaper published 66 million", found)]
    [('1991', 'event')]
    """
    found = _reported(sentence, found)
    out: list[Period] = []
    verb: Period | None = None
    for p in found:
        if p.kind in ("event_verb", "report_verb"):
            verb = p if p.kind == "event_verb" else None
            continue
        if (
            verb is not None
            and p.kind in ("year", "date", "month", "season")
            and _EVENT_GAP.match(sentence[verb.end : p.start])
        ):
            p = Period(p.start, p.end, p.period, "event", p.confidence, p.day)
        verb = None
        out.append(p)
    return out


#: The first year after the record's years (Stalin died in 1953): a later year that is the first number of its sentence
#: and comes before a verb of reporting ("In 1956, Khrushchev revealed that ...", "В сборнике 1958 г. говорится о
#: ...") dates the report; the numbers it reports are of earlier years.
REPORTED_AFTER = 1954


def _reported(sentence: str, found: list[Period]) -> list[Period]:
    """The year that starts a reporting sentence ("In 1991, ... published"), made an ``event``: see :func:`event_dates`."""
    first = next((i for i, p in enumerate(found) if p.kind != "report_verb"), None)
    if first is None:
        return found
    p = found[first]
    verb = next((v for v in found[first + 1 :] if v.kind == "report_verb"), None)
    if (
        verb is None
        or p.kind not in ("year", "date", "month")
        or int(p.period[:4]) < REPORTED_AFTER
        or re.search(r"\d", sentence[: p.start])
        or re.search(r"\d|[;:]", sentence[p.end : verb.start])
        or any(
            q.kind not in ("report_verb", "event_verb") and q.start < verb.start
            for q in found[first + 1 :]
        )
    ):
        return found
    return [
        *found[:first],
        Period(p.start, p.end, p.period, "event", p.confidence, p.day),
        *found[first + 1 :],
    ]
