"""The status line: where the reader is (actor jumps, search hits, indexing)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class StatusLine(Static):
    """One line above the footer; the reader screen says what it shows."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.plain = ""

    def say(self, *parts: str | tuple[str, str]) -> None:
        """Show ``parts`` (plain strings or (text, style) pairs) as one line."""
        text = Text.assemble(*parts, no_wrap=True, overflow="ellipsis", end="")
        self.plain = text.plain
        self.update(text)
