"""Exceptions of gulagstats.

Every exception subclasses :class:`GulagstatsError` and the builtin that fits
the mistake (``KeyError`` for an unknown name, ``ValueError`` for a bad value),
so callers may catch either.  Messages are one line that names what was wrong
and what is expected; the CLI prints them as they are and exits with status 2.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .vocabulary import SHOWN


class GulagstatsError(Exception):
    """Base class of every error raised by gulagstats."""

    def __str__(self) -> str:  # KeyError would quote the message; keep it plain
        return str(self.args[0]) if self.args else self.__class__.__name__


def nearest(name: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """Return up to ``n`` of ``choices`` closest to ``name`` (for suggestions).

    Examples
    --------
    >>> nearest("apendix", ["appendix", "appendix_rates", "estimates"])
    ['appendix', 'appendix_rates']
    """
    choices = list(choices)
    lowered = {c.lower(): c for c in choices}
    hits = difflib.get_close_matches(name.lower(), list(lowered), n=n, cutoff=0.4)
    prefix = [c for c in choices if c.lower().startswith(name.lower()[:3])] if name else []
    out = [lowered[h] for h in hits] + [c for c in prefix if c not in (lowered[h] for h in hits)]
    return out[:n]


def printable(text: object) -> str:
    """``text`` with control characters (line breaks, terminal escapes) shown as escapes, not run.

    For quoting user input (file names, keys, locators) in one-line messages and terminal tables.

    Examples
    --------
    >>> printable("a\\nb\\x1b[2J")
    'a\\\\nb\\\\x1b[2J'
    >>> printable("Überblick 1939")
    'Überblick 1939'
    """
    text = str(text)
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class UnknownNameError(GulagstatsError, KeyError):
    """A name (table, quantity, status, family...) that gulagstats does not know."""

    kind = "name"
    hint = ""

    def __init__(self, name: str, known: Iterable[str]):
        self.name = name
        self.known = sorted(known)
        near = nearest(str(name), self.known)
        msg = f"unknown {self.kind} {name!r}"
        if near:
            msg += f"; did you mean {', '.join(repr(n) for n in near)}?"
        if self.hint:
            msg += f" ({self.hint})"
        super().__init__(msg)


def known_names(value: str | Iterable[str], known: Iterable[str], error: type[UnknownNameError]) -> list[str]:
    """One name or several, as a list, each checked against ``known``.

    Raises
    ------
    UnknownNameError
        ``error`` (a subclass) for the first name not in ``known``, suggesting the nearest.

    Examples
    --------
    >>> known_names("prose", ["prose", "confirmed"], UnknownStatusError)
    ['prose']
    >>> known_names(["prose", "proze"], ["prose", "confirmed"], UnknownStatusError)
    Traceback (most recent call last):
    ...
    gulagstats.errors.UnknownStatusError: unknown status 'proze'; did you mean 'prose'? (statuses are prose, confirmed, corrected, derived, unconfirmed, user, missing)
    """
    names = [value] if isinstance(value, str) else list(value)
    known = list(known)
    for name in names:
        if name not in known:
            raise error(name, known)
    return names


class UnknownTableError(UnknownNameError):
    """A table id that is not in the data package."""

    kind = "table"
    hint = "run 'gulagstats tables' for the list"


class UnknownQuantityError(UnknownNameError):
    """A quantity name outside the controlled vocabulary of estimates.

    The caller, who knows the words people use for quantities, gives the
    quantities meant (``suggestions``, by meaning first) and a ``note`` when no
    quantity fits (:func:`gulagstats.estimates.vocabulary.unknown_quantity`).

    Examples
    --------
    >>> str(UnknownQuantityError("arests", ["arrests", "executions"], ["arrests"]))
    "unknown quantity 'arests'; did you mean 'arrests'? (run 'gulagstats quantities' for the list)"
    """

    kind = "quantity"
    hint = "run 'gulagstats quantities' for the list"

    def __init__(self, name: str, known: Iterable[str], suggestions: Iterable[str] = (), note: str = ""):
        super().__init__(name, known)
        near = list(suggestions)
        msg = f"unknown quantity {name!r}"
        if near:
            msg += f"; did you mean {', '.join(repr(n) for n in near)}?"
        msg += f" ({note or self.hint})"
        self.args = (msg,)


class UnknownStatusError(UnknownNameError):
    """A status outside the status vocabulary."""

    kind = "status"
    hint = f"statuses are {', '.join(SHOWN)}"


class UnknownSourceError(UnknownNameError):
    """A source key that is not in the list of sources."""

    kind = "source"
    hint = "run 'gulagstats sources' for the list"


class DataIntegrityError(GulagstatsError, ValueError):
    """A data file that does not match the hash recorded in datapackage.json."""


class DataFormatError(GulagstatsError, ValueError):
    """A data file or input file that cannot be read as the expected CSV."""


class OverlayError(GulagstatsError, ValueError):
    """A filled template (overlay) with a row that cannot be accepted."""


class OverlayAndRecordError(GulagstatsError, ValueError):
    """Both ``overlay=`` and ``record=`` were given to a function: a record carries its own overlay."""


class OutputPathError(GulagstatsError, ValueError):
    """A place to write to that gulagstats must not write to (inside the data directory)."""


class InvalidEstimateError(GulagstatsError, ValueError):
    """An estimate or claim whose numbers are not usable (negative, NaN, low > high...)."""


class NumberFormatError(GulagstatsError, ValueError):
    """A number that cannot be read without guessing (a decimal comma, a stray separator...)."""
