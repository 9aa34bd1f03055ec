#!/usr/bin/env python3
"""The counts the README and the docs state, computed from the data (a stale count fails a test).

A count in a page is written between markers, inline::

    <!--count:estimates-->93<!--/count-->

or, for a block such as a terminal session, around the fenced block::

    <!--counts:check-families-->
    ```
    == prose: 221 checks: ...
    ```
    <!--/counts-->

``python tools/counts.py`` lists the stale ones; ``--write`` rewrites them.
``tests/test_docs_counts.py`` fails when a page holds a count that is not
the one computed now, or a marker of a count this module does not know.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

import gulagstats
from gulagstats.checks.grade import findings, findings_text
from gulagstats.checks.text import summary_line
from gulagstats.core.results import FAMILIES
from gulagstats.estimates.tally import tally
from gulagstats.figures.export import FIGURES
from gulagstats.vocabulary import NOT_COMPARABLE, OVERSTATES
from verdicts_before_after import review_tables

ROOT = Path(__file__).resolve().parents[1]
#: The pages whose counts are computed.
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
INLINE = re.compile(r"<!--count:(?P<name>[\w-]+)-->(?P<value>.*?)<!--/count-->")
BLOCK = re.compile(r"<!--counts:(?P<name>[\w-]+)-->\n(?P<value>.*?)<!--/counts-->", re.S)


@cache
def _checks() -> list[gulagstats.CheckResult]:
    return gulagstats.check_results()


@cache
def _compared() -> object:
    return gulagstats.compare()


def _coverage_row(table: str) -> str:
    row = gulagstats.coverage().set_index("table").loc[table]
    return f"{int(row['known'])} of {int(row['cells'])}"


def _family_block() -> str:
    lines = [findings_text(_checks())[0]]
    for family in FAMILIES:
        mine = [r for r in _checks() if r.family == family]
        lines.append(f"== {family}: {summary_line(gulagstats.summary(mine))}")
    return "```\n$ gulagstats check | grep \"^==\"\n" + "\n".join(lines) + "\n```\n"


def _estimate_counts() -> dict[str, int]:
    frame = _compared()
    verdicts = frame["verdict"].fillna("")  # type: ignore[index]
    return {
        "total": len(frame),  # type: ignore[arg-type]
        "compared": int(((verdicts != NOT_COMPARABLE) & (verdicts != "")).sum()),
        "not-comparable": int((verdicts == NOT_COMPARABLE).sum()),
        "context": int((verdicts == "").sum()),
    } | {v: int((verdicts == v).sum())
         for v in ("consistent", "overstates", "understates", "not_contradicted", "depends_on_reading")}


def _factors() -> list[float]:
    frame = _compared()
    return [float(f) for f in frame.loc[frame["verdict"] == OVERSTATES, "factor"].dropna()]  # type: ignore[index]


def _report_session() -> str:
    """What ``gulagstats report`` prints (its time blanked to the one of the page it replaces)."""
    cov = gulagstats.coverage().set_index("table").iloc[-1]
    estimates = tally(_compared())  # type: ignore[arg-type]
    said = ", ".join(f"{n} {v.replace('_', ' ')}" for v, n in sorted(estimates.items()))
    figures = len(FIGURES)
    steps = "\n".join(f"- {step}" for step in REPORT_STEPS)
    drawn = f"- figures: figure_a drawn (1 of {figures})\n  ...\n- figures: estimates drawn ({figures} of {figures})"
    return (
        f"```\n$ gulagstats report\n{steps[: steps.rindex(chr(10))]}\n{drawn}\n{steps[steps.rindex(chr(10)) + 1:]}\n"
        f"wrote report/report.html and report/report.md ({figures} figures) in 17.3 s\n"
        f"cells: {int(cov['known'])} of {int(cov['cells'])} known\n"
        f"{summary_line(gulagstats.summary(_checks()))}\n"
        f"estimates: {said}\n```\n"
    )


#: The lines ``gulagstats report`` prints before its counts.
REPORT_STEPS = [
    "figures: drawing Figures A-D and the others (after the checks)",
    "estimates: published numbers against the archival benchmarks",
    "checks: the tables against their totals, each other and the prose",
    "coverage: counting known and missing cells; listing what is not known",
    "writing report.html and report.md",
]


def _review_checks() -> str:
    """The review's items about check, with what check says now (docs/verdicts.md, section 5)."""
    graded = {f.result.id: [f.grade, *f.same_as] for f in findings(_checks())}
    return review_tables(graded, {r.id: r.verdict for r in _checks()})


def _families_in_words() -> str:
    return ", ".join(f"{f} {sum(r.family == f for r in _checks())}" for f in FAMILIES)


#: Every count a page may state, by the name of its marker.
COUNTS: dict[str, Callable[[], str]] = {
    "check-summary-block": lambda: f"```\n{summary_line(gulagstats.summary(_checks()))}\n```\n",
    "check-families": _family_block,
    "check-families-in-words": _families_in_words,
    "report-session": _report_session,
    "review2-checks": _review_checks,
    "cells-article": lambda: _coverage_row("GRZ article (Tables 1-9, Appendixes)"),
    "cells-all": lambda: _coverage_row("all tables"),
    "estimates": lambda: str(_estimate_counts()["total"]),
    "estimates-compared": lambda: str(_estimate_counts()["compared"]),
    "estimates-overstate": lambda: str(_estimate_counts()["overstates"]),
    "estimates-consistent": lambda: str(_estimate_counts()["consistent"]),
    "estimates-not-comparable": lambda: str(_estimate_counts()["not-comparable"]),
    "estimates-not-contradicted": lambda: str(_estimate_counts()["not_contradicted"]),
    "estimates-depends-on-reading": lambda: str(_estimate_counts()["depends_on_reading"]),
    "estimates-context": lambda: str(_estimate_counts()["context"]),
    "factor-range": lambda: f"{min(_factors()):g} to {max(_factors()):g}",
    "factor-median": lambda: f"{statistics.median(_factors()):g}",
}


def stale(pages: list[Path] = PAGES) -> dict[Path, tuple[str, list[str]]]:
    """Each page whose counts differ from those computed now: its new text and what changed."""
    out = {}
    for page in pages:
        text = page.read_text(encoding="utf-8")
        changes: list[str] = []

        def inline(m: re.Match[str], changes: list[str] = changes) -> str:
            return _replace(m, "<!--count:{}-->{}<!--/count-->", changes)

        def block(m: re.Match[str], changes: list[str] = changes) -> str:
            return _replace(m, "<!--counts:{}-->\n{}<!--/counts-->", changes)

        new = BLOCK.sub(block, INLINE.sub(inline, text))
        if changes:
            out[page] = (new, changes)
    return out


def _replace(m: re.Match[str], template: str, changes: list[str]) -> str:
    name = m["name"]
    if name not in COUNTS:
        changes.append(f"{name}: no such count (counts are {', '.join(COUNTS)})")
        return m[0]
    value = COUNTS[name]()
    if value != m["value"]:
        changes.append(f"{name}: {m['value'].strip()!r} -> {value.strip()!r}")
    return template.format(name, value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the stale counts in place")
    args = parser.parse_args(argv)
    found = stale()
    for page, (new, changes) in found.items():
        print(f"{page.relative_to(ROOT)}: " + "; ".join(changes))
        if args.write:
            page.write_text(new, encoding="utf-8")
    return 1 if found and not args.write else 0


if __name__ == "__main__":
    sys.exit(main())
