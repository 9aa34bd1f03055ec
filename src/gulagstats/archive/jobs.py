"""The two functions a worker runs: fact-check a partition, and read the partitions back for the tables.

They import the fact-checker (and so pandas and pyarrow) where they run, in
the worker, so that the process that starts a run stays without them.
"""

from __future__ import annotations

from pathlib import Path

from .sources import Partition
from .task import PartitionDone, Settings


def check_partition(partition: Partition, settings: Settings) -> PartitionDone:
    """Fact-check one partition (:func:`gulagstats.archive.work.run_partition`)."""
    from .work import run_partition  # pandas

    return run_partition(partition, settings)


def summarize(claims: str, names: list[str], corpus: dict[str, object]) -> dict[str, str]:
    """The tables and the manifest of a run, read back from its partitions (:func:`.summary.summary_files`)."""
    from .summary import summary_files  # pandas

    return summary_files(Path(claims), names, corpus)
