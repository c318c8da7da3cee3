"""``B`` and ``H``: the reader's bookmarks, or highlights and notes, across
every article — filter by typing; Enter opens one where it is; rename a
bookmark, edit a note, delete, export to Markdown."""

from __future__ import annotations

import time
from collections.abc import Callable

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

from index.store import Store

from ..userstate import BOOKMARK, HIGHLIGHT, Annotation, UserState
from .choice import Choice, value_of
from .key_bar import KeyBar
from .text_layout import display_text, shorten
from .text_prompt import TextPrompt

DEBOUNCE = 0.15
NAMES = {BOOKMARK: "Bookmarks", HIGHLIGHT: "Highlights and notes"}


class Reanchored(Message):
    """Annotations of changed files were moved or orphaned: list them again."""


def when(timestamp: float, now: float | None = None) -> str:
    """"just now", "5 min ago", "3 h ago", "yesterday", else the date."""
    now = time.time() if now is None else now
    seconds = max(0.0, now - timestamp)
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    if seconds < 2 * 86400:
        return "yesterday"
    return time.strftime("%Y-%m-%d", time.localtime(timestamp))


def annotation_prompt(annotation: Annotation, now: float | None = None) -> Text:
    """Name and article, when; the quoted text; the note, or why it is orphaned."""
    text = Text(end="")
    if annotation.kind == BOOKMARK and annotation.label:
        text.append(display_text(annotation.label), style="bold")
        text.append(f"  {shorten(display_text(annotation.title), 70)}", style="italic")
    else:
        text.append(shorten(display_text(annotation.title), 90), style="bold")
    text.append(f"  · {when(annotation.created, now)}", style="dim")
    text.append("\n“" + shorten(display_text(annotation.quote.exact), 150) + "”", style="italic" if annotation.kind == BOOKMARK else "")
    if annotation.note:
        text.append("\n✎ " + shorten(display_text(annotation.note), 150))
    if annotation.orphaned:
        text.append("\n⚠ not found in the current version of the article — kept here", style="bold")
    return text


class AnnotationsScreen(ModalScreen[Annotation | None]):
    """Returns the annotation to open, or None."""

    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("down", "to_list", "List", show=False),
        Binding("slash", "to_filter", "Filter", show=False),
        Binding("r", "rename", "Rename"),
        Binding("n", "edit_note", "Edit note"),
        Binding("delete,d", "delete", "Delete", key_display="del"),
        Binding("x", "export", "Export to Markdown"),
    ]

    def __init__(self, userstate: UserState, kind: str, store: Store | None = None) -> None:
        super().__init__()
        self.userstate = userstate
        self.kind = kind
        self.store = store
        self.found: list[Annotation] = []
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="annotations-box"):
            yield Input(placeholder="Filter by words in the text, the note, the name or the title", id="annotations-filter")
            yield Static("", id="annotations-message", markup=False)
            yield OptionList(id="annotations-list", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#annotations-box").border_title = NAMES[self.kind]
        self.query_one(Input).focus()
        self.fill()
        if self.store is not None:
            self._reanchor()

    @work(thread=True, exclusive=True, group="reanchor", exit_on_error=False)
    def _reanchor(self) -> None:
        """Articles whose file changed since: move their annotations to the
        new text (or mark them orphaned) before the reader acts on them."""
        from ..export import reanchor_stale

        assert self.store is not None
        if reanchor_stale(self.userstate, self.store, self.userstate.annotations(self.kind)):
            self.post_message(Reanchored())

    @on(Reanchored)
    def _reanchored(self) -> None:
        self.fill(keep=self.chosen()[0] if self.chosen() else None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "rename":
            return self.kind == BOOKMARK
        if action in ("edit_note", "export"):
            return self.kind == HIGHLIGHT
        return True

    @property
    def options(self) -> OptionList:
        return self.query_one("#annotations-list", OptionList)

    def fill(self, keep: int | None = None) -> None:
        words = self.query_one(Input).value
        self.found = self.userstate.annotations(self.kind, words=words)
        now = time.time()
        options: list[Option | None] = []
        for annotation in self.found:
            if options:
                options.append(None)
            options.append(Choice(annotation_prompt(annotation, now), annotation, id=f"a{annotation.id}"))
        self.options.set_options(options)
        total = len(self.userstate.annotations(self.kind)) if words.strip() else len(self.found)
        name = "bookmark" if self.kind == BOOKMARK else "highlight"
        if not total:
            how = "press b while reading to bookmark the place" if self.kind == BOOKMARK else "select text (or a statement) and press h"
            message = f"No {name}s yet — {how}."
        elif not self.found:
            message = f"No {name} matches “{words}” ({total} in all)."
        else:
            orphans = sum(1 for a in self.found if a.orphaned)
            extra = f" · {orphans} orphaned" if orphans else ""
            message = f"{len(self.found)} of {total} {name}{'s' if total != 1 else ''}{extra} — ↓ to choose, Enter to open"
        self.query_one("#annotations-message", Static).update(Text(message, no_wrap=True, overflow="ellipsis"))
        if self.found:
            index = 0 if keep is None else min(keep, len(self.found) - 1)
            self.options.highlighted = self.options.get_option_index(f"a{self.found[index].id}")

    @on(Input.Changed, "#annotations-filter")
    def _filter(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self.fill)

    @on(Input.Submitted, "#annotations-filter")
    def _submitted(self) -> None:
        self.fill()
        self.action_to_list()

    def chosen(self) -> tuple[int, Annotation] | None:
        index = self.options.highlighted
        if index is None:
            return None
        annotation = value_of(self.options.get_option_at_index(index))
        if annotation is None:
            return None
        return self.found.index(annotation), annotation

    def action_to_filter(self) -> None:
        self.query_one(Input).focus()

    def action_to_list(self) -> None:
        if self.options.option_count:
            self.options.focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_rename(self) -> None:
        self._ask("Rename the bookmark", "A name for this bookmark", lambda a: a.label, self.userstate.rename)

    def action_edit_note(self) -> None:
        self._ask("Note", "Your note — Enter saves, Esc cancels", lambda a: a.note, self.userstate.set_note)

    def _ask(self, title: str, placeholder: str, current: Callable[[Annotation], str], save: Callable[[int, str], None]) -> None:
        """Ask for a line of text about the chosen annotation, save it, list again."""
        found = self.chosen()
        if found is None:
            return
        position, annotation = found

        def answered(value: str | None) -> None:
            if value is not None:
                save(annotation.id, value.strip())
                self.fill(keep=position)
                self.action_to_list()

        self.app.push_screen(TextPrompt(title, annotation.quote.exact, placeholder, current(annotation)), answered)

    def action_delete(self) -> None:
        found = self.chosen()
        if found is None:
            return
        position, annotation = found
        self.userstate.delete(annotation.id)
        self.notify(f"Deleted: “{shorten(display_text(annotation.quote.exact), 50)}”", timeout=3, markup=False)
        self.fill(keep=position)
        if not self.found:
            self.action_to_filter()

    def action_export(self) -> None:
        if self.store is None:
            self.notify("Export from the reading screen's list (H).", timeout=3)
            return
        from ..export import export_to_file

        try:
            path, count = export_to_file(self.userstate, self.store, words=self.query_one(Input).value)
        except OSError as exc:
            self.notify(f"Could not write the notes: {exc.strerror or exc}", severity="error", markup=False)
            return
        self.notify(f"{count} highlight{'s' if count != 1 else ''} written to {path}", timeout=8, markup=False)

    @on(OptionList.OptionSelected, "#annotations-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        annotation = value_of(event.option)
        if annotation is not None:
            self.dismiss(annotation)
