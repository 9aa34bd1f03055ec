"""Numbers that count no one, whatever follows them: references, names, days, years, pages, web addresses.

"p. 45", "Order No. 00447", "[133]", "aged 16", "Perm-36", "30 октября",
"начало 1954г.", "(Земсков 1994: 168, 189)", a number inside a URL or a file
name, "12 Who were the main victims?" (a numbered question), "in '37", "+7 (495) 225-31-17", "shot at 22:00",
"|jstor=151474", "Mordoviya1", "the youngest ... was 15", "с погрешностью в 40 %" (round 19): the mentions
stage (:mod:`gulagstats.factcheck.mentions`) does not list them.
"""

from __future__ import annotations

import re

from .dates import MONTH
from .numerals import Number

#: Words right before a number that make it a reference, a rank or an age, not a count.
REFERENCE = re.compile(
    r"(?:\b(?:article|articles|art\.|table|tables|volume|vol\.|p\.|pp\.|no\.|nos\.|nr\.|number|fond|f\.|op\.|opis'?|"
    r"d\.|delo|l\.|ll\.|page|pages|chapter|ch\.|note|notes|footnote|figure|fig\.|section|appendix|order|decree|"
    r"paragraph|item|point|aged|age of|ages of|ages|age|died at|в возрасте|the year|ст\.|статья|статье|статьи|приказ|приказа|"
    r"приказом|страница|страницы|№|стр\.|с\.|т\.|ф\.|оп\.|д\.|л\.|per|every|each|на каждые|на каждую)\s*|[#\u2116]\s*|[\[/^]|\]:\s*)$",
    re.IGNORECASE,
)
#: A work cited by author and year, then its pages: "(Земсков 1994: 168, 189", "(Conquest 1990: 485, 1,012".
_CITATION = re.compile(
    r"\([^()]{0,60}?[A-Z\u0410-\u042f\u0401][^\W\d_]+,?\s+(?:1[89]|20)[0-9]{2}[a-z\u0430-\u044f]?\s*:\s*(?:[0-9]{1,4}(?:[\u2013-][0-9]{1,4})?\s*,\s*){0,5}$"
)
#: The Russian year suffix after a number: "1954г.", "1937 года" (a year, whatever the periods stage made of it).
_YEAR_SUFFIX = re.compile(r"\s?(?:г\.|гг\.|года\b|году\b|год\b|годах\b|годы\b)")
_WEB_ADDRESS = re.compile(r"://|www\.|/|\.html?\b|\.php|#|=|@")


def _chunk(sentence: str, start: int, end: int) -> str:
    """The run of text without spaces around ``[start, end)`` (a URL, a file name), at most 80 characters each side."""
    left = sentence.rfind(" ", max(0, start - 80), start) + 1 or max(0, start - 80)
    right = sentence.find(" ", end, end + 80)
    return sentence[left : right if right >= 0 else min(len(sentence), end + 80)]


#: A number that starts a sentence and a capitalised word after it: an item of a numbered list ("12 Who were ...?").
_ITEM = re.compile(r"[.)]?\s+[A-Z\u0410-\u042f\u0401][a-z\u0430-\u044f\u0451]")
_LEAD = re.compile(r"\s*")  # the spaces a sentence starts with: a number after them opens it
#: A letter and a hyphen glued to a number: a name ("Perm-36", "Усольлаг-2"), not a count.
_NAMED = re.compile(r"[^\W\d_][-\u2010\u2011]$")
#: A lower-case word glued to a number after it: a footnote's mark ("in Mordoviya1", "репрессий12"; round 19).
_GLUED_MARK = re.compile(r"[a-z\u0430-\u044f\u0451]{3}$")
#: A month's name right after a number of 31 at most: the day of a date ("30 октября", "5 December").
_DAY_OF = re.compile(rf"\s+(?:{MONTH})(?![^\W\d_])")

#: A Russian ending, an age or an article of the code glued after a number: an ordinal, an adjective or a
#: reference, not a count ("121-й", "63-летнего", "по 58 статье", "58-й статьи"; round 19).
_GLUED_ENDING = re.compile(
    r"(?:[-\u2010\u2011](?:летн|лет(?:ие|ия|ию|ием))[^\W\d_]*"
    r"|[-\u2010\u2011](?:й|я|е|го|му|м|х|ми|ый|ий|ой|ая|ое|ые|ых|ого|ому)(?![^\W\d_])"
    r"|(?:[-\u2010\u2011][^\W\d_]{1,3})?\s+стать(?:е|и|я|ей|ёй)(?![^\W\d_]))"
)

