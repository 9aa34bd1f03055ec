"""Subcommand ``report``: the main job."""

from __future__ import annotations

import argparse
import time

from ..api import build_report
from ..checks.text import summary_line
from .data import add_overlay
from .progress import progress


def register_reporting(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="write the full report (HTML + Markdown): coverage, checks, estimates, figures, sources",
        description="Write report.html (self-contained, figures embedded) and report.md (figures in "
        "figures/ beside it) into --out: coverage of every GRZ table, the consistency checks by verdict, "
        "published estimates against the archival benchmarks, the figures, the values still unconfirmed "
        "or missing, and the sources.",
    )
    p.add_argument("--out", default="report", metavar="DIR", help="output directory (default: ./report)")
    add_overlay(p)
    p.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    result = build_report(args.out, overlay=args.overlay, progress=progress(args))
    estimates = ", ".join(f"{n} {v.replace('_', ' ')}" for v, n in sorted(result.estimates.items()))
    print(
        f"wrote {result.html} and {result.markdown} "
        f"({sum(p.suffix == '.png' for p in result.figures)} figures) "
        f"in {time.perf_counter() - started:.1f} s\n"
        f"cells: {result.cells_known} of {result.cells} known\n"
        f"{summary_line(result.checks)}\n"
        f"estimates: {estimates}"
    )
    return 0
