"""The archive's tables, read back from its partitions: the summary, the repeated claims, what was skipped.

Each partition file is read in turn, a few columns and
:data:`ROWS` rows at a time, so memory follows the number of distinct
claims and the batch, not the corpus (the counters keep one entry a distinct
quantity, verdict and year, and one a distinct claim).  The order is that of
the partitions, so every engine gives the same files:

- ``summary.csv``: claims and documents per quantity, verdict and year of the documents;
- ``repeated.csv``: the :data:`TOP` claims repeated most (the same quantity, value, bound,
  unit, period and scope) with their verdict, in how many documents, and one example;
- ``skipped.csv``: the documents not read, and why;
- ``corpus.json``: the manifest: the corpus, the fingerprint, the totals and every partition
  with the sha256 of its input.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._version import __version__
from ..render import render
from .schema import METADATA_KEY
from .task import FILES

#: Rows read at a time from a partition.
ROWS = 10_000
#: How many of the most repeated claims ``repeated.csv`` lists.
TOP = 100
#: What makes two claims the same claim.
SAME_CLAIM = ("quantity", "low", "high", "bound", "unit", "period", "scope", "verdict")
SUMMARY_COLUMNS = ["quantity", "verdict", "year", "claims", "documents"]
REPEATED_COLUMNS = ["rank", "claims", "documents", *SAME_CLAIM, "example", "example_doc"]
SKIPPED_COLUMNS = ["partition", "doc_id", "reason"]


@dataclass
class Tally:
    """The counts of a run, partition after partition."""

    by_group: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    group_documents: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    by_claim: Counter[tuple[str, ...]] = field(default_factory=Counter)
    claim_documents: Counter[tuple[str, ...]] = field(default_factory=Counter)
    examples: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    skipped: list[tuple[str, str, str]] = field(default_factory=list)
    partitions: list[dict[str, Any]] = field(default_factory=list)

    def add(self, path: Path) -> None:
        """Count one partition file."""
        import pyarrow.parquet as pq  # optional: [archive]

        handle = pq.ParquetFile(path)
        meta = json.loads(handle.metadata.metadata[METADATA_KEY.encode()])
        self.partitions.append({k: meta[k] for k in ("partition", "source", "documents", "words", "claims", "input_sha256")}
                               | {"skipped": len(meta["skipped"])})
        self.skipped += [(meta["partition"], doc, reason) for doc, reason in meta["skipped"]]
        groups: set[tuple[str, str, str, str]] = set()
        claims: set[tuple[str, ...]] = set()
        for row in _claim_rows(handle):
            group: tuple[str, str, str] = (row["quantity"], row["verdict"], row["year"])
            claim = tuple(row[c] for c in SAME_CLAIM)
            self.by_group[group] += 1
            self.by_claim[claim] += 1
            groups.add((*group, row["doc_id"]))
            claims.add((*claim, row["doc_id"]))
            self.examples.setdefault(claim, (row["mention"], row["doc_id"]))
        self.group_documents.update((q, v, y) for q, v, y, _ in groups)  # a document is in one partition: distinct per partition
        self.claim_documents.update(c[:-1] for c in claims)

    def totals(self) -> dict[str, int]:
        """Documents, words, claims and documents skipped, over the partitions counted."""
        return {k: sum(p[k] for p in self.partitions) for k in ("documents", "words", "claims", "skipped")}


def _claim_rows(handle: Any) -> Iterator[dict[str, str]]:
    columns = ["doc_id", "year", "mention", *SAME_CLAIM]
    for batch in handle.iter_batches(batch_size=ROWS, columns=columns):
        yield from batch.to_pylist()


def summary_tables(tally: Tally) -> dict[str, Any]:
    """``summary``, ``repeated`` and ``skipped`` as frames, sorted so that every engine gives the same bytes."""
    import pandas as pd  # pandas

    summary = pd.DataFrame(
        [(*g, n, tally.group_documents[g]) for g, n in sorted(tally.by_group.items())], columns=SUMMARY_COLUMNS
    )
    top = sorted(tally.by_claim.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
    repeated = pd.DataFrame(
        [(rank, n, tally.claim_documents[c], *c, *tally.examples[c]) for rank, (c, n) in enumerate(top, start=1)],
        columns=REPEATED_COLUMNS,
    )
    skipped = pd.DataFrame(tally.skipped, columns=SKIPPED_COLUMNS)
    return {"summary": summary, "repeated": repeated, "skipped": skipped}


def manifest(tally: Tally, corpus: dict[str, Any]) -> str:
    """``corpus.json``: what was read (``corpus``: path, format, batch size, fingerprint), the totals, the partitions."""
    content = {"gulagstats": __version__, **corpus, **tally.totals(), "partitions": tally.partitions}
    return json.dumps(content, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def summary_files(claims: Path, names: list[str], corpus: dict[str, Any]) -> dict[str, str]:
    """The contents of :data:`FILES`, from the partition files ``names`` of ``claims``, in that order."""
    tally = Tally()
    for name in names:
        tally.add(claims / name)
    frames = summary_tables(tally)
    contents = {name: render(frames[name.removesuffix(".csv")], "csv") + "\n" for name in FILES[:3]}
    contents["corpus.json"] = manifest(tally, corpus)
    return contents
