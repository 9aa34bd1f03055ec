"""Numbers as articles print them: digits with their grouping, scale words, number words (English, Russian).

What is read:

- digits grouped by thousands with one separator throughout (``681,692``,
  ``681 692``, ``681\u00a0692``, ``681'692``, ``700.000``): a point before three
  digits groups thousands, as in German and Russian texts; ``212, 950`` (a
  stray space after the comma) is one number unless a list follows;
- a decimal only with a scale word (``1.5 million``, ``1,5 млн``): a decimal
  without one is not a count of people and is left out;
- scale words: thousand, million, billion, тыс., млн, млрд and their forms;
  ``19 млн 840 тыс.`` is 19,840,000;
- number words: "six hundred and eighty-one thousand", "a quarter of a
  million", "half a million", "one and a half million", "семьсот тысяч",
  "полтора миллиона";
- any Unicode decimal digit is read as its ASCII digit (full-width,
  Arabic-Indic), one character for one, so offsets stay those of the text.

Every pattern is bounded (no nested repetition), so reading is linear.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_UNITS_EN = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
_UNITS_RU = {
    "один": 1, "одна": 1, "одного": 1, "одной": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3,
    "четыре": 4, "четырех": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7,
    "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10, "десяти": 10, "одиннадцать": 11,
    "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
    "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "двадцати": 20,
    "тридцать": 30, "тридцати": 30, "сорок": 40, "сорока": 40, "пятьдесят": 50, "пятидесяти": 50,
    "шестьдесят": 60, "шестидесяти": 60, "семьдесят": 70, "семидесяти": 70, "восемьдесят": 80,
    "восьмидесяти": 80, "девяносто": 90, "девяноста": 90, "сто": 100, "ста": 100, "двести": 200,
    "двухсот": 200, "триста": 300, "трехсот": 300, "четыреста": 400, "четырехсот": 400, "пятьсот": 500,
    "пятисот": 500, "шестьсот": 600, "шестисот": 600, "семьсот": 700, "семисот": 700, "восемьсот": 800,
    "восьмисот": 800, "девятьсот": 900, "девятисот": 900,
}
_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "тыс": 1_000, "тысяча": 1_000, "тысячи": 1_000, "тысяч": 1_000, "тысячу": 1_000,
    "млн": 1_000_000, "миллион": 1_000_000, "миллиона": 1_000_000, "миллионов": 1_000_000,
    "млрд": 1_000_000_000, "миллиард": 1_000_000_000, "миллиарда": 1_000_000_000, "миллиардов": 1_000_000_000,
}
_SCALE = (
    r"(?:hundred|thousand|million|billion|тыс\.?|тысяч[аиу]?|млн\.?|миллион(?:а|ов)?|млрд\.?|миллиард(?:а|ов)?)"
    r"(?![^\W\d_])"
)
_DIGITS = re.compile(
    r"(?<![\w.,\u00a0\u202f'\u2019])(?P<sign>[-\u2212])?"
    r"(?P<n>[0-9]{1,3}(?P<sep>[,.\u00a0\u202f\u2009' \u2019])[0-9]{3}(?:(?P=sep)[0-9]{3})*(?![0-9])"
    r"|[0-9]{1,3},\s[0-9]{3}(?![0-9,])"
    r"|[0-9]+)"
    r"(?:(?P<dec>[.,])(?P<frac>[0-9]+))?(?![0-9])"
    rf"(?:\s*(?P<s>{_SCALE}))?"
    rf"(?:\s+(?P<n2>[0-9]{{1,3}})\s*(?P<s2>{_SCALE}))?",
    re.IGNORECASE,
)
_LIST_AFTER = re.compile(r"\s*(?:,\s*[0-9]|(?:and|or|и|или)\s+[0-9])", re.IGNORECASE)
_WORD_PART = "|".join(sorted([*_UNITS_EN, *_UNITS_RU, *_SCALES, "a", "an", "and", "half", "quarter", "of", "и", "полтора", "полторы", "полмиллиона"], key=len, reverse=True))
_WORDS = re.compile(rf"(?<![\w-])(?:(?:{_WORD_PART})(?:[\s-]+|(?![\w-])))+", re.IGNORECASE)
_DIGIT_MAP = {c: str(unicodedata.digit(chr(c))) for c in range(0x80, 0x10000) if chr(c).isdecimal()}


@dataclass(frozen=True)
class Number:
    """A number in a text: where (``start``, ``end``), its value, and how it was written."""

    start: int
    end: int
    value: float
    text: str
    scaled: bool = False  # with a scale word (million, тыс.)
    worded: bool = False  # in words
    decimal: bool = False  # a fraction without a scale word: not a count
    grouped: bool = False  # digits grouped by thousands
    negative: bool = False


def ascii_digits(text: str) -> str:
    """``text`` with every decimal digit as its ASCII digit (same length).

    Examples
    --------
    >>> ascii_digits("\\uff11\\uff19\\uff13\\uff17 and \\u0661\\u0669\\u0663\\u0668")
    '1937 and 1938'
    """
    return text.translate(_DIGIT_MAP) if not text.isascii() else text


def _digits(m: re.Match[str]) -> Number | None:
    n, sep = m["n"], m["sep"]
    grouped = bool(sep) or ", " in n
    whole = re.sub(r"[^0-9]", "", n) if grouped else n
    value = float(whole)
    decimal = False
    if m["frac"]:
        if grouped and m["dec"] == sep:
            return None  # "1.500.000,5"-like shapes mixed with their own separator: not read
        value = float(f"{whole}.{m['frac']}")
        decimal = not m["s"]
    scaled = bool(m["s"])
    if scaled:
        value *= _SCALES[m["s"].lower().rstrip(".")]
        if m["n2"] and m["s2"]:
            small = _SCALES[m["s2"].lower().rstrip(".")]
            if small < _SCALES[m["s"].lower().rstrip(".")]:
                value += float(m["n2"]) * small
    end = m.end() if m["n2"] and scaled else (m.end("s") if scaled else m.end("frac") if m["frac"] else m.end("n"))
    return Number(m.start("n"), end, value, m.string[m.start("n") : end], scaled, False, decimal, grouped, bool(m["sign"]))


def _word_value(words: list[str]) -> float | None:
    """The value of number words ("six hundred and eighty-one thousand"), None if they are not a number."""
    total, current, seen, last_scale = 0.0, 0.0, False, 0
    for i, w in enumerate(words):
        if w in ("and", "и", "of"):
            continue
        if w in ("a", "an"):
            current = current or 1.0
            continue
        if w == "half" and words[max(0, i - 2) : i] == ["and", "a"] and current:
            if last_scale and words[i - 3] in _SCALES:  # "a million and a half"
                total += 0.5 * last_scale
                current = 0.0
            else:
                current += 0.5  # "one and a half million"
            seen = True
            continue
        if w in ("half", "полтора", "полторы"):
            current = (current or 1.0) * (0.5 if w == "half" else 1.5)
            seen = True
            continue
        if w == "quarter":
            current = (current or 1.0) * 0.25
            seen = True
            continue
        if w == "полмиллиона":
            total += 500_000
            seen = True
            continue
        unit = _UNITS_EN.get(w, _UNITS_RU.get(w))
        if unit is not None:
            current += unit
            seen = True
            continue
        scale = _SCALES.get(w)
        if scale is None:
            return None
        if scale == 100:
            current = (current or 1.0) * 100
        else:
            total += (current or 1.0) * scale
            current, last_scale = 0.0, scale
        seen = True
    return total + current if seen else None


def _worded(m: re.Match[str]) -> Number | None:
    parts = [(w.group(0).lower(), w.start(), w.end()) for w in re.finditer(r"[^\s-]+", m.group(0))]
    while parts and parts[-1][0] in ("and", "of", "a", "an", "и"):
        parts.pop()
    while parts and parts[0][0] in ("and", "of", "и"):
        parts.pop(0)
    words = [w for w, _, _ in parts]
    if not words or words[0] in _SCALES or (len(words) == 1 and words[0] in ("a", "an", "half", "quarter")):
        return None  # "million" alone is a vague word (the lexicon's), not a number
    value = _word_value(words)
    if value is None or value < 10:
        return None  # "one of them", "two men": words for a handful are not figures
    start, end = m.start() + parts[0][1], m.start() + parts[-1][2]
    scaled = any(_SCALES.get(w, 0) >= 1000 for w in words)
    return Number(start, end, value, m.string[start:end], scaled, True)


def find_numbers(text: str) -> list[Number]:
    """Every number in ``text``, in digits or in words, in order (years and dates included: the caller decides).

    Examples
    --------
    >>> [(n.text, n.value) for n in find_numbers("681 692 and 700.000 and 1.5 million and 19 млн 840 тыс. человек")]
    [('681 692', 681692.0), ('700.000', 700000.0), ('1.5 million', 1500000.0), ('19 млн 840 тыс.', 19840000.0)]
    >>> [n.value for n in find_numbers("six hundred and eighty-one thousand; a quarter of a million")]
    [681000.0, 250000.0]
    >>> [n.value for n in find_numbers("half a million, a million and a half, one and a half million")]
    [500000.0, 1500000.0, 1500000.0]
    >>> [(n.text, n.value) for n in find_numbers("семьсот тысяч, полтора миллиона и 1,5 млн")]
    [('семьсот тысяч', 700000.0), ('полтора миллиона', 1500000.0), ('1,5 млн', 1500000.0)]
    >>> [(n.text, n.value, n.decimal) for n in find_numbers("of 212, 950 in 1938.2 of 100, 200 or 300")][:3]
    [('212, 950', 212950.0, False), ('1938.2', 1938.2, True), ('100', 100.0, False)]
    """
    text = ascii_digits(text)
    out: list[Number] = []
    for m in _DIGITS.finditer(text):
        if ", " in m["n"] and _LIST_AFTER.match(text, m.end("n")):
            first = re.match(r"[0-9]+", m["n"])
            assert first is not None
            out.append(Number(m.start("n"), m.start("n") + first.end(), float(first.group(0)), first.group(0)))
            continue
        number = _digits(m)
        if number is not None:
            out.append(number)
    covered = bytearray(len(text) + 1)
    for n in out:
        covered[n.start : n.end] = b"\1" * (n.end - n.start)
    for m in _WORDS.finditer(text):
        number = _worded(m)
        if number is not None and not any(covered[number.start : number.end]):
            out.append(number)
    return sorted(out, key=lambda n: n.start)
