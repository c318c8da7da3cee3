"""The status line: where the reader is — on whose statement, which search
hit, which article — or what the app is doing."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from .text_layout import display_text, shorten


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


class StatusLine(Static):
    """One line above the key bar; the reader screen says what it shows."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.plain = ""

    def say(self, *parts: str | tuple[str, str]) -> None:
        """Show ``parts`` (plain strings or (text, style) pairs) as one line."""
        text = Text.assemble(*parts, no_wrap=True, overflow="ellipsis", end="")
        self.plain = text.plain
        self.update(text)

    def show_hit(self, query: str, index: int, total: int, *, wrapped: bool = False) -> None:
        shown = shorten(display_text(query), 60)
        if not (shown.startswith('"') and shown.endswith('"')):
            shown = f"“{shown}”"  # a phrase query brings its own quotes
        self.say(
            (shown, "bold"),
            f" — hit {index + 1} of {total}",
            " (wrapped)" if wrapped else "",
            ("  ·  n next, N previous, Esc clears", "dim"),
        )

    def show_actor(
        self, name: str, *, number: int | None, total: int | None, articles: int = 0, jointly: str | None = None
    ) -> None:
        """"Nikol Pashinyan — statement 3 of 6 · 2 articles"; ``total`` None while counting;
        ``jointly``: the group that said this statement with them ("said jointly: Turkey and Azerbaijan")."""
        name = display_text(name)
        joint = [("  ·  said jointly: ", "dim"), (display_text(jointly), "italic")] if jointly else []
        if total is None:
            self.say((name, "bold"), " — counting statements…")
        elif number is not None:
            self.say(
                (name, "bold"),
                f" — statement {number} of {total} · {_plural(articles, 'article')}",
                *joint,
                ("  ·  ] next, [ previous", "dim"),
            )
        else:
            self.say((name, "bold"), f" — {_plural(total, 'statement')} · {_plural(articles, 'article')}", ("  ·  ] next, [ previous", "dim"))

    def show_article(self, title: str, statements: int) -> None:
        self.say(
            (shorten(display_text(title), 60), "bold"),
            f" — {_plural(statements, 'statement')}",
            ("  ·  click a coloured statement to follow its speaker", "dim"),
        )
