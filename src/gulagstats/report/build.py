"""The main job: every step of the report run on one record, then both files written."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ..checks import check_record
from ..core.record import Record
from ..coverage_table import coverage_table
from ..estimates.verdicts import compare_estimates
from ..outputs import check_target, write_text
from ..store import refuse_inside_data_dir
from ..vocabulary import DISCREPANCY, NOT_COMPARABLE
from .figures import finish_figures, start_figures, submit_figure
from .findings import checks_section
from .headline import headline_section
from .html import render_html
from .markdown import render_markdown
from .model import ReportResult, Section, report_texts
from .sections import (
    coverage_section,
    estimates_section,
    open_rows,
    open_values_section,
    sources_section,
    unknowns_section,
)


def _default_workers() -> int:
    """Worker processes for the figures: one core is left to the checks (so none on 2 cores).

    On the 2-core machine of bench/RESULTS.md, shared with other work, drawing in a worker
    was slower than drawing in the main process after the checks.
    """
    return max(1, min(4, (os.cpu_count() or 1) - 1))


def write_report(
    record: Record,
    out: str | Path = "report",
    progress: Callable[[str], None] | None = None,
    workers: int | None = None,
) -> ReportResult:
    """Write the full report of a record (HTML and Markdown) into ``out`` (:func:`gulagstats.build_report`).

    Parameters
    ----------
    record : Record
        The record to report on (its overlay's values enter every step with status ``user``).
    out : path, default "report"
        Output directory (created if needed); never the package's data directory.
    progress : callable, optional
        Called with one short line per step (the CLI prints them).
    workers : int, optional
        Processes drawing the figures while the checks run (default: one less than the cores,
        at most 4; 1 draws them in this process, after the checks).

    Returns
    -------
    ReportResult
        The paths written and the headline counts.
    """
    overlay = record.overlay  # the report's stamp names it
    say = progress or (lambda line: None)
    out = Path(out)
    refuse_inside_data_dir(out, "the report")
    record.overlay_rows()  # fail before any work if the overlay is bad
    out.mkdir(parents=True, exist_ok=True)
    for name in ("report.html", "report.md"):  # refuse a link into data/ before any work, not after
        check_target(out / name, "the report")

    workers = _default_workers() if workers is None else workers
    where = f"in {workers} worker processes" if workers > 1 else "after the checks"
    say(f"figures: drawing Figures A-D and the others ({where})")
    pool, jobs = start_figures(out, record, workers)
    try:
        say("estimates: published numbers against the archival benchmarks")
        estimates = compare_estimates(record)
        comparable = estimates[estimates["verdict"] != NOT_COMPARABLE]
        jobs.append(submit_figure(pool, "estimates", out / "figures", record, comparable))
        headline, finding = headline_section(estimates, record)
        say("checks: the tables against their totals, each other and the prose")
        checks, check_counts = checks_section(check_record(record))
        estimates_part, estimate_counts = estimates_section(estimates)
        say("coverage: counting known and missing cells; listing what is not known")
        cov = coverage_table(record)
        still_open = open_rows(record)
        unknowns = unknowns_section(cov, still_open, [text for _, text in report_texts(record, "gap")])
    except BaseException:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        raise
    figures, figure_paths = finish_figures(pool, jobs, dict(report_texts(record, "caption")), say)
    sections = [
        headline,
        checks,
        estimates_part,
        unknowns,
        figures,
        coverage_section(cov),
        open_values_section(still_open),
        sources_section(record),
    ]
    sources = record.load("sources")
    titles = dict(zip(sources["key"], sources["title"])) if "title" in sources.columns else {}
    return _write(sections, (finding, titles), cov, check_counts, estimate_counts, figure_paths, out, say, overlay)


def _write(
    sections: list[Section],
    words: tuple[str, dict[str, str]],
    cov: pd.DataFrame,
    check_counts: dict[str, int],
    estimate_counts: dict[str, int],
    figure_paths: list[Path],
    out: Path,
    say: Callable[[str], None],
    overlay: str | Path | None,
) -> ReportResult:
    """Both files of the report, written from the sections, and what they hold.

    ``words``: the finding (the bold box) and the short title of each source key.
    """
    finding, titles = words
    everything = cov.set_index("table").iloc[-1]
    tally = (
        f"{int(everything['known'])} of {int(everything['cells'])} cells known; "
        f"{check_counts['total']} checks ({check_counts[DISCREPANCY]} discrepancies); "
        f"{sum(estimate_counts.values())} estimates compared."
    )
    say("writing report.html and report.md")
    html_path, md_path = out / "report.html", out / "report.md"
    write_text(html_path, render_html(sections, finding, overlay, base=out, tally=tally, titles=titles), "the report")
    write_text(md_path, render_markdown(sections, finding, out, overlay, tally=tally, titles=titles), "the report")
    return ReportResult(
        html=html_path,
        markdown=md_path,
        figures=figure_paths,
        sections=[s.title for s in sections],
        cells=int(everything["cells"]),
        cells_known=int(everything["known"]),
        checks=check_counts,
        estimates=estimate_counts,
    )
