"""Cells whose population holds more than its label says (the ``composition`` column).

GRZ's appendix note flags two colony counts: 1 January 1938 also counts prison
inmates, 1 January 1946 also counts 444,500 persons sentenced without detention.
Comparisons use the adjusted cell (category ``in_detention``, status ``derived``)
where the record holds one, and name the flag in the locator where it does not.
"""

from __future__ import annotations

from dataclasses import replace

from ..vocabulary import DERIVED
from .cells import Cell, CellIndex

#: Composition codes of the cell tables (empty: the population as labelled).
COMPOSITIONS: dict[str, str] = {
    "": "as labelled",
    "includes_prisons": "also counts prison inmates",
    "includes_noncustodial": "also counts persons sentenced without detention",
}
#: The category of an adjusted cell that replaces a flagged one in comparisons.
ADJUSTED = "in_detention"


def adjusted(cells: CellIndex) -> CellIndex:
    """The cells with every flagged cell replaced by its adjusted twin, or its locator flagged.

    The twin is the cell of the same table, period, population and measure
    with category :data:`ADJUSTED` and a value; the replacement takes its value
    and locator (saying what the printed figure also counts) with status
    ``derived``.  Without a twin the printed value stays and its locator says
    what it also counts.

    Examples
    --------
    >>> from gulagstats.core.cells import CellIndex
    >>> cells = adjusted(CellIndex.load())
    >>> cell = cells.preferred(("1946-01-01", "labor_colonies", "inmates", "", "persons"))
    >>> int(cell.value), cell.status
    (511724, 'derived')
    """
    twins: dict[tuple[str, str, str, str], Cell] = {}
    for row in cells.rows:
        if row.category == ADJUSTED and row.value is not None:
            twins.setdefault((row.table, row.period, row.population, row.measure), row)
    if not any(row.composition for row in cells.rows):
        return cells
    return cells.with_rows([_adjust(row, twins) if row.composition else row for row in cells.rows])


def _adjust(row: Cell, twins: dict[tuple[str, str, str, str], Cell]) -> Cell:
    what = COMPOSITIONS[row.composition]
    twin = twins.get((row.table, row.period, row.population, row.measure))
    if twin is None:
        return replace(row, locator=f"{row.locator} (caution: this {row.period} figure {what})")
    return replace(row, value=twin.value, status=DERIVED, locator=f"{twin.locator} (adjusted: the printed figure {what})")
