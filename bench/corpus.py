#!/usr/bin/env python3
"""Benchmark of ``gulagstats factcheck --corpus``: throughput on 1 and 2 workers and a Dask LocalCluster, and memory.

Run from the repository root with ``gulagstats[archive]`` installed, on a quiet machine:

    python bench/corpus.py                    # the full run: writes the corpus lines of bench/RESULTS.md
    python bench/corpus.py --documents 2000 --memory-gb 0.05 --no-write   # a smoke run

The corpus is generated in a temporary folder (deleted after) as JSON Lines: documents of
mixed length (1 to 40 paragraphs, log-uniform) drawn with a fixed seed from the paragraphs of
the labelled web set's **dev** part (English and Russian; the test part is never read) and of
the seed texts ($GULAGSTATS_SEEDS or ../shared/seeds), shuffled and resampled, so that the
claims are real.  Each run is the command line as a user runs it (a new process: interpreter,
workers, reading, fact-checking, judging, writing the partitions and the summary), timed from
start to end; the peak memory is the largest sum of the resident memory of the command and
every process under it (workers, the LocalCluster's scheduler, nannies and workers), sampled
every 0.2 s.

Targets (issue 24): 2 local workers >= 1.7 x one; peak memory < 500 MB on a 2 GB corpus.  The
machine's load average is printed beside every number; above 0.5 when it starts, the benchmark
refuses (``--force`` runs it anyway and says so in the results): a ratio of throughputs means
nothing when other processes take the cores.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "data" / "factcheck_web" / "dev"
SEEDS = Path(os.environ.get("GULAGSTATS_SEEDS") or ROOT.parent / "shared" / "seeds")
RESULTS = ROOT / "bench" / "RESULTS.md"
START, END = "<!-- corpus:start -->", "<!-- corpus:end -->"
#: The targets of issue 24.
SCALING_TARGET = 1.7
MEMORY_TARGET_MB = 500.0
QUIET_LOAD = 0.5


def paragraphs() -> list[str]:
    """The paragraphs documents are drawn from: the dev texts' and the seed texts' (five words or more)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*/*.txt"))]
    seeds = sorted(SEEDS.glob("00[0-4]_*.txt"))
    if not seeds:
        sys.exit(f"bench/corpus.py: no seed texts in {SEEDS}: set GULAGSTATS_SEEDS")
    texts += [p.read_text(encoding="utf-8") for p in seeds]
    return [p.strip() for t in texts for p in re.split(r"\n\s*\n|\n", t) if len(p.split()) >= 5]


def write_corpus(path: Path, pool: list[str], documents: int | None, size: int | None, seed: int = 24) -> tuple[int, int]:
    """Write documents of 1 to 40 paragraphs until ``documents`` or ``size`` bytes; return (documents, words)."""
    rng = random.Random(seed)
    count = words = written = 0
    with open(path, "w", encoding="utf-8") as handle:
        while (documents is None or count < documents) and (size is None or written < size):
            k = int(math.exp(rng.uniform(0, math.log(40))))
            body = [rng.choice(pool) for _ in range(k)]
            doc = {"id": f"doc-{count:08d}", "text": "\n\n".join(body), "url": f"https://example.org/{count}",
                   "date": date(rng.randint(2000, 2024), rng.randint(1, 12), 1).isoformat()}
            line = json.dumps(doc, ensure_ascii=False) + "\n"
            handle.write(line)
            written += len(line.encode("utf-8"))
            words += sum(len(p.split()) for p in body)
            count += 1
    return count, words


def _tree_rss(pid: int) -> tuple[int, int]:
    """(sum, largest) resident memory of a process and all its descendants, in bytes."""
    import psutil

    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0, 0
    sizes = []
    for p in processes:
        try:
            sizes.append(p.memory_info().rss)
        except psutil.NoSuchProcess:
            continue
    return sum(sizes), max(sizes, default=0)


def timed_run(args: list[str]) -> dict[str, float]:
    """Run the command; its seconds, the peak of its process tree's memory and of one process, the loads."""
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    run = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = largest = 0
    while run.poll() is None:
        total, one = _tree_rss(run.pid)
        peak, largest = max(peak, total), max(largest, one)
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    out, err = run.communicate()
    if run.returncode:
        sys.exit(f"bench/corpus.py: {' '.join(args)} failed:\n{err}")
    return {"seconds": seconds, "peak_mb": peak / 1e6, "largest_mb": largest / 1e6, "load_before": load_before,
            "load_after": os.getloadavg()[0], "summary": out.splitlines()[0]}


def command(corpus: Path, out: Path, *engine: str) -> list[str]:
    return [sys.executable, "-m", "gulagstats", "factcheck", "--corpus", str(corpus), "--out", str(out), "--quiet", *engine]


def row(name: str, run: dict, documents: int, words: int, base: float | None) -> str:
    docs, per_words = documents / run["seconds"], words / run["seconds"]
    ratio = f"{docs / base:.2f}" if base else "1"
    return (f"| {name} | {documents:,} | {words:,} | {run['seconds']:.1f} | {docs:,.0f} | {per_words:,.0f} | {ratio} | "
            f"{run['peak_mb']:.0f} | {run['largest_mb']:.0f} | {run['load_before']:.2f} / {run['load_after']:.2f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20_000, help="documents of the throughput corpus")
    parser.add_argument("--memory-gb", type=float, default=2.0, help="size of the memory corpus (0: no memory run)")
    parser.add_argument("--force", action="store_true", help="run even when the machine is not quiet")
    parser.add_argument("--no-write", action="store_true", help="print only; do not write bench/RESULTS.md")
    args = parser.parse_args()
    load = os.getloadavg()
    machine = f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores"
    print(f"machine: {machine}; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}", file=sys.stderr)
    if load[0] > QUIET_LOAD and not args.force:
        sys.exit(f"bench/corpus.py: the 1-minute load average is {load[0]:.2f} (> {QUIET_LOAD}): other processes "
                 "take the cores and a ratio of throughputs would mean nothing; wait, or --force (noted in the results)")
    pool = paragraphs()
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        documents, words = write_corpus(corpus, pool, args.documents, None)
        size = corpus.stat().st_size
        print(f"corpus: {documents:,} documents, {words:,} words, {size / 1e6:.0f} MB", file=sys.stderr)
        one = timed_run(command(corpus, Path(tmp) / "w1", "--workers", "1"))
        two = timed_run(command(corpus, Path(tmp) / "w2", "--workers", "2"))
        dask = timed_run(command(corpus, Path(tmp) / "dask", "--engine", "dask", "--workers", "2"))
        base = documents / one["seconds"]
        lines += [row("1 local worker", one, documents, words, None), row("2 local workers", two, documents, words, base),
                  row("Dask LocalCluster, 2 workers", dask, documents, words, base)]
        same = all((Path(tmp) / "w1" / f).read_bytes() == (Path(tmp) / o / f).read_bytes()
                   for o in ("w2", "dask") for f in ("summary.csv", "repeated.csv", "corpus.json"))
        corpus.unlink()
        memory = None
        if args.memory_gb > 0:
            big = Path(tmp) / "big.jsonl"
            big_docs, big_words = write_corpus(big, pool, None, int(args.memory_gb * 1e9), seed=25)
            memory = timed_run(command(big, Path(tmp) / "big", "--workers", "2"))
            lines.append(row(f"{big.stat().st_size / 1e9:.2f} GB corpus, 2 local workers", memory, big_docs, big_words, None))
    ratio = (documents / two["seconds"]) / base
    report = results(machine, load, args.force, size, lines, ratio, memory, same, one["summary"])
    print(report)
    if not args.no_write:
        write_results(report)
    return 0


def results(machine: str, load: tuple[float, float, float], forced: bool, size: int, lines: list[str], ratio: float,
            memory: dict | None, same: bool, summary: str) -> str:
    met = "yes" if ratio >= SCALING_TARGET else "**no**"
    peak = "not measured" if memory is None else f"{memory['peak_mb']:.0f} MB"
    memory_met = "-" if memory is None else ("yes" if memory["peak_mb"] < MEMORY_TARGET_MB else "**no**")
    quiet = "**measured under load (--force)**: the ratio is not meaningful" if forced else "quiet when it started"
    return "\n".join([
        START,
        "## Fact-checking an archive (`python bench/corpus.py`, issue 24)",
        "",
        f"Machine: {machine}; {date.today().isoformat()}; load average at the start {load[0]:.2f} {load[1]:.2f} "
        f"{load[2]:.2f} ({quiet}). Corpus: JSON Lines of documents of 1-40 paragraphs drawn from the web set's dev "
        f"part and the seed texts ({size / 1e6:.0f} MB). One run each, the command as a user runs it.",
        "",
        "| run | documents | words | seconds | documents/s | words/s | x one worker | peak memory, all processes (MB) "
        "| largest process (MB) | load before / after |",
        "|---|---|---|---|---|---|---|---|---|---|",
        *lines,
        "",
        f"- 2 local workers: x{ratio:.2f} one worker (target >= {SCALING_TARGET}): {met}.",
        f"- Peak memory on the large corpus, every process of the run together: {peak} (target < "
        f"{MEMORY_TARGET_MB:.0f} MB): {memory_met}.",
        f"- The three engines wrote the same summary, repeated claims and manifest: {'yes' if same else '**no**'}.",
        f"- Output of the one-worker run: {summary}",
        END,
    ])


def write_results(report: str) -> None:
    text = RESULTS.read_text(encoding="utf-8")
    if START in text:
        text = text[: text.index(START)] + report + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + report + "\n"
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
