"""Named periods in a sentence, and how a text dates them: "the Great Terror", "during his reign", "the war".

Names come from the periods table (:mod:`gulagstats.factcheck.resources`):
a name reads its default span, a span the text glosses it with ("the Great
Purges of 1936-1939"), the rule of the ruler named just before ("during his
reign"), or a relative rule resolved against the text's clock ("in the
previous year").  A name before a publication year or after a capital "The"
is a title.  Read by :func:`gulagstats.factcheck.periods.find_periods`; one
pass over the sentence's matches: linear in the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from .dates import Period, month_span
from .phrases import Token
from .resources import Resources


@dataclass
class Dating:
    """How a text dates its named periods ("The Great Purge ... occurred from 1936 to 1938").

    ``rows`` maps a row of the periods table to the text's reading of it;
    ``readings`` maps a default reading (``1937/1938``) to the first reading
    the text gave a name of that default, so that "the Purge" takes the dates
    the text gave "the Great Purge".
    """

    rows: dict[int, str] = field(default_factory=dict)
    readings: dict[str, str] = field(default_factory=dict)
    #: The rule of the ruler named last ("Stalin": his rule) and how many sentences ago (0: this one).
    ruler: tuple[str, int] = ("", 0)


def opened(period: str) -> str:
    """An open period from the start of ``period`` on, as ``START/`` (no end); ``""`` when no start is known.

    >>> opened("1930/1939"), opened("1953-03-05"), opened("")
    ('1930/', '1953-03-05/', '')
    """
    start = period.split("/")[0]
    return f"{start}/" if start else ""


#: A capital "The" inside a sentence before a name: a title ("in his influential work The Great Terror, ...").
_TITLE_THE = re.compile(r"[a-z,]\s+The\s+$")


def titles_of(sentence: str, found: list[Period]) -> list[Period]:
    """A named period right before a publication year ("The Great Terror (1968)"), or after a capital "The" inside
    its sentence ("The section in The Great Terror headed ..."), is a title: a document.

    >>> [p.kind for p in titles_of("his work The Great Terror", [Period(13, 25, "1937/1938", "named", 0.7)])]
    ['document']
    """
    out = []
    for i, p in enumerate(found):
        after = found[i + 1] if i + 1 < len(found) else None
        if p.kind == "named" and (
            (after is not None and after.kind == "document" and after.start - p.end <= 3)
            or _TITLE_THE.search(sentence, max(0, p.start - 12), p.start)
        ):
            p = Period(p.start, p.end, "", "document", 1.0)
        out.append(p)
    return out


#: Between a name and the span that dates it: "the Great Purges of 1936-1939", "World War II (1939–1953)".
#: The span may follow the name with nothing between ("жертв сталинских репрессий 1937—1953 гг.").
# after a closing quote too
_GLOSS = re.compile(r"^[\s'\"\u201d\u00bb]*(?:\(|,|\u2013|\u2014|-|of|in|в)?\s*$", re.IGNORECASE)
#: A sentence that dates a name: "The Great Purge ... was a campaign ... which occurred from 1936 to 1938".
_DATES_IT = re.compile(
    r"\b(?:was|were|is|occurred|lasted|took place|ran|spanned|продолжал\w*|длил\w*|проходил\w*)\b",
    re.IGNORECASE,
)
#: A sentence that names a span: "the period of the most intense purge, 1937–1938, is called Yezhovshchina".
_NAMES_IT = re.compile(
    r"\b(?:is|was)\s+(?:called|known\s+as|named)\b|\bназыва\w*|\bизвест\w*\s+как\b", re.IGNORECASE
)


def text_datings(
    sentence: str, found: list[Period], dating: Dating, data: Resources
) -> list[Period]:
    """Named periods read as the text dates them, and the text's datings learnt from this sentence.

    A name glossed by a span ("World War II (1939–1953)", "the Great Purges
    of 1936-1939") or said to be a span in a sentence that has no other period
    ("The Great Purge ... occurred from 1936 to 1938", "1937–1938 is called
    the Yezhovshchina") is dated by the text; the name keeps that reading,
    and other names of the same default reading take the first such dating.
    """
    spans = [p for p in found if p.kind == "span"]
    names = [p for p in found if p.kind == "named"]
    glossed: set[int] = set()
    glossed_as: dict[int, str] = {}
    for n in names:
        gloss = next(
            (s for s in spans if s.start > n.end and _GLOSS.match(sentence[n.end : s.start])), None
        )
        if (
            gloss is None
            and len(spans) == 1
            and len(names) + 1 == len([p for p in found if p.kind not in ("document", "event")])
        ):
            s = spans[0]
            between = sentence[n.end : s.start] if s.start > n.end else sentence[s.end : n.start]
            if (_DATES_IT if s.start > n.end else _NAMES_IT).search(between):
                gloss = s  # "The Great Purge ... occurred from 1936 to 1938"; "1937–1938, is called Yezhovshchina"
        if gloss is not None:
            dating.rows[n.row] = gloss.period
            dating.readings.setdefault(data.periods.rows[n.row]["reading"], gloss.period)
            glossed.add(n.start)
            glossed_as[n.start] = gloss.period
    out = []
    for p in found:
        if p.kind == "named":
            reading = dating.rows.get(p.row) or dating.readings.get(
                data.periods.rows[p.row]["reading"]
            )
            if (
                reading
            ):  # a name the sentence itself dates is that span ("the Great Terror of 1937-1938")
                kind = (
                    "span" if p.start in glossed and reading == glossed_as.get(p.start) else "named"
                )
                p = Period(p.start, p.end, reading, kind, max(p.confidence, 0.8), None, p.row)
        out.append(p)
    return out


#: How many sentences after a ruler's name "he", "his reign", "при нём" still name him: his own and the next.
RULER_REACH = 1


def read_named(
    toks: list[Token], offset: int, data: Resources, anchor: date | None, last: str, dating: Dating
) -> list[Period]:
    out = []
    ruler, ago = dating.ruler
    dating.ruler = (ruler, ago + 1) if ruler else dating.ruler
    matches = data.periods.phrases.find(toks)
    for match in matches:  # a ruler's name first: "While Stalin administered ... during his reign"
        rule = data.periods.rows[match.row]["rule"]
        if rule.startswith("name:"):
            dating.ruler = (rule.removeprefix("name:"), 0)
    for match in matches:
        row = data.periods.rows[match.row]
        a, b = toks[match.first].start - offset, toks[match.last - 1].end - offset
        confidence = float(row["confidence"])
        if row["rule"].startswith(("name:", "decade:")) or row["rule"] in ("goes_on", "exile"):
            continue  # a name is no period (it gives "he", "his reign" theirs); a part of a decade is read by decades()
        if row["rule"] in (
            "event",
            "report",
        ):  # "born in", "published": a mark for event_dates, no period
            out.append(Period(a, b, "", row["rule"] + "_verb", 0.0, None, match.row))
            continue
        if row["rule"] == "ruler":  # "they say he killed 20 million" after "Stalin": his rule
            if dating.ruler[0] and dating.ruler[1] <= RULER_REACH:
                out.append(Period(a, b, dating.ruler[0], "named", confidence, None, match.row))
            continue
        if row["reading"]:
            out.append(Period(a, b, row["reading"], "named", confidence, None, match.row))
        elif row["rule"] == "open" or row["rule"].startswith(
            "from:"
        ):  # "after Stalin's death": from 5 March 1953 on
            out.append(
                Period(
                    a,
                    b,
                    opened(row["rule"].removeprefix("from:").removeprefix("open")),
                    "open",
                    0.0,
                    None,
                    match.row,
                )
            )
        else:  # resolved against the text's clock, or (_anchored) a date of its own sentence; dropped if neither
            out.append(
                Period(
                    a,
                    b,
                    resolve_rule(row["rule"], anchor, last),
                    "relative",
                    confidence,
                    None,
                    match.row,
                )
            )
    return out


def resolve_rule(rule: str, anchor: date | None, last: str = "") -> str:
    """A relative rule of the data against the text's clock (``anchor``) and its last period.

    Examples
    --------
    >>> d = date(1934, 12, 1)
    >>> resolve_rule("previous_year", d), resolve_rule("within_year", d), resolve_rule("until:1938", d)
    ('1933', '1934/1935', '1934/1938')
    >>> resolve_rule("next_year", d)
    '1935'
    >>> resolve_rule("same_month", d), resolve_rule("next_day", d), resolve_rule("same_period", None, "1937/1938")
    ('1934-12-01/1934-12-31', '1934-12-02', '1937/1938')
    >>> resolve_rule("same_span", None, "1937/1938"), resolve_rule("same_span", None, "1937")
    ('1937/1938', '')
    """
    if rule.startswith("fixed:"):
        return rule.split(":", 1)[1]
    if rule == "same_period":
        return last
    if (
        rule == "same_span"
    ):  # "these years", "в эти годы": the span of years just stated, not one year
        return last if "/" in last else ""
    if anchor is None:
        return ""
    simple = {
        "previous_year": str(anchor.year - 1),
        "next_year": str(anchor.year + 1),
        "within_year": f"{anchor.year}/{anchor.year + 1}",
        "same_year": str(anchor.year),
        "same_month": month_span(anchor.year, anchor.month),
        "next_day": (anchor + timedelta(days=1)).isoformat(),
    }
    if rule in simple:
        return simple[rule]
    if rule.startswith("until:"):
        end = int(rule.split(":")[1])
        return f"{anchor.year}/{end}" if end > anchor.year else str(end)
    return ""
