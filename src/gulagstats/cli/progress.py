"""Progress for people, out of the way of pipelines: on standard error, silenced by ``--quiet``.

Every subcommand takes ``-q``/``--quiet`` (:func:`add_quiet`).  What a command
*produces* (a table, the paths written, the report's summary) goes to standard
output; how far it has got goes to standard error through :func:`progress`, so
``gulagstats report > summary.txt`` or ``gulagstats assess --file - < in.csv >
out.csv`` keeps its output clean.  Errors are printed whatever ``--quiet`` says.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable


def add_quiet(parser: argparse.ArgumentParser) -> None:
    """Add ``-q``/``--quiet`` to a subcommand.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_quiet(parser)
    >>> parser.parse_args(["-q"]).quiet, parser.parse_args([]).quiet
    (True, False)
    """
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print no progress on standard error (errors are still printed)"
    )


def progress(args: argparse.Namespace) -> Callable[[str], None]:
    """A function that prints one line of progress on standard error, or nothing with ``--quiet``.

    Examples
    --------
    >>> import contextlib, io
    >>> err = io.StringIO()
    >>> with contextlib.redirect_stderr(err):
    ...     progress(argparse.Namespace(quiet=False))("checks: running")
    ...     progress(argparse.Namespace(quiet=True))("figures: drawing")
    >>> err.getvalue()
    '- checks: running\\n'
    """
    if getattr(args, "quiet", False):
        return lambda line: None

    def say(line: str) -> None:
        print(f"- {line}", file=sys.stderr, flush=True)

    return say
