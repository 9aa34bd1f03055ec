"""Screenshots of the report for the README: the top of report.html at 1,400 and 400 px.

Run from the repository root with the venv active (headless Chromium needed, as for the
page tests): ``python tools/report_screenshots.py`` builds the report in a temporary
directory and writes ``docs/report_1400px.png`` and ``docs/report_400px.png``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import Chromium, browser
from gulagstats import build_report

#: (width, height) of each screenshot in CSS pixels: the first screens a reader sees.
SHOTS = {1400: 1700, 400: 2000}


def main() -> int:
    executable = browser()
    if executable is None:
        raise SystemExit("no headless Chromium found (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as out:
        page = build_report(out).html.as_uri()
        with Chromium(executable) as chromium:
            for width, height in SHOTS.items():
                chromium.open(page, width)
                chromium.screenshot(ROOT / "docs" / f"report_{width}px.png", height)
                print(f"wrote docs/report_{width}px.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
