"""Keys browsers keep for themselves (close tab, new tab, new window) never
reach a served app, so no action may need them."""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import Input

from index.store import Store
from reader.app import GuidedReaderApp

BROWSER_KEYS = {"ctrl+w", "ctrl+t", "ctrl+n"}
# Textual's Input deletes a word on ctrl+w; in a browser alt+backspace does it, since xterm.js
# sends ESC DEL for it, which Textual reads as ctrl+w (test_tabs checks it in a served tab).
REACHED_OTHERWISE = {(Input, "ctrl+w")}


def browser_keys(cls: type[DOMNode]) -> set[tuple[type, str]]:
    """(class, key) for every binding of ``cls`` and its bases on a key browsers keep."""
    found = set()
    for klass in cls.__mro__:
        for binding in Binding.make_bindings(klass.__dict__.get("BINDINGS", [])):
            if binding.key in BROWSER_KEYS:
                found.add((klass, binding.key))
    return found


async def test_no_screen_of_the_app_needs_a_key_browsers_keep(corpus_index: Path) -> None:
    store = Store(corpus_index)
    app = GuidedReaderApp(store)
    seen: set[type[DOMNode]] = {type(app)}
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            for keys in ([], ["t"], ["escape", "slash"], ["escape", "o"], ["escape", "question_mark"], ["escape", "ctrl+p"]):
                for key in keys:
                    await pilot.press(key)
                await pilot.pause(0.3)
                seen.add(type(app.screen))
                seen.update(type(node) for node in app.screen.walk_children(with_self=True))
            assert len(seen) > 20  # every screen was visited, with its widgets
    finally:
        store.close()
    found = set().union(*(browser_keys(cls) for cls in seen)) - REACHED_OTHERWISE
    assert found == set(), sorted((cls.__qualname__, key) for cls, key in found)
