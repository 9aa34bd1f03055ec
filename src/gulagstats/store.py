"""Where the data live, and reading them safely.

The record is ``data/`` at the repository root: ``datapackage.json`` (the
registry of every table, its schema and the sha256 of its file),
``sources.csv`` and ``tables/*.csv``.  It is found, in this order:

1. the directory named by the environment variable ``GULAGSTATS_DATA``;
2. ``gulagstats/data`` inside the installed package (a built wheel carries it);
3. ``data/`` at the root of the source checkout (an editable install).

Every file is checked against its recorded hash before it is parsed, so a
hand-edited or truncated file raises :class:`DataIntegrityError` naming it
instead of yielding silently wrong numbers.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import DataFormatError, DataIntegrityError, GulagstatsError, OutputPathError, printable
from .inputs import read_input

ENV_VAR = "GULAGSTATS_DATA"
_HERE = Path(__file__).resolve().parent  # the installed package, or src/gulagstats in a checkout


def data_dir() -> Path:
    """Return the directory that holds ``datapackage.json``.

    Returns
    -------
    pathlib.Path
        The data directory in use.

    Examples
    --------
    >>> from gulagstats.store import data_dir
    >>> (data_dir() / "datapackage.json").is_file()
    True
    """
    env = os.environ.get(ENV_VAR)
    if env:
        path = Path(env)
        if not (path / "datapackage.json").is_file():
            raise DataFormatError(
                f"{ENV_VAR}={env} has no datapackage.json; point it at a gulagstats data directory"
            )
        return path
    for candidate in (_HERE / "data", _HERE.parents[1] / "data"):
        if (candidate / "datapackage.json").is_file():
            return candidate
    raise DataFormatError(
        "gulagstats data not found (no gulagstats/data in the package and no data/ in the "
        f"checkout); reinstall gulagstats or set {ENV_VAR}"
    )


def refuse_inside_data_dir(path: str | Path, what: str) -> None:
    """Refuse to write ``what`` at ``path`` if it is the data directory or inside it.

    Every writer (templates, figures, the report) calls this before writing,
    so that ``data/`` only ever changes through ``tools/build_data.py``.

    Parameters
    ----------
    path : path
        The file or directory about to be written.
    what : str
        What would be written there, for the message (``"the template"``, ``"figures"``).

    Raises
    ------
    OutputPathError
        If ``path`` resolves to the data directory or to a path below it.

    Examples
    --------
    >>> import tempfile
    >>> refuse_inside_data_dir(tempfile.mkdtemp(), "figures")   # elsewhere: nothing happens
    >>> refuse_inside_data_dir(data_dir() / "tables" / "mine.csv", "the template")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gulagstats.errors.OutputPathError: refusing to write the template to ...: it is inside the data directory ...
    """
    data = data_dir().resolve()
    target = Path(path).resolve()
    if target == data or data in target.parents:
        raise OutputPathError(
            f"refusing to write {what} to {path}: it is inside the data directory {data}; write it elsewhere"
        )


def sha256_of(path: Path) -> str:
    """Return the hex sha256 of the file at ``path``.

    Examples
    --------
    >>> len(sha256_of(data_dir() / "datapackage.json"))
    64
    """
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


#: The file beside datapackage.json holding its sha256, written by the build (tools/build_data.py).
PIN_FILE = "datapackage.sha256"


def _pinned(directory: Path) -> str:
    """The sha256 of datapackage.json recorded beside it when the data were built ("" if none)."""
    try:
        st = (directory / PIN_FILE).stat()
    except FileNotFoundError:
        return ""
    return _read_pin(str(directory / PIN_FILE), st.st_mtime_ns, st.st_ctime_ns, st.st_size)


@lru_cache(maxsize=8)
def _read_pin(path: str, _mtime: int, _ctime: int, _size: int) -> str:
    """The pin file's text, read again only when the file changed (the stat is the key)."""
    return Path(path).read_text(encoding="utf-8").strip()


