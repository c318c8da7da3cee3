"""A glossary entry's background card: summary, key dates, related entries
to follow, the reference, and the other articles that mention it."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from textual.message import Message

from index.models import GlossaryEntry
from index.store import ArticleHeader

from ..messages import ArticleChosen
from .choice import Choice, value_of
from .corpus import Corpus
from .key_bar import KeyBar
from .text_layout import display_text


class CardLoaded(Message):
    """The card's entry, and (when ``occurrences`` is not None) where it occurs."""

    def __init__(self, entry_id: str, entries: dict[str, GlossaryEntry], occurrences: list[tuple[ArticleHeader, int]] | None) -> None:
        super().__init__()
        self.entry_id = entry_id
        self.entries = entries
        self.occurrences = occurrences


class Related(str):
    """A related entry's id (an option's value)."""


def card_text(entry: GlossaryEntry) -> Text:
    """The card's body as one Text (every piece of it is data, not markup)."""
    text = Text(end="")
    text.append(display_text(entry.term), style="bold")
    text.append(f"  {entry.category}", style="dim")
    others = [a for a in entry.aliases if a.lower() != entry.term.lower()]
    if others:
        text.append("\nalso: " + display_text(", ".join(others)), style="dim italic")
    text.append("\n\n")
    text.append(display_text(" ".join(entry.summary.split())))
    if entry.dates:
        text.append("\n\nKey dates\n", style="bold")
        width = max(len(d.date) for d in entry.dates)
        for date in entry.dates:
            text.append(f"  {date.date:<{width}}  ", style="bold")
            text.append(display_text(date.event) + "\n")
        text.rstrip()
    if entry.reference:
        text.append("\n\nReference: ", style="dim bold")
        text.append(display_text(entry.reference), style="dim")
    return text


class EntryCardScreen(ModalScreen[ArticleChosen | None]):
    """Escape closes; Enter on a related entry follows it (Backspace goes
    back); Enter on an article opens it at the entry's first mention."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("backspace", "back", "Back"),
    ]

    def __init__(self, corpus: Corpus, entry_id: str, *, current_article: str | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.entry_id = entry_id
        self.current_article = current_article
        self.history: list[str] = []
        self.entries: dict[str, GlossaryEntry] = {}
        self.occurrences: list[tuple[ArticleHeader, int]] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="card"):
            with VerticalScroll(id="card-scroll"):
                yield Static("Loading…", id="card-text", markup=False)
            yield OptionList(id="card-links", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#card").border_title = "Background"
        self.query_one("#card-links").focus()
        self._load(self.entry_id)

    @work(thread=True, exclusive=True, group="card", exit_on_error=False)
    def _load(self, entry_id: str) -> None:
        entries = self.corpus.entries()
        self.post_message(CardLoaded(entry_id, entries, None))
        self.post_message(CardLoaded(entry_id, entries, self.corpus.occurrences(entry_id)))

    @on(CardLoaded)
    def _loaded(self, message: CardLoaded) -> None:
        self._show(message.entry_id, message.entries, message.occurrences)

    def _show(self, entry_id: str, entries: dict[str, GlossaryEntry], occurrences: list[tuple[ArticleHeader, int]] | None) -> None:
        if entry_id != self.entry_id:
            return
        self.entries = entries
        self.occurrences = occurrences
        entry = entries.get(entry_id)
        card = self.query_one("#card")
        body = self.query_one("#card-text", Static)
        if entry is None:
            card.border_title = "Background"
            body.update(Text(f"No background entry “{entry_id}” in the glossary.", style="italic"))
            self.query_one(OptionList).set_options([])
            return
        card.border_title = f"Background · {display_text(entry.term)}"
        card.border_subtitle = "Esc close" + (" · Backspace back" if self.history else "")
        body.update(card_text(entry))
        options: list[Option | None] = []
        related = [r for r in entry.related if r != entry_id]
        if related:
            options.append(Option(Text("Related — Enter to follow", style="bold dim"), disabled=True))
            for rid in related:
                other = entries.get(rid)
                label = Text.assemble("→ ", (display_text(other.term if other else rid), "bold"), (f"  {other.category}" if other else "  (not in the glossary)", "dim"))
                options.append(Choice(label, Related(rid), id=f"rel:{rid}", disabled=other is None))
        if occurrences is None:
            options.append(Option(Text("Where else it occurs — looking…", style="bold dim"), disabled=True))
        else:
            count = len(occurrences)
            options.append(Option(Text(f"Occurs in {count} article{'s' if count != 1 else ''} — Enter to open", style="bold dim"), disabled=True))
            for header, mentions in occurrences:
                here = header.id == self.current_article
                label = Text.assemble(
                    ("▶ " if here else "  "),
                    (display_text(header.title), "bold" if not here else "bold italic"),
                    (f"  {mentions}×" + (" · this article" if here else ""), "dim"),
                )
                options.append(Choice(label, header, id=f"art:{header.id}"))
        links = self.query_one(OptionList)
        links.set_options(options)
        first = next((i for i, o in enumerate(links.options) if not o.disabled), None)
        links.highlighted = first

    @on(OptionList.OptionSelected, "#card-links")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        value = value_of(event.option)
        if isinstance(value, Related):
            self.history.append(self.entry_id)
            self.follow(str(value))
        elif isinstance(value, ArticleHeader):
            self.dismiss(ArticleChosen(value.id, entry_id=self.entry_id))

    def follow(self, entry_id: str) -> None:
        self.entry_id = entry_id
        self.query_one("#card-scroll").scroll_home(animate=False)
        self._load(entry_id)

    def action_back(self) -> None:
        if self.history:
            self.follow(self.history.pop())

    def action_close(self) -> None:
        self.dismiss(None)
