"""Writing output files safely: never into the data directory, never through a link, never half-written.

Every file gulagstats writes (templates, figures, figures.json, the report,
the exports, factcheck's outputs) goes through this module:

- the target and its directory must not be in the data directory, and the
  target must be a new name or a regular file: a symbolic link (followed or
  dangling), a directory, a device (``/dev/null``), a FIFO or a socket at the
  name is refused, and so is a hard link to a file of the data directory
  (:class:`~gulagstats.errors.OutputPathError`).  Every name is checked before
  anything is created;
- the bytes are written to a new temporary file in the target's directory,
  flushed to disk (``fsync``) and renamed onto the target with
  :func:`os.replace`, then the directory is flushed too.  A reader, a full
  disk or a killed run leaves either the old file or the whole new one under
  the name, never a truncated one (a ``kill -9`` may leave a hidden temporary
  file, ``.NAME.XXXX.tmpSUFFIX``).

Use :func:`write_text` / :func:`write_bytes` for data in memory,
:func:`write_files` for several files at once (all written, then all
renamed), and :func:`atomic_path` for libraries that write by name
(matplotlib, SQLite).  :func:`locked` serialises read-modify-write updates of
a shared file (the figures manifest).  A write that fails is an
:class:`OutputWriteError`: one line naming the output (not the temporary
file) and the reason.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import GulagstatsError, OutputPathError, printable
from .inputs import file_kind
from .store import data_dir, refuse_inside_data_dir

try:  # POSIX; elsewhere updates are not serialised, but still atomic
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class OutputWriteError(GulagstatsError, OSError):
    """An output that could not be written (a full disk, no permission): the previous file is kept."""


def _data_inodes() -> frozenset[tuple[int, int]]:
    """(device, inode) of every regular file under the data directory now (to recognise hard links).

    Not cached: a rebuild replaces the files (new inodes); it is asked only
    about a target that already exists (a few dozen stat calls).
    """
    found = set()
    for folder, _dirs, files in os.walk(str(data_dir().resolve())):
        for name in files:
            with contextlib.suppress(OSError):
                st = os.stat(os.path.join(folder, name))
                found.add((st.st_dev, st.st_ino))
    return frozenset(found)


def check_target(path: str | Path, what: str = "output") -> Path:
    """Refuse a name that gulagstats must not write to; return it as a Path.

    Refused: a path inside the data directory (by name, ``..``, or through a
    symlinked directory), a hard link to one of its files, and any name that
    is neither new nor a regular file: a symbolic link (never followed, never
    replaced), a directory, a device, a FIFO or a socket.

    Parameters
    ----------
    path : path
        The file about to be written.
    what : str
        What would be written, for the message.

    Raises
    ------
    OutputPathError
        One line naming the path and why.

    Examples
    --------
    >>> import os, tempfile
    >>> from gulagstats.store import data_dir
    >>> folder = tempfile.mkdtemp()
    >>> check_target(os.path.join(folder, "t.csv")).name
    't.csv'
    >>> os.symlink(data_dir() / "datapackage.json", os.path.join(folder, "link.json"))
    >>> check_target(os.path.join(folder, "link.json"), "the manifest")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gulagstats.errors.OutputPathError: refusing to write the manifest to ...: it is a link into ...
    >>> os.mkfifo(os.path.join(folder, "fifo"))
    >>> check_target(os.path.join(folder, "fifo"), "the template")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gulagstats.errors.OutputPathError: refusing to write the template to .../fifo: it is a FIFO, not a regular file; give the name of a new or regular file
    """
    target = Path(path)
    shown = printable(target)
    refuse_inside_data_dir(target.parent, what)
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        refuse_inside_data_dir(target, what)
        return target  # a new name
    except OSError as exc:
        raise OutputPathError(f"refusing to write {what} to {shown}: {exc.strerror}") from None
    if stat.S_ISLNK(st.st_mode):
        data = data_dir().resolve()
        resolved = target.resolve()
        into = " into the data directory" if resolved == data or data in resolved.parents else ""
        raise OutputPathError(
            f"refusing to write {what} to {shown}: it is a link{into} ({printable(os.readlink(target))}); "
            "gulagstats never writes through a link: remove it or give another name"
        )
    if not stat.S_ISREG(st.st_mode):
        raise OutputPathError(
            f"refusing to write {what} to {shown}: it is {file_kind(st.st_mode)}, not a regular file; "
            "give the name of a new or regular file"
        )
    refuse_inside_data_dir(target, what)
    if st.st_nlink > 1 and (st.st_dev, st.st_ino) in _data_inodes():
        raise OutputPathError(
            f"refusing to write {what} to {shown}: it is a link into the data directory "
            f"{data_dir()} (the same file as one of its files); remove it or write elsewhere"
        )
    return target


def _fsync_directory(folder: Path) -> None:
    """Flush a directory's entries (the rename) to disk, where the system allows it."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _failed(exc: OSError, target: Path, what: str) -> OutputWriteError:
    reason = exc.strerror or printable(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    return OutputWriteError(f"could not write {what} to {printable(target)}: {reason}; nothing was replaced")


@contextlib.contextmanager
def atomic_path(path: str | Path, what: str = "output") -> Iterator[Path]:
    """Yield a temporary path to write; on success it is flushed and renamed onto ``path``.

    The temporary file is in the same directory (so the rename is atomic) and
    has the same suffix (so a library that picks the format by name picks the
    right one).  If the block raises, the temporary file is removed and
    ``path`` is left as it was; an ``OSError`` becomes :class:`OutputWriteError`.

    Parameters
    ----------
    path : path
        The final name.
    what : str
        What is written, for error messages.

    Examples
    --------
    >>> import os, tempfile
    >>> final = os.path.join(tempfile.mkdtemp(), "t.csv")
    >>> with atomic_path(final) as tmp:
    ...     _ = tmp.write_text("a,b\\n1,2\\n")
    >>> open(final).read()
    'a,b\\n1,2\\n'
    """
    with atomic_paths([path], what) as temps:
        yield temps[0]


@contextlib.contextmanager
def atomic_paths(paths: list[str | Path] | list[Path], what: str = "output") -> Iterator[list[Path]]:
    """Temporary paths for several outputs: every name is checked first, every file renamed last.

    Nothing is created before every name passes :func:`check_target`; if the
    block raises, every temporary file is removed and every output is left as
    it was.  After the block, each file is flushed to disk and renamed onto its
    name.

    Examples
    --------
    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> with atomic_paths([os.path.join(folder, "a.csv"), os.path.join(folder, "b.csv")]) as (a, b):
    ...     _ = a.write_text("1"), b.write_text("2")
    >>> sorted(os.listdir(folder))
    ['a.csv', 'b.csv']
    """
    targets = [check_target(p, what) for p in paths]
    temps: list[Path] = []
    try:
        for target in targets:
            handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=f".tmp{target.suffix}")
            os.close(handle)
            temps.append(Path(name))
        yield temps
        umask = os.umask(0)
        os.umask(umask)
        for temp in temps:
            os.chmod(temp, 0o666 & ~umask)  # mkstemp makes 0600; give the file the mode open() would
            _fsync_file(temp)
        for target, temp in zip(targets, temps):
            check_target(target, what)  # a link or a device may have appeared meanwhile
            os.replace(temp, target)
        for folder in {t.parent for t in targets}:
            _fsync_directory(folder)
    except BaseException as exc:
        for temp in temps:
            with contextlib.suppress(OSError):
                temp.unlink()
        if isinstance(exc, OSError) and not isinstance(exc, GulagstatsError):
            failed = targets[temps.index(Path(exc.filename))] if exc.filename and Path(str(exc.filename)) in temps else targets[0]
            raise _failed(exc, failed, what) from None
        raise


