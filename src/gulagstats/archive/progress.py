"""Progress of a long run on standard error: documents a second, claims found, time left.

A line at most every :data:`INTERVAL` seconds (and one at the end), counted
in documents: those of partitions found already written are counted apart
and left out of the speed, so that a resumed run's time left is honest.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from .task import PartitionDone

#: Seconds between two lines of progress.
INTERVAL = 2.0


def duration(seconds: float) -> str:
    """A duration in words a person reads at a glance.

    Examples
    --------
    >>> duration(42), duration(135), duration(7300)
    ('42 s', '2 min 15 s', '2 h 01 min')
    """
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


class Progress:
    """Counts the partitions done and writes a line of progress now and then to ``stream`` (None: silent).

    Examples
    --------
    >>> import io
    >>> out, now = io.StringIO(), iter([0.0, 10.0, 20.0]).__next__
    >>> p = Progress(1000, out, clock=now)
    >>> p(PartitionDone(0, 500, 90000, 40, 1, reused=False))
    >>> out.getvalue()
    'gulagstats: 500 of 1,000 documents (50 %), 50 documents/s, 9,000 words/s, 40 claims; about 10 s left\\n'
    """

    def __init__(
        self, total: int, stream: TextIO | None, interval: float = INTERVAL, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.total, self.stream, self.interval, self.clock = total, stream, interval, clock
        self.started = clock()
        self.shown = self.started
        self.documents = self.words = self.claims = self.skipped = self.partitions = 0
        self.reused_documents = self.reused = 0

    def __call__(self, done: PartitionDone) -> None:
        """Count one partition done; write a line if the last one is :attr:`interval` seconds old."""
        self.partitions += 1
        self.claims += done.claims
        self.skipped += done.skipped
        if done.reused:
            self.reused += 1
            self.reused_documents += done.documents
        else:
            self.documents += done.documents
            self.words += done.words
        now = self.clock()
        if self.stream is not None and now - self.shown >= self.interval:
            self.shown = now
            print(self.line(now), file=self.stream, flush=True)

    def line(self, now: float) -> str:
        """The line of progress at ``now``."""
        seen = self.documents + self.reused_documents
        elapsed = max(now - self.started, 1e-9)
        rate = self.documents / elapsed
        share = f" ({100 * seen / self.total:.0f} %)" if self.total else ""
        left = f"; about {duration((self.total - seen) / rate)} left" if rate and self.total > seen else ""
        reused = f", {self.reused_documents:,} already done" if self.reused else ""
        return (
            f"gulagstats: {seen:,} of {self.total:,} documents{share}{reused}, {rate:,.0f} documents/s, "
            f"{self.words / elapsed:,.0f} words/s, {self.claims:,} claims{left}"
        )

    def finish(self) -> None:
        """The last line, whatever the interval."""
        if self.stream is not None:
            print(self.line(self.clock()), file=self.stream, flush=True)
