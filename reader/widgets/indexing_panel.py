"""A progress panel above the text while articles are being indexed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import ProgressBar, Static


class IndexingPanel(Vertical):
    """Hidden until :meth:`start`; the rest of the app keeps working."""

    def compose(self) -> ComposeResult:
        yield Static("", id="indexing-label", markup=False)
        yield ProgressBar(total=None, show_eta=False, id="indexing-bar")

    def start(self, label: str) -> None:
        self.query_one("#indexing-label", Static).update(label)
        self.query_one(ProgressBar).update(total=None, progress=0)
        self.display = True

    def progress(self, done: int, total: int, label: str) -> None:
        if label:
            self.query_one("#indexing-label", Static).update(label)
        if total:
            self.query_one(ProgressBar).update(total=total, progress=done)

    def finish(self) -> None:
        self.display = False
