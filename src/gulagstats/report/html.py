"""The report as one self-contained HTML page: figures embedded, tables that fit, sources linked.

The page is laid out for any screen.  Tables fit the page's width (long texts
fold into a disclosure, ``report/columns.csv`` says which columns and in what
words); below 600 px every table becomes cards, one a row, its first column as
the title and its factor second.  Source keys are shown as their short titles
(``title`` of ``data/sources.csv``), linked to the Sources section.
"""

from __future__ import annotations

import base64
import csv
import html
import re
from collections.abc import Mapping, Sequence
from importlib.resources import files
from pathlib import Path

import pandas as pd

from ..render import STATUS_LEGEND, cell_text, year_columns
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


def _column_roles() -> dict[str, tuple[str, str]]:
    text = files(__package__).joinpath("columns.csv").read_text(encoding="utf-8")
    return {row["column"]: (row["role"], row["words"]) for row in csv.DictReader(text.splitlines())}


#: How the tables lay out a column (``columns.csv``): ``factor`` (second on a phone) or ``fold``
#: (a long text in a disclosure, its summary in the words given).
COLUMN_ROLES = _column_roles()
#: A text of a ``fold`` column longer than this is folded.
FOLD_AFTER = 60

_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:)\]]")
_CODE = re.compile(r"`([^`]+)`")


def inline_html(text: str, titles: Mapping[str, str] | None = None) -> str:
    """Plain text as HTML: escaped, URLs and source marks as links, `code` as code.

    A source mark shows the source's title from ``titles`` (its key if it has none).

    Examples
    --------
    >>> inline_html("see https://example.org/a, `gulagstats check`")
    'see <a href="https://example.org/a">https://example.org/a</a>, <code>gulagstats check</code>'
    >>> inline_html("cited as {{grz1993}}")
    'cited as <a href="#source-grz1993">grz1993</a>'
    >>> inline_html("cited as {{seed_004}}", {"seed_004": "A web compilation"})
    'cited as <a href="#source-seed_004" title="seed_004">A web compilation</a>'
    """
    escaped = html.escape(text, quote=False)
    escaped = _URL.sub(lambda m: f'<a href="{m[0]}">{m[0]}</a>', escaped)
    escaped = SOURCE_MARK.sub(lambda m: _source_link(m[1].strip(), titles or {}), escaped)
    return _CODE.sub(r"<code>\1</code>", escaped)


def _source_link(key: str, titles: Mapping[str, str]) -> str:
    title = titles.get(html.unescape(key))
    shown = f' title="{key}">{html.escape(title, quote=False)}' if title else f">{key}"
    return f'<a href="#source-{key}"{shown}</a>'


#: Columns whose values are source keys, linked to the Sources section.
SOURCE_COLUMNS = ("source", "benchmark_source")


def _cell_html(column: str, value: object, text: str, titles: Mapping[str, str], sources_table: bool) -> str:
    """The content of one cell: source titles linked, a long explanation folded, or the text."""
    role, words = COLUMN_ROLES.get(column, ("", ""))
    if column in SOURCE_COLUMNS and isinstance(value, str) and not sources_table:
        return inline_html(source_marks(value), titles)
    if role == "fold" and len(text) > FOLD_AFTER:
        return f'<details class="why"><summary>{html.escape(words)}</summary>{inline_html(text, titles)}</details>'
    return inline_html(text, titles)


def _html_table(frame: pd.DataFrame, titles: Mapping[str, str], row_ids: str | None = None) -> str:
    """A table whose cells carry their column's name (``data-label``): cards below 600 px."""
    if not len(frame):
        return "<p><em>(none)</em></p>"
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in frame.columns)
    years = year_columns()
    labels = [html.escape(str(c)) for c in frame.columns]
    body = []
    for row in frame.itertuples(index=False, name=None):
        record = dict(zip(frame.columns, row, strict=True))
        classes = [f"{k}-{record[k]}" for k in ("status", "verdict") if k in record]
        rid = f' id="source-{html.escape(str(record[row_ids]))}"' if row_ids and row_ids in record else ""
        cells = []
        for number, (column, value) in enumerate(zip(frame.columns, row, strict=True)):
            text = cell_text(value, str(column) in years)
            kinds = ["key"] if number == 0 else []
            kinds += ["factor"] if COLUMN_ROLES.get(str(column), ("",))[0] == "factor" else []
            if not isinstance(value, str) and text != "":
                kinds.append("num")
                content = html.escape(text)
            else:
                content = _cell_html(str(column), value, text, titles, row_ids == "key")
            kind = f' class="{" ".join(kinds)}"' if kinds else ""
            cells.append(f'<td data-label="{labels[number]}"{kind}>{content}</td>')
        body.append(f'<tr{rid} class="{" ".join(classes)}">' + "".join(cells) + "</tr>")
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    return f'<div class="table">{table}</div>'


