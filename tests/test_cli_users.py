"""The command line of a journalist and of a pipeline: numbers as written, stdin, progress, widths, formats."""

from __future__ import annotations

import csv
import io
import re

import pytest

import gulagstats
from gulagstats.cli import build_parser
from gulagstats.render import FORMULA_START

from .conftest import DATA, ROOT, run_subprocess


def test_assess_reads_a_number_as_a_journalist_writes_it(cli):
    code, out, err = cli("assess", "executions", "7 million", "--period", "1937-1938")
    assert code == 0, err
    assert out.splitlines()[0].split() == ["verdict", "overstates"]
    assert "7,000,000 executions in 1937-1938" in out
    code, words, _ = cli("assess", "executions", "seven million", "--period", "1937-1938")
    assert code == 0 and words == out
    code, _, err = cli("assess", "executions", "several million", "--period", "1937-1938")
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err


def test_assess_file_dash_reads_standard_input():
    claims = "quantity,value,period\nexecutions,7 million,1937-1938\narests,1,1937\n"
    run = run_subprocess_input(claims, "assess", "--file", "-")
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert [r["verdict"] for r in rows] == ["overstates", ""]
    assert rows[1]["error"].startswith("line 3: unknown quantity 'arests'")
    assert "1 of 2 claims could not be assessed" in run.stderr
    empty = run_subprocess_input("", "assess", "--file", "-")
    assert empty.returncode == 2 and empty.stderr.count("\n") == 1 and "claims file - is empty" in empty.stderr


def run_subprocess_input(text: str, *args: str):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "gulagstats", *args], input=text, capture_output=True,
                          text=True, timeout=300)


def test_progress_goes_to_standard_error_and_quiet_silences_it(tmp_path):
    run = run_subprocess("export", "--format", "csv", "--out", str(tmp_path / "e"))
    assert run.returncode == 0 and run.stdout == "", run.stderr
    assert run.stderr.startswith("- wrote ") and run.stderr.count("\n") == 1
    quiet = run_subprocess("export", "--format", "csv", "--out", str(tmp_path / "q"), "--quiet")
    assert quiet.returncode == 0 and quiet.stderr == "" and any((tmp_path / "q").iterdir())
    template = run_subprocess("template", "appendix", "--out", str(tmp_path / "t.csv"))
    assert template.returncode == 0 and template.stderr.startswith("- wrote ")
    template = run_subprocess("template", "appendix", "--out", str(tmp_path / "u.csv"), "-q")
    assert template.returncode == 0 and template.stderr == "" and (tmp_path / "u.csv").is_file()
    bad = run_subprocess("show", "apendix", "--quiet")
    assert bad.returncode == 2 and bad.stderr.startswith("gulagstats: error:")  # errors are never silenced


def test_every_subcommand_takes_quiet():
    parser = build_parser()
    for name, command in parser._subparsers._group_actions[0].choices.items():  # type: ignore[union-attr]
        assert command.parse_args(["-q"] if name not in REQUIRED else [*REQUIRED[name], "-q"]).quiet, name


REQUIRED = {"show": ["appendix"], "template": ["appendix"], "export": ["--format", "csv", "--out", "x"],
            "factcheck": ["a.txt"], "completion": ["bash"]}


@pytest.mark.parametrize("args", [["show", "appendix"], ["show", "appendix", "--wide"], ["compare"],
                                  ["show", "estimates"], ["sources"], ["coverage"], ["benchmarks"],
                                  ["tables"], ["quantities"], ["assess", "executions", "7 million"]])
