"""The columns of the archive's claims: one row a claim, with its document and its verdict.

The columns are those of ``verdicts.csv`` (:data:`~gulagstats.factcheck.judgment.CLAIM_COLUMNS`
and :data:`~gulagstats.factcheck.judgment.VERDICT_COLUMNS`), with the claim's
``id`` and ``file`` replaced by the document's (``doc_id``, ``url``, ``date``,
``year``, ``language``, ``title``), the claim's number in its document
(``claim``) and the partition that holds it.  Every partition has this one
schema, even when it holds no claim, so that the partitions read as one dataset.
"""

from __future__ import annotations

from typing import Any

from ..factcheck.judgment import CLAIM_COLUMNS, VERDICT_COLUMNS

#: The document's columns, first on every row.
DOCUMENT_COLUMNS = ["partition", "doc_id", "url", "date", "year", "language", "title", "claim"]
#: Every column of a claim row, in order.
COLUMNS = DOCUMENT_COLUMNS + [c for c in CLAIM_COLUMNS if c not in ("id", "file")] + VERDICT_COLUMNS
#: The columns that are not text: integers and numbers (an empty number is null).
INTEGERS = frozenset({"claim", "start", "end", "text_line"})
FLOATS = frozenset({"period_confidence", "confidence", "benchmark_low", "benchmark_high", "factor"})
#: The metadata key of a partition file under which its input hash and counts are kept.
METADATA_KEY = "gulagstats.archive"


def arrow_schema() -> Any:
    """The Arrow schema of a partition (pyarrow imported here: the ``[archive]`` extra).

    Examples
    --------
    >>> schema = arrow_schema()
    >>> schema.names[:3], str(schema.field("factor").type), len(schema) == len(COLUMNS)
    (['partition', 'doc_id', 'url'], 'double', True)
    """
    import pyarrow as pa  # optional: [archive]

    def kind(name: str) -> Any:
        return pa.int64() if name in INTEGERS else pa.float64() if name in FLOATS else pa.string()

    return pa.schema([pa.field(name, kind(name)) for name in COLUMNS])


def arrow_table(frame: Any) -> Any:
    """A frame of claim rows (:data:`COLUMNS`) as an Arrow table of :func:`arrow_schema`; ``""`` numbers are null.

    Examples
    --------
    >>> import pandas as pd
    >>> row = {c: "" for c in COLUMNS} | {"claim": 1, "start": 0, "end": 3, "text_line": 1,
    ...        "confidence": 0.9, "period_confidence": 0.6, "factor": 10.3}
    >>> table = arrow_table(pd.DataFrame([row]))
    >>> table.column("factor").to_pylist(), table.column("benchmark_low").to_pylist()
    ([10.3], [None])
    """
    import pandas as pd  # pandas
    import pyarrow as pa  # optional: [archive]

    schema = arrow_schema()
    arrays = []
    for field in schema:
        values = frame[field.name]
        if field.name in FLOATS:
            values = pd.to_numeric(values.replace("", None), errors="coerce").astype("float64")
        elif field.name in INTEGERS:
            values = values.astype("int64")
        else:
            values = values.astype(object).where(values.notna(), "").map(str)
        arrays.append(pa.array(values.to_numpy(), type=field.type, from_pandas=True))
    return pa.Table.from_arrays(arrays, schema=schema)
