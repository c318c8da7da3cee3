"""``o``: every indexed article — title, date, source, statements — filterable."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from index.store import ArticleHeader

from .corpus import Corpus
from .text_layout import display_text

SHOWN = 250  # more rows than anyone scrolls through: type to narrow
DEBOUNCE = 0.15  # filter once typing pauses


def header_prompt(header: ArticleHeader, *, current: bool) -> Text:
    text = Text(end="")
    text.append("▶ " if current else "  ", style="bold")
    text.append(display_text(header.title), style="bold")
    meta = [m for m in (header.date, header.source) if m]
    meta.append(f"{header.statements} statement{'s' if header.statements != 1 else ''}")
    text.append("\n  ")
    text.append(display_text(" · ".join(meta)), style="dim")
    return text


def matches(header: ArticleHeader, words: list[str]) -> bool:
    haystack = " ".join(x for x in (header.title, header.date, header.source, header.path) if x).lower()
    return all(word in haystack for word in words)


class ArticlesScreen(ModalScreen[str | None]):
    """Returns the chosen article's id, or None on Escape."""

    BINDINGS = [
        Binding("escape", "dismiss_list", "Back"),
        Binding("down", "to_list", "List", show=False),
        Binding("slash", "to_filter", "Back to the filter", show=False),
    ]

    def __init__(self, corpus: Corpus, current: str | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.current = current
        self.headers: list[ArticleHeader] = []
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="articles-box"):
            yield Input(placeholder="Filter by title, date, source or file name", id="articles-filter")
            yield Static("Loading the list of articles…", id="articles-message", markup=False)
            yield OptionList(id="articles-list", markup=False)

    def on_mount(self) -> None:
        self.query_one("#articles-box").border_title = "Articles"
        self.query_one(Input).focus()
        self._load()

    @work(thread=True, exclusive=True, group="headers", exit_on_error=False)
    def _load(self) -> None:
        headers = self.corpus.headers()
        self.app.call_from_thread(self._loaded, headers)

    def _loaded(self, headers: list[ArticleHeader]) -> None:
        self.headers = headers
        self._fill(self.query_one(Input).value)

    @on(Input.Changed, "#articles-filter")
    def _filter(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self.headers:
            value = event.value
            self._timer = self.set_timer(DEBOUNCE, lambda: self._fill(value))

    def _fill(self, value: str) -> None:
        words = value.lower().split()
        found = [h for h in self.headers if matches(h, words)] if words else self.headers
        shown = found[:SHOWN]
        options = [Option(header_prompt(h, current=h.id == self.current), id=h.id) for h in shown]
        articles = self.query_one(OptionList)
        articles.set_options(options)
        total = len(self.headers)
        if not found:
            message = f"No article matches “{value}” ({total} indexed)."
        elif len(found) > len(shown):
            message = f"{len(found)} of {total} articles, showing the first {len(shown)} — type to narrow"
        else:
            message = f"{len(found)} of {total} article{'s' if total != 1 else ''} — ↓ to choose, Enter to open"
        self.query_one("#articles-message", Static).update(message)
        if options:
            index = next((i for i, h in enumerate(shown) if h.id == self.current), 0) if not words else 0
            articles.highlighted = index

    @on(Input.Submitted, "#articles-filter")
    def _submitted(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._fill(self.query_one(Input).value)
        articles = self.query_one(OptionList)
        if articles.option_count == 1:
            self.dismiss(articles.get_option_at_index(0).id)
        else:
            self.action_to_list()

    def action_to_filter(self) -> None:
        self.query_one(Input).focus()

    def action_to_list(self) -> None:
        articles = self.query_one(OptionList)
        if articles.option_count:
            articles.focus()

    def action_dismiss_list(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#articles-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
