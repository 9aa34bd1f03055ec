"""The factcheck subcommand: every repression figure in an article, judged."""

from __future__ import annotations

import argparse
import sys

from ..api import check_factcheck_out, factcheck_corpus, factcheck_files, write_factcheck
from ..errors import GulagstatsError
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
        "factcheck.html (for a journalist: contradicted claims first). With --corpus PATH, a whole "
        "archive instead, on local worker processes or a Dask cluster (see 'archive' below). Exit status: 0 with results, "
        "2 for an input or output that cannot be used (nothing is written then).",
    )
    p.add_argument(
        "files", nargs="*", metavar="FILE", help="articles: files, '-' for standard input, or URLs"
    )
    p.add_argument(
        "--out", metavar="DIR", default="factcheck", help="output directory (default: factcheck)"
    )
    p.add_argument(
        "--lexicon", metavar="CSV", help="a lexicon CSV of your own (default: data/factcheck/lexicon.csv)"
    )
    add_overlay(p)
    add_corpus_options(p)
    p.set_defaults(func=cmd_factcheck)


class _CorpusUsageError(GulagstatsError, ValueError):
    """Articles and --corpus together, neither, or an archive option without --corpus."""


#: The options of an archive run (given only with --corpus).
ARCHIVE_OPTIONS = ("engine", "workers", "scheduler", "batch_size")


def add_corpus_options(p: argparse.ArgumentParser) -> None:
    """``--corpus`` and the options of an archive run."""
    g = p.add_argument_group(
        "archive",
        "fact-check a whole archive into --out: claims/part-NNNNNN.parquet (a claim a row, with its "
        "document's id, url and date, and its verdict), summary.csv, repeated.csv, skipped.csv, corpus.json; "
        "a rerun skips the partitions already written from the same input (needs gulagstats[archive]); progress on standard error, silenced by --quiet",
    )
    g.add_argument("--corpus", metavar="PATH", help="a folder of text/HTML files, a JSON Lines file or a "
                   "Parquet dataset with 'id' and 'text' columns (optional: url, date, language, title)")
    g.add_argument("--engine", choices=("local", "serial", "dask"), default=None,
                   help="local worker processes (default), this process only, or a Dask cluster")
    g.add_argument("--workers", type=int, metavar="N", help="worker processes (default: every core)")
    g.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                   help="run on the Dask cluster of this scheduler (the corpus and --out on a shared file system)")
    g.add_argument("--batch-size", type=int, metavar="N", help="documents a partition (default: 500)")


def cmd_factcheck(args: argparse.Namespace) -> int:
    given = [f"--{k.replace('_', '-')}" for k in ARCHIVE_OPTIONS if getattr(args, k) is not None]
    if args.corpus is not None:
        return cmd_corpus(args)
    if given:
        raise _CorpusUsageError(f"{given[0]} is for an archive: give it with --corpus PATH")
    if not args.files:
        raise _CorpusUsageError("give the articles to check (FILE ...) or an archive (--corpus PATH)")
    check_factcheck_out(args.out)  # a bad --out is refused before any article is read
    result = factcheck_files(args.files, overlay=args.overlay, lexicon=args.lexicon)
    for line in result.warnings:
        print(f"gulagstats: warning: {line}", file=sys.stderr)
    written = write_factcheck(result, args.out)
    print(result.summary())
    print("wrote " + ", ".join(str(p) for p in written))
    return 0


def cmd_corpus(args: argparse.Namespace) -> int:
    if args.files:
        raise _CorpusUsageError("give articles (FILE ...) or --corpus PATH, not both")
    result = factcheck_corpus(
        args.corpus, args.out, engine=args.engine or "local", workers=args.workers, scheduler=args.scheduler,
        batch_size=args.batch_size, lexicon=args.lexicon,
        overlay=args.overlay, progress=None if args.quiet else sys.stderr,
    )
    print(result.summary())
    print("wrote " + ", ".join(str(p) for p in result.written))
    return 0
