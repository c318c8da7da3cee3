"""``?`` / F1: the help text, then every key the app knows, from the bindings."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from .key_bar import KeyBar

HELP_FILE = "help.md"


def help_text() -> str:
    return resources.files("reader").joinpath(HELP_FILE).read_text(encoding="utf-8")


def _key_cell(key: str) -> str:
    return "`" + key.replace("`", "'") + "`"


def binding_rows(app: App, bindings: Iterable[Binding | tuple]) -> list[tuple[str, str]]:
    """(keys, description) per action, keys as the footer shows them."""
    rows: dict[tuple[str, str], list[str]] = {}
    for binding in Binding.make_bindings(bindings):
        description = binding.description or binding.action.replace("_", " ")
        keys = rows.setdefault((binding.action, description), [])
        shown = app.get_key_display(binding)
        if shown not in keys:
            keys.append(shown)
    return [(" ".join(_key_cell(k) for k in keys), description) for (_, description), keys in rows.items()]


def keys_markdown(sections: list[tuple[str, list[tuple[str, str]]]]) -> str:
    """A Markdown table of keys per section: [(title, [(keys, description)])]."""
    lines = ["## Keys"]
    for title, rows in sections:
        if not rows:
            continue
        lines += ["", f"### {title}", "", "| Key | Action |", "|---|---|"]
        lines += [f"| {keys} | {description.replace('|', '/')} |" for keys, description in rows]
    return "\n".join(lines)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close")]

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Markdown(help_text() + "\n\n" + keys_markdown(self.sections), id="help-text")
        yield KeyBar()

    def on_mount(self) -> None:
        box = self.query_one("#help-box")
        box.border_title = "Help"
        box.border_subtitle = "Esc close"
        box.focus()

    def action_close(self) -> None:
        self.dismiss(None)
