"""What kind of bound a benchmark is for a claim: a point, a floor, a ceiling, or a floor and a ceiling.

A benchmark counts what a claim counts (a *point*: the record's count, to be
met within the tolerance either way), or only part of it (a *floor*: the claim
can fall short of it but never overstate it), or at most it (a *ceiling*: the
claim can exceed it but never understate it); a rule of a fixed period may
give a floor and a ceiling at once (*between*: GRZ's 1,575,259 arrests by the
security police and their 2.5 million on all charges).

The kind is data: each rule of ``data/benchmark_rules.csv`` has its ``bound``
and ``lacks`` (what the record lacks for the claim's whole); the rows of
``data/benchmark_bounds.csv`` change it where a claim's words or the
benchmark's dates say so, the first row that matches winning:

- ``if_words``: a pattern the claim's scope and wording must match (death
  sentences on the secret police's cases are a point for *political*
  executions, a floor for all executions);
- ``inside``: the benchmark's period lies inside this span (the 681,692 of
  1937-1938, which GRZ count as shot, are a point);
- ``touching``: a day the benchmark counts lies inside this span (the labour
  army and prisoners of war in the forced-labour population of 1941-1956).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..periods import period_bounds
from .series import Answer, RuleRow

#: The kinds of bound, and what each promises.
BOUND_KINDS: dict[str, str] = {
    "point": "the record counts what the claim counts",
    "floor": "the record counts part of what the claim counts: at least this many",
    "ceiling": "the record bounds what the claim counts from above: at most this many",
    "between": "the record gives a floor (low) and a ceiling (high)",
}
#: Columns of data/benchmark_bounds.csv.
BOUND_FIELDS = ["rule", "if_words", "inside", "touching", "bound", "lacks", "reason"]


@dataclass(frozen=True)
class BenchmarkBound:
    """The kind of bound a benchmark is for a claim, what the record lacks, and why."""

    kind: str
    lacks: str = ""
    reason: str = ""

    @property
    def has_floor(self) -> bool:
        return self.kind in ("point", "floor", "between")

    @property
    def has_ceiling(self) -> bool:
        return self.kind in ("point", "ceiling", "between")


@lru_cache(maxsize=4096)
def claim_words_pattern(text: str) -> re.Pattern[str]:
    """A pattern of a claim's words (case-insensitive), compiled once."""
    return re.compile(text, re.IGNORECASE)


def _inside(period: str, span: str) -> bool:
    start, end = period_bounds(period)
    first, last = period_bounds(span)
    return None not in (start, end, first, last) and first <= start and end <= last  # type: ignore[operator]


def _touching(days: tuple[str, ...], period: str, span: str) -> bool:
    first, last = period_bounds(span)
    if first is None or last is None:
        return False
    for day in days or (period,):
        start, end = period_bounds(day)
        if start is not None and end is not None and start <= last and end >= first:
            return True
    return False


class BoundRules:
    """The kinds of the benchmark rules and the rows that change them.

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> from gulagstats.rules.benchmarks import benchmark_evaluator
    >>> e = benchmark_evaluator(default_record())
    >>> rules = bound_rules(default_record().load)
    >>> rules.of(e.answers("executions", "1937/1938")[0], e.rule("executions_nkvd"), "").kind
    'point'
    >>> rules.of(e.answers("executions", "1939")[0], e.rule("executions_nkvd"), "").kind
    'floor'
    """

    def __init__(self, rows: list[Mapping[str, str]]):
        self.rows = [{k: str(r.get(k, "") or "") for k in BOUND_FIELDS} for r in rows]
        self._cache: dict[tuple[str, str, tuple[str, ...], str], BenchmarkBound] = {}

    def of(self, answer: Answer, rule: RuleRow, words: str) -> BenchmarkBound:
        """The kind of bound ``answer`` (of ``rule``) is for a claim whose scope and wording are ``words``."""
        key = (answer.id, answer.period, answer.days, words)
        if key not in self._cache:
            self._cache[key] = self._find(answer, rule, words)
        return self._cache[key]

    def _find(self, answer: Answer, rule: RuleRow, words: str) -> BenchmarkBound:
        for row in self.rows:
            if row["rule"] != rule.rule:
                continue
            if row["if_words"] and not claim_words_pattern(row["if_words"]).search(words):
                continue
            if row["inside"] and not _inside(answer.period, row["inside"]):
                continue
            if row["touching"] and not _touching(answer.days, answer.period, row["touching"]):
                continue
            return BenchmarkBound(row["bound"], row["lacks"] or (rule.lacks if row["bound"] != "point" else ""), row["reason"])
        return BenchmarkBound(rule.bound or "point", rule.lacks)


def bound_rules(load: Callable[[str], pd.DataFrame]) -> BoundRules:
    """The bound rows of the data package (none in an older data directory).

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> len(bound_rules(default_record().load).rows) > 0
    True
    """
    try:
        frame = load("benchmark_bounds").fillna("")
    except Exception:  # an older data directory without the table: every rule its own kind
        return BoundRules([])
    return BoundRules(frame.to_dict("records"))
