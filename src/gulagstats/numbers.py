"""The one reader of the numbers people write: the command line, claims files, overlays, texts.

:func:`read_number` reads one number, :func:`read_range` a range, and
:func:`find_numbers` every number in running text (in linear time).  Each
form is read right or refused with a one-line
:class:`~gulagstats.errors.NumberFormatError` (a ``ValueError``); nothing is
guessed.  The rules:

- **Digit groups** by comma, point, space, no-break space (U+00A0, U+202F),
  thin space (U+2009), apostrophe or underscore, the same mark throughout,
  groups of three after a first group of one to three digits: ``681,692``,
  ``681 692``, ``681'692``, ``1.234.567``.  A decimal follows with the other
  mark: ``12,345.67``, ``1.234,5``.
- **Ambiguous forms are refused** with the way to write them: a lone point
  before three digits (``1.500``, ``681.692``: a decimal in English, thousands
  in German or Russian), except ``700.000``, which nobody writes for 700; a
  comma that does not group thousands (``1,5``) in English; a lone comma
  before three digits (``1,500``) in Russian, where the comma is the decimal
  mark.
- **Scale words** (``7 million``, ``7m``, ``7 mln``, ``700k``, ``2.5 billion``,
  ``1,5 млн``, ``19 млн 840 тыс.``): with a scale word a decimal comma or
  point is a decimal; a lone comma before three digits (``1,500 million``:
  1.5 billion in English, 1.5 million in Russian) is refused in English, a
  lone point before three digits in Russian.
- **Number words**, English and Russian (``six hundred and eighty-one
  thousand``, ``a quarter of a million``, ``two and a half million``,
  ``полтора миллиона``), from ``number_words.csv``.  A vague quantity
  ("several million", "tens of thousands", "millions") is not a number.
- **Other digit scripts** (full-width, Arabic-Indic ...) are read as their
  digits, one script per number.  A minus sign (``-``, U+2212) is kept; a
  count (``count=True``) refuses it, and a fraction, saying why.
- ``nan``, ``inf``, exponents and more than 30 digits are refused here
  (:func:`parse_number`, for values in CSV files, also reads ``1e6``).

Values are exact (decimal arithmetic: ``2.3 million`` is 2300000), returned
as ``int`` when whole and ``float`` otherwise; ``-0`` is ``0``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from .errors import NumberFormatError
from .numberdigits import SEP, SPACES, Shape, ascii_digits, digits_value, pieces
from .numberwords import CONNECTORS, read_words, scale_words, word_table, words_pattern
from .vocabulary import COUNT_UNITS  # re-exported: units counted in whole numbers

__all__ = [
    "COUNT_UNITS", "FORMS", "GROUPING", "LANGUAGES", "NumberMention", "find_numbers", "parse_number",
    "read_number", "read_range",
]

#: What may group thousands (a point too, see the rules above).
GROUPING = ",_ '\u2019\u00a0\u202f\u2009"
#: The languages whose conventions and words the reader knows.
LANGUAGES = ("en", "ru")
#: The forms of a mention: digits (``681,692``), scaled (digits with a scale word: ``7 million``),
#: words (``seven million``, ``полтора миллиона``).
FORMS = ("digits", "scaled", "words")
_SPACES = SPACES
_MINUS = "-\u2212"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number found in a text, read or refused.

    Attributes
    ----------
    start, end : int
        Character offsets of the mention in the text (``text[start:end]``).
    text : str
        The mention as written.
    value : int, float or None
        The value, or None if the mention could not be read.
    form : str
        ``digits``, ``scaled`` or ``words`` (see :data:`FORMS`).
    reason : str
        Why it could not be read (empty when it was).
    """

    start: int
    end: int
    text: str
    value: int | float | None
    form: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class _Read:
    """A mention as read inside this module: exact value, and what a range needs to know."""

    start: int
    end: int
    value: Decimal | None
    form: str
    reason: str = ""
    scale: Decimal | None = None  # the one scale word that ends it ("7 million")
    bare: bool = False  # digits without marks, or words without a scale: a range's scale may apply


# --- scale words after digits ------------------------------------------------------------------


@cache
def _scale_after() -> re.Pattern[str]:
    """A scale word right after digits (``7m``, ``700k``) or after one space (``7 million``, ``19 млн``)."""
    glued = "|".join(map(re.escape, scale_words(True)))
    spaced = "|".join(map(re.escape, scale_words(False)))
    return re.compile(rf"(?:(?P<glued>{glued})|[{_SPACES}](?P<spaced>{spaced}))(?P<dot>\.(?!\d))?(?!\w)", re.I)


