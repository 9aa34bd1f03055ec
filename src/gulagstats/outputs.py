"""Writing output files safely: never into the data directory, never half-written.

Every file gulagstats writes (templates, figures, figures.json, the report)
goes through this module:

- the target, its directory and anything a link at the target leads to must
  not be in the data directory, and the target must not be a hard link to a
  file of the data directory (:class:`~gulagstats.errors.OutputPathError`);
- the bytes are written to a new temporary file in the target's directory,
  which is then renamed onto the target with :func:`os.replace`.  The rename
  replaces a link instead of following it, so no existing file other than the
  target's own directory entry is ever changed, and a reader (or a killed
  run) sees either the old file or the whole new one, never a truncated one.

Use :func:`write_text` / :func:`write_bytes` for data in memory, and
:func:`atomic_path` for libraries that write by name (matplotlib, pandas).
:func:`locked` serialises read-modify-write updates of a shared file (the
figures manifest).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputPathError
from .store import data_dir, refuse_inside_data_dir

try:  # POSIX; elsewhere updates are not serialised, but still atomic
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

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
    """Refuse a file name that would write into the data directory; return it as a Path.

    Refused: a path inside the data directory (by name, ``..``, or through a
    symlinked directory), a symlink whose target is inside it, and a hard link
    to one of its files.

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
    """
    target = Path(path)
    refuse_inside_data_dir(target.parent, what)
    if target.is_symlink():
        data = data_dir().resolve()
        resolved = target.resolve()
        if resolved == data or data in resolved.parents:
            raise OutputPathError(
                f"refusing to write {what} to {target}: it is a link into the data directory "
                f"{data}; remove it or write elsewhere"
            )
    refuse_inside_data_dir(target, what)
    try:
        st = os.stat(target)
    except OSError:
        return target  # nothing there yet (or a dangling link, which the rename replaces)
    if (st.st_dev, st.st_ino) in _data_inodes():
        raise OutputPathError(
            f"refusing to write {what} to {target}: it is a link into the data directory "
            f"{data_dir()} (the same file as one of its files); remove it or write elsewhere"
        )
    return target


@contextlib.contextmanager
def atomic_path(path: str | Path, what: str = "output") -> Iterator[Path]:
    """Yield a temporary path to write; on success it is renamed onto ``path``.

    The temporary file is in the same directory (so the rename is atomic) and
    has the same suffix (so a library that picks the format by name picks the
    right one).  If the block raises, the temporary file is removed and
    ``path`` is left as it was.

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
    target = check_target(path, what)
    handle, name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=f".tmp{target.suffix}"
    )
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)  # mkstemp makes 0600; give the file the mode open() would
        check_target(
            target, what
        )  # a link may have appeared meanwhile; the rename would replace it anyway
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def write_bytes(path: str | Path, data: bytes, what: str = "output") -> Path:
    """Write ``data`` to ``path`` atomically, never into the data directory.

    Examples
    --------
    >>> import os, tempfile
    >>> path = write_bytes(os.path.join(tempfile.mkdtemp(), "x.bin"), b"\\x00\\x01")
    >>> path.read_bytes()
    b'\\x00\\x01'
    """
    with atomic_path(path, what) as temp, open(temp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
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
