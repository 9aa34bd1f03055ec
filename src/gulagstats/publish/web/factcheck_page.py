"""The fact-check page of the web view: a pasted text or an uploaded file, judged as ``gulagstats factcheck`` judges it.

``GET /-/factcheck`` shows the form; ``POST`` reads the request (at most
:data:`MAX_BODY` bytes: refused from its declared length, and never more read),
writes the text into a temporary folder under a safe name, and runs the public
fact-check (:func:`gulagstats.api.factcheck_files` and
:func:`gulagstats.api.write_factcheck`): the same reader (UTF-8, no NUL bytes, not
empty, HTML read as HTML), the same judgment, the same annotated page.  That page
is returned with a bar to check another text, a link to download the verdicts as
CSV, the licence, and a layout for phones.  An input the reader refuses comes back
as the form with its one-line message (status 400).  One text is checked at a
time; nothing is kept.
"""

from __future__ import annotations

import asyncio
import base64
import html
import os
import re
import tempfile
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import Any

from ...errors import GulagstatsError
from ..about import LICENSE, LICENSE_URL

#: The page's address in the web view.
ROUTE = "/-/factcheck"
#: The largest request accepted, in bytes (a newspaper article is a few tens of kilobytes;
#: ``gulagstats factcheck FILE`` reads longer texts).
MAX_BODY = 2_000_000
#: The most read of a request past the limit before refusing it (then dropped).
DRAINED = 10_000_000
#: Suffixes the reader knows (anything else is read as plain text).
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
#: Added to the annotated page: a layout for phones (their tables scroll inside themselves).
RESULT_CSS = """
.gs-bar,.gs-foot{font:14px/1.5 system-ui,sans-serif;padding:.6em 1em;background:#276890;color:#fff}
.gs-bar a,.gs-foot a{color:#fff}.gs-foot{background:#eee;color:#222}.gs-foot a{color:#276890}
pre{white-space:pre-wrap;overflow-wrap:anywhere}
@media (max-width:600px){main{display:block!important;padding:0 .6em!important}
aside{position:static!important;max-height:none!important}
table{display:block;max-width:100%;overflow-x:auto}header{padding:.6em!important}}
"""

_LOCK = asyncio.Lock()


class _FormError(GulagstatsError, ValueError):
    """A request the page cannot check (too large, no text, a form it cannot read)."""


def safe_name(filename: str | None) -> str:
    """A file name to write the text under: the upload's own name, cleaned, or ``pasted.txt``.

    Examples
    --------
    >>> safe_name("../../etc/Article 1.HTML"), safe_name(None), safe_name("a.exe")
    ('Article_1.html', 'pasted.txt', 'a.exe.txt')
    """
    if not filename:
        return "pasted.txt"
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", filename.replace("\\", "/").split("/")[-1]).strip("._")[:80]
    stem, dot, suffix = base.rpartition(".")
    if dot and f".{suffix.lower()}" in SUFFIXES:
        return f"{stem}.{suffix.lower()}"
    return f"{base or 'pasted'}.txt"


def read_form(content_type: str, body: bytes) -> tuple[bytes, str | None]:
    """The text of a posted form and the uploaded file's name (``None`` for a pasted text).

    A chosen file wins over the text box; an empty request is refused.

    Examples
    --------
    >>> read_form("application/x-www-form-urlencoded", b"text=7+million+shot")
    (b'7 million shot', None)
    >>> form = (b'--b\\r\\nContent-Disposition: form-data; name="text"\\r\\n\\r\\n\\r\\n'
    ...         b'--b\\r\\nContent-Disposition: form-data; name="file"; filename="a.md"\\r\\n'
    ...         b'Content-Type: text/markdown\\r\\n\\r\\nOver 100 shot\\r\\n--b--\\r\\n')
    >>> read_form("multipart/form-data; boundary=b", form)
    (b'Over 100 shot', 'a.md')
    """
    fields: dict[str, tuple[bytes, str | None]] = {}
    if content_type.startswith("multipart/form-data"):
        message = BytesParser(policy=HTTP).parsebytes(
            b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
        )
        if not message.is_multipart():
            raise _FormError("the form could not be read; paste the text or choose a file again")
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            if isinstance(name, str) and isinstance(payload, bytes):
                fields[name] = (payload, part.get_filename())
    else:
        from urllib.parse import parse_qs

        for name, values in parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items():
            fields[name] = (values[0].encode("utf-8"), None)
    upload, filename = fields.get("file", (b"", None))
    if upload.strip():
        return upload, filename or "upload.txt"
    text = fields.get("text", (b"", None))[0]
    if not text.strip():
        raise _FormError("nothing to check: paste a text or choose a file")
    return text, None


