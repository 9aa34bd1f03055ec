"""One partition in, one Parquet file of claims and verdicts out: the unit of work of every engine.

:func:`run_partition` is a module-level function of picklable arguments, run in a
worker process or a Dask worker (through :func:`gulagstats.archive.jobs.check_partition`); it reads its own
documents (never held all at once: ``batch_size`` at a time), runs the
fact-checker's :func:`~gulagstats.factcheck.run.check_text` on each and
:func:`~gulagstats.factcheck.judgment.judge` once a batch, and writes each
batch as a row group of ``claims/part-NNNNNN.parquet`` through the project's
safe writer (a hidden temporary file, renamed whole at the end: an
interrupted run leaves no half partition under its name).

The file keeps, in its metadata, the sha256 of its input as read (every
document's id, metadata and text, or the reason it was skipped) and the
fingerprint of the fact-checker (:func:`~gulagstats.archive.task.fingerprint`: its code, its data, the
lexicon and overlay, the batch size).  A rerun that finds both unchanged
skips the partition; anything else is fact-checked again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..core.record import Record, resolve
from ..errors import GulagstatsError
from ..factcheck.judgment import claims_frame, judge
from ..factcheck.resources import Resources, load_resources
from ..factcheck.run import check_text
from ..outputs import atomic_path
from .formats import read_partition
from .schema import COLUMNS, METADATA_KEY, arrow_schema, arrow_table
from .sources import Document, Partition
from .task import PartitionDone, Settings, fingerprint, partition_path


class CorpusWorkerError(GulagstatsError, RuntimeError):
    """A worker that cannot do the work as the client asked (another gulagstats, another data)."""


@lru_cache(maxsize=4)
def load_context(lexicon: str | None, overlay: str | None) -> tuple[Resources, Record]:
    """The fact-checker's data and the record, loaded once per process and never changed."""
    return load_resources(lexicon), resolve(None, overlay)


def stored(path: Path) -> dict[str, Any] | None:
    """The metadata a partition file was written with (None if the file is not one of ours)."""
    import pyarrow.parquet as pq  # optional: [archive]

    try:
        raw = (pq.read_metadata(path).metadata or {}).get(METADATA_KEY.encode())
        return json.loads(raw) if raw else None
    except Exception:  # a file that is not Parquet, or not ours: fact-checked again and replaced
        return None


def input_sha256(partition: Partition, batch_size: int) -> str:
    """The sha256 of a partition's documents as read (ids, metadata, texts, reasons skipped)."""
    digest = hashlib.sha256()
    for batch in read_partition(partition, batch_size):
        for document in batch:
            document.digest_into(digest)
    return digest.hexdigest()


def run_partition(partition: Partition, settings: Settings) -> PartitionDone:
    """Fact-check one partition into its Parquet file, or find it already written from the same input.

    Raises
    ------
    CorpusWorkerError
        If this process's gulagstats (code, data, lexicon, overlay) is not the client's.
    OutputWriteError
        If the file cannot be written (nothing is left under its name).
    """
    if fingerprint(settings.lexicon, settings.overlay, settings.batch_size) != settings.fingerprint:
        raise CorpusWorkerError(
            "a worker runs another gulagstats than the client (its code, data, lexicon or overlay differ): "
            "install the same version on every worker and give files every worker can read"
        )
    target = partition_path(settings.claims, partition)
    old = stored(target) if target.is_file() else None
    same = old is not None and old.get("fingerprint") == settings.fingerprint
    if old and same and old.get("input_sha256") == input_sha256(partition, settings.batch_size):
        return _done(partition.index, old, reused=True)
    return _done(partition.index, _write_partition(partition, settings, target), reused=False)


def _done(index: int, meta: dict[str, Any], reused: bool) -> PartitionDone:
    return PartitionDone(index, meta["documents"], meta["words"], meta["claims"], len(meta["skipped"]), reused)


def _write_partition(partition: Partition, settings: Settings, target: Path) -> dict[str, Any]:
    import pyarrow.parquet as pq  # optional: [archive]

    data, record = load_context(settings.lexicon, settings.overlay)
    digest = hashlib.sha256()
    meta: dict[str, Any] = {"documents": 0, "words": 0, "claims": 0, "skipped": []}
    with atomic_path(target, "the archive's claims") as temp:
        writer = pq.ParquetWriter(temp, arrow_schema(), compression="zstd")
        try:
            for batch in read_partition(partition, settings.batch_size):
                for document in batch:
                    document.digest_into(digest)
                rows = _claims(batch, partition.key, data, record, meta)
                if len(rows):
                    writer.write_table(arrow_table(rows))
            meta |= {
                "partition": partition.key, "source": partition.describe(),
                "input_sha256": digest.hexdigest(), "fingerprint": settings.fingerprint,
            }
            writer.add_key_value_metadata({METADATA_KEY: json.dumps(meta, sort_keys=True)})
        finally:
            writer.close()
    return meta


def _claims(batch: list[Document], key: str, data: Resources, record: Record, meta: dict[str, Any]) -> Any:
    """The claim rows of a batch of documents, judged once for the batch; counts added to ``meta``."""
    frames, owners = [], []
    for document in batch:
        meta["documents"] += 1
        if document.skipped:
            meta["skipped"].append([document.id, document.skipped])
            continue
        meta["words"] += len(document.text.split())
        found = check_text(document.text, document.id, data).frames
        frames += found
        owners += [(document, n) for n in range(1, len(found) + 1)]
    rows = judge(claims_frame(frames), record)
    meta["claims"] += len(rows)
    for column, values in _document_columns(owners, key):
        rows[column] = values
    return rows[COLUMNS]


def _document_columns(owners: list[tuple[Document, int]], key: str) -> Iterator[tuple[str, list[Any]]]:
    yield "partition", [key] * len(owners)
    yield "doc_id", [d.id for d, _ in owners]
    for column in ("url", "date", "year", "language", "title"):
        yield column, [getattr(d, column) for d, _ in owners]
    yield "claim", [n for _, n in owners]
