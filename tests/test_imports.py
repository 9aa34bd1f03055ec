"""The module graph of src/ and tools/ has no import cycle (module-level imports)."""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT


def module_imports(path: Path, package: str | None, inside_functions: bool = False) -> set[str]:
    """Modules a file imports: at its top level (not for type checkers), or anywhere."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree) if inside_functions else tree.body:
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level and package:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                name = f"{base}.{node.module}" if node.module else base
                found.add(name)
                found |= {f"{name}.{a.name}" for a in node.names}
            elif node.module:
                found.add(node.module)
    return found


def graph(inside_functions: bool = False) -> dict[str, set[str]]:
    modules: dict[str, Path] = {}
    for path in (ROOT / "src").rglob("*.py"):
        parts = path.relative_to(ROOT / "src").with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    for path in (ROOT / "tools").glob("*.py"):
        modules[path.stem] = path
    edges = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0] or None
        edges[name] = {m for m in module_imports(path, package, inside_functions) if m in modules and m != name}
    return edges


def find_cycle(edges: dict[str, set[str]]) -> list[str]:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges[node]):
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


def test_no_import_cycle_in_src_or_tools():
    assert find_cycle(graph()) == []


def test_the_loaders_and_the_overlay_do_not_need_each_other_even_inside_functions():
    edges = graph(inside_functions=True)
    assert "gulagstats.overlay" in edges["gulagstats.loaders"]
    assert "gulagstats.loaders" not in edges["gulagstats.overlay"]


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


def test_the_build_stages_import_the_kit_not_each_other():
    edges = graph()
    assert "build_estimates" in edges["build_data"]
    assert "build_data" not in edges["build_estimates"]
