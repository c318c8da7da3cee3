"""Shared fixtures: every test runs against its own index and glossary dirs.

Nothing here reads the shared corpora or the user's real data directory.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = FIXTURES / "articles"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_ebbc1b3b34e9d41b.txt"


@pytest.fixture(scope="session", autouse=True)
def isolated_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The same for session-wide fixtures (a served app, a shared index), which
    start before any per-test fixture: nothing may reach the real data dir."""
    root = tmp_path_factory.mktemp("session-dirs")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_DATA_HOME", str(root / "data"))
        mp.setenv("READER_INDEX", str(root / "index"))
        mp.setenv("READER_GLOSSARY_DIR", str(root / "user-glossary"))
        mp.setenv("READER_STATE_DIR", str(root / "state"))
        yield root


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the index and the user glossary at throw-away folders."""
    monkeypatch.setenv("READER_INDEX", str(tmp_path / "index"))
    monkeypatch.setenv("READER_GLOSSARY_DIR", str(tmp_path / "user-glossary"))
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path / "state"))
    return tmp_path


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    """A writable copy of the fixture articles."""
    target = tmp_path / "articles"
    shutil.copytree(ARTICLES, target)
    return target


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One index of the fixture articles and the seed, built once per session."""
    from index.ingest import add_paths
    from index.store import Store

    root = tmp_path_factory.mktemp("corpus")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("READER_GLOSSARY_DIR", str(root / "user-glossary"))
        store = Store(root / "index")
        report = add_paths(store, [ARTICLES, SEED], processes=1)
        assert report.ok, report.failed
        store.close()
    yield root / "index"
