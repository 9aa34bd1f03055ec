"""Subcommands that set published estimates and claims against the archival record.

compare, assess, benchmarks, quantities.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..api import assess, benchmarks, compare, iter_assessed_claims, quantities
from ..errors import InvalidEstimateError, printable
from ..render import FORMATS, cell_text, csv_safe_frame, data_dialect, fitted, render
from .data import add_format, add_overlay

if TYPE_CHECKING:
    from ..models import Assessment

#: Columns of compare shown in a terminal (the other formats give them all).
COMPARE_TEXT = ["id", "author", "quantity", "period", "low", "high", "benchmark_low", "benchmark_high",
                "benchmark_status", "bound", "verdict", "factor", "factor_high", "sensitivity"]
BENCHMARK_TEXT = ["id", "period", "low", "high", "status", "preferred", "source"]
#: Claims assessed and written at a time by ``assess --file`` (CSV): memory stays bounded (bench/RESULTS.md).
CLAIMS_PER_PART = 50_000
ASSESS_FIELDS = [
    "quantity", "period", "low", "high", "benchmark_id", "benchmark_low", "benchmark_high", "benchmark_source",
    "benchmark_status", "ratio", "verdict", "factor", "factor_high", "bound", "sensitivity", "verdict_range", "explanation",
]


def register_estimates(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "compare",
        help="set every published estimate against the archival record",
        description="Set every published estimate (data/tables/estimates.csv) against the archival benchmark "
        "for its quantity and period: verdict (consistent, not_contradicted, overstates, understates, "
        "not_comparable; empty for context rows), "
        "factor and a sentence of explanation. The text format shows the main columns; csv, json and "
        "markdown give all of them.",
    )
    p.add_argument("--quantity", metavar="Q", help="only this quantity (see 'gulagstats quantities')")
    add_overlay(p)
    add_format(p)
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser(
        "assess",
        help="assess a claim (QUANTITY VALUE) or a file of claims against the archival record",
        description="Assess one claim, e.g. 'gulagstats assess executions 7000000 --period 1937-1938', "
        "or every row of a CSV file (--file; columns quantity, value or low/high, period, optional id, "
        "unit, region; other columns are kept), one result row per input row, bad rows with a "
        "line-numbered error. Exit status: 0 with results, 2 for an unusable claim or file.",
    )
    p.add_argument("quantity", nargs="?", help="what the claim counts (see 'gulagstats quantities')")
    p.add_argument("value", nargs="?", help="the number claimed: 681692, 681,692, 7 million, seven million (or give --low and/or --high)")
    p.add_argument("--low", metavar="L", help="low end of a claimed range, or an 'at least' bound")
    p.add_argument("--high", metavar="H", help="high end of a claimed range, or an 'at most' bound")
    p.add_argument("--period", metavar="P", help="a year 1938, a day 1939-01-01 or a span 1937/1938 (1937-1938)")
    p.add_argument("--unit", metavar="U", help="persons (default), 'persons per year', 'per 1,000 inhabitants' or 'per 1,000 adults'")
    p.add_argument("--file", metavar="CSV", help="a CSV file of claims; results go to stdout, as CSV by default")
    add_overlay(p)
    p.add_argument("--format", choices=FORMATS, help="output format (default: text, or csv with --file)")
    p.set_defaults(func=cmd_assess)

    p = sub.add_parser(
        "benchmarks",
        help="list the archival benchmarks for the quantities and periods the estimates address",
        description="The archival benchmarks, computed now from the loaded tables (and your overlay) by the "
        "rules of data/benchmark_rules.csv: low, high, basis, caveats, sources and status.",
    )
    p.add_argument("--quantity", metavar="Q", help="only this quantity")
    add_overlay(p)
    add_format(p)
    p.set_defaults(func=cmd_benchmarks)

    p = sub.add_parser("quantities", help="list the vocabulary of quantities estimates and claims use")
    add_format(p)
    p.set_defaults(func=cmd_quantities)


def cmd_compare(args: argparse.Namespace) -> int:
    frame = compare(args.quantity, overlay=args.overlay)
    print(render(frame[COMPARE_TEXT] if args.format == "text" else frame, args.format))
    return 0


def cmd_assess(args: argparse.Namespace) -> int:
    if args.file:
        if args.quantity or args.value or args.low or args.high or args.period or args.unit:
            raise InvalidEstimateError("give either a claim (QUANTITY VALUE ...) or --file CSV, not both")
        return _assess_file(args)
    if not args.quantity:
        raise InvalidEstimateError("no claim: give QUANTITY VALUE (or --low/--high), or --file CSV")
    result = assess(args.quantity, args.value, args.low, args.high, args.period, overlay=args.overlay, unit=args.unit)
    fmt = args.format or "text"
    if fmt == "json":
        print(result.model_dump_json(indent=2))
    elif fmt == "text":
        print(assessment_text(result))
    else:
        import pandas as pd  # pandas: the command line imports it only for the commands that need it

        print(render(pd.DataFrame([assessment_row(result)], columns=ASSESS_FIELDS), fmt))
    return 0


def _assess_file(args: argparse.Namespace) -> int:
    """Assess a claims file; as CSV (the default) part by part, so that memory stays bounded."""
    import pandas as pd  # pandas: the command line imports it only for the commands that need it

    parts = iter_assessed_claims(args.file, overlay=args.overlay, rows=CLAIMS_PER_PART)
    fmt = args.format or "csv"
    if fmt != "csv":  # json, markdown and text are rendered whole
        parts = iter([pd.concat(list(parts), ignore_index=True)])
    bad = total = 0
    for number, results in enumerate(parts):
        renamed = results.attrs.get("renamed", {})
        if number == 0 and renamed:
            kept = ", ".join(f"{printable(old)} as {printable(new)}" for old, new in renamed.items())
            print(f"gulagstats: note: input column(s) named like result columns are kept: {kept}", file=sys.stderr)
        if fmt == "csv":
            sys.stdout.write(
                csv_safe_frame(data_dialect(results)).to_csv(index=False, header=number == 0, date_format="%Y-%m-%d")
            )
        else:
            print(render(results, fmt))
        bad += int((results["error"] != "").sum())
        total += len(results)
    if bad:
        print(f"gulagstats: {bad} of {total} claims could not be assessed (see the error column)", file=sys.stderr)
    return 0


def assessment_row(result: Assessment) -> dict:
    """One assessment as a flat row (for csv and markdown).

    Examples
    --------
    >>> import gulagstats
    >>> row = assessment_row(gulagstats.assess("executions", 7_000_000, period="1937-1938"))
    >>> list(row) == ASSESS_FIELDS, row["verdict"], row["benchmark_source"]
    (True, 'overstates', 'grz1993')
    """
    b = result.benchmark
    return {
        "quantity": result.quantity,
        "period": result.period,
        "low": result.low,
        "high": result.high,
        "benchmark_id": b.id if b else None,
        "benchmark_low": b.low if b else None,
        "benchmark_high": b.high if b else None,
        "benchmark_source": b.source if b else None,
        "benchmark_status": b.status if b else None,
        "ratio": result.ratio,
        "verdict": result.verdict,
        "factor": result.factor,
        "factor_high": result.factor_high,
        "bound": result.bound,
        "sensitivity": result.sensitivity,
        "verdict_range": result.verdict_range,
        "explanation": result.explanation,
    }


def assessment_text(result: Assessment) -> str:
    """One assessment for a person: verdict, factor, benchmark and its sources, the explanation.

    Examples
    --------
    >>> import gulagstats
    >>> text = assessment_text(gulagstats.assess("executions", 7_000_000, period="1937-1938"))
    >>> text.splitlines()[:2]
    ['verdict      overstates', 'factor       10.3']
    """
    b = result.benchmark
    lines: list[tuple[str, str]] = [("verdict", result.verdict)]
    if result.factor is not None:
        ranged = result.factor_high is not None and result.factor_high != result.factor
        lines.append(("factor", cell_text(result.factor) + (f" (to {cell_text(result.factor_high)})" if ranged else "")))
    if result.bound:
        lines.append(("bound", result.bound + (f" (the record lacks {result.lacks})" if result.lacks else "")))
    if result.sensitivity:
        lines.append(("sensitivity", f"{result.sensitivity}: {result.verdict_range}"))
    if b:
        spread = cell_text(b.low) if b.low == b.high else f"{cell_text(b.low)} to {cell_text(b.high)}"
        lines += [
            ("benchmark", f"{spread} ({b.id}, status {b.status})"),
            ("basis", b.basis),
            ("caveats", b.caveats),
        ]
        lines += [("source", f"{s.key}: {s.citation}" + (f" <{s.url}>" if s.url else "")) for s in result.sources]
    lines.append(("explanation", result.explanation))
    width = max(len(k) for k, _ in lines)
    return "\n".join(fitted(f"{k.ljust(width)}  {v}", indent=width + 2) for k, v in lines if v)


def cmd_benchmarks(args: argparse.Namespace) -> int:
    frame = benchmarks(args.quantity, overlay=args.overlay)
    print(render(frame[["quantity", *BENCHMARK_TEXT]] if args.format == "text" else frame, args.format))
    return 0


def cmd_quantities(args: argparse.Namespace) -> int:
    print(render(quantities(), args.format))
    return 0
