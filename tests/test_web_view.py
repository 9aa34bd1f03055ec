"""The web view answers a reader's question (issue 23, item 6), seen in headless Chromium.

``gulagstats serve`` is started once; every page is opened at 1,400 and 400 CSS pixels:
no horizontal overflow, the licence in the footer, no console error.  The tables are
searchable and faceted by ``preferred``; values open sorted by period, checks by gravity.
The fact-check page takes a pasted text and an uploaded file through the browser and
shows the annotated result of the same engine as ``gulagstats factcheck``; what the
reader refuses comes back as one line.  The published recipe (a plugins folder for plain
Datasette) is the one ``docs/publishing.md`` gives.
"""

from __future__ import annotations

import asyncio
import base64
import concurrent.futures
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import gulagstats
from gulagstats.api import factcheck_files

from .browser import MEASURE, Chromium, browser
from .conftest import ROOT

pytest.importorskip("datasette", reason="the [web] extra is not installed")

WIDTHS = (1400, 400)
PAGES = {
    "home": "/gulagstats",
    "appendix": "/gulagstats/appendix",
    "checks": "/gulagstats/checks",
    "search": "/gulagstats/estimates?_search=Conquest",
    "query": "/gulagstats/missing_cells?table=table_4",
    "factcheck": "/-/factcheck",
}
ARTICLE = "In 1937-1938, 7 million people were shot.\nThe camps held 1.3 million inmates on 1 January 1939.\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        return bytes(response.read())


