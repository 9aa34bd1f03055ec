"""Subcommands that publish the record: export (files) and serve (a web view)."""

from __future__ import annotations

import argparse

from ..api import export_record, serve_record
from .progress import progress


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port is between 1 and 65535, not {port}")
    return port


#: The export formats (gulagstats.publish.export.EXPORT_FORMATS; not imported here: the command line does not import pandas until it runs a command that needs it).
EXPORT_CHOICES = ("csv", "sqlite", "parquet", "xlsx")


def register_publish(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help="write the record as csv, sqlite, parquet or xlsx (values, sources, definitions, "
        "checks, verdicts)",
        description="Write every table (each value with its source, locator and status), "
        "the sources, the data dictionary, the check results and the verdicts in one format. "
        "csv and parquet: one file a table; sqlite: gulagstats.db with keys and the view "
        "all_values; xlsx: gulagstats.xlsx with a sheet a table, then sources and definitions. "
        'parquet and xlsx need "pip install gulagstats[publish]".',
    )
    p.add_argument("--format", choices=EXPORT_CHOICES, required=True, help="the file format")
    p.add_argument(
        "--out", required=True, metavar="DIR", help="directory to write into (created if needed)"
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "serve",
        help="browse the record in a web browser with Datasette (needs gulagstats[web])",
        description="Build a SQLite database of the record (tables, sources, definitions, "
        "checks, verdicts) and serve it with Datasette on http://127.0.0.1:PORT: facets, "
        "filters, canned queries, JSON and CSV for every view. "
        'Needs "pip install gulagstats[web]". Stop with Ctrl-C.',
    )
    p.add_argument("--port", type=_port, default=8001, help="local port (default: 8001)")
    p.set_defaults(func=cmd_serve)


def cmd_export(args: argparse.Namespace) -> int:
    written = export_record(args.format, args.out)  # bad input is refused before any line of progress
    progress(args)(f"wrote {len(written)} file(s) to {args.out}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    return serve_record(args.port)
