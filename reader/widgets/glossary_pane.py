"""The glossary pane: background entries this article mentions."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from index.models import Article, GlossaryEntry

from ..messages import EntryChosen
from .list_pane import highlight_first
from .text_layout import display_text


def linked_entries(article: Article) -> list[tuple[str, int, str]]:
    """(entry id, mentions, first term as written) in order of first mention."""
    seen: dict[str, list] = {}
    for link in sorted(article.analysis.glossary, key=lambda g: g.start):
        if link.entry in seen:
            seen[link.entry][0] += 1
        else:
            seen[link.entry] = [1, link.term]
    return [(entry, count, term) for entry, (count, term) in seen.items()]


class GlossaryPane(Vertical):
    """Choosing an entry asks for its background card."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.border_title = "Glossary"

    def compose(self) -> ComposeResult:
        yield OptionList(id="glossary-list", markup=False)

    @property
    def options(self) -> OptionList:
        return self.query_one("#glossary-list", OptionList)

    def on_descendant_focus(self) -> None:
        highlight_first(self.options)

    def show_article(self, article: Article, entries: dict[str, GlossaryEntry]) -> None:
        linked = linked_entries(article)
        self.border_title = f"Glossary ({len(linked)})"
        options: list[Option | None] = []
        for entry_id, count, written in linked:
            if options:
                options.append(None)
            entry = entries.get(entry_id)
            text = Text(end="")
            text.append(display_text(entry.term if entry else written), style="bold")
            text.append(f"  {entry.category if entry else 'entry'}", style="dim")
            text.append(f" · {count}×", style="dim")
            if entry and entry.summary:
                summary = " ".join(entry.summary.split())
                text.append("\n")
                text.append(display_text(summary[:90].rsplit(" ", 1)[0] + "…" if len(summary) > 90 else summary), style="dim italic")
            options.append(Option(text, id=entry_id))
        if not options:
            options = [Option(Text("No glossary terms in this article.", style="italic"), disabled=True)]
        self.options.set_options(options)
        self.options.highlighted = None

    @on(OptionList.OptionSelected, "#glossary-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(EntryChosen(event.option.id))
