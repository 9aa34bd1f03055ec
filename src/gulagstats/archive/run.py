"""Fact-check an archive, from the checks of its inputs to the last file written.

:func:`check_corpus` refuses a bad input before any work (the corpus, the
output folder, the engine and its settings, the lexicon, the overlay), cuts
the corpus into partitions, has an engine run them, then reads the partitions
back for the summary tables and the manifest.  The output folder holds::

    claims/part-000000.parquet ...   one file a partition: a claim a row, with its document and verdict
    summary.csv  repeated.csv  skipped.csv  corpus.json

A second run into the same folder skips every partition written from the same
input (and the same fact-checker), so a run that was stopped, even by
``kill -9``, goes on where it stopped and ends with the same files as a run
that was never stopped.  One run at a time may write into a folder.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..errors import GulagstatsError, OutputPathError, printable
from ..factcheck.resources import load_resources
from ..outputs import atomic_paths, check_target
from ..store import refuse_inside_data_dir
from .engines import ENGINES, default_workers, start_engine
from .formats import plan_corpus
from .jobs import summarize
from .progress import Progress
from .sources import Plan
from .task import FILES, Settings, fingerprint, partition_path, require_installed

try:  # POSIX; elsewhere two runs into one folder are not refused
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

#: Documents a partition (and a batch) holds by default.
BATCH_SIZE = 500
_PART = re.compile(r"part-(\d{6,})\.parquet")
_SCHEDULER = re.compile(r"(tcp|tls|inproc|ucx)://\S+")


class CorpusSettingsError(GulagstatsError, ValueError):
    """Settings of an archive run that cannot work together (an engine, a number of workers, a scheduler)."""


@dataclass(frozen=True)
class CorpusResult:
    """What a run did: its totals, its partitions (and how many were found already written), its files."""

    documents: int
    words: int
    claims: int
    skipped: int
    partitions: int
    reused: int
    written: list[Path]

    def summary(self) -> str:
        """One line for the command line."""
        reused = f", {self.reused:,} already written" if self.reused else ""
        skipped = f"; {_count(self.skipped, 'document')} not read (skipped.csv)" if self.skipped else ""
        return (
            f"{_count(self.claims, 'claim')} in {_count(self.documents - self.skipped, 'document')} "
            f"({_count(self.words, 'word')}, {_count(self.partitions, 'partition')}{reused}){skipped}"
        )


def _count(n: int, noun: str) -> str:
    """``1 claim``, ``2,000 claims``."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def check_settings(engine: str, workers: int | None, scheduler: str | None, batch_size: int) -> tuple[str, int]:
    """The engine and number of workers a run uses; anything that cannot work is refused in one line.

    Examples
    --------
    >>> check_settings("local", None, "tcp://10.0.0.5:8786", 500)[0]
    'dask'
    >>> check_settings("serial", 0, None, 500)
    Traceback (most recent call last):
    ...
    gulagstats.archive.run.CorpusSettingsError: --workers 0: expected a number of worker processes, 1 or more
    """
    if engine not in ENGINES:
        raise CorpusSettingsError(f"--engine {printable(engine)}: expected one of {', '.join(ENGINES)}")
    if workers is not None and workers < 1:
        raise CorpusSettingsError(f"--workers {workers}: expected a number of worker processes, 1 or more")
    if batch_size < 1:
        raise CorpusSettingsError(f"--batch-size {batch_size}: expected a number of documents, 1 or more")
    if scheduler is not None:
        if not _SCHEDULER.fullmatch(scheduler):
            raise CorpusSettingsError(f"--scheduler {printable(scheduler)}: expected an address like tcp://HOST:8786")
        if engine == "serial":
            raise CorpusSettingsError("--scheduler runs on a Dask cluster: not with --engine serial")
        engine = "dask"
    if engine == "dask":
        require_installed("distributed")
    return engine, workers or default_workers()


def check_corpus_out(out: str | Path) -> Path:
    """Refuse an output folder before any document is read: a file, a place in data/, a bad name inside it."""
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise OutputPathError(f"--out {printable(out)} exists and is not a directory")
    refuse_inside_data_dir(folder, "the archive's fact-check")
    for name in (*FILES, "claims"):
        if name == "claims" and (folder / name).is_dir() and not (folder / name).is_symlink():
            continue
        check_target(folder / name, "the archive's fact-check")
    return folder


@contextlib.contextmanager
def _only_run(folder: Path) -> Iterator[None]:
    """Hold the folder for this run: a second run into it is refused, not interleaved."""
    if fcntl is None:  # pragma: no cover - Windows: not serialised
        yield
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputPathError(f"another gulagstats run is writing into {printable(folder)}; wait for it") from None
        yield
    finally:
        os.close(handle)