def _check_shape(package: object, name: str) -> dict[str, Any]:
    """Refuse a datapackage.json whose shape is not the one gulagstats reads, naming the field."""

    def bad(field: str, expected: str) -> DataFormatError:
        return DataFormatError(f"{name}: {field} must be {expected}; restore it from the release")

    if not isinstance(package, dict):
        raise bad("the top level", "an object")
    found = package.get("resources")
    if not isinstance(found, list) or not found:
        raise bad("resources", "a non-empty list")
    seen: set[str] = set()
    for i, r in enumerate(found):
        where = f"resources[{i}]"
        if not isinstance(r, dict):
            raise bad(where, "an object")
        for key in ("name", "path"):
            if not isinstance(r.get(key), str) or not r[key]:
                raise bad(f"{where}.{key}", "non-empty text")
        if r["name"] in seen:
            raise bad(f"{where}.name", f"unique ({printable(r['name'])!r} is given twice)")
        seen.add(r["name"])
        path = Path(r["path"])
        if path.is_absolute() or ".." in path.parts or "\\" in r["path"]:
            raise bad(f"{where}.path", "a relative path inside the data directory")
        for key, kind in (("hash", str), ("title", str), ("kind", str), ("description", str)):
            if key in r and not isinstance(r[key], kind):
                raise bad(f"{where}.{key}", "text")
        if "rows" in r and (not isinstance(r["rows"], int) or isinstance(r["rows"], bool) or r["rows"] < 0):
            raise bad(f"{where}.rows", "a whole number")
        schema = r.get("schema")
        fields = schema.get("fields") if isinstance(schema, dict) else None
        if not isinstance(fields, list) or not fields:
            raise bad(f"{where}.schema.fields", "a non-empty list")
        for j, f in enumerate(fields):
            if not isinstance(f, dict) or not isinstance(f.get("name"), str) or not f["name"]:
                raise bad(f"{where}.schema.fields[{j}].name", "non-empty text")
            if "type" in f and not isinstance(f["type"], str):
                raise bad(f"{where}.schema.fields[{j}].type", "text")
        if "wide" in r and r["wide"] is not None and not isinstance(r["wide"], dict):
            raise bad(f"{where}.wide", "an object")
    return package


#: The sha256 of every file hashed in this process, by (path, inode, size, mtime and ctime in ns).  A
#: module memo, not state of a record: it is what lets every public call compare the sha256 of each file
#: the default record read (:func:`gulagstats.core.record.default_record`) without hashing them again.  Any
#: write to a file changes its ctime, which no tool can set back (``cp -p``, ``touch -r`` and ``rsync -t``
#: restore only the mtime), and a new :class:`~gulagstats.core.record.Record` forgets the memo of its
#: directory (:func:`forget_hashes`), so it hashes the bytes of every file it reads.
_verified: dict[tuple[str, int, int, int, int], str] = {}