@pytest.mark.parametrize("columns", [60, 100])
def test_text_tables_fit_the_terminal_width(cli, monkeypatch, args, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, _ = cli(*args)
    assert code == 0
    widest = max(out.splitlines(), key=len)
    assert len(widest) <= columns, widest
    monkeypatch.delenv("COLUMNS")
    _, whole, _ = cli(*args)  # a pipe without COLUMNS: whole lines, one row a line (for grep)
    if args[0] in ("show", "compare"):
        assert max(len(line) for line in whole.splitlines()) > columns


def test_years_are_never_grouped(cli):
    _, out, _ = cli("show", "estimates")
    row = next(line for line in out.splitlines() if line.startswith("conquest1990-arrests"))
    assert " 1990 " in row and "1,990" not in out
    _, out, _ = cli("compare", "--format", "markdown")
    assert "1,990" not in out and "| 1990 |" in out


def test_show_csv_writes_the_dialect_of_data(cli):
    """Every table as `show --format csv`: the columns, booleans, dates and numbers of data/tables/*.csv."""
    for table_id in gulagstats.tables()["id"]:
        code, out, _ = cli("show", table_id, "--format", "csv")
        assert code == 0
        shown = list(csv.reader(io.StringIO(out)))
        path = DATA / gulagstats.describe(table_id).path
        with open(path, newline="", encoding="utf-8") as handle:
            stored = list(csv.reader(handle))
        assert shown[0] == stored[0] and len(shown) == len(stored), table_id
        for mine, theirs in zip(shown[1:], stored[1:]):
            for a, b in zip(mine, theirs):
                assert _same_cell(a, b), (table_id, a, b)
    _, out, _ = cli("show", "appendix", "--format", "csv")
    assert ",TRUE," in out and ",True," not in out and out.startswith("period,start,end,")


def _same_cell(shown: str, stored: str) -> bool:
    """Equal, or the same number as printed ("38" for "38.0"), or a formula-like text made inert with '."""
    if shown == stored or (stored.startswith(FORMULA_START) and shown == "'" + stored):
        return True
    try:
        return float(shown) == float(stored)
    except ValueError:
        return False


def test_the_readme_says_which_commands_take_format():
    """The README's sentence on --format is what the parser offers (no command claimed or left out)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    sentence = re.search(r"`--format text\|csv\|json\|markdown` is taken by ([^.]+)\.", text)
    assert sentence, "the README names the commands that take --format text|csv|json|markdown"
    claimed = set(re.findall(r"`(\w+)`", sentence[1]))
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    tabular, other = set(), {}
    for name, command in commands.items():
        option = next((a for a in command._actions if "--format" in a.option_strings), None)
        if option is None:
            continue
        if option.choices and set(option.choices) == {"text", "csv", "json", "markdown"}:
            tabular.add(name)
        else:
            other[name] = option
    assert claimed == tabular
    for name in other:  # figures and export: --format means a file format, and the README says so
        assert re.search(rf"`{name} --format [a-z,|]+`", text), name
    for name in set(commands) - tabular - set(other):
        assert f"`{name}`" in text.split("is taken by")[1][:600], f"{name}: say it takes no --format"


def test_completion_scripts_name_every_subcommand(cli, tmp_path):
    import shutil
    import subprocess

    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    code, script, err = cli("completion", "bash")
    assert code == 0, err
    for name in commands:
        assert name in script, name
    assert "--provenance" not in script and "--quiet" in script and "--wide" in script
    path = tmp_path / "gulagstats.bash"
    path.write_text(script + "\n", encoding="utf-8")
    if shutil.which("bash"):  # the script is valid bash, and completing 'gulagstats sh' offers show
        assert subprocess.run(["bash", "-n", str(path)], capture_output=True).returncode == 0
        probe = (f"source {path}; COMP_WORDS=(gulagstats sh); COMP_CWORD=1; COMP_LINE='gulagstats sh'; "
                 "COMP_POINT=${#COMP_LINE}; _shtab_gulagstats; echo ${COMPREPLY[@]}")
        run = subprocess.run(["bash", "-c", probe], capture_output=True, text=True)
        assert "show" in run.stdout.split(), run.stdout + run.stderr
    code, zsh, _ = cli("completion", "zsh")
    assert code == 0 and zsh.startswith("#compdef gulagstats")
