"""Several browser tabs, one index: tabs read while any writer works, and
writers from two sessions at once leave the index whole."""

from __future__ import annotations

import asyncio
import os
import re
import shlex
from pathlib import Path

import pytest

from index.glossary import entry_for_term
from index.query import entry_occurrences
from index.store import Store
from reader.serve import session_command
from tests.conftest import ARTICLES
from tests.serve.server import serving
from tests.serve.webterm import ServedSession, WebTerminal

INDEXED = re.compile(r"Index: |Indexing failed: ")  # the status line after an indexing run, or "the index is busy"
OMBUDSMAN = (
    '[[entry]]\nid = "rights-ombudsman"\nterm = "rights ombudsman"\ncategory = "concept"\n'
    'summary = "An official who investigates complaints against public bodies. The office exists in many countries."\n'
    'reference = "Encyclopaedia Britannica, ombudsman"\n'
)


async def test_two_tabs_opening_after_the_glossary_changed_leave_the_index_whole(served_index: Path) -> None:
    """Each tab's app re-links the index when the glossary changed, so two
    tabs opened at once are two writers at once.  Then the server stops with
    both tabs open: it closes them and ends their apps."""
    with serving("--index", str(served_index)) as served:
        user = Path(os.environ["READER_GLOSSARY_DIR"])
        user.mkdir(exist_ok=True)
        (user / "mine.toml").write_text(OMBUDSMAN, encoding="utf-8")
        async with WebTerminal(served.url) as first, WebTerminal(served.url) as second:
            await asyncio.gather(first.wait_for("Claims"), second.wait_for("Claims"))
            assert len(served.children()) == 2
            await asyncio.gather(*(tab.wait_for("The glossary changed", timeout=30) for tab in (first, second)))
            await asyncio.to_thread(served.stop)  # Ctrl-C with both tabs open: exits 0, leaves no app behind
            await asyncio.wait_for(asyncio.gather(first.closed.wait(), second.closed.wait()), 5)
    store = Store(served_index)
    try:
        assert store.verify() == []
        headers = store.article_headers()
        assert len({h.id for h in headers}) == len(headers) == 6
        entry = entry_for_term("rights ombudsman", store.glossary_entries())
        assert entry is not None and [h.title for h, _ in entry_occurrences(store, entry.id)] == [
            "Fighting escalates over Nagorno-Karabakh as both sides accuse each other of hitting civilians"
        ]
    finally:
        store.close()


@pytest.mark.slow
async def test_two_sessions_adding_files_at_once_leave_the_index_whole(tmp_path: Path) -> None:
    index = tmp_path / "index"
    Store(index).close()
    ours = [ARTICLES / "budget.txt", ARTICLES / "rates.txt"]
    theirs = [ARTICLES / "rates.txt", ARTICLES / "bombing.txt"]  # one file in both
    # each session runs `reader FILE…` on the served index, as `reader serve` runs its tabs
    sessions = [ServedSession(session_command(index) + " " + shlex.join(map(str, files))) for files in (ours, theirs)]
    async with sessions[0], sessions[1]:
        screens = await asyncio.gather(*(s.wait_for(INDEXED, timeout=90) for s in sessions))
    status = [screen.splitlines()[-2] for screen in screens]
    store = Store(index)
    try:
        assert store.verify() == [], status
        headers = store.article_headers()
        paths = sorted(Path(h.path).name for h in headers)
        assert paths == ["bombing.txt", "budget.txt", "rates.txt"], status  # each file once
        assert len({h.seq for h in headers}) == len(headers), [(h.seq, h.path) for h in headers]
    finally:
        store.close()
