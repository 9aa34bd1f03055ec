"""The report as one self-contained HTML page: figures embedded, tables scrolling, sources linked."""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path

import pandas as pd

from ..render import STATUS_LEGEND, cell_text
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

#: The page's style sheet (``report.css``, package data beside this module).
REPORT_CSS = files(__package__).joinpath("report.css").read_text(encoding="utf-8")

_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:)\]]")
_CODE = re.compile(r"`([^`]+)`")


def inline_html(text: str) -> str:
    """Plain text as HTML: escaped, URLs and source marks as links, `code` as code.

    Examples
    --------
    >>> inline_html("see https://example.org/a, `gulagstats check`")
    'see <a href="https://example.org/a">https://example.org/a</a>, <code>gulagstats check</code>'
    >>> inline_html("cited as {{grz1993}}")
    'cited as <a href="#source-grz1993">grz1993</a>'
    """
    escaped = html.escape(text, quote=False)
    escaped = _URL.sub(lambda m: f'<a href="{m[0]}">{m[0]}</a>', escaped)
    escaped = SOURCE_MARK.sub(
        lambda m: f'<a href="#source-{html.escape(m[1].strip())}">{m[1].strip()}</a>', escaped
    )
    return _CODE.sub(r"<code>\1</code>", escaped)


#: Columns whose values are source keys, linked to the Sources section.
SOURCE_COLUMNS = ("source", "benchmark_source")


def _html_table(frame: pd.DataFrame, row_ids: str | None = None) -> str:
    if not len(frame):
        return "<p><em>(none)</em></p>"
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in frame.columns)
    body = []
    for row in frame.itertuples(index=False, name=None):
        record = dict(zip(frame.columns, row, strict=True))
        classes = [f"{k}-{record[k]}" for k in ("status", "verdict") if k in record]
        rid = (
            f' id="source-{html.escape(str(record[row_ids]))}"'
            if row_ids and row_ids in record
            else ""
        )
        cells = []
        for column, value in zip(frame.columns, row, strict=True):
            text = cell_text(value)
            numeric = not isinstance(value, str) and text != ""
            if column in SOURCE_COLUMNS and isinstance(value, str) and row_ids != "key":
                text = source_marks(value)
            cells.append(
                f'<td class="num">{html.escape(text)}</td>'
                if numeric
                else f"<td>{inline_html(text)}</td>"
            )
        body.append(f'<tr{rid} class="{" ".join(classes)}">' + "".join(cells) + "</tr>")
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    return f'<div class="scroll">{table}</div>'


def _dl_rows(pairs: Sequence[tuple[str, str]]) -> str:
    return "".join(f"<dt>{html.escape(k)}</dt><dd>{inline_html(v)}</dd>" for k, v in pairs)


def _html_blocks(blocks: Sequence[Block]) -> list[str]:
    parts: list[str] = []
    in_cards = False
    for block in blocks:
        if isinstance(block, Card) != in_cards:
            parts.append('<div class="cards">' if not in_cards else "</div>")
            in_cards = not in_cards
        if isinstance(block, pd.DataFrame):
            parts.append(
                _html_table(
                    block, "key" if list(block.columns[:2]) == ["key", "citation"] else None
                )
            )
        elif isinstance(block, Details):
            parts.append(f"<details><summary>{html.escape(block.summary)}</summary>")
            parts += _html_blocks(block.blocks)
            parts.append("</details>")
        elif isinstance(block, Card):
            rows = _dl_rows(block.lines)
            if block.more:
                names = ", ".join(k for k, _ in block.more)
                more = (
                    f'<details class="more"><summary>{html.escape(names)}</summary>'
                    f"<dl>{_dl_rows(block.more)}</dl></details>"
                )
            else:
                more = ""
            parts.append(
                f'<article class="finding"><h4>{html.escape(block.title)} <span class="grade">'
                f"{html.escape(block.grade)}</span></h4><dl>{rows}</dl>{more}</article>"
            )
        elif isinstance(block, FigureBlock | Path):
            fb = (
                block
                if isinstance(block, FigureBlock)
                else FigureBlock(block, block.name, block.stem)
            )
            data = base64.b64encode(fb.path.read_bytes()).decode("ascii")
            size = f' width="{fb.width}" height="{fb.height}"' if fb.width and fb.height else ""
            link = ""
            if fb.csv is not None:
                href = f"{html.escape(fb.path.parent.name)}/{html.escape(fb.csv.name)}"
                image = f"{html.escape(fb.path.parent.name)}/{html.escape(fb.path.name)}"
                link = f' <a href="{href}">Data (CSV)</a> · <a href="{image}">Full size (PNG)</a>'
            parts.append(
                f'<figure id="{html.escape(fb.path.stem)}"><img alt="{html.escape(fb.alt)}"{size} '
                f'src="data:image/png;base64,{data}"><figcaption>{inline_html(fb.caption)}{link}</figcaption></figure>'
            )
        elif block.startswith("### "):
            parts.append(f"<h3>{html.escape(block[4:])}</h3>")
        elif block.startswith("- "):
            items = "".join(f"<li>{inline_html(line[2:])}</li>" for line in block.splitlines())
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p>{inline_html(block)}</p>")
    if in_cards:
        parts.append("</div>")
    return parts


def render_html(
    sections: list[Section],
    headline: str,
    overlay: str | Path | None = None,
    base: Path | None = None,
) -> str:
    """The report as one self-contained HTML page (figures embedded as data URIs).

    The figures' CSV files are linked relative to the page (``figures/NAME.csv``).

    Examples
    --------
    >>> page = render_html([Section("Sources", "sources", ["Every source key."])], "1 table")
    >>> page.startswith("<!DOCTYPE html>"), '<section id="sources">' in page
    (True, True)
    >>> 'name="viewport"' in page
    True
    """
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(TITLE)}</title><style>{REPORT_CSS}</style></head><body>",
        f'<h1 id="top">{html.escape(TITLE)}</h1>',
        f'<p class="stamp">{html.escape(stamp(overlay))}</p>',
        f'<p class="headline">{html.escape(headline)}</p>',
        f'<p class="legend">{html.escape(STATUS_LEGEND)}</p>',
        '<nav aria-label="Contents"><strong>Contents:</strong> ',
        " · ".join(f'<a href="#{s.anchor}">{html.escape(s.title)}</a>' for s in sections),
        "</nav>",
    ]
    for s in sections:
        parts.append(f'<section id="{s.anchor}"><h2>{html.escape(s.title)}</h2>')
        parts += _html_blocks(s.blocks)
        parts.append('<p class="top"><a href="#top">Back to the top</a></p></section>')
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
