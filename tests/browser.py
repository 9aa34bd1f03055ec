"""A small headless-Chromium driver over the DevTools protocol, for the report's rendering test.

It starts ``chromium --headless`` with a free debugging port, opens a page at a
given viewport width, collects console errors and uncaught exceptions, measures
the layout with a script, and can take a screenshot.  Only ``websocket-client``
is needed (in the ``test`` extra).
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any


def browser() -> str | None:
    """The Chromium executable on PATH, if any."""
    return (
        shutil.which("chromium")
        or shutil.which("chromium-browser")
        or shutil.which("google-chrome")
    )


class Chromium(contextlib.AbstractContextManager):
    """One headless Chromium process and one page, driven over the DevTools protocol."""

    def __init__(self, executable: str, timeout: float = 60.0) -> None:
        import websocket  # the test extra

        self.profile = tempfile.mkdtemp(prefix="gulagstats-chromium-")
        self.process = subprocess.Popen(
            [
                executable,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + timeout
        while not port_file.is_file() or not port_file.read_text().strip():
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.close()
                raise RuntimeError("chromium did not start its DevTools endpoint")
            time.sleep(0.1)
        port = port_file.read_text().split()[0]
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/json/list", timeout=timeout
        ) as answer:
            pages = [t for t in json.load(answer) if t["type"] == "page"]
        self.ws = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], timeout=timeout)
        self.ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its answer, keeping the events that arrive meanwhile."""
        ident = next(self.ids)
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def open(self, url: str, width: int, height: int = 1000) -> None:
        """Load ``url`` in a viewport ``width`` CSS pixels wide (a phone below 600); wait for it."""
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        self.events.clear()
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + 60
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{url} did not load")
            self.events.append(json.loads(self.ws.recv()))

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        answer = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in answer:
            raise RuntimeError(str(answer["exceptionDetails"]))
        return answer["result"].get("value")

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and failed loads seen since the last :meth:`open`."""
        found = []
        for e in self.events:
            method, params = e.get("method"), e.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(str(params["exceptionDetails"].get("text")))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(
                    " ".join(str(a.get("value", a.get("description"))) for a in params["args"])
                )
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(params["entry"].get("text", ""))
        return found

    def screenshot(self, path: Path, height: int) -> None:
        """Save the top ``height`` CSS pixels of the page as a PNG."""
        width = self.evaluate("document.documentElement.clientWidth")
        shot = self.call(
            "Page.captureScreenshot",
            format="png",
            captureBeyondViewport=True,
            clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        )
        path.write_bytes(base64.b64decode(shot["data"]))

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.ws.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __exit__(self, *exc: object) -> None:
        self.close()


#: Measures a page for the layout test: overflow, height, sections, elements wider than the page.
MEASURE = """(() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.scroll')) continue;
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && wide.length < 10)
      wide.push(el.tagName + (el.id ? '#' + el.id : '') + ' ' + Math.round(box.right));
  }
  return {
    width: width, scrollWidth: root.scrollWidth, height: root.scrollHeight,
    innerWidth: window.innerWidth,
    sections: Array.from(document.querySelectorAll('section > h2')).map(h => h.textContent),
    openDetails: document.querySelectorAll('details[open]').length,
    details: document.querySelectorAll('details').length,
    images: Array.from(document.images).map(
      i => ({alt: i.alt, complete: i.complete, w: i.naturalWidth})),
    wide: wide,
  };
})()"""
