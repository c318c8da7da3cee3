"""``o``: every indexed article — date, source, statements and title in
columns; filter by typing (``source:NAME`` keeps one source), sort by date,
and page on through any number of articles."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from index.dates import date_sort_key, shown_date
from index.store import ArticleHeader

from .choice import Choice, value_of
from .corpus import Corpus
from .key_bar import KeyBar
from .text_layout import display_text, shorten

PAGE = 200  # rows added at a time: building thousands of rows at once stalls the screen
DEBOUNCE = 0.15  # filter once typing pauses
DATE_WIDTH = 10
SOURCE_WIDTH = 16
SORTS = ("reading order", "newest first", "oldest first")


def header_prompt(header: ArticleHeader, *, current: bool, width: int = 0, columns: tuple[bool, bool] = (True, True)) -> Text:
    """One row: date, source, statements, title (every piece is data); the
    title is cut to ``width`` cells with an ellipsis, so rows never wrap.
    ``columns`` says whether the date and source columns are shown (not
    when no article has one)."""
    text = Text(end="")
    text.append("▶ " if current else "  ", style="bold")
    if columns[0]:
        date = shown_date(header.date) or "—"
        text.append(f"{shorten(display_text(date), DATE_WIDTH):<{DATE_WIDTH}}  ", style="dim")
    if columns[1]:
        source = shorten(display_text(header.source), SOURCE_WIDTH) if header.source else "—"
        text.append(f"{source:<{SOURCE_WIDTH}}  ", style="dim")
    text.append(f"{header.statements:>4}  ", style="dim")
    title = display_text(header.title)
    room = width - text.cell_len - 1
    text.append(shorten(title, room) if width and room > 8 else title, style="bold")
    return text


def column_titles(sort: str, columns: tuple[bool, bool] = (True, True)) -> Text:
    date = "Date ↓" if sort == "newest first" else "Date ↑" if sort == "oldest first" else "Date"
    line = "  "
    if columns[0]:
        line += f"{date:<{DATE_WIDTH}}  "
    if columns[1]:
        line += f"{'Source':<{SOURCE_WIDTH}}  "
    return Text(f"{line}{'Stmt':>4}  Title", style="bold", no_wrap=True, overflow="ellipsis")


def matches(header: ArticleHeader, words: list[str]) -> bool:
    """Every word in the title, date, source, author or file name; a word
    ``source:x`` only in the source."""
    haystack = " ".join(x for x in (header.title, header.date, header.source, header.author, header.path) if x).lower()
    source = (header.source or "").lower()
    for word in words:
        if word.startswith("source:"):
            if word.removeprefix("source:") not in source:
                return False
        elif word not in haystack:
            return False
    return True


def sort_headers(headers: list[ArticleHeader], sort: str) -> list[ArticleHeader]:
    if sort == "reading order":
        return headers
    dated = sorted(headers, key=lambda h: date_sort_key(h.date), reverse=sort == "newest first")
    if sort == "newest first":  # undated last either way
        dated = [h for h in dated if date_sort_key(h.date)[0] is False] + [h for h in dated if date_sort_key(h.date)[0]]
    return dated


class HeadersLoaded(Message):
    def __init__(self, headers: list[ArticleHeader]) -> None:
        super().__init__()
        self.headers = headers


class ArticlesScreen(ModalScreen[str | None]):
    """Returns the chosen article's id, or None on Escape."""

    BINDINGS = [
        Binding("escape", "dismiss_list", "Back"),
        Binding("ctrl+s", "sort", "Sort by date", key_display="^s"),
        Binding("down", "to_list", "List", show=False),
        Binding("slash", "to_filter", "Back to the filter", show=False),
    ]

    def __init__(self, corpus: Corpus, current: str | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.current = current
        self.headers: list[ArticleHeader] = []
        self.found: list[ArticleHeader] = []
        self.shown = 0
        self.sort = SORTS[0]
        self.columns = (True, True)  # date, source: shown when any article has one
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="articles-box"):
            yield Input(placeholder="Filter by title, date, source (source:bbc) or file name", id="articles-filter")
            yield Static("Loading the list of articles…", id="articles-message", markup=False)
            yield Static(column_titles(self.sort), id="articles-columns", markup=False)
            yield OptionList(id="articles-list", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#articles-box").border_title = "Articles"
        self.query_one(Input).focus()
        self._load()

    @property
    def options(self) -> OptionList:
        return self.query_one("#articles-list", OptionList)

    @work(thread=True, exclusive=True, group="headers", exit_on_error=False)
    def _load(self) -> None:
        self.post_message(HeadersLoaded(self.corpus.headers()))

    @on(HeadersLoaded)
    def _loaded(self, message: HeadersLoaded) -> None:
        self.headers = message.headers
        self.columns = (any(h.date for h in self.headers), any(h.source for h in self.headers))
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
        self.found = sort_headers(found, self.sort)
        self.shown = 0
        self.options.clear_options()
        self._more()
        self._say(value)
        if self.found:
            index = 0
            if not words and self.sort == SORTS[0] and self.current is not None:
                index = next((i for i, h in enumerate(self.found[: self.shown]) if h.id == self.current), 0)
            self.options.highlighted = index

    def _more(self) -> None:
        """Show the next page of the list (the "more" row goes to its end)."""
        options = self.options
        if options.option_count and value_of(options.get_option_at_index(options.option_count - 1)) == "more":
            options.remove_option_at_index(options.option_count - 1)
        page = self.found[self.shown : self.shown + PAGE]
        width = options.scrollable_content_region.width
        new: list[Option] = [Choice(header_prompt(h, current=h.id == self.current, width=width, columns=self.columns), h) for h in page]
        self.shown += len(page)
        left = len(self.found) - self.shown
        if left > 0:
            label = Text.assemble(("▼ ", "bold"), (f"{min(left, PAGE)} more", "bold"), f" — Enter shows them ({self.shown} of {len(self.found)} shown)", style="italic")
            new.append(Choice(label, "more"))
        options.add_options(new)

    def _say(self, value: str) -> None:
        total = len(self.headers)
        found = len(self.found)
        if not found:
            message = f"No article matches “{value}” ({total} indexed)."
        else:
            message = f"{found} of {total} article{'s' if total != 1 else ''} · {self.sort} — ↓ to choose, Enter to open"
        self.query_one("#articles-message", Static).update(Text(message, no_wrap=True, overflow="ellipsis"))
        self.query_one("#articles-columns", Static).update(column_titles(self.sort, self.columns))

    def on_resize(self) -> None:
        if self.headers:  # rows are cut to the width: lay them out again
            highlighted = self.options.highlighted
            shown = self.shown
            self._fill(self.query_one(Input).value)
            while self.shown < shown and self.shown < len(self.found):
                self._more()
            if highlighted is not None and highlighted < self.options.option_count:
                self.options.highlighted = highlighted

    def action_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._fill(self.query_one(Input).value)

    @on(Input.Submitted, "#articles-filter")
    def _submitted(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._fill(self.query_one(Input).value)
        if len(self.found) == 1:
            self.dismiss(self.found[0].id)
        else:
            self.action_to_list()

    def action_to_filter(self) -> None:
        self.query_one(Input).focus()

    def action_to_list(self) -> None:
        if self.options.option_count:
            self.options.focus()

    def action_dismiss_list(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#articles-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        value = value_of(event.option)
        if value == "more":
            index = event.option_index
            self._more()
            self.options.highlighted = index
        elif isinstance(value, ArticleHeader):
            self.dismiss(value.id)
