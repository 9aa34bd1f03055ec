"""Check results as people and spreadsheets read them: text by family, one flat table, Markdown."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

from ..core.results import FAMILIES, CellRef, CheckResult
from ..render import cell_text, render
from ..vocabulary import (
    CONSISTENT,
    DEPENDS_ON_SOURCE,
    DISCREPANCY,
    MISSING,
    NOT_CHECKABLE,
    VERDICTS,
    WITHIN_ROUNDING,
)
from .grade import findings_text

if TYPE_CHECKING:
    import pandas as pd

#: The verdicts whose checks are shown with their cells and alternatives in the text report.
DETAILED = (DISCREPANCY, DEPENDS_ON_SOURCE)
#: The columns of the flat table of check results (CSV, spreadsheets, the published ``checks``).
CSV_COLUMNS = [
    "id", "family", "verdict", "preferred_verdict", "title", "expected", "relation", "observed", "difference",
    "relative_difference", "tolerance", "tolerance_reason", "location", "expectation", "cells", "alternatives",
    MISSING, "note",
]


def summary(results: Iterable[CheckResult] | pd.DataFrame) -> dict[str, int]:
    """Count results by verdict (every verdict present, in the order of :data:`VERDICTS`), with the total.

    ``results`` is the table :func:`gulagstats.check` returns (its ``verdict``
    column is counted) or the objects of :func:`gulagstats.check_results`.

    Examples
    --------
    >>> import gulagstats
    >>> counts = gulagstats.summary(gulagstats.check(family="sources"))
    >>> counts["total"] == sum(counts[v] for v in gulagstats.VERDICTS)
    True
    >>> counts == gulagstats.summary(gulagstats.check_results(family="sources"))
    True
    """
    is_table = hasattr(results, "columns")  # the table of gulagstats.check()
    verdicts = cast("pd.DataFrame", results)["verdict"] if is_table else (r.verdict for r in results)
    counts: Counter[str] = Counter(str(v) for v in verdicts)
    return {**{v: counts.get(v, 0) for v in VERDICTS}, "total": sum(counts.values())}


def summary_line(counts: dict[str, int]) -> str:
    """The summary in words: ``N checks: a consistent, b within rounding, ...``.

    Examples
    --------
    >>> counts = {"consistent": 3, "within_rounding": 1, "discrepancy": 1, "depends_on_source": 0,
    ...           "not_checkable": 2, "total": 7}
    >>> summary_line(counts)
    '7 checks: 3 consistent, 1 within rounding, 1 discrepancies, 0 depend on source, 2 not checkable'
    """
    return (
        f"{counts['total']} checks: {counts[CONSISTENT]} consistent, {counts[WITHIN_ROUNDING]} within rounding, "
        f"{counts[DISCREPANCY]} discrepancies, {counts[DEPENDS_ON_SOURCE]} depend on source, "
        f"{counts[NOT_CHECKABLE]} not checkable"
    )



def _result_number(value: float | None) -> str:
    if value is None or value != value:  # None or NaN
        return "-"
    if abs(value) >= 1000 or float(value).is_integer():
        return cell_text(round(value, 2) if not float(value).is_integer() else int(value))
    return f"{value:.4g}"


def _cell_text(c: CellRef) -> str:
    what = " ".join(x for x in (c.population, c.measure, c.category, c.period) if x)
    mark = "" if c.preferred else ", alternative"
    return f"{what} = {_result_number(c.value)} ({c.table}, {c.source}, {c.status}{mark})"


def _comparison(r: CheckResult) -> str:
    text = f"expected {_result_number(r.expected)} ({r.relation.replace('_', ' ')}), observed {_result_number(r.observed)}"
    if r.difference is not None and r.difference != 0:
        text += f", difference {_result_number(r.difference)}"
        if r.relative_difference is not None:
            text += f" ({100 * r.relative_difference:+.2g}%)"
    return text


def text_report(results: list[CheckResult], line: str) -> str:
    """The report for people: by family, one line a check, details under the findings.

    Examples
    --------
    >>> import gulagstats
    >>> results = gulagstats.check_results(family="sources")
    >>> text = text_report(results, "a summary")
    >>> text.startswith("== findings: "), "== sources: " in text, text.splitlines()[-1]
    (True, True, 'summary: a summary')
    """
    lines = findings_text(results)
    for family in FAMILIES:
        mine = [r for r in results if r.family == family]
        if not mine:
            continue
        lines += [f"== {family}: {summary_line(summary(mine))}", ""]
        for r in mine:
            lines.append(f"{r.verdict.replace('_', ' '):17} {r.id}  {r.title}")
            if r.verdict == NOT_CHECKABLE:
                reason = "missing " + "; ".join(r.missing[:3]) if r.missing else r.note
                lines.append(f"{'':17} {reason[:200]} [{r.location}]")
                continue
            lines.append(f"{'':17} {_comparison(r)}; tolerance {_result_number(r.tolerance)}")
            if r.verdict in DETAILED:
                lines.append(f"{'':17} {r.expectation[:300]} [{r.location}]")
                lines += [f"{'':17} cell: {_cell_text(c)}" for c in r.cells[:6]]
                if len(r.cells) > 6:
                    lines.append(f"{'':17} ... and {len(r.cells) - 6} more cells")
                lines += [
                    f"{'':17} with {_cell_text(a.cell)}: observed {_result_number(a.observed)}, difference "
                    f"{_result_number(a.difference)}, {a.verdict.replace('_', ' ')}"
                    for a in r.alternatives
                ]
                if r.note:
                    lines.append(f"{'':17} note: {r.note[:400]}")
        lines.append("")
    lines.append(f"summary: {line}")
    return "\n".join(lines)


def flat(results: list[CheckResult]) -> pd.DataFrame:
    """One row a check, the cells and alternatives joined into text (for CSV and spreadsheets).

    Examples
    --------
    >>> import gulagstats
    >>> results = gulagstats.check_results(family="sources")
    >>> list(flat(results).columns) == CSV_COLUMNS, len(flat(results)) == len(results)
    (True, True)
    """
    import pandas as pd  # pandas only for this table: `gulagstats check` prints text without it

    rows = []
    for r in results:
        row = r.model_dump(exclude={"cells", "alternatives", MISSING})
        row["cells"] = "; ".join(_cell_text(c) for c in r.cells)
        row["alternatives"] = "; ".join(f"{_cell_text(a.cell)} -> {_result_number(a.observed)} {a.verdict}" for a in r.alternatives)
        row[MISSING] = "; ".join(r.missing)
        rows.append(row)
    return pd.DataFrame(rows, columns=CSV_COLUMNS)


def markdown_report(results: list[CheckResult], line: str) -> str:
    """A Markdown section per family: one table row a check.

    Examples
    --------
    >>> import gulagstats
    >>> text = markdown_report(gulagstats.check_results(family="sources"), "a summary")
    >>> text.splitlines()[0], text.splitlines()[-1]
    ('## sources', '**Summary:** a summary')
    """
    parts = []
    for family in FAMILIES:
        mine = [r for r in results if r.family == family]
        if not mine:
            continue
        frame = flat(mine)[["verdict", "id", "title", "expected", "observed", "difference", "location"]]
        frame = frame.assign(expected=[_result_number(v) for v in frame["expected"]],
                             observed=[_result_number(v) for v in frame["observed"]],
                             difference=[_result_number(v) for v in frame["difference"]])
        parts += [f"## {family}", "", render(frame, "markdown"), ""]
    parts.append(f"**Summary:** {line}")
    return "\n".join(parts)
