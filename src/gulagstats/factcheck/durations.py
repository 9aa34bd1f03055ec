"""A stretch of time stated by its length ("за 12 лет", "over twelve years", "within 14 months"): a duration that
refers back to the period the text stated before it (round 18).

A duration dates nothing alone: it counts from a start the text gave earlier.  After a single year ("В 1941 году
началась депортация ... За 12 лет из стран Балтии было отправлено 203 тысячи") it runs from that year for its
length (1941-1952); after a period of another length it says the period carried is not the claim's, so that
period is kept only under the gate.  A duration as long as the period before adds nothing, and a sentence that
states a period of its own is left to it.  The unit words are data (``duration`` rows of the lexicon, their unit
in the ``rate`` column); the prepositions that make a number a length of time are grammar, here.
"""

from __future__ import annotations

import re

from .dates import Period
from .numerals import Number, read_numerals
from .resources import Resources

__all__ = ["CONFLICT_CONFIDENCE", "DURATION_CONFIDENCE", "durations", "length_of"]

#: The confidence of a span read from a year stated before and a duration after it: under the gate (0.6), since
#: whether the year opens the stretch or falls in it is the reader's guess (dev, round 18: right 4 of 4 claims, 1 text).
DURATION_CONFIDENCE = 0.5
#: The confidence of a period carried from before whose length is not the duration stated with the claim ("за 25 лет"
#: after "1932-1935"): the period is another's, kept for the reader but never judged.
CONFLICT_CONFIDENCE = 0.3
#: Words right before a number that make it a length of time ("за", "в течение", "на протяжении", "за период в",
#: "over", "within", "during", "in"); "the first two years" counts from another start and is no match, and "for ten
#: years" or "на 10 лет" is most often a term of a sentence ("sentenced for ten years"), not a stretch of the record.
_BEFORE = re.compile(
    r"(?:\bза(?:\s+(?:весь\s+)?период\s+в)?|\bв\s+течение|\bна\s+протяжении|\bover|\bwithin|\bduring|\bin)\s+$",
    re.IGNORECASE,
)
#: The word right after the number (its unit is looked up in the lexicon).
_UNIT = re.compile(r"\s+([^\W\d_]+)")
#: A length of time as an adjective (round 19): a number joined to its unit by a hyphen ("the 16-month terror", "a
#: two-year period", "в 4-месячный срок"), after the words of :data:`_BEFORE` (or "в") and an article. After "of"
#: ("the victims of the sixteen-month reign of terror") it was measured on dev (round 19) and not adopted: it put one
#: claim whose verdict was right, read on the Great Terror's two years, under the gate.
_JOINED_UNIT = re.compile(r"-([^\W\d_]+)")
_ADJECTIVE_BEFORE = re.compile(
    _BEFORE.pattern.removesuffix(r")\s+$")
    + r"|\bв)\s+(?:(?:the|a|an|this|that)\s+(?:whole\s+|entire\s+)?)?$",
    re.IGNORECASE,
)
#: A Russian adjective of length compounded with its number ("двухлетний", "четырехмесячный", "полуторагодовой"):
#: the number part is grammar (the genitive of a number word), the unit part a ``duration`` row of the lexicon.
_COMPOUND = re.compile(
    r"\b(?P<n>двух|тр[её]х|четыр[её]х|пяти|шести|семи|восьми|девяти|десяти|двенадцати|пятнадцати|двадцати|полутора)"
    r"(?P<u>[^\W\d_]+)",
    re.IGNORECASE,
)
_COMPOUND_NUMBERS = {
    "двух": 2,
    "трех": 3,
    "трёх": 3,
    "четырех": 4,
    "четырёх": 4,
    "пяти": 5,
    "шести": 6,
    "семи": 7,
    "восьми": 8,
    "девяти": 9,
    "десяти": 10,
    "двенадцати": 12,
    "пятнадцати": 15,
    "двадцати": 20,
    "полутора": 1.5,
}
#: What an adjective of length may qualify that is no stretch of the record: a term of a sentence or of a plan, an age.
_NO_STRETCH = re.compile(
    r"-old\b|\s+(?:sentences?|terms?|plans?|old|возраст\w*|приговор\w*|пятилетк\w*)\b",
    re.IGNORECASE,
)
#: The longest duration read: a number above it is no length of time in these texts.
_MOST = {"year": 75, "month": 36}


def _lengths_stated(
    sentence: str, language: str, data: Resources
) -> list[tuple[int, int, int, str]]:
    """Every duration of a sentence in ``language`` (as the pipeline read it): start, end, length, unit ("year" or
    "month")."""
    units = data.duration_units
    numerals = read_numerals(sentence, language)  # read once: the adjectives take them too
    out = []
    for n in numerals:
        word = _UNIT.match(sentence, n.end)
        if word is None or n.decimal or not float(n.value).is_integer():
            continue
        unit = units.get(word[1].lower())
        if (
            unit
            and 2 <= n.value <= _MOST[unit]
            and _BEFORE.search(sentence[max(0, n.start - 30) : n.start])
        ):
            out.append((n.start, word.end(), int(n.value), unit))
    return sorted(out + _adjectives(sentence, language, data, numerals))


