"""``index/analysis`` read from the source: no import circle between its
modules (issue 11: actors, attribution and the pipeline used to import each
other) and no module importing another's private (``_name``) names."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "index" / "analysis"


def _imports(path: Path) -> list[ast.ImportFrom]:
    """Every ``from … import …`` of the file, at any depth (imports inside
    functions close circles at run time too)."""
    return [n for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(n, ast.ImportFrom)]


def _sibling(node: ast.ImportFrom, modules: set[str]) -> set[str]:
    """The modules of the package a ``from`` import names."""
    if node.level == 1:
        if node.module:
            return {node.module.split(".")[0]} & modules
        return {a.name for a in node.names} & modules  # "from . import actors"
    if node.level == 0 and node.module and node.module.startswith("index.analysis."):
        return {node.module.split(".")[2]} & modules
    return set()


def graph() -> dict[str, set[str]]:
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    return {
        p.stem: {m for node in _imports(p) for m in _sibling(node, modules)} - {p.stem}
        for p in PACKAGE.glob("*.py")
        if p.stem != "__init__"  # the package's face: it re-exports, nothing imports it back
    }


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    found: list[list[str]] = []

    def walk(start: str, node: str, path: list[str]) -> None:
        for nxt in sorted(g.get(node, ())):
            if nxt == start:
                found.append([*path, nxt])
            elif nxt not in path and nxt > start:  # each circle once, from its smallest module
                walk(start, nxt, [*path, nxt])

    for start in sorted(g):
        walk(start, start, [start])
    return found


def test_the_analysis_package_has_no_import_circle() -> None:
    g = graph()
    assert {"pipeline", "attribution", "actors", "components"} <= set(g)
    assert cycles(g) == []


def test_the_circle_finder_finds_circles() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_no_module_imports_private_names(path: Path) -> None:
    private = [
        a.name
        for node in _imports(path)
        if node.level > 0 or (node.module or "").startswith("index")
        for a in node.names
        if a.name.startswith("_") and a.name != "__future__"
    ]
    assert private == []
