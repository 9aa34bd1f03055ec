"""Subcommands about what is known: coverage, template."""

from __future__ import annotations

import argparse

from ..api import coverage, template
from ..outputs import write_text
from ..render import render
from .data import add_format, add_overlay
from .progress import progress


def register_coverage(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "coverage",
        help="how many cells of each table are known, and how (prose, confirmed, ... missing)",
        description="Count the cells of every table by the status of their value; each cell once, "
        "alternatives (other sources' values of a cell) apart. The last rows total the GRZ article "
        "and all tables.",
    )
    add_overlay(p)
    add_format(p)
    p.set_defaults(func=cmd_coverage)

    p = sub.add_parser(
        "template",
        help="write the missing cells of tables as a CSV to fill from the printed article",
        description="Write the missing cells of one or more tables as CSV (to stdout, or --out). Fill the "
        "value column (and locator: where you read it), then use the file with --overlay or "
        "load(..., overlay=PATH); the values come back with status 'user'.",
    )
    p.add_argument("table", nargs="+", help="table id(s) (see 'gulagstats tables')")
    p.add_argument("--out", metavar="PATH", help="write to this file instead of stdout")
    p.set_defaults(func=cmd_template)


def cmd_coverage(args: argparse.Namespace) -> int:
    print(render(coverage(overlay=args.overlay), args.format))
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    import pandas as pd  # pandas: the command line imports it only for the commands that need it

    frame = pd.concat([template(t) for t in args.table], ignore_index=True)
    if args.out:
        write_text(args.out, frame.to_csv(index=False), "the template")
        progress(args)(f"wrote {len(frame)} missing cells to {args.out}")
    else:
        print(frame.to_csv(index=False).rstrip("\n"))
    return 0