def file_sha256(path: Path) -> str:
    """The sha256 of the file at ``path``, hashed again whenever the file was written to.

    Examples
    --------
    >>> file_sha256(data_dir() / "datapackage.json") == sha256_of(data_dir() / "datapackage.json")
    True
    """
    st = path.stat()
    key = (str(path), st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    if key not in _verified:
        _verified[key] = sha256_of(path)
    return _verified[key]


def forget_hashes(directory: Path) -> None:
    """Forget the memo of every file under ``directory``: the next :func:`file_sha256` hashes the bytes.

    Examples
    --------
    >>> forget_hashes(data_dir())
    >>> any(k[0].startswith(str(data_dir())) for k in list(_verified))
    False
    """
    prefix = str(directory)
    for key in [k for k in list(_verified) if k[0].startswith(prefix)]:
        _verified.pop(key, None)


@lru_cache(maxsize=4)
def _datapackage(directory: str, digest: str, pin: str) -> dict[str, Any]:
    """The parsed datapackage.json of ``directory``, cached by the sha256 of its content (``digest``)."""
    path = Path(directory) / "datapackage.json"
    raw = path.read_bytes()
    actual = hashlib.sha256(raw).hexdigest()  # what is parsed is what is checked, even if it changed meanwhile
    if pin and actual != pin:
        raise DataIntegrityError(
            f"datapackage.json in {printable(directory)} was changed (sha256 {actual[:12]}... but the build "
            f"recorded {pin[:12]}... in {PIN_FILE}); restore it from the release, or rebuild with tools/build_data.py"
        )
    try:
        package = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataFormatError(f"{path} is not valid JSON ({exc}); restore it from the release") from None
    return _check_shape(package, "datapackage.json")


def datapackage() -> dict[str, Any]:
    """Return the parsed ``datapackage.json`` (cached by the sha256 of its content).

    The file must have the sha256 recorded in the package when the data were
    built, and the shape gulagstats reads.

    Raises
    ------
    DataIntegrityError
        If the file is not the one this gulagstats was built with.
    DataFormatError
        If it is not JSON, or a field has the wrong shape (the message names it).

    Examples
    --------
    >>> "resources" in datapackage()
    True
    """
    directory = data_dir()
    return _datapackage(str(directory), datapackage_sha256(directory), _pinned(directory))


def datapackage_sha256(directory: Path | None = None) -> str:
    """The sha256 of ``datapackage.json`` in ``directory`` (default: :func:`data_dir`), as on disk now.

    Examples
    --------
    >>> len(datapackage_sha256())
    64
    """
    return file_sha256((directory or data_dir()) / "datapackage.json")


def resources() -> dict[str, dict[str, Any]]:
    """Return the data package's resources keyed by their name (the table id).

    Examples
    --------
    >>> resources()["appendix"]["path"]
    'tables/appendix.csv'
    """
    return {r["name"]: r for r in datapackage()["resources"]}


def verified_path(resource: dict[str, Any]) -> Path:
    """Return the path of a resource's file after checking its sha256.

    Raises
    ------
    DataIntegrityError
        If the file is absent or its hash differs from ``datapackage.json``.

    Examples
    --------
    >>> verified_path(resources()["appendix"]).name
    'appendix.csv'
    """
    root = data_dir()
    path = root / resource["path"]
    inside = root.resolve()
    if inside not in path.resolve().parents:
        raise DataFormatError(
            f"data file {printable(resource['path'])} is outside the data directory {inside}; restore datapackage.json"
        )
    if not path.is_file():
        raise DataIntegrityError(f"data file {resource['path']} is missing; reinstall gulagstats")
    expected = str(resource.get("hash", "")).removeprefix("sha256:")
    actual = file_sha256(path)
    if actual != expected:
        raise DataIntegrityError(
            f"data file {resource['path']} was changed (sha256 {actual[:12]}... but "
            f"datapackage.json records {expected[:12]}...); restore it, or add values through an "
            "overlay ('gulagstats template') instead of editing data/"
        )
    return path


def read_rule_rows(name: str) -> list[dict[str, str]]:
    """The rows of a small table of the data package (words, rules) as text, hash-checked, cached by hash.

    An older data directory without the table gives no rows.

    Examples
    --------
    >>> rows = read_rule_rows("period_words")
    >>> any(r["phrase"] == "great terror" for r in rows)
    True
    """
    resource = resources().get(name)
    if resource is None:
        return []
    path = verified_path(resource)
    return [dict(r) for r in _rule_rows(str(path), file_sha256(path))]


@lru_cache(maxsize=32)
def _rule_rows(path: str, digest: str) -> tuple[dict[str, str], ...]:
    with open(path, newline="", encoding="utf-8") as handle:
        return tuple(csv.DictReader(handle))


def verified_hash(resource: dict[str, Any]) -> str:
    """Return the sha256 of a resource's file, after checking it against ``datapackage.json``.

    Raises
    ------
    DataIntegrityError
        If the file is absent or its hash differs from ``datapackage.json``.

    Examples
    --------
    >>> len(verified_hash(resources()["appendix"]))
    64
    """
    verified_path(resource)
    return str(resource.get("hash", "")).removeprefix("sha256:")


def read_user_file(path: str | Path, what: str, limit: int, error: type[GulagstatsError]) -> bytes:
    """The bytes of a user's input file: :func:`gulagstats.inputs.read_input` (kept for its callers).

    Examples
    --------
    >>> import os, tempfile
    >>> from gulagstats.errors import OverlayError
    >>> fifo = os.path.join(tempfile.mkdtemp(), "fifo")
    >>> os.mkfifo(fifo)
    >>> read_user_file(fifo, "overlay", 10, OverlayError)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gulagstats.errors.OverlayError: overlay .../fifo is not a regular file (a FIFO); expected a CSV file
    """
    return read_input(path, what, limit=limit, error=error)