def _fsync_file(path: Path) -> None:
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def write_files(files: dict[Path, bytes], what: str = "output") -> list[Path]:
    """Write several files: all names checked, all written and flushed, then all renamed.

    Examples
    --------
    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> [p.name for p in write_files({Path(folder) / "a.csv": b"1", Path(folder) / "b.csv": b"2"})]
    ['a.csv', 'b.csv']
    """
    names = list(files)
    with atomic_paths(names, what) as temps:
        for temp, data in zip(temps, files.values()):
            with open(temp, "wb") as handle:
                handle.write(data)
    return names


def write_bytes(path: str | Path, data: bytes, what: str = "output") -> Path:
    """Write ``data`` to ``path`` atomically, never into the data directory nor through a link.

    Examples
    --------
    >>> import os, tempfile
    >>> path = write_bytes(os.path.join(tempfile.mkdtemp(), "x.bin"), b"\\x00\\x01")
    >>> path.read_bytes()
    b'\\x00\\x01'
    """
    write_files({Path(path): data}, what)
    return Path(path)


def write_text(path: str | Path, text: str, what: str = "output", encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically, never into the data directory.

    Examples
    --------
    >>> import os, tempfile
    >>> write_text(os.path.join(tempfile.mkdtemp(), "r.md"), "# report\\n").read_text()
    '# report\\n'
    """
    return write_bytes(path, text.encode(encoding), what)


@contextlib.contextmanager
def locked(path: str | Path) -> Iterator[None]:
    """Hold an exclusive lock on the directory of ``path`` while updating it (read, merge, write).

    The lock is an ``flock`` on the directory itself, so no lock file is left behind.

    Examples
    --------
    >>> import os, tempfile
    >>> with locked(os.path.join(tempfile.mkdtemp(), "figures.json")):
    ...     pass
    """
    folder = Path(path).parent
    if fcntl is None:  # pragma: no cover - Windows: still atomic, not serialised
        yield
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing releases the lock