def _unit_of(word: str, units: dict[str, str]) -> str | None:
    """The unit of a word of length: a ``duration`` row's word, or a stem of one ("месячн*" for "месячный")."""
    word = word.lower()
    return units.get(word) or next(
        (u for k, u in units.items() if k.endswith("*") and word.startswith(k[:-1])), None
    )


def _adjectives(
    sentence: str, language: str, data: Resources, numerals: list[Number] | None = None
) -> list[tuple[int, int, int, str]]:
    """Every length of time a sentence states as an adjective ("during the sixteen-month terror", "за двухлетний
    период"): start, end, length, unit; a term or an age ("a ten-year sentence", "the 10-year-old") is none.
    ``numerals`` are the sentence's numbers where they were read already (:func:`read_numerals`).

    >>> from gulagstats.factcheck.resources import load_resources
    >>> data = load_resources()
    >>> _adjectives("During the sixteen-month terror, 680,000 were shot.", "en", data)
    [(11, 24, 16, 'month')]
    >>> [x[2:] for x in _adjectives("За полуторагодовой период и в 4-месячный срок", "ru", data)]
    [(18, 'month'), (4, 'month')]
    >>> _adjectives("In the ten-year sentences of 1937, and in a 10-year-old's eyes", "en", data)
    []
    """
    units = data.duration_units
    joined = [
        (n.start, n.value, m)
        for n in (read_numerals(sentence, language) if numerals is None else numerals)
        if not n.decimal and (m := _JOINED_UNIT.match(sentence, n.end)) is not None
    ]
    joined += [
        (m.start(), _COMPOUND_NUMBERS[m["n"].lower()], m) for m in _COMPOUND.finditer(sentence)
    ]
    out = []
    for start, value, word in joined:
        unit = _unit_of(word[word.lastindex or 0], units)
        if (
            unit is None
            or not _ADJECTIVE_BEFORE.search(sentence[max(0, start - 40) : start])
            or _NO_STRETCH.match(sentence, word.end())
        ):
            continue
        if not float(value).is_integer():  # "полутора": a year and a half is 18 months
            value, unit = value * 12, "month"
        if float(value).is_integer() and 2 <= value <= _MOST[unit]:
            out.append((start, word.end(), int(value), unit))
    return sorted(out)


def length_of(period: str, unit: str) -> int | None:
    """How many years or months a period covers, counted whole (``None`` for a day, an open period or none).

    >>> length_of("1937/1938", "year"), length_of("1937-08-01/1938-11-30", "month"), length_of("1937", "month")
    (2, 16, 12)
    >>> length_of("1941-06-22", "year") is None, length_of("1937/", "year") is None
    (True, True)
    """
    ends = period.split("/")
    if not all(re.fullmatch(r"\d{4}(?:-\d\d-\d\d)?", e) for e in ends):
        return None
    if len(ends) == 1 and len(ends[0]) > 4:
        return None
    a, b = ends[0], ends[-1]
    if unit == "year":
        return int(b[:4]) - int(a[:4]) + 1
    first = int(a[5:7]) if len(a) > 4 else 1
    last = int(b[5:7]) if len(b) > 4 else 12
    return (int(b[:4]) - int(a[:4])) * 12 + last - first + 1


def durations(
    sentence: str, found: list[Period], last: str, data: Resources, language: str = "en"
) -> list[Period]:
    """The periods the durations of a sentence give, read against ``last`` (the period stated before); none where
    the sentence states a period of its own (``found``), or where the duration is as long as ``last``.
    ``language`` is the sentence's, as the pipeline detected it (its number words are read in it).

    Examples
    --------
    >>> from gulagstats.factcheck.resources import load_resources
    >>> data = load_resources()
    >>> [(p.period, p.kind, p.confidence) for p in durations("За 12 лет выслано 200 тысяч.", [], "1941", data, "ru")]
    [('1941/1952', 'relative', 0.5)]
    >>> [(p.period, p.confidence) for p in durations("Over ten years, 3 million died.", [], "1932/1935", data)]
    [('1932/1935', 0.3)]
    >>> durations("За два года расстреляно 680 тысяч.", [], "1937/1938", data, "ru")
    []
    >>> durations("He served 10 years in the camps.", [], "1941", data)  # no preposition: a term, not a stretch
    []
    """
    if not last or any(p.kind != "document" and p.period for p in found):
        return []
    out = []
    for start, end, n, unit in _lengths_stated(sentence, language, data):
        had = length_of(last, unit)
        if had is None or had == n or (unit == "month" and abs(had - n) <= 1):
            continue
        if unit == "year" and re.fullmatch(r"\d{4}", last):
            out.append(
                Period(start, end, f"{last}/{int(last) + n - 1}", "relative", DURATION_CONFIDENCE)
            )
        else:
            out.append(Period(start, end, last, "relative", CONFLICT_CONFIDENCE))
    return out
