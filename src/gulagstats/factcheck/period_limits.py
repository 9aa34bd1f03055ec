"""Limits on where a number's period is read, and how: the part of its sentence between semicolons, a total
counted "as of" a day, and an infobox's toll under the days of a round-up.

Used by :mod:`gulagstats.factcheck.frame_periods` (round 15; the total of the items before it, round 16). Each check looks at a bounded window of the
sentence, so a sentence of any length costs the same per number.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .dates import Period

__all__ = ["ROUND_UP_DAYS", "counted_as_of", "outruns", "semicolon_part", "sums_items"]

#: How far :func:`semicolon_part` looks for the semicolons around a mention (a bound: linear time).
_SEMICOLON_REACH = 1000


def semicolon_part(sentence: str, at: int, end: int) -> tuple[int, int]:
    """The part of a sentence between the semicolons around the mention ``[at, end)``, where it reads its sentence's
    period: "в 1918 г. было арестовано 58 762 человека, ... лишению свободы — 14 404 человека; в 1937 г. ..." dates
    14 404 by 1918, its own part's year, not by the nearer 1937 of the next part. ``(0, 10**12)`` (the whole
    sentence) when no semicolon is within :data:`_SEMICOLON_REACH` characters either side.

    >>> semicolon_part("a 1918, b; c 1937", 7, 8), semicolon_part("a 1918, b", 7, 8)
    ((0, 9), (0, 1000000000000))
    """
    lo = sentence.rfind(";", max(0, at - _SEMICOLON_REACH), at)
    hi = sentence.find(";", end, end + _SEMICOLON_REACH)
    if lo < 0 and hi < 0:
        return 0, 10**12
    return lo + 1, (hi if hi >= 0 else 10**12)


def counted_as_of(sentence: str, p: Period) -> bool:
    """A single day after "as of" or "на" (:data:`_TOTAL_AS_OF`): a total counted on it runs up to it.

    >>> day = Period(9, 24, "1937-08-15", "date", 0.9)
    >>> counted_as_of("Всего на 15 августа 1937 г. арестовано 100 990", day), counted_as_of("Всего 15 августа", day)
    (True, False)
    """
    return (
        p.kind == "date"
        and "/" not in p.period
        and bool(_TOTAL_AS_OF.search(sentence, max(0, p.start - 24), p.start))
    )


#: "на", "as of" before a day a total is counted on; "по состоянию на" (the state on that day) counts a stock only:
#: the camps' and the settlements' numbers "по состоянию на 1 января 1953 года" taken for totals keep their day.
_TOTAL_AS_OF = re.compile(r"(?:\bas\s+of|(?<!состоянию )\bна)\s+$", re.IGNORECASE)


#: An infobox's line of deaths ("- Fatalities: 16,017–16,594", "Deaths | 21,857", "| fatalities = ...",
#: "Deaths~800,000"): the toll of the event the infobox's date line dates.
_DEATHS_FIELD = re.compile(
    r"^[\s\-|\u2022*]*(?:fatalities|deaths|casualties|killed|погибш\w*|погибло|умерш\w*|умерло)(?![^\W\d_])",
    re.IGNORECASE,
)
#: The longest span of days whose toll outruns it (:func:`outruns`): a round-up ("14–15 November 1944"), not an
#: operation or an uprising of weeks or years ("16 May – 26 June 1954", "19 August 1936 – 17 November 1938"), whose
#: infobox's toll the labels date by its span.
ROUND_UP_DAYS = 31


def outruns(sentence: str, period: str) -> bool:
    """True if ``sentence`` is an infobox's line of deaths under a span of days of at most :data:`ROUND_UP_DAYS`:
    the deaths a deportation of some days caused run on after it (in transit, in exile), so its toll reads the
    span's start, open ("1944-11-14/", never judged), not the days of the round-up. A span of whole months or years
    (Katyn's "April–May 1940", "1936–1938") or of longer still dates its toll.

    >>> outruns("- Fatalities: 12,589", "1944-11-14/1944-11-15"), outruns("Deaths | 21,857", "1940-04-01/1940-05-31")
    (True, False)
    >>> outruns("- Victims: 115,000 deported", "1944-11-14/1944-11-15"), outruns("Deaths: 5", "1954-05-16/1954-06-26")
    (False, False)
    """
    if not _DEATHS_FIELD.match(sentence):
        return False
    try:
        first, last = (date.fromisoformat(e) for e in period.split("/"))
    except ValueError:  # a year, a month, an open end: no span of days
        return False
    return 0 <= (last - first).days < ROUND_UP_DAYS and not (
        first.day == 1 and (last + timedelta(days=1)).day == 1
    )


#: Words right before a number that make it the total of the items of its sentence before it ("..., with a total of
#: about 3.3 million", "в общей сложности"): up to 40 characters before the number are looked at.
_TOTAL_OF = re.compile(
    r"(?:\bwith\s+a\s+total\s+of|\ba\s+total\s+of|\bin\s+total|\bin\s+all|\baltogether|\btotall?ing|"
    r"\bвсего|\bитого|\bв\s+общей\s+сложности|\bв\s+сумме)\s*,?\s*"
    r"(?:about|around|some|approximately|nearly|almost|over|more\s+than|около|примерно|более|свыше)?\s*$",
    re.IGNORECASE,
)
#: How far before a period a number is looked for that the period closes the item of (characters).
_ITEM_REACH = 120


def sums_items(sentence: str, p: Period, at: int) -> bool:
    """True if the number at ``at`` is the total of the items before it ("with a total of") and the period ``p``
    of its clause lies between it and another number: ``p`` dates that number's item, not the total ("... and up
    to 400,000 deaths of persons deported during the 1940s, with a total of about 3.3 million officially recorded
    victims": the 1940s are the deportees', the total reads the period carried to its sentence). A period before the
    first item ("In 1937, 353,074 were shot and 400,000 arrested, a total of 753,074") still dates the total.

    >>> s = "up to 400,000 deaths of persons deported during the 1940s, with a total of about 3.3 million victims"
    >>> forties = Period(s.find("the 1940s"), s.find("the 1940s") + 9, "1940/1949", "decade", 0.9)
    >>> sums_items(s, forties, s.find("3.3")), sums_items(s, forties, s.find("400,000"))
    (True, False)
    >>> s = "In 1937, 353,074 were shot and 400,000 arrested, a total of 753,074"
    >>> sums_items(s, Period(3, 7, "1937", "year", 0.9), s.find("753,074"))
    False
    """
    if p.end > at or not _TOTAL_OF.search(sentence, max(0, at - 40), at):
        return False
    return bool(re.search(r"\d", sentence[max(0, p.start - _ITEM_REACH) : p.start]))
