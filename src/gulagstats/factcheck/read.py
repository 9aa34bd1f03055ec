"""Stage 1, read: an article from a file, standard input or a URL, as plain text.

Every problem is one :class:`FactcheckInputError` (a
:class:`~gulagstats.errors.DataFormatError`, hence also a ``ValueError``)
with a one-line message; the CLI prints it and exits with status 2.

HTML becomes text with a line break for every paragraph or heading (a
blank line), for every list item, table row and line break and `` | `` between table cells, so that a
table or an infobox reads as rows ("Executions | 681,692"); scripts, styles
and comments are dropped, entities decoded.  The conversion is one pass over
the markup (an unclosed ``<!--`` or ``<script`` drops the rest, in linear time).
"""

from __future__ import annotations

import html
import re
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataFormatError, printable
from ..inputs import read_input

#: The largest article read, in bytes: a newspaper article is a few tens of kilobytes.
MAX_BYTES = 10_000_000
#: Seconds a URL may take to answer.
URL_TIMEOUT = 20


class FactcheckInputError(DataFormatError):
    """An article that cannot be fact-checked: missing, empty, binary, not UTF-8, too large, unreachable."""


@dataclass(frozen=True)
class ReadText:
    """One article as read: its name, its text, and whether it was HTML."""

    name: str
    text: str
    html: bool = False


_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "details",
        "div",
        "dl",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "ul",
    ]
)
#: Tags that start a line but not a paragraph: the rows of a table or a list stay one paragraph.
_LINE_TAGS = frozenset({"br", "tr", "li", "dt", "dd"})
_CELL = frozenset({"td", "th"})
_SKIP = ("script", "style", "noscript", "template")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*>")
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")


def html_to_text(markup: str) -> str:
    """The text of an HTML page: blocks on lines of their own, table cells separated by `` | ``.

    Examples
    --------
    >>> html_to_text("<p>Over <b>100</b>\\nwere shot &amp; more</p><p>Next</p>")
    'Over 100 were shot & more\\n\\nNext'
    >>> html_to_text("<table><tr><th>Victims</th><td>1,234</td></tr><tr><td>Shot</td><td>5</td></tr></table>")
    'Victims | 1,234\\nShot | 5'
    >>> html_to_text("a <!-- never closed")
    'a'
    """
    lower = markup.lower()
    out: list[str] = []
    i, n = 0, len(markup)
    while i < n:
        j = markup.find("<", i)
        if j < 0:
            out.append(_chunk_text(markup[i:]))
            break
        out.append(_chunk_text(markup[i:j]))
        i = _skip_markup(markup, lower, j, out)
    return _tidy("".join(out))


def _chunk_text(chunk: str) -> str:
    return _SPACE.sub(" ", html.unescape(chunk)) if chunk else ""


def _skip_markup(markup: str, lower: str, at: int, out: list[str]) -> int:
    """Read the markup at ``at`` (a ``<``); append what it stands for; return where the text goes on."""
    if lower.startswith("<!--", at):
        end = lower.find("-->", at + 4)
        return len(markup) if end < 0 else end + 3
    m = _TAG.match(markup, at)
    if m is None:
        if lower.startswith("<!", at) or lower.startswith("<?", at):
            end = markup.find(">", at)
            return len(markup) if end < 0 else end + 1
        out.append("<")
        return at + 1
    name = m.group(2).lower()
    if name in _SKIP and not m.group(1):
        end = lower.find(f"</{name}", m.end())
        if end < 0:
            return len(markup)
        close = markup.find(">", end)
        return len(markup) if close < 0 else close + 1
    if name in _CELL and not m.group(1):
        out.append(" | ")
    elif name in _BLOCK_TAGS:
        out.append("\n\n")
    elif name in _LINE_TAGS and not m.group(1):
        out.append("\n")
    return m.end()


def _tidy(text: str) -> str:
    lines: list[str] = []
    for line in text.split("\n"):
        line = line.strip(" ")
        line = line[2:].lstrip() if line.startswith("| ") else line
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip("\n")


def _decode(raw: bytes, name: str) -> str:
    if b"\0" in raw:
        raise FactcheckInputError(f"{name} is a binary file (it holds NUL bytes), not a text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FactcheckInputError(
            f"{name} is not UTF-8 text (byte 0x{raw[exc.start]:02x} at position {exc.start}); save it as UTF-8"
        ) from None
    if not text.strip():
        raise FactcheckInputError(f"{name} is empty; expected an article")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_like_html(text: str) -> bool:
    """True for a page that declares itself HTML (a doctype or an ``<html>`` tag at the start).

    Examples
    --------
    >>> looks_like_html("<!DOCTYPE html><p>x"), looks_like_html("<<Memorial>> says 700,000")
    (True, False)
    """
    head = text.lstrip()[:200].lower()
    return (
        head.startswith("<!doctype html")
        or head.startswith("<html")
        or (head.startswith("<?xml") and "<html" in head)
    )


def _fetch(url: str, max_bytes: int) -> tuple[bytes, bool]:
    request = urllib.request.Request(url, headers={"User-Agent": "gulagstats-factcheck"})
    try:
        with urllib.request.urlopen(request, timeout=URL_TIMEOUT) as answer:
            raw = answer.read(max_bytes + 1)
            kind = str(answer.headers.get("Content-Type", ""))
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FactcheckInputError(
            f"cannot fetch {printable(url)} ({printable(reason)}); save the page and give the file instead"
        ) from None
    if len(raw) > max_bytes:
        raise FactcheckInputError(
            f"{printable(url)} is larger than {max_bytes / 1e6:.0f} MB; save and split it"
        )
    return raw, "html" in kind.lower()


def read_source(source: str | Path, max_bytes: int = MAX_BYTES) -> ReadText:
    """Read one article: a file path, ``-`` for standard input, or an ``http(s)://`` URL.

    Raises
    ------
    FactcheckInputError
        For a missing file, a directory, a device or FIFO, a file larger than
        ``max_bytes``, a binary file, text that is not UTF-8, an empty text,
        or a URL that cannot be fetched (one line each).

    Examples
    --------
    >>> import os, tempfile
    >>> p = os.path.join(tempfile.mkdtemp(), "a.txt")
    >>> _ = open(p, "wb").write(b"\\xff\\xfe")
    >>> read_source(p)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gulagstats.factcheck.read.FactcheckInputError: a.txt is not UTF-8 text (byte 0xff at ...
    """
    text_source = str(source)
    if text_source == "-":
        raw = sys.stdin.buffer.read(max_bytes + 1)
        if len(raw) > max_bytes:
            raise FactcheckInputError(
                f"standard input is larger than {max_bytes / 1e6:.0f} MB; split it"
            )
        text = _decode(raw, "standard input")
        return ReadText(
            "stdin", html_to_text(text) if looks_like_html(text) else text, looks_like_html(text)
        )
    if re.match(r"https?://", text_source, re.IGNORECASE):
        raw, is_html = _fetch(text_source, max_bytes)
        text = _decode(raw, printable(text_source))
        is_html = is_html or looks_like_html(text)
        return ReadText(text_source, html_to_text(text) if is_html else text, is_html)
    path = Path(text_source)
    name = printable(path.name)
    raw = read_input(
        path,
        "article",
        limit=max_bytes,
        error=FactcheckInputError,
        expected="a text, Markdown or HTML file",
    )
    text = _decode(raw, name)
    is_html = path.suffix.lower() in (".htm", ".html", ".xhtml") or looks_like_html(text)
    return ReadText(name, html_to_text(text) if is_html else text, is_html)
