"""The record shared between threads, handing out copies, and never fooled by a kept mtime (issue 19 H, I, J)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

import gulagstats
from gulagstats.core.record import Record, default_record
from gulagstats.errors import DataIntegrityError

from .conftest import ROOT

THREADS = textwrap.dedent(
    """
    import sys, threading
    import gulagstats

    def work(i):
        kind = i % 5
        if kind == 0:
            return gulagstats.assess("executions", 681_692, period="1937-1938").verdict
        if kind == 1:
            import pandas as pd
            claims = pd.DataFrame({"quantity": ["executions"], "value": ["7 million"], "period": ["1937-1938"]})
            return gulagstats.assess_claims(claims).loc[0, "verdict"]
        if kind == 2:
            return len(gulagstats.check())
        if kind == 3:
            return int(gulagstats.load("appendix", wide=True).loc["1939", "gulag_camps inmates"])
        return len(gulagstats.benchmarks())

    results, errors = {}, []
    barrier = threading.Barrier(20)

    def run(i):
        barrier.wait()
        try:
            results[i] = work(i)
        except BaseException as exc:
            errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=run, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    serial = {i: work(i) for i in range(20)}
    print(len(errors), errors[:3])
    sys.exit(1 if errors or results != serial else 0)
    """
)


def test_twenty_threads_on_a_cold_default_record_all_succeed_and_agree_with_a_serial_run():
    # H: 10 of 20 threads raised "dictionary changed size during iteration"
    for _ in range(3):  # a race shows in some runs only: every run must pass
        run = subprocess.run([sys.executable, "-c", THREADS], capture_output=True, text=True, timeout=600, cwd=ROOT)
        assert run.returncode == 0, run.stdout + run.stderr[-2000:]


def test_a_record_shared_between_threads_reads_each_table_once():
    from concurrent.futures import ThreadPoolExecutor

    record = Record()
    with ThreadPoolExecutor(8) as pool:
        frames = list(pool.map(lambda _: record.frame("appendix"), range(32)))
    assert all(f.equals(frames[0]) for f in frames) and len(record.files_read()) == 1


def test_frame_hands_out_a_copy_that_cannot_change_the_record():
    # J: one assignment into default_record().frame("appendix") changed load() for the whole process
    frame = default_record().frame("appendix")
    frame.loc[:, "value"] = 1
    frame["status"] = "user"
    wide = gulagstats.load("appendix", wide=True)
    assert int(wide.loc["1939", "gulag_camps inmates"]) == 1_317_195
    assert len(default_record().frame("appendix")) > 0


def _edit_keeping_size_and_mtime(path) -> None:
    text = path.read_text(encoding="utf-8")
    assert ",1317195," in text
    stat = path.stat()
    path.write_text(text.replace(",1317195,", ",9317195,", 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # as cp -p, rsync -t, touch -r do
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns


def test_an_edit_that_keeps_size_and_mtime_is_refused_by_a_new_record_and_the_default(data_copy):
    # I: the memo was keyed by (path, mtime, size); a new Record served 9,317,195 as consistent
    assert int(gulagstats.load("appendix", wide=True).loc["1939", "gulag_camps inmates"]) == 1_317_195
    _edit_keeping_size_and_mtime(data_copy / "tables" / "appendix.csv")
    with pytest.raises(DataIntegrityError, match=r"appendix\.csv was changed"):
        Record().load("appendix")
    with pytest.raises(DataIntegrityError, match=r"appendix\.csv was changed"):
        gulagstats.load("appendix")
    with pytest.raises(DataIntegrityError):
        gulagstats.assess("camp_population", 9_317_195, period="1939-01-01")
