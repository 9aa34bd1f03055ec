"""A browsable web view of the record with Datasette (``pip install "gulagstats[web]"``).

:func:`datasette_metadata` turns ``datapackage.json`` into Datasette's
metadata: table titles and descriptions, column descriptions, the licence and
the source, facets on status, population, measure and period, and canned
queries.  :func:`serve` refuses a busy port before any work, builds the SQLite
database (:func:`gulagstats.publish.export.write_sqlite`) into a temporary
directory and runs Datasette on it, on 127.0.0.1 only, in a process that dies
with ``gulagstats serve`` and removes the directory on every signal
(:mod:`gulagstats.publish.datasette_child`).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import store
from ..core.record import Record
from ..errors import GulagstatsError
from ..outputs import write_text
from ..store import refuse_inside_data_dir
from .export import SQLITE_NAME, VALUES_VIEW, require, write_sqlite
from .frames import published_frames, stored_frames, table_metadata

#: The database name in Datasette's URLs (``/gulagstats/appendix``).
DATABASE = SQLITE_NAME.removesuffix(".db")
#: Columns offered as facets wherever a table has them.
FACETS = ("status", "population", "measure", "period", "verdict", "family", "quantity")
LICENSE = "CC-BY-4.0 (our compilation; the facts and short quotes belong to the cited sources)"

CANNED_QUERIES: dict[str, dict[str, str]] = {
    "values_of_a_cell": {
        "title": "Every published value of one cell",
        "description": "All values any source prints for a cell, with source, locator and status "
        "(period as written in the data: 1939-01-01, 1938, 1937/1938).",
        "sql": f"select * from {VALUES_VIEW} where period = :period and population = :population "
        "and measure = :measure order by table_id, preferred desc, source",
    },
    "missing_cells": {
        "title": "All missing cells of a table",
        "description": "The cells of a table nobody could source (table id: appendix, table_4, "
        "...).",
        "sql": f"select * from {VALUES_VIEW} where table_id = :table and status = 'missing' "
        "order by population, measure, category, period",
    },
    "sources_disagree": {
        "title": "Every cell where sources disagree",
        "description": "Cells with more than one distinct published value, each value with its "
        "source and status.",
        "sql": f"select v.* from {VALUES_VIEW} v join (select table_id, period, population, "
        "measure, "
        "coalesce(category, '') as category, unit from "
        f"{VALUES_VIEW} where value is not null group by 1, 2, 3, 4, 5, 6 having count(distinct "
        "value) > 1) d "
        "on v.table_id = d.table_id and v.period = d.period and v.population = d.population "
        "and v.measure = d.measure and coalesce(v.category, '') = d.category and v.unit = d.unit "
        "where v.value is not null order by v.table_id, v.period, v.population, v.measure, "
        "v.preferred desc",
    },
    "verdicts_of_an_author": {
        "title": "The verdicts of one author",
        "description": "Every published estimate of an author (part of the name: Conquest, "
        "Medvedev, ...) "
        "against the archival benchmark, with the verdict and its explanation.",
        "sql": "select id, author, work, year, quantity, period, low, high, source, status, "
        "verdict, "
        "factor, benchmark_low, benchmark_high, explanation from verdicts "
        "where author like '%' || :author || '%' order by year, quantity",
    },
}


def datasette_metadata(columns: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """Datasette metadata generated from ``datapackage.json``.

    Parameters
    ----------
    columns : dict of str to list of str, optional
        The columns of each published table (to choose facets); default: read them.

    Returns
    -------
    dict
        ``title``, ``license``, ``source`` and, for database ``gulagstats``, the
        tables' titles, descriptions, column descriptions and facets, and the
        canned queries.

    Examples
    --------
    >>> meta = datasette_metadata()
    >>> table = meta["databases"]["gulagstats"]["tables"]["appendix"]
    >>> "status" in table["facets"], table["columns"]["source"]
    (True, 'key of data/sources.csv')
    """
    if columns is None:
        columns = {n: list(f.columns) for n, f in stored_frames().items()}
        columns.update(
            {"checks": ["family", "verdict"], "verdicts": ["quantity", "verdict", "status"]}
        )
    tables: dict[str, Any] = {}
    for name, meta in table_metadata().items():
        entry: dict[str, Any] = {"title": meta["title"], "description": meta["description"]}
        described = {k: v for k, v in meta["fields"].items() if v}
        if described:
            entry["columns"] = described
        facets = [c for c in FACETS if c in columns.get(name, [])]
        if facets:
            entry["facets"] = facets
        tables[name] = entry
    tables["sources"]["label_column"] = "key"
    package = store.datapackage()
    source = package.get("sources", [{}])[0]
    return {
        "title": package.get("title", "gulagstats"),
        "description": package.get("description", ""),
        "license": LICENSE,
        "license_url": "https://creativecommons.org/licenses/by/4.0/",
        "source": source.get("title", ""),
        "source_url": source.get("path", ""),
        "databases": {DATABASE: {"tables": tables, "queries": CANNED_QUERIES}},
    }


def build_site(directory: str | Path, *, record: Record) -> tuple[Path, Path]:
    """Write the database of a record and its Datasette metadata into ``directory``.

    Returns
    -------
    tuple of pathlib.Path
        The database and ``metadata.json``.
    """
    target = Path(directory)
    refuse_inside_data_dir(target, "the web view's database")
    frames = published_frames(record)
    database = write_sqlite(frames, target / SQLITE_NAME)
    metadata = target / "metadata.json"
    columns = {n: list(f.columns) for n, f in frames.items()}
    write_text(metadata, json.dumps(datasette_metadata(columns), indent=2, ensure_ascii=False),
               "the web view's metadata")
    return database, metadata


def datasette_command(database: Path, metadata: Path, port: int) -> list[str]:
    """The command that serves ``database`` on 127.0.0.1:``port``.

    Examples
    --------
    >>> datasette_command(Path("g.db"), Path("m.json"), 8001)[-4:]
    ['--host', '127.0.0.1', '--port', '8001']
    """
    return [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        str(database),
        "--metadata",
        str(metadata),
        "--setting",
        "default_page_size",
        "50",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]


class ServeError(GulagstatsError, OSError):
    """The web view cannot be served (a port in use, Datasette failing to start)."""


def refuse_busy_port(port: int) -> None:
    """Refuse a port that another program listens on, before any work (as Datasette would bind it).

    Raises
    ------
    ServeError
        One line naming the port and what to do.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as exc:
            why = "is in use by another program" if exc.errno == errno.EADDRINUSE else f"cannot be used ({exc.strerror})"
            raise ServeError(f"port {port} {why}; give another with --port") from None


