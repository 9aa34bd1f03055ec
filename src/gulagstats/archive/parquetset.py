"""A Parquet dataset as a corpus: a ``.parquet`` file, or a folder of them, with an ``id`` and a ``text`` column.

Its partitions are its row groups (file by file, in the order of their
paths), each read ``batch_size`` rows at a time, so that memory follows the
batch, not the row group; write the dataset with row groups of a few
thousand documents for the work to spread over the workers
(``pyarrow.parquet.write_table(..., row_group_size=5000)``).  The optional
columns ``url``, ``date``, ``language`` and ``title`` are kept on the output.
Every file is checked as an input first (a regular file, never a FIFO), and
its schema before any work.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..inputs import open_input
from .sources import META_COLUMNS, CorpusInputError, Document, Partition, Plan, document_of, shown


def parquet_files(root: Path) -> list[Path]:
    """The Parquet files of a dataset: the file itself, or every ``.parquet`` under the folder, sorted."""
    if root.is_file():
        return [root]
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        found += [Path(folder) / f for f in sorted(files) if f.endswith(".parquet") and not f.startswith((".", "_"))]
    return found


def _open(path: Path) -> Any:
    """A :class:`pyarrow.parquet.ParquetFile` of a file checked as an input (a regular file)."""
    import pyarrow.parquet as pq  # optional: [archive]

    os.close(open_input(path, "corpus", error=CorpusInputError, expected="a Parquet file"))
    try:
        return pq.ParquetFile(path)
    except Exception as exc:  # pyarrow's errors (ArrowInvalid, OSError) for a file that is not Parquet
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise CorpusInputError(f"corpus file {shown(path)} is not a Parquet file ({first})") from None


def columns_of(path: Path) -> list[str]:
    """The columns read from a file: ``id``, ``text`` and the optional ones it has.

    Raises
    ------
    CorpusInputError
        If it has no ``id`` or no ``text`` column, or the text is not a string column.
    """
    import pyarrow as pa  # optional: [archive]

    schema = _open(path).schema_arrow
    missing = [c for c in ("id", "text") if c not in schema.names]
    if missing:
        raise CorpusInputError(
            f"corpus file {shown(path)} has no {' and no '.join(repr(c) for c in missing)} column "
            f"(it has {', '.join(schema.names[:8]) or 'none'}); expected an 'id' and a 'text' column"
        )
    kind = schema.field("text").type
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        raise CorpusInputError(f"corpus file {shown(path)}: its 'text' column is {kind}, not text")
    return ["id", "text", *(c for c in META_COLUMNS if c in schema.names)]


def plan_parquet(root: Path, batch_size: int) -> Plan:
    """The partitions of a Parquet dataset: one a row group; every file's schema checked first."""
    files = parquet_files(root)
    if not files:
        raise CorpusInputError(f"corpus {shown(root)} holds no .parquet file; expected " + "a Parquet dataset")
    groups = []
    for path in files:
        columns_of(path)
        metadata = _open(path).metadata
        groups += [(path, g, metadata.row_group(g).num_rows) for g in range(metadata.num_row_groups)]

    def partitions() -> Iterator[Partition]:
        for index, (path, group, rows) in enumerate(groups):
            yield Partition(index, "parquet", str(path), rows, start=group)

    return Plan("parquet", str(root), sum(rows for _, _, rows in groups), partitions)


def read_parquet(partition: Partition, batch_size: int) -> Iterator[list[Document]]:
    """The documents of one row group, ``batch_size`` rows at a time."""
    path = Path(partition.path)
    columns = columns_of(path)
    row = 0
    for batch in _open(path).iter_batches(batch_size=batch_size, row_groups=[partition.start], columns=columns):
        documents = []
        for values in batch.to_pylist():
            row += 1
            where = f"row group {partition.start}, row {row}"
            documents.append(document_of(values["id"], values["text"], values, where))
        yield documents
