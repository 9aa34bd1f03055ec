"""Archival benchmarks: what the record documents for a quantity and period.

A benchmark is computed, when it is asked for, from the loaded tables by the
rules of ``data/benchmark_rules.csv`` (built from
``tools/curated/archival_benchmarks_spec.csv``), so it changes when the data
change or an overlay is applied.  A rule's ``low`` and ``high`` are sums of
terms in the one rule language of :mod:`gulagstats.rules.terms`, the language of the
check rules too:

- ``MEASURE pop:POPULATION [cat:CATEGORY] in:TABLE [@PERIOD]``: the preferred
  values of that series in a table of cells (at the benchmark's period, or the
  fixed ``@PERIOD``);
- ``MEASURE [pop:POPULATION] @PERIOD prose``: a number GRZ state, the figure
  of ``grz_text_figures`` with that quantity, period and population (the
  build checks there is one).

A rule with a period is read by the evaluator the prose checks use
(:class:`gulagstats.rules.reader.Reader`); a series rule answers the periods asked
from the series its terms name (below).

A rule with an empty ``period`` is a *series*: it answers any period its
values cover.  For a flow it gives the value printed for exactly that period
and, for a span of whole years, the sum of the yearly values (every year must
be there); for a stock it gives the count on the day and, for a year or a
span, the lowest and highest count from its first day to the 1 January after
it (every 1 January within must be there).  A rule with a ``period`` answers
that period only (for example GRZ's 1,575,259 to 2.5 million arrests in
1937-1938).

A benchmark carries the status of the weakest value it uses (prose, confirmed,
derived, unconfirmed; ``user`` if a value comes from your overlay), and
``derived`` at best when it adds values up.  Where several benchmarks answer
the same quantity and period, the preferred one has the strongest status
(user, prose, confirmed, derived, unconfirmed), then comes first in the rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd

from ..core.cells import Cell, CellIndex, MissingCell, View
from ..core.composition import adjusted
from ..core.record import Record
from ..periods import match_period, period_text
from ..vocabulary import BENCHMARK_PREFERENCE as PREFERENCE
from ..vocabulary import DERIVED, PROSE, QUANTITIES, UNCONFIRMED, WEAKNESS
from .reader import FIGURES_TABLE, ProseFigure, Reader, index_figures, load_figures, term_period
from .terms import Term, parse_terms

#: Columns of the rules table (tools/curated/archival_benchmarks_spec.csv).
BENCHMARK_RULE_FIELDS = ["rule", "quantity", "period", "scope", "low", "high", "phrase", "caveats"]
#: Columns of a benchmark, as in data/tables/archival_benchmarks.csv.
BENCHMARK_FIELDS = [
    "id", "rule", "quantity", "period", "scope", "low", "high", "basis",
    "caveats", "source", "locator", "status", "preferred",
]
# WEAKNESS (vocabulary): a benchmark carries the weakest status of its terms; PREFERENCE:
# between benchmarks answering the same question (lower first), as for table cells

#: Columns of a candidate answer (a benchmark with what explanations need).
CANDIDATE_FIELDS = ["request", *BENCHMARK_FIELDS, "method", "phrase", "citation", "order"]
LOCATOR_SEP = " // "
_STATUS_OF = {v: k for k, v in WEAKNESS.items()}
_WHOLE_YEAR = re.compile(r"^\d{4}$")
_WHOLE_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PROSE_LINE_NUMBER = re.compile(r"GRZ prose line (\d+)")


def _join_unique(texts: Iterable[str], sep: str) -> str:
    parts = [p for text in texts for p in str(text).split(sep) if p]
    return sep.join(dict.fromkeys(parts))


def _term_series(cells: CellIndex, term: Term) -> pd.DataFrame:
    """The preferred, valued cells of one pinned term: period, value, weak, n, source, locator."""
    rows = [
        r for r in cells.of_table(term.table).rows
        if r.population == term.population and r.measure == term.measure and r.category == term.category
        and r.preferred and r.value is not None
    ]
    return pd.DataFrame(
        {
            "period": pd.Series([r.period for r in rows], dtype=object),
            "value": pd.Series([r.value for r in rows], dtype=float),
            "weak": pd.Series([WEAKNESS.get(r.status, WEAKNESS[UNCONFIRMED]) for r in rows], dtype=int),
            "n": 1,
            "source": pd.Series([r.source for r in rows], dtype=object),
            "locator": pd.Series([r.locator for r in rows], dtype=object),
        }
    )


def _combine(series: list[pd.DataFrame]) -> pd.DataFrame:
    """Add several series up period by period (a period counts only where every series has a value)."""
    out = series[0]
    for other in series[1:]:
        m = out.merge(other, on="period", suffixes=("", "_r"))
        out = pd.DataFrame(
            {
                "period": m["period"],
                "value": m["value"] + m["value_r"],
                "weak": np.maximum(m["weak"], m["weak_r"]),
                "n": m["n"] + m["n_r"],
                "source": m["source"] + "; " + m["source_r"],
                "locator": m["locator"] + LOCATOR_SEP + m["locator_r"],
            }
        )
    if len(series) > 1:  # a sum of values is derived at best
        out["weak"] = np.maximum(out["weak"], WEAKNESS[DERIVED])
        out["source"] = out["source"].map({s: _join_unique([s], "; ") for s in set(out["source"])})
        out["locator"] = out["locator"].map({s: _join_unique([s], LOCATOR_SEP) for s in set(out["locator"])})
    return out


def _requests(periods: Iterable[str]) -> pd.DataFrame:
    """The periods asked for, with their first and last day and, for whole years, the years."""
    unique = pd.Series(sorted(set(periods)), dtype=object)
    first, last = unique.str.split("/").str[0], unique.str.split("/").str[-1]
    start = pd.to_datetime(first.where(~first.str.fullmatch(r"\d{4}"), first + "-01-01"), format="%Y-%m-%d", errors="coerce")
    end = pd.to_datetime(last.where(~last.str.fullmatch(r"\d{4}"), last + "-12-31"), format="%Y-%m-%d", errors="coerce")
    whole = first.str.fullmatch(r"\d{4}") & last.str.fullmatch(r"\d{4}")
    return pd.DataFrame(
        {
            "request": unique,
            "start": start,
            "end": end,
            "is_day": unique.str.fullmatch(r"\d{4}-\d{2}-\d{2}"),
            "first_year": pd.to_numeric(first.where(whole), errors="coerce"),
            "last_year": pd.to_numeric(last.where(whole), errors="coerce"),
        }
    ).dropna(subset=["start", "end"])


def _aggregate(cross: pd.DataFrame, low: str, high: str) -> pd.DataFrame:
    return cross.groupby("request", sort=False).agg(
        low=("value", low),
        high=("value", high),
        weak=("weak", "max"),
        n=("n", "sum"),
        count=("value", "size"),
        source=("source", lambda s: _join_unique(s, "; ")),
        locator=("locator", lambda s: _join_unique(s, LOCATOR_SEP)),
    ).reset_index()


def _evaluate(series: pd.DataFrame, kind: str, requests: pd.DataFrame, label: str) -> pd.DataFrame:
    """Every way a series answers the requested periods (vectorised over the requests)."""
    columns = ["request", "period", "low", "high", "weak", "n", "source", "locator", "method", "basis"]
    found = []
    exact = requests[["request"]].merge(series, left_on="request", right_on="period")
    if not exact.empty:
        found.append(
            exact.assign(
                low=exact["value"],
                high=exact["value"],
                method="printed",
                basis=[f"{label}, {p} {'as printed' if n == 1 else 'summed'}" for p, n in zip(exact["period"], exact["n"])],
            )
        )
    if kind == "flow":
        years = series[series["period"].str.fullmatch(r"\d{4}")].assign(year=lambda f: f["period"].astype(int))
        spans = requests[requests["last_year"] > requests["first_year"]]
        cross = spans.merge(years, how="cross")
        cross = cross[(cross["year"] >= cross["first_year"]) & (cross["year"] <= cross["last_year"])]
        if not cross.empty:
            sums = _aggregate(cross, "sum", "sum").merge(spans, on="request")
            sums = sums[sums["count"] == sums["last_year"] - sums["first_year"] + 1]
            found.append(
                sums.assign(
                    period=sums["request"],
                    high=sums["low"],
                    weak=np.maximum(sums["weak"], WEAKNESS[DERIVED]),
                    method="sum",
                    basis=[f"{label}, sum of the years {a:.0f}-{b:.0f}" for a, b in zip(sums["first_year"], sums["last_year"])],
                )
            )
    if kind == "stock":
        days = series[series["period"].str.fullmatch(r"\d{4}-\d{2}-\d{2}")]
        days = days.assign(day=pd.to_datetime(days["period"]))
        spans = requests[~requests["is_day"]]
        cross = spans.merge(days, how="cross")
        cross = cross[(cross["day"] >= cross["start"]) & (cross["day"] <= cross["end"] + pd.Timedelta(days=1))]
        if not cross.empty:
            january = (cross["day"].dt.month == 1) & (cross["day"].dt.day == 1) & (cross["day"] <= cross["end"])
            ranges = _aggregate(cross, "min", "max").merge(spans, on="request")
            ranges["january"] = ranges["request"].map(cross[january].groupby("request").size()).fillna(0)
            first = ranges["start"].dt.year + ((ranges["start"].dt.month > 1) | (ranges["start"].dt.day > 1))
            expected = (ranges["end"].dt.year - first + 1).clip(lower=0)
            ranges = ranges[ranges["january"] == expected]
            found.append(
                ranges.assign(
                    period=ranges["request"],
                    method="range",
                    basis=[
                        f"{label}, lowest and highest of {c} counts from {s:%Y-%m-%d} to {e + pd.Timedelta(days=1):%Y-%m-%d}"
                        for c, s, e in zip(ranges["count"], ranges["start"], ranges["end"])
                    ],
                )
            )
    found = [f[columns] for f in found if len(f)]
    if not found:
        return pd.DataFrame(columns=columns)
    return pd.concat(found, ignore_index=True)


class BenchmarkEvaluator:
    """The benchmark rules with the series they read, ready to answer requests.

    Parameters
    ----------
    rules : pandas.DataFrame
        The rules (columns :data:`BENCHMARK_RULE_FIELDS`).
    table : callable
        Returns a loaded table of cells by its id (``gulagstats.load`` or, in
        the build, a reader of the freshly written CSV).
    """

    def __init__(self, rules: pd.DataFrame, table: Callable[[str], pd.DataFrame]):
        self.rules = rules.fillna("").reset_index(drop=True)
        self._table = table
        self._tables: dict[str, pd.DataFrame] = {}
        self._series: dict[str, pd.DataFrame] = {}
        self._answers: dict[tuple[str, str], pd.DataFrame] = {}  # by quantity and period asked
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

    def _series_of(self, terms: tuple[Term, ...]) -> pd.DataFrame:
        key = self._label(terms)
        if key not in self._series:
            self._series[key] = _combine([_term_series(self.cells(), t) for t in terms])
        return self._series[key]

    def _label(self, terms: tuple[Term, ...]) -> str:
        return " + ".join(t.label() for t in terms)

    def _fixed_side(self, terms: tuple[Term, ...], period: str) -> dict | None:
        """Sum the terms of one side of a rule with a period; None if a term has no value."""
        reader = Reader(View(self.cells()), self.figures())
        values, weak, sources, locators, labels, n = [], [], [], [], [], 0
        for term in terms:
            used = len(reader.view.used)
            try:
                value = reader.term(term, period)
            except MissingCell:
                return None
            when = term_period(term, period)
            values.append(value)
            if term.prose:
                figure = reader.figure(term, when, term.population)
                weak.append(WEAKNESS[PROSE])
                sources.append(figure.row().source)
                locators.append(f"GRZ prose line {figure.line}")
                labels.append(f"GRZ prose line {figure.line} ({value:,.0f})")
                n += 1
                continue
            rows = reader.view.used[used:]
            weak += [WEAKNESS.get(r.status, WEAKNESS[UNCONFIRMED]) for r in rows]
            sources += [r.source for r in rows]
            locators += [r.locator for r in rows]
            labels.append(f"{term.label()}, {_how_read(rows, when)} ({value:,.0f})")
            n += len(rows)
        return {
            "value": float(sum(values)),
            "weak": max(weak + ([WEAKNESS[DERIVED]] if n > 1 else [])),
            "source": _join_unique(sources, "; "),
            "locator": _join_unique(locators, LOCATOR_SEP),
            "basis": " + ".join(labels),
        }

    def _fixed(self, rule: pd.Series) -> pd.DataFrame:
        low = self._fixed_side(parse_terms(rule["low"]), rule["period"])
        high = self._fixed_side(parse_terms(rule["high"] or rule["low"]), rule["period"])
        if low is None or high is None:
            return pd.DataFrame()
        basis = low["basis"] if not rule["high"] else f"low: {low['basis']}; high: {high['basis']}"
        return pd.DataFrame(
            [
                {
                    "request": rule["period"],
                    "period": rule["period"],
                    "low": low["value"],
                    "high": high["value"],
                    "weak": max(low["weak"], high["weak"]),
                    "source": _join_unique([low["source"], high["source"]], "; "),
                    "locator": _join_unique([low["locator"], high["locator"]], LOCATOR_SEP),
                    "method": "stated",
                    "basis": basis,
                }
            ]
        )

    def candidates(self, asked: pd.DataFrame) -> pd.DataFrame:
        """Every benchmark answering the asked ``quantity`` and ``period`` pairs, the preferred flagged.

        Each pair is worked out once per record; asking it again reuses the answers.

        Parameters
        ----------
        asked : pandas.DataFrame
            Columns ``quantity`` and ``period`` (the period to look up, see
            :func:`gulagstats.estimates.vocabulary.match_period`).

        Returns
        -------
        pandas.DataFrame
            Columns ``quantity``, ``request`` (the period asked), then
            :data:`BENCHMARK_FIELDS`, ``phrase``, ``citation`` and ``order``.
        """
        asked = asked[["quantity", "period"]].drop_duplicates()
        pairs = list(zip(asked["quantity"], asked["period"]))
        new = [pair for pair in pairs if pair not in self._answers]
        if new:
            answers = self._answer(pd.DataFrame(new, columns=["quantity", "period"]))
            by_pair = dict(list(answers.groupby(["quantity", "request"], sort=False))) if len(answers) else {}
            for pair in new:
                self._answers[pair] = by_pair.get(pair, answers.iloc[:0])
        found = [self._answers[pair] for pair in pairs if len(self._answers[pair])]
        if not found:
            return pd.DataFrame(columns=CANDIDATE_FIELDS).astype({"low": float, "high": float, "preferred": bool})
        out = pd.concat(found, ignore_index=True)
        rank = out["status"].map(PREFERENCE)
        out = out.assign(_rank=rank).sort_values(["quantity", "request", "_rank", "order", "method"], kind="stable")
        out["preferred"] = ~out.duplicated(["quantity", "request"])
        return out[CANDIDATE_FIELDS].reset_index(drop=True)

    def _answer(self, asked: pd.DataFrame) -> pd.DataFrame:
        """Every rule's answers to the asked pairs (distinct), with status, id and citation."""
        found = []
        for order, rule in self.rules.iterrows():
            wanted = asked.loc[asked["quantity"] == rule["quantity"], "period"]
            if wanted.empty:
                continue
            kind = QUANTITIES[rule["quantity"]].kind
            if rule["period"]:
                if rule["period"] not in set(wanted):
                    continue
                answers = self._fixed(rule)
            else:
                terms = parse_terms(rule["low"])
                answers = _evaluate(self._series_of(terms), kind, _requests(wanted), self._label(terms))
            if answers.empty:
                continue
            tables = _join_unique([t.table for t in parse_terms(f"{rule['low']} + {rule['high'] or rule['low']}") if t.table], "; ")
            found.append(
                answers.assign(
                    order=order, tables=tables, **{k: rule[k] for k in ("rule", "quantity", "scope", "caveats", "phrase")}
                )
            )
        if not found:
            return pd.DataFrame(columns=["quantity", "request"])
        out = pd.concat(found, ignore_index=True)
        out["status"] = out["weak"].astype(int).map(_STATUS_OF)
        out["id"] = out["rule"] + ":" + out["period"] + np.where(out["method"] == "sum", ":sum", "")
        out["citation"] = [_citation(t, s, loc) for t, s, loc in zip(out["tables"], out["source"], out["locator"])]
        return out

    def coverage(self) -> dict[str, str]:
        """For each quantity with rules, the periods the record can answer, in words."""
        if self._coverage is None:
            self._coverage = self._describe_coverage()
        return dict(self._coverage)

    def _describe_coverage(self) -> dict[str, str]:
        out: dict[str, list[str]] = {}
        for _, rule in self.rules.iterrows():
            kind = QUANTITIES[rule["quantity"]].kind
            if rule["period"]:
                text = f"{period_text(rule['period'])} ({rule['rule']})"
            else:
                periods = self._series_of(parse_terms(rule["low"]))["period"]
                if kind == "flow":
                    years = sorted(int(p) for p in periods if _WHOLE_YEAR.match(p))
                    text = f"the years {years[0]}-{years[-1]} and spans of them ({rule['rule']})" if years else ""
                else:
                    days = sorted(p for p in periods if _WHOLE_DAY.match(p))
                    text = f"counts from {period_text(days[0])} to {period_text(days[-1])} ({rule['rule']})" if days else ""
            if text:
                out.setdefault(rule["quantity"], []).append(text)
        return {q: "; ".join(texts) for q, texts in out.items()}