def _listening(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@contextlib.contextmanager
def _stopped_by(signals: tuple[int, ...], server: subprocess.Popen) -> Iterator[None]:
    """While serving, these signals stop the server (then the folder is removed on the way out)."""

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = {s: signal.signal(s, stop) for s in signals}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def _wait_until_listening(server: subprocess.Popen, port: int, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not _listening(port):
        code = server.poll()
        if code is not None:
            raise ServeError(f"Datasette stopped before serving on port {port} (exit {code}); see its lines above")
        if time.monotonic() > deadline:
            raise ServeError(f"Datasette did not answer on port {port} in {seconds:.0f} s")
        time.sleep(0.1)


def serve(port: int = 8001, *, record: Record) -> int:
    """Serve a record with Datasette on http://127.0.0.1:PORT until interrupted.

    A busy port is refused before any work.  Ctrl-C, SIGTERM and SIGHUP stop
    Datasette and remove the temporary database; if ``gulagstats serve`` is
    killed (``kill -9``), Datasette gets SIGTERM from the kernel and removes it
    itself (Linux).

    Parameters
    ----------
    port : int, default 8001
        The local port.
    record : Record
        The record served (its checks and verdicts are computed on it).

    Returns
    -------
    int
        0 when stopped by Ctrl-C or a signal, else Datasette's exit status.

    Raises
    ------
    MissingExtraError
        If Datasette is not installed (``pip install "gulagstats[web]"``).
    ServeError
        If the port is in use, or Datasette does not start.
    """
    require("datasette", "web")
    refuse_busy_port(port)
    directory = tempfile.mkdtemp(prefix="gulagstats-web-")
    server: subprocess.Popen | None = None
    try:
        database, metadata = build_site(directory, record=record)
        command = [sys.executable, "-m", "gulagstats.publish.datasette_child", directory, str(os.getpid()),
                   *datasette_command(database, metadata, port)[3:]]
        server = subprocess.Popen(command)
        with _stopped_by((signal.SIGTERM, signal.SIGHUP), server):
            _wait_until_listening(server, port)
            print(f"serving http://127.0.0.1:{port}/{DATABASE} (Ctrl-C to stop)", file=sys.stderr, flush=True)
            return server.wait()
    except (KeyboardInterrupt, SystemExit):
        return 0
    finally:
        if server is not None and server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        shutil.rmtree(directory, ignore_errors=True)
