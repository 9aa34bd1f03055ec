"""The findings of the checks, graded: each discrepancy as a card with its quote, cells and sources."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..checks.grade import findings
from ..checks.text import summary
from ..core.results import VERDICT_MEANING, VERDICTS
from ..render import cell_text
from ..vocabulary import (
    DEPENDS_ON_SOURCE,
    DISCREPANCY,
    GRADE_WORDS,
    MAJOR,
    MINOR,
    NOT_CHECKABLE,
    ONE_DIGIT,
    ONE_UNIT,
    PROSE,
    RELATION_WORDS,
    SLIP_GRADES,
    TRANSPOSITION,
    VERDICT_WORDS,
    WITHIN_ROUNDING,
)
from .model import Block, Card, Details, Section, source_marks

#: Grades of a discrepancy (from the judgments of the checks, when they carry one), gravest first.
CARD_GRADE_ORDER = [MAJOR, MINOR, TRANSPOSITION, ONE_DIGIT, ONE_UNIT, WITHIN_ROUNDING]

#: The findings shown open, gravest first; the others fold into one disclosure.
GRAVEST_SHOWN = 5


def grade_words(result: Any) -> str:
    """The grade a finding carries, or its relative size when the checks give no grade.

    Examples
    --------
    >>> from types import SimpleNamespace as R
    >>> grade_words(R(grade="one_unit", relative_difference=0.0))
    'off by one'
    >>> grade_words(R(relative_difference=-0.366))
    'differs by 36.6%'
    """
    grade = getattr(result, "grade", None)
    if grade:
        return GRADE_WORDS.get(str(grade), str(grade).replace("_", " "))
    rel = getattr(result, "relative_difference", None)
    if rel is None or (isinstance(rel, float) and math.isnan(rel)):
        return "size not known"
    return f"differs by {abs(rel):.1%}" if abs(rel) >= 0.001 else f"differs by {abs(rel):.4%}"


def finding_order(results: Sequence[Any]) -> list[Any]:
    """Findings gravest first: by grade where the checks grade them, else by relative size.

    Examples
    --------
    >>> from types import SimpleNamespace as R
    >>> rs = [R(id="a", relative_difference=0.001), R(id="b", relative_difference=-0.4)]
    >>> [r.id for r in finding_order(rs)]
    ['b', 'a']
    >>> rs = [R(id="a", grade="one_unit", relative_difference=0.5),
    ...       R(id="b", grade="major", relative_difference=0.1)]
    >>> [r.id for r in finding_order(rs)]
    ['b', 'a']
    """

    def size(r: Any) -> float:
        rel = getattr(r, "relative_difference", None)
        return (
            0.0 if rel is None or (isinstance(rel, float) and math.isnan(rel)) else abs(float(rel))
        )

    def key(r: Any) -> tuple[int, float]:
        grade = getattr(r, "grade", None)
        rank = (
            CARD_GRADE_ORDER.index(grade) if grade in CARD_GRADE_ORDER else (len(CARD_GRADE_ORDER) if grade else 0)
        )
        return rank, -size(r)

    return sorted(results, key=key)


def _cells_text(r: Any, limit: int = 4) -> str:
    parts = [
        f"{c.table} {c.period} {c.population} {c.measure}{' ' + c.category if c.category else ''}: "
        f"{cell_text(c.value)} ({source_marks(c.source)}, {c.status})"
        for c in r.cells[:limit]
    ]
    if len(r.cells) > limit:
        parts.append(f"... and {len(r.cells) - limit} more")
    return "; ".join(parts)


def _alternatives_text(alternatives: Sequence[Any], limit: int = 4) -> str:
    parts = []
    for a in alternatives[:limit]:
        cell = getattr(a, "cell", None)
        if cell is None:
            parts.append(str(a))
            continue
        parts.append(
            f"{cell_text(cell.value)} ({source_marks(cell.source)}, {cell.status}) gives "
            f"{_rounded(getattr(a, 'observed', None))}: "
            f"{str(getattr(a, 'verdict', '')).replace('_', ' ')}"
        )
    if len(alternatives) > limit:
        parts.append(f"... and {len(alternatives) - limit} more")
    return "; ".join(parts)


def _rounded(value: float | None) -> str:
    """A number for a sentence: integers as they are, fractions to at most 4 significant decimals.

    Examples
    --------
    >>> _rounded(40.87495587), _rounded(2759221.0), _rounded(None)
    ('40.87', '2,759,221', 'none')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "none"
    if float(value).is_integer():
        return cell_text(value)
    return cell_text(float(f"{value:.4g}")) if abs(value) < 1000 else cell_text(round(value))


def _whose(r: Any) -> str:
    """Whose the expected value is: GRZ's for their prose, otherwise the source of the cell that states it.

    Examples
    --------
    >>> from types import SimpleNamespace as N
    >>> _whose(N(family="prose", expected=1.0, cells=[]))
    "GRZ's"
    >>> _whose(N(family="sources", expected=10825.0, cells=[N(value=10825.0, source="blog_3ekc")]))
    "blog_3ekc's"
    """
    if getattr(r, "family", "") == PROSE:
        return "GRZ's"
    stated = sorted({c.source for c in getattr(r, "cells", []) if c.value == r.expected and c.source})
    return f"{' and '.join(stated)}'s" if stated else "The expected"


