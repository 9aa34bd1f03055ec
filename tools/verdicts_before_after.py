#!/usr/bin/env python3
"""Every published estimate's verdict before and after issue 11, as a Markdown table.

Runs ``gulagstats compare --format csv`` twice: on the base commit (extracted
with ``git archive`` into a temporary directory, run with that tree's own
source and data) and on the working tree, then joins the two by estimate id.
The reason for a change is taken from the after side: the estimate's reading
(``data/estimate_readings.csv``), its bound, the scope it was also set against,
or the factor rule; an unchanged verdict needs no reason.

Usage
-----
    python tools/verdicts_before_after.py [--base 4cee270] [--out docs/verdicts_table.md]
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def compare_csv(src: Path) -> list[dict[str, str]]:
    """``gulagstats compare --format csv`` run on the source tree ``src`` (its package and data)."""
    env = dict(os.environ, PYTHONPATH=str(src / "src"))
    env.pop("GULAGSTATS_DATA", None)
    out = subprocess.run(
        [sys.executable, "-m", "gulagstats", "compare", "--format", "csv"],
        cwd=src,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return list(csv.DictReader(io.StringIO(out)))


def base_tree(commit: str, into: Path) -> Path:
    archive = subprocess.run(
        ["git", "archive", "--format=tar", commit], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def verdict_text(row: dict[str, str] | None) -> str:
    if row is None:
        return "(absent)"
    verdict = row["verdict"] or "context"
    factor = row.get("factor") or ""
    high = row.get("factor_high") or ""
    if factor and high and high != factor:
        return f"{verdict} {float(factor):.1f}-{float(high):.1f}"
    return f"{verdict} {float(factor):.1f}" if factor else verdict


def reason(before: dict[str, str] | None, after: dict[str, str]) -> str:
    if before is not None and verdict_text(before) == verdict_text(after):
        return ""
    parts = []
    if after.get("reading"):
        parts.append(after["reading"])
    if after.get("bound"):
        parts.append(
            {
                "floor": "the record documents a floor",
                "ceiling": "bounded above by the enclosing whole years",
                "between": "bounded by the whole years inside and around the period",
            }[after["bound"]]
        )
    if after.get("also_against"):
        parts.append("also against " + after["also_against"])
    if not parts and after.get("factor_high") and after.get("factor") != after.get("factor_high"):
        parts.append(
            "the headline factor is the conservative one (against the benchmark's high end), "
            "the range kept"
        )
    if (
        not parts
        and before is not None
        and before["verdict"] == "consistent"
        and after["verdict"] == "not_contradicted"
    ):
        parts.append("a one-sided claim the record does not contradict")
    if not parts:
        parts.append("data corrected (errata, labels, composition)")
    return "; ".join(parts).replace("|", "/")


def table(before: list[dict[str, str]], after: list[dict[str, str]]) -> str:
    old = {r["id"]: r for r in before}
    lines = [
        "| # | id | quantity | period | before | after | benchmark status | why it changed |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for n, row in enumerate(after):
        was = old.get(row["id"])
        lines.append(
            f"| {n} | {row['id']} | {row['quantity']} | {row['period']} | {verdict_text(was)} | "
            f"{verdict_text(row)} | {row.get('benchmark_status', '')} | {reason(was, row)} |"
        )
    changed = sum(1 for r in after if verdict_text(old.get(r["id"])) != verdict_text(r))
    return "\n".join(lines) + f"\n\n{changed} of {len(after)} rows changed.\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="4cee270")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        before = compare_csv(base_tree(args.base, Path(tmp)))
    after = compare_csv(ROOT)
    text = table(before, after)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
