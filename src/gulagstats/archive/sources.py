"""What an archive is made of: documents in partitions, from a folder, a JSON Lines file or Parquet.

A corpus is cut into **partitions** once, the same way whatever runs them: a
folder's files and a JSON Lines file's lines in runs of ``batch_size`` (in
the order of their names, or of the lines), a Parquet dataset by row group.
A :class:`Partition` is a small picklable description (where to read, never
the text), so that a worker process or a Dask worker reads its own documents.

Each document is read through the project's input checks: a folder's file by
the fact-checker's reader (:func:`gulagstats.factcheck.read.read_source`:
a regular file, UTF-8, under 10 MB, HTML made text), a line or a row by
:func:`document_of` (the same limits).  A document that cannot be read is
kept with the reason (``skipped``), never dropped silently; a corpus that
cannot be read at all is one :class:`CorpusInputError`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..errors import DataFormatError, printable
from ..factcheck.read import MAX_BYTES, html_to_text, looks_like_html

#: The optional columns of a document kept on every claim, beside ``id`` (``doc_id`` on output).
META_COLUMNS = ("url", "date", "language", "title")
#: What a corpus PATH may be, for messages.
EXPECTED = "a folder of text or HTML files, a JSON Lines file (.jsonl) or a Parquet dataset with id and text"
_YEAR = re.compile(r"\s*(1[0-9]{3}|2[0-9]{3})(?![0-9])")


class CorpusInputError(DataFormatError):
    """A corpus that cannot be read: a missing path, a special file, an unknown format, no id or text column."""


@dataclass(frozen=True)
class Document:
    """One document as read: ``id``, its text (``""`` when it was not read), its metadata and why it was skipped."""

    id: str
    text: str = ""
    url: str = ""
    date: str = ""
    language: str = ""
    title: str = ""
    skipped: str = ""  # why the document was not read ("" when it was)

    @property
    def year(self) -> str:
        """The year the document's ``date`` starts with ("" if none).

        Examples
        --------
        >>> Document("a", date="2019-03-05").year, Document("a", date="March 2019").year
        ('2019', '')
        """
        m = _YEAR.match(self.date)
        return m.group(1) if m else ""

    def digest_into(self, digest: hashlib._Hash) -> None:
        """Add this document, as read, to the hash of its partition's input."""
        for value in (self.id, self.url, self.date, self.language, self.title, self.skipped, self.text):
            data = value.encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)


@dataclass(frozen=True)
class Partition:
    """One partition of a corpus: where its documents are, never their text.

    ``path`` is the folder (``folder``) or the file (``jsonl``, ``parquet``)
    read; ``names`` the folder's files (relative); ``start`` and ``end`` the
    byte range of a JSON Lines file (``first_line``: the number of its first
    line) or, for Parquet, ``start`` is the row group; ``documents`` is how
    many documents it holds at most (lines, rows or files).
    """

    index: int
    format: str
    path: str
    documents: int
    names: tuple[str, ...] = ()
    start: int = 0
    end: int = 0
    first_line: int = 1

    @property
    def key(self) -> str:
        """The partition's name in the output (``000017``)."""
        return f"{self.index:06d}"

    def describe(self) -> str:
        """Where its documents come from, in words (for the manifest and messages).

        Examples
        --------
        >>> Partition(0, "jsonl", "/a/c.jsonl", 500, start=0, end=9000, first_line=1).describe()
        'c.jsonl, lines 1-500'
        """
        name = Path(self.path).name
        if self.format == "folder":
            return f"{self.names[0]} to {self.names[-1]}" if self.names else name
        if self.format == "jsonl":
            return f"{name}, lines {self.first_line}-{self.first_line + self.documents - 1}"
        return f"{name}, row group {self.start}"


@dataclass(frozen=True)
class Plan:
    """A corpus cut into partitions: its format, its path, how many documents, and its partitions (lazily)."""

    format: str
    path: str
    documents: int
    partitions: Callable[[], Iterator[Partition]]


def text_of(value: object, field: str) -> str:
    """A metadata value as text: a string as it is, a number as written, nothing as ``""``.

    Raises
    ------
    ValueError
        For a list, a mapping or another value that is not one text.

    Examples
    --------
    >>> text_of(1937, "date"), text_of(None, "url"), text_of(date(1937, 7, 30), "date")
    ('1937', '', '1937-07-30')
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, (date, datetime)):  # a Parquet date or timestamp column
        return value.isoformat()
    raise ValueError(f"'{field}' is not text (a {type(value).__name__})")


def document_of(doc_id: object, text: object, meta: dict[str, object], where: str) -> Document:
    """One document from a line or a row: checked as an article is, HTML made text, or skipped with the reason.

    Examples
    --------
    >>> document_of("a", "<html><p>In 1937, 681,692 were shot.</p>", {"date": 1937}, "line 1").text
    'In 1937, 681,692 were shot.'
    >>> document_of("b", "", {}, "line 2").skipped
    'line 2: the text is empty'
    >>> document_of(None, "x", {}, "line 3").skipped
    "line 3: no 'id' (a string or an integer)"
    """
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)) or doc_id == "":
        return Document(where, skipped=f"{where}: no 'id' (a string or an integer)")
    name = str(doc_id)
    try:
        fields = {f: text_of(meta.get(f), f) for f in META_COLUMNS}
    except ValueError as exc:
        return Document(name, skipped=f"{where}: {exc}")
    reason = _unreadable(text)
    if reason:
        return Document(name, skipped=f"{where}: {reason}", **fields)
    assert isinstance(text, str)
    return Document(name, html_to_text(text) if looks_like_html(text) else text, skipped="", **fields)


def _unreadable(text: object) -> str:
    """Why a line's or a row's text cannot be fact-checked ("" if it can), by the limits of an article."""
    if not isinstance(text, str):
        return "no 'text' string"
    if not text.strip():
        return "the text is empty"
    if "\0" in text:
        return "the text holds NUL characters (a binary file?)"
    if len(text) > MAX_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return f"the text is larger than {MAX_BYTES / 1e6:.0f} MB; split it"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "the text is not valid Unicode (a lone surrogate)"
    return ""


def shown(path: str | Path) -> str:
    """A path for a message."""
    return printable(str(path))
