"""The factcheck subcommand: every repression figure in an article, judged."""

from __future__ import annotations

import argparse
import sys

from ..api import check_factcheck_out, factcheck_files, write_factcheck
from .data import add_overlay


def register_factcheck(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "factcheck",
        help="find every repression figure in articles and judge it against the archival record",
        description="Read articles (UTF-8 text, Markdown or HTML files, '-' for standard input, or "
        "http(s) URLs where the network allows), find every number about repression, read what it "
        "counts, its bound and unit, its period, scope (the whole USSR or a part), modality and who "
        "states it, and judge each claim read with confidence through 'assess'; anything else is "
        "not_judged with its reason. Writes into --out: claims.csv (one row a claim), verdicts.csv "
        "(the claims with verdict, reason, benchmark and explanation), contradictions.csv and "
        "factcheck.html (for a journalist: contradicted claims first). Exit status: 0 with results, "
        "2 for an input or output that cannot be used (nothing is written then).",
    )
    p.add_argument(
        "files", nargs="+", metavar="FILE", help="articles: files, '-' for standard input, or URLs"
    )
    p.add_argument(
        "--out", metavar="DIR", default="factcheck", help="output directory (default: factcheck)"
    )
    p.add_argument(
        "--lexicon", metavar="CSV", help="a lexicon CSV of your own (default: data/factcheck/lexicon.csv)"
    )
    add_overlay(p)
    p.set_defaults(func=cmd_factcheck)


def cmd_factcheck(args: argparse.Namespace) -> int:
    check_factcheck_out(args.out)  # a bad --out is refused before any article is read
    result = factcheck_files(args.files, overlay=args.overlay, lexicon=args.lexicon)
    for line in result.warnings:
        print(f"gulagstats: warning: {line}", file=sys.stderr)
    written = write_factcheck(result, args.out)
    print(result.summary())
    print("wrote " + ", ".join(str(p) for p in written))
    return 0
