"""The factcheck subcommand: every repression figure in an article, judged."""

from __future__ import annotations

import argparse

from ..api import factcheck_files, write_factcheck
from .data import add_overlay


def register_factcheck(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "factcheck",
        help="find every repression figure in articles and judge it against the archival record",
        description="Read plain text, Markdown or HTML files (UTF-8, no network), find every "
        "numeric statement about repression (numbers, ranges, hedges, vague words), its "
        "quantity, period and who states it, judge each through 'assess', and write into "
        "--out: claims.csv (the columns of 'assess --file' plus "
        "the context; correct it and re-run 'assess --file'), verdicts.csv, contradictions.csv and "
        "factcheck.html (the texts annotated). Claims outside any archival series are listed as "
        "no_archival_series. Exit status: 0 with results, 2 for an unreadable file.",
    )
    p.add_argument(
        "files", nargs="+", metavar="FILE", help="articles to check (text, Markdown or HTML)"
    )
    p.add_argument(
        "--out", metavar="DIR", default="factcheck", help="output directory (default: factcheck)"
    )
    p.add_argument(
        "--lexicon", metavar="CSV", help="a lexicon CSV of your own (default: the packaged one)"
    )
    add_overlay(p)
    p.set_defaults(func=cmd_factcheck)


def cmd_factcheck(args: argparse.Namespace) -> int:
    result = factcheck_files(args.files, overlay=args.overlay, lexicon=args.lexicon)
    written = write_factcheck(result, args.out)
    print(result.summary())
    print("wrote " + ", ".join(str(p) for p in written))
    return 0