def _how_read(rows: list[Cell], when: str) -> str:
    """How a pinned term was read at a period: the printed cell, or the sum of the periods inside it."""
    if len(rows) == 1 and rows[0].period == when:
        return f"{when} as printed"
    years = [r.period for r in rows]
    if all(_WHOLE_YEAR.match(y) for y in years):
        return f"sum of the years {years[0]}-{years[-1]}"
    return f"sum of {len(rows)} periods of {when}"


def rule_tables(rules: pd.DataFrame) -> list[str]:
    """The tables of cells the rules' terms are pinned to, sorted.

    Examples
    --------
    >>> rule_tables(pd.DataFrame({"low": ["deaths pop:gulag_camps in:appendix + deaths @1937 prose"], "high": [""]}))
    ['appendix']
    """
    return sorted({t.table for side in ("low", "high") for text in rules[side].fillna("") if text
                   for t in parse_terms(text) if t.table})


def _citation(tables: str, sources: str, locators: str) -> str:
    """Where a benchmark comes from, short: ``nkvd_sentences: grz1993, GRZ prose line 63``."""
    lines = [str(n) for n in sorted({int(n) for n in _PROSE_LINE_NUMBER.findall(locators)})]
    prose = f"GRZ prose line{'s' if len(lines) > 1 else ''} {' and '.join(lines)}" if lines else ""
    return (f"{tables}: " if tables else "") + sources + (f", {prose}" if prose else "")


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
