"""The Guided Reader app: one reading screen, a few modal screens, the keys
that work everywhere, and the reader's own state (history, bookmarks,
highlights, the theme) kept in :mod:`reader.userstate`.

Everything else lives in ``reader.widgets`` (one module per widget or screen)
and ``reader.reader.tcss``; this module stays small on purpose.  Nothing here
imports spaCy: only indexing does, inside a worker.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from index.store import Store

from . import toast_fix
from .inert import notify_inert
from .userstate import UserState, index_key
from .widgets.actors_pane import ActorsPane
from .widgets.annotations_screen import AnnotationsScreen
from .widgets.article_view import ArticleView
from .widgets.articles_screen import ArticlesScreen
from .widgets.corpus import Corpus
from .widgets.entry_card import EntryCardScreen
from .widgets.help_screen import HelpScreen, binding_rows
from .widgets.palette import ReaderCommands
from .widgets.reader_screen import ReaderScreen
from .widgets.search_screen import SearchScreen
from .widgets.tour_panel import TourPanel

DARK, LIGHT = "textual-dark", "textual-light"

toast_fix.install()


class GuidedReaderApp(App[None]):
    """Read news with its claims, actors and background made visible."""

    CSS_PATH = "reader.tcss"
    TITLE = "Guided Reader"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", key_display="?"),
        Binding("d", "toggle_theme", "Light/dark", show=False),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(
        self, store: Store, *, paths: Sequence[str] = (), userstate: UserState | None = None, article: str | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.corpus = Corpus(store)
        self.paths = list(paths)
        self.article = article  # open this article first (`reader open ID`)
        self.userstate = userstate or UserState()

    def on_mount(self) -> None:
        if self.userstate.notice:
            notify_inert(self, self.userstate.notice, severity="warning", timeout=10)
        theme = self.userstate.setting("theme")
        if theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        key = index_key(self.store.path)
        self.push_screen(ReaderScreen(self.corpus, self.userstate, key, paths=self.paths, article=self.article))

    INDEX_POLL_SECONDS = 2.0

    def on_ready(self) -> None:
        self.set_interval(self.INDEX_POLL_SECONDS, self.check_index)
        if self.is_web:  # a browser tab of `reader serve`: end with the server, even one killed outright
            self.set_interval(self.INDEX_POLL_SECONDS, partial(self.exit_if_orphaned, os.getppid()))
        # Textual keeps many long-lived objects; full collections of them
        # stalled a jump by up to 60 ms.  Freeze what start-up built.
        gc.freeze()

    def exit_if_orphaned(self, server: int) -> None:
        """Quit once the serving process is gone: a served app whose server
        was killed would otherwise run on with no browser to show it."""
        if os.getppid() != server:
            self.exit()

    def check_index(self) -> bool:
        """Notice articles another process (`reader add`) committed, so they
        show up without restarting; True when the index changed."""
        try:
            changed = self.store.ix.latest_generation() != self.store.generation()
        except OSError:
            return False
        if changed:
            before = len(self.corpus.headers())
            self.corpus.invalidate()
            added = len(self.corpus.headers()) - before
            if added > 0:
                self.notify(f"{added} new article{'s' if added != 1 else ''} in the index — press o to list them", markup=False)
        return changed

    def _theme_changed(self, theme: object) -> None:
        self.userstate.set_setting("theme", self.theme)

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.current_theme.dark else DARK

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.key_sections()))

    def key_sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Every key, grouped by where it works, read from the bindings."""
        everywhere = binding_rows(self, self.BINDINGS) + [("`ctrl+p`", "Command palette: every action by name")]
        return [
            ("Everywhere", everywhere),
            ("Reading", binding_rows(self, ReaderScreen.BINDINGS)),
            ("Text pane", binding_rows(self, ArticleView.BINDINGS)),
            ("Actors pane", binding_rows(self, ActorsPane.BINDINGS)),
            ("Guided tour", binding_rows(self, TourPanel.BINDINGS)),
            ("Search", binding_rows(self, SearchScreen.BINDINGS) + [("`enter`", "Search now / open the chosen result")]),
            ("Articles list", binding_rows(self, ArticlesScreen.BINDINGS) + [("`enter`", "Open the chosen article")]),
            ("Bookmarks, highlights and notes", binding_rows(self, AnnotationsScreen.BINDINGS) + [("`enter`", "Open the article there")]),
            ("Background card", binding_rows(self, EntryCardScreen.BINDINGS) + [("`enter`", "Follow a related entry / open an article")]),
        ]


def run_app(paths: list[str], index: str | None = None, article: str | None = None) -> int:
    """Open the app on the index (``reader PATH…`` adds and opens PATH first;
    ``article`` opens that article)."""
    store = Store(Path(index) if index else None)
    userstate = UserState()
    try:
        app = GuidedReaderApp(store, paths=paths, userstate=userstate, article=article)
        app.run()
    finally:
        store.close()
        userstate.close()
    return app.return_code or 0
