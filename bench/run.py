#!/usr/bin/env python3
"""Benchmarks of gulagstats, each as a ratio to a baseline measured in the same run.

Run from the repository root with gulagstats installed:

    python bench/run.py            # writes bench/RESULTS.md and prints it
    python bench/run.py --quick    # fewer repetitions (a smoke run)

Every figure is the median of several runs on this machine, measured with
public tools: ``time.perf_counter`` around a subprocess (interpreter start
included) or around an in-process call (``timeit``-style), ``python -X
importtime`` for the import breakdown, and ``/usr/bin/time -v`` (when present)
for the peak memory of the report.  The baselines are measured in the same
run, so the ratios, not the seconds, are what carry from one machine to another.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
ENV = {**os.environ, "MPLBACKEND": "Agg"}
ENV.pop("GULAGSTATS_DATA", None)


def run_seconds(args: list[str], repeat: int, cwd: Path | None = None) -> float:
    """Median wall time of a subprocess, interpreter start included."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, cwd=cwd, env=ENV, timeout=900)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def py(code: str) -> list[str]:
    return [PY, "-c", code]


def import_breakdown() -> str:
    """The top-level cumulative import times (microseconds) of `import gulagstats` by -X importtime."""
    result = subprocess.run(
        [PY, "-X", "importtime", "-c", "import gulagstats"], capture_output=True, text=True, env=ENV, check=True
    )
    rows = [line.split("|") for line in result.stderr.splitlines() if "|" in line and "cumulative" not in line]
    top = [(int(c.strip()), name.strip()) for _, c, name in rows if not name.startswith("  ")]
    return ", ".join(f"{name} {us / 1000:.1f} ms" for us, name in sorted(top, reverse=True)[:4])


def write_claims(path: Path, n: int) -> None:
    """A file of n claims of the kinds people make: distinct values, five quantities, some bad rows."""
    rng = random.Random(1993)
    quantities = ["executions", "arrests", "camp_population", "custodial_population", "camp_deaths"]
    periods = ["1937-1938", "1937/1938", "1939-01-01", "1934-1953", ""]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "quantity", "value", "period", "who"])
        for i in range(n):
            value = str(rng.randint(10_000, 30_000_000))  # mostly distinct numbers, as in real files
            if i % 97 == 0:
                value = rng.choice(["-5", "many", "nan"])
            writer.writerow([f"c{i}", rng.choice(quantities), value, rng.choice(periods), "bench"])


