"""Stage 5, the explanation: one sentence a claim, written last, from its verdict, never edited after.

The sentence names the claim, the verdict and its factor, what the record
documents (the benchmark's phrase, values and citation, its kind: a point, at
least, at most), what the record lacks where it documents only a floor, how
the bounds were found, the reading of the claim, and, where the verdict
depends on the reading or the source, what each gives.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..periods import period_phrase
from ..rules.series import Answer
from ..vocabulary import (
    CONSISTENT,
    DEPENDS_ON_READING,
    DEPENDS_ON_SOURCE,
    NOT_CONTRADICTED,
    OVERSTATES,
    QUANTITIES,
    UNDERSTATES,
)
from .basis import Basis
from .plan import QuestionPlan
from .verdict import Judged, range_text

_phrase = lru_cache(maxsize=4096)(period_phrase)


def number_text(x: float | None) -> str:
    """A count as a sentence writes it: ``681,692``; a fraction with its decimals (``33.33``).

    Examples
    --------
    >>> number_text(681692.0), number_text(33.33), number_text(None)
    ('681,692', '33.33', '')
    """
    if x is None:
        return ""
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


def claimed_text(low: float | None, high: float | None) -> str:
    """How a claim states its number: ``7,000,000``, ``5,000,000 to 8,000,000``, ``at least 5,000,000``.

    Examples
    --------
    >>> claimed_text(7e6, 7e6), claimed_text(5e6, 8e6), claimed_text(1.71e6, None)
    ('7,000,000', '5,000,000 to 8,000,000', 'at least 1,710,000')
    """
    if low == high:
        return number_text(low)
    if low is not None and high is not None:
        return f"{number_text(low)} to {number_text(high)}"
    return f"at least {number_text(low)}" if low is not None else f"at most {number_text(high)}"


#: A floor less than this many times below a claim is said in percent of the claim (:func:`below_claim`).
PERCENT_BELOW = 2.0


def times_text(factor: float) -> str:
    """``about 10``, ``about 2.8``; empty for no finite factor."""
    if not np.isfinite(factor):
        return ""
    return f"about {factor:.0f}" if factor >= 10 or factor == round(factor) else f"about {factor:.1f}"


def below_claim(factor: float) -> str:
    """How far a floor lies below a claim: ``about 10 times below``; within :data:`PERCENT_BELOW` times, in
    percent of the claim (``3% below``), where "about 1.0 times below" would say nothing (round 18).

    >>> below_claim(12.0), below_claim(2.5), below_claim(815_000 / 787_180), below_claim(800_000 / 799_455)
    ('about 12 times below', 'about 2.5 times below', '3% below', 'less than 1% below')
    """
    if factor < PERCENT_BELOW:
        return f"{percent_text(1 - 1 / factor)} below"
    return f"{times_text(factor)} times below"


def percent_text(share: float) -> str:
    """A share of a number in whole percent, never "0%" for a share that is not nothing: a claim "0% below"
    the record read as no difference at all (round 18's test part, "350,000" against 350,538).

    >>> percent_text(0.03), percent_text(0.0015), percent_text(0.149)
    ('3%', 'less than 1%', '15%')
    """
    return "less than 1%" if share < 0.005 else f"{share:.0%}"


def what_text(answer: Answer, low: float | None = None, high: float | None = None) -> str:
    """A benchmark in words, from its phrase: ``681,692 sentenced to death on cases of the secret police in 1937-1938``."""
    a = answer.low if low is None else low
    b = answer.high if high is None else high
    spread = number_text(a) if a == b else f"{number_text(a)} to {number_text(b)}"
    text = answer.phrase.format(low=number_text(a), high=number_text(b), range=spread, period=_phrase(answer.period))
    return text or f"{spread} ({answer.id})"


def named_ends(basis: Basis) -> list[tuple[Answer, float | None, float | None, str]]:
    """The benchmark ends a basis names, in the order the explanation names them: each answer with the values
    it gives (``None``: the answer's own) and its bound word ("" for a point, ``at least``, ``at most``).  The
    one place that decides which end of a basis is named: the explanation names them all, the column
    ``benchmark_what`` the first (``judge.benchmark_what``); none for a basis without a lower or upper end.
    """
    lower, upper = basis.lower, basis.upper
    if lower is not None and (basis.kind == "point" or lower is upper):
        return [(lower, None, None, "")]
    ends: list[tuple[Answer, float | None, float | None, str]] = []
    if lower is not None:
        ends.append((lower, basis.low, basis.low, "at least"))
    if upper is not None:
        ends.append((upper, basis.high, basis.high, "at most"))
    return ends


def _article(what: str) -> str:
    """``the`` before a benchmark's words, unless they begin with their own bound."""
    return what if what.startswith(("at least", "at most")) else f"the {what}"


def _bounded(word: str, what: str) -> str:
    """``at least the ...`` (or ``at most``), unless the words already say it."""
    return what if what.startswith(word) else f"{word} the {what}"


def _cite(answer: Answer) -> str:
    return f"{answer.citation}; {answer.id}, status {answer.status}"


class Explainer:
    """Writes the sentence of each claim of one question; what does not depend on the number is written once."""

    def __init__(self, plan: QuestionPlan, tolerance: float):
        self.plan = plan
        self.tolerance = tolerance
        q = plan.question
        quantity = QUANTITIES.get(q.quantity)
        noun = quantity.noun if quantity else q.quantity
        if plan.bases and plan.bases[0].per is not None:  # a rate per head: say the unit
            noun = f"{q.unit}: {noun}"
        self.claimed = f" {noun} {_phrase(q.period) if q.period else ''}".rstrip()
        self._record = [self._record_text(b) for b in plan.bases]
        self._tails = [self._tail(b) for b in plan.bases]

    def _record_text(self, basis: Basis) -> str:
        """What the record says under a basis, with its citation (for a rate, the counts and the population)."""
        if basis.per is not None:
            ends = [number_text(round(x, 2)) for x in (basis.low, basis.high) if x is not None]
            spread = " to ".join(dict.fromkeys(ends))
            return (f"{spread} {basis.per.unit}: {self._record_text(basis.per.count)}, divided by "
                    f"{basis.per.population}")
        parts = []
        for answer, low, high, word in named_ends(basis):
            what = what_text(answer, low, high)
            parts.append(f"{_bounded(word, what) if word else _article(what)} ({_cite(answer)})")
        return " and ".join(parts)

    def _tail(self, basis: Basis) -> str:
        """The sentences after the verdict: what the record lacks, how it was bounded, the reading."""
        parts = []
        if basis.lacks and basis.kind == "floor":
            parts.append(f"The record lacks {basis.lacks}.")
        if basis.notes:
            parts.append("Bounds: " + "; ".join(basis.notes) + ".")
        if self.plan.question.reason:
            parts.append(f"Read as: {self.plan.question.reason}.")
        return (" " + " ".join(parts)) if parts else ""

    def head(self, verdict: str, index: int, k_low: float | None, k_high: float | None, f_low: float) -> str:
        """The first sentence: the claim, the verdict and what the record says."""
        basis = self.plan.bases[index]
        claim = claimed_text(k_low, k_high) + self.claimed
        record = self._record[index]
        if verdict == OVERSTATES:
            if not np.isfinite(f_low):
                return f"{claim} is above {record}."
            most = "" if basis.kind == "point" else "the most the record allows: "
            return f"{claim} is {times_text(f_low)} times {most}{record}."
        if verdict == UNDERSTATES:
            if k_high is not None and k_high <= 0:
                return f"{claim} is zero, against {record}."
            if not np.isfinite(f_low):
                return f"{claim} is far below {record}."
            return f"{claim} is {times_text(f_low)} times below {record}."
        if verdict == CONSISTENT:
            return f"{claim} is consistent with {record}, allowing {self.tolerance:.0%} either way."
        if basis.kind == "floor" and basis.low and k_low is not None and k_low > basis.low:
            return (f"{claim} is not contradicted: the record documents {record}, a floor "
                    f"{below_claim(k_low / basis.low)} the claim.")
        if basis.kind == "ceiling":
            return f"{claim} is not contradicted: the record allows {record}."
        return f"{claim} is not contradicted by {record}."

    def within(self, basis: Basis, k_low: float | None, k_high: float | None) -> str:
        """A sentence where a claim lies beyond the record's range but within the tolerance."""
        if basis.high is not None and k_low is not None and basis.high < k_low <= basis.high * (1 + self.tolerance):
            return (f" The claim's {number_text(k_low)} is {percent_text(k_low / basis.high - 1)} above the most the record "
                    f"allows ({number_text(basis.high)}), within the {self.tolerance:.0%} tolerance.")
        if basis.low and k_high is not None and basis.low / (1 + self.tolerance) <= k_high < basis.low:
            return (f" The claim's {number_text(k_high)} is {percent_text(1 - k_high / basis.low)} below the least the record "
                    f"documents ({number_text(basis.low)}), within the {self.tolerance:.0%} tolerance.")
        return ""

    def tail(self, judged: Judged, k: int) -> str:
        """The sentences :meth:`explain` ends claim ``k``'s explanation with, after its verdict's (what the record
        lacks, how it was bounded, the reading), without their leading space: a field of their own, so that a
        caller may say the verdict otherwise and keep them (the fact-checker's own count, round 14)."""
        verdict = str(judged.verdict[k])
        index = 0 if verdict in (DEPENDS_ON_READING, DEPENDS_ON_SOURCE) else int(judged.head[k])
        return self._tails[index].strip()

    def explain(self, judged: Judged, k: int, k_low: float | None, k_high: float | None) -> str:
        """The explanation of claim ``k`` of the question."""
        verdict = str(judged.verdict[k])
        if verdict in (DEPENDS_ON_READING, DEPENDS_ON_SOURCE):
            which = "reading" if verdict == DEPENDS_ON_READING else "published value used"
            claim = claimed_text(k_low, k_high) + self.claimed
            return (f"{claim}: the verdict depends on the {which}: {range_text(judged, k)}."
                    f" As first read, against {self._record[0]}." + self._tails[0])
        index = int(judged.head[k])
        basis = self.plan.bases[index]
        if basis.claim_as == "point" and (k_low is None or k_high is None):
            k_low = k_high = k_low if k_low is not None else k_high
        text = self.head(verdict, index, k_low, k_high, float(judged.factor_low[k]))
        f_low, f_high = float(judged.factor_low[k]), float(judged.factor_high[k])
        if verdict == OVERSTATES and np.isfinite(f_high) and round(f_high, 1) != round(f_low, 1):
            top = number_text(basis.high) if basis.high is not None else ""
            text += (f" Factor range {f_low:.1f}-{f_high:.1f}: {f_low:.1f} against the most any reading or source "
                     f"allows ({top}), {f_high:.1f} against the least documented.")
        if verdict in (CONSISTENT, NOT_CONTRADICTED):
            text += self.within(basis, k_low, k_high)
        if len(judged.outcomes) > 1:
            text += (f" The verdict holds under each of the {len(judged.outcomes)} readings and published values"
                     " compared.")
        return text + self._tails[index]
