"""What both renderings of the report are made of: sections of blocks, and the words they share.

A :class:`Section` holds blocks in order (text, a table, a :class:`Card` of a
finding, collapsed :class:`Details`, a :class:`FigureBlock`); the HTML and the
Markdown renderers (:mod:`.html`, :mod:`.markdown`) turn the same sections
into both files, so that they always say the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeAlias

import pandas as pd
from pydantic import BaseModel, Field

from .._version import __version__
from ..core.record import Record
from ..errors import printable


@dataclass
class Details:
    """A collapsed part of a section: a one-line summary, and blocks shown on request."""

    summary: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Card:
    """One finding: a title, a grade, and labelled lines (label, text)."""

    title: str
    grade: str
    lines: list[tuple[str, str]] = field(default_factory=list)
    more: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class FigureBlock:
    """A figure file with what a reader needs to cite it: caption, alt text and its data as CSV."""

    path: Path
    caption: str
    alt: str
    csv: Path | None = None
    width: int = 0
    height: int = 0


Block: TypeAlias = pd.DataFrame | str | Path | Details | Card | FigureBlock


@dataclass
class Section:
    """A part of the report: a title, an anchor and blocks in order."""

    title: str
    anchor: str
    blocks: list[Block] = field(default_factory=list)


class ReportResult(BaseModel):
    """What the report wrote and found (:func:`gulagstats.build_report`)."""

    html: Path
    markdown: Path
    figures: list[Path]
    sections: list[str]
    cells: int
    cells_known: int
    checks: dict[str, int] = Field(description="checks by verdict, and 'total'")
    estimates: dict[str, int] = Field(description="estimates by verdict")


TITLE = "gulagstats report: Victims of the Soviet penal system (Getty, Rittersporn & Zemskov 1993)"
CITATION = (
    'J. Arch Getty, Gábor T. Rittersporn and Viktor N. Zemskov, "Victims of the Soviet Penal '
    'System in the Pre-war Years: A First Approach on the Basis of Archival Evidence", '
    "American Historical Review 98:4 "
    "(1993), 1017-1049."
)


def stamp(overlay: str | Path | None, escape: Callable[[object], str] = printable) -> str:
    """The line under the title: version, time, overlay and the article's citation."""
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    extra = f"; with the overlay {escape(Path(overlay).name)} (values marked user)" if overlay else ""
    return f"gulagstats {__version__}, {when}{extra}. Source article: {CITATION}"


def report_texts(record: Record, kind: str) -> list[tuple[str, str]]:
    """The ``(key, text)`` rows of one kind of ``data/report_texts.csv`` (headline, gap, caption), in order.

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> report_texts(default_record(), "headline")[0]
    ('arrests_1937_1938:1937/1938', 'Arrests, 1937-1938')
    """
    texts = record.load("report_texts")
    chosen = texts[texts["kind"] == kind]
    return list(zip(chosen["key"].tolist(), chosen["text"].tolist()))


#: A source key marked in text (``{{grz1993}}``): a link in HTML, the plain key in Markdown.
SOURCE_MARK = re.compile(r"\{\{([^{}]+)\}\}")


def source_marks(keys: str) -> str:
    """Mark source keys so that HTML links them to the Sources section (Markdown keeps the keys).

    Examples
    --------
    >>> source_marks("grz1993; zemskov1991")
    '{{grz1993}}; {{zemskov1991}}'
    """
    return "; ".join(f"{{{{{k.strip()}}}}}" for k in re.split(r"[;+]", str(keys)) if k.strip())
