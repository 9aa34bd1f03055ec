"""Fact-checking an archive (issue 24): formats, engines that agree, resuming, a run killed mid-way, refusals.

The corpus is the labelled web set's dev part (the texts in the repository,
so the claims are real), written as a folder, a JSON Lines file and a Parquet
dataset.  Every engine must give the same bytes: serially, on local worker
processes, and on a Dask LocalCluster of two workers bound to 127.0.0.1 (the
session fails if a test leaves a process running: tests/conftest.py).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gulagstats.api import factcheck_corpus
from gulagstats.archive.run import BATCH_SIZE
from gulagstats.archive.sources import CorpusInputError
from gulagstats.errors import GulagstatsError, OutputPathError

from .conftest import DATA, ROOT

pa = pytest.importorskip("pyarrow", reason="the [test] extra installs the [archive] extra (pyarrow, dask)")
pq = pytest.importorskip("pyarrow.parquet")

DEV = ROOT / "tests" / "data" / "factcheck_web" / "dev"
OUTPUTS = ("summary.csv", "repeated.csv", "skipped.csv", "corpus.json")


def documents(copies: int = 1) -> list[dict[str, str]]:
    """The dev texts as documents (``copies`` times, with distinct ids), sorted by id as a folder lists them."""
    docs = []
    for copy in range(copies):
        for n, path in enumerate(sorted(DEV.glob("*/*.txt"))):
            docs.append({
                "id": f"{copy}-{path.name}", "text": path.read_text(encoding="utf-8"),
                "url": f"https://example.org/{path.stem}", "date": f"{2015 + n % 4}-03-0{1 + copy % 9}",
                "language": path.parent.name, "title": path.stem,
            })
    return sorted(docs, key=lambda d: d["id"])


def write_jsonl(path: Path, docs: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


def write_folder(root: Path, docs: list[dict[str, str]]) -> Path:
    root.mkdir()
    for d in docs:
        (root / d["id"]).write_text(d["text"], encoding="utf-8")
    return root


def write_parquet(path: Path, docs: list[dict[str, str]], rows: int) -> Path:
    pq.write_table(pa.Table.from_pylist(docs), path, row_group_size=rows)
    return path


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "gulagstats", "factcheck", *args]


def files(out: Path) -> dict[str, bytes]:
    """Every output file's bytes, by name (the claims' partitions and the tables)."""
    found = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    assert not [n for n in found if "/." in n or n.startswith(".")], "a temporary file was left"
    return found


def claims(out: Path, leave_out: tuple[str, ...] = ()) -> list[dict]:
    """Every claim row (without the columns ``leave_out``), sorted."""
    rows = [{k: v for k, v in r.items() if k not in leave_out} for r in pq.read_table(out / "claims").to_pylist()]
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("corpus") / "dev.jsonl", documents())


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("serial")
    factcheck_corpus(corpus, out, engine="serial", batch_size=6)
    return out


def test_an_archive_gives_claims_with_their_document_and_verdict(serial):
    rows = claims(serial)
    assert len(rows) > 50
    # round 6: a verdict needs a period found in a way calibrated to support it (the camps' 510,307 of 1934,
    # dated by its own clause, is now not judged), so the claim followed is one dated by a span
    first = next(r for r in rows if r["mention"] == "1,548,366")
    assert first["url"].startswith("https://example.org/") and first["date"][:4] == first["year"]
    assert (first["quantity"], first["period"], first["verdict"]) == ("arrests", "1937/1938", "consistent")
    assert first["partition"].isdigit() and first["benchmark_low"] > 0 and first["claim"] >= 1
    manifest = json.loads((serial / "corpus.json").read_text())
    assert manifest["claims"] == len(rows) and manifest["documents"] == len(documents())
    assert len(manifest["partitions"]) == len(list((serial / "claims").glob("part-*.parquet"))) == -(-len(documents()) // 6)
    summary = (serial / "summary.csv").read_text().splitlines()
    assert summary[0] == "quantity,verdict,year,claims,documents"
    assert sum(int(line.split(",")[3]) for line in summary[1:]) == len(rows)
    assert (serial / "repeated.csv").read_text().startswith("rank,claims,documents,quantity,low,high")


#: Runs the corpus on a LocalCluster of two worker processes bound to 127.0.0.1, closed when the block ends.
ON_A_CLUSTER = """
import sys
from distributed import LocalCluster
from gulagstats.api import factcheck_corpus
with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                  dashboard_address=None) as cluster:
    assert cluster.scheduler_address.startswith("tcp://127.0.0.1:"), cluster.scheduler_address
    assert len(cluster.scheduler_info["workers"]) == 2
    print(factcheck_corpus(sys.argv[1], sys.argv[2], scheduler=cluster.scheduler_address, batch_size=6).summary())
