"""The side column: claims, actors and glossary, stacked — or, on a small
terminal, folded into tabs that show one pane at a time."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Tab, Tabs

from .actors_pane import ActorsPane
from .claims_pane import ClaimsPane
from .corpus import Corpus
from .glossary_pane import GlossaryPane

PANES = ("claims", "actors", "glossary")


class SidePanes(Vertical):
    def __init__(self, corpus: Corpus, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.corpus = corpus

    def compose(self) -> ComposeResult:
        yield Tabs(*(Tab(name.title(), id=f"tab-{name}") for name in PANES), id="side-tabs")
        yield ClaimsPane(id="claims", classes="pane -active")
        yield ActorsPane(self.corpus, id="actors", classes="pane")
        yield GlossaryPane(id="glossary", classes="pane")

    def show_pane(self, name: str) -> None:
        """Make ``name`` the pane shown when folded into tabs."""
        for pane in PANES:
            self.query_one(f"#{pane}").set_class(pane == name, "-active")
        tabs = self.query_one(Tabs)
        if tabs.active != f"tab-{name}":
            tabs.active = f"tab-{name}"

    @on(Tabs.TabActivated, "#side-tabs")
    def _tab(self, event: Tabs.TabActivated) -> None:
        event.stop()
        if event.tab is not None and event.tab.id:
            self.show_pane(event.tab.id.removeprefix("tab-"))
