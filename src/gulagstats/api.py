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

Examples
--------
>>> import gulagstats
>>> gulagstats.check is check, gulagstats.Record is Record
(True, True)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .checks import check_record
from .checks.text import summary
from .core.record import Record, default_record, resolve
from .core.results import CheckResult
from .models import Assessment, Benchmark, Source, TableMeta
from .outputs import write_text
from .vocabulary import QUANTITIES, STATUSES, VERDICTS

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .archive.run import CorpusResult
    from .factcheck.run import Factcheck
    from .report import ReportResult

__all__ = [
    "STATUSES", "VERDICTS", "Assessment", "Benchmark", "CheckResult", "Record", "Source", "TableMeta",
    "assess", "assess_claims", "benchmarks", "build_report", "check", "compare", "coverage",
    "default_record", "describe", "draw_figures", "figure_a", "figure_b", "figure_c", "figure_d",
    "figure_estimates", "figure_mortality_rate", "figure_nkvd_sentences", "figure_source_disagreement",
    "load", "quantities", "read_overlay", "source", "sources", "summary", "tables", "template",
]

Overlay = str | Path | None


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
) -> pd.DataFrame:
    """Load one table as a typed DataFrame.

    Parameters
    ----------
    table_id : str
        A table id from :func:`tables` (for example ``"appendix"``).
    wide : bool, default False
        Return a pivot that reads like the printed table: one row a period (or
        category), one column a population and measure, the table's preferred
        value in each cell.  The status of each cell is in ``.attrs["status"]``
        (a frame of the same shape) and the sources in ``.attrs["source"]``.
    status : str or list of str, optional
        Keep only rows with these statuses (``prose``, ``confirmed``,
        ``derived``, ``unconfirmed``, ``missing``, ``user``).
    overlay : path, optional
        A filled template (see :func:`template`) whose values are merged as rows
        with status ``user`` and become the preferred values (the same as
        ``record=Record(overlay)``).
    record : gulagstats.Record, optional
        The record to read from (default: the published data, read once a
        process while its files are unchanged); not together with ``overlay``.

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
    return resolve(record, overlay).load(table_id, wide=wide, status=status)


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
) -> list[CheckResult]:
    """Run the consistency checks (:func:`~gulagstats.checks.check_record`).

    ``family``: only these families (``prose``, ``identities``, ``sources``,
    ``plausibility``; default all); ``verdict``: keep only these verdicts;
    ``overlay``/``record`` as in :func:`load` (an overlay's values replace the
    cells they name, status ``user``, before the checks run).

    Raises
    ------
    UnknownFamilyError, UnknownVerdictError
        For a family or verdict that does not exist (the message suggests the nearest).

    Examples
    --------
    >>> r = next(r for r in check(family="prose") if r.id == "prose.L061.1")
    >>> r.expected, r.observed, r.verdict
    (175487.0, 175486.0, 'discrepancy')
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
    ('overstates', 2.8, 1575259)
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
) -> Assessment:
    """Assess one claim against the archival record (:func:`~gulagstats.estimates.verdicts.assess_one`).

    Parameters
    ----------
    quantity : str
        What the claim counts, from :func:`quantities`.
    value : float or str, optional
        The number claimed ("7,000,000" is read by the one number reader); or
        give ``low`` and/or ``high`` for a range or a bound.
    low, high : float or str, optional
        The ends of a claimed range ("at least", "at most").
    period : str, optional
        A year ``1938``, a day ``1939-01-01`` or a span ``1937/1938``.
    overlay, record
        As in :func:`load`.

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

    return assess_one(resolve(record, overlay), quantity, value, low, high, period)


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


# --- figures, the report, the fact-checker, publishing ---------------------------------------------
# Each figure takes ``data`` (the long tables it draws, default: the record's), ``ax`` (default: a
# new figure), and ``overlay``/``record`` as in load(); it returns a matplotlib Figure.


def figure_a(data: pd.DataFrame | None = None, ax: Axes | None = None, overlay: Overlay = None, *,
             record: Record | None = None) -> Figure:
    """GRZ Figure A: camp, colony and "kulak" exile populations, 1935-1940 (:func:`~gulagstats.figures.article.plot_a`).

    >>> figure_a().axes[0].get_title(loc="left")[:12]
    'GRZ Figure A'
    """
    from .figures.article import plot_a  # pandas

    return plot_a(resolve(record, overlay), data, ax)


def figure_b(data: pd.DataFrame | None = None, ax: Axes | None = None, overlay: Overlay = None, *,
             record: Record | None = None) -> Figure:
    """GRZ Figure B: "political" crimes as a share of the camp population, 1934-1953 (:func:`~gulagstats.figures.article.plot_b`).

    >>> figure_b().axes[1].get_ylabel()
    'share of camp inmates (percent)'
    """
    from .figures.article import plot_b  # pandas

    return plot_b(resolve(record, overlay), data, ax)


def figure_c(data: pd.DataFrame | None = None, ax: Axes | None = None, overlay: Overlay = None, *,
             record: Record | None = None) -> Figure:
    """GRZ Figure C: camp and colony populations, 1934-1953 (:func:`~gulagstats.figures.article.plot_c`).

    >>> line = next(l for l in figure_c().axes[0].lines if l.get_gid() == "camps")
    >>> int(line.get_ydata()[5])   # 1 January 1939
    1317195
    """
    from .figures.article import plot_c  # pandas

    return plot_c(resolve(record, overlay), data, ax)


def figure_d(data: pd.DataFrame | None = None, ax: Axes | None = None, overlay: Overlay = None, *,
             record: Record | None = None) -> Figure:
    """GRZ Figure D: the camp population and its yearly flows, 1934-1953 (:func:`~gulagstats.figures.article.plot_d`).

    >>> figure_d().axes[0].get_yscale()
    'log'
    """
    from .figures.article import plot_d  # pandas

    return plot_d(resolve(record, overlay), data, ax)


def figure_mortality_rate(data: pd.DataFrame | None = None, ax: Axes | None = None, overlay: Overlay = None, *,
                          record: Record | None = None) -> Figure:
    """Camp mortality per 1,000 inmates a year, 1934-1953 (:func:`~gulagstats.figures.extra.plot_mortality_rate`).

    >>> figure_mortality_rate().axes[0].get_ylabel()
    'deaths per 1,000 inmates'
    """
    from .figures.extra import plot_mortality_rate  # pandas

    return plot_mortality_rate(resolve(record, overlay), data, ax)


def figure_nkvd_sentences(data: pd.DataFrame | None = None, ax: Axes | None = None, overlay: Overlay = None, *,
                          record: Record | None = None) -> Figure:
    """Sentences on cases of the secret police, 1921-1953 (:func:`~gulagstats.figures.extra.plot_nkvd_sentences`).

    >>> figure_nkvd_sentences().axes[1].get_ylabel()
    'sentenced to death (percent of all sentenced)'
    """
    from .figures.extra import plot_nkvd_sentences  # pandas

    return plot_nkvd_sentences(resolve(record, overlay), data, ax)


def figure_source_disagreement(data: pd.DataFrame | None = None, ax: Axes | None = None, overlay: Overlay = None,
                               *, record: Record | None = None) -> Figure:
    """Every cell whose sources print different values (:func:`~gulagstats.figures.extra.plot_source_disagreement`).

    ``overlay``/``record`` are read only when ``data`` is not given.

    >>> figure_source_disagreement().axes[0].get_xscale()
    'symlog'
    """
    from .figures.extra import plot_source_disagreement  # pandas
    from .figures.select import load_cells  # pandas

    if data is None:
        chosen = resolve(record, overlay)
        data = load_cells(chosen.cell_tables(), chosen)
    return plot_source_disagreement(data, ax)


def figure_estimates(data: pd.DataFrame | None = None, ax: Axes | None = None, overlay: Overlay = None, *,
                     record: Record | None = None) -> Figure:
    """Every published estimate against its benchmark (:func:`~gulagstats.figures.extra.plot_estimates`).

    ``data`` is the frame :func:`compare` returns (default: computed on the
    record of ``overlay``/``record``).

    >>> figure_estimates().axes[0].get_xscale()
    'log'
    """
    from .estimates.verdicts import compare_estimates  # pandas
    from .figures.extra import plot_estimates  # pandas

    return plot_estimates(compare_estimates(resolve(record, overlay)) if data is None else data, ax)


def draw_figures(
    out: str | Path = "figures",
    formats: str | Sequence[str] = ("png", "svg"),
    only: str | Iterable[str] | None = None,
    overlay: Overlay = None,
    *,
    record: Record | None = None,
) -> list[Path]:
    """Draw figures to files in ``out`` and update its manifest ``figures.json`` (:func:`~gulagstats.figures.export.write_figures`).

    ``formats``: ``png``, ``svg`` and/or ``pdf``; ``only``: the figures to draw
    (``"A,B"``, ``["mortality"]``; default all); ``overlay``/``record`` as in
    :func:`load`.  Returns the files written, the manifest last.

    Raises
    ------
    UnknownFigureError, UnknownFigureFormatError
        For a figure or format that does not exist (checked before anything is drawn).

    Examples
    --------
    >>> import tempfile
    >>> [p.name for p in draw_figures(tempfile.mkdtemp(), "svg", only="C")]
    ['figure_c.svg', 'figures.json']
    """
    from .figures.export import write_figures  # pandas

    return write_figures(resolve(record, overlay), out, formats, only)


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

    Examples
    --------
    >>> import tempfile
    >>> build_report(tempfile.mkdtemp()).html.name  # doctest: +SKIP
    'report.html'
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
    """Refuse a fact-check output folder before anything is created or read (:func:`gulagstats.factcheck.run.check_out`)."""
    from .factcheck.run import check_out  # pandas

    return check_out(out)


def write_factcheck(result: Factcheck, out: str | Path) -> list[Path]:
    """Write a fact-check's claims, verdicts, contradictions and annotated page into ``out``."""
    from .factcheck.run import write_outputs  # pandas

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
