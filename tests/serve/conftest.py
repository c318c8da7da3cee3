"""Fixtures for `reader serve`: indexes of their own, and one server that
the tests which only read share (starting one takes a second or two)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.serve.server import Served, serving


@pytest.fixture
def served_index(corpus_index: Path, tmp_path: Path) -> Path:
    """A copy of the session's corpus (fixture articles and the seed) that a
    test's server and tabs may change."""
    target = tmp_path / "served-index"
    shutil.copytree(corpus_index, target)
    return target


@pytest.fixture(scope="package")
def served(corpus_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """`reader serve` on a copy of the corpus, for tests whose tabs only read.
    Tabs share its session as the terminal app does: a new tab opens where
    the last one left off, in its theme."""
    index = tmp_path_factory.mktemp("served") / "index"
    shutil.copytree(corpus_index, index)
    with serving("--index", str(index)) as served:
        yield served
