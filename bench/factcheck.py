#!/usr/bin/env python3
"""Benchmark of ``gulagstats factcheck``: at least 50 articles of 5,000 words a minute on one core.

Run from the repository root with gulagstats installed:

    python bench/factcheck.py             # writes bench/FACTCHECK.md and prints it
    python bench/factcheck.py --articles 10   # a smoke run

The articles are generated in a temporary directory from the seed texts
(``$GULAGSTATS_SEEDS or ../shared/seeds``): paragraphs drawn at random (fixed seed) until each
article has 5,000 words, so they hold the seeds' mix of claims and prose.  The
command runs once as a subprocess (interpreter start, reading, extraction,
verdicts, the CSVs and the annotated page included), beside a baseline measured
in the same run: a process that imports pandas and reads the same files.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The seed texts are not in the repository (copyright): $GULAGSTATS_SEEDS or ../shared/seeds.
SEEDS = sorted(
    Path(os.environ.get("GULAGSTATS_SEEDS") or ROOT.parent / "shared" / "seeds").glob("00[0-4]_*.txt")
)
#: The target (issue 20): 50 articles of 5,000 words a minute, so 100 articles in 120 s.
TARGET_PER_MINUTE = 50.0


def make_articles(folder: Path, count: int, words: int, seed: int = 15) -> int:
    """Write ``count`` articles of about ``words`` words; return the number of words written."""
    rng = random.Random(seed)
    paragraphs = [
        p for s in SEEDS for p in s.read_text(encoding="utf-8").split("\n") if len(p.split()) >= 5
    ]
    total = 0
    for n in range(count):
        out, size = [], 0
        while size < words:
            p = rng.choice(paragraphs)
            out.append(p)
            size += len(p.split())
        (folder / f"article_{n:03d}.txt").write_text("\n\n".join(out) + "\n", encoding="utf-8")
        total += size
    return total


def timed(args: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument(
        "--no-write", action="store_true", help="print only, do not write bench/FACTCHECK.md"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        words = make_articles(folder, args.articles, args.words)
        files = sorted(str(p) for p in folder.glob("*.txt"))
        base, _ = timed(
            [
                sys.executable,
                "-c",
                "import sys, pandas\nfor f in sys.argv[1:]: open(f, encoding='utf-8').read()",
                *files,
            ]
        )
        seconds, out = timed(
            [
                sys.executable,
                "-m",
                "gulagstats",
                "factcheck",
                *files,
                "--out",
                str(Path(tmp) / "out"),
            ]
        )
        sizes = {p.name: p.stat().st_size for p in (Path(tmp) / "out").iterdir()}
    summary = out.splitlines()[0] if out else ""
    per_minute = args.articles / seconds * 60
    met = "yes" if per_minute >= TARGET_PER_MINUTE else "**no**"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    report = "\n".join(
        [
            "# Benchmark: gulagstats factcheck",
            "",
            "Measured by `python bench/factcheck.py` (one run; the baseline in the same run).",
            "",
            f"Machine: {platform.platform()}, Python {platform.python_version()}, "
            f"{os.cpu_count()} cores.",
            "",
            f"Load average when it started: {load:.1f} (other engineers' processes share the 2 cores).",
            "",
            "| measure | seconds | articles a minute | baseline (s) | baseline | ratio | target | met |",
            "|---|---|---|---|---|---|---|---|",
            f"| factcheck {args.articles} articles, {words:,} words | {seconds:.1f} | {per_minute:.0f} | {base:.2f} | "
            "a process that imports pandas and reads the files | "
            f"{seconds / base:.1f} | >= {TARGET_PER_MINUTE:.0f} a minute | {met} |",
            "",
            f"Output of the run: {summary}",
            "",
            "Files written: "
            + ", ".join(f"{k} ({v / 1e6:.1f} MB)" for k, v in sorted(sizes.items())),
            "",
        ]
    )
    print(report)
    if not args.no_write:
        (ROOT / "bench" / "FACTCHECK.md").write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