#: A difference, not a count: "почти на 300 тыс. меньше", "на 2 млн больше", "300,000 fewer" (round 19).
_DIFFERENCE_BEFORE = re.compile(r"(?:^|\s)на\s+(?:почти\s+|около\s+|примерно\s+)?$", re.IGNORECASE)
_DIFFERENCE_AFTER = re.compile(
    r"\s*(?:тыс\.|млн\.?|тысяч[а-я]*|миллион[а-я]*|thousand|million)?\s*(?:человек\s+|people\s+)?(?:меньше|больше|выше|ниже|fewer)(?![^\W\d_])",
    re.IGNORECASE,
)
#: A ratio of one to a number: "один медработник приходился на 2 тыс., одна больница – на 25 тыс." (round 19).
_RATIO_BEFORE = re.compile(r"приход[а-я]*\s+на\s+$|[\u2013\u2014-]\s*на\s+$", re.IGNORECASE)
_RATIO_IN = re.compile(r"приход[а-я]*\s+на\s+[0-9]", re.IGNORECASE)

#: A year clipped to two digits after an apostrophe: "arrested in '37", "the summer of ’38" (round 19).
_CLIPPED_YEAR = re.compile(r"[^\W\d_]\s+['\u2019]$")
#: A telephone number: "+7 (495) 225-31-17", "8 (800) 555-35-35", "225-31-17" (round 19).
_PHONE = re.compile(
    r"(?:\+\d{1,3}\s*)?(?:\(\d{2,5}\)\s*)?(?<![\d\u2013-])\d{3}(?:[-\u2010\u2011]\d{2}){2}(?![\d\u2013-])"
    r"|\+\d{1,3}\s*\(\d{2,5}\)|(?<!\d)\d\s*\(\d{3,5}\)(?=\s*\d)"
)

#: The youngest or the oldest of a group, in the number's clause: the number is an age (round 19).
_AGE_OF = re.compile(
    r"\b(?:youngest|oldest|(?:самому\s+|самой\s+|самый\s+|самая\s+)?(?:младш|старш)[а-яё]*)\b[^,;.:()]{0,40}$",
    re.IGNORECASE,
)
#: What may follow an age: the end of its clause or a word of years ("the oldest 80.", "было 15 лет").
_AGE_END = re.compile(r"\s*(?:$|[,;.)]|(?:years?|лет|года?)\b)", re.IGNORECASE)
#: A margin of error before a share: "с погрешностью в 40 %", "an underestimate by 50 per cent", "± 5 %" (round 19).
_ERROR_BEFORE = re.compile(
    r"(?:\b(?:погрешност|ошибк|error|(?:under|over)estimate|занижен|завышен)[^\W\d_]*\b[^\d,;.:()]{0,25}|\u00b1\s*"
    r"|\b(?:under|over)estimat[^\W\d_]*\b[^\d,;.:()]{0,40}\bby\s+(?:as\s+much\s+as\s+|up\s+to\s+|about\s+)?)$",
    re.IGNORECASE,
)
_ERROR_SHARE = re.compile(r"\s*(?:%|процент|per\s*cent|percent)", re.IGNORECASE)
#: The minutes after an hour: "at 22:00", "в 3.30" is not one (round 19).
_CLOCK = re.compile(r":[0-5][0-9](?![\d,.]\d)")

#: An infobox field's name and "=" right before a value: "| fatalities=681,692", "deaths = 1,200".
_FIELD = re.compile(r"(?:^|[|\s])[^\W\d_][^\W\d]{1,30}\s*=\s*$")


_FIELD_VALUE = re.compile(r"[^\s|]*")
#: The fields of a cited work: "{{cite journal |jstor=151474 |pages=51–87 |volume=33}}" (round 19).
_CITED_FIELD = re.compile(
    r"(?:^|[|\s])(?:jstor|isbn|issn|doi|pmid|pmc|oclc|s2cid|bibcode|lccn|id|pages?|volume|issue|number|year|"
    r"date|access-?date|orig-?year|edition|chapter)\s*=\s*$",
    re.IGNORECASE,
)


