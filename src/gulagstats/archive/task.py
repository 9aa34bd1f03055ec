"""What the client of a run hands its workers and gets back, kept free of pandas and pyarrow.

The process that starts a run only plans partitions, hands them out and
counts: it imports neither pandas nor pyarrow (a test checks), so that with
local workers the memory of the run is the workers'.  The two functions a
worker runs are in :mod:`.jobs`.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .._version import __version__
from ..errors import GulagstatsError
from ..store import datapackage_sha256, file_sha256
from .sources import Partition

#: The files of a run beside its claims folder, in the order they are written.
FILES = ("summary.csv", "repeated.csv", "skipped.csv", "corpus.json")


class MissingArchiveExtraError(GulagstatsError, ImportError):
    """pyarrow or Dask is not installed: ``pip install "gulagstats[archive]"``."""


def require_installed(module: str) -> None:
    """Refuse a run whose library is not installed, in one line, without importing it here.

    Examples
    --------
    >>> require_installed("json")
    >>> require_installed("no_such_module_here")
    Traceback (most recent call last):
    ...
    gulagstats.archive.task.MissingArchiveExtraError: no_such_module_here is not installed: pip install "gulagstats[archive]"
    """
    try:
        found = sys.modules[module] is not None if module in sys.modules else importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise MissingArchiveExtraError(f'{module} is not installed: pip install "gulagstats[archive]"')


@dataclass(frozen=True)
class Settings:
    """What every partition is checked with: where to write, the batch, the lexicon and overlay, the fingerprint."""

    claims: str
    batch_size: int
    lexicon: str | None
    overlay: str | None
    fingerprint: str


@dataclass(frozen=True)
class PartitionDone:
    """What a partition held: documents, words, claims, documents skipped; ``reused`` if found already written."""

    index: int
    documents: int
    words: int
    claims: int
    skipped: int
    reused: bool


def partition_path(claims: str | Path, partition: Partition) -> Path:
    """The file of a partition's claims: ``claims/part-000017.parquet``."""
    return Path(claims) / f"part-{partition.key}.parquet"


@lru_cache(maxsize=1)
def code_sha256() -> str:
    """The sha256 of the installed package's code and packaged tables (``*.py``, ``*.csv``), by relative name."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".csv") and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + file_sha256(path).encode())
    return digest.hexdigest()


def fingerprint(lexicon: str | None, overlay: str | None, batch_size: int) -> str:
    """What the claims of a partition depend on besides its input: the code, the data, the lexicon, the overlay.

    Examples
    --------
    >>> fingerprint(None, None, 500) == fingerprint(None, None, 500) != fingerprint(None, None, 100)
    True
    """
    parts = {
        "version": __version__, "code": code_sha256(), "data": datapackage_sha256(), "batch_size": batch_size,
        "lexicon": file_sha256(Path(lexicon)) if lexicon else "", "overlay": file_sha256(Path(overlay)) if overlay else "",
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()
