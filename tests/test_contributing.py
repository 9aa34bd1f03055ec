"""CONTRIBUTING's recipes are data rows only, and the rows it shows work as it says.

Each recipe of the section "Recipes: the rows to add" is read from CONTRIBUTING.md itself (so
the document cannot drift from what is tested): every block of the section names its file on
the fence line (```` ```csv tools/curated/check_rules.csv ````).  A recipe's rows are added to a
copy of the inputs of ``tools/`` (no Python is touched), the copy is built by the real build
(``tools/build_data.py:build``), and the new thing must be there: the estimate judged, the rule
evaluated, the table loaded, the quantity assessed and read in a sentence.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import build_data

from .conftest import PROSE, ROOT, needs_texts

CONTRIBUTING = ROOT / "CONTRIBUTING.md"
SECTION = "## Recipes: the rows to add"
#: A recipe starts at a bold sentence "**A ...**" of the section.
RECIPE = re.compile(r"^\*\*(A [^*]+?)\.\*\*", re.MULTILINE)
BLOCK = re.compile(r"^```(\w+) (tools/\S+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def recipes_section() -> str:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    section = text[text.index(SECTION):]
    return section[: section.index("\n## ", len(SECTION))]


def recipes() -> dict[str, list[tuple[str, str]]]:
    """The recipes of CONTRIBUTING, by their bold title: (file under the repository, the rows)."""
    section = recipes_section()
    starts = [(m.start(), m.group(1)) for m in RECIPE.finditer(section)]
    out: dict[str, list[tuple[str, str]]] = {}
    for (start, title), (end, _) in zip(starts, [*starts[1:], (len(section), "")], strict=True):
        out[title] = [(m.group(2), m.group(3)) for m in BLOCK.finditer(section, start, end)]
    return out


def test_the_section_has_the_four_recipes_and_every_block_names_a_file_of_the_inputs():
    found = recipes()
    assert list(found) == ["A published estimate", "A consistency rule", "A table of cells", "A fact-check quantity"]
    fences = re.findall(r"^```", recipes_section(), re.MULTILINE)
    assert len(fences) == 2 * sum(len(blocks) for blocks in found.values())  # no block the test skips
    for blocks in found.values():
        assert blocks
        for path, rows in blocks:
            assert not path.endswith(".py"), f"{path}: a recipe is data only"
            assert rows.strip()
            assert (ROOT / path).parent.is_dir()


def apply(blocks: list[tuple[str, str]], tools: Path) -> None:
    """Add each block's rows to its file in the copy ``tools`` (a new file is created)."""
    for path, rows in blocks:
        target = tools / Path(path).relative_to("tools")
        before = target.read_text(encoding="utf-8") if target.exists() else ""
        if before and not before.endswith("\n"):
            before += "\n"
        separator = "\n" if target.suffix == ".toml" else ""
        target.write_text(before + separator + rows, encoding="utf-8")


@pytest.fixture
def built(tmp_path, monkeypatch):
    """Build a copy of the inputs with one recipe's rows added; the loaders then read it."""

    def build(title: str):
        from gulagstats.core.record import Record

        tools = tmp_path / "tools"
        for name in ("curated", "reference"):
            shutil.copytree(ROOT / "tools" / name, tools / name)
        for name in ("catalog.toml", "vocabulary.csv"):
            shutil.copy(ROOT / "tools" / name, tools / name)
        apply(recipes()[title], tools)
        out = tmp_path / "data"
        build_data.build(out, tools / "reference", PROSE, tools=tools)
        monkeypatch.setenv("GULAGSTATS_DATA", str(out))
        return Record()

    return build


@needs_texts
def test_a_published_estimate_is_judged(built):
    from gulagstats.api import compare

    row = compare("camp_population", record=built("A published estimate")).set_index("id").loc["doe2001-camp-population"]
    assert (row.low, row.source) == (1300000, "doe2001")
    assert (row.verdict, int(row.benchmark_low)) == ("consistent", 1317195)


@needs_texts
def test_a_consistency_rule_is_evaluated(built):
    from gulagstats.api import check_results

    results = {r.id: r for r in check_results(family="prose", record=built("A consistency rule"))}
    result = results["prose.L061.rose_1937_1938"]
    assert result.verdict == "consistent"
    assert "175,487" in result.expectation


@needs_texts
def test_a_table_of_cells_is_loaded(built):
    record = built("A table of cells")
    assert "camp_industry" in record.cell_tables()
    frame = record.frame("camp_industry")
    assert frame[["period", "category", "value", "source"]].values.tolist() == [
        ["1940-01-01", "timber_felling", 300000, "doe2001"]
    ]


@needs_texts
def test_a_fact_check_quantity_is_assessed_and_read_in_a_sentence(built, tmp_path):
    built("A fact-check quantity")
    # the code reads its vocabulary from the data/ beside it, once, at import: a new quantity is
    # known to the code of a checkout whose data/ was rebuilt, in a new process
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "src" / "gulagstats", checkout / "src" / "gulagstats",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(tmp_path / "data", checkout / "data")
    script = (
        "import json\n"
        "from gulagstats.api import assess\n"
        "from gulagstats.factcheck.run import check_text\n"
        "a = assess('camp_escapes', 58000, period='1937')\n"
        "frames = check_text('58,000 prisoners escaped from the camps in 1937.').frames\n"
        "print(json.dumps([a.verdict, a.benchmark.low, [(f.mention, f.quantity, f.period) for f in frames]]))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "GULAGSTATS_DATA"} | {"PYTHONPATH": str(checkout / "src")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    verdict, benchmark, frames = json.loads(done.stdout)
    assert (verdict, benchmark) == ("consistent", 58264)
    assert frames == [["58,000", "camp_escapes", "1937"]]
