"""The Datasette process of ``gulagstats serve``: dies with its parent and removes its folder on every exit.

Run as ``python -m gulagstats.publish.datasette_child FOLDER PARENT_PID DATASETTE_ARGS...`` by
:func:`gulagstats.publish.serve.serve`.  It asks the kernel for SIGTERM when its parent dies
(Linux ``PR_SET_PDEATHSIG``: a ``kill -9`` of ``gulagstats serve`` stops it too), turns SIGHUP
(a closed terminal) into SIGTERM, and removes FOLDER (the temporary database) however it stops:
Ctrl-C, SIGTERM, SIGHUP, its parent's death, or Datasette failing.  Datasette runs with the
plugin :mod:`gulagstats.publish.web` registered (in this process only).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import signal
import sys

#: prctl(2) option: the signal this process gets when its parent dies.
PR_SET_PDEATHSIG = 1


def die_with_parent() -> bool:
    """Ask the kernel to send SIGTERM when the parent process dies (Linux); False where it cannot.

    Examples
    --------
    >>> isinstance(die_with_parent(), bool)
    True
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _stop(_signum: int, _frame: object) -> None:
    raise SystemExit(0)


def run_child(argv: list[str]) -> int:
    folder, parent, command = argv[0], int(argv[1]), argv[2:]
    try:
        signal.signal(signal.SIGTERM, _stop)  # until uvicorn installs its own (a graceful stop)
        signal.signal(signal.SIGHUP, lambda *_: os.kill(os.getpid(), signal.SIGTERM))
        die_with_parent()
        if os.getppid() != parent:  # the parent died before the request above
            return 1
        from datasette.cli import cli
        from datasette.plugins import pm

        from . import web  # the licence on every page, the phone layout, the fact-check page

        pm.register(web, name="gulagstats")

        with contextlib.suppress(SystemExit):
            cli.main(args=command, prog_name="datasette", standalone_mode=False)
        return 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":  # pragma: no cover - run as a process by serve()
    sys.exit(run_child(sys.argv[1:]))
