"""The main job: one report of everything gulagstats knows, in HTML and Markdown.

:func:`build_report` runs each step (coverage, checks, estimates, figures),
then writes ``report.html`` (self-contained: figures embedded, no network
needed to read it) and its twin ``report.md`` (figures beside it in
``figures/``).  Both are rendered from the same list of :class:`Section`, so
they always say the same thing.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, Field

from . import __version__
from .render import STATUS_LEGEND, cell_text, markdown_table

Block = pd.DataFrame | str | Path  # a table, a paragraph, or a figure file


@dataclass
class Section:
    """A part of the report: a title, an anchor and blocks in order."""

    title: str
    anchor: str
    blocks: list[Block] = field(default_factory=list)


class ReportResult(BaseModel):
    """What :func:`build_report` wrote and found."""

    html: Path
    markdown: Path
    figures: list[Path]
    sections: list[str]
    cells: int
    cells_known: int
    checks: dict[str, int] = Field(description="checks by verdict, and 'total'")
    estimates: dict[str, int] = Field(description="estimates by verdict")


def _coverage_section(overlay) -> tuple[Section, pd.DataFrame]:
    from .tally import coverage

    cov = coverage(overlay=overlay)
    text = (
        "Each cell of a table is counted once, by the status of its value (the table's preferred row); "
        "other sources' values of the same cell are counted as alternatives. "
        "The last two rows total the GRZ article (Tables 1-9 and Appendixes) and all tables."
    )
    return Section("Coverage of the tables", "coverage", [text, cov]), cov


def _checks_section(overlay) -> tuple[Section, dict[str, int]]:
    from .checks import check, summary
    from .checks.model import VERDICT_MEANING, VERDICTS

    results = check(overlay=overlay)
    counts = summary(results)
    summary = pd.DataFrame(
        [{"verdict": v, "checks": counts[v], "meaning": VERDICT_MEANING[v]} for v in VERDICTS]
    )
    section = Section(
        "Consistency checks",
        "checks",
        [
            f"{len(results)} checks of the tables against their totals, each other and the prose. "
            "Discrepancies are findings about the sources, not errors of the toolkit.",
            summary,
        ],
    )
    for verdict in VERDICTS:
        chosen = [r for r in results if r.verdict == verdict]
        if not chosen:
            continue
        rows = [
            {
                "id": r.id,
                "check": r.title,
                "expected": r.expected,
                "observed": r.observed,
                "difference": r.difference,
                "stated at": r.location,
                "cells (source, status)": "; ".join(
                    f"{c.table} {c.period} {c.population} {c.measure}: {cell_text(c.value)} ({c.source}, {c.status})"
                    for c in r.cells[:4]
                )
                + (f"; ... {len(r.cells) - 4} more" if len(r.cells) > 4 else "")
                + (f" | missing: {', '.join(r.missing[:3])}" if r.missing else ""),
            }
            for r in chosen
        ]
        section.blocks += [f"### {verdict.replace('_', ' ')} ({len(chosen)})", pd.DataFrame(rows)]
    return section, counts


def _estimates_section(overlay) -> tuple[Section, dict[str, int]]:
    from .estimates import compare

    from .estimates.scope import tally

    table = compare(overlay=overlay)
    counts = tally(table)  # a claim once: restatements grouped, GRZ's spreads of others' estimates left out
    shown = table[
        ["author", "quantity", "period", "low", "high", "benchmark_low", "benchmark_high", "benchmark_status",
         "verdict", "factor", "factor_high", "source", "status"]
    ]
    text = (
        f"{len(table)} published estimates ({sum(counts.values())} distinct claims scored) against what the "
        "archival record documents. Factor: the conservative number of times the estimate exceeds (or falls "
        "short of) the widest defensible benchmark; factor_high: against the narrowest. benchmark_status is the "
        "weakest status the benchmark is computed from; status is the estimate's quote."
    )
    return Section("Estimates against the archival record", "estimates", [text, shown]), {
        str(k): int(v) for k, v in counts.items()
    }


def _figures_section(out: Path, overlay) -> tuple[Section, list[Path]]:
    from .figures import draw_figures

    paths = draw_figures(out / "figures", formats=("png",), overlay=overlay)
    blocks: list[Block] = [
        "Drawn from the data: solid marks are confirmed or prose values, marked ones derived, hollow ones "
        "unconfirmed; a gap is a missing value, never interpolated. Each figure's footer names its sources."
    ]
    blocks += sorted(p for p in paths if p.suffix == ".png")
    return Section("Figures", "figures", blocks), paths


def _open_values_section(overlay) -> Section:
    from .loaders import load, tables

    frames = []
    for table_id in tables().query("kind == 'cells'")["id"]:
        frame = load(table_id, overlay=overlay)
        chosen = frame[frame["preferred"].fillna(False) & frame["status"].isin(["unconfirmed", "missing"])]
        frames.append(chosen.assign(table=table_id))
    rows = pd.concat(frames, ignore_index=True)
    columns = ["table", "period", "population", "measure", "category", "value", "status", "source", "note"]
    unconfirmed = rows[rows["status"] == "unconfirmed"][columns]
    missing = rows[rows["status"] == "missing"].groupby(["table", "population", "measure"], as_index=False).agg(
        cells=("period", "size"), periods=("period", lambda p: ", ".join(sorted(set(p))))
    )
    return Section(
        "Values still unconfirmed or missing",
        "open",
        [
            f"{len(unconfirmed)} table values are unconfirmed (no reachable copy showed them) and "
            f"{int(missing['cells'].sum())} cells are missing. A reader holding the printed article can fill "
            "them: `gulagstats template TABLE`, then `--overlay FILE`.",
            "### Unconfirmed values",
            unconfirmed,
            "### Missing cells",
            missing,
        ],
    )


def _sources_section() -> Section:
    from .loaders import sources

    return Section("Sources", "sources", ["Every source key used in the tables, with its citation.", sources()])


def build_report(
    out: str | Path = "report",
    overlay: str | Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> ReportResult:
    """Write the full report (HTML and Markdown) into ``out``.

    Parameters
    ----------
    out : path, default "report"
        Output directory (created if needed); never the package's data directory.
    overlay : path, optional
        A filled template whose values enter every step with status ``user``.
    progress : callable, optional
        Called with one short line per step (the CLI prints them).

    Returns
    -------
    ReportResult
        The paths written and the headline counts.

    Examples
    --------
    >>> import gulagstats, tempfile
    >>> result = gulagstats.build_report(tempfile.mkdtemp())  # doctest: +SKIP
    >>> result.html.name  # doctest: +SKIP
    'report.html'
    """
    from .overlay import read_overlay
    from .store import refuse_inside_data_dir

    say = progress or (lambda line: None)
    out = Path(out)
    refuse_inside_data_dir(out, "the report")
    if overlay is not None:
        read_overlay(overlay)  # fail before any work if the overlay is bad
    out.mkdir(parents=True, exist_ok=True)

    say("coverage: counting known and missing cells")
    coverage_section, cov = _coverage_section(overlay)
    say("checks: the tables against their totals, each other and the prose")
    checks_section, check_counts = _checks_section(overlay)
    say("estimates: published numbers against the archival benchmarks")
    estimates_section, estimate_counts = _estimates_section(overlay)
    say("figures: drawing Figures A-D and the others")
    figures_section, figure_paths = _figures_section(out, overlay)
    say("open values: listing unconfirmed and missing values")
    sections = [coverage_section, checks_section, estimates_section, figures_section, _open_values_section(overlay), _sources_section()]

    everything = cov.set_index("table").iloc[-1]
    headline = (
        f"{int(everything['known'])} of {int(everything['cells'])} cells known; "
        f"{check_counts['total']} checks ({check_counts['discrepancy']} discrepancies); "
        f"{sum(estimate_counts.values())} estimates compared."
    )
    say("writing report.html and report.md")
    html_path, md_path = out / "report.html", out / "report.md"
    html_path.write_text(render_html(sections, headline, overlay), encoding="utf-8")
    md_path.write_text(render_markdown(sections, headline, out, overlay), encoding="utf-8")
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


TITLE = "gulagstats report: Victims of the Soviet penal system (Getty, Rittersporn & Zemskov 1993)"
CITATION = (
    "J. Arch Getty, Gábor T. Rittersporn and Viktor N. Zemskov, \"Victims of the Soviet Penal System in the "
    "Pre-war Years: A First Approach on the Basis of Archival Evidence\", American Historical Review 98:4 "
    "(1993), 1017-1049."
)


def _stamp(overlay) -> str:
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    extra = f"; with the overlay {Path(overlay).name} (values marked user)" if overlay else ""
    return f"gulagstats {__version__}, {when}{extra}. Source article: {CITATION}"


def _display(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.apply(lambda column: column.map(cell_text)) if len(frame) else frame


def render_markdown(sections: list[Section], headline: str, out: Path, overlay: str | Path | None = None) -> str:
    """The report as Markdown (figures linked relative to ``out``).

    Examples
    --------
    >>> text = render_markdown([Section("Sources", "sources", ["Every source key."])], "1 table", Path("out"))
    >>> text.startswith("# gulagstats report"), "## Sources" in text
    (True, True)
    """
    lines = [f"# {TITLE}", "", _stamp(overlay), "", f"**{headline}**", "", STATUS_LEGEND, "", "## Contents", ""]
    lines += [f"- [{s.title}](#{s.anchor})" for s in sections]
    for s in sections:
        lines += ["", f'<a id="{s.anchor}"></a>', f"## {s.title}", ""]
        for block in s.blocks:
            if isinstance(block, pd.DataFrame):
                lines += [markdown_table(_display(block)) if len(block) else "_(none)_", ""]
            elif isinstance(block, Path):
                rel = block.relative_to(out) if block.is_relative_to(out) else block
                lines += [f"![{block.stem}]({rel.as_posix()})", ""]
            else:
                lines += [block, ""]
    return "\n".join(lines).rstrip() + "\n"


CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:75rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.6rem}h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2.5rem}
table{border-collapse:collapse;font-size:.85rem;margin:.8rem 0;display:block;overflow-x:auto}
th,td{border:1px solid #ddd;padding:.25rem .45rem;vertical-align:top}th{background:#f3f3f3;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.headline{font-weight:600;background:#f6f8fa;padding:.6rem .8rem;border-left:4px solid #0072B2}
.stamp,.legend{color:#555;font-size:.85rem}figure{margin:1.2rem 0}figure img{max-width:100%;border:1px solid #eee}
.status-unconfirmed{background:#fff4e0}.status-missing{background:#f4f4f4;color:#777}.status-derived{background:#eef6ff}
.verdict-discrepancy{background:#fde8e8}.verdict-depends_on_source{background:#fff4e0}
"""


