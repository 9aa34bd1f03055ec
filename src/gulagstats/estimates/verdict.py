"""Stage 4, the verdict: the comparisons of a claim under every reading and source, made one.

A claim is classified (:func:`gulagstats.estimates.classify.classify`) against
every basis of its plan (each reading the rules allow) and every variant of
each (each other published value of a cell used).  Then:

- the verdict is the one word they all give (``stable``), or, when readings
  disagree, ``depends_on_reading``, or, when only the sources do,
  ``depends_on_source``: a verdict that flips is never printed as a single word;
- ``preferred_verdict`` is the word of the first reading with the preferred values;
- the factor of a stable over- or understatement is the conservative one (the
  smallest, against the widest benchmark any reading or source allows), and
  ``factor_high`` the largest;
- ``verdict_range`` says, in words, what each reading and source gives.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..vocabulary import DEPENDS_ON_READING, DEPENDS_ON_SOURCE, OVERSTATES, UNDERSTATES
from .basis import Basis
from .classify import classify

#: Sensitivity labels: the verdict under every reading and source, or what it depends on.
STABLE = "stable"
SENSITIVITIES = (STABLE, DEPENDS_ON_SOURCE, DEPENDS_ON_READING)


@dataclass
class Outcome:
    """What one basis (or one variant of it) says of every claim of a question."""

    label: str
    verdict: np.ndarray
    f_low: np.ndarray
    f_high: np.ndarray
    basis: int
    variant: bool = False


@dataclass
class Judged:
    """The verdicts of the claims of one question, as whole columns."""

    verdict: np.ndarray
    preferred: np.ndarray
    sensitivity: np.ndarray
    factor_low: np.ndarray
    factor_high: np.ndarray
    head: np.ndarray
    outcomes: list[Outcome]


def outcome_text(verdict: str, factor: float) -> str:
    """A verdict and its factor in words: ``overstates 2.8``, ``not contradicted``.

    Examples
    --------
    >>> outcome_text("overstates", 2.84), outcome_text("not_contradicted", float("nan"))
    ('overstates 2.8', 'not contradicted')
    """
    word = verdict.replace("_", " ")
    return f"{word} {factor:.1f}" if verdict in (OVERSTATES, UNDERSTATES) and np.isfinite(factor) else word


def basis_label(basis: Basis) -> str:
    """A basis in a few words: its reading, or the range it puts the quantity in."""
    ends = []
    if basis.low is not None:
        ends.append(f"at least {basis.low:,.0f}" if basis.kind in ("floor", "between") else f"{basis.low:,.0f}")
    if basis.high is not None and (basis.kind != "point" or basis.high != basis.low):
        ends.append(f"at most {basis.high:,.0f}" if basis.kind in ("ceiling", "between") else f"to {basis.high:,.0f}")
    where = ", ".join(ends)
    return f"{basis.reading}: {where}" if basis.reading else f"as read: {where}"


def _as_read(basis: Basis, low: np.ndarray, high: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The claimed ends as a basis reads them: a one-sided number read as a point where its reading says so."""
    if basis.claim_as != "point":
        return low, high
    value = np.where(np.isnan(low), high, low)
    return value, value


def outcomes_of(bases: tuple[Basis, ...], low: np.ndarray, high: np.ndarray, tolerance: float) -> list[Outcome]:
    """Every basis and variant classified; the bases first, in order."""
    found = []
    claims = [_as_read(basis, low, high) for basis in bases]
    for k, basis in enumerate(bases):
        v, f, g = classify(*claims[k], basis.low, basis.high, basis.kind, tolerance)
        found.append(Outcome(basis_label(basis), v, f, g, k))
    for k, basis in enumerate(bases):
        for label, floor, ceiling in basis.variants:
            v, f, g = classify(*claims[k], floor, ceiling, basis.kind, tolerance)
            found.append(Outcome(f"with {label}", v, f, g, k, True))
    return found


def combine_outcomes(bases: tuple[Basis, ...], low: np.ndarray, high: np.ndarray, tolerance: float) -> Judged:
    """The verdict of each claim under every reading and source of its plan.

    Examples
    --------
    >>> from gulagstats.estimates.basis import Basis
    >>> grz = Basis("", 1575259.0, 2.5e6, "between", None, None)
    >>> hard = Basis("the most the record allows", 1575259.0, 3141444.0, "between", None, None)
    >>> j = combine_outcomes((grz, hard), np.array([7e6, 3.5e6]), np.array([7e6, 3.5e6]), 0.15)
    >>> j.verdict.tolist(), j.sensitivity.tolist(), [round(x, 1) for x in j.factor_low.tolist()]
    (['overstates', 'depends_on_reading'], ['stable', 'depends_on_reading'], [2.2, nan])
    """
    outcomes = outcomes_of(bases, low, high, tolerance)
    first = outcomes[0].verdict
    readings = [o for o in outcomes if not o.variant]
    by_reading = np.zeros(len(low), dtype=bool)
    for o in readings[1:]:
        by_reading |= o.verdict != first
    by_source = np.zeros(len(low), dtype=bool)
    for o in outcomes:
        if o.variant:
            by_source |= o.verdict != readings[o.basis].verdict
    sensitivity = np.where(by_reading, DEPENDS_ON_READING, np.where(by_source, DEPENDS_ON_SOURCE, STABLE))
    verdict = np.where(by_reading | by_source, sensitivity, first).astype(object)
    n = len(low)
    stable = ~(by_reading | by_source)
    scored = stable & np.isin(first, [OVERSTATES, UNDERSTATES])
    f_low, f_high, best = np.full(n, np.nan), np.full(n, np.nan), np.full(n, np.nan)
    head = np.zeros(n, dtype=np.int64)
    with np.errstate(invalid="ignore"):
        for o in outcomes:
            mine_low = np.where(scored, o.f_low, np.nan)
            if not o.variant:
                better = ~np.isnan(mine_low) & (np.isnan(best) | (mine_low < best))
                head, best = np.where(better, o.basis, head), np.where(better, mine_low, best)
            f_low = np.fmin(f_low, mine_low)
            f_high = np.fmax(f_high, np.where(scored, o.f_high, np.nan))
    return Judged(verdict, first.astype(object), sensitivity.astype(object), f_low, f_high, head, outcomes)


def range_text(judged: Judged, k: int) -> str:
    """What each reading and source gives claim ``k``, in words (one phrase when they agree).

    A stable verdict is said once with its factor range; one that flips names
    each outcome and the readings or sources that give it.
    """
    if judged.sensitivity[k] == STABLE:
        word = outcome_text(str(judged.verdict[k]), float(judged.factor_low[k]))
        high = float(judged.factor_high[k])
        if judged.verdict[k] in (OVERSTATES, UNDERSTATES) and np.isfinite(high) and round(high, 1) != round(float(judged.factor_low[k]), 1):
            word += f"-{high:.1f}"
        every = "reading and source" if len(judged.outcomes) > 1 else "source"
        return f"{word} under every {every}"
    said: dict[str, list[str]] = {}
    for o in judged.outcomes:
        said.setdefault(outcome_text(str(o.verdict[k]), float(o.f_low[k])), []).append(o.label)
    return "; ".join(f"{word} ({', '.join(dict.fromkeys(labels))})" for word, labels in said.items())
