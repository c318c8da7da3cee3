"""``r``: what others said on the subject of a statement, across the index —
denials and answers first, then agreements, then the rest.  Enter goes to
the statement chosen (Back returns); Escape closes."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..messages import RelatedLoaded
from .choice import value_of
from .corpus import Corpus
from .key_bar import KeyBar
from .related_list import RelatedTarget, related_options
from .text_layout import display_text, shorten


class RelatedScreen(ModalScreen[RelatedTarget | None]):
    """Returns the related statement to go to, or None."""

    BINDINGS = [Binding("escape,r", "close", "Close")]

    def __init__(self, corpus: Corpus, article_id: str, position: int, speaker: str, claim: str) -> None:
        super().__init__()
        self.corpus = corpus
        self.article_id = article_id
        self.position = position
        self.speaker = speaker
        self.claim = claim

    def compose(self) -> ComposeResult:
        with Vertical(id="related-box"):
            yield Static(self._heading(), id="related-claim", markup=False)
            yield OptionList(Option(Text("Looking for what others said…", style="italic dim"), disabled=True), id="related-list", markup=False)
        yield KeyBar()

    def _heading(self) -> Text:
        text = Text(end="")
        text.append(display_text(self.speaker), style="bold")
        text.append(": " + shorten(display_text(self.claim), 300))
        return text

    def on_mount(self) -> None:
        box = self.query_one("#related-box")
        box.border_title = "What others said"
        box.border_subtitle = "Enter go there (Back returns) · Esc close"
        self.query_one("#related-list").focus()
        self._load()

    @work(thread=True, exclusive=True, group="related-screen", exit_on_error=False)
    def _load(self) -> None:
        self.post_message(RelatedLoaded(self.article_id, self.position, self.corpus.related(self.article_id, self.position)))

    @on(RelatedLoaded)
    def _loaded(self, message: RelatedLoaded) -> None:
        message.stop()
        if (message.article_id, message.position) != (self.article_id, self.position):
            return
        listing = self.query_one("#related-list", OptionList)
        options = related_options(message.items, here=self.article_id, claim_chars=300)
        if not options:
            options = [Option(Text("No other statement in the index speaks to this one.", style="italic"), disabled=True)]
        listing.set_options(options)
        listing.highlighted = next((i for i, o in enumerate(listing.options) if not o.disabled), None)
        count = len(message.items)
        self.query_one("#related-box").border_title = f"What others said ({count})"

    @on(OptionList.OptionSelected, "#related-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        value = value_of(event.option)
        if isinstance(value, RelatedTarget):
            self.dismiss(value)

    def action_close(self) -> None:
        self.dismiss(None)
