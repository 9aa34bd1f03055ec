"""Publishing the record: exports (CSV, SQLite, Parquet, Excel) and a browsable Datasette view.

Nothing here is imported by ``import gulagstats``; the optional libraries
(pyarrow, openpyxl, datasette) are imported only by the format that needs them.
"""

from __future__ import annotations

from .export import EXPORT_FORMATS, MissingExtraError, UnknownFormatError, export, write_sqlite
from .frames import published_frames

__all__ = [
    "EXPORT_FORMATS",
    "MissingExtraError",
    "UnknownFormatError",
    "export",
    "published_frames",
    "write_sqlite",
]
