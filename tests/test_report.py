"""The main job: the report holds every section and figure, in HTML and in Markdown."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import gulagstats
from gulagstats.report import build_report

from .conftest import run_subprocess

SECTIONS = [
    "Coverage of the tables",
    "Consistency checks",
    "Estimates against the archival record",
    "Figures",
    "Values still unconfirmed or missing",
    "Sources",
]
FIGURES = ["figure_a", "figure_b", "figure_c", "figure_d"]


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.h2, self.images, self.tables, self._in_h2, self.external = [], [], 0, False, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h2":
            self._in_h2 = True
            self.h2.append("")
        if tag == "img":
            self.images.append(attrs)
        if tag == "table":
            self.tables += 1
        for name in ("src", "href"):
            if attrs.get(name, "").startswith(("http://", "https://", "//")) and tag in ("img", "script", "link"):
                self.external.append(attrs[name])

    def handle_endtag(self, tag):
        if tag == "h2":
            self._in_h2 = False

    def handle_data(self, data):
        if self._in_h2:
            self.h2[-1] += data


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    lines: list[str] = []
    result = build_report(out, progress=lines.append)
    return out, result, lines


def test_html_has_every_section_and_figure_embedded(report):
    out, result, _ = report
    page = Page()
    page.feed(result.html.read_text(encoding="utf-8"))
    for title in SECTIONS:
        assert title in page.h2
    alts = [img["alt"] for img in page.images]
    for name in FIGURES:
        assert name in alts
    assert len(page.images) == sum(p.suffix == ".png" for p in result.figures) >= 8
    assert all(img["src"].startswith("data:image/png;base64,") for img in page.images)
    assert page.external == []  # self-contained: nothing to fetch
    assert page.tables >= 6


def test_markdown_twin_says_the_same(report):
    out, result, _ = report
    text = result.markdown.read_text(encoding="utf-8")
    for title in SECTIONS:
        assert f"## {title}" in text
    for link in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text):
        assert (out / link).is_file(), link
    assert len(re.findall(r"!\[", text)) == sum(p.suffix == ".png" for p in result.figures)


def test_report_numbers_come_from_the_data(report):
    out, result, lines = report
    cov = gulagstats.coverage().set_index("table").loc["all tables"]
    assert (result.cells, result.cells_known) == (cov["cells"], cov["known"])
    assert result.checks["total"] == len(gulagstats.check())
    from gulagstats.estimates.scope import tally

    compared = gulagstats.compare()
    assert result.estimates == tally(compared)  # one claim once, context rows not scored
    assert sum(result.estimates.values()) == compared[compared.role != "context"].group.nunique()
    html = result.html.read_text(encoding="utf-8")
    assert "175,487" in html and "1,053,829" in html  # findings shown with their numbers
    assert len(lines) >= 5  # one progress line per step


def test_cli_report_prints_progress_and_summary(tmp_path):
    result = run_subprocess("report", "--out", str(tmp_path / "r"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n- ") >= 4 and "checks:" in result.stdout and "cells:" in result.stdout
    assert (tmp_path / "r" / "report.html").is_file() and (tmp_path / "r" / "report.md").is_file()


def test_report_with_overlay_marks_user_values(tmp_path):
    t = gulagstats.template("appendix")
    t.loc[(t.period == "1934-01-01") & (t.population == "prisons"), "value"] = "111111"
    overlay = tmp_path / "o.csv"
    t.to_csv(overlay, index=False)
    result = build_report(tmp_path / "r", overlay=overlay)
    assert result.cells_known == gulagstats.coverage().set_index("table").loc["all tables", "known"] + 1
    assert "o.csv" in result.html.read_text(encoding="utf-8")


def browser() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(browser() is None, reason="headless Chromium is not installed (CI installs it: see .ci/run)")
def test_headless_chromium_renders_the_report(report, tmp_path):
    _, result, _ = report
    shot = tmp_path / "shot.png"
    run = subprocess.run(
        [
            browser(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,2000",
            f"--screenshot={shot}", Path(result.html).as_uri(),
        ],
        capture_output=True, text=True, timeout=180,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert shot.is_file() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
