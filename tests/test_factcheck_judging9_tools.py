"""Round 9 (issue 20): the evaluator exits quietly when its reader stops early (``... | head``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_evaluator_cut_short_by_its_reader_exits_quietly():
    # the reader has gone before the table is printed: the write fails with EPIPE, as under `| head`
    proc = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "tools" / "evaluate_factcheck.py"),
            "--part",
            "dev",
            "--half",
            "1",
            "--language",
            "ru",
            "--details",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=600) == 0, err
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