"""


def _run(args: list[str]) -> str:
    """Run a process (the engines' worker processes live and die with it); its standard output."""
    done = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_serial_local_processes_and_a_dask_cluster_give_the_same_bytes(corpus, serial, tmp_path):
    pytest.importorskip("distributed")
    local, on_dask = tmp_path / "local", tmp_path / "dask"
    _run(_cli("--corpus", str(corpus), "--out", str(local), "--workers", "2", "--batch-size", "6", "--quiet"))
    assert f"claims in {len(documents())} documents" in _run([sys.executable, "-c", ON_A_CLUSTER, str(corpus), str(on_dask)])
    expected = files(serial)
    assert files(local) == expected
    assert files(on_dask) == expected
    assert claims(on_dask) == claims(serial)


def test_the_engine_dask_starts_and_closes_its_own_local_cluster(corpus, serial, tmp_path):
    pytest.importorskip("distributed")
    out = tmp_path / "own"
    _run(_cli("--corpus", str(corpus), "--out", str(out), "--engine", "dask", "--workers", "2", "--batch-size", "6"))
    assert files(out) == files(serial)


#: A local run from the command line, then which heavy libraries the process that started it imported.
CLIENT_IMPORTS = """
import sys
from gulagstats.cli import main
assert main(sys.argv[1:]) == 0
print(sorted(m for m in ("pandas", "pyarrow", "numpy", "distributed") if m in sys.modules))
"""


def test_the_process_that_starts_a_local_run_imports_neither_pandas_nor_pyarrow(corpus, serial, tmp_path):
    out = tmp_path / "out"
    printed = _run([sys.executable, "-c", CLIENT_IMPORTS, "factcheck", "--corpus", str(corpus), "--out", str(out),
                    "--workers", "2", "--batch-size", "6", "--quiet"])
    assert printed.splitlines()[-1] == "[]"  # the workers did the reading, the judging and the summary
    assert files(out) == files(serial)


def test_the_three_formats_give_the_same_claims(tmp_path, serial):
    docs = documents()
    from_parquet = tmp_path / "parquet"
    factcheck_corpus(write_parquet(tmp_path / "dev.parquet", docs, rows=6), from_parquet, engine="serial", batch_size=6)
    assert claims(from_parquet) == claims(serial)
    assert (from_parquet / "summary.csv").read_bytes() == (serial / "summary.csv").read_bytes()
    from_folder = tmp_path / "folder"
    factcheck_corpus(write_folder(tmp_path / "texts", docs), from_folder, engine="serial", batch_size=6)
    meta = ("url", "date", "year", "language", "title")  # a folder's files have none
    assert claims(from_folder, leave_out=meta) == claims(serial, leave_out=meta)


def test_a_rerun_skips_what_was_written_and_redoes_what_changed(tmp_path):
    docs = documents()
    corpus = write_jsonl(tmp_path / "c.jsonl", docs)
    out = tmp_path / "out"
    first = factcheck_corpus(corpus, out, engine="serial", batch_size=6)
    before = files(out)
    again = factcheck_corpus(corpus, out, engine="serial", batch_size=6)
    assert again.reused == again.partitions == first.partitions and files(out) == before
    docs[8]["text"] += "\n\nIn 1937-1938, 7 million people were shot."  # the second partition changes
    write_jsonl(corpus, docs)
    changed = factcheck_corpus(corpus, out, engine="serial", batch_size=6)
    assert changed.reused == first.partitions - 1 and changed.claims == first.claims + 1
    fresh = tmp_path / "fresh"
    factcheck_corpus(corpus, fresh, engine="serial", batch_size=6)
    assert files(out) == files(fresh)


def test_a_smaller_corpus_into_the_same_folder_leaves_no_partition_of_the_larger(tmp_path):
    docs = documents()
    out = tmp_path / "out"
    factcheck_corpus(write_jsonl(tmp_path / "a.jsonl", docs), out, engine="serial", batch_size=6)
    factcheck_corpus(write_jsonl(tmp_path / "b.jsonl", docs[:7]), out, engine="serial", batch_size=6)
    assert sorted(p.name for p in (out / "claims").iterdir()) == ["part-000000.parquet", "part-000001.parquet"]


def test_a_run_killed_mid_way_then_rerun_gives_the_files_of_an_uninterrupted_run(tmp_path):
    docs = documents(copies=3)
    corpus = write_jsonl(tmp_path / "c.jsonl", docs)
    out, whole = tmp_path / "killed", tmp_path / "whole"
    run = subprocess.Popen(_cli("--corpus", str(corpus), "--out", str(out), "--engine", "serial", "--batch-size", "3"),
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 240
        while not list(out.glob("claims/part-*.parquet")) and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert run.poll() is None, "the run ended before it could be killed: give it a larger corpus"
        os.killpg(run.pid, signal.SIGKILL)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(run.pid, signal.SIGKILL)
        run.wait(timeout=60)
        run.stderr.close()
    written = sorted(out.glob("claims/part-*.parquet"))
    assert 1 <= len(written) < -(-len(docs) // 3), "killed mid-way: some partitions, not all"
    for path in written:  # no half partition under its final name
        assert pq.read_metadata(path).metadata[b"gulagstats.archive"]
    assert not (out / "corpus.json").exists()
    resumed = subprocess.run(_cli("--corpus", str(corpus), "--out", str(out), "--engine", "serial",
                                  "--batch-size", "3", "--quiet"), capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{len(written)} already written" in resumed.stdout and resumed.stderr == ""
    factcheck_corpus(corpus, whole, engine="serial", batch_size=3)
    assert files(out) == files(whole)


def test_documents_that_cannot_be_read_are_listed_with_the_reason(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(
        b'{"id": "good", "text": "<html><p>In 1937-1938, 681,692 people were shot.</p></html>"}\n'
        b"not json\n\n"
        b'{"text": "no id"}\n'
        b'{"id": "empty", "text": "  "}\n'
        b'{"id": "nul", "text": "a\\u0000b"}\n'
        b'{"id": 7, "text": "In 1937, 353,074 were shot.", "date": [1]}\n'
        b'["a list"]\n'
    )
    result = factcheck_corpus(corpus, tmp_path / "out", engine="serial")
    skipped = (tmp_path / "out" / "skipped.csv").read_text().splitlines()
    assert skipped == [
        "partition,doc_id,reason",
        "000000,line 2,line 2: not JSON (Expecting value)",
        "000000,line 4,line 4: no 'id' (a string or an integer)",
        "000000,empty,line 5: the text is empty",
        "000000,nul,line 6: the text holds NUL characters (a binary file?)",
        "000000,7,line 7: 'date' is not text (a list)",
        "000000,line 8,line 8: not a JSON object",
    ]
    assert (result.documents, result.skipped, result.claims) == (7, 6, 1)
    assert claims(tmp_path / "out")[0]["sentence"] == "In 1937-1938, 681,692 people were shot."  # HTML made text


def test_a_folder_keeps_files_the_reader_refuses_as_skipped(tmp_path):
    root = tmp_path / "texts"
    root.mkdir()
    (root / "a.txt").write_text("In 1937-1938, 681,692 people were shot.", encoding="utf-8")
    (root / "b.txt").write_bytes(b"\xff\xfe not utf-8")
    (root / "c.pdf").write_bytes(b"%PDF")  # not a text: not a document
    os.mkfifo(root / "d.txt")  # never opened for reading
    result = factcheck_corpus(root, tmp_path / "out", engine="serial")
    reasons = (tmp_path / "out" / "skipped.csv").read_text()
    assert (result.documents, result.skipped, result.claims) == (3, 2, 1)
    assert "b.txt is not UTF-8" in reasons and "d.txt is not a regular file (a FIFO)" in reasons


def test_progress_goes_to_standard_error_and_quiet_silences_it(cli, corpus, tmp_path):
    code, out, err = cli("factcheck", "--corpus", str(corpus), "--out", str(tmp_path / "a"), "--engine", "serial")
    assert code == 0 and f"claims in {len(documents())} documents" in out
    assert "documents/s" in err and "words/s" in err and "claims" in err
    code, out, err = cli("factcheck", "--corpus", str(corpus), "--out", str(tmp_path / "a"), "--engine", "serial",
                         "--quiet")
    n = -(-len(documents()) // BATCH_SIZE)  # dev's texts fill more than one partition of 500 since round 15
    parts = f"{n} partition, 1 already" if n == 1 else f"{n} partitions, {n} already"
    assert code == 0 and err == "" and f"{parts} written" in out, out


def _refusal(cli, *args: str) -> str:
    code, out, err = cli("factcheck", *args)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1, (code, out, err)
    assert "Traceback" not in err
    return err


def test_bad_archives_and_settings_are_one_line_and_exit_2(cli, corpus, tmp_path):
    fifo = tmp_path / "fifo.jsonl"
    os.mkfifo(fifo)
    (tmp_path / "t.csv").write_text("id,text\n1,x\n")
    (tmp_path / "bad.jsonl").write_text("id,text\n1,x\n")
    pq.write_table(pa.table({"id": ["a"], "body": ["x"]}), tmp_path / "notext.parquet")
    (tmp_path / "empty").mkdir()
    (tmp_path / "afile").write_text("x")
    out = str(tmp_path / "o")
    cases = {
        ("--corpus", str(tmp_path / "none"), "--out", out): "does not exist",
        ("--corpus", str(fifo), "--out", out): "is not a regular file (a FIFO)",
        ("--corpus", str(tmp_path / "t.csv"), "--out", out): "neither a folder nor a .jsonl or .parquet file",
        ("--corpus", str(tmp_path / "bad.jsonl"), "--out", out): "first line is not a JSON object",
        ("--corpus", str(tmp_path / "notext.parquet"), "--out", out): "has no 'text' column",
        ("--corpus", str(tmp_path / "empty"), "--out", out): "holds no text, Markdown or HTML file",
        ("--corpus", str(corpus), "a.txt", "--out", out): "not both",
        ("--corpus", str(corpus), "--workers", "0", "--out", out): "--workers 0",
        ("--corpus", str(corpus), "--batch-size", "0", "--out", out): "--batch-size 0",
        ("--corpus", str(corpus), "--engine", "serial", "--scheduler", "tcp://127.0.0.1:1", "--out", out): "not with --engine serial",
        ("--corpus", str(corpus), "--scheduler", "127.0.0.1:1", "--out", out): "expected an address like tcp://",
        ("--corpus", str(corpus), "--out", str(DATA / "x")): "data",
        ("--corpus", str(corpus), "--out", str(tmp_path / "afile")): "not a directory",
        (str(corpus), "--engine", "dask", "--out", out): "--engine is for an archive",
        ("--out", out): "give the articles to check",
    }
    for args, expected in cases.items():
        assert expected in _refusal(cli, *args), args
    assert not Path(out).exists()


def test_an_unreachable_scheduler_is_one_line(cli, corpus, tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr("gulagstats.archive.engines.CONNECT_TIMEOUT", 2)
    err = _refusal(cli, "--corpus", str(corpus), "--scheduler", "tcp://127.0.0.1:9", "--out",
                   str(tmp_path / "o"))
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err


def test_without_the_archive_extra_the_message_says_what_to_install(cli, corpus, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    err = _refusal(cli, "--corpus", str(corpus), "--out", str(tmp_path / "o"))
    assert 'pyarrow is not installed: pip install "gulagstats[archive]"' in err


def test_a_second_run_into_the_same_folder_is_refused_while_the_first_runs(corpus, tmp_path):
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    handle = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        with pytest.raises(OutputPathError, match="another gulagstats run is writing"):
            factcheck_corpus(corpus, out, engine="serial")
    finally:
        os.close(handle)


def test_errors_are_gulagstats_errors():
    assert issubclass(CorpusInputError, GulagstatsError) and issubclass(CorpusInputError, ValueError)
