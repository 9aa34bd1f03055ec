"""Packaging: the wheel carries data/ and loads it outside the source tree; README and CI agree."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (found,) = out.glob("gulagstats-*.whl")
    return found


def test_wheel_carries_the_data_package(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "gulagstats/data/datapackage.json" in names
    assert "gulagstats/data/tables/appendix.csv" in names
    assert "gulagstats/data/sources.csv" in names


def test_installed_wheel_loads_from_outside_the_source_tree(wheel, tmp_path):
    """A fresh virtual environment with gulagstats only from the wheel, run from elsewhere.

    The runtime dependencies (pandas, ...) are lent by the test's own environment through
    a .pth file, so the test needs no download; gulagstats itself comes only from the wheel.
    """
    import site
    import venv

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    lent = [p for p in site.getsitepackages() if "site-packages" in p]
    (Path(purelib) / "lent_dependencies.pth").write_text("\n".join(lent) + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", purelib, str(wheel)],
        check=True, capture_output=True, timeout=600,
    )
    env = {k: v for k, v in os.environ.items() if k not in ("GULAGSTATS_DATA", "PYTHONPATH")}
    code = (
        "import sys, gulagstats; from gulagstats.store import data_dir;"
        "df = gulagstats.load('appendix', wide=True);"
        "assert df.loc['1939', 'gulag_camps inmates'] == 1317195;"
        "assert 'matplotlib' not in sys.modules;"
        "print(gulagstats.__file__); print(data_dir())"
    )
    result = subprocess.run(
        [str(python), "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    module_file, data = result.stdout.split()
    assert module_file.startswith(purelib) and data.startswith(purelib), (module_file, data)
    cli = subprocess.run(
        [str(python), "-m", "gulagstats", "show", "appendix", "--status", "prose", "--format", "csv"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
    )
    assert cli.returncode == 0 and "1053829" in cli.stdout


def quick_start() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```(?:bash|sh)?\n(.*?)```", section, re.S)
    assert block, "the Quick start has a code block"
    return [line for line in block.group(1).splitlines() if line.strip() and not line.startswith("#")]


def test_readme_quick_start_is_two_commands_and_ci_runs_the_second():
    commands = quick_start()
    assert len(commands) == 2, commands
    assert "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines(), "the second Quick start command must be in .ci/run verbatim"
