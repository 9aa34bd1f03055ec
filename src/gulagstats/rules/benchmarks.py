"""Archival benchmarks: what the record documents for a quantity and period.

A benchmark is computed, when it is asked for, from the loaded tables by the
rules of ``data/benchmark_rules.csv`` (built from
``tools/curated/archival_benchmarks_spec.csv``), so it changes when the data
change or an overlay is applied.  A rule's ``low`` and ``high`` are sums of
terms in the one rule language of :mod:`gulagstats.rules.terms`, the language of the
check rules too, and every rule, of a fixed period or a series, is read by the
one evaluator of that language, :class:`gulagstats.rules.reader.Reader`
(:mod:`gulagstats.rules.series` reads a series at the period asked):

- ``MEASURE pop:POPULATION [cat:CATEGORY] in:TABLE [@PERIOD]``: the preferred
  values of that series in a table of cells (at the benchmark's period, or the
  fixed ``@PERIOD``);
- ``MEASURE [pop:POPULATION] @PERIOD prose``: a number GRZ state, the figure
  of ``grz_text_figures`` with that quantity, period and population (the
  build checks there is one).

A rule with an empty ``period`` is a *series*: for a flow it gives the value
printed for the period asked or the sum of the periods inside it (they must
tile it); for a stock the count on the day and, for a year or a span, the
lowest and highest count from its first day to the 1 January after it (every
1 January within must be there).  A rule with a ``period`` answers that period
only (for example GRZ's 1,575,259 to 2.5 million arrests in 1937-1938).  Where a
series lacks part of a span (1953 stops on 30 June; the certificate has no
1917-1929), the part it holds is a *partial* answer: a floor, never preferred
to a whole one.

A benchmark carries the status of the weakest value it uses (prose, confirmed,
derived, unconfirmed; ``user`` if a value comes from your overlay), and
``derived`` at best when it adds values up.  Where several benchmarks answer
the same quantity and period, the preferred one has the strongest status
(user, prose, confirmed, derived, unconfirmed), then comes first in the rules.
Each also carries its *variants*: its low and high recomputed with every other
published value of each cell it used, one cell at a time (the sensitivity of
a verdict to the source).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from ..core.cells import CellIndex
from ..core.composition import adjusted
from ..core.record import Record
from ..periods import match_period, period_text
from ..vocabulary import BENCHMARK_PREFERENCE as PREFERENCE
from ..vocabulary import QUANTITIES
from .reader import FIGURES_TABLE, ProseFigure, index_figures, load_figures
from .series import Answer, RuleRow, Variant, evaluate_rule, series_periods, variants_of
from .terms import parse_terms

__all__ = [
    "BENCHMARK_FIELDS", "BENCHMARK_RULE_FIELDS", "CANDIDATE_FIELDS", "Answer", "BenchmarkEvaluator", "Variant",
    "asked_by_estimates", "benchmark_evaluator", "benchmark_table", "benchmarks_of", "rule_tables",
]

#: Columns of the rules table (tools/curated/archival_benchmarks_spec.csv).
BENCHMARK_RULE_FIELDS = [
    "rule", "quantity", "period", "scope", "low", "high", "phrase", "caveats", "bound", "lacks", "reading",
]
#: Columns of a benchmark, as in data/tables/archival_benchmarks.csv.
BENCHMARK_FIELDS = [
    "id", "rule", "quantity", "period", "scope", "low", "high", "basis",
    "caveats", "source", "locator", "status", "preferred",
]
#: Columns of a candidate answer (a benchmark with what explanations need).
CANDIDATE_FIELDS = ["request", *BENCHMARK_FIELDS, "method", "phrase", "citation", "order"]
_WHOLE_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class BenchmarkEvaluator:
    """The benchmark rules with the cells they read, ready to answer requests.

    Parameters
    ----------
    rules : pandas.DataFrame
        The rules (columns :data:`BENCHMARK_RULE_FIELDS`; ``bound``, ``lacks``
        and ``reading`` may be absent in an older data directory).
    table : callable
        Returns a loaded table of cells by its id (``gulagstats.load`` or, in
        the build, a reader of the freshly written CSV).

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> evaluator = benchmark_evaluator(default_record())
    >>> best = evaluator.answers("executions", "1937/1938")[0]
    >>> best.id, int(best.low), best.status
    ('executions_nkvd:1937/1938', 681692, 'prose')
    """

    def __init__(self, rules: pd.DataFrame, table: Callable[[str], pd.DataFrame]):
        self.rules = rules.fillna("").reset_index(drop=True)
        for column in ("bound", "lacks", "reading"):
            if column not in self.rules.columns:
                self.rules[column] = ""
        self._rows = [RuleRow.of(order, r) for order, r in enumerate(self.rules.to_dict("records"))]
        self._table = table
        self._tables: dict[str, pd.DataFrame] = {}
        self._answers: dict[tuple[str, str], tuple[Answer, ...]] = {}
        self._partial: dict[tuple[str, str], tuple[Answer, ...]] = {}
        self._variants: dict[str, tuple[Variant, ...]] = {}
        self._coverage: dict[str, str] | None = None
        self._cells: CellIndex | None = None
        self._figures: dict[tuple[str, str, str], list[ProseFigure]] | None = None

    def _load(self, table_id: str) -> pd.DataFrame:
        if table_id not in self._tables:
            self._tables[table_id] = self._table(table_id)
        return self._tables[table_id]

    def cells(self) -> CellIndex:
        """The cells of the tables the rules name, flagged cells replaced by their adjusted twin."""
        if self._cells is None:
            self._cells = adjusted(CellIndex.from_frames((t, self._load(t)) for t in rule_tables(self.rules)))
        return self._cells

    def figures(self) -> dict[tuple[str, str, str], list[ProseFigure]]:
        """The figures of the prose the ``prose`` terms name, by quantity, period and population."""
        if self._figures is None:
            self._figures = index_figures(load_figures(self._load(FIGURES_TABLE)))
        return self._figures

    def rule(self, rule_id: str) -> RuleRow:
        """The rule of that id."""
        return next(r for r in self._rows if r.rule == rule_id)

    def _evaluate(self, quantity: str, period: str) -> None:
        key = (quantity, period)
        whole: list[Answer] = []
        partial: list[Answer] = []
        for row in self._rows:
            if row.quantity != quantity or (row.period and row.period != period):
                continue
            answer = evaluate_rule(row, period, self.cells(), self.figures())
            if answer is not None:
                (partial if answer.partial else whole).append(answer)
            if not row.period and "/" in period and QUANTITIES[quantity].kind == "flow":
                summed = evaluate_rule(row, period, self.cells(), self.figures(), "sum")  # beside a printed total
                if summed is not None and all(summed.id != a.id for a in whole):
                    whole.append(summed)
        rank = {a.id: (PREFERENCE[a.status], a.order, a.method) for a in whole + partial}
        self._answers[key] = tuple(sorted(whole, key=lambda a: rank[a.id]))
        self._partial[key] = tuple(sorted(partial, key=lambda a: (-a.low, *rank[a.id])))

    def answers(self, quantity: str, period: str) -> tuple[Answer, ...]:
        """Every whole answer to ``quantity`` over ``period``, the preferred first (cached)."""
        if (quantity, period) not in self._answers:
            self._evaluate(quantity, period)
        return self._answers[(quantity, period)]

    def partial(self, quantity: str, period: str) -> tuple[Answer, ...]:
        """Answers for part of ``period`` only (floors: the part the record holds), the largest first."""
        if (quantity, period) not in self._partial:
            self._evaluate(quantity, period)
        return self._partial[(quantity, period)]

    def variants(self, answer: Answer) -> tuple[Variant, ...]:
        """``answer`` recomputed with every other published value of each cell it used, one at a time."""
        if answer.id not in self._variants:
            row = next(r for r in self._rows if r.rule == answer.rule)
            self._variants[answer.id] = variants_of(row, answer, self.cells(), self.figures())
        return self._variants[answer.id]

    def spans(self, quantity: str) -> list[str]:
        """The periods the record answers ``quantity`` for as printed spans: fixed rules, and spans a series prints."""
        found = [r.period for r in self._rows if r.quantity == quantity and r.period and not r.reading]
        for r in self._rows:
            if r.quantity == quantity and not r.period and not r.reading:
                found += [p for p in series_periods(r, self.cells()) if "/" in p]
        return list(dict.fromkeys(found))

    def days(self, quantity: str) -> list[str]:
        """The days on which a series of ``quantity`` (of the main reading) has a count, sorted."""
        found: set[str] = set()
        for r in self._rows:
            if r.quantity == quantity and not r.period and not r.reading:
                found |= {p for p in series_periods(r, self.cells()) if _WHOLE_DAY.match(p)}
        return sorted(found)

    def candidates(self, asked: pd.DataFrame) -> pd.DataFrame:
        """Every whole benchmark answering the asked ``quantity`` and ``period`` pairs, the preferred flagged.

        Parameters
        ----------
        asked : pandas.DataFrame
            Columns ``quantity`` and ``period`` (the period to look up, see
            :func:`gulagstats.periods.match_period`).

        Returns
        -------
        pandas.DataFrame
            Columns :data:`CANDIDATE_FIELDS`.
        """
        rows = []
        for quantity, period in dict.fromkeys(zip(asked["quantity"], asked["period"])):
            for k, answer in enumerate(self.answers(quantity, period)):
                rows.append({**answer.fields(), "preferred": k == 0})
        frame = pd.DataFrame(rows, columns=CANDIDATE_FIELDS)
        return frame.astype({"low": float, "high": float, "preferred": bool})

    def coverage(self) -> dict[str, str]:
        """For each quantity with rules, the periods the record can answer, in words."""
        if self._coverage is None:
            self._coverage = self._describe_coverage()
        return dict(self._coverage)

    def _describe_coverage(self) -> dict[str, str]:
        out: dict[str, list[str]] = {}
        for row in self._rows:
            if row.reading:  # another reading of a rule already listed
                continue
            if row.period:
                text = f"{period_text(row.period)} ({row.rule})"
            else:
                periods = series_periods(row, self.cells())
                if QUANTITIES[row.quantity].kind == "flow":
                    years = sorted(int(p) for p in periods if p.isdigit())
                    text = f"{years_text(years)} ({row.rule})" if years else ""
                else:
                    days = sorted(p for p in periods if _WHOLE_DAY.match(p))
                    text = f"{days_text(days)} ({row.rule})" if days else ""
            if text:
                out.setdefault(row.quantity, []).append(text)
        return {q: "; ".join(texts) for q, texts in out.items()}


def years_text(years: list[int]) -> str:
    """The years a flow's series counts, in words: a gap is named, never bridged (round 17).

    Examples
    --------
    >>> years_text([1937, 1938, 1939])
    'the years 1937-1939 and spans of them'
    >>> years_text([1937, 1938, 1940, 1942])
    'the years 1937-1942 (not 1939, 1941) and spans of them'
    >>> years_text([1937])
    'the year 1937'
    """
    if len(years) == 1:
        return f"the year {years[0]}"
    have = set(years)
    gaps = [str(y) for y in range(years[0], years[-1] + 1) if y not in have]
    but = f" (not {', '.join(gaps)})" if gaps else ""
    return f"the years {years[0]}-{years[-1]}{but} and spans of them"


def days_text(days: list[str]) -> str:
    """The days a stock's series counts, in words: how many, so that a gap is never read as a count (round 17).

    Examples
    --------
    >>> days_text(["1939-01-01"])
    'a count on 1 January 1939'
    >>> days_text(["1939-01-01", "1940-01-01"])
    'counts on 1 January 1939 and 1 January 1940'
    >>> days_text(["1939-01-01", "1940-01-01", "1948-01-01"])
    '3 counts from 1 January 1939 to 1 January 1948'
    """
    if len(days) == 1:
        return f"a count on {period_text(days[0])}"
    if len(days) == 2:
        return f"counts on {period_text(days[0])} and {period_text(days[1])}"
    return f"{len(days)} counts from {period_text(days[0])} to {period_text(days[-1])}"


def rule_tables(rules: pd.DataFrame) -> list[str]:
    """The tables of cells the rules' terms are pinned to, sorted.

    Examples
    --------
    >>> rule_tables(pd.DataFrame({"low": ["deaths pop:gulag_camps in:appendix + deaths @1937 prose"], "high": [""]}))
    ['appendix']
    """
    return sorted({t.table for side in ("low", "high") for text in rules[side].fillna("") if text
                   for t in parse_terms(text) if t.table})


def benchmark_evaluator(record: Record) -> BenchmarkEvaluator:
    """The rules of the data package over a record's tables, built once a record.

    The record keeps it (:meth:`~gulagstats.core.record.Record.derived`), with
    the benchmarks it works out; the default record is replaced, and with it
    its evaluator, when a file it read changes.

    Examples
    --------
    >>> from gulagstats.core.record import Record
    >>> mine = Record()
    >>> evaluator = benchmark_evaluator(mine)
    >>> "executions" in set(evaluator.rules["quantity"])
    True
    >>> benchmark_evaluator(mine) is evaluator   # built once for the record
    True
    """
    return record.derived("benchmark evaluator", _new_evaluator)


def _new_evaluator(record: Record) -> BenchmarkEvaluator:
    rules = record.load("benchmark_rules").drop(columns=["start", "end"], errors="ignore")
    return BenchmarkEvaluator(rules, record.load)


def asked_by_estimates(estimates: pd.DataFrame, rules: pd.DataFrame) -> pd.DataFrame:
    """The quantity and period pairs the estimates address, and those of the fixed rules.

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> record = default_record()
    >>> asked = asked_by_estimates(record.load("estimates"), benchmark_evaluator(record).rules)
    >>> bool(((asked["quantity"] == "executions") & (asked["period"] == "1937/1938")).any())
    True
    """
    kinds = estimates["quantity"].map(lambda q: QUANTITIES[q].kind)
    periods = [match_period(p, k) for p, k in zip(estimates["period"].fillna(""), kinds)]
    asked = pd.DataFrame({"quantity": estimates["quantity"], "period": periods})
    fixed = rules.loc[rules["period"].fillna("") != "", ["quantity", "period"]]
    asked = pd.concat([asked[asked["period"] != ""], fixed], ignore_index=True)
    return asked.drop_duplicates().reset_index(drop=True)


def benchmarks_of(record: Record, quantity: str | None = None) -> pd.DataFrame:
    """The benchmarks of every quantity and period the estimates address (:func:`gulagstats.benchmarks`).

    ``quantity`` must be a quantity of the vocabulary (the caller checks it).

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> b = benchmarks_of(default_record(), "executions")
    >>> row = b[(b.period == "1937/1938") & b.preferred].iloc[0]
    >>> int(row.low), row.status
    (681692, 'prose')
    """
    evaluator = benchmark_evaluator(record)
    asked = asked_by_estimates(record.frame("estimates"), evaluator.rules)
    if quantity is not None:
        asked = asked[asked["quantity"] == quantity]
    return benchmark_table(evaluator, asked)


def benchmark_table(evaluator: BenchmarkEvaluator, asked: pd.DataFrame) -> pd.DataFrame:
    """The benchmarks answering ``asked``, one a row (the table written to data/).

    Examples
    --------
    >>> from gulagstats.core.record import default_record
    >>> asked = pd.DataFrame({"quantity": ["executions"], "period": ["1937/1938"]})
    >>> table = benchmark_table(benchmark_evaluator(default_record()), asked)
    >>> first = table.iloc[0]
    >>> first["id"], int(first["low"]), first["status"]
    ('executions_nkvd:1937/1938', 681692, 'prose')
    """
    found = evaluator.candidates(asked).sort_values(["quantity", "period", "order", "id"], kind="stable")
    return found[BENCHMARK_FIELDS].reset_index(drop=True)