def check_corpus(
    corpus: str | Path, out: str | Path, *, engine: str = "local", workers: int | None = None,
    scheduler: str | None = None, batch_size: int | None = None, lexicon: str | Path | None = None,
    overlay: str | Path | None = None, progress: TextIO | None = sys.stderr,
) -> CorpusResult:
    """Fact-check every document of an archive into ``out``: claims by partition, summary tables, manifest.

    Parameters
    ----------
    corpus : path
        A folder of text or HTML files, a JSON Lines file or a Parquet dataset (``id`` and ``text``).
    out : path
        The output folder (created; partitions already written from the same input are kept).
    engine : {"local", "serial", "dask"}
        Local worker processes (default), this process, or a Dask cluster.
    workers : int, optional
        Worker processes (default: the cores this process may use); for ``dask``, of the LocalCluster.
    scheduler : str, optional
        The address of a Dask scheduler (``tcp://HOST:8786``): the work runs there.
    batch_size : int, optional
        Documents a partition holds (folders, JSON Lines) and documents read at a time
        (default: :data:`BATCH_SIZE`).
    lexicon, overlay : path, optional
        As for ``gulagstats factcheck`` (every worker must read them at the same path).
    progress : file, optional
        Where progress lines go (None: nowhere).

    Raises
    ------
    CorpusInputError, CorpusSettingsError, OutputPathError, MissingArchiveExtraError
        Before any work, in one line.

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> _ = (root / "c.jsonl").write_text('{"id": "a", "text": "In 1937-1938, 7 million people were shot."}\\n')
    >>> check_corpus(root / "c.jsonl", root / "out", engine="serial", progress=None).summary()
    '1 claim in 1 document (7 words, 1 partition)'
    """
    require_installed("pyarrow")
    batch_size = BATCH_SIZE if batch_size is None else batch_size
    engine, workers = check_settings(engine, workers, scheduler, batch_size)
    folder = check_corpus_out(out)
    plan = plan_corpus(corpus, batch_size)
    lexicon_path, overlay_path = _lexicon_and_overlay(lexicon, overlay)
    settings = Settings(
        str((folder / "claims").absolute()), batch_size, lexicon_path, overlay_path,
        fingerprint(lexicon_path, overlay_path, batch_size),
    )
    (folder / "claims").mkdir(parents=True, exist_ok=True)
    with _only_run(folder), start_engine(engine, workers, scheduler) as workers_of_run:
        _remove_temporaries(folder / "claims")
        count = Progress(plan.documents, progress)
        workers_of_run.map(plan.partitions(), settings, count)
        count.finish()
        names = _partitions_written(plan, settings)
        corpus_info = {"corpus": str(plan.path), "format": plan.format, "batch_size": batch_size,
                       "fingerprint": settings.fingerprint}
        contents = workers_of_run.call(summarize, settings.claims, names, corpus_info)
    return _finish(folder, contents, count.reused)


def _lexicon_and_overlay(lexicon: str | Path | None, overlay: str | Path | None) -> tuple[str | None, str | None]:
    """The lexicon and the overlay as absolute paths (for every worker), each refused here if broken."""
    lexicon_path = str(Path(lexicon).absolute()) if lexicon is not None else None
    overlay_path = str(Path(overlay).absolute()) if overlay is not None else None
    if lexicon_path:
        load_resources(lexicon_path)
    if overlay_path:
        from ..core.record import Record  # pandas

        Record(overlay_path).overlay_rows()
    return lexicon_path, overlay_path


def _remove_temporaries(claims: Path) -> None:
    """Hidden temporary files of a run that was killed (``.part-NNNNNN.parquet.XXXX.tmp.parquet``)."""
    for path in claims.glob(".part-*.tmp.parquet"):
        with contextlib.suppress(OSError):
            path.unlink()


def _partitions_written(plan: Plan, settings: Settings) -> list[str]:
    """The names of the run's partition files, in order; those of an earlier run of a longer corpus removed."""
    names = []
    for partition in plan.partitions():
        path = partition_path(settings.claims, partition)
        if not path.is_file():
            raise OutputPathError(
                f"partition {partition.key} was written by a worker but is not in {printable(path.parent)}: "
                "the corpus and --out must be on a file system every worker shares, at the same path"
            )
        names.append(path.name)
    known = set(names)
    for stale in Path(settings.claims).glob("part-*.parquet"):
        if _PART.fullmatch(stale.name) and stale.name not in known:
            stale.unlink()
    return names


def _finish(folder: Path, contents: dict[str, str], reused: int) -> CorpusResult:
    """Write the tables and the manifest together (all or none); the result, from the manifest's totals."""
    names = [folder / name for name in FILES]
    with atomic_paths(names, "the archive's fact-check") as temps:
        for temp, name in zip(temps, FILES):
            temp.write_bytes(contents[name].encode("utf-8"))
    totals = json.loads(contents["corpus.json"])
    return CorpusResult(
        totals["documents"], totals["words"], totals["claims"], totals["skipped"], len(totals["partitions"]),
        reused, [folder / "claims", *names],
    )
