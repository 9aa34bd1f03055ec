"""The ``gulagstats`` command: one thin subcommand per capability.

Each module of this package defines a ``register_*`` function (listed in
:data:`COMMANDS`, in the order of ``--help``) that adds its subcommands and
sets ``func`` to a handler ``(args) -> int``.  The handlers call the public
functions of :mod:`gulagstats.api`, which import pandas and matplotlib only
when a command needs them, so ``--help`` and ``check`` never import either.

Every user error (an unknown table, a malformed file, a bad number) ends as
one line on stderr and exit status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import warnings
from collections.abc import Callable
from typing import NoReturn

# One OpenBLAS thread: its per-thread buffers are what fails first under a memory limit (`ulimit -v`),
# as "OpenBLAS error: Memory allocation still failed" instead of an error of ours; gulagstats does no
# heavy linear algebra. Set before anything imports numpy; a value the user set is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from .._version import __version__
from ..errors import GulagstatsError, printable
from .checks import register_checks
from .coverage import register_coverage
from .data import register_data
from .estimates import register_estimates
from .factcheck import register_factcheck
from .figures import register_figures
from .progress import add_quiet
from .publish import register_publish
from .reporting import register_reporting
from .shell import register_shell

#: The functions that register subcommands, in the order of --help.
COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    register_reporting, register_data, register_coverage, register_figures, register_checks,
    register_estimates, register_publish, register_factcheck, register_shell,
]

EPILOG = """\
statuses: prose (GRZ's own prose), confirmed (seen in the cited copy),
derived (arithmetic on seen values), unconfirmed (no copy seen),
missing (no value), user (from your overlay).
Every value printed names its source; 'gulagstats sources' gives the citations."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2 (argparse's own convention)
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every subcommand registered.

    Examples
    --------
    >>> build_parser().parse_args(["show", "appendix", "--wide"]).wide
    True
    """
    parser = _Parser(
        prog="gulagstats",
        description="The archival statistics of Soviet repression (Getty, Rittersporn & Zemskov 1993): "
        "tables with their sources, consistency checks, figures, estimates and a report.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"gulagstats {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    for register in COMMANDS:
        register(sub)
    for command in sub.choices.values():  # every subcommand: progress on stderr, --quiet silences it
        add_quiet(command)
    parser.set_defaults(root_parser=parser)  # for 'completion', which describes the whole parser
    return parser


def _one_line_output() -> None:
    """Text the terminal cannot encode is written as escapes; warnings are one line each."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a stream that cannot be reconfigured
                reconfigure(errors="backslashreplace")

    def show(message, category, filename, lineno, file=None, line=None) -> None:
        print(f"gulagstats: warning: {printable(message)}", file=sys.stderr)

    warnings.showwarning = show


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 strict findings, 2 user error).

    A :class:`~gulagstats.errors.GulagstatsError` or a file that cannot be read
    or written is one line on stderr and status 2, never a traceback.

    Examples
    --------
    >>> main(["show", "appendx"])
    2
    """
    if sys.stdout is None or sys.stdout.closed:  # started with stdout closed: nothing can be written
        if sys.stderr is not None and not sys.stderr.closed:
            print("gulagstats: error: standard output is closed", file=sys.stderr)
        return 2
    _one_line_output()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help()
        return 2
    try:
        status = int(args.func(args) or 0)
        sys.stdout.flush()  # a full disk or closed pipe shows here, not as an ignored error at exit
        return status
    except GulagstatsError as exc:
        print(f"gulagstats: error: {printable(exc)}", file=sys.stderr)
        return 2
    except UnicodeError as exc:  # e.g. an encoding the output cannot take
        print(f"gulagstats: error: {printable(exc)}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `gulagstats show appendix | head`
        sys.stderr.close()
        return 0
    except OSError as exc:  # a file or directory the user named cannot be read or written
        name = getattr(exc, "filename", None)
        what = f"{exc.strerror}: {name}" if name and exc.strerror else str(exc).splitlines()[0]
        print(f"gulagstats: error: {printable(what)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except MemoryError:
        print("gulagstats: error: out of memory; give a smaller input, or more memory", file=sys.stderr)
        return 2
    except ImportError as exc:  # an installed library that cannot be imported (a broken install)
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"gulagstats: error: a library cannot be imported ({printable(first)}); reinstall gulagstats",
              file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
