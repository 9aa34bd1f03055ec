#!/usr/bin/env python3
"""The report against its baseline, before and after, measured in one run.

    python bench/report.py                      # this checkout only
    python bench/report.py --before /tmp/old    # also another checkout's src/ and data/
                                                # (for instance from git archive)

Each figure is the median of ``--repeat`` subprocess runs (interpreter start
included), in wall seconds and in CPU seconds (user + system of the process and
the workers it waited for: steadier than wall time on a shared machine). The
baseline is the one of ``bench/run.py``: import matplotlib and save as many
trivial PNGs as the report draws. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PY = sys.executable
ENV = {**os.environ, "MPLBACKEND": "Agg"}
ENV.pop("GULAGSTATS_DATA", None)


def measure(args: list[str], repeat: int, env: dict[str, str]) -> tuple[float, float]:
    """Median wall seconds and median CPU seconds (children included) of ``repeat`` runs."""
    wall, cpu = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, env=env)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(wall), statistics.median(cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--before", type=Path, help="root of another checkout (its src/ goes first)"
    )
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gulagstats-bench-report-"))
    runs = [
        (
            "this checkout, figures in worker processes",
            work / "now",
            [PY, "-m", "gulagstats", "report", "--out", str(work / "now")],
            ENV,
        ),
        (
            "this checkout, figures in the main process (workers=1)",
            work / "serial",
            [
                PY,
                "-c",
                "import gulagstats.report as r; "
                f"r.build_report({str(work / 'serial')!r}, workers=1)",
            ],
            ENV,
        ),
    ]
    if args.before:
        runs.append(
            (
                f"before ({args.before})",
                work / "before",
                [PY, "-m", "gulagstats", "report", "--out", str(work / "before")],
                {**ENV, "PYTHONPATH": str(args.before / "src")},
            )
        )
    results = [(name, out, *measure(cmd, args.repeat, env)) for name, out, cmd, env in runs]
    pngs = len(list((work / "now" / "figures").glob("*.png")))
    code = (
        "import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt, sys\n"
        f"for i in range({pngs}):\n"
        "    fig, ax = plt.subplots(); ax.plot([0, 1], [0, 1])\n"
        "    fig.savefig(f'{sys.argv[1]}/t{i}.png'); plt.close(fig)\n"
    )
    base_wall, base_cpu = measure([PY, "-c", code, str(work)], args.repeat, ENV)
    print(
        f"baseline: import matplotlib, save {pngs} trivial PNGs: {base_wall:.2f} s wall, "
        f"{base_cpu:.2f} s CPU (median of {args.repeat})"
    )
    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at the end\n")
    print("| report | wall s | wall ratio | CPU s | CPU ratio | report.html |")
    print("|---|---|---|---|---|---|")
    for name, out, wall, cpu in results:
        size = (out / "report.html").stat().st_size / 1e6
        print(
            f"| {name} | {wall:.2f} | {wall / base_wall:.2f} | {cpu:.2f} | {cpu / base_cpu:.2f} "
            f"| {size:.2f} MB |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
