"""A folder of texts as a corpus: every text, Markdown or HTML file under it, in a fixed order.

A document's id is its path relative to the folder (``2019/03/a.html``);
hidden files and folders (a name starting with ``.``) and files of other
kinds are left out.  Each file is read by the fact-checker's own reader, so
a file it refuses (binary, not UTF-8, empty, over 10 MB, a FIFO) is a
document skipped with that reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from ..factcheck.read import FactcheckInputError, read_source
from .sources import Document, Partition, Plan

#: The files of a folder read as documents (by suffix, any case).
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"})


def document_names(root: Path) -> Iterator[str]:
    """The documents of a folder, relative and with ``/``: a folder's files, then its subfolders, each by name.

    Read folder by folder (the names of one folder are held at a time, not the whole tree); the
    order is the same on every run and every machine.

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> for name in ("b.txt", "a/z.html", ".hidden.txt", "c.pdf"):
    ...     (root / name).parent.mkdir(exist_ok=True)
    ...     _ = (root / name).write_text("x")
    >>> list(document_names(root))
    ['b.txt', 'a/z.html']
    """
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(folder).relative_to(root)
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in TEXT_SUFFIXES:
                yield (base / name).as_posix()


def plan_folder(root: Path, batch_size: int) -> Plan:
    """The partitions of a folder: its documents in runs of ``batch_size``, in order.

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> for n in range(5):
    ...     _ = (root / f"{n}.txt").write_text("x")
    >>> plan = plan_folder(root, 2)
    >>> plan.documents, [p.names for p in plan.partitions()]
    (5, [('0.txt', '1.txt'), ('2.txt', '3.txt'), ('4.txt',)])
    """
    total = sum(1 for _ in document_names(root))

    def partitions() -> Iterator[Partition]:
        batch: list[str] = []
        index = 0
        for name in document_names(root):
            batch.append(name)
            if len(batch) == batch_size:
                yield Partition(index, "folder", str(root), len(batch), tuple(batch))
                batch, index = [], index + 1
        if batch:
            yield Partition(index, "folder", str(root), len(batch), tuple(batch))

    return Plan("folder", str(root), total, partitions)


def read_folder(partition: Partition, batch_size: int) -> Iterator[list[Document]]:
    """The documents of a folder's partition, ``batch_size`` at a time, each read or skipped with the reason."""
    batch: list[Document] = []
    for name in partition.names:
        try:
            read = read_source(Path(partition.path) / name)
            batch.append(Document(name, read.text))
        except FactcheckInputError as exc:
            batch.append(Document(name, skipped=str(exc)))
        if len(batch) == batch_size:
            yield batch
            batch = []
    if batch:
        yield batch