def _html_table(frame: pd.DataFrame) -> str:
    if not len(frame):
        return "<p><em>(none)</em></p>"
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = []
    for row in frame.itertuples(index=False, name=None):
        record = dict(zip(frame.columns, row))
        classes = []
        if "status" in record:
            classes.append(f"status-{record['status']}")
        if "verdict" in record:
            classes.append(f"verdict-{record['verdict']}")
        cells = []
        for value in row:
            text = cell_text(value)
            numeric = not isinstance(value, str) and text != ""
            cells.append(f'<td class="num">{html.escape(text)}</td>' if numeric else f"<td>{html.escape(text)}</td>")
        body.append(f'<tr class="{" ".join(classes)}">' + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def render_html(sections: list[Section], headline: str, overlay: str | Path | None = None) -> str:
    """The report as one self-contained HTML page (figures embedded as data URIs).

    Examples
    --------
    >>> page = render_html([Section("Sources", "sources", ["Every source key."])], "1 table")
    >>> page.startswith("<!DOCTYPE html>"), '<section id="sources">' in page
    (True, True)
    """
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(TITLE)}</title><style>{CSS}</style></head><body>",
        f"<h1>{html.escape(TITLE)}</h1>",
        f'<p class="stamp">{html.escape(_stamp(overlay))}</p>',
        f'<p class="headline">{html.escape(headline)}</p>',
        f'<p class="legend">{html.escape(STATUS_LEGEND)}</p>',
        "<nav><h2>Contents</h2><ul>",
        *[f'<li><a href="#{s.anchor}">{html.escape(s.title)}</a></li>' for s in sections],
        "</ul></nav>",
    ]
    for s in sections:
        parts.append(f'<section id="{s.anchor}"><h2>{html.escape(s.title)}</h2>')
        for block in s.blocks:
            if isinstance(block, pd.DataFrame):
                parts.append(_html_table(block))
            elif isinstance(block, Path):
                data = base64.b64encode(block.read_bytes()).decode("ascii")
                parts.append(
                    f'<figure id="{block.stem}"><img alt="{html.escape(block.stem)}" '
                    f'src="data:image/png;base64,{data}"><figcaption>{html.escape(block.name)}</figcaption></figure>'
                )
            elif block.startswith("### "):
                parts.append(f"<h3>{html.escape(block[4:])}</h3>")
            else:
                parts.append(f"<p>{html.escape(block)}</p>")
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
