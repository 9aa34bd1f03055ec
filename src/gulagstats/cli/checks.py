"""Subcommand that runs the consistency checks: check."""

from __future__ import annotations

import argparse
import json

from ..api import check_results, summary
from ..checks.grade import grades_by_check
from ..checks.text import markdown_report, summary_line, text_report
from ..render import render
from ..vocabulary import DISCREPANCY
from .data import add_format, add_overlay

FAMILY_HELP = "prose, identities, sources, plausibility"
VERDICT_HELP = "consistent, within_rounding, discrepancy, depends_on_source, not_checkable"


def register_checks(sub: argparse._SubParsersAction) -> None:
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
    results = check_results(overlay=args.overlay, family=_option_names(args.family), verdict=_option_names(args.verdict))
    counts = summary(results)
    grades = grades_by_check(results)
    if args.format == "json":
        rows = [{**r.model_dump(), **_graded(grades, r.id)} for r in results]
        print(json.dumps({"summary": counts, "results": rows}, indent=2, ensure_ascii=False))
    elif args.format == "csv":
        from ..checks.table import graded_frame  # pandas: only for this table

        print(render(graded_frame(results), "csv"))
    elif args.format == "markdown":
        print(markdown_report(results, summary_line(counts)))
    else:
        print(text_report(results, summary_line(counts)))
    return 1 if args.strict and counts[DISCREPANCY] else 0


def _graded(grades: dict[str, tuple[str, bool]], check_id: str) -> dict[str, object]:
    """A check's grade ("" without a discrepancy) and whether its cells combine values of different sources."""
    grade, mixed = grades.get(check_id, ("", False))
    return {"grade": grade, "combines_sources": mixed}


def _option_names(values: list[str] | None) -> list[str] | None:
    """Names given as repeated options or comma-separated (``--family prose,sources``)."""
    return None if values is None else [n.strip() for v in values for n in v.split(",") if n.strip()]


