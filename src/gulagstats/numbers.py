"""One parser for the numbers people write: overlays, claims files and the command line.

The rules (:func:`parse_number`):

- ASCII digits only, with an optional sign, decimal point and exponent
  (``1317195``, ``34.5``, ``1.2e6``); surrounding spaces are ignored;
- a grouping separator (``,``, ``_``, a space, a no-break or narrow no-break
  space) only where it groups thousands, the same one throughout:
  ``1,317,195`` and ``1 317 195.5`` are read, ``1,5`` and ``681,69`` are not;
- a comma that does not group thousands is refused with a message saying how to
  write the number (``2.5`` for a decimal; ``2,500`` for thousands): a decimal
  comma is never guessed;
- ``nan``, ``inf`` and numbers too large for a float are refused; a tiny
  (even subnormal) value is read as written: callers never divide by a claim,
  and a factor that overflows is not reported;
- ``-0`` is read as ``0``: zero means zero, whatever its sign.

Every refusal is a :class:`~gulagstats.errors.NumberFormatError` (a
``ValueError``) with a one-line message that quotes the text with ``repr``.
"""

from __future__ import annotations

import math
import re

from .errors import NumberFormatError
from .vocabulary import COUNT_UNITS  # re-exported: units counted in whole numbers

__all__ = ["COUNT_UNITS", "GROUPING", "parse_number"]

#: What may group thousands: comma, underscore, space, no-break space, narrow no-break space.
GROUPING = ",_ \u00a0\u202f"

_SIGN = r"[+-]?"
_EXP = r"(?:[eE][+-]?[0-9]+)?"
_FRACTION = r"(?:\.[0-9]*)?"
_PLAIN = re.compile(rf"{_SIGN}(?:[0-9]+{_FRACTION}|\.[0-9]+){_EXP}")
_GROUPED = re.compile(
    rf"{_SIGN}[0-9]{{1,3}}(?P<sep>[{GROUPING}])[0-9]{{3}}(?:(?P=sep)[0-9]{{3}})*{_FRACTION}{_EXP}"
)
_DECIMAL_COMMA = re.compile(r"[+-]?[0-9]*,[0-9]+")
_SPACES = " \t\u00a0\u202f"


def parse_number(text: object, what: str = "value", whole: bool = False) -> float:
    """Read one number as written; refuse anything ambiguous.

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
    >>> parse_number("1,317,195"), parse_number("34.5"), parse_number("-0")
    (1317195.0, 34.5, 0.0)
    >>> parse_number("2,5")
    Traceback (most recent call last):
    ...
    gulagstats.errors.NumberFormatError: value '2,5' has a comma ... with a point (2.5), ...
    >>> parse_number("681.692", whole=True)
    Traceback (most recent call last):
    ...
    gulagstats.errors.NumberFormatError: value '681.692' is not a whole number (... as 681,692 ...)
    """
    if isinstance(text, bool):
        raise NumberFormatError(f"{what} {text!r} is not a number")
    if isinstance(text, (int, float)):
        value = float(text) if not isinstance(text, int) or abs(text) < 2**1023 else math.inf
        written = repr(text)
    else:
        written = str(text)
        value = _read(written, what)
    if math.isnan(value):
        raise NumberFormatError(f"{what} {written!r} is not a number")
    if math.isinf(value):
        raise NumberFormatError(f"{what} {written!r} is not a finite number")
    value += 0.0  # -0.0 + 0.0 == +0.0
    if whole and not value.is_integer():
        hint = ""
        if isinstance(text, str) and re.fullmatch(r"[0-9]{1,3}\.[0-9]{3}", text.strip()):
            digits = text.strip().replace(".", "")
            hint = f" (write thousands as {int(digits):,} or {int(digits)}, not with a point)"
        raise NumberFormatError(f"{what} {written!r} is not a whole number{hint}")
    return value


def _read(written: str, what: str) -> float:
    text = written.strip(_SPACES + "\r\n")
    if not text:
        raise NumberFormatError(f"{what} {written!r} is empty; expected a number")
    if not text.isascii() and any(c.isdigit() for c in text if not c.isascii()):
            raise NumberFormatError(
                f"{what} {written!r} has digits other than 0-9; write it with ASCII digits"
            )
    if text.lower().lstrip("+-") in ("nan", "inf", "infinity"):
        raise NumberFormatError(f"{what} {written!r} is not a finite number")
    if _PLAIN.fullmatch(text):
        return float(text)
    grouped = _GROUPED.fullmatch(text)
    if grouped:
        return float(text.replace(grouped["sep"], ""))
    if _DECIMAL_COMMA.fullmatch(text):
        whole, _, fraction = text.partition(",")
        point = f"{whole or '0'}.{fraction}"
        thousands = f"{whole or '0'},{fraction.ljust(3, '0')[:3]}"
        raise NumberFormatError(
            f"{what} {written!r} has a comma that does not group thousands; write a decimal "
            f"with a point ({point}), thousands as {thousands} or {thousands.replace(',', '')}"
        )
    if any(c in text for c in GROUPING):
        raise NumberFormatError(
            f"{what} {written!r} has a separator that does not group thousands "
            "(1,317,195 or 1 317 195); write the number without it"
        )
    raise NumberFormatError(f"{what} {written!r} is not a number")
