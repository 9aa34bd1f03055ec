"""The public face of gulagstats: every function a user calls, on top of the layers.

Each function that reads the data takes ``overlay=`` (a filled template) or
``record=`` (a :class:`~gulagstats.core.record.Record`), turns them into one
record (:func:`~gulagstats.core.record.resolve`: neither gives the published
data, kept for the process) and calls the layer that does the work, always with
that record.  ``gulagstats/__init__.py`` re-exports these names, and the
command line calls only them.

The layers below import pandas (and matplotlib when a figure is drawn);
``gulagstats check`` must not import either (a test checks), so the layers that
need pandas are imported where a function needs them, each marked ``# pandas``.
They are the only imports inside functions above the core, and they all point
down.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .api_figures import (
    Overlay,
    draw_figures,
    figure_a,
    figure_b,
    figure_c,
    figure_d,
    figure_estimates,
    figure_mortality_rate,
    figure_nkvd_sentences,
    figure_source_disagreement,
)
from .checks import check_record
from .checks.text import summary
from .core.record import Record, default_record, resolve
from .core.results import CheckResult
from .models import Assessment, Benchmark, Source, TableMeta
from .outputs import write_text
from .vocabulary import QUANTITIES, STATUSES, VERDICTS

if TYPE_CHECKING:
    import pandas as pd

    from .archive.run import CorpusResult
    from .checks.table import CheckTable
    from .factcheck.run import Factcheck
    from .report import ReportResult

__all__ = [
    "STATUSES", "VERDICTS", "Assessment", "Benchmark", "CheckResult", "Record", "Source", "TableMeta",
    "assess", "assess_claims", "benchmarks", "build_report", "check", "check_results", "compare", "coverage",
    "default_record", "describe", "draw_figures", "figure_a", "figure_b", "figure_c", "figure_d",
    "figure_estimates", "figure_mortality_rate", "figure_nkvd_sentences", "figure_source_disagreement",
    "load", "quantities", "read_overlay", "source", "sources", "summary", "tables", "template",
]



# --- the tables -----------------------------------------------------------------------------------


def tables() -> pd.DataFrame:
    """List the tables of the data package: ``id``, ``title``, ``grz_ref``, ``kind``, ``beyond_grz``, ``rows``.

    >>> "appendix" in set(tables()["id"])
    True
    """
    from .loaders import table_list  # pandas

    return table_list()


def describe(table_id: str) -> TableMeta:
    """Return the metadata of one table (title, description, GRZ reference, path, sha256, fields).

    Raises
    ------
    UnknownTableError
        If ``table_id`` is not a table (the message suggests the nearest ids).

    Examples
    --------
    >>> describe("appendix").kind
    'cells'
    """
    from .loaders import table_meta  # pandas

    return table_meta(table_id)


def load(
    table_id: str,
    wide: bool = False,
    status: str | Iterable[str] | None = None,
    overlay: Overlay = None,
    *,
    record: Record | None = None,
    provenance: bool = False,
) -> pd.DataFrame:
    """Load one table as a typed DataFrame.

    Parameters
    ----------
    table_id : str
        A table id from :func:`tables` (for example ``"appendix"``).
    wide : bool, default False
        Return a pivot that reads like the printed table: one row a period (or
        category), one column a population and measure, the table's preferred
        value in each cell (see ``provenance`` for their status and source).
    status : str or list of str, optional
        Keep only rows with these statuses (``prose``, ``confirmed``, ... ``user``).
    overlay : path, optional
        A filled template (:func:`template`) merged as rows with status ``user``,
        which become the preferred values (the same as ``record=Record(overlay)``).
    record : gulagstats.Record, optional
        The record to read from (default: the published data, read once a
        process while its files are unchanged); not together with ``overlay``.
    provenance : bool, default False
        With ``wide``: columns ``value``, ``status``, ``source`` over the printed ones (docs/api.md).

    Returns
    -------
    pandas.DataFrame
        Long form: one published value a row, with ``value``, ``unit``,
        ``source``, ``locator``, ``status``, ``preferred`` and ``note``, and
        the typed ``start`` and ``end`` dates of its period.

    Raises
    ------
    UnknownTableError
        For an unknown table id (the message suggests the nearest).
    DataIntegrityError
        If the table's file does not match its recorded sha256.
    OverlayAndRecordError
        If both ``overlay`` and ``record`` are given.

    Examples
    --------
    >>> camps = load("appendix")
    >>> row = camps[(camps.period == "1939-01-01") & (camps.population == "gulag_camps")
    ...             & (camps.measure == "inmates") & camps.preferred]
    >>> int(row.value.iloc[0])
    1317195
    """
    return resolve(record, overlay).load(table_id, wide=wide, status=status, provenance=provenance)


def sources() -> pd.DataFrame:
    """Return the citations of every source key used in the data: ``key``, ``citation``, ``url``, ``kind``.

    >>> sources().set_index("key").loc["grz1993", "citation"][:5]
    'Getty'
    """
    return default_record().load("sources")


def source(key: str) -> Source:
    """Return one source (its key, citation, URL and kind) as a model.

    Raises
    ------
    UnknownSourceError
        For a key that is not in ``sources()`` (a ``KeyError``; the message suggests the nearest).

    Examples
    --------
    >>> source("grz1993").citation[:5]
    'Getty'
    """
    return default_record().source(key)


def template(table_id: str, path: str | Path | None = None) -> pd.DataFrame:
    """Return (and optionally write to ``path``) the missing cells of a table of cells, ready to fill.

    The columns are those of an overlay (:data:`gulagstats.overlay.OVERLAY_COLUMNS`);
    ``value``, ``locator`` (where you read it) and ``note`` are empty.  ``path``
    must not be inside the package's data directory.

    Examples
    --------
    >>> list(template("appendix").columns)[:3]
    ['table', 'period', 'population']
    """
    from .overlay import template_of  # pandas

    out = template_of(default_record().load(table_id), table_id)
    if path is not None:
        write_text(path, out.to_csv(index=False), "the template")
    return out


def read_overlay(path: str | Path, cells: Callable[[set[str]], dict[str, set[tuple]]] | None = None) -> pd.DataFrame:
    """Read and validate a filled template (see :func:`gulagstats.overlay.read_overlay_file`).

    Raises
    ------
    OverlayError
        One line naming the file, how many rows are bad, and the first few.

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "mine.csv")
    >>> _ = template("appendix").to_csv(path, index=False)
    >>> len(read_overlay(path))   # nothing filled yet
    0
    """
    from .overlay import read_overlay_file  # pandas

    return read_overlay_file(path, cells)


def coverage(overlay: Overlay = None, *, record: Record | None = None) -> pd.DataFrame:
    """Count the cells of every table by the status of their value (:func:`~gulagstats.coverage_table.coverage_table`).

    One row a table of cells, then the GRZ article and all tables:
    ``table``, ``grz_ref``, ``cells``, one column per status, ``known``,
    ``known_pct``, ``alternatives`` and ``rows``.  ``overlay``/``record`` as
    in :func:`load`.

    Examples
    --------
    >>> cov = coverage().set_index("table")
    >>> int(cov.loc["appendix", "cells"]) >= int(cov.loc["appendix", "missing"])
    True
    """
    from .coverage_table import coverage_table  # pandas

    return coverage_table(resolve(record, overlay))


# --- checks and estimates -------------------------------------------------------------------------


def check(
    overlay: Overlay = None,
    family: str | Iterable[str] | None = None,
    verdict: str | Iterable[str] | None = None,
    *,
    record: Record | None = None,
) -> CheckTable:
    """Run the consistency checks: one row a check, as a DataFrame (:class:`~gulagstats.checks.table.CheckTable`).

    ``family``: only these families (``prose``, ``identities``, ``sources``, ``plausibility``; default
    all); ``verdict``: only these verdicts; ``overlay``/``record`` as in :func:`load`.  The columns are
    those of ``gulagstats check --format csv``, then ``result``: each row's :class:`CheckResult`
    (``.results`` lists them; :func:`check_results` gives only them, without pandas).

    Raises
    ------
    UnknownFamilyError, UnknownVerdictError
        For a family or verdict that does not exist (the message suggests the nearest).

    Examples
    --------
    >>> row = check(family="prose").set_index("id").loc["prose.L061.1"]
    >>> float(row.expected), float(row.observed), row.verdict
    (175487.0, 175486.0, 'discrepancy')
    """
    from .checks.table import check_table  # pandas

    return check_table(check_results(overlay, family, verdict, record=record))


def check_results(overlay: Overlay = None, family: str | Iterable[str] | None = None,
                  verdict: str | Iterable[str] | None = None, *, record: Record | None = None) -> list[CheckResult]:
    """The checks of :func:`check` as :class:`CheckResult` objects, each with its cells and alternatives.

    >>> next(r for r in check_results(family="prose") if r.id == "prose.L061.1").cells[0].source
    'plwiki_lagier'
    """
    return check_record(resolve(record, overlay), family, verdict)


def compare(quantity: str | None = None, overlay: Overlay = None, *, record: Record | None = None) -> pd.DataFrame:
    """Set every published estimate against the archival record (:func:`~gulagstats.estimates.verdicts.compare_estimates`).

    One row per estimate of ``data/tables/estimates.csv``: the estimate, the
    preferred benchmark (``benchmark_id``, ``benchmark_low``,
    ``benchmark_high``, ``benchmark_source``), ``ratio_low``, ``ratio_high``,
    ``verdict``, ``factor`` and ``explanation``, then the other columns.
    ``quantity`` keeps one quantity of :func:`quantities`; ``overlay`` and
    ``record`` as in :func:`load`.

    Raises
    ------
    UnknownQuantityError
        For a quantity outside the vocabulary (with suggestions).

    Examples
    --------
    >>> row = compare("arrests").set_index("id").loc["conquest1990-arrests"]
    >>> row.verdict, float(row.factor), int(row.benchmark_low)
    ('overstates', 2.2, 1575259)
    """
    from .estimates.verdicts import compare_estimates  # pandas

    return compare_estimates(resolve(record, overlay), quantity)


def assess(
    quantity: str,
    value: object = None,
    low: object = None,
    high: object = None,
    period: str | None = None,
    overlay: Overlay = None,
    *,
    record: Record | None = None,
    unit: str | None = None,
) -> Assessment:
    """Assess one claim against the archival record (:func:`~gulagstats.estimates.verdicts.assess_one`).

    ``quantity``: what the claim counts (:func:`quantities`); ``value``: the
    number claimed ("7 million" is read by the one number reader), or ``low``
    and/or ``high`` for a range or a bound; ``period``: a year ``1938``, a day
    ``1939-01-01`` or a span ``1937/1938``; ``overlay``/``record`` as in :func:`load`;
    ``unit``: ``persons`` (the default), a rate over the period (``persons per year``)
    or per head (``per 1,000 inhabitants``, ``per 1,000 adults``).

    Raises
    ------
    UnknownQuantityError
        For a quantity outside the vocabulary (with the nearest names).
    InvalidEstimateError
        For a value that is not a finite non-negative number, no value, low
        above high, or a period that is not a year, a day or a span.

    Examples
    --------
    >>> a = assess("executions", 7_000_000, period="1937-1938")
    >>> a.verdict, a.factor, a.benchmark.source
    ('overstates', 10.3, 'grz1993')
    """
    from .estimates.verdicts import assess_one  # pandas

    return assess_one(resolve(record, overlay), quantity, value, low, high, period, unit)


def assess_claims(
    claims: pd.DataFrame | str | Path, overlay: Overlay = None, *, record: Record | None = None
) -> pd.DataFrame:
    """Assess many claims at once, one result row per claim (:func:`~gulagstats.estimates.verdicts.assess_many`).

    ``claims`` is a frame or a UTF-8 CSV file with a ``quantity`` column and
    ``value`` or ``low``/``high``; ``period``, ``unit``, ``region`` and ``id``
    are optional; other columns are kept.  A row that cannot be assessed has
    its reason in ``error`` ("line N: ..."); the others are assessed all the same.

    Raises
    ------
    DataFormatError
        If the file is missing, not UTF-8, not a CSV, or has no quantity column.

    Examples
    --------
    >>> import pandas as pd
    >>> out = assess_claims(pd.DataFrame(
    ...     {"quantity": ["arrests", "arests"], "value": ["2000000", "1"], "period": ["1937-1938", "1937"]}))
    >>> out.verdict.tolist(), out.error.str[:26].tolist()
    (['consistent', ''], ['', "line 3: unknown quantity '"])
    """
    from .estimates.verdicts import assess_many  # pandas

    return assess_many(resolve(record, overlay), claims)


def iter_assessed_claims(
    path: str | Path, overlay: Overlay = None, *, record: Record | None = None, rows: int = 50_000
) -> Iterator[pd.DataFrame]:
    """The results of :func:`assess_claims` for a claims file, ``rows`` claims at a time (bounded memory).

    Concatenated, the parts are the frame :func:`assess_claims` returns; ``gulagstats
    assess --file`` writes each part as it comes, so only one part's results are in memory.

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "c.csv")
    >>> _ = open(path, "w").write("quantity,value,period\\nexecutions,7 million,1937-1938\\nexecutions,1,1937-1938\\n")
    >>> [part.verdict.tolist() for part in iter_assessed_claims(path, rows=1)]
    [['overstates'], ['understates']]
    """
    from .estimates.verdicts import assess_many_in_parts  # pandas

    return assess_many_in_parts(resolve(record, overlay), path, rows)


def benchmarks(quantity: str | None = None, overlay: Overlay = None, *, record: Record | None = None) -> pd.DataFrame:
    """The archival benchmarks for every quantity and period the estimates address (:func:`~gulagstats.rules.benchmarks.benchmarks_of`).

    Computed now from the record by the rules in ``data/benchmark_rules.csv``
    (``data/tables/archival_benchmarks.csv`` is the build's copy): ``id``,
    ``rule``, ``quantity``, ``period``, ``scope``, ``low``, ``high``, ``basis``,
    ``caveats``, ``source``, ``locator``, ``status`` and ``preferred``.

    Raises
    ------
    UnknownQuantityError
        For a quantity outside the vocabulary (with suggestions).

    Examples
    --------
    >>> b = benchmarks("executions")
    >>> row = b[(b.period == "1937/1938") & b.preferred].iloc[0]
    >>> int(row.low), row.status
    (681692, 'prose')
    """
    from .estimates.vocabulary import unknown_quantity  # pandas
    from .rules.benchmarks import benchmarks_of  # pandas

    chosen = resolve(record, overlay)
    if quantity is not None and quantity not in QUANTITIES:
        raise unknown_quantity(quantity)
    return benchmarks_of(chosen, quantity)


def quantities() -> pd.DataFrame:
    """List the quantities estimates and claims use: ``quantity``, ``kind``, ``unit``, ``noun``, ``definition``.

    >>> q = quantities().set_index("quantity")
    >>> q.loc["executions", "kind"], q.loc["camp_population", "kind"]
    ('flow', 'stock')
    """
    from .estimates.vocabulary import quantity_table  # pandas

    return quantity_table()


# --- figures (api_figures, re-exported), the report, the fact-checker, publishing ------------------



def build_report(
    out: str | Path = "report",
    overlay: Overlay = None,
    progress: Callable[[str], None] | None = None,
    workers: int | None = None,
    *,
    record: Record | None = None,
) -> ReportResult:
    """Write the full report (HTML and Markdown) into ``out`` (:func:`~gulagstats.report.build.write_report`).

    ``progress`` is called with one short line per step; ``workers`` are the
    processes drawing the figures while the checks run (default: one less than
    the cores, at most 4); ``overlay``/``record`` as in :func:`load`.
    """
    from .report import write_report  # pandas

    return write_report(resolve(record, overlay), out, progress, workers)


def factcheck_files(
    files: Sequence[str | Path], overlay: Overlay = None, lexicon: str | Path | None = None, *,
    record: Record | None = None,
) -> Factcheck:
    """Fact-check texts: every repression figure in them, judged (:func:`gulagstats.factcheck.run.factcheck`)."""
    from .factcheck.run import factcheck  # pandas

    return factcheck(list(files), lexicon=lexicon, record=resolve(record, overlay))


def check_factcheck_out(out: str | Path) -> Path:
    """Refuse a fact-check output folder before anything is created or read (:func:`gulagstats.factcheck.written.check_out`)."""
    from .factcheck.written import check_out  # pandas

    return check_out(out)


def write_factcheck(result: Factcheck, out: str | Path) -> list[Path]:
    """Write a fact-check's claims, verdicts, contradictions and annotated page into ``out``."""
    from .factcheck.written import write_outputs  # pandas

    return write_outputs(result, out)


def factcheck_corpus(
    corpus: str | Path, out: str | Path, *, engine: str = "local", workers: int | None = None,
    scheduler: str | None = None, batch_size: int | None = None, lexicon: str | Path | None = None,
    overlay: Overlay = None, progress: TextIO | None = None,
) -> CorpusResult:
    """Fact-check an archive into ``out``, partition by partition (:func:`gulagstats.archive.run.check_corpus`).

    A folder of texts, a JSON Lines file or a Parquet dataset (``id``, ``text``), on local worker
    processes (default), serially, or on a Dask cluster (``engine="dask"``, ``scheduler=``); a rerun
    skips the partitions already written from the same input.  Needs ``pip install "gulagstats[archive]"``.
    """
    from .archive.run import check_corpus  # pandas

    return check_corpus(
        corpus, out, engine=engine, workers=workers, scheduler=scheduler, batch_size=batch_size,
        lexicon=lexicon, overlay=overlay, progress=progress,
    )


def export_record(format: str, out: str | Path, overlay: Overlay = None, *, record: Record | None = None) -> list[Path]:
    """Write the record in one format (csv, sqlite, parquet, xlsx) into ``out`` (:func:`gulagstats.publish.export.export`)."""
    from .publish.export import export  # pandas

    return export(format, out, record=resolve(record, overlay))


def serve_record(port: int = 8001, overlay: Overlay = None, *, record: Record | None = None) -> int:
    """Serve the record with Datasette on http://127.0.0.1:PORT (:func:`gulagstats.publish.serve.serve`)."""
    from .publish.serve import serve  # pandas

    return serve(port, record=resolve(record, overlay))
