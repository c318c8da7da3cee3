"""The layers the design card asks for, read from the source: `index/` never
imports Textual or `reader/`; `reader/` never imports whoosh; the user-state,
anchoring and export modules need no Textual."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imported(path: Path) -> set[str]:
    """Top-level names of every module ``path`` imports (anywhere in it)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def sources(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("path", sources("reader"), ids=lambda p: str(p.relative_to(ROOT)))
def test_reader_imports_no_whoosh(path: Path) -> None:
    assert "whoosh" not in imported(path)


@pytest.mark.parametrize("path", sources("index"), ids=lambda p: str(p.relative_to(ROOT)))
def test_index_imports_neither_textual_nor_reader(path: Path) -> None:
    assert not imported(path) & {"textual", "reader"}


@pytest.mark.parametrize("name", ["reader/userstate.py", "reader/export.py", "index/anchors.py", "reader/widgets/text_layout.py"])
def test_the_reader_state_and_export_need_no_textual(name: str) -> None:
    assert "textual" not in imported(ROOT / name)
