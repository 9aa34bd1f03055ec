"""Decades in a sentence: "the 1930s", "в 1930-е годы", "в 30-е годы", "тридцатые годы", "the thirties", and their
early, middle and late years ("the late 1930s", "в начале 30-х").

Every decade is a span of years (``1930/1939``), kind ``decade``; a decade's end after "by the end of" is read by
:mod:`gulagstats.factcheck.seasons` (``BY_END``).  One pass of one pattern over the sentence: linear in its length.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from .dates import Period

#: A decade's digits: "1930s", "1930-е", "1930-х"; Russian two digits with a hyphen ("30-е", "30-х гг."); a word
#: ("тридцатые годы", "в тридцатых годах", "the thirties").
DECADE = re.compile(
    r"\b(?:(?P<which>early|mid-?|late|начал\w*|середин\w*|конц\w*)\s*)?(?:the\s+)?"
    r"(?:(?P<dec>1[89]\d)0(?:[\u2019']?s\b|-?(?:е|х|ые|ых)\b)"
    r"|(?<![\d.,])(?P<two>[2-9])0-(?:е|х|ые|ых)\b"
    r"|(?P<word>двадцат|тридцат|сороков|пятидесят)(?:ые|ых)\s+(?:год\w*|гг\.)"
    r"|(?<=the\s)(?P<wen>twenties|thirties|forties|fifties)\b)",
    re.IGNORECASE,
)
#: Russian words for a decade's early, middle and late years, as the English ones ("в конце 1930-х").
_DECADE_PART = {
    "early": "early",
    "mid": "mid",
    "late": "late",
    "начал": "early",
    "серед": "mid",
    "конце": "late",
    "конца": "late",
}
#: The decades named in words, by their tens.
_DECADE_WORDS = {
    "двадцат": 2,
    "тридцат": 3,
    "сороков": 4,
    "пятидесят": 5,
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
}


def decade_of(m: re.Match[str]) -> int:
    """The first year of the decade a :data:`DECADE` match names (the 20th century for two digits or a word).

    >>> [decade_of(DECADE.search(s)) for s in ("the 1930s", "в 30-е годы", "в тридцатые годы", "in the Forties")]
    [1930, 1930, 1930, 1940]
    """
    if m["dec"]:
        return int(m["dec"]) * 10
    if m["two"]:
        return 1900 + int(m["two"]) * 10
    return 1900 + _DECADE_WORDS[(m["word"] or m["wen"]).lower()] * 10


def decades(
    sentence: str,
    free: Callable[[int, int], bool],
    readings: Mapping[str, tuple[str, float]] | None = None,
) -> list[Period]:
    """The decades of a sentence whose characters are still ``free``, as spans of years (kind ``decade``).

    ``readings`` are the periods.csv readings of parts of decades ("late 1930s": the Great Terror's 1937/1938,
    :func:`gulagstats.factcheck.resources.decade_parts`), in whatever language the part is said ("в конце 1930-х").

    Examples
    --------
    >>> [(p.period, p.kind) for p in decades("в 30-е годы и в начале 40-х; the late 1930s; the 1950s", lambda a, b: True)]
    [('1930/1939', 'decade'), ('1940/1943', 'decade'), ('1937/1939', 'decade'), ('1950/1959', 'decade')]
    >>> [p.period for p in decades("в конце 30-х и the late 1930s", lambda a, b: True, {"late 1930s": ("1937/1938", 0.7)})]
    ['1937/1938', '1937/1938']
    >>> decades("30-летие; 30 х 40 см; in their thirties", lambda a, b: True)
    []
    """
    out = []
    for m in DECADE.finditer(sentence):
        if not free(m.start(), m.end()):
            continue
        decade = decade_of(m)
        which = _DECADE_PART.get((m["which"] or "").lower().rstrip("-")[:5], "")
        first, last = {"": (0, 9), "early": (0, 3), "mid": (4, 6), "late": (7, 9)}[which]
        period, confidence = (readings or {}).get(
            f"{which} {decade}s", (f"{decade + first}/{decade + last}", 0.7)
        )
        out.append(Period(m.start(), m.end(), period, "decade", confidence, None))
    return out
