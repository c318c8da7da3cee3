"""Killing `reader add` at random moments never leaves half an article.

Each round starts `reader add` on a folder of small articles in a child
process, kills it (SIGKILL or SIGINT) at a random moment, then checks that
the index opens, answers a query and holds only whole articles; a last run
completes the rest.  READER_KILL_ROUNDS sets the rounds (CI runs a few;
`READER_KILL_ROUNDS=20 pytest tests/reliability` runs the full check).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.query import search
from index.store import Store, StoreError

ROUNDS = int(os.environ.get("READER_KILL_ROUNDS", "4"))
ARTICLES = 36

SPEAKERS = ["Maria Lindqvist", "Tomas Berg", "the defence ministry", "Anna Kovacs", "the union"]
TOPICS = ["the bridge", "the budget", "the harvest", "the border", "the election", "the port"]


def write_batch(folder: Path, batch: int) -> None:
    """``ARTICLES`` new articles, so every round has work to interrupt."""
    rng = random.Random(batch)
    folder.mkdir(exist_ok=True)
    for number in range(batch * ARTICLES, (batch + 1) * ARTICLES):
        speaker, topic = rng.choice(SPEAKERS), rng.choice(TOPICS)
        lines = [f"Report {number} on {topic}", ""]
        for paragraph in range(4):
            lines.append(
                f"{speaker.capitalize()} said on Monday that {topic} would reopen within {paragraph + 2} weeks. "
                f"\u201cWe are ready,\u201d {speaker} told reporters in paragraph {paragraph} of report {number}."
            )
            lines.append("")
        (folder / f"report_{number:03d}.txt").write_text("\n".join(lines), encoding="utf-8")


def start_add(folder: Path, index: Path, tmp: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "READER_INDEX": str(index),
        "READER_GLOSSARY_DIR": str(tmp / "user-glossary"),
        "READER_COMMIT_EVERY": "3",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "reader", "add", str(folder)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def check_whole(index: Path) -> int:
    """The index opens, answers a query, and every article in it is whole."""
    try:
        store = Store(index, create=False)
    except StoreError as exc:
        assert "no index" in str(exc), exc  # killed before the index existed
        return 0
    try:
        assert store.verify() == []
        result = search(store, "reopen")
        assert result.error is None
        count = len(store.article_headers())
        for header in store.article_headers():
            article = store.article(header.id)
            assert article is not None and article.text.startswith("Report")
        return count
    finally:
        store.close()


@pytest.mark.slow
def test_random_kills_lose_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    index = tmp_path / "index"
    rng = random.Random(int(os.environ.get("READER_KILL_SEED", "2026")))
    seen_counts = []
    mid_run = 0
    for round_number in range(ROUNDS):
        write_batch(folder, round_number)
        process = start_add(folder, index, tmp_path)
        time.sleep(rng.uniform(0.3, 4.0))
        mid_run += process.poll() is None
        sig = signal.SIGKILL if round_number % 2 == 0 else signal.SIGINT
        process.send_signal(sig)
        _, stderr = process.communicate(timeout=60)
        assert b"Traceback" not in stderr, stderr.decode(errors="replace")
        seen_counts.append(check_whole(index))
        assert seen_counts[-1] <= ARTICLES * (round_number + 1)
    print(f"{mid_run} of {ROUNDS} kills landed while `reader add` ran; articles after each: {seen_counts}")
    final = start_add(folder, index, tmp_path)
    _, stderr = final.communicate(timeout=300)
    assert final.returncode == 0, stderr.decode(errors="replace")
    assert check_whole(index) == ARTICLES * ROUNDS  # the re-run completed the rest
    assert seen_counts == sorted(seen_counts)  # progress is never lost
