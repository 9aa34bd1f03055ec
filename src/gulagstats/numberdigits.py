"""Numbers in digits: the groups, the grouping mark, the decimal mark, and which forms are ambiguous.

Used by :mod:`gulagstats.numbers` (the rules are told there); nothing here is public.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

#: The most digits a number may have (more is not a count of anything, and int() of it is slow).
MAX_DIGITS = 30
SPACES = " \u00a0\u202f\u2009"
#: Every mark between digits: grouping marks, decimal marks, full-width and Arabic ones.
SEP = "[,.'\u2019_\u00a0\u202f\u2009 \uff0c\uff0e\u066b\u066c]"
_MARKS = str.maketrans({"\uff0c": ",", "\uff0e": ".", "\u066b": ".", "\u066c": "'", "\u2019": "'"})


# --- digits -----------------------------------------------------------------------------------


def ascii_digits(run: str) -> str | None:
    """The run with ASCII digits and marks; None if it mixes digit scripts."""
    zeros = {ord(c) - unicodedata.decimal(c) for c in run if c.isdecimal()}
    if len(zeros) > 1:
        return None
    if zeros == {ord("0")}:
        return run.translate(_MARKS)
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in run).translate(_MARKS)


@dataclass(frozen=True, slots=True)
class Shape:
    """A number in digits, taken apart: its groups, the grouping mark, the decimal mark and fraction."""

    groups: tuple[str, ...]
    sep: str  # grouping mark ("" if none)
    mark: str  # decimal mark ("" if none)
    fraction: str


_GROUP = re.compile(rf"(\d+)({SEP})?")


def pieces(run: str) -> Iterator[tuple[int, int, Shape | None]]:
    """Split a run of digits and marks into numbers: (start, end, shape or None if unreadable).

    A space between groups that do not group thousands separates two numbers
    (``1937 681 692`` is 1937 and 681692); any other mark that fits no number
    makes the rest of the run up to the next space unreadable (``12.03.1938``).
    Each group is looked at once (a lazy walk: linear time and little memory).
    """
    items = _GROUP.finditer(run)  # each: a group of digits, and the mark after it (None at the end)
    current = next(items, None)
    while current is not None:
        start, groups, sep, mark, fraction = current.start(), [current[1]], "", "", ""
        last, following = current, next(items, None)
        lead = current[1]
        if 1 <= len(lead) <= 3 and lead[0] != "0" and following is not None and len(following[1]) == 3:
            sep = current[2]
            while following is not None and last[2] == sep and len(following[1]) == 3:
                groups.append(following[1])
                last, following = following, next(items, None)
        if last[2] in (".", ",") and last[2] != sep and following is not None:
            mark, fraction = last[2], following[1]
            last, following = following, next(items, None)
        if last[2] is not None and last[2] not in SPACES:  # a stray mark: unreadable up to the next space
            while last[2] is not None and last[2] not in SPACES and following is not None:
                last, following = following, next(items, None)
            yield start, last.end(1), None
        else:
            yield start, last.end(1), Shape(tuple(groups), sep, mark, fraction)
        current = following


def digits_value(shape: Shape, language: str, scaled: bool) -> tuple[Decimal | None, str]:
    """The value of a number in digits (before its scale word), or the reason it is refused."""
    whole, sep, mark, fraction = "".join(shape.groups), shape.sep, shape.mark, shape.fraction
    if len(whole) + len(fraction) > MAX_DIGITS:
        return None, f"has more than {MAX_DIGITS} digits"
    lone = len(shape.groups) == 2 and not mark
    a, b = shape.groups[0], shape.groups[-1]
    if lone and sep == "," and (scaled or language == "ru"):
        if scaled and language == "ru":
            return Decimal(f"{a}.{b}"), ""
        return None, _lone_comma(a, b, scaled)
    if lone and sep == ".":
        if scaled and language == "en":
            return Decimal(f"{a}.{b}"), ""
        if scaled or b != "000":
            return None, _lone_point(a, b, scaled)
    if mark == "," and not sep and not scaled and language == "en":
        return None, (f"has a comma that does not group thousands; write a decimal with a point "
                      f"({a}.{fraction}), thousands as {a},{fraction.ljust(3, '0')[:3]}")
    return Decimal(whole + (f".{fraction}" if fraction else "")), ""


def _lone_point(a: str, b: str, scaled: bool) -> str:
    if scaled:
        return (f"is ambiguous: a point before three digits groups thousands in Russian or German; write "
                f"{a},{b} or {a}{b} for thousands, {a}.{b.rstrip('0') or '0'} for the decimal")
    return (f"is ambiguous: a point before three digits is a decimal point in English ({a}.{b.rstrip('0')}) "
            f"and groups thousands in German or Russian; write {a},{b} or {a}{b} for thousands, "
            f"or the decimal with a scale word ({a}.{b.rstrip('0')} million)")


def _lone_comma(a: str, b: str, scaled: bool) -> str:
    if scaled:
        return (f"is ambiguous with a scale word: a comma before three digits groups thousands in English "
                f"({a},{b} million = {int(a + b) / 1000:g} billion) and is a decimal in Russian "
                f"({a}.{b.rstrip('0') or '0'} million); write {a}.{b.rstrip('0') or '0'} million or {a}{b} million")
    return (f"is ambiguous in Russian, where a comma is the decimal mark: write {a} {b} for thousands, "
            f"{a},{b.rstrip('0') or '0'} for the decimal")
