"""The report as Markdown: the same sections as the HTML page, figures linked beside it."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..render import STATUS_LEGEND, cell_text, markdown_table, markdown_text
from .model import SOURCE_MARK, TITLE, Block, Card, Details, FigureBlock, Section, stamp


def _display(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.apply(lambda column: column.map(cell_text)) if len(frame) else frame


def _plain(text: str) -> str:
    """Text with the source marks taken off (Markdown, alt text)."""
    return SOURCE_MARK.sub(r"\1", text)


def _md_blocks(blocks: Sequence[Block], out: Path) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, pd.DataFrame):
            lines += [markdown_table(_display(block)) if len(block) else "_(none)_", ""]
        elif isinstance(block, Details):
            lines += [f"<details><summary>{html.escape(block.summary)}</summary>", ""]
            lines += _md_blocks(block.blocks, out)
            lines += ["</details>", ""]
        elif isinstance(block, Card):
            lines += [f"#### {block.title} ({block.grade})", ""]
            pairs = [*block.lines, *block.more]
            lines += [f"- **{label}**: {_plain(text)}" for label, text in pairs]
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
                lines += [f"*{_plain(block.caption)}*{data}", ""]
        else:
            lines += [_plain(block), ""]
    return lines


def render_markdown(
    sections: list[Section], headline: str, out: Path, overlay: str | Path | None = None
) -> str:
    """The report as Markdown (figures linked relative to ``out``).

    Examples
    --------
    >>> sections = [Section("Sources", "sources", ["Every source key."])]
    >>> text = render_markdown(sections, "1 table", Path("out"))
    >>> text.startswith("# gulagstats report"), "## Sources" in text
    (True, True)
    """
    lines = [
        f"# {TITLE}",
        "",
        stamp(overlay, markdown_text),
        "",
        f"**{headline}**",
        "",
        STATUS_LEGEND,
        "",
        "## Contents",
        "",
    ]
    lines += [f"- [{s.title}](#{s.anchor})" for s in sections]
    for s in sections:
        lines += ["", f'<a id="{s.anchor}"></a>', f"## {s.title}", ""]
        lines += _md_blocks(s.blocks, out)
    return "\n".join(lines).rstrip() + "\n"


