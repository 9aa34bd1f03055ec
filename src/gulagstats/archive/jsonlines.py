"""A JSON Lines file as a corpus: one document a line, ``{"id": ..., "text": ..., "url": ..., "date": ...}``.

The file is cut into partitions of ``batch_size`` lines by one pass that only
counts line ends (the text is not parsed there); each worker seeks to its
partition's first byte and reads its lines one at a time.  A line that is not
a JSON object with an ``id`` and a ``text``, or whose text is over the
limit, is a document skipped with its line number; a blank line is no
document.  The first line is checked before any work, so that a file that is
not JSON Lines at all is refused at once.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..factcheck.read import MAX_BYTES
from ..inputs import open_input
from .sources import CorpusInputError, Document, Partition, Plan, document_of, shown

#: The longest line read (a text of 10 MB may be written with escapes: up to six bytes a character).
MAX_LINE = 6 * MAX_BYTES + 4096
_BLOCK = 1 << 22
_BOM = b"\xef\xbb\xbf"


def open_jsonl(path: Path) -> BinaryIO:
    """The file, opened for reading after the input checks (a regular file, never a FIFO or a device)."""
    return os.fdopen(open_input(path, "corpus", error=CorpusInputError, expected="a JSON Lines file"), "rb")


def _lines(handle: BinaryIO, end: int | None = None) -> Iterator[bytes | None]:
    """The lines from the handle's position to ``end``; ``None`` for a line longer than :data:`MAX_LINE`."""
    while end is None or handle.tell() < end:
        line = handle.readline(MAX_LINE + 1)
        if not line:
            return
        if len(line) > MAX_LINE and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # the rest of the long line, never held whole
                line = handle.readline(_BLOCK)
            yield None
            continue
        yield line


def _check_first_line(path: Path) -> None:
    with open_jsonl(path) as handle:
        for line in _lines(handle):
            if line is not None and not line.strip():
                continue
            try:
                row = json.loads((line or b"").removeprefix(_BOM))
            except (ValueError, UnicodeDecodeError):
                row = None
            if not isinstance(row, dict) or "id" not in row or not isinstance(row.get("text"), str):
                raise CorpusInputError(
                    f"corpus {shown(path)}: its first line is not a JSON object with an 'id' and a 'text'; "
                    "expected JSON Lines, one document a line"
                )
            return
    raise CorpusInputError(f"corpus {shown(path)} is empty; expected JSON Lines, one document a line")


def _line_ends(path: Path, every: int) -> Iterator[int]:
    """The byte offset after every ``every``-th line end, then the file's size."""
    offset, need = 0, every
    with open_jsonl(path) as handle:
        while block := handle.read(_BLOCK):
            count, at = block.count(b"\n"), 0
            while count >= need:
                for _ in range(need):
                    at = block.index(b"\n", at) + 1
                count -= need
                need = every
                yield offset + at
            need -= count
            offset += len(block)
    yield offset


def plan_jsonl(path: Path, batch_size: int) -> Plan:
    """The partitions of a JSON Lines file: runs of ``batch_size`` lines, found by counting line ends.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "c.jsonl"
    >>> _ = path.write_text("".join(f'{{"id": {n}, "text": "x"}}\\n' for n in range(5)))
    >>> plan = plan_jsonl(path, 2)
    >>> plan.documents, [(p.start, p.end, p.first_line, p.documents) for p in plan.partitions()]
    (5, [(0, 46, 1, 2), (46, 92, 3, 2), (92, 115, 5, 1)])
    """
    _check_first_line(path)
    with open_jsonl(path) as handle:
        lines, last = 0, b""
        while block := handle.read(_BLOCK):
            lines += block.count(b"\n")
            last = block[-1:]
    lines += last not in (b"\n", b"")

    def partitions() -> Iterator[Partition]:
        start, line, index = 0, 1, 0
        for end in _line_ends(path, batch_size):
            if end > start:
                count = min(batch_size, lines - line + 1)
                yield Partition(index, "jsonl", str(path), count, start=start, end=end, first_line=line)
                start, line, index = end, line + batch_size, index + 1

    return Plan("jsonl", str(path), lines, partitions)


def read_jsonl(partition: Partition, batch_size: int) -> Iterator[list[Document]]:
    """The documents of a partition of a JSON Lines file, ``batch_size`` at a time."""
    batch: list[Document] = []
    with open_jsonl(Path(partition.path)) as handle:
        handle.seek(partition.start)
        for number, line in enumerate(_lines(handle, partition.end), start=partition.first_line):
            document = _document(line, number, partition.start == 0 and number == partition.first_line)
            if document is None:
                continue
            batch.append(document)
            if len(batch) == batch_size:
                yield batch
                batch = []
    if batch:
        yield batch


def _document(line: bytes | None, number: int, first: bool) -> Document | None:
    where = f"line {number}"
    if line is None:
        return Document(where, skipped=f"{where}: longer than {MAX_LINE / 1e6:.0f} MB")
    if first:
        line = line.removeprefix(_BOM)
    if not line.strip():
        return None
    try:
        row = json.loads(line)
    except UnicodeDecodeError:
        return Document(where, skipped=f"{where}: not UTF-8")
    except ValueError as exc:
        return Document(where, skipped=f"{where}: not JSON ({str(exc).split(':')[0]})")
    if not isinstance(row, dict):
        return Document(where, skipped=f"{where}: not a JSON object")
    return document_of(row.get("id"), row.get("text"), row, where)
