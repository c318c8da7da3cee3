"""Search over the whole index: articles, statements and glossary entries.

Results come as you type (debounced, in a thread worker that reports with
a message) or at once on Enter; a query the index cannot run shows its
one-line reason, and "did you mean" is offered, selectable, when nothing
matches.  The last option of a full page loads the next page.
"""

from __future__ import annotations

from dataclasses import dataclass

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
from textual.worker import get_current_worker

from index.query import Hit, SearchResult, search

from ..speaker_labels import speaker_label
from .choice import Choice, value_of
from .corpus import Corpus
from .key_bar import KeyBar
from .text_layout import display_text

TYPES = ("article", "statement", "glossary")
LIMIT = 40  # results per page
DEBOUNCE = 0.25
SUGGESTION = "suggestion"
LABELS = {"article": "article", "statement": "statement", "glossary": "glossary"}


@dataclass(frozen=True, slots=True)
class Suggestion:
    """The "did you mean" option: the corrected query."""

    query: str


@dataclass(frozen=True, slots=True)
class NextPage:
    """The "more results" option: the page that starts at ``offset``."""

    offset: int


class SearchDone(Message):
    """A page of results from the search worker."""

    def __init__(self, result: SearchResult, offset: int) -> None:
        super().__init__()
        self.result = result
        self.offset = offset


@dataclass(slots=True)
class SearchChoice:
    """The result the reader picked, with the query that found it."""

    query: str
    hit: Hit


def hit_prompt(hit: Hit) -> Text:
    """Two or three lines: what it is and where, then the snippet."""
    text = Text(end="")
    text.append(f"{LABELS.get(hit.type, hit.type)}  ", style="dim")
    if hit.type == "statement":
        speaker = speaker_label(hit.statement) if hit.statement is not None else (hit.speaker or "?")
        text.append(display_text(speaker), style="bold")
        text.append(" in ", style="dim")
        text.append(display_text(hit.title), style="italic")
    else:
        text.append(display_text(hit.title), style="bold")
    if hit.snippet:
        snippet = Text(display_text(hit.snippet), end="")
        for match in hit.snippet_matches:
            snippet.stylize("bold reverse", match.start, match.end)
        text.append("\n")
        text.append_text(snippet)
    if hit.claim:  # the claim standing alone: "denied [that …]"
        text.append("\nclaim  ", style="dim")
        text.append(display_text(" ".join(hit.claim.split())))
    return text


class SearchScreen(ModalScreen[SearchChoice | None]):
    """``/``: type, pick a result with the arrows and Enter; Escape goes back."""

    BINDINGS = [
        Binding("escape", "dismiss_search", "Back"),
        Binding("down", "to_results", "Results", show=False),
        Binding("slash", "to_field", "Back to the query", show=False),
    ]

    def __init__(self, corpus: Corpus, query: str = "") -> None:
        super().__init__()
        self.corpus = corpus
        self.initial = query
        self.result: SearchResult | None = None
        self._timer: Timer | None = None
        self._pending_focus = False

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(
                value=self.initial,
                placeholder="Search: words, \"a phrase\", actor:peskov, kind:denial, cluster~ …",
                id="search-input",
            )
            yield Static("Type to search articles, statements and the glossary.", id="search-message", markup=False)
            yield OptionList(id="search-results", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#search-box").border_title = "Search"
        self.query_one(Input).focus()
        if self.initial.strip():
            self._run(self.initial)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        value = event.value
        if not value.strip():
            self.query_one(OptionList).clear_options()
            self._say("Type to search articles, statements and the glossary.")
            return
        self._timer = self.set_timer(DEBOUNCE, lambda: self._run(value))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        if self._timer is not None:
            self._timer.stop()
        if not event.value.strip():
            return
        if self.result is not None and self.result.query == event.value and self.result.hits:
            self._focus_results()
            return
        self._pending_focus = True
        self._run(event.value)

    def _run(self, query: str, offset: int = 0) -> None:
        self._say("Searching…" if not offset else "Loading more results…")
        self._search(query, offset)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, query: str, offset: int) -> None:
        result = search(self.corpus.store, query, limit=LIMIT, types=TYPES, offset=offset)
        if not get_current_worker().is_cancelled:
            self.post_message(SearchDone(result, offset))

    @on(SearchDone)
    def _show(self, message: SearchDone) -> None:
        result, offset = message.result, message.offset
        if result.query != self.query_one(Input).value:
            return  # the reader typed on
        results = self.query_one(OptionList)
        if offset and self.result is not None and self.result.query == result.query:
            first_new = len(self.result.hits)
            self.result.hits.extend(result.hits)
            self.result.total, self.result.exact = result.total, result.exact
            result = self.result
            keep = results.highlighted
        else:
            self.result = result
            first_new, keep = 0, None
        options: list[Option | None] = []
        if result.suggestion:
            options.append(Choice(Text.assemble("Did you mean: ", (result.suggestion, "bold underline"), "?"), Suggestion(result.suggestion), id=SUGGESTION))
        for number, hit in enumerate(result.hits):
            if options:
                options.append(None)  # a rule between results
            options.append(Choice(hit_prompt(hit), hit, id=f"hit-{number}"))
        shown = len(result.hits)
        # the index's total is an estimate: when the page is not full, the
        # list itself is the count
        full = len(message.result.hits) >= LIMIT
        total = max(result.total, shown) if full else shown
        if full and total > shown:
            options.append(None)
            options.append(Choice(Text.assemble(("▼ More results", "bold"), f" — Enter shows the next {LIMIT}", style="italic"), NextPage(shown), id="more"))
        results.set_options(options)
        if result.error:
            self._say(result.error, error=True)
        elif not result.hits:
            self._say(f"No results for “{result.query}”." + (" Try the suggestion below." if result.suggestion else ""))
        else:
            more = f", showing {shown}" if total > shown else ""
            about = "" if result.exact or not full else "about "
            self._say(f"{about}{total} result{'s' if total != 1 else ''}{more} — ↓ to choose, Enter to open")
        if options:
            if keep is not None and first_new:
                results.highlighted = results.get_option_index(f"hit-{first_new}")
            else:
                results.highlighted = 0
        if self._pending_focus and options:
            self._focus_results()
        self._pending_focus = False

    def _say(self, message: str, *, error: bool = False) -> None:
        widget = self.query_one("#search-message", Static)
        widget.set_class(error, "-error")
        widget.update(Text(message, no_wrap=True, overflow="ellipsis"))

    def _focus_results(self) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            results.focus()
            if results.highlighted is None:
                results.highlighted = 0

    def action_to_field(self) -> None:
        self.query_one(Input).focus()

    def action_to_results(self) -> None:
        self._focus_results()

    def action_dismiss_search(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        value = value_of(event.option)
        if isinstance(value, Suggestion):
            field = self.query_one(Input)
            field.value = value.query
            field.focus()
            self._pending_focus = True
            self._run(value.query)
        elif isinstance(value, NextPage) and self.result is not None:
            self._run(self.result.query, value.offset)
        elif isinstance(value, Hit) and self.result is not None:
            self.dismiss(SearchChoice(self.result.query, value))
