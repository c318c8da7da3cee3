"""The footer: the keys that work where the focus is, as one line of text.

Textual's own ``Footer`` builds a widget per key and rebuilds them all on
every focus change (about 100 ms with our bindings); this bar renders one
``Text`` and only repaints when the keys change, so moving between panes
stays instant.  Clicking a key presses it.  Help and quit are kept at the
right end with the palette, so a small terminal drops other keys first.

Every screen, modal ones included, has its own bar: it shows the keys of
the screen in front, never those of the screen behind.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import RenderResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

PALETTE = ("ctrl+p", "palette")
PINNED = ("help", "quit")  # actions always shown, at the right end


class KeyBar(Widget):
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._keys: list[tuple[str, str, str, bool]] = []  # (key, shown key, description, pinned)
        self._spans: list[tuple[int, int, str]] = []  # clickable cells → key

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._show_keys(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        # A browser tab without focus (`reader serve`) has no focused widget,
        # but its keys come back with the first click: keep showing them, so
        # that click lands on the key the reader saw (as Textual's Footer does).
        if self.app.app_focus:
            self._show_keys(screen)

    def _show_keys(self, screen: Screen) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        keys: list[tuple[str, str, str, bool]] = []
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding: Binding = active.binding
            if not binding.show or not active.enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            keys.append((key, self.app.get_key_display(binding), binding.description, binding.action in PINNED))
        if keys != self._keys:
            self._keys = keys
            self.refresh()

    @property
    def plain(self) -> str:
        return " ".join(f"{shown} {description}" for _, shown, description, _ in self._keys)

    def render(self) -> RenderResult:
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        text_style = self.get_component_rich_style("key-bar--description", partial=True)
        width = self.size.width
        right: list[tuple[str, Text]] = [
            (key, Text.assemble((f" {shown} ", key_style), (description, text_style), " "))
            for key, shown, description, pinned in self._keys
            if pinned
        ]
        right.append((PALETTE[0], Text.assemble((f" {PALETTE[0]} ", key_style), (PALETTE[1], text_style), " ")))
        while right and sum(piece.cell_len for _, piece in right) > width:
            right.pop(0)  # a very narrow bar keeps the palette
        room = width - sum(piece.cell_len for _, piece in right)
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        spans: list[tuple[int, int, str]] = []
        for key, shown, description, pinned in self._keys:
            if pinned:
                continue
            piece = Text.assemble((f" {shown} ", key_style), (description, text_style), " ")
            if line.cell_len + piece.cell_len > room:
                break
            spans.append((line.cell_len, line.cell_len + piece.cell_len, key))
            line.append_text(piece)
        line.pad_right(max(0, room - line.cell_len))
        for key, piece in right:
            spans.append((line.cell_len, line.cell_len + piece.cell_len, key))
            line.append_text(piece)
        self._spans = spans
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                event.stop()
                if key == PALETTE[0]:
                    self.app.action_command_palette()
                else:
                    self.app.simulate_key(key)
                return
