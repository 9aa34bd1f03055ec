"""Numbers in a sentence, as the fact-checker needs them, read by the project's one number reader.

:func:`gulagstats.numbers.find_numbers` reads every number (digits and their
grouping, scale words, number words in English and Russian) or says why it
cannot.  Here its mentions are described for the later stages (scaled, in
words, a fraction, signed), and one shape of web pages is added: a stray space
after a grouping comma (``516, 841``), which is one number unless a list
follows ("100, 200 or 300"), and in a Russian text a point before groups of
three digits groups thousands (``46.665``: Russian writes decimals with a
comma), which the reader refuses as ambiguous in general.  Every decimal digit is read as its ASCII digit
first (one character for one, so offsets stay those of the text).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from ..numbers import find_numbers as read_numbers
from ..numberwords import word_table

_LIST_AFTER = re.compile(r"\s*(?:,\s*[0-9]|(?:and|or|и|или)\s+[0-9])", re.IGNORECASE)
_STRAY = re.compile(r",\s")
_DIGIT_MAP = {c: str(unicodedata.digit(chr(c))) for c in range(0x80, 0x10000) if chr(c).isdecimal()}


@dataclass(frozen=True)
class Number:
    """A number in a text: where (``start``, ``end``), its value, and how it was written."""

    start: int
    end: int
    value: float
    text: str
    scaled: bool = False  # with a scale word (million, тыс.), in digits or words
    worded: bool = False  # in words
    decimal: bool = False  # a fraction without a scale word: not a count of people
    grouped: bool = False  # digits grouped by thousands
    negative: bool = False
    reason: str = ""  # why the reader refused it (value is then 0)
    floor: bool = False  # "20-odd million", "шестьсот с лишним тысяч": the value and more


def fold_digits(text: str) -> str:
    """``text`` with every decimal digit as its ASCII digit (same length).

    Examples
    --------
    >>> fold_digits("\\uff11\\uff19\\uff13\\uff17 and \\u0661\\u0669\\u0663\\u0668")
    '1937 and 1938'
    """
    return text if text.isascii() else text.translate(_DIGIT_MAP)


_DOTTED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")


def _as_number(m, text: str, language: str) -> Number:
    if m.value is None:
        if language == "ru" and _DOTTED.fullmatch(m.text):  # Russian writes decimals with a comma
            return Number(m.start, m.end, float(m.text.replace(".", "")), m.text, grouped=True)
        return Number(m.start, m.end, 0.0, m.text, reason=m.reason)
    value = float(m.value)
    words = m.form == "words"
    scaled = m.form == "scaled" or (words and value >= 1000)
    grouped = m.form == "digits" and bool(re.search(r"[0-9][^0-9][0-9]{3}", m.text))
    decimal = m.form == "digits" and not value.is_integer()
    return Number(m.start, m.end, abs(value), m.text, scaled, words, decimal, grouped, value < 0)


def _joined(prev: Number, n: Number, text: str, value: float, scaled: bool = False) -> Number:
    """``prev`` and ``n`` read as one number of ``value``, from where ``prev`` starts to where ``n`` ends.

    Grouped by thousands unless ``scaled`` (a decimal with its scale word: "2. 4 million").

    Examples
    --------
    >>> n = _joined(Number(0, 3, 516.0, "516"), Number(5, 8, 841.0, "841"), "516, 841", 516841.0)
    >>> (n.start, n.end, n.value, n.text, n.grouped)
    (0, 8, 516841.0, '516, 841', True)
    """
    return Number(
        prev.start, n.end, value, text[prev.start : n.end], scaled=scaled, grouped=not scaled
    )


def _stray_space(numbers: list[Number], text: str) -> list[Number]:
    """``516, 841``: two digit runs joined by a comma and a space are one number, unless in a list of small numbers."""
    out: list[Number] = []
    for n in numbers:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev.reason
            and not n.reason
            and prev.end + 2 == n.start
            and _STRAY.fullmatch(text, prev.end, n.start)
            and re.fullmatch(r"[0-9]{1,3}", prev.text)
            and re.fullmatch(r"[0-9]{3}", n.text)
            and not _LIST_AFTER.match(text, n.end)
            and not (
                out[-2:-1]
                and _STRAY.fullmatch(text, out[-2].end, prev.start)
                and len(out[-2].text) <= 3
            )  # "100, 200, 300" is a list; "In 1937, 212, 950" a year, then one number
        ):
            out[-1] = _joined(prev, n, text, prev.value * 1000 + n.value)
            continue
        out.append(n)
    return out


#: The part after a stray space behind a decimal point: one to three digits and a scale word ("4 million").
_AFTER_POINT = re.compile(r"([0-9]{1,3}) ?[^\W\d_]+")


def _stray_point(numbers: list[Number], text: str) -> list[Number]:
    """``more than 2. 4 million``: one to three digits, a point, one space, then digits and a scale word are one
    decimal number (2,400,000), in English (Russian writes its decimals with a comma).

    The sentences stage keeps such a point inside a sentence only after a hedge ("more than 2.": no sentence ends
    there, :func:`gulagstats.factcheck.sentences.stray_point`), so "in 1937. 4 million" never reaches here as one.
    """
    out: list[Number] = []
    for n in numbers:
        prev = out[-1] if out else None
        after = _AFTER_POINT.fullmatch(n.text) if n.scaled and not n.worded else None
        if (
            after is not None
            and prev is not None
            and not prev.reason
            and not prev.scaled
            and text[prev.end : n.start] == ". "
            and re.fullmatch(r"[0-9]{1,3}", prev.text)
            and (prev.start == 0 or text[prev.start - 1] not in "0123456789.,")
        ):
            digits = after.group(1)
            scale = n.value / int(digits) if int(digits) else 0.0  # "4 million": a million
            value = round(float(f"{prev.text}.{digits}") * scale, 3)
            if value:
                out[-1] = _joined(prev, n, text, value, scaled=True)
                continue
        out.append(n)
    return out


#: The years a first group of four digits may be (a year, then a count: "в 1937 150 человек"), as the periods read them.
_YEARS = range(1800, 2100)
_GROUP_SPACE = frozenset(" \u00a0\u202f")


def _four_digit_group(numbers: list[Number], text: str) -> list[Number]:
    """``осужденных 1300 949``: a group of four digits, one space and a group of three are one number (1,300,949)
    when the four digits cannot be a year and neither group belongs to a longer run of groups or decimals.

    "в 1937 150 человек" (a year, then a count), "1930 179,000" (a year in a table row), "2 1300 949" stay as they
    are.
    """
    out: list[Number] = []
    for n in numbers:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev.reason
            and not n.reason
            and n.start == prev.end + 1
            and text[prev.end] in _GROUP_SPACE
            and re.fullmatch(r"[0-9]{4}", prev.text)
            and int(prev.text) not in _YEARS
            and re.fullmatch(r"[0-9]{3}", n.text)
            and not re.match(r"[.,]?[0-9]|[ \u00a0\u202f][0-9]", text[n.end : n.end + 2])
            and not re.search(
                r"(?:[0-9][ \u00a0\u202f]|[0-9.,])$", text[max(0, prev.start - 2) : prev.start]
            )
        ):
            out[-1] = _joined(prev, n, text, prev.value * 1000 + n.value)
            continue
        out.append(n)
    return out


def _units_after_thousands(numbers: list[Number], text: str) -> list[Number]:
    """``681 тыс. 692 человека``: thousands, then the units, are one number (681,692)."""
    out: list[Number] = []
    for n in numbers:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev.reason
            and not n.reason
            and prev.scaled
            and prev.value % 1000 == 0
            and re.search(r"\bтыс(?:\.|яч[аи]?\b)$", prev.text, re.IGNORECASE)
            and text[prev.end : n.start] == " "
            and re.fullmatch(r"[0-9]{1,3}", n.text)
        ):
            out[-1] = _joined(prev, n, text, prev.value + n.value)
            continue
        out.append(n)
    return out


_VULGAR = {"\u00bd": 0.5, "\u00bc": 0.25, "\u00be": 0.75, "\u2153": 1 / 3, "\u2154": 2 / 3}
#: Digits, a vulgar fraction and a scale word: "3½ million", "5½ млн".
_WITH_VULGAR = re.compile(
    r"(?<![0-9.,])([0-9]{1,3})\s?([\u00bd\u00bc\u00be\u2153\u2154])\s?"
    r"(million|millions|thousand|thousands|billion|млн\.?|миллион(?:а|ов)?|тыс\.?|тысяч[аи]?)(?![^\W\d_])",
    re.IGNORECASE,
)
_SCALE = {"mil": 1e6, "мил": 1e6, "млн": 1e6, "tho": 1e3, "тыс": 1e3, "bil": 1e9}


def _vulgar_fractions(numbers: list[Number], text: str) -> list[Number]:
    """``3½ million``: digits, a vulgar fraction and a scale word are one number (3,500,000)."""
    if not any(c in text for c in _VULGAR):
        return numbers
    found = [
        Number(
            m.start(),
            m.end(),
            (int(m[1]) + _VULGAR[m[2]]) * _SCALE[m[3][:3].lower()],
            m[0],
            scaled=True,
        )
        for m in _WITH_VULGAR.finditer(text)
    ]
    return _merged(numbers, found)


#: A Russian scale word alone in the singular is one of it ("более миллиона человек", "миллион", "тысячу"):
#: Russian has no article for "a million". The plural ("миллионы", "тысячи") is the lexicon's vague word.
_ONE_SCALE = re.compile(
    r"(?<![\w.,\u00a0\u202f])(?<![0-9] )(?P<w>миллион(?:а|у|ом)?|тысяч(?:а|у|ей)|пол(?:у)?миллион(?:а|ом)?)(?![\w])",
    re.IGNORECASE,
)
_ONE_SCALE_VALUE = {"мил": 1e6, "тыс": 1e3, "пол": 5e5}


def _one_of_a_scale(numbers: list[Number], text: str) -> list[Number]:
    """``более миллиона`` (1,000,000), ``тысячу человек`` (1,000), ``полумиллиона`` (500,000): a scale word alone."""
    if "иллион" not in text and "тысяч" not in text.lower():
        return numbers
    found = [
        Number(
            m.start(), m.end(), _ONE_SCALE_VALUE[m["w"][:3].lower()], m[0], scaled=True, worded=True
        )
        for m in _ONE_SCALE.finditer(text)
    ]
    return _merged(found, numbers)


def _merged(numbers: list[Number], found: list[Number]) -> list[Number]:
    """``found``, and the ``numbers`` that do not overlap any of them (both in text order: one pass)."""
    out: list[Number] = []
    k = 0
    for n in numbers:
        while k < len(found) and found[k].end <= n.start:
            k += 1
        if k < len(found) and found[k].start < n.end:
            continue
        out.append(n)
    return sorted(out + found, key=lambda n: n.start)


#: A larger scale word right after a scaled number: "полторы тысячи миллионов", "a thousand million".
_THEN_MILLION = re.compile(
    r"[ \u00a0]+(?:million|millions|миллион(?:а|ов)?|млн\.?)(?![^\W\d_])", re.IGNORECASE
)


def _thousand_millions(numbers: list[Number], text: str) -> list[Number]:
    """``полторы тысячи миллионов``, ``a thousand million``: thousands of millions (1.5 billion), one number."""
    out: list[Number] = []
    for n in numbers:
        after = (
            _THEN_MILLION.match(text, n.end)
            if n.scaled and not n.reason and 1e3 <= n.value < 1e6
            else None
        )
        if after is not None and re.search(r"(?:тысяч[аи]?|thousand)$", n.text, re.IGNORECASE):
            n = Number(
                n.start, after.end(), n.value * 1e6, text[n.start : after.end()], True, n.worded
            )
        out.append(n)
    return out


#: A filler meaning "and more" between a number and its scale word: "20+ million", "20-odd million",
#: "twenty-odd million", "шестьсот с лишним тысяч", "двадцать с небольшим миллионов" (a closed class of
#: the grammar: the number, a filler, the scale word it multiplies).
_ODD_THEN_SCALE = re.compile(
    r"(?:\+|-odd|[ \u00a0]odd|[ \u00a0]с[ \u00a0]+(?:лишним|небольшим|гаком))[ \u00a0]+"
    r"(?P<w>[^\W\d_]+)(?![^\W\d_])(?P<dot>(?<=\b[^\W\d_]{3})\.)?",  # "тыс.", "млн.": an abbreviation's point
    re.IGNORECASE,
)
_FILLERS = ("+", "odd", "с лишн", "с небольш", "с гак")


def _odd_scaled(numbers: list[Number], text: str) -> list[Number]:
    """``20+ million``, ``шестьсот с лишним тысяч``: the number times the scale word after its filler, one number
    with a floor (the value and more: :attr:`Number.floor`).

    The reader stops at the filler and leaves the scale word unread. The scale words are the reader's
    (``number_words.csv``); a filler before anything else ("шестьсот с лишним человек", "20+ people") leaves the
    number as it is (the lexicon's ``after`` row reads "с лишним" as a floor there).

    Examples
    --------
    >>> [(n.text, n.value, n.floor) for n in read_numerals("20+ million, twenty-odd million and 20+ people")]
    [('20+ million', 20000000.0, True), ('twenty-odd million', 20000000.0, True), ('20', 20.0, False)]
    >>> [(n.text, n.value) for n in read_numerals("сто с лишним тысяч; 40 с небольшим млн. и триста с лишним человек", "ru")]
    [('сто с лишним тысяч', 100000.0), ('40 с небольшим млн.', 40000000.0), ('триста', 300.0)]
    """
    if not any(f in text.lower() for f in _FILLERS):
        return numbers
    table = word_table()
    out = []
    for n in numbers:
        m = (
            _ODD_THEN_SCALE.match(text, n.end)
            if not n.scaled and not n.reason and 1 <= n.value < 1000
            else None
        )
        w = table.get(m["w"].lower()) if m is not None else None
        if m is not None and w is not None and w.role == "scale" and not w.glued and w.value:
            n = Number(
                n.start,
                m.end(),
                n.value * float(w.value),
                text[n.start : m.end()],
                True,
                n.worded,
                floor=True,
            )
        out.append(n)
    return out


#: A hard line break between a number and its scale word ("17,96\nмлн", "4 113\nтыс."): a space there.
_BROKEN_SCALE = re.compile(
    r"(?<=[0-9])[ \u00a0]?\n(?=(?:млн|млрд|тыс|миллион|миллиард|тысяч|million|billion|thousand)(?![^\W\d_]{12}))",
    re.IGNORECASE,
)


#: A letter glued to a number grouped by commas ("Deaths681,692 executions": an infobox's cells run together).
_GLUED = re.compile(r"[^\W\d_](?=[0-9]{1,3}(?:,[0-9]{3})+(?![0-9]))")
#: A footnote letter glued after a number grouped by commas ("between 775,866 and 786,098a."): not part of it.
#: Not "k", "m", "b" or "s" (scale words and "1,000s"), not before another letter.
_NOTE_LETTER = re.compile(r"(?<=[0-9],[0-9]{3})[acdefgh](?![^\W_])")


#: A word glued after a number grouped by commas ("1,000,000people", "681,692were": a PDF's or OCR's lost space):
#: its first letter is read as a space, so the number ends there (the tokens split it from the word already).
#: Not a scale word of the reader ("1,500million" is read by it) and not one letter (a footnote: above).
_GLUED_AFTER = re.compile(r"(?<=[0-9],[0-9]{3})(?P<w>[^\W\d_]{3,})")


def _spaced_after(m: re.Match[str]) -> str:
    return m[0] if m["w"].lower() in word_table() else " " + m[0][1:]


#: A word broken by a hyphen at a line's end ("thou-\n\n\nsand") or by a soft hyphen or "¬" ("миллио¬на").
_HYPHENATED = re.compile(
    r"(?<![^\W\d_])(?P<a>[^\W\d_]{2,})(?:-(?P<gap>[ \t]*\n\s*)|[\u00ac\u00ad](?P<soft>\s*))(?P<b>[^\W\d_]+)"
)
#: The number words a broken word may make whole: only those are joined ("twenty-\nfive" stays as it is).
_NUMBER_WORD = re.compile(
    r"(?:hundreds?|thousands?|millions?|billions?|сот[а-я]*|тысяч[а-я]*|миллион[а-я]*|миллиард[а-я]*)",
    re.IGNORECASE,
)


def _unbroken(text: str) -> tuple[str, dict[int, int]]:
    """``text`` with each number word broken by a hyphen read whole, its gap moved after it (same length), and
    where each such word now ends mapped to where it ended as printed."""
    ends: dict[int, int] = {}

    def whole(m: re.Match[str]) -> str:
        word = m["a"] + m["b"]
        if not _NUMBER_WORD.fullmatch(word):
            return m[0]
        ends[m.start() + len(word)] = m.end()
        return word + " " * (len(m[0]) - len(word))

    return _HYPHENATED.sub(whole, text), ends


def _joined_lines(text: str) -> tuple[str, dict[int, int]]:
    """``text`` with a line break between a number and its scale word read as a space, a number word broken
    by a hyphen read whole (:func:`_unbroken`), and a letter glued to a grouped number (before it, a
    footnote letter after it, or the first letter of a word glued after it) read as a space (same length:
    offsets stay those of the text).

    >>> [(n.text, n.value) for n in read_numerals("Over 20,000prisoners died; 681,692were shot; 1,500million")]
    [('20,000', 20000.0), ('681,692', 681692.0), ('1,500million', 0.0)]
    """
    ends: dict[int, int] = {}
    if "\n" in text:
        text = _BROKEN_SCALE.sub(lambda m: " " * len(m[0]), text)
    if "\n" in text or "\u00ac" in text or "\u00ad" in text:
        text, ends = _unbroken(text)
    text = _GLUED_AFTER.sub(_spaced_after, text) if "," in text else text
    return _NOTE_LETTER.sub(" ", _GLUED.sub(" ", text)), ends


#: Russian digits with a case ending, then a scale word: "22-х тысяч", "2-х млн", "10-ти тысяч".
_WITH_ENDING = re.compile(
    r"(?<![0-9.,])([0-9]{1,3})-(?:х|ти|ми|ух|ёх|ех|и|ю)\s+"
    r"(млн\.?|миллион(?:а|ов|ами|ах)?|тыс\.?|тысяч(?:а|и|ами|ах)?)(?![^\W\d_])",
    re.IGNORECASE,
)


def _case_endings(numbers: list[Number], text: str) -> list[Number]:
    """``22-х тысяч``: digits with a case ending and a scale word are one number (22,000)."""
    found = [
        Number(m.start(), m.end(), int(m[1]) * _SCALE[m[2][:3].lower()], m[0], scaled=True)
        for m in _WITH_ENDING.finditer(text)
    ]
    return _merged(numbers, found) if found else numbers


#: A combining mark right after a number in words: the word goes on, stressed ("Ста́линские" is no "сто").
_STRESSED = re.compile(r"[\u0300-\u036f]")
#: A Russian scale word before a number in words, with "на", "с" or "под" between or nothing: an approximate count
#: said the other way round ("тысячи на три" = about three thousand, "миллионов пятнадцать" = about fifteen million).
_INVERTED = re.compile(
    r"(?<![^\W\d_])(тысяч[иа]?|миллион(?:а|ов)|сот(?:ни|ен))\s+(?:(?:на|с|под)\s+)?$", re.IGNORECASE
)


def _inverted(found: list[Number], plain: str) -> list[Number]:
    """Each number in words under a hundred, with no scale word, after a scale word said first: scaled by it.

    Russian puts the scale word first to say "about" ("тысячи на три заключённых",
    "миллионов пятнадцать"); the number then starts at the scale word. Each number looks only
    at the 20 characters before it: linear.

    Examples
    --------
    >>> [(n.text, n.value) for n in read_numerals("зона, тысячи на три заключенных; миллионов пятнадцать", "ru")]
    [('тысячи на три', 3000.0), ('миллионов пятнадцать', 15000000.0)]
    >>> [(n.text, n.value) for n in read_numerals("сотни тысяч; тысячи 3 человек", "ru")]
    [('3', 3.0)]
    """
    out = []
    for n in found:
        m = (
            _INVERTED.search(plain, max(0, n.start - 20), n.start)
            if n.worded and not n.scaled and not n.reason and 2 <= n.value < 100
            else None
        )
        scale = (
            word_table()[m.group(1).lower()].value if m is not None else None
        )  # number_words.csv: a scale or a unit
        if m is not None and scale is not None:
            n = replace(
                n,
                start=m.start(),
                text=plain[m.start() : n.end],
                value=n.value * float(scale),
                scaled=True,
            )
        out.append(n)
    return out


def read_numerals(text: str, language: str = "en") -> list[Number]:
    """Every number in ``text``, read or with the reason it was refused (years included: the caller decides).

    Examples
    --------
    >>> [(n.text, n.value) for n in read_numerals("681 692 and 700.000 and 1.5 million and 516, 841")]
    [('681 692', 681692.0), ('700.000', 700000.0), ('1.5 million', 1500000.0), ('516, 841', 516841.0)]
    >>> [(n.text, n.value, n.scaled) for n in read_numerals("six hundred and eighty-one thousand; 100, 200 or 300")]
    [('six hundred and eighty-one thousand', 681000.0, True), ('100', 100.0, False), ('200', 200.0, False), ('300', 300.0, False)]
    >>> [(n.text, n.value) for n in read_numerals("семьсот тысяч и 19 млн 840 тыс.; 46.665 умерших", "ru")]
    [('семьсот тысяч', 700000.0), ('19 млн 840 тыс.', 19840000.0), ('46.665', 46665.0)]
    >>> [(n.text, n.value) for n in read_numerals("почти 22-х тысяч офицеров и 2-х млн человек", "ru")]
    [('22-х тысяч', 22000.0), ('2-х млн', 2000000.0)]
    >>> [(n.text, n.value) for n in read_numerals("расстреляны 681 тыс. 692 человека", "ru")]
    [('681 тыс. 692', 681692.0)]
    >>> [(n.text, n.value) for n in read_numerals("Полторы тысячи миллионов было арестовано", "ru")]
    [('Полторы тысячи миллионов', 1500000000.0)]
    >>> [(n.text, n.value) for n in read_numerals("составили 9\\nмлн\\nчел. и 17,96\\nмлн приговорённых", "ru")]
    [('9 млн', 9000000.0), ('17,96 млн', 17960000.0)]
    >>> [(n.text, n.value, n.end) for n in read_numerals("one thou-\\n\\n\\nsand were shot")]
    [('one thousand', 1000.0, 16)]
    >>> [(n.text, n.value) for n in read_numerals("более одного миллио¬на человек", "ru")]
    [('одного миллиона', 1000000.0)]
    >>> [(n.text, n.value) for n in read_numerals("Deaths681,692 executions")]
    [('681,692', 681692.0)]
    >>> [n.text for n in read_numerals("Ста\u0301линские репрессии; сто человек", "ru")]
    ['сто']
    >>> [(n.text, n.value) for n in read_numerals("3½ million who perished; about 5½ million deaths")]
    [('3½ million', 3500000.0), ('5½ million', 5500000.0)]
    >>> [(n.text, n.negative, n.decimal) for n in read_numerals("-700,000 in 1938.2 and 4.5")]
    [('-700,000', True, False), ('1938', False, False), ('4.5', False, True)]
    """
    plain, broken = _joined_lines(fold_digits(text))
    language = language if language in ("en", "ru") else "en"
    found = [_as_number(m, plain, language) for m in read_numbers(plain, language=language)]
    if broken:  # "one thou-\n\nsand": the number ends where its broken word ended as printed
        found = [replace(n, end=broken.get(n.end, n.end)) for n in found]
    found = _odd_scaled(
        _thousand_millions(_units_after_thousands(_stray_space(found, plain), plain), plain), plain
    )
    if language == "en":
        found = _stray_point(found, plain)
    if language == "ru":
        found = _four_digit_group(found, plain)
        found = _inverted(_case_endings(_one_of_a_scale(found, plain), plain), plain)
    found = [
        n for n in found if not (n.worded and _STRESSED.match(plain, n.end))
    ]  # "Ста́линские": no "сто"
    return _vulgar_fractions(found, plain)
