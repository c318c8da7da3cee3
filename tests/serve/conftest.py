"""Fixtures for `reader serve`: an index of its own for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture
def served_index(corpus_index: Path, tmp_path: Path) -> Path:
    """A copy of the session's corpus (fixture articles and the seed) that a
    test's server and tabs may change."""
    target = tmp_path / "served-index"
    shutil.copytree(corpus_index, target)
    return target
