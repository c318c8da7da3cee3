"""Batches of analysed articles are written in a background thread
(index.ingest.BatchWriter): every article is written once, in order, in
batches no larger than the limit; what a commit raises reaches the caller;
and the thread writes while the caller goes on."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

import index.ingest as ingest
from index.ingest import AddReport, BatchWriter
from index.models import Analysis, SourceText


def _source(number: int) -> SourceText:
    return SourceText(path=f"/news/{number}.txt", title=f"Report {number}", text=f"Report {number}\n\nIt rained.\n")


class Recorder:
    """Stands in for ``ingest._commit``: records each batch and which thread wrote it."""

    def __init__(self, delay: float = 0.0, fail_on: int | None = None) -> None:
        self.batches: list[list[str]] = []
        self.threads: set[str] = set()
        self.delay = delay
        self.fail_on = fail_on

    def __call__(self, store: Any, batch: list[tuple[SourceText, Analysis]], report: AddReport, fresh: Any) -> None:
        self.threads.add(threading.current_thread().name)
        time.sleep(self.delay)
        if self.fail_on is not None and len(self.batches) == self.fail_on:
            raise OSError(28, "No space left on device")
        self.batches.append([source.path for source, _ in batch])


@pytest.fixture
def limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "COMMIT_FROM_ARTICLES", 3)
    monkeypatch.setattr(ingest, "COMMIT_EVERY_ARTICLES", 5)
    monkeypatch.setattr(ingest, "COMMIT_EVERY_SECONDS", 3600.0)


def test_every_article_is_written_once_in_order_in_bounded_batches(monkeypatch: pytest.MonkeyPatch, limits: None) -> None:
    recorder = Recorder(delay=0.05)  # a slow writer: batches wait and grow, up to the limit
    monkeypatch.setattr(ingest, "_commit", recorder)
    with BatchWriter(store=None, report=AddReport(), fresh=None) as batches:  # type: ignore[arg-type]
        for number in range(23):
            batches.add(_source(number), Analysis())
    written = [path for batch in recorder.batches for path in batch]
    assert written == [f"/news/{n}.txt" for n in range(23)]
    assert all(len(batch) <= 5 for batch in recorder.batches)
    assert len(recorder.batches) >= 23 // 5
    assert threading.current_thread().name not in recorder.threads  # written beside the caller, not by it


def test_a_small_rest_is_written_at_the_end(monkeypatch: pytest.MonkeyPatch, limits: None) -> None:
    recorder = Recorder()
    monkeypatch.setattr(ingest, "_commit", recorder)
    with BatchWriter(store=None, report=AddReport(), fresh=None) as batches:  # type: ignore[arg-type]
        for number in range(4):
            batches.add(_source(number), Analysis())
    assert recorder.batches == [["/news/0.txt", "/news/1.txt", "/news/2.txt"], ["/news/3.txt"]]


def test_what_a_commit_raises_reaches_the_caller(monkeypatch: pytest.MonkeyPatch, limits: None) -> None:
    recorder = Recorder(fail_on=1)
    monkeypatch.setattr(ingest, "_commit", recorder)
    with pytest.raises(OSError, match="No space left"):
        with BatchWriter(store=None, report=AddReport(), fresh=None) as batches:  # type: ignore[arg-type]
            for number in range(20):
                batches.add(_source(number), Analysis())
    assert recorder.batches[0] == ["/news/0.txt", "/news/1.txt", "/news/2.txt"]


def test_an_error_of_the_caller_lets_the_batch_in_flight_finish(monkeypatch: pytest.MonkeyPatch, limits: None) -> None:
    recorder = Recorder(delay=0.2)
    monkeypatch.setattr(ingest, "_commit", recorder)
    with pytest.raises(KeyboardInterrupt):
        with BatchWriter(store=None, report=AddReport(), fresh=None) as batches:  # type: ignore[arg-type]
            for number in range(4):
                batches.add(_source(number), Analysis())
            raise KeyboardInterrupt
    # the first three were being written: a commit is whole; the fourth was never sent
    assert recorder.batches == [["/news/0.txt", "/news/1.txt", "/news/2.txt"]]


def test_batches_are_planned_from_what_is_still_to_come(monkeypatch: pytest.MonkeyPatch, limits: None) -> None:
    """Half of what is left each time, within the limits: few segments, and a
    small last batch (written while the cores idle)."""
    monkeypatch.setattr(ingest, "COMMIT_EVERY_ARTICLES", 8)
    recorder = Recorder()
    monkeypatch.setattr(ingest, "_commit", recorder)
    with BatchWriter(store=None, report=AddReport(), fresh=None, expected=23) as batches:  # type: ignore[arg-type]
        for number in range(23):
            batches.add(_source(number), Analysis())
            time.sleep(0.01)  # an idle writer: each batch goes as soon as it is due
    assert [len(batch) for batch in recorder.batches] == [8, 7, 4, 3, 1]