def peak_rss_mb(args: list[str], cwd: Path) -> float | None:
    time_bin = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    if not time_bin:
        return None
    result = subprocess.run([time_bin, "-v", *args], capture_output=True, text=True, cwd=cwd, env=ENV)
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    return int(match.group(1)) / 1024 if match else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args()
    repeat = 3 if args.quick else 7
    rows = []

    def record(name, ours, base, baseline, target, note=""):
        ratio = ours / base
        met = "-" if target is None else ("yes" if ratio <= target else "**no**")
        rows.append((name, ours, base, baseline, ratio, "-" if target is None else f"<= {target}", met, note))
        print(f"{name}: {ours:.3f} s vs {base:.3f} s -> x{ratio:.2f} (target {rows[-1][5]})", flush=True)

    # 1. import time
    base = run_seconds(py("import pandas, pydantic"), repeat)
    ours = run_seconds(py("import gulagstats"), repeat)
    record("import gulagstats", ours, base, "`import pandas, pydantic`", 1.2, f"lazy package; -X importtime: {import_breakdown()}")
    ours = run_seconds(py("import gulagstats; gulagstats.load('appendix')"), repeat)
    record("import + first load", ours, base, "`import pandas, pydantic`", None, "the cost of the first use (no target)")

    # 2. loading every table (in process, repeated): a fresh Record each time, over a copy of data/ whose
    #    table files get a new mtime each time, so that every sha256 is computed again (no private cache touched)
    code = (
        "import os, shutil, tempfile, time, statistics, pandas as pd\n"
        "from gulagstats.store import data_dir\n"
        "copy = os.path.join(tempfile.mkdtemp(), 'data')\n"
        "shutil.copytree(data_dir(), copy)\n"
        "os.environ['GULAGSTATS_DATA'] = copy\n"
        "import gulagstats\n"
        "from gulagstats import store\n"
        "ids = list(gulagstats.tables()['id'])\n"
        "paths = [store.data_dir() / store.resources()[i]['path'] for i in ids]\n"
        "def touch():\n"
        "    for p in paths:\n"
        "        st = p.stat(); os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns + 1000))\n"
        "def ours():\n"
        "    touch()  # a new mtime: the sha256 of every file is computed again, as in a new process\n"
        "    record = gulagstats.Record()\n"
        "    for i in ids: record.load(i)\n"
        "def base():\n"
        "    for p in paths: pd.read_csv(p)\n"
        "def t(f):\n"
        "    out = []\n"
        f"    for _ in range({repeat * 3}):\n"
        "        s = time.perf_counter(); f(); out.append(time.perf_counter() - s)\n"
        "    return statistics.median(out)\n"
        "ours(); base()\n"
        "print(t(ours), t(base), len(ids))\n"
        "shutil.rmtree(os.path.dirname(copy))\n"
    )
    out = subprocess.run(py(code), capture_output=True, text=True, env=ENV, check=True).stdout.split()
    record(f"load all {out[2]} tables", float(out[0]), float(out[1]), "`pandas.read_csv` of the same files", None,
           "cold: a new Record each time: sha256 check, schema typing, period dates")

    # 3. gulagstats check (a process) against the interpreter start with pandas and pydantic
    base = run_seconds(py("import pandas, pydantic"), repeat)
    ours = run_seconds([PY, "-m", "gulagstats", "check"], repeat)
    record("gulagstats check", ours, base, "`python -c 'import pandas, pydantic'`", 1.5)

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # 4. assessing 100,000 claims
        claims = work / "claims.csv"
        write_claims(claims, 100_000)
        code = (
            "import time, statistics, sys, pandas as pd, gulagstats\n"
            "from gulagstats import assess_claims\n"
            "p = sys.argv[1]\n"
            "def t(f):\n"
            "    out = []\n"
            f"    for _ in range({repeat}):\n"
            "        s = time.perf_counter(); f(); out.append(time.perf_counter() - s)\n"
            "    return statistics.median(out)\n"
            "assess_claims(p)\n"
            "print(t(lambda: assess_claims(p)), t(lambda: pd.read_csv(p)))\n"
        )
        out = subprocess.run([PY, "-c", code, str(claims)], capture_output=True, text=True, env=ENV, check=True)
        ours, base = map(float, out.stdout.split())
        record("assess 100,000 claims (in process)", ours, base, "`pandas.read_csv` of the same file", 5.0)
        ours = run_seconds([PY, "-m", "gulagstats", "assess", "--file", str(claims)], max(1, repeat // 2), cwd=work)
        base = run_seconds(py(f"import pandas; pandas.read_csv({str(claims)!r})"), max(1, repeat // 2))
        record("gulagstats assess --file (process)", ours, base, "a process that runs `pandas.read_csv`", 5.0)

        # 5. the report against matplotlib saving as many trivial figures
        report_dir = work / "report"
        ours = run_seconds([PY, "-m", "gulagstats", "report", "--out", str(report_dir)], max(1, repeat // 2), cwd=work)
        pngs = sorted((report_dir / "figures").glob("*.png"))
        code = (
            "import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt, sys\n"
            f"for i in range({len(pngs)}):\n"
            "    fig, ax = plt.subplots(); ax.plot([0, 1], [0, 1]); fig.savefig(f'{sys.argv[1]}/t{i}.png'); plt.close(fig)\n"
        )
        base = run_seconds([PY, "-c", code, str(work)], max(1, repeat // 2))
        rss = peak_rss_mb([PY, "-m", "gulagstats", "report", "--out", str(work / "r2")], work)
        record(f"gulagstats report ({len(pngs)} figures)", ours, base,
               f"import matplotlib, save {len(pngs)} trivial PNGs", 2.0,
               f"peak memory {rss:.0f} MB" if rss else "")

    machine = (
        f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores; "
        f"{time.strftime('%Y-%m-%d')}; {'quick' if args.quick else 'full'} run, median of {repeat} runs "
        "(subprocess runs of the report and of assess --file: median of fewer)"
    )
    lines = [
        "# Benchmarks",
        "",
        "Measured by `python bench/run.py` on this machine; every ratio is against a baseline measured in the same run.",
        "",
        f"Machine: {machine}.",
        "",
        "| measure | gulagstats (s) | baseline (s) | baseline | ratio | target | met | note |",
        "|---|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {n} | {o:.3f} | {b:.3f} | {bl} | {r:.2f} | {t} | {m} | {note} |" for n, o, b, bl, r, t, m, note in rows
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