def _value_of(sentence: str, start: int) -> str:
    """The field value from ``start`` to the next cell break or space: "681,692[1]–1,200,000[2]"."""
    m = _FIELD_VALUE.match(sentence, start)
    return m.group(0) if m else ""


def not_a_count(a: Number, b: Number | None, sentence: str) -> bool:
    """True if the number ``a`` (or the range ``a``-``b``) of ``sentence`` is a reference, a name, a day, a year,
    a page of a work cited or part of a web address: not worth listing.

    Examples
    --------
    >>> from gulagstats.factcheck.numerals import read_numerals
    >>> s = "Order No. 00447; Perm-36; 30 октября; 1,200 were shot; see www.x.org/1938/5000.html"
    >>> [n.text for n in read_numerals(s) if not not_a_count(n, None, s)]
    ['1,200']
    """
    start, end = a.start, (b or a).end
    if REFERENCE.search(sentence[max(0, start - 14) : start]) or sentence[end : end + 1] == "]":
        return True
    if (
        b is None
        and len(a.text) == 2
        and _CLIPPED_YEAR.search(sentence[max(0, start - 30) : start])
        and not sentence[end : end + 1].isdigit()
    ):
        return True  # "in '37": a year clipped to two digits
    if a.value <= 120 and _AGE_OF.search(sentence[max(0, start - 50) : start]) and _AGE_END.match(sentence, end):
        return True  # "the youngest of the executed was 15": an age
    if _ERROR_BEFORE.search(sentence[max(0, start - 70) : start]) and _ERROR_SHARE.match(sentence, end):
        return True  # "с погрешностью в 40 %", "an underestimate by as much as 50 per cent": a margin of error
    if _CLOCK.match(sentence, end) and a.value <= 24 and not sentence[max(0, start - 1) : start].isdigit():
        return True  # "shot at 22:00": a time of day
    if any(m.start() <= start < m.end() for m in _PHONE.finditer(sentence, max(0, start - 20), end + 20)):
        return True  # "+7 (495) 225-31-17": a telephone number
    if _GLUED_ENDING.match(sentence, end):
        return True  # "121-й", "63-летнего", "по 58 статье": an ordinal, an age, an article
    before = sentence[max(0, start - 30) : start]
    if (_DIFFERENCE_BEFORE.search(before) or "fewer" in sentence[end : end + 24]) and _DIFFERENCE_AFTER.match(
        sentence, end
    ):
        return True  # "почти на 300 тыс. меньше": a difference
    if _RATIO_BEFORE.search(before) and _RATIO_IN.search(sentence[: end]):
        return True  # "один медработник приходился на 2 тыс.": a ratio
    if (
        (lead := _LEAD.match(sentence))
        and lead.end() >= start
        and _ITEM.match(sentence, end)
        and sentence.rstrip().endswith("?")
    ):
        return True  # "12 Who were the main victims?": a numbered question, not a count
    if _GLUED_MARK.search(sentence, max(0, start - 2), start) and not sentence[end : end + 1].isalpha():
        return True  # "the Purges in Mordoviya1": a footnote's mark glued to a word
    if _NAMED.search(sentence, max(0, start - 2), start) or (
        b is None and a.value <= 31 and _DAY_OF.match(sentence, end)
    ):
        return True  # "Perm-36": a name; "вспоминают 30 октября": a day of a month
    if _CITATION.search(sentence[max(0, start - 80) : start]) or (
        not a.grouped and _YEAR_SUFFIX.match(sentence, end) and 1800 <= a.value <= 2099
    ):
        return True  # "(Земсков 1994: 168, 189)": pages of a work cited; "начало 1954г.": a year
    # a number inside a web address or a file name (not an infobox field's "fatalities=681,692")
    field = _FIELD.search(sentence[max(0, start - 40) : start])
    if field and _CITED_FIELD.search(field.group(0)):
        return True  # "|jstor=151474", "|pages=51–87": a field of a citation, not a count
    return bool(
        _WEB_ADDRESS.search(_value_of(sentence, start) if field else _chunk(sentence, start, end))
    )