async def read_body(request: Any, limit: int = MAX_BODY) -> bytes:
    """The request's body, refused (one line) past ``limit`` bytes, declared or sent.

    A body past the limit is read to its end and dropped (never kept), up to
    :data:`DRAINED` bytes, so that the browser gets the message rather than a
    connection closed while it was still sending.
    """
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > DRAINED:
        raise _FormError(_too_large(int(declared), limit))
    body, size = b"", 0
    while True:
        message = await request.receive()
        chunk = message.get("body", b"")
        size += len(chunk)
        if size <= limit:
            body += chunk
        if size > DRAINED or not message.get("more_body", False):
            break
    if size > limit:
        raise _FormError(_too_large(size, limit))
    return body


def _too_large(size: int, limit: int) -> str:
    return (f"the text is {size / 1e6:.1f} MB, more than the {limit / 1e6:.0f} MB this page accepts; "
            "check it with 'gulagstats factcheck FILE'")


def judge_posted_text(content: bytes, filename: str | None) -> tuple[str, bytes]:
    """Fact-check one text with the public engine: the annotated page and the verdicts CSV."""
    from ...core.record import Record, default_record
    from ...factcheck.run import factcheck
    from ...factcheck.written import write_outputs
    from ..serve import OVERLAY_VARIABLE

    overlay = os.environ.get(OVERLAY_VARIABLE)
    record = Record(overlay) if overlay else default_record()
    with tempfile.TemporaryDirectory(prefix="gulagstats-factcheck-") as folder:
        path = Path(folder) / safe_name(filename)
        path.write_bytes(content)
        result = factcheck([path], record=record)
        out = Path(folder) / "out"
        write_outputs(result, out)
        return (out / "factcheck.html").read_text(encoding="utf-8"), (out / "verdicts.csv").read_bytes()


def framed(page: str, verdicts: bytes, home: str) -> str:
    """The annotated page with a bar (check another text, download the verdicts), the licence, a phone layout.

    Examples
    --------
    >>> page = framed("<html><head></head><body><p>x</p></body></html>", b"a,b\\n", "/")
    >>> page.index("id='gs-bar'") < page.index("<p>x</p>") < page.index("<footer class='gs-foot'"), "viewport" in page
    (True, True)
    """
    data = base64.b64encode(verdicts).decode("ascii")
    bar = (
        f"<nav class='gs-bar' id='gs-bar'><a href='{html.escape(home)}'>gulagstats</a> &middot; "
        f"<a href='{html.escape(home.rstrip('/') + ROUTE)}'>Check another text</a> &middot; "
        f"<a download='verdicts.csv' href='data:text/csv;base64,{data}'>Download the verdicts (CSV)</a></nav>"
    )
    foot = (
        f"<footer class='gs-foot'>Data licence: <a href='{LICENSE_URL}'>{html.escape(LICENSE)}</a> &middot; "
        "judged by gulagstats factcheck against the archival record</footer>"
    )
    head = "<style>" + RESULT_CSS + "</style>"
    if "name='viewport'" not in page and 'name="viewport"' not in page:
        head = '<meta name="viewport" content="width=device-width, initial-scale=1">' + head
    page = page.replace("</head>", head + "</head>", 1) if "</head>" in page else head + page
    opening = re.search(r"<body[^>]*>", page)
    at = opening.end() if opening else 0
    page = page[:at] + bar + page[at:]
    return page.replace("</body>", foot + "</body>", 1) if "</body>" in page else page + foot


async def factcheck_view(request: Any, datasette: Any) -> Any:
    """``GET``: the form; ``POST``: the annotated result, or the form with the reason it was refused."""
    from datasette.utils.asgi import Response

    async def form(error: str = "", text: str = "", status: int = 200) -> Any:
        context = {"error": error, "text": text, "route": ROUTE, "limit_text": f"{MAX_BODY / 1e6:.0f} MB"}
        page = await datasette.render_template("gulagstats_factcheck.html", context, request=request)
        return Response.html(page, status=status)

    if request.method != "POST":
        return await form()
    pasted = ""  # shown again in the box after a refusal (never an uploaded file's bytes)
    try:
        body = await read_body(request)
        content, filename = read_form(request.headers.get("content-type", ""), body)
        if filename is None:
            pasted = content.decode("utf-8", "replace")
        async with _LOCK:
            page, verdicts = await asyncio.get_running_loop().run_in_executor(None, judge_posted_text, content, filename)
    except GulagstatsError as exc:
        return await form(str(exc).splitlines()[0], pasted, status=400)
    return Response.html(framed(page, verdicts, datasette.urls.instance()))