#: Abbreviated scale words, which keep their point ("тыс.", "млн.").
_ABBREVIATIONS = frozenset({"тыс", "млн", "млрд", "mln", "bn", "bln", "mn"})
#: A further part of a compound scaled number: "19 млн 840 тыс."
_MORE = re.compile(r"[ \u00a0\u202f\u2009](?P<n>[0-9]{1,3})(?=[ \u00a0\u202f\u2009]?[^\W\d_])")


def _scale_at(text: str, end: int) -> tuple[int, Decimal] | None:
    """The scale word that follows a number ending at ``end``: where it ends, and its multiplier."""
    found = _scale_after().match(text, end)
    if not found:
        return None
    word = (found["glued"] or found["spaced"]).lower()
    stop = found.end() if found["dot"] and word in _ABBREVIATIONS else found.end() - len(found["dot"] or "")
    value = word_table()[word].value
    return (stop, value) if value is not None else None


def _scaled(text: str, start: int, end: int, value: Decimal, scale: Decimal) -> _Read:
    """Digits with their scale word, and any smaller scaled parts after them ("19 млн 840 тыс.")."""
    total, smallest, parts = value * scale, scale, 1
    while True:
        more = _MORE.match(text, end)
        nxt = _scale_at(text, more.end()) if more else None
        if not more or not nxt or nxt[1] >= smallest:
            break
        total += Decimal(more["n"]) * nxt[1]
        end, smallest, parts = nxt[0], nxt[1], parts + 1
    return _Read(start, end, total, "scaled", scale=scale if parts == 1 else None)


# --- finding numbers ---------------------------------------------------------------------------


@cache
def _tokens() -> re.Pattern[str]:
    """Runs of digits and marks, and number words (each a word of its own)."""
    return re.compile(rf"(?P<digits>\d+(?:{SEP}\d+)*)|(?<!\w)(?P<word>{words_pattern()})(?!\w)", re.I)


_GAP = re.compile(r"(?:[\s\-\u2010\u2011]|(?<!\w)(?:and|an?|of|с)(?!\w))*", re.I)
_ARTICLE = re.compile(r"(?<!\w)an?\s+$", re.I)
_FOOTNOTE = re.compile(r"\.[0-9]{1,3}(?=\s|$)")


def _scan_text(text: str, language: str, running: bool) -> Iterator[_Read]:
    """Every number of ``text`` in order, read or refused; each character is looked at a bounded number of times."""
    if language not in LANGUAGES:
        raise NumberFormatError(f"unknown language {language!r}; expected one of {', '.join(LANGUAGES)}")
    tokens = _tokens().finditer(text)
    done = 0
    pending = next(tokens, None)
    while pending is not None:
        token, pending = pending, next(tokens, None)
        if token.start() < done:
            continue
        if token["digits"] is not None:
            reads: Iterator[_Read] = _digit_run(text, token.start(), token.end(), language, running)
        else:
            words = [token]
            while pending is not None and pending["word"] is not None and _joins(text, words[-1].end(), pending.start()):
                words.append(pending)
                pending = next(tokens, None)
            reads = _word_run(text, words)
        for read in reads:
            if read.start >= done:
                done = read.end
                yield read


def _joins(text: str, end: int, start: int) -> bool:
    """Whether only spaces, a hyphen and connecting words lie between two number words."""
    return start - end <= 16 and _GAP.fullmatch(text, end, start) is not None


def _digit_run(text: str, start: int, end: int, language: str, running: bool) -> Iterator[_Read]:
    """The numbers of one run of digits and marks, with their signs and scale words."""
    before = text[start - 1] if start else ""
    if running and (before.isalpha() or (before == "[" and text[end : end + 1] == "]")
                    or (before == "." and start > 1 and text[start - 2].isalpha())):
        return  # glued to a word ("shot133", "p.133") or a footnote mark ("[133]")
    run = ascii_digits(text[start:end])
    if run is None:
        yield _Read(start, end, None, "digits", "mixes digits of different scripts")
        return
    parts = pieces(run)
    part = next(parts, None)
    while part is not None:
        (a, b, shape), part = part, next(parts, None)
        a, b = start + a, start + b
        if shape is None:
            yield _Read(a, b, None, "digits", "has a mark that does not group thousands (a date? a list?)")
            continue
        if running and _year_footnote(shape, text, b):
            b -= len(shape.fraction) + 1  # "1938.2": a year and its footnote
            shape = Shape(shape.groups, "", "", "")
        yield _signed(_digits_read(text, a, b, shape, language, last=part is None), text, running)


