"""The record: the tables of ``data/`` as loaded once, with one optional overlay applied once.

A :class:`Record` owns everything the layers above the loaders (checks,
coverage, estimates, figures, report, fact-check) read from the data: each
table read, hash-checked and typed once; the overlay (a filled template) read
and validated once, against the record's own cells, and merged into each table
once; every table of cells as one long frame (:meth:`Record.cells`) and as an
index of :class:`Cell` (one shape, with its provenance).  A record is data
only: it imports nothing above the core, and what a layer computes from it once
(the benchmark evaluator) it keeps through :meth:`Record.derived`.  The layers
take a record as an argument; nothing else keeps data between calls.

The public functions of :mod:`gulagstats.api` (``gulagstats.load``, ``check``,
``compare``, ...) take ``overlay=`` (a path) or ``record=`` and turn them into
one record at their top (:func:`resolve`): an overlay makes a new record, neither gives the default
record (:func:`default_record`), the published data, kept for the process and
replaced when a file it read changes.  Below the record, what stays module-level
is keyed by content: the sha256 of each file hashed (by path, mtime and size),
the parsed ``datapackage.json`` and the rule files of the checks (by their sha256).

Examples
--------
>>> from gulagstats.core.record import Record
>>> record = Record()
>>> cell = record.cell("1939-01-01", "gulag_camps", "inmates")
>>> cell.value, cell.status, cell.source
(1317195.0, 'confirmed', 'plwiki_lagier')
>>> len(record.cells()) == sum(len(record.load(t)) for t in record.cell_tables())
True
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .. import store
from ..errors import (
    DataFormatError,
    OverlayAndRecordError,
    UnknownSourceError,
    UnknownStatusError,
    known_names,
)
from ..models import STATUSES, Source
from ..vocabulary import PERSONS
from .cells import KEY_COLUMNS, Cell, CellIndex, Key, View
from .derive import amount

if TYPE_CHECKING:
    import pandas as pd

Derived = TypeVar("Derived")

__all__ = ["Cell", "OverlayAndRecordError", "Record", "default_record", "resolve"]


class Record:
    """The tables of ``data/`` as loaded once, with ``overlay`` (a filled template) merged.

    Parameters
    ----------
    overlay : path, optional
        A filled template (see :func:`gulagstats.template`); its values are
        merged as rows with status ``user`` and become the preferred values.
        It is read and validated once, on first use (a bad file raises
        :class:`~gulagstats.OverlayError` then).

    Examples
    --------
    >>> import gulagstats
    >>> record = gulagstats.Record()
    >>> int(record.load("appendix", wide=True).loc["1939", "gulag_camps inmates"])
    1317195
    >>> record.load("appendix") is record.load("appendix")   # copies of one frame read once
    False
    """

    def __init__(self, overlay: str | Path | None = None) -> None:
        self.overlay = overlay
        self.directory = store.data_dir()
        store.forget_hashes(self.directory)  # a new record hashes the bytes of every file it reads
        self._lock = threading.RLock()  # one thread at a time reads a table or builds a cache
        self._package = store.datapackage_sha256(self.directory)
        self._resources = store.resources()
        self._read: dict[str, str] = {}  # table id -> sha256 of the file this record read
        self._stored: dict[str, pd.DataFrame] = {}  # typed, as stored
        self._frames: dict[str, pd.DataFrame] = {}  # with the overlay merged
        self._overlay_rows: pd.DataFrame | None = None
        self._cells: CellIndex | None = None
        self._long: pd.DataFrame | None = None
        self._derived: dict[str, Any] = {}  # what layers above computed from this record, by name

    def __repr__(self) -> str:
        return f"Record(overlay={self.overlay!r})"

    # --- freshness ----------------------------------------------------------------------------------

    def files_read(self) -> dict[str, str]:
        """The tables this record has read, with the sha256 of each file as read."""
        with self._lock:
            return dict(self._read)

    def is_current(self) -> bool:
        """True while the data directory, ``datapackage.json`` and every file read are unchanged.

        Raises
        ------
        DataIntegrityError
            If a file read was changed while ``datapackage.json`` still records its old sha256.
        """
        if store.data_dir() != self.directory or store.datapackage_sha256(self.directory) != self._package:
            return False
        now = store.resources()
        return all(t in now and store.verified_hash(now[t]) == sha for t, sha in self.files_read().items())

    # --- tables -------------------------------------------------------------------------------------
    # The typed readers (loaders, overlay) import pandas: they are imported where a frame is asked
    # for, so that a record read only as cells (``gulagstats check``) never imports pandas.

    def tables(self) -> pd.DataFrame:
        """The tables of the data package (see :func:`gulagstats.tables`)."""
        from ..loaders import table_list  # pandas (see above)

        return table_list()

    def cell_tables(self) -> list[str]:
        """The ids of the tables of cells (one published value a row), in the order of the package."""
        return [t for t, r in self._resources.items() if r.get("kind", "cells") == "cells"]

    def _stored_frame(self, table_id: str) -> pd.DataFrame:
        """One table as stored (typed, no overlay), read once; not a copy."""
        from ..loaders import find_resource, read_table  # pandas (see above)

        with self._lock:
            if table_id not in self._stored:
                resource = find_resource(table_id, self._resources)
                self._stored[table_id] = read_table(table_id, resource)
                self._read[table_id] = store.verified_hash(resource)
            return self._stored[table_id]

    def frame(self, table_id: str) -> pd.DataFrame:
        """One table with the overlay merged, merged once; a copy (shallow where pandas copies on write).

        Changing it never changes what the record hands out next.
        """
        with self._lock:
            return self._merged(table_id).copy(deep=not _copy_on_write())

    def _merged(self, table_id: str) -> pd.DataFrame:
        """The record's own merged frame (not a copy: for this class only)."""
        from ..overlay import apply_overlay  # pandas (see above)

        with self._lock:
            if table_id not in self._frames:
                stored = self._stored_frame(table_id)
                rows = self.overlay_rows()
                self._frames[table_id] = stored if rows is None else apply_overlay(stored, table_id, rows)
            return self._frames[table_id]

    def load(
        self, table_id: str, wide: bool = False, status: str | Iterable[str] | None = None,
        provenance: bool = False,
    ) -> pd.DataFrame:
        """One table, typed, with the overlay merged (see :func:`gulagstats.load`); a copy.

        Raises
        ------
        UnknownTableError, UnknownStatusError
            For a table or status that does not exist (with suggestions).
        DataFormatError
            For ``wide`` on a table that is not a table of cells.
        """
        from ..loaders import find_resource, pivot_wide  # pandas (see above)

        wanted = None if status is None else known_names(status, STATUSES, UnknownStatusError)
        resource = find_resource(table_id, self._resources)
        kind = resource.get("kind", "cells")
        if wide and kind != "cells":
            raise DataFormatError(
                f"table {table_id} is a table of {kind}, not of cells, and has no printed layout; drop --wide (wide=False)"
            )
        frame = self._merged(table_id).copy()
        if wanted is not None:
            frame = frame[frame["status"].isin(wanted)].reset_index(drop=True)
        if wide:
            return pivot_wide(frame, resource.get("wide"), provenance)
        return frame

    def source(self, key: str) -> Source:
        """One source of the table ``sources`` as a model (see :func:`gulagstats.source`).

        Raises
        ------
        UnknownSourceError
            For a key that is not a source (a ``KeyError``; the message suggests the nearest).
        """
        frame = self.frame("sources").set_index("key")
        if key not in frame.index:
            raise UnknownSourceError(key, frame.index)
        row = frame.loc[key]
        return Source(key=key, citation=row["citation"], url=row["url"], kind=row["kind"], title=row.get("title", ""))

    # --- the overlay --------------------------------------------------------------------------------

    def overlay_rows(self) -> pd.DataFrame | None:
        """The overlay's accepted rows (read and validated once), or None without an overlay.

        Raises
        ------
        OverlayError
            For a file that cannot be read or a row that cannot be accepted.
        """
        if self.overlay is None:
            return None
        from ..overlay import read_overlay_file  # pandas (see above)

        with self._lock:
            if self._overlay_rows is None:
                self._overlay_rows = read_overlay_file(self.overlay, self._cell_keys)
            return self._overlay_rows

    def _cell_keys(self, named: set[str]) -> dict[str, set[tuple]]:
        """The cell keys of the tables of cells an overlay names, from this record's stored tables."""
        out: dict[str, set[tuple]] = {}
        for table_id in self.cell_tables():
            frame = self._stored_frame(table_id) if table_id in named else None
            out[table_id] = set() if frame is None else set(map(tuple, frame[KEY_COLUMNS].to_numpy().tolist()))
        return out

    # --- cells with provenance ----------------------------------------------------------------------

    def cells(self) -> pd.DataFrame:
        """Every table of cells as one long frame, with a ``table`` column first; a copy."""
        import pandas as pd  # pandas (see above)

        with self._lock:
            if self._long is None:
                frames = [self._merged(t).assign(table=t) for t in self.cell_tables()]
                long = pd.concat(frames, ignore_index=True)
                self._long = long[["table", *[c for c in long.columns if c != "table"]]]
            return self._long.copy()

    def cell_index(self) -> CellIndex:
        """The cells as the checks read them (an index of :class:`Cell` by key), built once.

        Without an overlay they are read from the hash-checked files as text
        (the checks need no typed frames, and text is quicker); with one, from
        the merged frames.
        """
        with self._lock:
            if self._cells is None:
                if self.overlay is None:
                    self._cells = CellIndex.from_files(self._resources)
                    for table_id in self.cell_tables():
                        self._read[table_id] = store.verified_hash(self._resources[table_id])
                else:
                    self._cells = CellIndex.from_frames((t, self._merged(t)) for t in self.cell_tables())
            return self._cells

    def cell(
        self, period: str, population: str, measure: str, category: str = "", unit: str = PERSONS
    ) -> Cell | None:
        """The table's value of one cell (its preferred row), or None if no table has the cell."""
        return self.cell_index().preferred(_key(period, population, measure, category, unit))

    def alternatives(
        self, period: str, population: str, measure: str, category: str = "", unit: str = PERSONS
    ) -> list[Cell]:
        """The other published values of a cell (rows whose value differs from the preferred one).

        A value of the overlay replaces the cell: the published rows it replaced
        stay in :meth:`cell_index` but are not alternatives to judge.
        """
        return self.cell_index().alternatives(_key(period, population, measure, category, unit))

    def amount(
        self, period: str, population: str, measure: str, category: str = "", unit: str = PERSONS
    ) -> tuple[float, list[Cell]]:
        """A cell's value, or the sum that makes it up (components, parts, finer periods), with its cells.

        Raises
        ------
        gulagstats.core.cells.MissingCell
            If neither the cell nor every cell of a sum is known (``.partial`` is
            the sum of those known, a lower bound of a count).
        """
        view = View(self.cell_index())
        value = amount(view, population, measure, period, category, unit)
        return value, list(view.used)

    # --- what the layers above compute from it ------------------------------------------------------

    def derived(self, name: str, build: Callable[[Record], Derived]) -> Derived:
        """What a layer above computes from this record once (the benchmark evaluator), built on first use.

        The record knows nothing of the layers: the caller names the product
        and says how to build it; the record keeps it as long as it lives.

        Examples
        --------
        >>> record = Record()
        >>> first = record.derived("tables of cells", lambda r: list(r.cell_tables()))
        >>> record.derived("tables of cells", lambda r: []) is first
        True
        """
        with self._lock:
            if name not in self._derived:
                self._derived[name] = build(self)
            return self._derived[name]


