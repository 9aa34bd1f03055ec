"""The test harness itself: a process a test leaves running is found (and the run fails)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from .browser import SESSION_VARIABLE, stray_processes


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_process_left_running_is_found_even_after_its_parent_died():
    session = os.environ[SESSION_VARIABLE]
    # a grandchild whose parent exits at once: orphaned, as a browser's helper would be
    subprocess.run(["sh", "-c", "sleep 30 & exit 0"], check=True)
    time.sleep(0.2)
    stray = stray_processes(session)
    try:
        assert any("sleep 30" in command for command in stray.values()), stray
    finally:
        for pid in stray:
            os.kill(pid, 9)
    deadline = time.monotonic() + 5
    while stray_processes(session) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert stray_processes(session) == {}
    assert stray_processes("another-session") == {}
