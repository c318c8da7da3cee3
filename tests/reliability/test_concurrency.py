"""Two writers: the second waits a bounded time, then says the index is busy.
A reader sees articles another process commits."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from index.ingest import add_paths
from index.store import IndexBusy, Store
from reader.cli import main
from tests.conftest import ARTICLES


HOLD_LOCK = """
import sys, time
from index.store import Store
with Store(sys.argv[1]).write_lock():
    print("locked", flush=True)
    sys.stdin.read()
"""


def test_second_writer_is_told_the_index_is_busy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    where = tmp_path / "ix"
    store = Store(where)
    add_paths(store, [ARTICLES / "budget.txt"])
    monkeypatch.setattr("index.store.WRITE_TIMEOUT", 0.5)
    # whoosh's lock is per process, so another process holds it
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(where)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(IndexBusy, match="busy"):
            add_paths(Store(where), [ARTICLES / "rates.txt"])
        code = main(["add", str(ARTICLES / "rates.txt"), "--index", str(where)])
    finally:
        holder.communicate("", timeout=30)
    err = capsys.readouterr().err
    assert code == 2 and "busy" in err and "Traceback" not in err
    assert len(store.article_headers()) == 1  # nothing half-written
    assert add_paths(store, [ARTICLES / "rates.txt"]).added  # and it works once free


def test_reader_sees_commits_from_another_process(tmp_path: Path) -> None:
    where = tmp_path / "ix"
    reader_side = Store(where)
    add_paths(reader_side, [ARTICLES / "budget.txt"])
    assert len(reader_side.article_headers()) == 1
    done = subprocess.run(
        [sys.executable, "-m", "reader", "add", str(ARTICLES / "rates.txt"), "--index", str(where)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert reader_side.refresh() is True
    assert len(reader_side.article_headers()) == 2
    assert reader_side.verify() == []
