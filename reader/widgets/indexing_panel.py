"""Indexing in the background: a thread worker runs the ingest and this
panel, above the text, shows its progress; the rest of the app keeps working.

The panel says what happened with :class:`IndexingDone` or
:class:`IndexingFailed`; it never opens articles itself.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import ProgressBar, Static

from ..messages import IndexingDone, IndexingFailed, IndexProgress
from .corpus import Corpus

SEED_LABEL = "Indexing the bundled article… (the language model takes a few seconds to load)"


class IndexingPanel(Vertical):
    """Hidden until :meth:`seed` or :meth:`add` starts a run."""

    def __init__(self, corpus: Corpus, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.corpus = corpus

    def compose(self) -> ComposeResult:
        yield Static("", id="indexing-label", markup=False)
        yield ProgressBar(total=None, show_eta=False, id="indexing-bar")

    def seed(self) -> None:
        """Index the bundled articles (first run, empty index)."""
        self._start(SEED_LABEL)
        self._ingest(None)

    def add(self, paths: list[str]) -> None:
        """Add files and folders (``reader PATH…``)."""
        count = len(paths)
        self._start(f"Adding {count} path{'s' if count != 1 else ''} to the index…")
        self._ingest(paths)

    def _start(self, label: str) -> None:
        self.query_one("#indexing-label", Static).update(label)
        self.query_one(ProgressBar).update(total=None, progress=0)
        self.display = True

    @work(thread=True, exclusive=True, group="ingest", exit_on_error=False)
    def _ingest(self, paths: list[str] | None) -> None:
        from index.ingest import add_paths, collect_files, ensure_seeded  # spaCy loads in here, never at start-up

        def progress(done: int, total: int, path: str) -> None:
            self.post_message(IndexProgress(done, total, f"Indexed {done} of {total}: {Path(path).name}"))

        store = self.corpus.store
        first = None
        try:
            if paths is None:
                report = ensure_seeded(store, progress=progress)
            else:
                files, _ = collect_files(paths)
                report = add_paths(store, paths, progress=progress)
                first = str(files[0]) if files else None
        except Exception as exc:  # shown on screen; the app keeps running
            self.post_message(IndexingFailed(f"{type(exc).__name__}: {exc}"))
            return
        self.corpus.invalidate()
        opened = self.corpus.article_for_path(first) if first else None
        summary = report.summary() if report is not None else "nothing to do"
        self.post_message(IndexingDone(opened, summary, list(report.failed) if report is not None else []))

    def on_index_progress(self, message: IndexProgress) -> None:
        message.stop()
        if message.label:
            self.query_one("#indexing-label", Static).update(message.label)
        if message.total:
            self.query_one(ProgressBar).update(total=message.total, progress=message.done)

    def on_indexing_done(self, message: IndexingDone) -> None:
        self.display = False  # and let the message bubble to the screen

    def on_indexing_failed(self, message: IndexingFailed) -> None:
        self.display = False