def _year_footnote(shape: Shape, text: str, end: int) -> bool:
    """A year followed by a point and a footnote number ("in 1938.2 The ..."), with no scale word after."""
    return (shape.mark == "." and not shape.sep and len(shape.groups) == 1 and len(shape.groups[0]) == 4
            and 1000 <= int(shape.groups[0]) <= 2099 and len(shape.fraction) <= 3
            and (end == len(text) or not text[end].isalnum()) and _scale_at(text, end) is None)


#: Russian year marks after digits ("1937г.", "1937-38гг."): not letters glued to a number.
_YEAR_MARK = re.compile(r"гг?(?![^\W\d_])", re.I)


def _digits_read(text: str, start: int, end: int, shape: Shape, language: str, last: bool) -> _Read:
    scale = _scale_at(text, end) if last else None
    if scale is None and last and end < len(text) and text[end].isalpha() and not _YEAR_MARK.match(text, end):
        stop = end
        while stop < len(text) and text[stop].isalpha() and stop - end < 20:
            stop += 1
        return _Read(start, stop, None, "digits", "has letters glued to its digits (1930s, 2nd, 5km): not read")
    value, reason = digits_value(shape, language, scaled=scale is not None)
    if scale is None:
        bare = not shape.sep  # no thousands grouping: a range's scale word may apply ("1.5-2 million")
        return _Read(start, end, value, "digits", reason, bare=bare)
    if value is None:
        return _Read(start, scale[0], None, "scaled", reason)
    return _scaled(text, start, scale[0], value, scale[1])


def _signed(read: _Read, text: str, running: bool) -> _Read:
    """The number with a minus sign written right before it (not a dash after a word or a number)."""
    s = read.start
    if s and text[s - 1] in _MINUS and (s == 1 or text[s - 2].isspace() or text[s - 2] in "([{\"'"):
        value = -read.value if read.value is not None else None
        return _Read(s - 1, read.end, value, read.form, read.reason, read.scale, False)
    return read


def _word_run(text: str, tokens: list[re.Match[str]]) -> Iterator[_Read]:
    """The numbers in a run of number words: each the longest reading from where the last one stopped."""
    words = [(t["word"].lower(), _connectors(text, tokens[k - 1].end(), t.start()) if k else ())
             for k, t in enumerate(tokens)]
    i = 0
    while i < len(words):
        start = tokens[i].start()
        article = _ARTICLE.search(text, max(0, start - 4), start)
        got = read_words(words, i, article=True) if article is not None else None
        if got is None or got.used == 0:
            got, begin = read_words(words, i), start
        else:
            begin = article.start()  # type: ignore[union-attr]
        if got.used == 0:
            i += 1
            continue
        j = i + got.used
        if j < len(words) and set(words[j][1]) <= {"-"} and word_table()[words[j][0]].role in _NUMERALS:
            k = j
            while k < len(words) and set(words[k][1]) <= {"-"}:
                k += 1
            yield _Read(start, tokens[k - 1].end(), None, "words",
                        "is not one number in words (a year in words, or a list?)")
            i = k
            continue
        yield _Read(begin, tokens[j - 1].end(), got.value, "words", scale=got.scale, bare=not got.scaled)
        i = j


_NUMERALS = ("unit", "teen", "ten", "hundreds")


def _connectors(text: str, end: int, start: int) -> tuple[str, ...]:
    gap = text[end:start].lower()
    words = tuple(w for w in re.findall(r"\w+", gap) if w in CONNECTORS)
    return (*words, "-") if "-" in gap or "\u2010" in gap or "\u2011" in gap else words


# --- the public readers ------------------------------------------------------------------------


def _number(value: Decimal) -> int | float:
    """An exact value as an int when whole (``-0`` is ``0``), else the nearest float."""
    return int(value) if value == value.to_integral_value() else float(value)


def _shown(text: str) -> str:
    return repr(text if len(text) <= 80 else text[:77] + "...")


