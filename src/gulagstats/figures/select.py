"""The values a figure plots: each cell's preferred row, year by year, with its status.

A :class:`Series` is what one line or one set of bars shows: positions, values
(``nan`` where the cell is missing, so that a line breaks there), and the
status and source of every point.  Derived series (a total, a share, a rate)
are computed here from plotted series, point by point, and never across a gap.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

import pandas as pd

from ..core.record import Record
from ..errors import DataFormatError
from ..vocabulary import DERIVED, MISSING, PERSONS, combine

#: The category of an adjusted series that comparisons and figures use beside a flagged cell
#: (tools/curated/appendix.csv: the 1946 colonies in detention).
#: The years of the camp series the figures draw (1934-1953).
SERIES_YEARS = range(1934, 1954)

ADJUSTED_CATEGORY = "in_detention"


@dataclass
class Series:
    """One plotted series: positions, values and the provenance of each point.

    Attributes
    ----------
    key : str
        Identifier, used as the ``gid`` of the artists that draw it and in the manifest.
    label : str
        Legend label.
    unit : str
        Unit of ``y`` (``persons``, ``percent``, ``per 1,000``...).
    x : list
        Positions (years, or labels for categorical figures).
    y : list of float
        Values; ``nan`` marks a missing value (a gap).
    status : list of str
        Status of each point (``missing`` at a gap).
    source : list of str
        Source key of each point (keys joined by ``+`` for a derived point; empty at a gap).
    high : list of float, optional
        Upper end of a range (``y`` is then the lower end).
    note : str
        How a derived series is computed, or a caveat.
    extra : dict
        Further per-point data written to the manifest (e.g. which point is preferred).
    """

    key: str
    label: str
    unit: str
    x: list
    y: list[float]
    status: list[str]
    source: list[str]
    high: list[float] | None = None
    note: str = ""
    extra: dict = field(default_factory=dict)

    def known(self) -> list[int]:
        """Indices of the points that have a value."""
        return [i for i, v in enumerate(self.y) if not math.isnan(v)]

    def to_dict(self) -> dict:
        """The series as JSON-ready data (``None`` for a gap, values rounded to 6 decimals)."""

        def number(v: float) -> float | int | None:
            if math.isnan(v):
                return None
            return int(v) if float(v).is_integer() else round(float(v), 6)

        out = {
            "label": self.label,
            "unit": self.unit,
            "x": [number(float(v)) if isinstance(v, (int, float)) else v for v in self.x],
            "y": [number(v) for v in self.y],
            "status": list(self.status),
            "source": list(self.source),
        }
        if self.high is not None:
            out["high"] = [number(v) for v in self.high]
        if self.note:
            out["note"] = self.note
        out.update(self.extra)
        return out


def load_cells(table_ids: Iterable[str], record: Record) -> pd.DataFrame:
    """Load tables of cells of a record into one long frame with a ``table`` column.

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> sorted(set(load_cells(["appendix", "appendix_rates"], default_record())["table"]))
    ['appendix', 'appendix_rates']
    """
    frames = [record.frame(t).assign(table=t) for t in table_ids]
    return pd.concat(frames, ignore_index=True)


def figure_data(data: pd.DataFrame | None, table_ids: Iterable[str], record: Record) -> pd.DataFrame:
    """The data a figure draws: ``data`` if the caller gave it, else its tables of ``record``.

    Examples
    --------
    >>> from gulagstats.figures.select import figure_data
    >>> from gulagstats.core.record import Record
    >>> sorted(set(figure_data(None, ["appendix"], Record())["table"]))
    ['appendix']
    """
    return data if data is not None else load_cells(table_ids, record)


def preferred_rows(data: pd.DataFrame, population: str, measure: str, unit: str | None = None) -> pd.DataFrame:
    """The preferred rows of one population and measure (and unit), without a category, by period.

    Raises
    ------
    DataFormatError
        If ``data`` lacks a column of a long table, or holds two preferred rows for one cell.

    Examples
    --------
    >>> import gulagstats
    >>> rows = preferred_rows(gulagstats.load("appendix"), "gulag_camps", "inmates")
    >>> int(rows.loc["1939-01-01", "value"]), rows.loc["1939-01-01", "status"]
    (1317195, 'confirmed')
    """
    needed = {"period", "population", "measure", "value", "status", "source", "preferred"}
    absent = sorted(needed - set(data.columns))
    if absent:
        raise DataFormatError(
            f"figure data lack column(s) {', '.join(absent)}; pass a long table as returned by gulagstats.load()"
        )
    mask = (data["population"] == population) & (data["measure"] == measure)
    mask &= data["preferred"].fillna(False).astype(bool)
    if "category" in data.columns:
        mask &= data["category"].fillna("") == ""
    if unit is not None and "unit" in data.columns:
        mask &= data["unit"] == unit
    rows = data[mask]
    doubled = rows["period"][rows["period"].duplicated()]
    if len(doubled):
        raise DataFormatError(
            f"figure data have more than one preferred row for {population} {measure} {doubled.iloc[0]}; "
            "expected one a cell"
        )
    return rows.set_index("period")


def _point(rows: pd.DataFrame, period: str) -> tuple[float, str, str]:
    if period not in rows.index:
        return math.nan, MISSING, ""
    row = rows.loc[period]
    value = row["value"]
    if pd.isna(value) or str(row["status"]) == MISSING:
        return math.nan, MISSING, ""
    return float(value), str(row["status"]), str(row["source"])


def yearly(
    data: pd.DataFrame,
    key: str,
    label: str,
    population: str,
    measure: str,
    years: Sequence[int],
    *,
    stock: bool,
    unit: str = PERSONS,
    offset: float = 0.0,
) -> Series:
    """A series with one point a year, a gap where the year has no value.

    Parameters
    ----------
    data : pandas.DataFrame
        Long table(s) as returned by :func:`gulagstats.load`.
    key, label : str
        Identifier and legend label of the series.
    population, measure : str
        The cells to take.
    years : sequence of int
        The years to plot, in order; a year without a preferred value is a gap.
    stock : bool
        True for a count on 1 January (period ``YYYY-01-01``), False for a
        flow during the year (period ``YYYY``).
    unit : str
        Unit of the cells.
    offset : float
        Added to each year to place the point (e.g. 0.5 for a flow drawn mid-year).

    Examples
    --------
    >>> import gulagstats
    >>> from gulagstats.figures.select import yearly
    >>> s = yearly(gulagstats.load("appendix"), "camps", "camps", "gulag_camps", "inmates", [1939], stock=True)
    >>> s.y, s.status
    ([1317195.0], ['confirmed'])
    """
    periods = [f"{y}-01-01" if stock else str(y) for y in years]
    return by_period(data, key, label, population, measure, periods, [y + offset for y in years], unit=unit)


def by_period(
    data: pd.DataFrame,
    key: str,
    label: str,
    population: str,
    measure: str,
    periods: Sequence[str],
    x: Sequence,
    *,
    unit: str = PERSONS,
) -> Series:
    """A series of the cells of the given periods (as the data write them), placed at ``x``.

    Examples
    --------
    >>> import gulagstats
    >>> from gulagstats.figures.select import by_period
    >>> s = by_period(gulagstats.load("nkvd_sentences"), "total", "total", "cases_of_secret_police",
    ...               "sentenced_total", ["1937", "1953-01-01/1953-06-30"], [1937, 1953])
    >>> s.y
    [790665.0, 8403.0]
    """
    rows = preferred_rows(data, population, measure, unit)
    points = [_point(rows, p) for p in periods]
    return Series(
        key=key,
        label=label,
        unit=unit,
        x=list(x),
        y=[p[0] for p in points],
        status=[p[1] for p in points],
        source=[p[2] for p in points],
    )


def derived_status(statuses: Iterable[str]) -> str:
    """Status of a value computed from others: its weakest input, at best ``derived``.

    Examples
    --------
    >>> derived_status(["confirmed", "prose"]), derived_status(["confirmed", "unconfirmed"])
    ('derived', 'unconfirmed')
    """
    return combine(statuses)


def derive(
    key: str,
    label: str,
    unit: str,
    inputs: Sequence[Series],
    formula: Callable[..., float],
    note: str,
) -> Series:
    """Compute a series point by point from aligned inputs; a gap in any input is a gap.

    Examples
    --------
    >>> from gulagstats.figures.select import Series, derive
    >>> a = Series("a", "a", "persons", [1939, 1940], [2.0, float("nan")], ["confirmed", "missing"], ["s", ""])
    >>> b = Series("b", "b", "persons", [1939, 1940], [3.0, 1.0], ["prose", "prose"], ["t", "t"])
    >>> d = derive("sum", "sum", "persons", [a, b], lambda p, q: p + q, "a + b")
    >>> d.y[0], d.status, d.source[0]
    (5.0, ['derived', 'missing'], 's+t')
    """
    x = inputs[0].x
    y, status, source = [], [], []
    for i in range(len(x)):
        values = [s.y[i] for s in inputs]
        if any(math.isnan(v) for v in values):
            y.append(math.nan)
            status.append(MISSING)
            source.append("")
            continue
        try:
            value = float(formula(*values))
        except ZeroDivisionError:  # a zero denominator (an overlay may give 0): the point is skipped
            value = math.nan
        if not math.isfinite(value):
            y.append(math.nan)
            status.append(MISSING)
            source.append("")
            continue
        y.append(value)
        status.append(derived_status(s.status[i] for s in inputs))
        source.append("+".join(dict.fromkeys(s.source[i] for s in inputs)))
    return Series(key=key, label=label, unit=unit, x=list(x), y=y, status=status, source=source, note=note)


def moved(series: Series, x: Sequence) -> Series:
    """The same values placed at other positions (e.g. next year's population beside this year's).

    Examples
    --------
    >>> s = Series("a", "a", "persons", [1940], [2.0], ["confirmed"], ["s"])
    >>> moved(s, [1939]).x, moved(s, [1939]).y
    ([1939], [2.0])
    """
    return replace(series, x=list(x))


#: What a composition code says, as a figure labels it (the codes of the ``composition`` column).
COMPOSITION_LABEL: dict[str, str] = {
    "includes_prisons": "incl. prisons",
    "includes_noncustodial": "incl. non-custodial sentences",
}


@dataclass
class Flag:
    """A plotted value whose composition differs from the rest of its series, and its adjusted value if any."""

    x: float
    y: float
    code: str
    adjusted: float | None = None
    adjusted_source: str = ""

    @property
    def label(self) -> str:
        return COMPOSITION_LABEL.get(self.code, self.code.replace("_", " "))


def composition_flags(
    data: pd.DataFrame, population: str, measure: str, years: Sequence[int], *, stock: bool, offset: float = 0.0
) -> list[Flag]:
    """The values of a yearly series whose ``composition`` column is not empty (none without the column).

    The adjusted value of a flagged cell is its non-preferred row of status
    ``derived``, or the derived row of category ``in_detention`` (the 1946
    colonies without the 444,500 sentenced to corrective work without
    detention), when the data hold one.

    Examples
    --------
    >>> import gulagstats
    >>> data = gulagstats.load("appendix")
    >>> [(f.x, f.y, f.code, f.adjusted) for f in composition_flags(data, "labor_colonies", "inmates",
    ...                                                               [1938, 1946], stock=True)]
    [(1938.0, 885203.0, 'includes_prisons', None), (1946.0, 956224.0, 'includes_noncustodial', 511724.0)]
    >>> composition_flags(data.drop(columns="composition"), "labor_colonies", "inmates", [1938], stock=True)
    []
    >>> flagged = data.assign(composition="")
    >>> flagged.loc[(flagged.population == "labor_colonies") & (flagged.period == "1938-01-01")
    ...             & flagged.preferred, "composition"] = "includes_prisons"
    >>> [(f.x, f.y, f.label) for f in composition_flags(flagged, "labor_colonies", "inmates", [1938], stock=True)]
    [(1938.0, 885203.0, 'incl. prisons')]
    """
    if "composition" not in data.columns:
        return []
    flags = []
    same = (data["population"] == population) & (data["measure"] == measure)
    if "category" in data.columns:
        same &= data["category"].fillna("") == ""
    for year in years:
        period = f"{year}-01-01" if stock else str(year)
        rows = data[same & (data["period"] == period)]
        chosen = rows[rows["preferred"].fillna(False).astype(bool)]
        if chosen.empty or pd.isna(chosen["value"].iloc[0]):
            continue
        code = str(chosen["composition"].fillna("").iloc[0]).strip()
        if not code:
            continue
        adjusted = rows[~rows["preferred"].fillna(False).astype(bool) & (rows["status"] == DERIVED)]
        if adjusted.empty and "category" in data.columns:  # the adjusted series: its own category
            cell = data[(data["population"] == population) & (data["measure"] == measure)]
            cell = cell[(cell["period"] == period) & (cell["category"].fillna("") == ADJUSTED_CATEGORY)]
            adjusted = cell[cell["status"] == DERIVED]
        adjusted = adjusted[adjusted["value"].notna()]
        flags.append(Flag(
            x=float(year) + offset, y=float(chosen["value"].iloc[0]), code=code,
            adjusted=float(adjusted["value"].iloc[0]) if len(adjusted) else None,
            adjusted_source=str(adjusted["source"].iloc[0]) if len(adjusted) else "",
        ))
    return flags