def _post(url: str, body: bytes, content_type: str) -> tuple[int, str]:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    port = _free_port()
    folder = tmp_path_factory.mktemp("web")
    server = subprocess.Popen(
        [sys.executable, "-m", "gulagstats", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
        env={**os.environ, "TMPDIR": str(folder)},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                _get(f"{base}/gulagstats.json")
                break
            except OSError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                assert time.monotonic() < deadline, "the server did not answer in 120 s"
                time.sleep(0.5)
        yield base
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=60)


@pytest.fixture(scope="module")
def chromium():
    executable = browser()
    if executable is None:
        pytest.skip("no Chromium here (CI installs it)")
    with Chromium(executable) as page:
        yield page


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_fits_the_screen_and_names_the_licence(site, chromium, width):
    for name, path in PAGES.items():
        chromium.open(site + path, width, 900)
        measured = chromium.evaluate(MEASURE)
        assert measured["scrollWidth"] <= measured["width"] + 1, (name, width, measured["wide"])
        footer = chromium.evaluate("document.querySelector('footer').innerText")
        assert "CC-BY-4.0" in footer and "Fact-check a text" in footer, (name, footer)
        assert chromium.errors() == [], (name, chromium.errors())
        if width < 600 and name in ("appendix", "checks"):  # the table comes before a wall of facets
            table_top = chromium.evaluate("document.querySelector('table.rows-and-columns').getBoundingClientRect().top")
            assert table_top < 2000, (name, table_top)


def test_tables_are_searchable_faceted_and_sorted(site, chromium):
    chromium.open(site + PAGES["search"], 1400)
    authors = chromium.evaluate("Array.from(document.querySelectorAll('td.col-author')).map(td => td.innerText)")
    rows = chromium.evaluate("Array.from(document.querySelectorAll('table.rows-and-columns tbody tr')).map(tr => tr.innerText)")
    assert authors and any("Conquest" in a for a in authors) and all("Conquest" in r for r in rows)
    assert len(rows) < len(gulagstats.load("estimates"))  # the search filtered
    chromium.open(site + PAGES["appendix"], 1400)
    facets = chromium.evaluate("Array.from(document.querySelectorAll('.facet-info-name strong')).map(s => s.innerText.split(' ')[0])")
    assert "preferred" in facets and "status" in facets
    appendix = json.loads(_get(f"{site}/gulagstats/appendix.json?_shape=array&_size=max"))
    starts = [r["start"] or "" for r in appendix]
    assert starts == sorted(starts) and len(appendix) == len(gulagstats.load("appendix"))
    checks = json.loads(_get(f"{site}/gulagstats/checks.json?_shape=array&_size=max"))
    assert [r["gravity"] for r in checks] == sorted((r["gravity"] for r in checks), reverse=True)
    assert checks[0]["grade"] == "major"


@pytest.mark.parametrize("width", WIDTHS)
def test_paste_a_text_and_get_the_fact_check(site, chromium, width, tmp_path):
    chromium.open(site + "/-/factcheck", width, 900)
    chromium.page.fill("#gs-text", ARTICLE)
    with chromium.page.expect_navigation():
        chromium.page.click("input[type=submit]")
    measured = chromium.evaluate(MEASURE)
    assert measured["scrollWidth"] <= measured["width"] + 1, measured["wide"]
    assert chromium.errors() == []
    page = chromium.evaluate("document.body.innerText")
    marks = chromium.evaluate("Array.from(document.querySelectorAll('mark.claim')).map(m => m.className)")
    # the same engine as the command line, on the same text
    article = tmp_path / "pasted.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    expected = factcheck_files([article]).verdicts
    assert len(marks) == len(expected) > 0
    assert sorted(m.split("v-")[1] for m in marks) == sorted(expected["verdict"])
    assert "overstates" in page and "CC-BY-4.0" in page and "Check another text" in page
    link = chromium.evaluate("document.querySelector('a[download]').href")
    downloaded = base64.b64decode(link.split(",", 1)[1]).decode("utf-8")
    assert downloaded.splitlines()[0].startswith(expected.columns[0]) and "overstates" in downloaded


def test_upload_a_file_in_the_browser(site, chromium, tmp_path):
    article = tmp_path / "article.html"
    article.write_text(f"<html><body><p>{ARTICLE}</p></body></html>", encoding="utf-8")
    chromium.open(site + "/-/factcheck", 1400)
    chromium.page.set_input_files("#gs-file", str(article))
    with chromium.page.expect_navigation():
        chromium.page.click("input[type=submit]")
    assert "article.html" in chromium.evaluate("document.body.innerText")
    assert chromium.evaluate("document.querySelectorAll('mark.claim').length") > 0


def test_what_the_reader_refuses_is_one_line(site):
    url = site + "/-/factcheck"
    code, page = _post(url, b"text=", "application/x-www-form-urlencoded")
    assert code == 400 and "nothing to check" in page
    code, page = _post(url, b"text=" + b"x" * 2_100_000, "application/x-www-form-urlencoded")
    assert code == 400 and "more than the 2 MB this page accepts" in page
    boundary = "gsboundary"
    binary = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
              f"Content-Type: text/plain\r\n\r\n").encode() + b"1937\x00\x01" + f"\r\n--{boundary}--\r\n".encode()
    code, page = _post(url, binary, f"multipart/form-data; boundary={boundary}")
    error = re.search(r'<p class="message-error" id="gs-error">(.*?)</p>', page, flags=re.S)
    assert code == 400 and error and "binary" in error.group(1) and "\n" not in error.group(1).strip()
    assert "Traceback" not in page


def test_the_published_recipe_serves_the_same_pages(tmp_path):
    """docs/publishing.md: plain Datasette, the exported database, its metadata and a plugins folder."""
    from datasette.app import Datasette

    from gulagstats.publish import export

    text = (ROOT / "docs" / "publishing.md").read_text(encoding="utf-8")
    shim = re.search(r"```python\n# plugins/gulagstats_web.py\n(.*?)```", text, flags=re.S)
    assert shim, "docs/publishing.md gives the plugin file of the recipe"
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "gulagstats_web.py").write_text(shim.group(1), encoding="utf-8")
    database, metadata = export("sqlite", tmp_path / "site", record=gulagstats.Record())
    assert "datasette publish" in text and "--plugins-dir plugins" in text

    async def visit() -> tuple[int, str, str]:
        ds = Datasette([str(database)], metadata=json.loads(Path(metadata).read_text()), plugins_dir=str(plugins))
        form = await ds.client.get("/-/factcheck")
        table = await ds.client.get("/gulagstats/appendix")
        return form.status_code, form.text, table.text

    status, form, table = _in_a_thread(visit)
    assert status == 200 and 'name="text"' in form
    assert "Fact-check a text" in table and "gulagstats.css" in table


def _in_a_thread(coroutine_function):
    """Run a coroutine in a thread of its own (a page test's browser driver holds this thread's loop)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(coroutine_function())).result()
