"""The one input check of user files (inputs.read_input): every special file made here, in a temporary folder."""

from __future__ import annotations

import os
import re
import threading

import pytest

from gulagstats.errors import DataFormatError, OverlayError
from gulagstats.inputs import read_input, read_input_text

from .test_writer import make


@pytest.mark.parametrize("kind,says", [("fifo", "a FIFO"), ("socket", "a socket"), ("directory", "a directory"),
                                       ("symlink to a fifo", "a FIFO")])
def test_special_files_are_refused_at_once_without_reading(tmp_path, kind, says):
    path = tmp_path / "input.csv"
    if kind == "symlink to a fifo":
        os.mkfifo(tmp_path / "fifo")
        os.symlink(tmp_path / "fifo", path)
    else:
        make(kind, path, tmp_path)
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            read_input(path, "overlay", limit=100, error=OverlayError)
        except BaseException as exc:
            outcome.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=10)
    assert not reader.is_alive(), "reading blocked"  # a FIFO without a writer never blocks it
    assert isinstance(outcome[0], OverlayError) and says in str(outcome[0]) and "\n" not in str(outcome[0])


def test_a_device_node_is_refused(tmp_path):
    make("device", tmp_path / "zero", tmp_path)  # a FIFO stands in where mknod is not allowed
    with pytest.raises(DataFormatError, match="not a regular file"):
        read_input(tmp_path / "zero", "lexicon", limit=100)


def test_the_size_cap_is_checked_before_reading(tmp_path):
    path = tmp_path / "big.csv"
    with open(path, "wb") as handle:
        handle.truncate(10**9)  # sparse: no disk used
    with pytest.raises(DataFormatError, match="larger than the limit of 1,000 bytes"):
        read_input(path, "claims file", limit=1000)
    assert read_input(tmp_path / "big.csv", "claims file", limit=10**9)[:1] == b"\0"


@pytest.mark.parametrize(
    "data,says",
    [(b"\xff\xfeI\x00n\x00", "not UTF-8 text (a byte 0xff at 0)"), (b"In 1937\x00", "NUL bytes")],
)
def test_text_must_be_utf8_without_nul(tmp_path, data, says):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    with pytest.raises(DataFormatError, match=re.escape(says)):
        read_input_text(path, "text", limit=100)


def test_a_bom_is_dropped_and_missing_files_named(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffКолыма".encode())
    assert read_input_text(path, "text", limit=100) == "Колыма"
    with pytest.raises(DataFormatError, match="does not exist"):
        read_input(tmp_path / "nope.csv", "claims file", limit=100)
