"""Every cell of every table, and a view that resolves cells and remembers them.

A *cell* is a key ``(period, population, measure, category, unit)``; a table
may hold several published rows for it, one of them preferred.  Checks read
cells through a :class:`View`, which

- returns the preferred row, or an *override* (an alternative row put in its
  place, to evaluate a check with another source's value);
- records every row it returned, so a result names the cells it used;
- raises :class:`MissingCell` for a cell that is absent or has no value,
  so that nothing crashes on missing cells and the result can say which.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from .. import store
from ..vocabulary import (
    MISSING,
    NO_CELL,
    NO_VALUE,
    ONLY_ARTICLE,
    PERSONS,
    PROSE,
    TRUE,
    UNREADABLE,
    USER,
)
from .relations import Relations, relations
from .results import CellRef

if TYPE_CHECKING:
    import pandas as pd

T = TypeVar("T")

Key = tuple[str, str, str, str, str]  # period, population, measure, category, unit
#: The columns of a table of cells that make a cell's key, in the order of :data:`Key`.
KEY_COLUMNS = ["period", "population", "measure", "category", "unit"]

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PROSE_LINE_REF = re.compile(r"GRZ prose line \d+")

#: The source key of the article itself: a check of the prose must not use the prose as evidence.
ARTICLE_SOURCE = "grz1993"


@dataclass(frozen=True)
class Cell:
    """One published row of a table of cells."""

    table: str
    period: str
    population: str
    measure: str
    category: str
    unit: str
    value: float | None
    source: str
    status: str
    preferred: bool
    locator: str = ""
    note: str = ""
    composition: str = ""  # what the population holds beyond its label (see estimates.composition)

    @property
    def key(self) -> Key:
        return (self.period, self.population, self.measure, self.category, self.unit)

    @property
    def from_article(self) -> bool:
        """True for a value stated by GRZ themselves (status prose, source grz1993)."""
        return self.source == ARTICLE_SOURCE and self.status == PROSE

    def ref(self) -> CellRef:
        return CellRef(
            table=self.table,
            period=self.period,
            population=self.population,
            measure=self.measure,
            category=self.category,
            unit=self.unit,
            value=self.value,
            source=self.source,
            status=self.status,
            preferred=self.preferred,
            locator=self.locator,
            note=self.note,
        )


def describe_key(key: Key) -> str:
    """A cell key in words: ``gulag_camps inmates 1939-01-01`` (category and unit if needed).

    Examples
    --------
    >>> describe_key(("1939-01-01", "gulag_camps", "inmates", "", "persons"))
    'gulag_camps inmates 1939-01-01'
    >>> describe_key(("1939", "gulag_camps", "deaths_share", "", "percent"))
    'gulag_camps deaths_share 1939 (percent)'
    """
    period, population, measure, category, unit = key
    words = [population, measure] + ([category] if category else []) + [period]
    return " ".join(w for w in words if w) + ("" if unit == PERSONS else f" ({unit})")


class Gap(str):
    """One thing a check could not read, in words, with the reason as a word of ``GAP_REASONS``.

    A ``str`` (so that messages join and compare as text) that code branches
    on by :attr:`reason`, never by its wording.

    Examples
    --------
    >>> gap = Gap("gulag_camps deaths 1950 (no such cell in the tables)", "no_cell")
    >>> gap.reason, reason_of("a plain message")
    ('no_cell', 'unreadable')
    """

    reason: str

    def __new__(cls, text: str, reason: str) -> Gap:
        gap = super().__new__(cls, text)
        gap.reason = reason
        return gap


def reason_of(message: str) -> str:
    """The reason of a gap (``unreadable`` for a message given as plain text)."""
    return getattr(message, "reason", UNREADABLE)


class MissingCell(LookupError):
    """A cell a check needs is absent from the tables or has no value.

    ``partial`` is, for a sum, the total of the parts that have values (so a
    lower bound can still be decided); ``None`` otherwise.
    """

    def __init__(self, missing: list[str], partial: float | None = None):
        self.missing = missing
        self.partial = partial
        self.rows: list[Cell] = []  # the rows a failed attempt had used (see View.attempt)
        super().__init__("; ".join(missing))

    def after(self, direct: MissingCell) -> MissingCell:
        """This failure of a derivation, saying also why the cell itself could not serve (if it exists)."""
        said = [m for m in direct.missing if reason_of(m) != NO_CELL and m not in self.missing]
        if not said:
            return self
        combined = MissingCell(said + self.missing, self.partial)
        combined.rows = self.rows
        return combined


def add_up(parts: Iterable[T], value_of: Callable[[T], float], bounded: bool = True) -> float:
    """The sum of ``value_of(part)`` over the parts; a missing part does not stop the others being read.

    Raises
    ------
    MissingCell
        Naming every missing part.  With ``bounded`` (the parts are counts,
        never negative) it carries the sum of the parts that have values, and
        of the known pieces of parts that are sums themselves, as a lower
        bound; ``None`` if no part has a value.

    Examples
    --------
    >>> add_up([1.0, 2.0], float)
    3.0
    >>> def value(part):
    ...     if part is None:
    ...         raise MissingCell(["a part"])
    ...     return part
    >>> try:
    ...     add_up([1.0, None, 2.0], value)
    ... except MissingCell as exc:
    ...     exc.missing, exc.partial
    (['a part'], 3.0)
    """
    total, missing, known = 0.0, [], False
    for part in parts:
        try:
            total += value_of(part)
            known = True
        except MissingCell as exc:
            missing += exc.missing
            if exc.partial is not None:
                total, known = total + exc.partial, True
    if missing:
        raise MissingCell(missing, partial=total if known and bounded else None)
    return total


class CellIndex:
    """All rows of all tables of cells, indexed by cell key, with the relations between them.

    Parameters
    ----------
    rows : list of Cell
        Every published row (preferred, alternatives, missing).
    relations : Relations, optional
        What adds up to what (``data/relations.csv``): the derivations read it
        from the index they are given.  Default: the stored file, read when a
        derivation first needs it (a build reads its cells before the file is
        verified), then kept with the index.
    """

    def __init__(self, rows: list[Cell], relations: Relations | None = None):
        self.rows = rows
        self._relations = relations
        self._by_key: dict[Key, list[Cell]] = defaultdict(list)
        self._periods: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)
        self._day_measures: set[str] = set()
        self._tables: dict[str, CellIndex] = {}
        for row in rows:
            if row.key not in self._by_key:
                self._periods[row.key[1:]].append(row.period)
            self._by_key[row.key].append(row)
            if _ISO_DAY.match(row.period):
                self._day_measures.add(row.measure)

    @property
    def relations(self) -> Relations:
        """What adds up to what among these cells (:mod:`gulagstats.core.relations`)."""
        if self._relations is None:
            self._relations = relations()
        return self._relations

    def with_rows(self, rows: list[Cell]) -> CellIndex:
        """An index of other rows with the same relations (one table's rows, adjusted rows)."""
        return CellIndex(rows, self._relations)

    @classmethod
    def load(cls) -> CellIndex:
        """The cells of the published tables (a record with an overlay: ``Record(overlay).cell_index()``)."""
        return cls.from_files()

    @classmethod
    def from_files(cls, resources: dict[str, dict[str, Any]] | None = None) -> CellIndex:
        """The cells of the stored tables of cells, read from their hash-checked CSV files.

        ``resources`` are the data package's resources by table id (default: as now on disk).
        """
        rows: list[Cell] = []
        for table_id, resource in (store.resources() if resources is None else resources).items():
            if resource.get("kind", "cells") != "cells":
                continue
            with open(store.verified_path(resource), newline="", encoding="utf-8") as handle:
                rows += [
                    Cell(table_id, r["period"], r["population"], r["measure"], r["category"], r["unit"],
                        float(r["value"]) if r["value"] else None, r["source"], r["status"],
                        r["preferred"] == TRUE, r["locator"], r["note"], r.get("composition", ""))
                    for r in csv.DictReader(handle)
                ]
        return cls(rows)

    @classmethod
    def from_frames(cls, frames: Iterable[tuple[str, pd.DataFrame]]) -> CellIndex:
        """The cells of loaded tables of cells, given as ``(table id, frame)`` pairs."""
        import pandas as pd  # pandas only for frames: the cells read as text (from_files) never import it

        rows: list[Cell] = []
        for table_id, frame in frames:
            text = {c: [str(x) for x in frame[c].tolist()] for c in ("period", "population", "measure", "category",
                                                                     "unit", "source", "status", "locator", "note")}
            values = [None if pd.isna(x) else float(x) for x in frame["value"].tolist()]
            preferred = [False if pd.isna(x) else bool(x) for x in frame["preferred"].tolist()]
            composition = (
                ["" if pd.isna(x) else str(x) for x in frame["composition"].tolist()]
                if "composition" in frame.columns else [""] * len(frame)
            )
            rows += [
                Cell(table_id, period, population, measure, category, unit, value, source, status, chosen, locator, note,
                    flag)
                for period, population, measure, category, unit, value, source, status, chosen, locator, note, flag
                in zip(
                    text["period"], text["population"], text["measure"], text["category"], text["unit"], values,
                    text["source"], text["status"], preferred, text["locator"], text["note"], composition,
                )
            ]
        return cls(rows)

    def keys(self) -> Iterator[Key]:
        return iter(self._by_key)

    def of_table(self, table: str) -> CellIndex:
        """The cells of one table only (kept: asked again, the same object)."""
        if table not in self._tables:
            self._tables[table] = self.with_rows([r for r in self.rows if r.table == table])
        return self._tables[table]

    def rows_of(self, key: Key) -> list[Cell]:
        """Every row of a cell (preferred, alternatives and a missing row), possibly empty."""
        return self._by_key.get(key, [])

    def preferred(self, key: Key) -> Cell | None:
        """The preferred row of a cell (the strongest one if two tables hold the cell)."""
        rows = [r for r in self._by_key.get(key, []) if r.preferred]
        return rows[0] if rows else None

    def alternatives(self, key: Key, independent: bool = False) -> list[Cell]:
        """Published rows of a cell whose value differs from the preferred one.

        A value supplied through an overlay replaces the cell: the published
        rows it replaced are not evaluated as alternatives of the user's
        reading.  With ``independent`` the article's own statements are left out.
        """
        chosen = self.preferred(key)
        if chosen is None or chosen.status == USER:
            return []
        seen = {chosen.value}
        out = []
        for row in self._by_key.get(key, []):
            if row.value is None or row.value in seen or row.status in (MISSING, USER):
                continue
            if independent and row.from_article:
                continue
            seen.add(row.value)
            out.append(row)
        return out

    def periods(self, population: str, measure: str, category: str = "", unit: str = PERSONS) -> list[str]:
        """The periods for which a table holds a cell of this population and measure."""
        return list(self._periods.get((population, measure, category, unit), []))

    def is_stock(self, measure: str) -> bool:
        """True for a measure counted on a day (inmates), False for a flow over a period (deaths)."""
        return measure in self._day_measures

    def has(self, population: str, measure: str, unit: str | None = None) -> bool:
        """True if any table holds this population and measure (in this unit, if given)."""
        return any(
            k[0] == population and k[1] == measure and (unit is None or k[3] == unit) for k in self._periods
        )

    @property
    def measures(self) -> set[str]:
        return {k[1] for k in self._periods}


class View:
    """Resolve cells to rows, with overrides, recording every row used.

    Parameters
    ----------
    cells : CellIndex
        The rows of all tables.
    overrides : dict, optional
        Cell key -> row to use instead of the preferred row.
    independent : bool, default False
        Refuse a cell whose preferred value is the article's own statement
        (checks of the prose must not confirm GRZ with GRZ).
    """

    def __init__(self, cells: CellIndex, overrides: dict[Key, Cell] | None = None, independent: bool = False):
        self.cells = cells
        self.overrides = overrides or {}
        self.independent = independent
        self.used: list[Cell] = []
        self.notes: list[str] = []

    def row(self, key: Key) -> Cell:
        """The row standing for a cell (raises :class:`MissingCell`)."""
        row = self.overrides.get(key) or self.cells.preferred(key)
        if row is None:
            raise MissingCell([Gap(f"{describe_key(key)} (no such cell in the tables)", NO_CELL)])
        if row.value is None:
            raise MissingCell([Gap(f"{describe_key(key)} (cell of {row.table}, value missing)", NO_VALUE)])
        if self.independent and row.from_article:
            where = _PROSE_LINE_REF.findall(row.locator)
            raise MissingCell([Gap(f"{describe_key(key)} (only GRZ's own statement: {row.table}, "
                                   f"{where[-1] if where else row.locator})", ONLY_ARTICLE)])
        if all(row is not used for used in self.used):  # rows of the tables are distinct objects: no need for ==
            self.used.append(row)
        return row

    def value(self, period: str, population: str, measure: str, category: str = "", unit: str = PERSONS) -> float:
        """The value of one cell (raises :class:`MissingCell`)."""
        value = self.row((period, population, measure, category, unit)).value
        assert value is not None
        return value

    def narrowed(self, table: str) -> View:
        """A view of one table's cells that records the rows it returns in this view."""
        view = View(self.cells.of_table(table), self.overrides, self.independent)
        view.used, view.notes = self.used, self.notes
        return view

    @contextmanager
    def attempt(self) -> Iterator[None]:
        """Forget the rows used inside the block if it fails (a derivation that did not work out)."""
        marks = len(self.used), len(self.notes)
        try:
            yield
        except MissingCell as exc:
            exc.rows = self.used[marks[0]:]
            del self.used[marks[0]:]
            del self.notes[marks[1]:]
            raise

    def fail(self, exc: MissingCell) -> MissingCell:
        """Give up with ``exc``; if it still bounds the value (a partial sum), keep the rows it used."""
        if exc.partial is not None:
            self.used += [r for r in exc.rows if r not in self.used]
        return exc
