"""Who runs the partitions: this process, local worker processes, or a Dask cluster.

Every engine runs the same :func:`~gulagstats.archive.jobs.check_partition` on
the same partitions, then :func:`~gulagstats.archive.jobs.summarize` once, so
their outputs are the same bytes; they differ only in where the work happens:

- ``serial``: in this process, one partition after the other;
- ``local`` (the default): worker processes on this machine, from the standard
  library's :class:`concurrent.futures.ProcessPoolExecutor`, started with
  ``spawn`` (no service to start, no port opened, no dependency beyond
  pyarrow, safe whatever threads this process runs; each worker loads the
  fact-checker's data once);
- ``dask``: a Dask distributed cluster, through Dask's futures: the scheduler at
  ``--scheduler tcp://HOST:PORT``, or else a :class:`distributed.LocalCluster`
  of worker processes bound to 127.0.0.1 (no dashboard), closed however the run ends.

Partitions are handed out as they are read from the plan, :data:`AHEAD` per
worker ahead of those running, so that neither this process nor the scheduler
ever holds the description of a whole archive (a ``dask.bag`` would build its
whole graph first); each result is a few counts.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from ..errors import GulagstatsError, printable
from .jobs import check_partition
from .sources import Partition
from .task import PartitionDone, Settings

#: The engines, in the order of ``--help``.
ENGINES = ("local", "serial", "dask")
#: Partitions handed to the workers ahead of the ones running, per worker.
AHEAD = 2
#: Seconds to wait for a Dask scheduler to answer.
CONNECT_TIMEOUT = 20

Report = Callable[[PartitionDone], None]
Result = TypeVar("Result")


class EngineError(GulagstatsError, RuntimeError):
    """An engine that cannot run: a worker process that died, a Dask scheduler out of reach."""


def default_workers() -> int:
    """The cores this process may use (its CPU affinity where the system tells it)."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


class Serial:
    """Every partition in this process, in order."""

    def map(self, partitions: Iterable[Partition], settings: Settings, report: Report) -> None:
        for partition in partitions:
            report(check_partition(partition, settings))

    def call(self, function: Callable[..., Result], *args: Any) -> Result:
        return function(*args)


class Local:
    """Every partition on local worker processes (:class:`~concurrent.futures.ProcessPoolExecutor`)."""

    def __init__(self, pool: ProcessPoolExecutor, workers: int) -> None:
        self.pool, self.workers = pool, workers

    def map(self, partitions: Iterable[Partition], settings: Settings, report: Report) -> None:
        pending: set[Future[PartitionDone]] = set()
        for partition in partitions:
            pending.add(self.pool.submit(check_partition, partition, settings))
            while len(pending) >= self.workers * AHEAD:
                pending = _collect(pending, report)
        while pending:
            pending = _collect(pending, report)

    def call(self, function: Callable[..., Result], *args: Any) -> Result:
        return self.pool.submit(function, *args).result()


def _collect(pending: set[Future[PartitionDone]], report: Report) -> set[Future[PartitionDone]]:
    done, left = wait(pending, return_when=FIRST_COMPLETED)
    for future in done:
        report(future.result())  # a worker's error is raised here, as the worker raised it
    return left


class OnDask:
    """Every partition on a Dask cluster, through its futures."""

    def __init__(self, client: Any, workers: int) -> None:
        self.client = client
        self.ahead = AHEAD * max(1, len(client.scheduler_info().get("workers", {})) or workers)

    def map(self, partitions: Iterable[Partition], settings: Settings, report: Report) -> None:
        from distributed import as_completed  # optional: [archive]

        stream: Iterator[Partition] = iter(partitions)
        running = as_completed()
        for partition in _take(stream, self.ahead):
            running.add(self.client.submit(check_partition, partition, settings, pure=False))
        for future in running:
            report(future.result())
            for partition in _take(stream, 1):
                running.add(self.client.submit(check_partition, partition, settings, pure=False))

    def call(self, function: Callable[..., Result], *args: Any) -> Result:
        return self.client.submit(function, *args, pure=False).result()


def _take(stream: Iterator[Partition], count: int) -> list[Partition]:
    return [p for _, p in zip(range(count), stream)]


@contextlib.contextmanager
def start_engine(name: str, workers: int, scheduler: str | None = None) -> Iterator[Serial | Local | OnDask]:
    """The engine ``name`` (``serial``, ``local``, ``dask``), its workers stopped when the block ends.

    Raises
    ------
    EngineError
        If a local worker process dies, or the Dask scheduler cannot be reached.
    """
    if name == "serial":
        yield Serial()
    elif name == "local":
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
        try:
            yield Local(pool, workers)
        except BrokenProcessPool:
            raise EngineError(
                "a worker process died before it finished (out of memory, killed, or it could not start); "
                "rerun: the partitions written are kept"
            ) from None
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    else:
        with _client(scheduler, workers) as client:
            yield OnDask(client, workers)


@contextlib.contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A Dask client of the scheduler at ``scheduler``, or of a LocalCluster closed when the block ends."""
    from distributed import Client, LocalCluster  # optional: [archive]

    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise EngineError(
                f"cannot reach the Dask scheduler at {printable(scheduler)} ({printable(exc)}); "
                "start it with 'dask scheduler' and its workers with 'dask worker ADDRESS'"
            ) from None
        with client:
            yield client
        return
    with LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None, silence_logs=logging.ERROR,
    ) as cluster, Client(cluster) as client:
        yield client
