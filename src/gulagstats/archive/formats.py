"""Which kind of corpus a PATH is, and the one way to plan it and to read a partition of it.

- a folder holding ``.parquet`` files: a Parquet dataset (text files beside them are refused);
- any other folder: a folder of texts (:mod:`.folder`);
- a ``.jsonl``, ``.ndjson`` or ``.jsonlines`` file: JSON Lines (:mod:`.jsonlines`);
- a ``.parquet`` file: a Parquet dataset of one file (:mod:`.parquetset`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ..inputs import file_kind
from .folder import document_names, plan_folder, read_folder
from .jsonlines import plan_jsonl, read_jsonl
from .parquetset import parquet_files, plan_parquet, read_parquet
from .sources import EXPECTED, CorpusInputError, Document, Partition, Plan, shown

#: The suffixes of a JSON Lines file.
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
_READERS = {"folder": read_folder, "jsonl": read_jsonl, "parquet": read_parquet}


def corpus_format(path: Path) -> str:
    """``folder``, ``jsonl`` or ``parquet``: what ``path`` is, refused in one line if none.

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> corpus_format(root / "c.jsonl") if (root / "c.jsonl").write_text("") == 0 else None
    'jsonl'
    >>> corpus_format(root / "nothing")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gulagstats.archive.sources.CorpusInputError: corpus .../nothing does not exist; expected a folder ...
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise CorpusInputError(f"corpus {shown(path)} does not exist; expected {EXPECTED}") from None
    except OSError as exc:
        raise CorpusInputError(f"corpus {shown(path)} cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(mode):
        if not parquet_files(path):
            return "folder"
        if next(document_names(path), None) is not None:
            raise CorpusInputError(
                f"corpus {shown(path)} holds both Parquet files and text files; give a folder of one kind"
            )
        return "parquet"
    if not stat.S_ISREG(mode):
        raise CorpusInputError(f"corpus {shown(path)} is not a regular file ({file_kind(mode)}); expected {EXPECTED}")
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix == ".parquet":
        return "parquet"
    raise CorpusInputError(
        f"corpus {shown(path)} is neither a folder nor a .jsonl or .parquet file; expected {EXPECTED}"
    )


def plan_corpus(path: str | Path, batch_size: int) -> Plan:
    """Check a corpus and cut it into partitions (lazily): every problem with the corpus as a whole is refused here.

    Raises
    ------
    CorpusInputError
        A missing path, a special file, an unknown kind, a JSON Lines file whose first line is not a
        document, a Parquet file without ``id`` and ``text``, a folder with no text file.
    """
    root = Path(path).absolute()
    kind = corpus_format(root)
    if kind == "jsonl":
        return plan_jsonl(root, batch_size)
    if kind == "parquet":
        return plan_parquet(root, batch_size)
    plan = plan_folder(root, batch_size)
    if not plan.documents:
        raise CorpusInputError(
            f"corpus {shown(path)} holds no text, Markdown or HTML file (.txt, .md, .html); expected {EXPECTED}"
        )
    return plan


def read_partition(partition: Partition, batch_size: int) -> Iterator[list[Document]]:
    """The documents of one partition, ``batch_size`` at a time, whatever the corpus's kind."""
    return _READERS[partition.format](partition, batch_size)
