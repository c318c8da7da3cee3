"""A small dialog asking for one line of text: a highlight's note, a
bookmark's name.  Enter returns what was typed (possibly empty), Escape
returns None: nothing is saved."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from .key_bar import KeyBar
from .text_layout import display_text, shorten

QUOTE_CHARS = 400


class TextPrompt(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, quote: str, placeholder: str, value: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.quote = quote
        self.placeholder = placeholder
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box"):
            yield Static(Text(f"“{shorten(display_text(self.quote), QUOTE_CHARS)}”", style="italic"), id="prompt-quote")
            yield Input(value=self.value, placeholder=self.placeholder, id="prompt-input")
        yield KeyBar()

    def on_mount(self) -> None:
        box = self.query_one("#prompt-box")
        box.border_title = self.title_text
        box.border_subtitle = "Enter save · Esc cancel"
        self.query_one(Input).focus()

    @on(Input.Submitted, "#prompt-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
