"""The layers of src/gulagstats hold: no import cycle and no arrow upward, counting imports inside functions.

The floors are declared here as data, bottom first.  Every import of a module
of the package is an arrow, wherever it is written (at the top, inside a
function), except under ``if TYPE_CHECKING:`` (annotations only).  An arrow
may stay on its floor or go down; it never goes up.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

#: The floors of the package, bottom first: the first floor whose prefix names a module holds it.
FLOORS: list[tuple[str, tuple[str, ...]]] = [
    ("ground", ("gulagstats._version", "gulagstats.vocabulary", "gulagstats.errors",
                "gulagstats.numbers", "gulagstats.numberdigits", "gulagstats.numberwords",
                "gulagstats.inputs", "gulagstats.periods", "gulagstats.models", "gulagstats.store",
                "gulagstats.outputs", "gulagstats.render", "gulagstats.overlay", "gulagstats.loaders")),
    ("core", ("gulagstats.core",)),
    ("rules", ("gulagstats.rules",)),
    ("checks/estimates", ("gulagstats.checks", "gulagstats.estimates")),
    ("figures/factcheck/publish/coverage", ("gulagstats.figures", "gulagstats.factcheck", "gulagstats.publish",
                                            "gulagstats.coverage_table")),
    ("report", ("gulagstats.report", "gulagstats.archive")),
    ("api", ("gulagstats.api", "gulagstats.api_figures", "gulagstats")),
    ("cli", ("gulagstats.cli", "gulagstats.__main__")),
]


def floor_of(module: str) -> int:
    """The floor of a module (its index in :data:`FLOORS`); the package itself is matched exactly."""
    for index, (_, prefixes) in enumerate(FLOORS):
        if any(module == p or (p != "gulagstats" and module.startswith(p + ".")) for p in prefixes):
            return index
    raise LookupError(f"{module} is on no floor: add it to FLOORS in tests/test_imports.py")


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imported(tree: ast.Module, package: str | None) -> list[tuple[str, tuple[str, ...], bool]]:
    """Every import of a file: (module, names imported from it, True inside a function); ``TYPE_CHECKING`` skipped."""
    found: list[tuple[str, tuple[str, ...], bool]] = []

    def visit(node: ast.AST, inside: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking(child):
                for other in child.orelse:
                    visit_one(other, inside)
                continue
            visit_one(child, inside)

    def visit_one(node: ast.AST, inside: bool) -> None:
        if isinstance(node, ast.Import):
            found.extend((a.name, (), inside) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level and package:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - (node.level - 1)])
                name = f"{base}.{node.module}" if node.module else base
            else:
                name = node.module or ""
            found.append((name, tuple(a.name for a in node.names), inside))
        else:
            visit(node, inside or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)))

    visit(tree, False)
    return found


def modules(root: Path = ROOT / "src") -> dict[str, Path]:
    out = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(root).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def graph(root: Path = ROOT / "src") -> dict[str, dict[str, bool]]:
    """Module -> {module it imports: True if only inside functions}, for the modules of the package.

    ``from PACKAGE import submodule`` is an arrow to the submodule; to the
    package itself only for a name the package defines (``from . import __version__``).
    """
    known = modules(root)
    edges: dict[str, dict[str, bool]] = {}
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        mine: dict[str, bool] = {}
        for module, names, inside in imported(ast.parse(path.read_text(encoding="utf-8")), package):
            submodules = [f"{module}.{n}" for n in names if f"{module}.{n}" in known]
            targets = submodules + ([module] if len(submodules) < len(names) or not names else [])
            for target in targets:
                if target in known and target != name:
                    mine[target] = mine.get(target, True) and inside
        edges[name] = mine
    return edges


def find_cycle(edges: dict[str, set[str]] | dict[str, dict[str, bool]]) -> list[str]:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt):], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        state[node] = 2
        stack.pop()
        return []

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def upward(edges: dict[str, dict[str, bool]]) -> list[str]:
    """The arrows that run from a floor to a higher one, as ``a -> b (floor -> floor)``."""
    names = [name for name, _ in FLOORS]
    return [
        f"{a} -> {b} ({names[floor_of(a)]} -> {names[floor_of(b)]})"
        for a, targets in sorted(edges.items())
        for b in sorted(targets)
        if floor_of(b) > floor_of(a)
    ]


def test_no_import_cycle_even_inside_functions():
    assert find_cycle(graph()) == []


def test_no_arrow_runs_upward_even_inside_functions():
    assert upward(graph()) == []


def test_every_module_is_on_a_floor():
    for name in modules():
        floor_of(name)


def test_the_floors_see_an_upward_arrow_and_a_cycle(tmp_path):
    """The checks themselves can fail: a low module importing a high one, inside a function."""
    package = tmp_path / "gulagstats"
    (package / "core").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "core" / "__init__.py").write_text("")
    (package / "core" / "record.py").write_text("def f():\n    from ..report import build\n")
    (package / "report.py").write_text("from .core.record import f\nbuild = 1\n")
    (package / "errors.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .report import build\n")
    edges = graph(tmp_path)
    assert edges["gulagstats.core.record"] == {"gulagstats.report": True}
    assert edges["gulagstats.errors"] == {}  # annotations only
    assert upward(edges) == ["gulagstats.core.record -> gulagstats.report (core -> report)"]
    assert find_cycle(edges) == ["gulagstats.core.record", "gulagstats.report", "gulagstats.core.record"]


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


def test_the_loaders_and_the_overlay_do_not_need_each_other():
    edges = graph()
    assert "gulagstats.overlay" not in edges["gulagstats.loaders"]
    assert "gulagstats.loaders" not in edges["gulagstats.overlay"]


def tools_graph() -> dict[str, set[str]]:
    names = {path.stem: path for path in (ROOT / "tools").glob("*.py")}
    return {
        name: {m for m, _, _ in imported(ast.parse(path.read_text(encoding="utf-8")), None) if m in names and m != name}
        for name, path in names.items()
    }


def test_the_build_stages_import_the_kit_not_each_other():
    edges = tools_graph()
    assert "build_estimates" in edges["build_data"]
    assert "build_data" not in edges["build_estimates"]
    assert find_cycle(edges) == []


@pytest.mark.parametrize("module", ["gulagstats.api", "gulagstats.cli"])
def test_the_face_imports_no_layer_that_needs_pandas_at_its_top(module):
    """The API and the command line are read by ``gulagstats check``, which must not import pandas."""
    heavy = {"gulagstats.loaders", "gulagstats.overlay", "gulagstats.estimates", "gulagstats.figures",
             "gulagstats.report", "gulagstats.publish", "gulagstats.factcheck", "gulagstats.coverage_table",
             "gulagstats.rules.benchmarks"}
    edges = graph()
    tops = {t for name, targets in edges.items() if name == module or name.startswith(module + ".")
            for t, inside in targets.items() if not inside}
    assert {t for t in tops if any(t == h or t.startswith(h + ".") for h in heavy)} == set()


#: Modules whose names are left to the engineer rebuilding them (a collision with them is listed, not failed).
NAMES_REBUILT_ELSEWHERE: tuple[str, ...] = ()  # none left: the fact-checker's names were made its own


def top_level_names(root: Path = ROOT / "src") -> dict[str, list[str]]:
    """Every name defined at the top of a module (functions, classes, assignments), with the modules."""
    found: dict[str, list[str]] = {}
    for module, path in modules(root).items():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names = [node.name]
            elif isinstance(node, ast.Assign):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names = [node.target.id]
            else:
                names = []
            for name in names:
                if not (name.startswith("__") and name.endswith("__")):
                    found.setdefault(name, []).append(module)
    return found


def test_no_name_is_defined_at_top_level_in_two_modules():
    """Two things called the same (two Records, four judges) mislead; each name has one meaning."""
    twice = {
        name: where
        for name, where in top_level_names().items()
        if len([m for m in where if not m.startswith(NAMES_REBUILT_ELSEWHERE)]) > 1
    }
    assert twice == {}
