"""The registry of the prose checks: the rule language, read from ``data/check_rules.csv``.

The rules are data (built from ``tools/curated/check_rules.csv``, every quote
checked against its prose line): each row maps a quantity of
``grz_text_figures`` (or ``quantity@period`` where one name means different
sums) to the rule that computes it from the tables (several rows with one key:
rules tried in turn) or, with rule ``none``, to the reason no table can; a row
with a ``line`` and ``quote`` is a statement of the prose that compares or
orders numbers without stating one.  Quantities not listed fall back on the
defaults of :mod:`gulagstats.checks.prose` (a measure of the tables,
``<measure>_change``, ``<measure>_ratio``), which also computes the rules.

The rules
---------
``terms`` and ``over`` are written in the one rule language of
:mod:`gulagstats.rules.terms` (shared with the benchmark rules): terms joined by
`` + `` or `` - ``, a term being a measure with qualifiers (``pop:``,
``cat:``, ``unit:``, ``in:``, ``@PERIOD``, ``prose``), read by
:class:`gulagstats.rules.reader.Reader`.  The rules:

==============  ==========================================================
``sum``         ``scale × sum(terms)``
``ratio``       ``scale × sum(terms) / sum(over)`` (``each_year``: in every year, with its bound)
``change``      the change of the measure ``terms`` from 1 January to 1 January
``year_count``  years in which ``terms`` moved in ``direction`` (``within`` a span of years)
``trend``       years in which the term did not move in ``direction`` (expected: none)
``exceeds``     years in which ``terms`` was not above ``over`` (expected: none)
``none``        not checkable; ``why`` says why
==============  ==========================================================

Three rules are findings of their own, each a row keyed by its id:

=================  ==========================================================
``bound``          the figure ``key``, when its own rule cannot compute it, is
                   at most ``terms - over`` (``over``: the known parts of a
                   count whose other parts are missing, never negative)
``floor``          the figure ``key``, when its own rule cannot compute it, is
                   at least ``terms`` (the known parts of a sum whose other
                   parts are missing, never negative; ``over`` empty)
``contradiction``  GRZ against GRZ: the figure ``terms`` held to the figure
                   ``over`` (ids of ``grz_text_figures``), with the ``quote``
                   of ``line`` and a ``title``
=================  ==========================================================

Examples
--------
>>> parse_terms("escapes - escapees_recaptured prose")[1].prose
True
>>> rules_by_quantity()["years_falling_wartime"]
YearCount(measure='inmates', direction=-1, within=(1941, 1945), why='falling years among the war years 1941-1945')
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from .. import store
from .terms import Term, parse_term, parse_terms

__all__ = [
    "Bound",
    "Change",
    "Contradiction",
    "Exceeds",
    "Formula",
    "Rule",
    "Statement",
    "Term",
    "Trend",
    "YearCount",
    "finding_rules",
    "parse_finding",
    "parse_rule",
    "parse_term",
    "parse_terms",
    "read_rules",
    "rules_by_quantity",
    "statements",
]


@dataclass(frozen=True)
class Formula:
    """``scale × sum(numerator) / sum(denominator)`` (no denominator: the plain sum)."""

    numerator: tuple[Term, ...]
    denominator: tuple[Term, ...] = ()
    scale: float = 1.0
    each_year: bool = False  # the statement holds for every year of the span (checked with its bound)
    why: str = ""


@dataclass(frozen=True)
class Change:
    """The change of a count from 1 January of the first year to 1 January after the last."""

    measure: str
    why: str = ""


@dataclass(frozen=True)
class YearCount:
    """The number of years (from 1 January to the next) in which a count moved in one direction."""

    measure: str
    direction: int  # +1 rising, -1 falling
    within: tuple[int, int] | None = None  # only years inside these bounds (the war years)
    why: str = ""


@dataclass(frozen=True)
class Trend:
    """The number of years in which a count did NOT move in the stated direction (expected: none)."""

    term: Term
    direction: int
    why: str = ""


@dataclass(frozen=True)
class Exceeds:
    """The number of years in which ``larger`` was not above ``smaller`` (expected: none)."""

    larger: Term
    smaller: Term
    why: str = ""


Rule = Formula | Change | YearCount | Trend | Exceeds


@dataclass(frozen=True)
class Bound:
    """A figure the tables cannot compute, bounded from above (``terms - over``) or from below (``terms``).

    Upper (rule ``bound``): the parts left out of ``over`` are counts, never
    negative, so ``over`` is a lower bound of the count it stands for and
    ``terms - over`` an upper bound of the figure.  Lower (rule ``floor``,
    ``over`` empty): ``terms`` are some of the parts of the figure, the others
    counts that can only add to them, so their sum is a lower bound of it.
    ``why`` is the result's note, a template of ``{terms}``, ``{over}``,
    ``{bound}``, ``{expected}`` and ``{rest}`` (the figure less the bound).
    """

    figure: str  # the id of the figure of grz_text_figures, whose check this decides
    terms: tuple[Term, ...]
    over: tuple[Term, ...]
    why: str
    lower: bool = False  # a floor of the figure (rule floor), not a ceiling (rule bound)


@dataclass(frozen=True)
class Contradiction:
    """GRZ against GRZ: one figure of the prose (``observed``) set against another (``expected``)."""

    key: str
    title: str
    observed: str  # the id of a figure of grz_text_figures
    expected: str  # the id of the figure whose bound it is held to
    line: int
    quote: str  # what GRZ state, verbatim on ``line`` (a [bracketed] insertion is editorial)
    why: str


FindingRule = Bound | Contradiction

#: The scale of a percentage.
HUNDRED = 100.0

@dataclass(frozen=True)
class Statement:
    """A statement of the prose with no number of its own, checked by a rule."""

    id: str
    line: int
    quote: str
    period: str
    population: str
    rule: Rule


#: Columns of data/check_rules.csv (and of tools/curated/check_rules.csv).
CHECK_RULE_FIELDS = [
    "key", "rule", "terms", "over", "scale", "each_year", "direction", "within", "line", "quote",
    "period", "population", "why", "title",
]
#: The rule words of the ``rule`` column (``bound``, ``floor`` and ``contradiction`` are findings of their own).
RULE_KINDS = ("sum", "ratio", "change", "year_count", "trend", "exceeds", "none", "bound", "floor", "contradiction")
#: The rule words of a finding (a row that is not a rule of a quantity or a statement).
FINDING_KINDS = ("bound", "floor", "contradiction")


def _one(text: str, what: str) -> Term:
    terms = parse_terms(text)
    if len(terms) != 1 or terms[0].sign != 1:
        raise ValueError(f"{what}: one term expected, got {text!r}")
    return terms[0]


def _direction(text: str) -> int:
    if text not in ("+1", "-1"):
        raise ValueError(f"direction {text!r}; expected +1 or -1")
    return int(text)


def parse_rule(row: Mapping[str, str]) -> Rule | str:
    """The rule of one row of the rules table (a ``str``: the reason a quantity is not checkable).

    Raises
    ------
    ValueError
        If the row does not follow the rule language (the message says where).
    """
    kind, why = row["rule"], row["why"]
    if kind == "none":
        if not why:
            raise ValueError("a rule none says why in the column why")
        return why
    if kind in ("sum", "ratio"):
        over = parse_terms(row["over"]) if row["over"] else ()
        if (kind == "ratio") != bool(over):
            raise ValueError(f"a rule {kind} {'needs' if kind == 'ratio' else 'takes no'} terms in over")
        scale = float(row["scale"]) if row["scale"] else 1.0
        return Formula(parse_terms(row["terms"]), over, scale, row["each_year"] == "true", why)
    if kind == "change":
        return Change(_one(row["terms"], "change").measure, why)
    if kind == "year_count":
        within = tuple(int(y) for y in row["within"].split("/")) if row["within"] else None
        if within is not None and len(within) != 2:
            raise ValueError(f"within {row['within']!r} is not a span of years A/B")
        return YearCount(_one(row["terms"], "year_count").measure, _direction(row["direction"]),
                         (within[0], within[1]) if within else None, why)
    if kind == "trend":
        return Trend(_one(row["terms"], "trend"), _direction(row["direction"]), why)
    if kind == "exceeds":
        return Exceeds(_one(row["terms"], "exceeds"), _one(row["over"], "exceeds over"), why)
    raise ValueError(f"rule {kind!r}; expected one of {', '.join(RULE_KINDS)}")


def parse_finding(row: Mapping[str, str]) -> FindingRule:
    """The finding of a row whose rule is ``bound``, ``floor`` or ``contradiction``.

    Raises
    ------
    ValueError
        If the row lacks what its kind needs (the message says what).

    Examples
    --------
    >>> row = dict.fromkeys(CHECK_RULE_FIELDS, "") | {"key": "L001.internal", "rule": "contradiction",
    ...     "terms": "L001.2", "over": "L001.1", "line": "1", "quote": "q", "title": "t", "why": "w"}
    >>> parse_finding(row).observed
    'L001.2'
    >>> parse_finding(row | {"rule": "floor", "terms": "deaths pop:gulag_camps @1934/1940", "over": ""}).lower
    True
    """
    kind, why = row["rule"], row["why"]
    if not why:
        raise ValueError(f"a rule {kind} says in why what the result's note says")
    if kind == "bound":
        if not (row["terms"] and row["over"]):
            raise ValueError("a rule bound needs terms (the total) and over (its known parts)")
        return Bound(row["key"], parse_terms(row["terms"]), parse_terms(row["over"]), why)
    if kind == "floor":
        if not row["terms"] or row["over"]:
            raise ValueError("a rule floor needs terms (the known parts of the figure) and no over")
        return Bound(row["key"], parse_terms(row["terms"]), (), why, lower=True)
    if kind == "contradiction":
        if not (row["terms"] and row["over"] and row["line"] and row["quote"] and row["title"]):
            raise ValueError("a rule contradiction needs terms and over (two figure ids), line, quote and title")
        return Contradiction(row["key"], row["title"], row["terms"], row["over"], int(row["line"]), row["quote"], why)
    raise ValueError(f"rule {kind!r} is not a finding ({', '.join(FINDING_KINDS)})")


RuleSet = tuple[dict[str, Rule | tuple[Rule, ...] | str], tuple[Statement, ...], tuple[FindingRule, ...]]


def read_rules(rows: Iterable[Mapping[str, str]]) -> RuleSet:
    """The quantities (key -> rule, rules tried in turn, or reason), the statements and the findings of a rules table."""
    found: dict[str, list[Rule | str]] = {}
    statements = []
    findings = []
    for row in rows:
        if row["rule"] in FINDING_KINDS:
            findings.append(parse_finding(row))
            continue
        rule = parse_rule(row)
        if row["line"]:
            if isinstance(rule, str):
                raise ValueError(f"statement {row['key']}: a statement needs a rule, not none")
            statements.append(Statement(row["key"], int(row["line"]), row["quote"], row["period"],
                                        row["population"], rule))
        else:
            found.setdefault(row["key"], []).append(rule)
    quantities: dict[str, Rule | tuple[Rule, ...] | str] = {}
    for key, rules in found.items():
        if len(rules) > 1 and any(isinstance(r, str) for r in rules):
            raise ValueError(f"{key}: rule none cannot be one of several rules")
        first = rules[0]
        quantities[key] = first if len(rules) == 1 else tuple(r for r in rules if not isinstance(r, str))
    return quantities, tuple(statements), tuple(findings)


@lru_cache(maxsize=4)
def _parsed_rule_file(path: str, sha: str) -> RuleSet:
    with open(path, newline="", encoding="utf-8") as handle:
        return read_rules(csv.DictReader(handle))


def _stored_rules() -> RuleSet:
    resource = store.resources()["check_rules"]
    path = store.verified_path(resource)
    return _parsed_rule_file(str(path), store.verified_hash(resource))


def rules_by_quantity() -> dict[str, Rule | tuple[Rule, ...] | str]:
    """The registry: quantity (or ``quantity@period``) -> its rule, rules tried in turn, or the reason none."""
    return _stored_rules()[0]


def statements() -> tuple[Statement, ...]:
    """Statements that compare or order numbers without stating one (quotes verbatim from the prose)."""
    return _stored_rules()[1]


def finding_rules() -> tuple[FindingRule, ...]:
    """Findings of their own: a figure decided by a bound, GRZ against GRZ (rules ``bound``, ``floor``, ``contradiction``)."""
    return _stored_rules()[2]
