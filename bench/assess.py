#!/usr/bin/env python3
"""Time (and optionally profile) assessing bench/run.py's 100,000 claims, against pandas.read_csv.

    python bench/assess.py              # in process: assess_claims and read_csv, median of 7 each
    python bench/assess.py --profile    # and the 25 costliest functions by cProfile (cumulative)
    python bench/assess.py --process    # also `gulagstats assess --file` and a read_csv process

The claims file is the one bench/run.py writes (section 4), so the numbers are
those of its "assess 100,000 claims" rows; the baselines run in the same process
(or as a process) in the same conditions, so the ratios, not the seconds, carry.
To time another checkout, run this file with that checkout's ``src`` first on
``PYTHONPATH``: the script prints which gulagstats it imported.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import PY, run_seconds, write_claims


def median_seconds(f: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``f()`` over ``repeat`` calls (after one warm-up call)."""
    f()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        f()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000, help="how many claims (100,000)")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one run")
    parser.add_argument("--process", action="store_true", help="also time the CLI as a process")
    args = parser.parse_args()

    import gulagstats
    from gulagstats import assess_claims

    print(f"gulagstats from {Path(gulagstats.__file__).parent}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "claims.csv"
        write_claims(path, args.claims)
        ours = median_seconds(lambda: assess_claims(str(path)), args.repeat)
        base = median_seconds(lambda: pd.read_csv(path), args.repeat)
        print(
            f"assess {args.claims:,} claims (in process): {ours:.3f} s; pandas.read_csv {base:.4f} s;"
            f" ratio {ours / base:.1f}"
        )
        if args.process:
            n = max(1, args.repeat // 2)
            cli = [PY, "-m", "gulagstats", "assess", "--file", str(path)]
            ours = run_seconds(cli, n, cwd=Path(tmp))
            base = run_seconds([PY, "-c", f"import pandas; pandas.read_csv({str(path)!r})"], n)
            print(f"gulagstats assess --file (process): {ours:.3f} s; read_csv process {base:.3f} s;"
                  f" ratio {ours / base:.2f}")
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(assess_claims, str(path))
            pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
