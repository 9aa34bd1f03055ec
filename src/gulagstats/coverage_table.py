"""Coverage: how many cells of each table are known, and how.

A *cell* is one key (period, population, measure, category, unit) of a table
of cells.  It is counted once, by the status of its preferred row; the other
rows of a cell are *alternatives* (other sources' values), counted apart, so
``cells + alternatives`` is the number of rows on disk.
"""

from __future__ import annotations

import pandas as pd

from .core.record import Record
from .vocabulary import MISSING, SHOWN

#: Statuses counted, in the order of the report.
COUNTED = list(SHOWN)
#: The rows of the totals: the GRZ article's own tables, and all tables.
ARTICLE_TOTAL = "GRZ article (Tables 1-9, Appendixes)"
EVERYTHING = "all tables"


def coverage_table(record: Record) -> pd.DataFrame:
    """Count the cells of every table of a record by the status of their value (:func:`gulagstats.coverage`).

    Returns
    -------
    pandas.DataFrame
        One row a table of cells, then a row for the GRZ article (its tables
        and appendixes) and one for all tables: ``table``, ``grz_ref``,
        ``cells``, one column per status, ``known`` (cells with a value),
        ``known_pct``, ``alternatives`` and ``rows``.

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> cov = coverage_table(default_record()).set_index("table")
    >>> int(cov.loc["appendix", "cells"]) >= int(cov.loc["appendix", "missing"])
    True
    """
    listing = record.tables().query("kind == 'cells'")
    records = []
    for item in listing.itertuples():
        frame = record.frame(item.id)
        chosen = frame[frame["preferred"].fillna(False)]
        counts = chosen["status"].value_counts()
        row = {"table": item.id, "grz_ref": item.grz_ref, "beyond_grz": item.beyond_grz, "cells": len(chosen)}
        row.update({s: int(counts.get(s, 0)) for s in COUNTED})
        row["alternatives"] = len(frame) - len(chosen)
        row["rows"] = len(frame)
        records.append(row)
    out = pd.DataFrame(records)
    numeric = ["cells", *COUNTED, "alternatives", "rows"]
    article = out[~out["beyond_grz"]][numeric].sum()
    total = out[numeric].sum()
    out = pd.concat(
        [
            out,
            pd.DataFrame([{"table": ARTICLE_TOTAL, "grz_ref": "", "beyond_grz": False, **article}]),
            pd.DataFrame([{"table": EVERYTHING, "grz_ref": "", "beyond_grz": False, **total}]),
        ],
        ignore_index=True,
    )
    out["known"] = out["cells"] - out[MISSING]
    out["known_pct"] = (100 * out["known"] / out["cells"].where(out["cells"] > 0)).round(1)
    columns = ["table", "grz_ref", "cells", *COUNTED, "known", "known_pct", "alternatives", "rows"]
    return out[columns].astype(dict.fromkeys([*numeric, "known"], "int64"))

