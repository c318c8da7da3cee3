"""The app shows hostile data inert in its toasts (issue 10, item 2): a
glossary pattern or a path holding ``[/x](`` once crashed it on every start."""

from __future__ import annotations

from pathlib import Path

from textual.widgets._toast import Toast

from index.store import Store
from reader.app import GuidedReaderApp
from tests.app.builder import build_index
from tests.app.conftest import settle


def toasts(app: GuidedReaderApp) -> list[str]:
    return [str(toast.render()) for toast in app.screen.query(Toast)]


async def test_glossary_problems_with_markup_are_toasted_literally(tmp_path: Path, monkeypatch) -> None:
    user = tmp_path / "bad ["
    user.mkdir()
    monkeypatch.setenv("READER_GLOSSARY_DIR", str(user))
    (user / "x](.toml").write_text(  # the path holds "[/x]("
        '[[entry]]\nid = "broken"\nterm = "Broken \\u001b]0;owned\\u0007"\nsummary = "s"\npatterns = ["[/x]("]\n',
        encoding="utf-8",
    )
    store = Store(build_index(tmp_path / "index"))
    app = GuidedReaderApp(store)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await settle(pilot)
        shown = "\n".join(toasts(app))
        assert "bad [/x](.toml:1" in shown and "[/x](" in shown
        assert "\x1b" not in shown and "\x07" not in shown
    store.close()


async def test_indexing_toasts_show_paths_literally(tmp_path: Path) -> None:
    folder = tmp_path / "[bold]x[" / "\x1b]0;owned\x07"
    folder.mkdir(parents=True)
    bad = folder / "x](.txt"  # the path holds "[/x]("
    bad.write_bytes(b"%PDF-1.7\n")
    store = Store(build_index(tmp_path / "index"))
    app = GuidedReaderApp(store, paths=[str(bad)])
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await settle(pilot)
        shown = "\n".join(toasts(app))
        assert "[bold]x[/␛]0;owned␇/x](.txt" in shown and "PDF" in shown
    store.close()