#: The record of the published data, kept for the process (see :func:`default_record`).
_default: Record | None = None
_default_lock = threading.Lock()


def default_record() -> Record:
    """The record of the published data (no overlay), replaced when a file it read changed.

    At every call the data directory, the sha256 of ``datapackage.json`` and of
    every file the record read are compared with those it read (hashing again
    only a file whose mtime or size changed); if any differs, a fresh record is
    made.

    Raises
    ------
    DataIntegrityError
        If a file read was changed while ``datapackage.json`` still records its old sha256.

    Examples
    --------
    >>> default_record() is default_record()
    True
    """
    global _default
    with _default_lock:
        if _default is None or not _default.is_current():
            _default = Record()
        return _default


def resolve(record: Record | None = None, overlay: str | Path | None = None) -> Record:
    """The record a public function works on: ``record``, a new record of ``overlay``, or the default.

    Raises
    ------
    OverlayAndRecordError
        If both are given (a record carries its own overlay: ``Record(overlay=...)``).

    Examples
    --------
    >>> resolve() is default_record()
    True
    >>> resolve(overlay="mine.csv")
    Record(overlay='mine.csv')
    >>> resolve(Record(), "mine.csv")
    Traceback (most recent call last):
    ...
    gulagstats.errors.OverlayAndRecordError: give overlay= or record=, not both (a record carries its own overlay: Record(overlay=...))
    """
    if record is not None and overlay is not None:
        raise OverlayAndRecordError(
            "give overlay= or record=, not both (a record carries its own overlay: Record(overlay=...))"
        )
    if record is not None:
        return record
    return default_record() if overlay is None else Record(overlay)


def _key(period: str, population: str, measure: str, category: str, unit: str) -> Key:
    return (period, population, measure, category, unit)


def _copy_on_write() -> bool:
    """Whether pandas copies a shared frame's data when one of its copies is changed (pandas 3; an option before)."""
    import pandas as pd  # pandas: only when a frame is asked for (see the class)

    return int(pd.__version__.split(".")[0]) >= 3 or bool(pd.get_option("mode.copy_on_write"))
