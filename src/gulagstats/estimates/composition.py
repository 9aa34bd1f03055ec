"""Cells whose population holds more than its label says (the ``composition`` column).

GRZ's appendix note flags two colony counts: 1 January 1938 also counts prison
inmates, 1 January 1946 also counts 444,500 persons sentenced without detention.
Comparisons use the adjusted cell (category ``in_detention``, status ``derived``)
where the record holds one, and name the flag in the locator where it does not.
"""

from __future__ import annotations

import pandas as pd

from ..vocabulary import DERIVED

#: Composition codes of the cell tables (empty: the population as labelled).
COMPOSITIONS: dict[str, str] = {
    "": "as labelled",
    "includes_prisons": "also counts prison inmates",
    "includes_noncustodial": "also counts persons sentenced without detention",
}
#: The category of an adjusted cell that replaces a flagged one in comparisons.
ADJUSTED = "in_detention"


def adjust(frame: pd.DataFrame, chosen: pd.DataFrame) -> pd.DataFrame:
    """Replace flagged cells of ``chosen`` by their adjusted cell in ``frame``; flag the rest.

    Parameters
    ----------
    frame : pandas.DataFrame
        A whole table of cells (with a ``composition`` column, or without one).
    chosen : pandas.DataFrame
        The preferred rows of one series, a subset of ``frame``.

    Returns
    -------
    pandas.DataFrame
        ``chosen`` with adjusted values, statuses and locators where a flag applies.

    Examples
    --------
    >>> import gulagstats
    >>> appendix = gulagstats.load("appendix")
    >>> colonies = appendix[(appendix.population == "labor_colonies")
    ...                     & (appendix.measure == "inmates")
    ...                     & (appendix.category.fillna("") == "") & appendix.preferred]
    >>> int(adjust(appendix, colonies).set_index("period").loc["1946-01-01", "value"])
    511724
    """
    if "composition" not in chosen.columns:
        return chosen
    flags = chosen["composition"].fillna("").astype(str)
    if not (flags != "").any():
        return chosen
    out = chosen.copy()
    out["locator"] = out["locator"].astype(str)
    for index in out.index[flags != ""]:
        row = out.loc[index]
        twin = frame[
            (frame["period"] == row["period"])
            & (frame["population"] == row["population"])
            & (frame["measure"] == row["measure"])
            & (frame["category"].fillna("") == ADJUSTED)
            & frame["value"].notna()
        ]
        flag = str(row["composition"])
        if not twin.empty:
            out.loc[index, "value"] = twin["value"].iloc[0]
            out.loc[index, "status"] = DERIVED
            out.loc[index, "locator"] = (
                f"{twin['locator'].iloc[0]} (adjusted: the printed figure {COMPOSITIONS[flag]})"
            )
        else:
            out.loc[index, "locator"] = (
                f"{row['locator']} (caution: this {row['period']} figure {COMPOSITIONS[flag]})"
            )
    return out
