#!/usr/bin/env python3
"""The report against its baseline, before and after, measured in one run.

    python bench/report.py                      # this checkout only
    python bench/report.py --before /tmp/old    # also another checkout's src/ and data/
                                                # (for instance from git archive)

Each figure is the median of ``--repeat`` subprocess runs (interpreter start
included).  The baseline is the one of ``bench/run.py``: import matplotlib and
save as many trivial PNGs as the report draws.  Prints a Markdown table of the
seconds, the ratios to the baseline, and the page's size.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PY = sys.executable
ENV = {**os.environ, "MPLBACKEND": "Agg"}
ENV.pop("GULAGSTATS_DATA", None)


def seconds(args: list[str], repeat: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--before", type=Path, help="root of another checkout (its src/ is put first on the path)"
    )
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gulagstats-bench-report-"))
    rows = []
    out = work / "now"
    now = seconds([PY, "-m", "gulagstats", "report", "--out", str(out)], args.repeat, ENV)
    pngs = sorted((out / "figures").glob("*.png"))
    code = (
        "import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt, sys\n"
        f"for i in range({len(pngs)}):\n"
        "    fig, ax = plt.subplots(); ax.plot([0, 1], [0, 1])\n"
        "    fig.savefig(f'{sys.argv[1]}/t{i}.png'); plt.close(fig)\n"
    )
    base = seconds([PY, "-c", code, str(work)], args.repeat, ENV)
    serial = seconds(
        [
            PY,
            "-c",
            f"import gulagstats.report as r; r.build_report({str(work / 'serial')!r}, workers=1)",
        ],
        args.repeat,
        ENV,
    )
    rows.append(
        ("this checkout, figures in worker processes", now, (out / "report.html").stat().st_size)
    )
    rows.append(
        (
            "this checkout, figures drawn in the main process (workers=1)",
            serial,
            (work / "serial" / "report.html").stat().st_size,
        )
    )
    if args.before:
        env = {**ENV, "PYTHONPATH": str(args.before / "src")}
        before = seconds(
            [PY, "-m", "gulagstats", "report", "--out", str(work / "before")], args.repeat, env
        )
        rows.append(
            (f"before ({args.before})", before, (work / "before" / "report.html").stat().st_size)
        )
    print(
        f"baseline: import matplotlib, save {len(pngs)} trivial PNGs: {base:.2f} s "
        f"(median of {args.repeat})"
    )
    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at the end\n")
    print("| report | seconds | ratio to baseline | report.html |")
    print("|---|---|---|---|")
    for name, secs, size in rows:
        print(f"| {name} | {secs:.2f} | {secs / base:.2f} | {size / 1e6:.2f} MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
