#!/usr/bin/env python3
"""Benchmark of ``gulagstats factcheck --corpus``: throughput on 1 and 2 workers and a Dask LocalCluster, and memory.

Run from the repository root with ``gulagstats[archive]`` installed, on a quiet machine:

    python bench/corpus.py                    # the full run: writes the corpus lines of bench/RESULTS.md
    python bench/corpus.py --documents 300 --memory-gb 0.002 0.008 --no-write --force   # a smoke run
    python bench/corpus.py --memory-gb 0.2 2  # the memory bound on the issue's 2 GB corpus (hours: see below)

The corpus is generated in a temporary folder (deleted after) as JSON Lines: documents of
mixed length (1 to 40 paragraphs, log-uniform) drawn with a fixed seed from the paragraphs of
the labelled web set's **dev** part (English and Russian; the test part is never read) and of
the seed texts ($GULAGSTATS_SEEDS or ../shared/seeds), shuffled and resampled, so that the
claims are real.  Each run is the command line as a user runs it (a new process: interpreter,
workers, reading, fact-checking, judging, writing the partitions and the summary), timed from
start to end; the peak memory is the largest sum of the resident memory of the command and
every process under it (workers, the LocalCluster's scheduler, nannies and workers), sampled
every 0.2 s.

Memory is measured on corpora of two or more sizes (``--memory-gb``, 0.1 and 0.4 GB by default),
each on 2 local workers: a bound by the batch shows as a peak that stays flat while the corpus
grows, without the hours a 2 GB corpus takes (the fact-checker reads some 40,000 words a second
a core: a 2 GB corpus, about 300 million words, is one to two hours on two quiet cores; the
benchmark prints its estimate from the throughput it measured).  psutil, which samples the
memory, comes with the ``[archive]`` extra (Dask distributed requires it).

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


def row(name: str, run: dict, documents: int, words: int, size: int, base: float | None) -> str:
    """A line of the table; ``base``: the documents a second of one worker (None: no ratio)."""
    docs, per_words = documents / run["seconds"], words / run["seconds"]
    ratio = f"{docs / base:.2f}" if base else "-"
    return (f"| {name} | {documents:,} | {words:,} | {size / 1e6:,.1f} | {run['seconds']:.1f} | {docs:,.0f} | "
            f"{per_words:,.0f} | {ratio} | {run['peak_mb']:.0f} | {run['largest_mb']:.0f} | "
            f"{run['load_before']:.2f} / {run['load_after']:.2f} |")


def main() -> int:
    args = arguments()
    load = os.getloadavg()
    machine = f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores"
    print(f"machine: {machine}; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}", file=sys.stderr)
    if load[0] > QUIET_LOAD and not args.force:
        sys.exit(f"bench/corpus.py: the 1-minute load average is {load[0]:.2f} (> {QUIET_LOAD}): other processes "
                 "take the cores and a ratio of throughputs would mean nothing; wait, or --force (noted in the results)")
    if load[0] > QUIET_LOAD:
        print(f"bench/corpus.py: WARNING: load average {load[0]:.2f} > {QUIET_LOAD}: the numbers are not meaningful",
              file=sys.stderr)
    pool = paragraphs()
    with tempfile.TemporaryDirectory() as tmp:
        throughput = throughput_runs(Path(tmp), pool, args.documents)
        memory = [memory_run(Path(tmp), pool, gb, seed=25 + n) for n, gb in enumerate(sorted(args.memory_gb))]
    report = results(machine, load, args.force, throughput, memory)
    print(report)
    if not args.no_write:
        write_results(report)
    return 0


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20_000, help="documents of the throughput corpus")
    parser.add_argument("--memory-gb", type=float, nargs="*", default=[0.1, 0.4],
                        help="sizes of the memory corpora in GB (none: no memory run)")
    parser.add_argument("--force", action="store_true", help="run even when the machine is not quiet")
    parser.add_argument("--no-write", action="store_true", help="print only; do not write bench/RESULTS.md")
    args = parser.parse_args()
    if args.documents < 1 or any(gb <= 0 for gb in args.memory_gb):
        parser.error("--documents and --memory-gb: expected positive numbers")
    return args


def throughput_runs(tmp: Path, pool: list[str], documents: int) -> dict:
    """The same corpus on 1 and 2 local workers and a LocalCluster of 2: the runs, and whether they agree."""
    corpus = tmp / "corpus.jsonl"
    documents, words = write_corpus(corpus, pool, documents, None)
    size = corpus.stat().st_size
    print(f"corpus: {documents:,} documents, {words:,} words, {size / 1e6:.1f} MB", file=sys.stderr)
    one = timed_run(command(corpus, tmp / "w1", "--workers", "1"))
    two = timed_run(command(corpus, tmp / "w2", "--workers", "2"))
    dask = timed_run(command(corpus, tmp / "dask", "--engine", "dask", "--workers", "2"))
    same = all((tmp / "w1" / f).read_bytes() == (tmp / o / f).read_bytes()
               for o in ("w2", "dask") for f in ("summary.csv", "repeated.csv", "corpus.json"))
    corpus.unlink()
    base = documents / one["seconds"]
    return {
        "documents": documents, "words": words, "bytes": size, "same": same, "summary": one["summary"],
        "ratio": (documents / two["seconds"]) / base, "bytes_per_second": size / two["seconds"],
        "rows": [row("1 local worker", one, documents, words, size, base),
                 row("2 local workers", two, documents, words, size, base),
                 row("Dask LocalCluster, 2 workers", dask, documents, words, size, base)],
    }


def memory_run(tmp: Path, pool: list[str], gb: float, seed: int) -> dict:
    """A corpus of ``gb`` GB on 2 local workers (deleted after): its run, with its size and row."""
    big = tmp / "big.jsonl"
    docs, words = write_corpus(big, pool, None, int(gb * 1e9), seed=seed)
    size = big.stat().st_size
    print(f"memory corpus: {docs:,} documents, {size / 1e6:.1f} MB", file=sys.stderr)
    run = timed_run(command(big, tmp / f"big-{seed}", "--workers", "2"))
    big.unlink()
    return run | {"bytes": size, "row": row(f"{size / 1e9:.3f} GB corpus, 2 local workers", run, docs, words, size, None)}


def results(machine: str, load: tuple[float, float, float], forced: bool, throughput: dict, memory: list[dict]) -> str:
    ratio = throughput["ratio"]
    met = "yes" if ratio >= SCALING_TARGET else "**no**"
    quiet = "**measured under load (--force)**: the ratios are not meaningful" if forced else "quiet when it started"
    hours_2gb = 2e9 / throughput["bytes_per_second"] / 3600
    return "\n".join([
        START,
        "## Fact-checking an archive (`python bench/corpus.py`, issue 24)",
        "",
        f"Machine: {machine}; {date.today().isoformat()}; load average at the start {load[0]:.2f} {load[1]:.2f} "
        f"{load[2]:.2f} ({quiet}). Corpora: JSON Lines of documents of 1-40 paragraphs drawn from the web set's dev "
        "part and the seed texts. One run each, the command as a user runs it.",
        "",
        "| run | documents | words | MB | seconds | documents/s | words/s | x one worker | peak memory, all processes (MB) "
        "| largest process (MB) | load before / after |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
        *throughput["rows"],
        *[m["row"] for m in memory],
        "",
        f"- 2 local workers: x{ratio:.2f} one worker (target >= {SCALING_TARGET}): {met}.",
        *memory_lines(memory),
        f"- At the 2 workers' measured rate ({throughput['bytes_per_second'] / 1e6:.2f} MB/s), a 2 GB corpus would "
        f"take {hours_2gb:.1f} hours.",
        f"- The three engines wrote the same summary, repeated claims and manifest: "
        f"{'yes' if throughput['same'] else '**no**'}.",
        f"- Output of the one-worker run: {throughput['summary']}",
        END,
    ])


def memory_lines(memory: list[dict]) -> list[str]:
    """What the memory runs show: the peak at each size, whether it stays flat, the 2 GB target if measured."""
    if not memory:
        return ["- Memory: not measured (--memory-gb with no size)."]
    peaks = ", ".join(f"{m['peak_mb']:.0f} MB at {m['bytes'] / 1e9:.3f} GB" for m in memory)
    lines = [f"- Peak memory of every process of the run together: {peaks}."]
    if len(memory) > 1:
        growth = memory[-1]["peak_mb"] / memory[0]["peak_mb"]
        corpus = memory[-1]["bytes"] / memory[0]["bytes"]
        flat = "flat (bounded by the batch)" if growth < 1.15 else "**growing with the corpus**"
        lines.append(f"- Corpus x{corpus:.1f}, peak memory x{growth:.2f}: {flat}.")
    largest = memory[-1]
    if largest["bytes"] >= 1.9e9:
        met = "yes" if largest["peak_mb"] < MEMORY_TARGET_MB else "**no**"
        lines.append(f"- On the 2 GB corpus: {largest['peak_mb']:.0f} MB (target < {MEMORY_TARGET_MB:.0f} MB): {met}.")
    else:
        lines.append(f"- The 2 GB corpus of the target (< {MEMORY_TARGET_MB:.0f} MB) was not run: "
                     "`--memory-gb 0.2 2` runs it.")
    return lines


def write_results(report: str) -> None:
    text = RESULTS.read_text(encoding="utf-8")
    if START in text:
        text = text[: text.index(START)] + report + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + report + "\n"
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
