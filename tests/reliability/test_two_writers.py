"""Two writers at once (issue 10, item 9): writers serialise across
processes for the whole read-decide-write step, so two `reader add` on the
same folder index each article once, and on different folders they never
hand out the same sequence number."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from index.ingest import add_paths
from index.store import Store

ARTICLES = 12


def write_folder(folder: Path, topic: str) -> None:
    folder.mkdir(parents=True)
    for number in range(ARTICLES):
        (folder / f"{topic}_{number:02d}.txt").write_text(
            f"{topic.title()} report {number}\n\nThe clerk said item {number} about {topic} was filed on Monday.\n",
            encoding="utf-8",
        )


def add_side_by_side(where: Path, first: Path, second: Path) -> None:
    command = [sys.executable, "-m", "reader", "add", "--index", str(where)]
    runs = [subprocess.Popen([*command, str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for folder in (first, second)]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err


def check(where: Path, expected: int) -> None:
    store = Store(where)
    headers = store.article_headers()
    assert len(headers) == expected, sorted(h.path for h in headers)
    assert len({h.path for h in headers}) == expected  # no article twice
    seqs = [h.seq for h in headers]
    assert len(set(seqs)) == expected, sorted(seqs)  # no sequence number twice
    assert store.verify() == []
    assert store.next_seq() > max(seqs)
    store.close()


def test_two_adds_of_the_same_folder_index_each_article_once(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write_folder(folder, "harbour")
    add_side_by_side(tmp_path / "ix", folder, folder)
    check(tmp_path / "ix", ARTICLES)


def test_two_adds_of_different_folders_get_unique_sequence_numbers(tmp_path: Path) -> None:
    write_folder(tmp_path / "a", "harbour")
    write_folder(tmp_path / "b", "railway")
    add_side_by_side(tmp_path / "ix", tmp_path / "a", tmp_path / "b")
    check(tmp_path / "ix", 2 * ARTICLES)


def test_two_threads_of_one_process_add_side_by_side(tmp_path: Path) -> None:
    """A server with several sessions adding files: threads of one process."""
    write_folder(tmp_path / "a", "harbour")
    write_folder(tmp_path / "b", "railway")
    where = tmp_path / "ix"
    Store(where).close()
    problems: list[str] = []

    def add(folder: Path) -> None:
        try:
            report = add_paths(Store(where), [folder], processes=1)
            problems.extend(report.failed)
        except Exception as exc:  # noqa: BLE001 - reported below
            problems.append(repr(exc))

    threads = [threading.Thread(target=add, args=(tmp_path / name,)) for name in ("a", "b", "a")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert problems == []
    check(where, 2 * ARTICLES)


def open_fresh(where: str, start: object) -> None:
    start.wait()  # type: ignore[attr-defined]
    Store(where).close()


def test_processes_opening_a_fresh_index_at_once_all_open_it(tmp_path: Path) -> None:
    """Two `reader add` on a folder with no index yet both created it:
    whoosh's "File '_MAIN_0.toc' exists" stopped one of them."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    for attempt in range(5):
        where = tmp_path / f"fresh{attempt}"
        start = context.Barrier(6)
        runs = [context.Process(target=open_fresh, args=(str(where), start)) for _ in range(6)]
        for run in runs:
            run.start()
        for run in runs:
            run.join(60)
        assert [run.exitcode for run in runs] == [0] * 6
        assert Store(where, create=False).article_headers() == []