def _dl_rows(pairs: Sequence[tuple[str, str]], titles: Mapping[str, str]) -> str:
    return "".join(f"<dt>{html.escape(k)}</dt><dd>{inline_html(v, titles)}</dd>" for k, v in pairs)


def _card_html(block: Card, titles: Mapping[str, str]) -> str:
    rows = _dl_rows(block.lines, titles)
    more = ""
    if block.more:
        names = ", ".join(k for k, _ in block.more)
        more = (f'<details class="more"><summary>{html.escape(names)}</summary>'
                f"<dl>{_dl_rows(block.more, titles)}</dl></details>")
    return (f'<article class="finding"><h4>{html.escape(block.title)} <span class="grade">'
            f"{html.escape(block.grade)}</span></h4><dl>{rows}</dl>{more}</article>")


def _figure_html(block: FigureBlock | Path, titles: Mapping[str, str]) -> str:
    fb = block if isinstance(block, FigureBlock) else FigureBlock(block, block.name, block.stem)
    data = base64.b64encode(fb.path.read_bytes()).decode("ascii")
    size = f' width="{fb.width}" height="{fb.height}"' if fb.width and fb.height else ""
    link = ""
    if fb.csv is not None:
        href = f"{html.escape(fb.path.parent.name)}/{html.escape(fb.csv.name)}"
        image = f"{html.escape(fb.path.parent.name)}/{html.escape(fb.path.name)}"
        link = f' <a href="{href}">Data (CSV)</a> · <a href="{image}">Full size (PNG)</a>'
    anchor = fb.path.stem if fb.path.stem.startswith("figure_") else f"figure_{fb.path.stem}"  # never a section's
    return (f'<figure id="{html.escape(anchor)}"><img alt="{html.escape(fb.alt)}"{size} '
            f'src="data:image/png;base64,{data}"><figcaption>{inline_html(fb.caption, titles)}{link}</figcaption></figure>')


def _html_blocks(blocks: Sequence[Block], titles: Mapping[str, str]) -> list[str]:
    parts: list[str] = []
    in_cards = False
    for block in blocks:
        if isinstance(block, Card) != in_cards:
            parts.append('<div class="cards">' if not in_cards else "</div>")
            in_cards = not in_cards
        if isinstance(block, pd.DataFrame):
            sources = block.columns[0] == "key" and "citation" in block.columns
            parts.append(_html_table(block, titles, "key" if sources else None))
        elif isinstance(block, Details):
            parts.append(f"<details><summary>{html.escape(block.summary)}</summary>")
            parts += _html_blocks(block.blocks, titles)
            parts.append("</details>")
        elif isinstance(block, Card):
            parts.append(_card_html(block, titles))
        elif isinstance(block, FigureBlock | Path):
            parts.append(_figure_html(block, titles))
        elif block.startswith("### "):
            parts.append(f"<h3>{html.escape(block[4:])}</h3>")
        elif block.startswith("- "):
            items = "".join(f"<li>{inline_html(line[2:], titles)}</li>" for line in block.splitlines())
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p>{inline_html(block, titles)}</p>")
    if in_cards:
        parts.append("</div>")
    return parts


def render_html(
    sections: list[Section],
    headline: str,
    overlay: str | Path | None = None,
    base: Path | None = None,
    tally: str = "",
    titles: Mapping[str, str] | None = None,
) -> str:
    """The report as one self-contained HTML page (figures embedded as data URIs).

    ``headline`` is the finding, in the bold box; ``tally`` the counts under it;
    ``titles`` the short title of each source key (shown for the key, linked to
    the Sources section).  The figures' CSV files are linked relative to the
    page (``figures/NAME.csv``).

    Examples
    --------
    >>> page = render_html([Section("Sources", "sources", ["Every source key."])], "The finding.", tally="1 table")
    >>> page.startswith("<!DOCTYPE html>"), '<section id="sources">' in page
    (True, True)
    >>> 'name="viewport"' in page, '<p class="headline">The finding.</p>' in page
    (True, True)
    """
    titles = titles or {}
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(TITLE)}</title><style>{REPORT_CSS}</style></head><body>",
        f'<h1 id="top">{html.escape(TITLE)}</h1>',
        f'<p class="stamp">{html.escape(stamp(overlay))}</p>',
        f'<p class="headline">{html.escape(headline)}</p>',
        f'<p class="tally">{html.escape(tally)}</p>' if tally else "",
        f'<p class="legend">{html.escape(STATUS_LEGEND)}</p>',
        '<nav aria-label="Contents"><strong>Contents:</strong> ',
        " · ".join(f'<a href="#{s.anchor}">{html.escape(s.title)}</a>' for s in sections),
        "</nav>",
    ]
    for s in sections:
        parts.append(f'<section id="{s.anchor}"><h2>{html.escape(s.title)}</h2>')
        parts += _html_blocks(s.blocks, titles)
        parts.append('<p class="top"><a href="#top">Back to the top</a></p></section>')
    parts.append("</body></html>")
    return "\n".join(p for p in parts if p) + "\n"
