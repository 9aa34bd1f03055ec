"""Headless Chromium for the page tests, driven by Playwright and closed on every path.

Playwright (in the ``test`` extra) talks to the browser over a pipe, not a DevTools
websocket, so no ``--remote-allow-origins`` flag is needed whatever the Chromium version.
It never downloads a browser here: it is pointed at the system Chromium that ``.ci/run``
installs (``apt-get install chromium``).

- :func:`browser` finds the executable (``None`` if there is none);
- :class:`Chromium` is one browser process and one page: open a URL at a viewport width,
  evaluate a script, read the console errors, take a screenshot; :meth:`Chromium.close`
  (also on ``with`` exit and when starting fails) ends the browser and its driver;
- :func:`dom` is ``chromium --dump-dom`` through the same driver: the page after its scripts ran;
- :func:`stray_processes` lists the processes a test started and left running (a browser,
  its driver, a server): ``tests/conftest.py`` fails the run if there are any.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from typing import Any

#: Flags for a machine with no network and no display (see the env notes: without the
#: background-networking flags Chromium keeps trying to reach Google's hosts).
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--disable-breakpad",
    "--hide-scrollbars",
]


def browser() -> str | None:
    """The Chromium executable on PATH, if any."""
    return (
        shutil.which("chromium")
        or shutil.which("chromium-browser")
        or shutil.which("google-chrome")
    )


class Chromium(contextlib.AbstractContextManager):
    """One headless Chromium process and one page, driven by Playwright."""

    def __init__(self, executable: str, timeout: float = 60.0) -> None:
        from playwright.sync_api import sync_playwright  # the test extra

        self.timeout_ms = timeout * 1000
        self._driver = sync_playwright().start()
        self._browser = None
        self._context = None
        self.page = None
        self._errors: list[str] = []
        try:
            self._browser = self._driver.chromium.launch(
                executable_path=executable, args=FLAGS, timeout=self.timeout_ms
            )
        except BaseException:
            self.close()
            raise

    def open(self, url: str, width: int, height: int = 1000) -> None:
        """Load ``url`` in a viewport ``width`` CSS pixels wide (a phone below 600); wait for it."""
        if self._context is not None:
            self._context.close()
        phone = width < 600
        self._context = self._browser.new_context(
            viewport={"width": width, "height": height},
            device_scale_factor=1,
            is_mobile=phone,
            has_touch=phone,
        )
        self.page = self._context.new_page()
        self.page.set_default_timeout(self.timeout_ms)
        self._errors = []
        self.page.on("pageerror", lambda exc: self._errors.append(str(exc)))
        self.page.on(
            "console",
            lambda msg: self._errors.append(msg.text) if msg.type in ("error", "assert") else None,
        )
        self.page.on("requestfailed", lambda req: self._errors.append(f"failed: {req.url}"))
        self.page.goto(url, wait_until="load")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        return self.page.evaluate(expression)

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and failed loads seen since the last :meth:`open`."""
        return list(self._errors)

    def screenshot(self, path: Path, height: int) -> None:
        """Save the top ``height`` CSS pixels of the page as a PNG."""
        width = self.evaluate("document.documentElement.clientWidth")
        self.page.screenshot(
            path=str(path), full_page=True, clip={"x": 0, "y": 0, "width": width, "height": height}
        )

    def close(self) -> None:
        """End the page, the browser and the driver (each step even if an earlier one failed)."""
        for thing in (self._context, self._browser):
            if thing is not None:
                with contextlib.suppress(Exception):
                    thing.close()
        self._context = self._browser = None
        if self._driver is not None:
            with contextlib.suppress(Exception):
                self._driver.stop()
            self._driver = None

    def __exit__(self, *exc: object) -> None:
        self.close()


def dom(url: str, width: int = 1400, executable: str | None = None) -> str:
    """The page's DOM after its scripts ran (what ``chromium --dump-dom`` prints)."""
    with Chromium(executable or browser() or "chromium") as page:
        page.open(url, width)
        return page.evaluate("document.documentElement.outerHTML")


#: Set in the environment of the test session (tests/conftest.py): every process a test
#: starts inherits it, so a process left running is told apart from another session's.
SESSION_VARIABLE = "GULAGSTATS_TEST_SESSION"


def stray_processes(session: str) -> dict[int, str]:
    """Live processes, other than this one, started under the test session ``session``.

    A process carries the session's mark in its environment (inherited from the test that
    started it, directly or through a browser or a server), so it is found even after its
    parent died. Zombies are not counted: they run nothing. ``{}`` where /proc is absent.
    """
    mark = f"{SESSION_VARIABLE}={session}".encode()
    found = {}
    proc = Path("/proc")
    if not (proc / "self" / "environ").exists():
        return found
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if mark not in (entry / "environ").read_bytes().split(b"\0"):
                continue
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if stat[stat.rindex(")") + 2 :].split()[0] not in ("Z", "X"):
            found[int(entry.name)] = command.strip()[:160]
    return found


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