def _whole(text: str, language: str, what: str) -> _Read:
    """The one number that ``text`` is, all of it; else NumberFormatError saying why."""
    stripped = text.strip(_SPACES + "\t\r\n")
    if not stripped:
        raise NumberFormatError(f"{what} {_shown(text)} is empty; expected a number")
    body = stripped[1:] if stripped[0] == "+" and stripped[1:2].isdecimal() else stripped
    offset = len(stripped) - len(body)
    reads = list(_scan_text(body, language, running=False))
    if len(reads) == 1 and reads[0].start == 0 and reads[0].end == len(body):
        read = reads[0]
        if read.value is None:
            raise NumberFormatError(f"{what} {_shown(text)} {read.reason}")
        return _Read(read.start + offset, read.end + offset, read.value, read.form, "", read.scale, read.bare)
    words = set(re.findall(r"[^\W\d_]+", body.lower()))
    table = word_table()
    if any(table[w].role in ("vague", "scale") for w in words if w in table) and not any(r.value for r in reads):
        raise NumberFormatError(f"{what} {_shown(text)} is a vague quantity, not a number; "
                                "give the number (7 million) or a range (5-7 million)")
    refused = [r for r in reads if r.value is None]
    if len(reads) == 1 and refused:
        raise NumberFormatError(f"{what} {_shown(text)} {refused[0].reason}")
    raise NumberFormatError(f"{what} {_shown(text)} is not a number; expected digits (681,692), "
                            "digits with a scale word (7 million) or number words (seven million)")


def _checked(value: Decimal, text: str, what: str, count: bool) -> int | float:
    if count and value < 0:
        raise NumberFormatError(f"{what} {_shown(text)} is negative; a count is never negative")
    if count and value != value.to_integral_value():
        raise NumberFormatError(f"{what} {_shown(text)} is not a whole number; a count is whole")
    return _number(value)


def read_number(text: str, *, language: str = "en", count: bool = False, what: str = "number") -> int | float:
    """Read one number as a person writes it, or refuse it in one line.

    Parameters
    ----------
    text : str
        One number: digits (``681,692``, ``700.000``, ``681 692``), digits
        with a scale word (``7 million``, ``1,5 млн``) or number words
        (``six hundred and eighty-one thousand``, ``полтора миллиона``).
    language : str
        ``en`` or ``ru``: whose conventions decide a lone comma (see the module's rules).
    count : bool
        The number counts something (persons): refuse a negative number and a fraction.
    what : str
        What the number is, for the message (``"value"``, ``"low"``).

    Returns
    -------
    int or float
        An ``int`` when the value is whole.

    Raises
    ------
    NumberFormatError
        One line naming the text and what is expected.

    Examples
    --------
    >>> read_number("681 692"), read_number("700.000"), read_number("1,5 million")
    (681692, 700000, 1500000)
    >>> read_number("six hundred and eighty-one thousand"), read_number("19 млн 840 тыс.", language="ru")
    (681000, 19840000)
    >>> read_number("1.500")
    Traceback (most recent call last):
    ...
    gulagstats.errors.NumberFormatError: number '1.500' is ambiguous: ... write 1,500 or 1500 for thousands, ...
    """
    if not isinstance(text, str):
        raise NumberFormatError(f"{what} {text!r} is not text; give the number as written")
    read = _whole(text, language, what)
    assert read.value is not None
    return _checked(read.value, text, what, count)


_RANGE_FORMS = "5-7 million, 500,000 to 7 million, between 5 and 7 million or от 5 до 7 млн"
_CONNECTOR = re.compile(rf"\s*[{_DASHES}]\s*|\s+(?:to|до|and|и)\s+", re.I)


def read_range(text: str, *, language: str = "en", count: bool = False, what: str = "range") -> tuple[int | float, int | float]:
    """Read a range of two numbers; a scale word after the second applies to a bare first.

    Examples
    --------
    >>> read_range("5-7 million"), read_range("between 5 and 7 million")
    ((5000000, 7000000), (5000000, 7000000))
    >>> read_range("500,000 to 7 million"), read_range("от 5 до 7 млн", language="ru")
    ((500000, 7000000), (5000000, 7000000))
    >>> read_range("7-5 million")
    Traceback (most recent call last):
    ...
    gulagstats.errors.NumberFormatError: range '7-5 million' is reversed: 7 million is above 5 million; ...
    """
    if not isinstance(text, str):
        raise NumberFormatError(f"{what} {text!r} is not text; give the range as written")
    body = text.strip()
    lowered = body.lower()
    prefix = re.match(r"(between|from|от)\s+", lowered)
    allowed = {"between": ("and",), "from": ("to",), "от": ("до",)}.get(prefix[1] if prefix else "", ("to", "до", "-"))
    body = body[prefix.end() :] if prefix else body
    found: list[tuple[_Read, _Read]] = []
    for gap in _CONNECTOR.finditer(body):
        word = gap[0].strip().lower()
        if (word in _DASHES and "-" not in allowed) or (word not in _DASHES and word not in allowed):
            continue
        try:
            found.append((_whole(body[: gap.start()], language, what), _whole(body[gap.end() :], language, what)))
        except NumberFormatError:
            continue
    if len(found) != 1:
        why = "can be split in more than one way" if found else "is not a range"
        raise NumberFormatError(f"{what} {_shown(text)} {why}; expected {_RANGE_FORMS}")
    low, high = found[0]
    assert low.value is not None and high.value is not None
    low_value = low.value * high.scale if high.scale is not None and low.bare else low.value
    if low_value > high.value:
        raise NumberFormatError(
            f"{what} {_shown(text)} is reversed: {_said(low_value)} is above {_said(high.value)}; "
            "write the smaller number first (5-7 million)"
        )
    return _checked(low_value, text, what, count), _checked(high.value, text, what, count)


