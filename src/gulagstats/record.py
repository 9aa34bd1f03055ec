"""The record: the loaded, verified tables, with one optional overlay applied once.

A :class:`Record` is what the layers above the loaders (checks, estimates,
coverage, figures, report) need from the data, as one object passed
explicitly: each table is read, hash-checked, typed and merged with the
overlay once per record, and every cell comes in one shape with its
provenance (:class:`Cell`).  The module-level functions (``gulagstats.load``,
``check``, ``compare``, ...) keep working; a record answers the same questions
without re-reading the overlay at every call.

Examples
--------
>>> from gulagstats.record import Record
>>> record = Record()
>>> cell = record.cell("1939-01-01", "gulag_camps", "inmates")
>>> cell.value, cell.status, cell.source
(1317195.0, 'confirmed', 'plwiki_lagier')
>>> len(record.cells()) == sum(len(record.load(t)) for t in record.cell_tables())
True
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .checks.cells import Cells, Key
from .checks.cells import Row as Cell
from .vocabulary import PERSONS

if TYPE_CHECKING:
    import pandas as pd

    from .checks.model import CheckResult

__all__ = ["Cell", "Record"]


class Record:
    """The tables of ``data/`` as loaded once, with ``overlay`` (a filled template) merged.

    Parameters
    ----------
    overlay : path, optional
        A filled template (see :func:`gulagstats.template`); its values are
        merged as rows with status ``user`` and become the preferred values.
    """

    def __init__(self, overlay: str | Path | None = None) -> None:
        self.overlay = overlay
        self._frames: dict[str, pd.DataFrame] = {}
        self._cells: Cells | None = None
        self._long: pd.DataFrame | None = None

    def __repr__(self) -> str:
        return f"Record(overlay={self.overlay!r})"

    # --- tables -----------------------------------------------------------------------------------

    def tables(self) -> pd.DataFrame:
        """The tables of the data package (see :func:`gulagstats.tables`)."""
        from .loaders import tables

        return tables()

    def cell_tables(self) -> list[str]:
        """The ids of the tables of cells (one published value a row)."""
        listing = self.tables()
        return [str(t) for t in listing.loc[listing["kind"] == "cells", "id"]]

    def load(self, table_id: str, wide: bool = False, status: str | list[str] | None = None) -> pd.DataFrame:
        """One table, typed, with the overlay merged (see :func:`gulagstats.load`); a copy."""
        from .loaders import load, pivot_wide

        if table_id not in self._frames:
            self._frames[table_id] = load(table_id, overlay=self.overlay)
        frame = self._frames[table_id].copy()
        if status is not None:
            return load(table_id, wide=wide, status=status, overlay=self.overlay)
        if wide:
            return pivot_wide(frame, _layout(table_id))
        return frame

    def cells(self) -> pd.DataFrame:
        """Every table of cells as one long frame, with a ``table`` column first."""
        import pandas as pd

        if self._long is None:
            frames = [self.load(t).assign(table=t) for t in self.cell_tables()]
            long = pd.concat(frames, ignore_index=True)
            self._long = long[["table", *[c for c in long.columns if c != "table"]]]
        return self._long.copy()

    # --- cells with provenance --------------------------------------------------------------------

    def rows(self) -> Cells:
        """The cells as the checks read them (an index of :class:`Cell` by key)."""
        if self._cells is None:
            self._cells = Cells.from_frames((t, self.load(t)) for t in self.cell_tables())
        return self._cells

    def cell(
        self, period: str, population: str, measure: str, category: str = "", unit: str = PERSONS
    ) -> Cell | None:
        """The table's value of one cell (its preferred row), or None if no table has the cell."""
        return self.rows().preferred(_key(period, population, measure, category, unit))

    def alternatives(
        self, period: str, population: str, measure: str, category: str = "", unit: str = PERSONS
    ) -> list[Cell]:
        """The other published values of a cell (rows whose value differs from the preferred one).

        A value of the overlay replaces the cell: the published rows it replaced
        stay in :meth:`rows` but are not alternatives to judge.
        """
        return self.rows().alternatives(_key(period, population, measure, category, unit))

    def amount(
        self, period: str, population: str, measure: str, category: str = "", unit: str = PERSONS
    ) -> tuple[float, list[Cell]]:
        """A cell's value, or the sum that makes it up (components, parts, finer periods), with its cells.

        Raises
        ------
        gulagstats.checks.cells.MissingCell
            If neither the cell nor every cell of a sum is known (``.partial`` is
            the sum of those known, a lower bound of a count).
        """
        from .checks.cells import View
        from .checks.derive import amount

        view = View(self.rows())
        value = amount(view, population, measure, period, category, unit)
        return value, list(view.used)

    # --- the layers, on this record -----------------------------------------------------------------

    def check(self, family: str | list[str] | None = None, verdict: str | list[str] | None = None
              ) -> list[CheckResult]:
        """The consistency checks on this record (see :func:`gulagstats.check`)."""
        from .checks import check

        return check(self.overlay, family, verdict, record=self)

    def coverage(self) -> pd.DataFrame:
        """How many cells of each table are known (see :func:`gulagstats.coverage`)."""
        from .tally import coverage

        return coverage(self.overlay)

    def benchmarks(self, quantity: str | None = None) -> pd.DataFrame:
        """The archival benchmarks computed from this record (see :func:`gulagstats.benchmarks`)."""
        from .estimates.record import benchmarks

        return benchmarks(quantity, self.overlay)

    def compare(self, quantity: str | None = None) -> pd.DataFrame:
        """The published estimates against this record's benchmarks (see :func:`gulagstats.compare`)."""
        from .estimates.verdicts import compare

        return compare(quantity, self.overlay)

    def assess(self, quantity: str, value: float | None = None, **kwargs: Any) -> Any:
        """Assess one claim against this record (see :func:`gulagstats.assess`)."""
        from .estimates.verdicts import assess

        return assess(quantity, value, overlay=self.overlay, **kwargs)


def _key(period: str, population: str, measure: str, category: str, unit: str) -> Key:
    return (period, population, measure, category, unit)


def _layout(table_id: str) -> dict[str, list[str]] | None:
    from . import store

    layout: dict[str, list[str]] | None = store.resources()[table_id].get("wide")
    return layout
