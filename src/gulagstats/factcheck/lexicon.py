"""The fact-checking lexicon: phrases and patterns as data (``lexicon.csv``).

A historian extends the lexicon by adding rows to the CSV, without touching
code.  Each row has a ``kind``:

- ``quantity``: a regular expression (case-insensitive) found near a number
  names what it counts; ``quantity`` is a code of the vocabulary
  (:func:`gulagstats.quantities`) or a code for claims outside any archival
  series (``party_congress_delegates_arrested``, ``trial_defendants`` ...),
  which are listed as such; ``priority`` decides between several matches;
- ``hedge``: words just before a number ("at least", "close to") and the
  ``bound`` they make of it: ``point``, ``low`` (a lower bound) or ``high``;
- ``vague``: words that are numbers without digits ("tens of thousands") with
  the ``low`` and ``high`` they are read as;
- ``period``: relative time phrases ("in the previous year") and the ``rule``
  that resolves them against the last date the text states;
- ``exclude``: what, right after a number, shows it does not count people
  ("years", "percent");
- ``region``: a place named in the sentence that makes a claim regional
  (``rule`` holds the region's name); ``assess`` then says the claim is not
  comparable with the all-Union series instead of judging it against them.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import DataFormatError

KINDS = ("quantity", "hedge", "vague", "period", "exclude", "region")
BOUNDS = ("point", "low", "high")
RULES = ("previous_year", "within_year", "same_month", "next_day")
COLUMNS = ["kind", "pattern", "quantity", "low", "high", "bound", "rule", "priority", "note"]


@dataclass(frozen=True)
class Entry:
    """One row of the lexicon, with its pattern compiled."""

    kind: str
    pattern: re.Pattern[str]
    quantity: str = ""
    low: float | None = None
    high: float | None = None
    bound: str = ""
    rule: str = ""
    priority: int = 0
    line: int = 0


@dataclass(frozen=True)
class Lexicon:
    """The lexicon, by kind."""

    quantity: tuple[Entry, ...]
    hedge: tuple[Entry, ...]
    vague: tuple[Entry, ...]
    period: tuple[Entry, ...]
    exclude: tuple[Entry, ...]
    region: tuple[Entry, ...] = ()


def _number(text: str, line: int, column: str) -> float | None:
    text = text.strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise DataFormatError(f"lexicon line {line}: {column} {text!r} is not a number") from None


def parse_lexicon(text: str, name: str = "lexicon.csv") -> Lexicon:
    """Parse and validate lexicon CSV text.

    Parameters
    ----------
    text : str
        CSV text with the columns of :data:`COLUMNS`.
    name : str
        The name used in error messages.

    Returns
    -------
    Lexicon
        The entries by kind; vague entries longest first (so that "hundreds of
        thousands" wins over "thousands").

    Raises
    ------
    DataFormatError
        For a missing column, an unknown kind, bound or rule, a pattern that is
        not a valid regular expression, or a quantity row without a quantity.

    Examples
    --------
    >>> lex = parse_lexicon("kind,pattern,quantity,low,high,bound,rule,priority,note\\n"
    ...                     "quantity,shot,executions,,,,,50,\\n")
    >>> lex.quantity[0].quantity, bool(lex.quantity[0].pattern.search("98 were SHOT"))
    ('executions', True)
    """
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise DataFormatError(f"{name} lacks the columns {', '.join(missing)}")
    found: dict[str, list[Entry]] = {k: [] for k in KINDS}
    for row in reader:
        line = reader.line_num
        kind = (row["kind"] or "").strip()
        if kind not in KINDS:
            raise DataFormatError(
                f"{name} line {line}: unknown kind {kind!r} (expected {', '.join(KINDS)})"
            )
        try:
            pattern = re.compile(row["pattern"], re.IGNORECASE)
        except re.error as exc:
            raise DataFormatError(
                f"{name} line {line}: pattern {row['pattern']!r} is not a regular expression "
                f"({exc})"
            ) from None
        bound = (row["bound"] or "").strip()
        rule = (row["rule"] or "").strip()
        quantity = (row["quantity"] or "").strip()
        if kind == "quantity" and not re.fullmatch(r"[a-z][a-z0-9_]*", quantity):
            raise DataFormatError(
                f"{name} line {line}: a quantity row needs a quantity code (lowercase, underscores)"
            )
        if kind == "hedge" and bound not in BOUNDS:
            raise DataFormatError(
                f"{name} line {line}: bound {bound!r} is not one of {', '.join(BOUNDS)}"
            )
        if (
            kind == "period"
            and rule not in RULES
            and not re.fullmatch(r"until:\d{4}|fixed:\d{4}(/\d{4})?", rule)
        ):
            raise DataFormatError(
                f"{name} line {line}: rule {rule!r} is not one of {', '.join(RULES)}, "
                "until:YEAR or fixed:PERIOD"
            )
        low, high = _number(row["low"] or "", line, "low"), _number(row["high"] or "", line, "high")
        if kind == "vague" and (low is None or high is None or low > high):
            raise DataFormatError(f"{name} line {line}: a vague row needs low <= high")
        priority = int(_number(row["priority"] or "", line, "priority") or 0)
        found[kind].append(Entry(kind, pattern, quantity, low, high, bound, rule, priority, line))
    found["vague"].sort(key=lambda e: -len(e.pattern.pattern))
    return Lexicon(**{k: tuple(v) for k, v in found.items()})


def load_lexicon(path: str | None = None) -> Lexicon:
    """Load the lexicon: the packaged ``lexicon.csv``, or a CSV file of your own.

    The file is read at every call and parsed once per content (an edited
    lexicon is always seen).

    Examples
    --------
    >>> lex = load_lexicon()
    >>> any(e.quantity == "executions" for e in lex.quantity)
    True
    >>> load_lexicon() is lex
    True
    """
    if path is None:
        text = resources.files(__package__).joinpath("lexicon.csv").read_text(encoding="utf-8")
        return _parsed(text, "lexicon.csv")
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DataFormatError(f"lexicon {source.name} is not UTF-8 text") from None
    return _parsed(text, source.name)


@lru_cache(maxsize=8)
def _parsed(text: str, name: str) -> Lexicon:
    """A lexicon's text parsed, cached by its content (and the name its messages give)."""
    return parse_lexicon(text, name)
