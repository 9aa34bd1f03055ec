"""Graded, deduplicated findings: how large and of what shape each discrepancy is.

Grades, from the most trivial to the most serious (:data:`GRADES`):

- ``one_unit``: the values differ by exactly 1 (a rounding or a slip of one person);
- ``one_digit``: whole numbers of the same length that differ in one digit (a misprint);
- ``transposition``: the same digits with two neighbours swapped;
- ``within_rounding``: the relative difference is at most 0.5 percent;
- ``minor``: at most 5 percent;
- ``major``: more than 5 percent.

Two checks of the same cells (the same set of cell values) against the same
expected value are one finding: the first (by id) is kept and the other ids listed.
A finding whose cells come from more than one source says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.results import CheckResult
from ..vocabulary import (
    DISCREPANCY,
    GRADES,
    MAJOR,
    MINOR,
    ONE_DIGIT,
    ONE_UNIT,
    TRANSPOSITION,
    WITHIN_ROUNDING,
)

_SERIOUS_FIRST = {g: i for i, g in enumerate(reversed(GRADES))}


def grade_of(expected: float | None, observed: float | None) -> str:
    """The grade of a difference between an expected and an observed value.

    Examples
    --------
    >>> grade_of(175487, 175486), grade_of(22728, 2728), grade_of(725483, 725438)
    ('one_unit', 'one_digit', 'transposition')
    >>> grade_of(1334408, 1344408), grade_of(22.7, 22.0), grade_of(1053829, 1054050)
    ('one_digit', 'minor', 'within_rounding')
    """
    if expected is None or observed is None or expected != expected or observed != observed:
        return ""
    diff = abs(observed - expected)
    if diff == 1 and max(abs(expected), abs(observed)) > 1:  # not a yes/no (0 or 1) relation
        return ONE_UNIT
    whole = float(expected).is_integer() and float(observed).is_integer()
    a, b = f"{int(expected)}", f"{int(observed)}"
    if whole and len(a) == len(b) and a != b:
        differ = [i for i in range(len(a)) if a[i] != b[i]]
        if len(differ) == 1:
            return ONE_DIGIT
        if (
            len(differ) == 2
            and differ[1] == differ[0] + 1
            and a[differ[0]] == b[differ[1]]
            and a[differ[1]] == b[differ[0]]
        ):
            return TRANSPOSITION
    if whole and abs(len(a) - len(b)) == 1:  # one digit added or dropped (22,728 for 2,728)
        longer, shorter = (a, b) if len(a) > len(b) else (b, a)
        if any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer))):
            return ONE_DIGIT
    relative = diff / abs(expected) if expected else float("inf")
    if relative <= 0.005:
        return WITHIN_ROUNDING
    return MINOR if relative <= 0.05 else MAJOR


@dataclass
class Finding:
    """One discrepancy, graded; ``same_as`` lists the ids of checks that repeat it."""

    result: CheckResult
    grade: str
    mixed_sources: bool
    same_as: list[str] = field(default_factory=list)


def findings(results: list[CheckResult]) -> list[Finding]:
    """The discrepancies, graded, one a set of cells and relation, the most serious first.

    Examples
    --------
    >>> import gulagstats
    >>> found = findings(gulagstats.check_results())
    >>> found[0].grade, len({f.result.id for f in found}) == len(found)
    ('major', True)
    """
    out: dict[tuple, Finding] = {}
    for r in sorted(results, key=lambda r: r.id):
        if r.verdict != DISCREPANCY:
            continue
        # the cell that states the expected total is the expectation, not a part of the sum
        key = (
            frozenset(
                (c.table, c.population, c.measure, c.category, c.period, c.value)
                for c in r.cells
                if c.value != r.expected
            ),
            r.expected,
        )  # the prose's "approx" and an identity's "exact" on the same sum are one finding
        if key in out and r.cells:
            out[key].same_as.append(r.id)
            continue
        sources = {c.source for c in r.cells if c.source}
        mixed = (
            len(sources) > 1 and r.family != "sources"
        )  # comparing sources is what that family does
        grade = grade_of(r.expected, r.observed)
        if {r.expected, r.observed} <= {
            0.0,
            1.0,
        }:  # a yes/no relation (a trend, an order): no size to grade
            grade = MINOR
        out[key] = Finding(r, grade, mixed)
    return sorted(out.values(), key=lambda f: (_SERIOUS_FIRST.get(f.grade, -1), f.result.id))


def findings_text(results: list[CheckResult]) -> list[str]:
    """Lines for ``gulagstats check``: the graded findings, the most serious first."""
    found = findings(results)
    lines = [
        f"== findings: {len(found)} discrepancies, graded ("
        + ", ".join(f"{sum(f.grade == g for f in found)} {g}" for g in reversed(GRADES))
        + ")",
        "",
    ]
    for f in found:
        r = f.result
        extra = []
        if f.mixed_sources:
            extra.append("combines values of different sources")
        if f.same_as:
            extra.append("same finding as " + ", ".join(f.same_as))
        tail = f" [{'; '.join(extra)}]" if extra else ""
        lines.append(
            f"{f.grade:16} {r.id}  expected {r.expected:,.6g}, observed {r.observed:,.6g}{tail}"
            if r.expected is not None and r.observed is not None
            else f"{f.grade:16} {r.id}{tail}"
        )
    return [*lines, ""]
