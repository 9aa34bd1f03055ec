"""The one check of every file a user names: claims files, overlays, texts, lexicons.

:func:`read_input` returns the bytes of a regular file under a size cap, and
:func:`read_input_text` its text.  Each refusal is one line (the caller's
error class) naming the file and what is expected:

- a missing file, a directory, a file that cannot be read;
- anything that is not a regular file: a FIFO, a device (``/dev/zero``), a
  socket.  The file is opened non-blocking (opening a FIFO without a writer
  does not wait) and its kind is checked on the open descriptor, so it cannot
  be swapped between the check and the read; no byte of a special file is
  ever read, so nothing can block or stream without end (the time bound);
- a file larger than ``limit`` bytes: refused from its size before reading,
  and never more than ``limit + 1`` bytes read (a file that grows meanwhile);
- text that is not UTF-8 (a BOM is allowed) or holds NUL bytes (a binary file).

The name ``-`` is standard input (``cat claims.csv | gulagstats assess --file -``):
read to its end under the same cap, and refused when it is a terminal (nothing
piped in: reading would wait for typing) or closed.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path

from .errors import DataFormatError, GulagstatsError, printable

__all__ = ["STANDARD_INPUT", "open_input", "read_input", "read_input_text"]

#: The name of standard input among the files a user names.
STANDARD_INPUT = "-"

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def read_input(
    path: str | Path, what: str, *, limit: int, error: type[GulagstatsError] = DataFormatError,
    expected: str = "a CSV file",
) -> bytes:
    """The bytes of a user's input file: a regular file of at most ``limit`` bytes, read once.

    Parameters
    ----------
    path : path
        The file the user named.
    what : str
        What it is, for messages (``"claims file"``, ``"overlay"``, ``"text"``).
    limit : int
        The largest size accepted, in bytes (given in the message).
    error : type
        The :class:`~gulagstats.errors.GulagstatsError` subclass to raise.
    expected : str
        What the file should be, for messages.

    Raises
    ------
    GulagstatsError
        ``error``, one line naming the file and the reason.

    Examples
    --------
    >>> import os, tempfile
    >>> from gulagstats.errors import OverlayError
    >>> fifo = os.path.join(tempfile.mkdtemp(), "fifo")   # no writer: opening it does not wait
    >>> os.mkfifo(fifo)
    >>> read_input(fifo, "overlay", limit=10, error=OverlayError)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gulagstats.errors.OverlayError: overlay .../fifo is not a regular file (a FIFO); expected a CSV file
    """
    if str(path) == STANDARD_INPUT:
        return _read_standard_input(what, limit, error, expected)
    shown = printable(path)
    handle = open_input(path, what, error=error, expected=expected)
    try:
        st = os.fstat(handle)
        too_big = f"{what} {shown} is larger than the limit of {limit:,} bytes; split it into smaller files"
        if st.st_size > limit:
            raise error(too_big)
        data = _read_at_most(handle, limit + 1, what, shown, error)
    finally:
        os.close(handle)
    if len(data) > limit:  # it grew after the check
        raise error(too_big)
    return data


def _read_standard_input(what: str, limit: int, error: type[GulagstatsError], expected: str) -> bytes:
    """Standard input to its end, at most ``limit`` bytes; refused if it is a terminal or closed."""
    stream = sys.stdin
    if stream is None or stream.closed:
        raise error(f"{what} - (standard input) is closed; pipe {expected} into it")
    with contextlib.suppress(ValueError, OSError, AttributeError):
        if stream.isatty():
            raise error(f"{what} - is standard input, and it is a terminal; pipe {expected} into it "
                        "(cat FILE | gulagstats ...) or name the file")
    try:
        data = stream.buffer.read(limit + 1)
    except (OSError, ValueError, AttributeError) as exc:
        raise error(f"{what} - (standard input) cannot be read ({exc})") from None
    if len(data) > limit:
        raise error(f"{what} - (standard input) is larger than the limit of {limit:,} bytes; split it into smaller files")
    return data
def open_input(
    path: str | Path, what: str, *, error: type[GulagstatsError] = DataFormatError, expected: str = "a CSV file"
) -> int:
    """A descriptor of a user's input file, opened for reading after the checks of :func:`read_input`.

    For inputs read as a stream (an archive of documents): a missing file, a
    directory, a FIFO, a device or a socket is refused in one line, before any
    byte is read.  The caller closes the descriptor.

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "a.jsonl")
    >>> _ = open(path, "w").write("{}")
    >>> handle = open_input(path, "corpus")
    >>> os.read(handle, 10), os.close(handle)
    (b'{}', None)
    >>> open_input(os.path.dirname(path), "corpus", expected="a JSON Lines file")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gulagstats.errors.DataFormatError: corpus ... is a directory; expected a JSON Lines file
    """
    shown = printable(path)
    with contextlib.suppress(OSError):  # a special file is refused before it is even opened
        _refuse_special(os.stat(path), what, shown, error, expected)
    try:
        handle = os.open(path, _FLAGS)
    except FileNotFoundError:
        raise error(f"{what} {shown} does not exist") from None
    except OSError as exc:
        raise error(f"{what} {shown} cannot be read ({exc.strerror or exc}); expected {expected}") from None
    try:
        _refuse_special(os.fstat(handle), what, shown, error, expected)  # the file opened, whatever the name is now
    except BaseException:
        os.close(handle)
        raise
    return handle


def _refuse_special(st: os.stat_result, what: str, shown: str, error: type[GulagstatsError], expected: str) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise error(f"{what} {shown} is a directory; expected {expected}")
    if not stat.S_ISREG(st.st_mode):
        raise error(f"{what} {shown} is not a regular file ({file_kind(st.st_mode)}); expected {expected}")


def _read_at_most(handle: int, size: int, what: str, shown: str, error: type[GulagstatsError]) -> bytes:
    parts, left = [], size
    try:
        while left > 0:
            block = os.read(handle, min(left, 1 << 20))
            if not block:
                break
            parts.append(block)
            left -= len(block)
    except OSError as exc:
        raise error(f"{what} {shown} cannot be read ({exc.strerror or exc})") from None
    return b"".join(parts)


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words (for the one-line refusals of inputs and outputs).

    Examples
    --------
    >>> import stat
    >>> file_kind(stat.S_IFIFO), file_kind(stat.S_IFDIR)
    ('a FIFO', 'a directory')
    """
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"


def read_input_text(
    path: str | Path, what: str, *, limit: int, error: type[GulagstatsError] = DataFormatError,
    expected: str = "a UTF-8 text file",
) -> str:
    """The text of a user's input file (UTF-8, a BOM allowed), after the checks of :func:`read_input`.

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "a.txt")
    >>> _ = open(path, "wb").write(b"\\xef\\xbb\\xbfIn 1937, 681,692")
    >>> read_input_text(path, "text", limit=100)
    'In 1937, 681,692'
    >>> _ = open(path, "wb").write(b"\\xff\\xfeI\\x00n\\x00")
    >>> read_input_text(path, "text", limit=100)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gulagstats.errors.DataFormatError: text ...a.txt is not UTF-8 text (a byte 0xff at 0); save it as UTF-8
    """
    data = read_input(path, what, limit=limit, error=error, expected=expected)
    shown = printable(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(
            f"{what} {shown} is not UTF-8 text (a byte 0x{data[exc.start]:02x} at {exc.start}); save it as UTF-8"
        ) from None
    if "\0" in text:
        raise error(f"{what} {shown} holds NUL bytes (a binary file?); expected {expected}")
    return text