def finding_card(r: Any, finding: Any = None) -> Card:
    """A check result as a card: what GRZ state, what the tables give, the cells, their sources.

    ``finding`` is the graded finding of :func:`gulagstats.checks.grade.findings` the
    result belongs to (its grade, the checks that repeat it, mixed sources), if any.
    """
    relation = RELATION_WORDS.get(r.relation, r.relation.replace("_", " "))
    test = (
        f"{_whose(r)} number, {relation}: {_rounded(r.expected)}; the tables give {_rounded(r.observed)}"
    )
    if r.difference is not None:
        test += f"; difference {_rounded(r.difference)}"
    said = "GRZ state" if getattr(r, "family", "") == PROSE else "expected"
    lines = [(said, f"{r.expectation} ({r.location})"), ("test", test)]
    if r.cells:
        lines.append(("cells", _cells_text(r)))
    more: list[tuple[str, str]] = []
    if r.missing:
        more.append(("missing", ", ".join(r.missing[:4]) + (" ..." if len(r.missing) > 4 else "")))
    if getattr(r, "alternatives", None):
        more.append(("other sources", _alternatives_text(r.alternatives)))
    if r.note:
        more.append(("note", r.note))
    grade = grade_words(r)
    if finding is not None:
        grade = GRADE_WORDS.get(finding.grade, grade) if finding.grade else grade
        if finding.same_as:
            more.append(("the same finding", "also checked as " + ", ".join(finding.same_as)))
        if finding.mixed_sources:
            more.append(("sources", "combines values of different sources"))
    return Card(f"{r.title} [{r.id}]", grade, lines, more)


def _check_rows(chosen: Sequence[Any], why: bool = False) -> pd.DataFrame:
    rows = []
    for r in chosen:
        row = {
            "id": r.id,
            "check": r.title,
            "GRZ state": r.expectation,
            "relation": RELATION_WORDS.get(r.relation, r.relation),
            "expected": r.expected,
            "observed": r.observed,
            "difference": r.difference,
        }
        if why:
            row = {
                "id": r.id,
                "check": r.title,
                "GRZ state": r.expectation,
                "why not checkable": r.note,
            }
        rows.append(row)
    return pd.DataFrame(rows)




def checks_section(results: Sequence[Any]) -> tuple[Section, dict[str, int]]:
    """The findings of the checks: discrepancies as graded cards, gravest first, the rest collapsed."""
    counts = summary(list(results))
    by = {v: [r for r in results if r.verdict == v] for v in VERDICTS}
    intro = (
        f"{len(results)} checks of the tables against their totals, each other and GRZ's prose: "
        + ", ".join(f"{counts[v]} {VERDICT_WORDS.get(v, v)}" for v in VERDICTS)
        + ". Discrepancies are findings about the sources, not errors of the toolkit; they come "
        "first, "
        "gravest first, each with what GRZ state (quote and line), the relation tested, the cells "
        "used "
        "with their sources, and the difference. The other verdicts are collapsed below."
    )
    blocks: list[Block] = [intro]
    found = findings(list(results))  # graded; two checks of the same cells are one finding
    blocks.append(
        f"### Discrepancies: {len(found)} findings from {len(by.get(DISCREPANCY, []))} checks, "
        "gravest first"
    )
    slips = [f for f in found if f.grade in SLIP_GRADES]
    cards: list[Block] = [finding_card(f.result, f) for f in found if f.grade not in SLIP_GRADES]
    blocks += cards[:GRAVEST_SHOWN]  # a phone shows five findings, not fourteen screens of them
    if len(cards) > GRAVEST_SHOWN:
        blocks.append(Details(f"The other {len(cards) - GRAVEST_SHOWN} findings, gravest first",
                              cards[GRAVEST_SHOWN:]))
    if slips:
        blocks.append(
            Details(
                f"Slips of a unit, a digit or a rounding: {len(slips)} findings (likely "
                "misprints or copying errors)",
                [finding_card(f.result, f) for f in slips],
            )
        )
    for verdict in [v for v in VERDICTS if v != DISCREPANCY]:
        chosen = by.get(verdict, [])
        if not chosen:
            continue
        name = verdict.replace("_", " ").capitalize()
        summary_line = f"{name}: {len(chosen)} checks ({VERDICT_MEANING[verdict]})"
        if verdict == DEPENDS_ON_SOURCE:
            blocks.append(Details(summary_line, [finding_card(r) for r in finding_order(chosen)]))
        else:
            blocks.append(
                Details(summary_line, [_check_rows(chosen, why=verdict == NOT_CHECKABLE)])
            )
    return Section("Findings of the checks", "checks", blocks), counts


