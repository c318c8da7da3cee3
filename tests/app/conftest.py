"""Fixtures for the Pilot tests: a hand-made index and an app on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from index.store import Store
from reader.app import GuidedReaderApp

from .builder import build_index


@pytest.fixture
def index_path(tmp_path: Path) -> Path:
    return build_index(tmp_path / "index")


@pytest.fixture
def store(index_path: Path) -> Iterator[Store]:
    store = Store(index_path)
    yield store
    store.close()


@pytest.fixture
def app(store: Store) -> GuidedReaderApp:
    return GuidedReaderApp(store)


async def settle(pilot: Pilot) -> None:
    """Wait until every worker (and what their results start) has finished."""
    app = pilot.app
    for _ in range(20):
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in app.workers):
            return
