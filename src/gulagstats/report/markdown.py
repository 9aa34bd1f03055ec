"""The report as Markdown: the same sections as the HTML page, figures linked beside it."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from ..render import STATUS_LEGEND, markdown_table, markdown_text, text_columns
from .html import SOURCE_COLUMNS
from .model import (
    SOURCE_MARK,
    TITLE,
    Block,
    Card,
    Details,
    FigureBlock,
    Section,
    source_marks,
    stamp,
)


def _display(frame: pd.DataFrame, titles: Mapping[str, str]) -> pd.DataFrame:
    """The cells as text (years by the schema), source keys as their titles."""
    if not len(frame):
        return frame
    shown = pd.DataFrame(text_columns(frame), columns=frame.columns, index=frame.index)
    sources = frame.columns[0] == "key" and "citation" in frame.columns
    for column in [c for c in SOURCE_COLUMNS if c in shown.columns and not sources]:
        shown[column] = [_plain(source_marks(v), titles) if v else v for v in shown[column]]
    return shown


def _plain(text: str, titles: Mapping[str, str] | None = None) -> str:
    """Text with the source marks taken off (Markdown, alt text): each key as its title, if it has one."""
    return SOURCE_MARK.sub(lambda m: (titles or {}).get(m[1].strip(), m[1].strip()), text)


def _md_blocks(blocks: Sequence[Block], out: Path, titles: Mapping[str, str]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, pd.DataFrame):
            lines += [markdown_table(_display(block, titles)) if len(block) else "_(none)_", ""]
        elif isinstance(block, Details):
            lines += [f"<details><summary>{html.escape(block.summary)}</summary>", ""]
            lines += _md_blocks(block.blocks, out, titles)
            lines += ["</details>", ""]
        elif isinstance(block, Card):
            lines += [f"#### {block.title} ({block.grade})", ""]
            pairs = [*block.lines, *block.more]
            lines += [f"- **{label}**: {_plain(text, titles)}" for label, text in pairs]
            lines.append("")
        elif isinstance(block, FigureBlock | Path):
            path = block.path if isinstance(block, FigureBlock) else block
            rel = path.relative_to(out) if path.is_relative_to(out) else path
            alt = block.alt if isinstance(block, FigureBlock) else path.stem
            lines += [f"![{alt}]({rel.as_posix()})", ""]
            if isinstance(block, FigureBlock):
                data = ""
                if block.csv is not None:
                    rel_csv = (
                        block.csv.relative_to(out) if block.csv.is_relative_to(out) else block.csv
                    )
                    data = f" [Data (CSV)]({rel_csv.as_posix()})"
                lines += [f"*{_plain(block.caption, titles)}*{data}", ""]
        else:
            lines += [_plain(block, titles), ""]
    return lines


def render_markdown(
    sections: list[Section], headline: str, out: Path, overlay: str | Path | None = None, tally: str = "",
    titles: Mapping[str, str] | None = None,
) -> str:
    """The report as Markdown (figures linked relative to ``out``), as :func:`~.html.render_html` says it.

    Examples
    --------
    >>> sections = [Section("Sources", "sources", ["Every source key."])]
    >>> text = render_markdown(sections, "1 table", Path("out"))
    >>> text.startswith("# gulagstats report"), "## Sources" in text
    (True, True)
    """
    titles = titles or {}
    lines = [
        f"# {TITLE}",
        "",
        stamp(overlay, markdown_text),
        "",
        f"**{headline}**",
        "",
        *([tally, ""] if tally else []),
        STATUS_LEGEND,
        "",
        "## Contents",
        "",
    ]
    lines += [f"- [{s.title}](#{s.anchor})" for s in sections]
    for s in sections:
        lines += ["", f'<a id="{s.anchor}"></a>', f"## {s.title}", ""]
        lines += _md_blocks(s.blocks, out, titles)
    return "\n".join(lines).rstrip() + "\n"


