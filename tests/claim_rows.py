"""One claim row as the judging reads it, for the judging tests (rounds 8 and 9).

A claim of the whole USSR, stated by the author, its period found with confidence 0.9; a test names
only what it varies (quantity, value, period, how the period was found).
"""

from __future__ import annotations

import pandas as pd

from gulagstats.factcheck.judgment import CLAIM_COLUMNS
from gulagstats.factcheck.readings import READING_COLUMNS


def claim_row(**given: object) -> pd.DataFrame:
    """One claim frame of one row, ``given`` over the defaults (period found by its own clause)."""
    row: dict[str, object] = dict.fromkeys(CLAIM_COLUMNS + READING_COLUMNS, "")
    row.update(
        id="a-1",
        file="a.txt",
        start=0,
        end=1,
        unit="count",
        bound="point",
        period_how="own clause",
        period_confidence=0.9,
        scope="USSR",
        modality="stated",
        attribution="author",
        confidence=0.9,
        whole_stated=True,
    )
    row.update(given)
    return pd.DataFrame([row])
