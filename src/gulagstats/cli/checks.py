"""Subcommand that runs the consistency checks: check."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from ..render import cell_text, render
from ..vocabulary import DEPENDS_ON_SOURCE, DISCREPANCY, MISSING, NOT_CHECKABLE
from .data import add_format, add_overlay

if TYPE_CHECKING:
    import pandas as pd

    from ..core.results import CellRef, CheckResult

FAMILY_HELP = "prose, identities, sources, plausibility"
VERDICT_HELP = "consistent, within_rounding, discrepancy, depends_on_source, not_checkable"
DETAILED = (DISCREPANCY, DEPENDS_ON_SOURCE)
CSV_COLUMNS = [
    "id", "family", "verdict", "preferred_verdict", "title", "expected", "relation", "observed", "difference",
    "relative_difference", "tolerance", "tolerance_reason", "location", "expectation", "cells", "alternatives",
    MISSING, "note",
]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="check the tables against their totals, each other and the GRZ prose",
        description="Run the consistency checks: every figure of the GRZ prose the tables can compute (prose), "
        "totals against their parts and shares against counts (identities), cells with several published "
        "values (sources), values that cannot be right (plausibility). Each check names its expectation, the "
        "cells it used with their sources and statuses, the difference, the tolerance and a verdict. "
        "Exit status: 0 whatever the findings (1 with --strict if there is a discrepancy), 2 for a usage error.",
    )
    p.add_argument("--family", action="append", metavar="F",
                   help=f"only these families (repeatable or comma-separated): {FAMILY_HELP}")
    p.add_argument("--verdict", action="append", metavar="V",
                   help=f"only these verdicts (repeatable or comma-separated): {VERDICT_HELP}")
    p.add_argument("--strict", action="store_true", help="exit with status 1 if any check shown is a discrepancy")
    add_overlay(p)
    add_format(p)
    p.set_defaults(func=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    from ..checks import check, summary, summary_line

    results = check(overlay=args.overlay, family=_names(args.family), verdict=_names(args.verdict))
    counts = summary(results)
    if args.format == "json":
        print(json.dumps({"summary": counts, "results": [r.model_dump() for r in results]}, indent=2,
                         ensure_ascii=False))
    elif args.format == "csv":
        print(render(flat(results), "csv"))
    elif args.format == "markdown":
        print(markdown_report(results, summary_line(counts)))
    else:
        print(text_report(results, summary_line(counts)))
    return 1 if args.strict and counts[DISCREPANCY] else 0


def _names(values: list[str] | None) -> list[str] | None:
    """Names given as repeated options or comma-separated (``--family prose,sources``)."""
    return None if values is None else [n.strip() for v in values for n in v.split(",") if n.strip()]


def _number(value: float | None) -> str:
    if value is None or value != value:  # None or NaN
        return "-"
    if abs(value) >= 1000 or float(value).is_integer():
        return cell_text(round(value, 2) if not float(value).is_integer() else int(value))
    return f"{value:.4g}"


def _cell(c: CellRef) -> str:
    what = " ".join(x for x in (c.population, c.measure, c.category, c.period) if x)
    mark = "" if c.preferred else ", alternative"
    return f"{what} = {_number(c.value)} ({c.table}, {c.source}, {c.status}{mark})"


def _comparison(r: CheckResult) -> str:
    text = f"expected {_number(r.expected)} ({r.relation.replace('_', ' ')}), observed {_number(r.observed)}"
    if r.difference is not None and r.difference != 0:
        text += f", difference {_number(r.difference)}"
        if r.relative_difference is not None:
            text += f" ({100 * r.relative_difference:+.2g}%)"
    return text


def text_report(results: list[CheckResult], summary: str) -> str:
    """The report for people: by family, one line a check, details under the findings.

    Examples
    --------
    >>> import gulagstats
    >>> results = gulagstats.check(family="sources")
    >>> text = text_report(results, "a summary")
    >>> text.startswith("== findings: "), "== sources: " in text, text.splitlines()[-1]
    (True, True, 'summary: a summary')
    """
    from ..checks import summary as count
    from ..checks import summary_line
    from ..checks.grade import findings_text
    from ..core.results import FAMILIES

    lines = findings_text(results)
    for family in FAMILIES:
        mine = [r for r in results if r.family == family]
        if not mine:
            continue
        lines += [f"== {family}: {summary_line(count(mine))}", ""]
        for r in mine:
            lines.append(f"{r.verdict.replace('_', ' '):17} {r.id}  {r.title}")
            if r.verdict == NOT_CHECKABLE:
                reason = "missing " + "; ".join(r.missing[:3]) if r.missing else r.note
                lines.append(f"{'':17} {reason[:200]} [{r.location}]")
                continue
            lines.append(f"{'':17} {_comparison(r)}; tolerance {_number(r.tolerance)}")
            if r.verdict in DETAILED:
                lines.append(f"{'':17} {r.expectation[:300]} [{r.location}]")
                lines += [f"{'':17} cell: {_cell(c)}" for c in r.cells[:6]]
                if len(r.cells) > 6:
                    lines.append(f"{'':17} ... and {len(r.cells) - 6} more cells")
                lines += [
                    f"{'':17} with {_cell(a.cell)}: observed {_number(a.observed)}, difference "
                    f"{_number(a.difference)}, {a.verdict.replace('_', ' ')}"
                    for a in r.alternatives
                ]
                if r.note:
                    lines.append(f"{'':17} note: {r.note[:400]}")
        lines.append("")
    lines.append(f"summary: {summary}")
    return "\n".join(lines)


def flat(results: list[CheckResult]) -> pd.DataFrame:
    """One row a check, the cells and alternatives joined into text (for CSV and spreadsheets).

    Examples
    --------
    >>> import gulagstats
    >>> results = gulagstats.check(family="sources")
    >>> list(flat(results).columns) == CSV_COLUMNS, len(flat(results)) == len(results)
    (True, True)
    """
    import pandas as pd

    rows = []
    for r in results:
        row = r.model_dump(exclude={"cells", "alternatives", MISSING})
        row["cells"] = "; ".join(_cell(c) for c in r.cells)
        row["alternatives"] = "; ".join(f"{_cell(a.cell)} -> {_number(a.observed)} {a.verdict}" for a in r.alternatives)
        row[MISSING] = "; ".join(r.missing)
        rows.append(row)
    return pd.DataFrame(rows, columns=CSV_COLUMNS)


def markdown_report(results: list[CheckResult], summary: str) -> str:
    """A Markdown section per family: one table row a check.

    Examples
    --------
    >>> import gulagstats
    >>> text = markdown_report(gulagstats.check(family="sources"), "a summary")
    >>> text.splitlines()[0], text.splitlines()[-1]
    ('## sources', '**Summary:** a summary')
    """
    from ..core.results import FAMILIES

    parts = []
    for family in FAMILIES:
        mine = [r for r in results if r.family == family]
        if not mine:
            continue
        frame = flat(mine)[["verdict", "id", "title", "expected", "observed", "difference", "location"]]
        frame = frame.assign(expected=[_number(v) for v in frame["expected"]],
                             observed=[_number(v) for v in frame["observed"]],
                             difference=[_number(v) for v in frame["difference"]])
        parts += [f"## {family}", "", render(frame, "markdown"), ""]
    parts.append(f"**Summary:** {summary}")
    return "\n".join(parts)
