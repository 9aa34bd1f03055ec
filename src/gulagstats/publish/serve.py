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

from ..core.record import Record
from ..errors import GulagstatsError
from ..store import refuse_inside_data_dir
from .export import METADATA_NAME, require, write_database
from .frames import published_frames
from .webmeta import CANNED_QUERIES, DATABASE, FACETS, datasette_metadata

#: The environment variable naming the overlay of the served record (the fact-check page reads it).
OVERLAY_VARIABLE = "GULAGSTATS_WEB_OVERLAY"

__all__ = ["CANNED_QUERIES", "DATABASE", "FACETS", "ServeError", "build_site", "datasette_metadata", "serve"]

def build_site(directory: str | Path, *, record: Record) -> tuple[Path, Path]:
    """Write the database of a record and its Datasette metadata into ``directory``.

    Returns
    -------
    tuple of pathlib.Path
        The database and ``metadata.json``.
    """
    target = Path(directory)
    refuse_inside_data_dir(target, "the web view's database")
    database = write_database(published_frames(record), target)
    return database, target / METADATA_NAME


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
        "--setting",
        "default_facet_size",
        "10",
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
        environment = dict(os.environ)
        if record.overlay is not None:  # the fact-check page judges against the record served
            environment[OVERLAY_VARIABLE] = str(Path(record.overlay).resolve())
        server = subprocess.Popen(command, env=environment)
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
