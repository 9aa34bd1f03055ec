"""Subcommands that read the data: tables, show, sources."""

from __future__ import annotations

import argparse

from ..api import load, sources, tables
from ..render import FORMATS, STATUS_LEGEND, fitted, marked_wide, render


def add_format(parser: argparse.ArgumentParser) -> None:
    """Add the common ``--format`` option.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_format(parser)
    >>> parser.parse_args(["--format", "csv"]).format
    'csv'
    """
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")


def add_overlay(parser: argparse.ArgumentParser) -> None:
    """Add the common ``--overlay`` option.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_overlay(parser)
    >>> parser.parse_args(["--overlay", "mine.csv"]).overlay
    'mine.csv'
    """
    parser.add_argument(
        "--overlay", metavar="PATH", help="a filled template (gulagstats template) merged as status 'user'"
    )


def register_data(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("tables", help="list the tables with their GRZ reference and rows")
    add_format(p)
    p.set_defaults(func=cmd_tables)

    p = sub.add_parser(
        "show",
        help="print one table (long: one value a row with source and status; --wide: as printed)",
        description="Print one table. Long form has one published value a row with its source, "
        "locator and status; --wide lays the table's preferred values out as printed, "
        "with a mark for each value's status.",
    )
    p.add_argument("table", help="table id (see 'gulagstats tables')")
    p.add_argument("--wide", action="store_true", help="lay the preferred values out like the printed table")
    p.add_argument(
        "--status", action="append", metavar="S", help="keep only rows with this status (repeatable)"
    )
    add_overlay(p)
    add_format(p)
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("sources", help="list the citation and URL of every source key")
    add_format(p)
    p.set_defaults(func=cmd_sources)


def cmd_tables(args: argparse.Namespace) -> int:
    print(render(tables(), args.format))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    if args.wide:
        frame = load(args.table, wide=True, status=args.status, overlay=args.overlay, provenance=True)
        if args.format in ("text", "markdown"):
            print(render(marked_wide(frame), args.format, index=True))
            print(f"\n{fitted(STATUS_LEGEND)}")
        else:
            print(render(frame["value"], args.format, index=True))
        return 0
    frame = load(args.table, status=args.status, overlay=args.overlay)
    if args.format in ("text", "markdown"):  # for reading: the dates are the period's, the GRZ reference the title's
        frame = frame.drop(columns=["start", "end", *(["grz_ref"] if args.format == "text" else [])], errors="ignore")
    print(render(frame, args.format))  # csv: the columns and dialect of data/tables/*.csv
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    print(render(sources(), args.format))
    return 0
