"""Graded, deduplicated findings: how large and of what shape each discrepancy is.

Grades, from the most trivial to the most serious (:data:`GRADES`):

- ``one_unit``: the values differ by exactly 1 (a rounding or a slip of one person);
- ``one_digit``: whole numbers of the same length that differ in one digit (a misprint);
- ``transposition``: the same digits with two neighbours swapped;
- ``within_rounding``: rounding explains the difference: at least one of the
  values is rounded (a count ending in zeros, a share printed to one decimal),
  the difference is at most one unit of its last printed digit, and at most
  0.5 percent; two exact counts (or a typo) are never "within rounding";
- ``minor``: at most 5 percent, or a value beyond the end of a range the prose
  prints for many years by at most :data:`RANGE_END_MAJOR` (an exception to a
  generalisation, such as GRZ's own 1937 against "20-40 percent" released);
- ``major``: more than that: a substantive gap.

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
#: How far beyond a printed range's end (relative to the end) a value is still a minor departure.
RANGE_END_MAJOR = 0.25
#: The relations of a check against one end of a range the prose prints.
RANGE_END_RELATIONS = ("range_low", "range_high")


def rounding_unit(value: float) -> float:
    """The unit of the last printed digit of a value: 1,000 for 208,826,000, 0.1 for 22.7, 1 for 917,227.

    Examples
    --------
    >>> rounding_unit(208826000), rounding_unit(22.7), rounding_unit(917227), rounding_unit(0)
    (1000.0, 0.1, 1.0, 1.0)
    """
    if not float(value).is_integer():
        decimals = len(repr(float(value)).split("e")[0].split(".")[1])
        return 10.0 ** -decimals
    digits = f"{abs(int(value))}"
    zeros = len(digits) - len(digits.rstrip("0")) if int(value) else 0
    return 10.0 ** zeros


def grade_of(expected: float | None, observed: float | None) -> str:
    """The grade of a difference between an expected and an observed value.

    Examples
    --------
    >>> grade_of(175487, 175486), grade_of(22728, 2728), grade_of(725483, 725438)
    ('one_unit', 'one_digit', 'transposition')
    >>> grade_of(1334408, 1344408), grade_of(22.7, 22.0), grade_of(1053829, 1054050)
    ('one_digit', 'minor', 'minor')
    >>> grade_of(208826650, 208826000), grade_of(22.7, 22.6018), grade_of(40.7, 40.5159)
    ('within_rounding', 'within_rounding', 'minor')
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
    unit = max(rounding_unit(expected), rounding_unit(observed))
    if relative <= 0.005 and diff <= unit * (1 + 1e-9):  # rounding explains it: a printed digit's unit
        return WITHIN_ROUNDING
    return MINOR if relative <= 0.05 else MAJOR


def _beyond_end(r: CheckResult) -> float:
    """How far beyond the end of its range a value lies, relative to the end (inf if unknown)."""
    if r.expected is None or r.observed is None or not r.expected:
        return float("inf")
    return abs(r.observed - r.expected) / abs(r.expected)


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
        if grade == MAJOR and r.relation in RANGE_END_RELATIONS and _beyond_end(r) <= RANGE_END_MAJOR:
            grade = MINOR  # an exception to a range printed for many years, not a substantive gap
        if {r.expected, r.observed} <= {
            0.0,
            1.0,
        }:  # a yes/no relation (a trend, an order): no size to grade
            grade = MINOR
        out[key] = Finding(r, grade, mixed)
    return sorted(out.values(), key=lambda f: (_SERIOUS_FIRST.get(f.grade, -1), f.result.id))


def grades_by_check(results: list[CheckResult]) -> dict[str, tuple[str, bool]]:
    """Each discrepant check's grade and whether its cells combine sources (a repeat has its finding's).

    Examples
    --------
    >>> import gulagstats
    >>> grades_by_check(gulagstats.check_results())["prose.L061.1"]
    ('one_unit', False)
    """
    out: dict[str, tuple[str, bool]] = {}
    for found in findings(results):
        for check_id in (found.result.id, *found.same_as):
            out[check_id] = (found.grade, found.mixed_sources)
    return out


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
