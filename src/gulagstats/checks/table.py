"""The check results as a pandas DataFrame: one row a check, the result objects in a column.

:func:`gulagstats.check` returns a :class:`CheckTable`: the columns of the
flat table (:data:`~gulagstats.checks.text.CSV_COLUMNS`: ``id``, ``family``,
``verdict``, ``expected``, ``observed``, ``difference``, the cells as text,
...; beside the verdict its ``grade`` and ``combines_sources``, as
:func:`~gulagstats.checks.grade.grades_by_check` gives them), then ``result``, the :class:`~gulagstats.core.results.CheckResult` of
each row, with its cells and alternatives as objects.  Everything it knows is
in its columns, nothing in ``.attrs``, so filtering, merging and concatenating
behave as for any frame.  Its ``repr`` (and its HTML form in a notebook)
starts with the summary in one line.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..core.results import CheckResult
from ..vocabulary import VERDICTS
from .grade import grades_by_check
from .text import CSV_COLUMNS, flat, summary_line

#: The column holding each row's CheckResult.
RESULT_COLUMN = "result"


class CheckTable(pd.DataFrame):
    """One row a consistency check (a DataFrame), with a summary line and the result objects.

    Examples
    --------
    >>> import gulagstats
    >>> table = gulagstats.check(family="sources")
    >>> repr(table).splitlines()[0] == table.summary_line() == summary_line(gulagstats.summary(table))
    True
    >>> table.summary_line().split(":")[0] == f"{len(table)} checks"
    True
    >>> found = table[table.verdict == "discrepancy"]
    >>> type(found).__name__, len(found.results) == len(found)
    ('CheckTable', True)
    """

    @property
    def _constructor(self) -> type[CheckTable]:  # a slice, a filter or a merge stays a CheckTable
        return CheckTable

    @property
    def results(self) -> list[CheckResult]:
        """The :class:`~gulagstats.core.results.CheckResult` of every row, in order."""
        if RESULT_COLUMN not in self.columns:
            raise KeyError(f"this table has no {RESULT_COLUMN!r} column (it was dropped); use gulagstats.check() again")
        return list(self[RESULT_COLUMN])

    def summary(self) -> dict[str, int]:
        """Checks by verdict (every verdict, in order) and the ``total``, as :func:`gulagstats.summary`."""
        counts = self["verdict"].astype(str).value_counts() if "verdict" in self.columns else pd.Series(dtype=int)
        return {**{v: int(counts.get(v, 0)) for v in VERDICTS}, "total": len(self)}

    def summary_line(self) -> str:
        """The summary in words, as the first line of ``gulagstats check``'s summary."""
        return summary_line(self.summary()) if "verdict" in self.columns else f"{len(self)} rows"

    def __repr__(self) -> str:
        return f"{self.summary_line()}\n{super().__repr__()}"

    def _repr_html_(self) -> str | None:
        table = super()._repr_html_()
        return None if table is None else f"<p>{self.summary_line()}</p>\n{table}"


def graded_frame(results: list[CheckResult]) -> pd.DataFrame:
    """The flat table of the results with ``grade`` and ``combines_sources`` beside the verdict.

    Examples
    --------
    >>> import gulagstats
    >>> list(graded_frame(gulagstats.check_results(family="prose")).columns[1:5])
    ['family', 'verdict', 'grade', 'combines_sources']
    """
    frame = flat(results) if results else pd.DataFrame(columns=CSV_COLUMNS)
    grades = grades_by_check(results)
    at = list(frame.columns).index("verdict") + 1
    for offset, column in enumerate(("grade", "combines_sources")):
        frame.insert(at + offset, column, [grades.get(str(i), ("", False))[offset] for i in frame["id"]])
    return frame


def check_table(results: Iterable[CheckResult]) -> CheckTable:
    """The results as a :class:`CheckTable` (the graded flat columns, then ``result``).

    Examples
    --------
    >>> import gulagstats
    >>> table = check_table(gulagstats.check_results(family="sources"))
    >>> list(table.columns[:3]), table.columns[-1], table["result"].iloc[0].family
    (['id', 'family', 'verdict'], 'result', 'sources')
    """
    chosen = list(results)
    table = CheckTable(graded_frame(chosen))
    table[RESULT_COLUMN] = pd.Series(chosen, index=table.index, dtype=object)
    return table
