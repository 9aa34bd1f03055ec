"""Stage 2, the plan: what the record says of a question, under every reading the rules allow.

A plan is decided once per question, never per claimed number.  For each
reading of the question it finds a :class:`Basis`: the range the record puts
the quantity in, each end typed (:mod:`gulagstats.rules.bounds`): a *point*
(the record counts what the claim counts), a *floor* (at least: the record
counts part of it, and says what it lacks), a *ceiling* (at most), or both
(*between*).  The bases of a question are, in order:

1. the benchmark the record has for the quantity and period asked (a stock on
   31 December is read on the next 1 January); where it has none, bounds from
   the periods around it (:mod:`gulagstats.estimates.bounding`): the whole
   years inside a partial period, the part of a span a series holds, a
   sub-span's count as floors; the enclosing whole years, a span containing
   it as ceilings;
2. the other readings of the same benchmark the rules hold (rules with a
   ``reading``: GRZ's argued ceiling of arrests, or the most the record
   allows);
3. the scope rules (``data/scope_rules.csv``): another quantity the claim's
   words may mean (``reading``: "camps" may mean camps and colonies), or must
   include (``scope``: "forced labour" is at least camps, colonies, prisons and
   special settlers: that benchmark replaces the claim's own where it exists).

Each basis carries its *variants*: its ends recomputed with every other
published value of the cells it uses (the sensitivity to the source).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..core.cells import CellIndex
from ..periods import match_period, period_phrase, period_text, years_in
from ..rules.benchmarks import BenchmarkEvaluator
from ..rules.bounds import BenchmarkBound, BoundRules, claim_words_pattern
from ..rules.series import Answer
from ..vocabulary import PERSONS_PER_MONTH, PERSONS_PER_YEAR, QUANTITIES
from .basis import Basis
from .bounding import bounded, maximum_of, nearest_counts
from .question import Question
from .rates import NEAREST_YEARS, PER_CAPITA_UNITS, Denominator, denominator, per_capita


@dataclass(frozen=True)
class QuestionPlan:
    """What the record says of a question: its bases (the first stands), or why it cannot answer."""

    question: Question
    bases: tuple[Basis, ...] = ()
    reason: str = ""
    alternatives: tuple[Question, ...] = ()


@dataclass(frozen=True)
class ScopeRule:
    """A row of ``data/scope_rules.csv``: another quantity a claim's words may mean, or must include."""

    quantity: str
    also_against: str
    if_words: str
    unless_words: str
    reason: str
    kind: str  # "reading" or "scope"

    def applies(self, words: str) -> bool:
        if self.unless_words and claim_words_pattern(self.unless_words).search(words):
            return False
        return not self.if_words or bool(claim_words_pattern(self.if_words).search(words))


def scope_rules_of(rows: list[Mapping[str, Any]]) -> dict[str, list[ScopeRule]]:
    """The scope rules by quantity (``kind`` defaults to ``reading``)."""
    out: dict[str, list[ScopeRule]] = {}
    for r in rows:
        text = {k: str(r.get(k, "") or "") for k in ("quantity", "also_against", "if_words", "unless_words", "reason")}
        rule = ScopeRule(**text, kind=str(r.get("kind", "") or "reading"))
        out.setdefault(rule.quantity, []).append(rule)
    return out


