"""Who makes a claim: the author, or a person the text quotes or reports."""

from __future__ import annotations

import re

_NAME = (  # a name, after at most two initials ("Д. Волкогонова", "V. N. Zemskov")
    r"(?:\b[A-Z\u0410-\u042f\u0401]\.\s*){0,2}"
    r"(?:[A-Z\u0410-\u042f\u0401][a-zà-ÿ\u0430-\u044f\u0451\u2019'-]+|[A-Z]{2,}\*?)"
    r"(?:\s+(?:[A-Z\u0410-\u042f]\.\s*)*[A-Z\u0410-\u042f][a-zà-ÿ\u0430-\u044f\u0451\u2019'-]+)?"
)
_VERB = (
    r"(?:said|says|wrote|writes|told|tells|claimed|claims|noted|notes|remarked|remarks|explained|stated|states|"
    r"declared|argued|argues|observed|added|insisted|recalled|estimated|estimates|reported|announced|"
    r"calculated|counted|believed|believes|asserted|maintained|suggested|suggests|"
    r"пишет|писал|считает|считал|утверждает|утверждал|оценивает|оценивал|указывает|сообщает|заявил|подсчитал)"
)
SPEAKER = re.compile(rf"(?P<name>{_NAME})\s+(?:\w+\s+)?{_VERB}\b")
ACCORDING = re.compile(
    rf"(?:\b[Aa]ccording to|\b[Пп]о (?:данным|словам|оценке|подсчетам|подсчётам|мнению))\s+(?:(?:a|the)\s+[\w\s]{{0,30}}?\s+of\s+(?:the\s+)?)?(?P<name>{_NAME})"
)
DOCUMENT = re.compile(
    rf"\b(?:note|letter|telegram|speech|report|statement|memoirs?)\s+(?:that|by|of|from)\s+(?P<name>{_NAME})"
)
QUOTES = re.compile(
    r"\u201c[^\u201d]*\u201d|\"[^\"]*\"|\u2018[^\u2019]*(?:\u2019(?=\W*$)|\u2019(?=[\s.,;:)]))",
    re.DOTALL,
)
#: How far from a number (characters) a quotation that holds it may begin.
ATTRIBUTION_WINDOW = 3000
#: How far from a number (characters, either side) :func:`attribute` reads its line: the window of a
#: quotation and the 200 characters before the quotation where its speaker is named.
REACH = ATTRIBUTION_WINDOW + 200
NOT_NAMES = {
    "The",
    "This",
    "That",
    "It",
    "He",
    "She",
    "They",
    "We",
    "Many",
    "Some",
    "Historians",
    "Scholars",
    "Officials",
    "In",
    "On",
    "A",
    "An",
}


def _speaker(text: str) -> str:
    """The last named speaker introduced in ``text`` (before a quote or a claim), or ``""``."""
    best, where = "", -1
    for pattern in (SPEAKER, ACCORDING, DOCUMENT):
        for m in pattern.finditer(text):
            name = m["name"].rstrip("*")
            if name.split()[0] in NOT_NAMES:
                continue
            if m.start() >= where:
                best, where = name, m.start()
    return best


def attribute(line: str, position: int, sentence_start: int) -> str:
    """Who states the number at ``position`` of ``line``: a person's name, or ``author``.

    Only ``line[position - REACH : position + REACH]`` is read, so a caller may pass that
    window of a long line (with the positions in it) and get the same answer.

    A number inside quotation marks belongs to the person introduced before
    the quote ("Furr quotes from a note that Khrushchev sent to Stalin: \u2018...");
    a number in a sentence of reported speech ("Knight noted that ...", "According
    to Montefiore, ...") to that person; any other number to the author.

    Examples
    --------
    >>> attribute("Knight noted that the purges led to the death of millions.", 45, 0)
    'Knight'
    >>> attribute("Of the 1,225 delegates, 1108 were arrested.", 24, 0)
    'author'
    """
    begin = max(
        0, position - ATTRIBUTION_WINDOW
    )  # a quote is looked for near the number, not in the whole line
    for m in QUOTES.finditer(line, begin, position + ATTRIBUTION_WINDOW):
        if m.start() < position < m.end():
            name = _speaker(line[max(0, m.start() - 200) : m.start()])
            if name:
                return name
            break
    name = _speaker(line[max(sentence_start, position - 500) : position])
    return name or "author"
