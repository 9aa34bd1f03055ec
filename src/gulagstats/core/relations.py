"""What adds up to what, and when the record runs: the relations the identity and plausibility checks use.

Data, read from ``data/relations.csv`` (built from ``tools/curated/relations.csv``),
one relation a row (``kind``, ``subject``, ``parts``, ``why``):

=============  ===================================================================
``components``  a population that is the sum of others (same measure and period)
``parts``       a measure that is the sum of others (same population and period)
``share``       a measure-name suffix of a share of inmates, and its base in words
``complete``    a breakdown (``TABLE MEASURE``) whose categories cover the whole
``split``       a measure holding separate breakdowns, told apart by category prefixes
``date_span``   the span ``A/B`` a table's dated periods lie within (``*``: any table)
=============  ===================================================================

and the plausibility rules, one a row (``why``: the reason, shown with the result):

=====================  =============================================================
``non_negative``       no count (a value in a unit of counts) is negative
``percent_range``      every percentage lies between 0 and 100, except those of a
                       measure whose name holds one of ``parts`` (growth words)
``within_population``  the ``subject`` of a year (a flow: deaths, escapes) does not
                       exceed the population on 1 January of that year
``part_not_above_whole``  the flows ``parts`` (measures) of a part (a component of a
                       ``components`` relation) do not exceed its whole's over the
                       same period
``reprint_difference``  the two published values of the cell ``subject``
                       (``POPULATION MEASURE DAY``) differ by exactly the count
                       ``parts`` (a measure of the same population and day)
=====================  =============================================================

Examples
--------
>>> relations().components["camps_and_colonies"]
('gulag_camps', 'labor_colonies')
>>> relations().span("nkvd_sentences")[0].year, relations().span("appendix")[0].year
(1921, 1930)
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from .. import store

#: Columns of data/relations.csv.
RELATION_FIELDS = ["kind", "subject", "parts", "why"]
#: The kinds of relation.
RELATION_KINDS = (
    "components", "parts", "share", "complete", "split", "date_span", "non_negative", "percent_range",
    "within_population", "part_not_above_whole", "reprint_difference",
)
#: The kinds of relation that are rules of a check, by subject (checks/plausibility.py applies them;
#: checks/sources.py the reprint_difference).
PLAUSIBILITY_KINDS = ("non_negative", "percent_range", "within_population", "part_not_above_whole",
                      "reprint_difference")
#: The subject of the date span that holds for every table without one of its own.
ANY_TABLE = "*"

Span = tuple[date, date, str]


@dataclass(frozen=True)
class Relations:
    """The relations, by kind (see the module's docstring)."""

    components: dict[str, tuple[str, ...]] = field(default_factory=dict)
    parts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    shares: dict[str, str] = field(default_factory=dict)
    complete: dict[tuple[str, str], str] = field(default_factory=dict)
    splits: dict[str, tuple[str, ...]] = field(default_factory=dict)
    date_spans: dict[str, Span] = field(default_factory=dict)
    #: The plausibility rules by kind: subject -> (parts, why), in the order of the file.
    plausibility: dict[str, dict[str, tuple[tuple[str, ...], str]]] = field(default_factory=dict)

    def span(self, table: str) -> Span:
        """The span a table's dated periods lie within (its own, or that of every table)."""
        return self.date_spans.get(table) or self.date_spans[ANY_TABLE]

    @property
    def special_spans(self) -> dict[str, Span]:
        """The tables with a span of their own."""
        return {t: s for t, s in self.date_spans.items() if t != ANY_TABLE}


def read_relations(rows: Iterable[Mapping[str, str]]) -> Relations:
    """Relations from rows of ``kind, subject, parts, why``.

    Raises
    ------
    ValueError
        If a row has an unknown kind, lacks what its kind needs, or repeats a subject.
    """
    out = Relations()
    for row in rows:
        kind, subject, why = row["kind"], row["subject"], row["why"]
        parts = tuple(row["parts"].split())
        where = f"relation {kind} {subject!r}"
        if kind not in RELATION_KINDS:
            raise ValueError(f"{where}: unknown kind; expected one of {', '.join(RELATION_KINDS)}")
        if not subject:
            raise ValueError(f"{where}: no subject")
        if kind in ("components", "parts", "split") and len(parts) < 2:
            raise ValueError(f"{where}: needs two parts or more")
        if kind in ("share", "complete", *PLAUSIBILITY_KINDS) and not why:
            raise ValueError(f"{where}: says in why what it means")
        if kind in PLAUSIBILITY_KINDS:
            rules = out.plausibility.setdefault(kind, {})
            if subject in rules:
                raise ValueError(f"{where}: given twice")
            rules[subject] = (parts, why)
            continue
        targets: dict[str, dict[Any, Any]] = {
            "components": out.components, "parts": out.parts, "share": out.shares,
            "complete": out.complete, "split": out.splits, "date_span": out.date_spans,
        }
        target = targets[kind]
        if kind == "complete":
            table, _, measure = subject.partition(" ")
            key: Any = (table, measure)
            value: Any = why
        elif kind == "date_span":
            first, _, last = row["parts"].partition("/")
            key, value = subject, (date.fromisoformat(first), date.fromisoformat(last), why)
        else:
            key, value = subject, (why if kind == "share" else parts)
        if key in target:
            raise ValueError(f"{where}: given twice")
        target[key] = value
    if ANY_TABLE not in out.date_spans:
        raise ValueError(f"no date_span for every table (subject {ANY_TABLE!r})")
    return out


@lru_cache(maxsize=4)
def _parsed_relations(path: str, sha: str) -> Relations:
    with open(path, newline="", encoding="utf-8") as handle:
        return read_relations(csv.DictReader(handle))


def relations() -> Relations:
    """The relations of ``data/relations.csv`` (hash-verified; read once per file version)."""
    resource = store.resources()["relations"]
    path = store.verified_path(resource)
    return _parsed_relations(str(path), store.verified_hash(resource))
