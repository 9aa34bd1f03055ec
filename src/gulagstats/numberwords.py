"""Numbers written in words, English and Russian: the word table and its grammar.

The words are data (``number_words.csv`` beside this module); this module reads
a run of them (``six hundred and eighty-one thousand``, ``полтора миллиона``,
``a quarter of a million``) into one value, or says where the run stops being
one number.  :mod:`gulagstats.numbers` finds the runs in a text and calls
:func:`read_words`; nothing else here is public.

Each word is looked at once, so reading is linear in the number of words.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources

__all__ = ["Word", "WordsRead", "read_words", "scale_words", "word_table"]

#: Words that may join two number words, besides spaces and a hyphen ("and a half", "of a million").
CONNECTORS = frozenset({"and", "a", "an", "of", "с"})


@dataclass(frozen=True, slots=True)
class Word:
    """One number word: its role (unit, teen, ten, hundred, hundreds, scale, scaled, fraction, vague)."""

    word: str
    language: str
    role: str
    value: Decimal | None
    glued: bool


@cache
def word_table() -> dict[str, Word]:
    """Every number word by its lower-case spelling (both languages: their scripts differ).

    Examples
    --------
    >>> word_table()["million"].value, word_table()["тыс"].role
    (Decimal('1000000'), 'scale')
    """
    text = resources.files(__package__).joinpath("number_words.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {
        r["word"]: Word(r["word"], r["language"], r["role"], Decimal(r["value"]) if r["value"] else None,
                        r["attach"] == "glued")
        for r in rows
    }


def scale_words(glued: bool) -> list[str]:
    """The scale words that may follow digits after a space (``glued=False``) or right after them.

    Examples
    --------
    >>> "k" in scale_words(True), "k" in scale_words(False), "million" in scale_words(False)
    (True, False, True)
    """
    return sorted(
        (w.word for w in word_table().values() if w.role == "scale" and (glued or not w.glued)),
        key=len, reverse=True,
    )


def words_pattern() -> str:
    """A regex alternation of the words that may be part of a number written in words."""
    words = [w.word for w in word_table().values() if w.role != "vague" and not w.glued]
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class WordsRead:
    """What :func:`read_words` read: how many words made the number, its value, the scale it ends with.

    ``value`` is None when the words are not a number (a scale word without a
    numeral: "millions", "several million"); ``reason`` then says why.
    """

    used: int
    value: Decimal | None
    scale: Decimal | None
    scaled: bool
    reason: str = ""


@dataclass
class _State:
    total: Decimal = Decimal(0)
    current: Decimal = Decimal(0)
    last: str = ""  # role of the last word read
    smallest: Decimal | None = None  # the smallest scale applied so far
    pending: Decimal | None = None  # a fraction waiting for its scale ("half a million")
    scales: int = 0
    last_scale: Decimal | None = None
    closed: bool = False  # "a million and a half": nothing may follow


def read_words(words: list[tuple[str, tuple[str, ...]]], start: int = 0, article: bool = False) -> WordsRead:
    """Read number words from the first one for as long as they make one number.

    Parameters
    ----------
    words : list of (word, connectors)
        Lower-case words, each with the connecting words written before it
        (``("eighty", ("and",))``; ``"-"`` for a hyphen).
    start : int
        The index of the first word to read (the list is not copied: linear time).
    article : bool
        The words follow "a" or "an" ("a million", "a quarter of a million").

    Returns
    -------
    WordsRead
        ``used`` words made the number (0 if the first word does not start one).

    Examples
    --------
    >>> w = [("six", ()), ("hundred", ()), ("eighty", ("and",)), ("one", ("-",)), ("thousand", ())]
    >>> read_words(w).value
    Decimal('681000')
    >>> read_words([("half", ()), ("million", ("a",))]).value
    Decimal('500000.0')
    >>> read_words([("million", ())]).reason
    'a scale word without a number (a vague quantity, not a number)'
    """
    table = word_table()
    state = _State(current=Decimal(1) if article else Decimal(0), last="unit" if article else "")
    used = 0
    for k in range(start, len(words)):
        word, connectors = words[k] if k > start else (words[k][0], ())
        entry = table.get(word)
        if entry is None or entry.role == "vague" or not _step(state, entry, connectors):
            break
        used += 1
    if used == 0 or state.pending is not None or state.last in ("", "fraction_start"):
        first = table.get(words[start][0]) if start < len(words) else None
        if first is not None and first.role == "scale" and not article:
            return WordsRead(0, None, None, False, "a scale word without a number (a vague quantity, not a number)")
        return WordsRead(0, None, None, False, "not a number in words")
    value = state.total + state.current
    return WordsRead(used, value, state.last_scale if state.scales == 1 else None, state.scales > 0)


def _step(state: _State, entry: Word, connectors: tuple[str, ...]) -> bool:
    """Add one word to the number; False (and nothing changed) if it does not continue it."""
    if state.closed:
        return False
    value = entry.value if entry.value is not None else Decimal(0)
    joined = set(connectors) - {"-"}
    if entry.role == "scale":
        return _scale(state, value, joined)
    if entry.role == "fraction":
        return _fraction(state, value, joined)
    if joined - {"and"} or ("-" in connectors and not (entry.role == "unit" and state.last == "ten")):
        return False
    return _numeral(state, entry, value, bool(joined))


def _numeral(state: _State, entry: Word, value: Decimal, after_and: bool) -> bool:
    """A unit, teen, ten, 'hundred' or Russian hundreds, or one word that is a number ('полмиллиона')."""
    below = state.current % 100
    fresh = state.last in ("", "scale")  # nothing yet below the last scale
    if after_and and state.last not in ("hundred", "hundreds", "scale"):
        return False
    if entry.role in ("unit", "teen"):
        ok = fresh or state.last in ("hundred", "hundreds") or (entry.role == "unit" and state.last == "ten")
        if entry.value is not None and entry.value % 1 and not fresh:  # полтора starts a number
            ok = False
    elif entry.role == "ten":
        ok = fresh or state.last in ("hundred", "hundreds")
    elif entry.role == "hundred":
        ok = state.last in ("unit", "teen", "ten") and 0 < state.current < 100 and state.current % 1 == 0
        if ok:
            state.current, state.last = state.current * value, "hundred"
        return ok
    elif entry.role == "hundreds":
        ok = fresh
    elif entry.role == "scaled":
        ok = state.last == "" and state.total == 0
        if ok:
            state.total, state.last, state.closed = value, "scaled", True
        return ok
    else:
        return False
    if not ok or (below and entry.role != "unit"):
        return False
    state.current += value
    state.last = entry.role
    return True


def _scale(state: _State, value: Decimal, joined: set[str]) -> bool:
    """'thousand', 'million', 'млн' ... multiplies what came since the last larger scale."""
    if state.pending is not None:  # "half a million", "three quarters of a million"
        if not joined <= {"a", "an", "of"} or (state.smallest is not None and value >= state.smallest):
            return False
        state.total += state.pending * value
        state.pending, state.current = None, Decimal(0)
    else:
        if joined or state.current == 0 or state.last == "scale":
            return False
        if state.smallest is not None and value >= state.smallest:
            return False
        state.total += state.current * value
        state.current = Decimal(0)
    state.smallest = value
    state.last, state.last_scale, state.scales = "scale", value, state.scales + 1
    return True


def _fraction(state: _State, value: Decimal, joined: set[str]) -> bool:
    """'half', 'quarter(s)', 'половиной': of a scale, or added to a numeral ('two and a half')."""
    if state.pending is not None:
        return False
    if state.last == "" and not joined:  # "half a million", "четверть миллиона"
        state.pending, state.last = value, "fraction_start"
        return True
    if state.last in ("unit", "teen", "ten") and not joined:  # "three quarters (of a million)"
        state.pending, state.current, state.last = state.current * value, Decimal(0), "fraction_start"
        return True
    if joined not in ({"and", "a"}, {"and", "an"}, {"с"}):
        return False
    if state.last == "scale" and state.last_scale is not None:  # "a million and a half"
        state.total += value * state.last_scale
        state.closed = True
    elif state.last in ("unit", "teen", "ten", "hundred", "hundreds") and state.current % 1 == 0:
        state.current += value  # "two and a half (million)", "два с половиной"
    else:
        return False
    state.last = "fraction"
    return True
