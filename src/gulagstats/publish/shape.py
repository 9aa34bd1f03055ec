"""Frames as the writers need them: dates as text or dates, categories as text, booleans as asked."""

from __future__ import annotations

import pandas as pd


def plain(
    frame: pd.DataFrame, booleans: tuple[object, object] = ("TRUE", "FALSE"), dates: bool = True
) -> pd.DataFrame:
    """A copy with dates as ISO text (if ``dates``), categories as text, booleans as given.

    Missing values stay missing (``None``), so each writer writes them its own way.

    Examples
    --------
    >>> frame = pd.DataFrame({"on": pd.array([True, None], dtype="boolean"),
    ...                       "day": pd.to_datetime(["1939-01-01", None])})
    >>> plain(frame).values.tolist()
    [['TRUE', '1939-01-01'], [None, None]]
    """
    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if pd.api.types.is_datetime64_any_dtype(column) and dates:
            out[name] = column.dt.strftime("%Y-%m-%d").astype(object).where(column.notna(), None)
        elif isinstance(column.dtype, pd.CategoricalDtype):
            out[name] = column.astype(object).where(column.notna(), None)
        elif pd.api.types.is_bool_dtype(column):
            yes, no = booleans
            words = [None if v is pd.NA or v is None else (yes if v else no) for v in column]
            out[name] = pd.Series(words, index=column.index, dtype=object)
    return out