def _said(value: Decimal) -> str:
    for size, name in ((Decimal(10**9), "billion"), (Decimal(10**6), "million")):
        if abs(value) >= size:
            return f"{_number(value / size):g} {name}"
    return f"{_number(value):,}"


def find_numbers(text: str, *, language: str = "en") -> Iterator[NumberMention]:
    """Every number in running text, in order and in linear time, read or with the reason it is not.

    Footnote marks are not numbers (``[133]``, ``shot.133``, the ``2`` of
    ``1938.2``); digits glued to letters (``1930s``, ``5km``) are a mention
    with a reason; vague quantities ("several million") are not mentions.
    A year is a number like any other (``1937``): callers decide what it is.

    Examples
    --------
    >>> [(m.text, m.value, m.form) for m in find_numbers("In 1937-1938, 681 692 (not 7 million) were shot.[12]")]
    [('1937', 1937, 'digits'), ('1938', 1938, 'digits'), ('681 692', 681692, 'digits'), ('7 million', 7000000, 'scaled')]
    >>> [(m.text, m.reason) for m in find_numbers("about 1.500 people")]
    [('1.500', 'is ambiguous: a point before three digits is a decimal point in English (1.5) and groups thousands in German or Russian; write 1,500 or 1500 for thousands, or the decimal with a scale word (1.5 million)')]
    """
    for read in _scan_text(text, language, running=True):
        value = _number(read.value) if read.value is not None else None
        yield NumberMention(read.start, read.end, text[read.start : read.end], value, read.form, read.reason)


# --- values in CSV files -----------------------------------------------------------------------

_MACHINE = re.compile(r"[+-]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][+-]?[0-9]+|\.[0-9]+)")


def parse_number(text: object, what: str = "value", whole: bool = False) -> float:
    """Read a value of a CSV file or the command line: :func:`read_number`, and ``1e6``, ``.5``.

    Parameters
    ----------
    text : str or number
        The number as written (a float or int is taken as it is, after the same checks).
    what : str
        What the number is, for the message (``"value"``, ``"low"``).
    whole : bool
        Refuse a fraction (counts of persons, camps, cases).

    Returns
    -------
    float
        The value; ``-0`` is returned as ``0.0``.

    Raises
    ------
    NumberFormatError
        One line naming the text (as ``repr``) and how to write it.

    Examples
    --------
    >>> parse_number("1,317,195"), parse_number("34.5"), parse_number("-0"), parse_number("7 million")
    (1317195.0, 34.5, 0.0, 7000000.0)
    >>> parse_number("2,5")
    Traceback (most recent call last):
    ...
    gulagstats.errors.NumberFormatError: value '2,5' has a comma ... with a point (2.5), ...
    >>> parse_number("700.000"), parse_number("1e6")
    (700000.0, 1000000.0)
    """
    if isinstance(text, bool):
        raise NumberFormatError(f"{what} {text!r} is not a number")
    if isinstance(text, (int, float)):
        value = float(text) if not isinstance(text, int) or abs(text) < 2**1023 else math.inf
        written = repr(text)
    else:
        written = str(text)
        stripped = written.strip(_SPACES + "\t\r\n")
        if stripped.lower().lstrip("+-") in ("nan", "inf", "infinity"):
            raise NumberFormatError(f"{what} {written!r} is not a finite number")
        if _MACHINE.fullmatch(stripped):
            value = float(stripped)
        else:
            value = float(read_number(written, what=what))
    if math.isnan(value):
        raise NumberFormatError(f"{what} {written!r} is not a number")
    if math.isinf(value):
        raise NumberFormatError(f"{what} {written!r} is not a finite number")
    value += 0.0  # -0.0 + 0.0 == +0.0
    if whole and not value.is_integer():
        raise NumberFormatError(f"{what} {written!r} is not a whole number")
    return value
