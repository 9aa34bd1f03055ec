"""Reading an article: plain text, Markdown or HTML, checked before anything else.

Every problem with an input file is one :class:`FactcheckInputError` (a
:class:`~gulagstats.errors.DataFormatError`, hence also a ``ValueError``)
with a one-line message; the CLI prints it and exits with status 2.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..errors import DataFormatError

#: The largest article read, in bytes: a newspaper article is a few tens of kilobytes.
MAX_BYTES = 10_000_000


class FactcheckInputError(DataFormatError):
    """An article that cannot be fact-checked: missing, empty, binary, not UTF-8 or too large."""


_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.IGNORECASE | re.DOTALL)


def html_to_text(markup: str) -> str:
    """The text of an HTML page, line for line (tags removed, entities decoded).

    Line breaks inside removed tags are kept, so that line numbers still
    point into the file as written.

    Examples
    --------
    >>> html_to_text("<p>Over <b>100</b>\\nwere shot &amp; more</p>")
    'Over 100\\nwere shot & more'
    """
    return html.unescape(_TAG.sub(lambda m: "\n" * m.group(0).count("\n"), markup))


def read_article(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """Read an article as text, refusing what is not an article.

    Parameters
    ----------
    path : path
        A UTF-8 text, Markdown or HTML file (HTML: ``.htm``/``.html``, or text
        that starts with a tag).
    max_bytes : int
        The largest file accepted.

    Returns
    -------
    str
        The text; for HTML, the text without tags, line for line.

    Raises
    ------
    FactcheckInputError
        If the file is missing, a directory, empty, binary (it holds NUL
        bytes), not UTF-8, or larger than ``max_bytes``.

    Examples
    --------
    >>> import os, tempfile
    >>> p = os.path.join(tempfile.mkdtemp(), "a.txt")
    >>> _ = open(p, "wb").write(b"\\xff\\xfe")
    >>> read_article(p)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gulagstats.factcheck.text.FactcheckInputError: a.txt is not UTF-8 text (byte 0xff at ...
    """
    source = Path(path)
    if not source.exists():
        raise FactcheckInputError(f"{path} does not exist; expected a text, Markdown or HTML file")
    if not source.is_file():
        raise FactcheckInputError(f"{path} is not a file; expected a text, Markdown or HTML file")
    size = source.stat().st_size
    if size > max_bytes:
        raise FactcheckInputError(
            f"{source.name} is {size / 1e6:.1f} MB, more than the {max_bytes / 1e6:.0f} MB "
            "an article may have; split it"
        )
    raw = source.read_bytes()
    if b"\0" in raw:
        raise FactcheckInputError(
            f"{source.name} is a binary file (it holds NUL bytes), not a text"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FactcheckInputError(
            f"{source.name} is not UTF-8 text (byte 0x{raw[exc.start]:02x} at position "
            f"{exc.start}); save it as UTF-8"
        ) from None
    if not text.strip():
        raise FactcheckInputError(f"{source.name} is empty; expected an article")
    if source.suffix.lower() in (".htm", ".html", ".xhtml") or text.lstrip()[:1] == "<":
        text = html_to_text(text)
    return text.replace("\r\n", "\n").replace("\r", "\n")
