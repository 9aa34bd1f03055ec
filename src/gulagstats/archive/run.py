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
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..errors import GulagstatsError, OutputPathError, printable
from ..outputs import atomic_paths, check_target
from ..publish.export import require
from ..render import render
from ..store import refuse_inside_data_dir
from .engines import ENGINES, default_workers, run_dask, run_local, run_serial
from .formats import plan_corpus
from .progress import Progress
from .sources import Plan
from .summary import Tally, manifest, summary_tables
from .work import Settings, fingerprint, load_context, partition_path

#: The files written beside the claims folder.
TABLES = ("summary.csv", "repeated.csv", "skipped.csv", "corpus.json")
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
        require("distributed", "archive")
    return engine, workers or default_workers()


def check_corpus_out(out: str | Path) -> Path:
    """Refuse an output folder before any document is read: a file, a place in data/, a bad name inside it."""
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise OutputPathError(f"--out {printable(out)} exists and is not a directory")
    refuse_inside_data_dir(folder, "the archive's fact-check")
    for name in (*TABLES, "claims"):
        if name == "claims" and (folder / name).is_dir() and not (folder / name).is_symlink():
            continue
        check_target(folder / name, "the archive's fact-check")
    return folder


@contextlib.contextmanager
def _only_run(folder: Path) -> Iterator[None]:
    """Hold the folder for this run: a second run into it is refused, not interleaved."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: not serialised
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
    CorpusInputError, CorpusSettingsError, OutputPathError, MissingExtraError
        Before any work, in one line.

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> _ = (root / "c.jsonl").write_text('{"id": "a", "text": "In 1937-1938, 7 million people were shot."}\\n')
    >>> check_corpus(root / "c.jsonl", root / "out", engine="serial", progress=None).summary()
    '1 claim in 1 document (7 words, 1 partition)'
    """
    require("pyarrow", "archive")
    batch_size = BATCH_SIZE if batch_size is None else batch_size
    engine, workers = check_settings(engine, workers, scheduler, batch_size)
    folder = check_corpus_out(out)
    plan = plan_corpus(corpus, batch_size)
    lexicon_path = str(Path(lexicon).absolute()) if lexicon is not None else None
    overlay_path = str(Path(overlay).absolute()) if overlay is not None else None
    _, record = load_context(lexicon_path, overlay_path)  # a broken lexicon or overlay: refused here, in one line
    record.overlay_rows()
    settings = Settings(
        str((folder / "claims").absolute()), batch_size, lexicon_path, overlay_path,
        fingerprint(lexicon_path, overlay_path, batch_size),
    )
    (folder / "claims").mkdir(parents=True, exist_ok=True)
    with _only_run(folder):
        _remove_temporaries(folder / "claims")
        count = Progress(plan.documents, progress)
        _run_engine(plan, settings, engine, workers, scheduler, count)
        count.finish()
        return _finish(folder, plan, settings, count)


def _run_engine(plan: Plan, settings: Settings, engine: str, workers: int, scheduler: str | None, report: Progress) -> None:
    if engine == "serial":
        run_serial(plan.partitions(), settings, report)
    elif engine == "local":
        run_local(plan.partitions(), settings, report, workers)
    else:
        run_dask(plan.partitions(), settings, report, workers, scheduler)


def _remove_temporaries(claims: Path) -> None:
    """Hidden temporary files of a run that was killed (``.part-NNNNNN.parquet.XXXX.tmp.parquet``)."""
    for path in claims.glob(".part-*.tmp.parquet"):
        with contextlib.suppress(OSError):
            path.unlink()


def _finish(folder: Path, plan: Plan, settings: Settings, count: Progress) -> CorpusResult:
    """Read the partitions back (in order), write the tables and the manifest, remove partitions of older runs."""
    tally = Tally()
    keys = set()
    for partition in plan.partitions():
        path = partition_path(settings.claims, partition)
        if not path.is_file():
            raise OutputPathError(
                f"partition {partition.key} was written by a worker but is not in {printable(path.parent)}: "
                "the corpus and --out must be on a file system every worker shares, at the same path"
            )
        tally.add(path)
        keys.add(path.name)
    for stale in Path(settings.claims).glob("part-*.parquet"):
        if _PART.fullmatch(stale.name) and stale.name not in keys:
            stale.unlink()  # a partition of an earlier run of a longer corpus: not part of this one
    frames = summary_tables(tally)
    corpus = {"corpus": str(plan.path), "format": plan.format, "batch_size": settings.batch_size,
              "fingerprint": settings.fingerprint}
    contents = {name: render(frames[name.removesuffix(".csv")], "csv") + "\n" for name in TABLES[:3]}
    contents["corpus.json"] = manifest(tally, corpus)
    names = [folder / name for name in TABLES]
    with atomic_paths(names, "the archive's fact-check") as temps:
        for temp, name in zip(temps, TABLES):
            temp.write_bytes(contents[name].encode("utf-8"))
    totals = tally.totals()
    return CorpusResult(
        totals["documents"], totals["words"], totals["claims"], totals["skipped"], len(tally.partitions),
        count.reused, [folder / "claims", *names],
    )