class Planner:
    """Plans questions against one record: the evaluator, the bound rules, the scope rules, the population counts."""

    def __init__(self, evaluator: BenchmarkEvaluator, bounds: BoundRules, scopes: Mapping[str, list[ScopeRule]],
                 population: CellIndex | None = None):
        self.evaluator = evaluator
        self.bounds = bounds
        self.scopes = scopes
        self.population = population

    def typed(self, answer: Answer, words: str, forced: str = "") -> BenchmarkBound:
        """The kind of bound ``answer`` is for a claim with these words (a reading may force a floor)."""
        bound = self.bounds.of(answer, self.evaluator.rule(answer.rule), words)
        if forced == "floor" and bound.kind != "floor":
            return BenchmarkBound("floor", bound.lacks or self.evaluator.rule(answer.rule).lacks, "the reading: a floor")
        return bound

    def basis_of(self, answer: Answer, bound: BenchmarkBound, reading: str = "") -> Basis:
        """A basis from one benchmark, typed, with its variants."""
        low = answer.low if bound.has_floor else None
        high = answer.high if bound.has_ceiling else None
        variants = tuple(
            (v.label, v.low if bound.has_floor else None, v.high if bound.has_ceiling else None)
            for v in self.evaluator.variants(answer)
        )
        note = (f"the record holds {answer.quantity.replace('_', ' ')} for part of the period only: {answer.partial}"
                if answer.partial else "")
        return Basis(reading, low, high, bound.kind, answer if low is not None else None,
                     answer if high is not None else None, bound.lacks, (note,) if note else (), variants)

    def own(self, question: Question, quantity: str) -> list[Basis]:
        """The bases the record gives ``quantity`` over the question's period: the main reading, then the others."""
        kind = QUANTITIES[quantity].kind
        period = match_period(question.period, kind)
        words = question.words
        if "maximum" in question.value_as.split() and kind == "stock":
            found = maximum_of(self, quantity, period, words)
            return [found] if found is not None else []
        answers = self.evaluator.answers(quantity, period)
        main = [a for a in answers if not a.reading]
        if not main:
            found = bounded(self, quantity, period, words, question.bound) if kind == "flow" else None
            return [found] if found is not None else []
        head, bound = main[0], self.typed(main[0], words, question.bound)
        basis = self.basis_of(head, bound)
        same = [(a.id, a.low if bound.has_floor else None, a.high if bound.has_ceiling else None)
                for a in main[1:] if self.typed(a, words, question.bound).kind == bound.kind]
        basis = replace(basis, variants=basis.variants + tuple(same))
        if kind == "flow" and basis.high is None:
            basis = bounded(self, quantity, period, words, question.bound, start=basis) or basis
        others = [self.basis_of(a, self.typed(a, words, question.bound), a.reading) for a in answers if a.reading]
        return [basis, *others]

    def plan(self, readings: tuple[Question, ...]) -> QuestionPlan:
        """The plan of a question under its readings (the first stands; the others show the sensitivity)."""
        first = readings[0]
        if first.refused:
            return QuestionPlan(first, reason=f"Not comparable: {first.reason}")
        refusal = self.refusal(first)
        if refusal:
            return QuestionPlan(first, reason=refusal)
        bases: list[Basis] = []
        for k, question in enumerate(readings):
            if question.refused or self.refusal(question):
                continue
            label = "" if k == 0 else (question.reason or "another reading")
            claim_as = "point" if "point" in question.value_as.split() else ""
            found = [replace(b, claim_as=claim_as) for b in self.bases(question)]
            if k > 0:
                found = [replace(b, reading=b.reading or label) for b in found]
            bases += found
        if not bases:
            return QuestionPlan(first, reason=self.no_benchmark(first))
        return QuestionPlan(first, tuple(bases), alternatives=readings[1:])

    def bases(self, question: Question) -> list[Basis]:
        """The bases of one reading: its own benchmark and the scope rules its words call (as rates, for a rate)."""
        if question.unit in PER_CAPITA_UNITS:
            counted = self.bases(replace(question, unit=QUANTITIES[question.quantity].unit))
            population = self._denominator(question)
            return [per_capita(b, population, question.unit) for b in counted] if population else []
        own = self.own(question, question.quantity)
        period = own[0].head.period if own else question.period
        for rule in self.scopes.get(question.quantity, []):
            if not rule.applies(question.words) or rule.also_against not in QUANTITIES:
                continue
            asked = replace(question, quantity=rule.also_against, period=period if own else question.period)
            other = self.own(asked, rule.also_against)
            if rule.kind == "scope":
                if other:
                    own = [replace(b, notes=(*b.notes, rule.reason)) for b in other]
                continue
            own += [replace(b, reading=b.reading or rule.reason) for b in other]
        return own

    def _denominator(self, question: Question) -> Denominator | None:
        return denominator(self.population, question.period, question.unit) if self.population else None

    def refusal(self, question: Question) -> str:
        """Why the record cannot be asked this question at all ("" if it can)."""
        quantity = question.quantity
        if quantity not in QUANTITIES:
            return f"Not comparable: {quantity} is not in the vocabulary."
        q = QUANTITIES[quantity]
        per_capita_ok = question.unit in PER_CAPITA_UNITS and q.kind in ("flow", "stock")
        if question.unit != q.unit and not (question.unit in CONVERTIBLE and years_in(question.period) > 0) \
                and not per_capita_ok:
            return f"Not comparable: the claim counts {question.unit}, the record counts {q.unit}."
        if question.region.strip().upper() not in ("USSR", ""):
            return f"Not comparable: the claim counts {question.region} only; the benchmarks are for the whole USSR."
        if quantity not in self.evaluator.coverage():
            return f"Not comparable: the archival tables have no series of {q.noun} ({quantity})."
        if not question.period:
            if question.label and question.label != question.period:
                return f"Not comparable: '{question.label}' is not a date the record can be read for."
            return "Not comparable: no period given."
        if per_capita_ok and self._denominator(question) is None:
            whom = "adults" if PER_CAPITA_UNITS[question.unit] else "the population"
            return (f"Not comparable: the record has no count of {whom} within {NEAREST_YEARS} years of "
                    f"{period_text(question.period)} to divide by.")
        return ""

    def no_benchmark(self, question: Question) -> str:
        """Why the record has no benchmark for a question it can be asked."""
        q = QUANTITIES[question.quantity]
        near = nearest_counts(self, question.quantity, question.period) if q.kind == "stock" else ""
        return (f"Not comparable: the record has no benchmark for {q.noun} {period_phrase(question.period)}; "
                + (f"{near}; " if near else "")
                + f"it has {self.evaluator.coverage().get(question.quantity, '')}.")


#: Units of a claim read by converting them (a yearly or monthly rate over its period).
CONVERTIBLE = (PERSONS_PER_YEAR, PERSONS_PER_MONTH)
