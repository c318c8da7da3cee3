"""The command palette's own commands: every action of the reader, by name."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

# (title, help, action, where): "screen" actions run on the reading screen
COMMANDS: list[tuple[str, str, str, str]] = [
    ("Search", "Search articles, statements and the glossary (/)", "search", "screen"),
    ("Open an article", "List every indexed article (o)", "articles", "screen"),
    ("Start the guided tour", "Walk through this article's statements (t)", "tour", "screen"),
    ("Next statement by this actor", "Jump to the current actor's next statement (])", "jump(1)", "screen"),
    ("Previous statement by this actor", "Jump to the current actor's previous statement ([)", "jump(-1)", "screen"),
    ("Next search hit", "Go to the next highlighted hit (n)", "hit(1)", "screen"),
    ("Previous search hit", "Go to the previous highlighted hit (N)", "hit(-1)", "screen"),
    ("Next article", "Open the next article of the corpus (>)", "neighbour(1)", "screen"),
    ("Previous article", "Open the previous article of the corpus (<)", "neighbour(-1)", "screen"),
    ("Focus the text", "Move to the text pane (1)", "focus_pane('text')", "screen"),
    ("Focus the claims", "Move to the claims pane (2)", "focus_pane('claims')", "screen"),
    ("Focus the actors", "Move to the actors pane (3)", "focus_pane('actors')", "screen"),
    ("Focus the glossary", "Move to the glossary pane (4)", "focus_pane('glossary')", "screen"),
    ("Clear marks", "Clear the selection, then search hits, then the current actor (Escape)", "clear", "screen"),
    ("Back", "Return to the previous place in your history (alt+left or Backspace)", "back", "screen"),
    ("Forward", "Go forward again in your history (alt+right)", "forward", "screen"),
    ("Bookmark this place", "Mark the place at the top of the text (b)", "bookmark", "screen"),
    ("Highlight", "Save the selection or the current statement as a highlight, with a note (h)", "highlight", "screen"),
    ("Bookmarks", "List your bookmarks: open, rename, delete (B)", "bookmarks", "screen"),
    ("Highlights and notes", "List every highlight and note, filterable (H)", "highlights", "screen"),
    ("Export this article's notes", "Write this article's highlights and notes to a Markdown file", "export_notes", "screen"),
    ("Toggle light/dark theme", "Switch between the light and the dark theme (d)", "toggle_theme", "app"),
    ("Help", "Every key and how to read the screen (? or F1)", "help", "app"),
    ("Quit", "Leave Guided Reader (q)", "quit", "app"),
]


class ReaderCommands(Provider):
    """Offers :data:`COMMANDS`; reading-screen commands only over that screen."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        from .reader_screen import ReaderScreen

        found = []
        for title, text, action, where in COMMANDS:
            if where == "screen":
                if not isinstance(self.screen, ReaderScreen):
                    continue
                found.append((title, text, partial(self.screen.run_action, action)))
            else:
                found.append((title, text, partial(self.app.run_action, action)))
        return found

    async def discover(self) -> Hits:
        for title, text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=text)
