"""The app's life: small terminals, the session, the theme, the first run
with an empty index, `reader PATH`, and a start-up without spaCy."""

from __future__ import annotations

import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

from textual.widgets import Tabs

from index import ingest
from index.ingest import AddReport
from index.store import Store
from reader.app import GuidedReaderApp
from reader.userstate import UserState, index_key
from reader.widgets.indexing_panel import IndexingPanel

from .builder import ARTICLES, ENTRIES, first_article, second_article
from .conftest import settle
from .test_reading import reader


async def test_small_terminals_fold_the_side_panes(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = reader(app)
        assert screen.has_class("-narrow")
        assert screen.query_one(Tabs).display
        assert screen.query_one("#claims").display and not screen.query_one("#actors").display
        assert screen.view.region.width >= 40
        await pilot.press("3")
        assert screen.query_one("#actors").display and not screen.query_one("#claims").display
        assert screen.query_one(Tabs).active == "tab-actors"
        await pilot.press("1", "t")
        await settle(pilot)
        assert screen.query_one("#tour").display
        await pilot.press("escape")

        await pilot.resize_terminal(40, 12)
        await settle(pilot)
        assert screen.has_class("-tiny")
        assert not screen.query_one("#side").display
        assert "Ceasefire" in screen.view.visible_text() or screen.view.visible_text()
        for key in ("]", "e", "enter", "escape", "2", "down", "1", "t", "right", "escape", "n"):
            await pilot.press(key)
            await settle(pilot)
        await pilot.press("slash", *"kremlin", "enter")
        await settle(pilot)
        await pilot.press("escape", "o")
        await settle(pilot)
        await pilot.press("escape")
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert not screen.has_class("-narrow") and not screen.has_class("-tiny")
        assert screen.query_one("#actors").display and screen.query_one("#claims").display


async def test_reopens_the_last_article_and_position(index_path: Path) -> None:
    store = Store(index_path)
    app = GuidedReaderApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(">")
        await settle(pilot)
        await pilot.press("3")
        await pilot.press("enter")  # the first actor of the second article
        await settle(pilot)
        actor = reader(app).actor
        assert actor is not None
        await pilot.press("d")
        await pilot.resize_terminal(120, 8)  # small enough that the text scrolls
        await settle(pilot)
        await pilot.press("1", "j", "j", "j", "j")
        await settle(pilot)
        top = reader(app).view.top_offset()
        assert top > 0
    state = UserState()
    saved = state.current_place(index_key(index_path))
    assert saved is not None
    assert saved.article == second_article().id
    assert saved.offset == top
    assert saved.actor == actor
    assert state.setting("theme") == "textual-light"

    again = GuidedReaderApp(store)
    async with again.run_test(size=(120, 8)) as pilot:
        await settle(pilot)
        screen = reader(again)
        assert screen.article.id == second_article().id  # type: ignore[union-attr]
        assert screen.view.top_offset() == top
        assert screen.actor == actor
        assert again.theme == "textual-light"
    store.close()


def _fake_ingest(store: Store, articles) -> AddReport:
    with store.writer() as writer:
        store.write_glossary(writer, ENTRIES)
        for article in articles:
            store.add_article(writer, article)
        store.write_state(writer, next_seq=10)
    return AddReport(added=[a.path for a in articles])


async def test_first_run_indexes_the_seed_in_a_worker(tmp_path: Path, monkeypatch) -> None:
    release = threading.Event()

    def fake_seeded(store, progress=None):
        assert release.wait(10)
        if progress:
            progress(1, 1, "seed.txt")
        return _fake_ingest(store, [make() for make in ARTICLES])

    monkeypatch.setattr(ingest, "ensure_seeded", fake_seeded)
    store = Store(tmp_path / "empty")
    app = GuidedReaderApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(5):
            await pilot.pause()
        screen = reader(app)
        panel = screen.query_one(IndexingPanel)
        assert panel.display
        assert "Indexing the bundled article" in str(panel.query_one("#indexing-label").render())
        assert "Indexing the bundled article" in screen.view.render_line(1).text
        await pilot.press("3")  # the screen answers keys meanwhile
        release.set()
        await settle(pilot)
        assert not panel.display
        assert screen.article is not None and screen.article.id == first_article().id
        assert screen.last_ingest is not None and "3 added" in screen.last_ingest
    store.close()


async def test_reader_path_adds_and_opens_the_first(tmp_path: Path, monkeypatch, index_path: Path) -> None:
    target = tmp_path / "kremlin.txt"
    target.write_text("stand-in: the fake ingest writes the second article under this path\n")

    def fake_add(store, paths, progress=None, processes=None):
        if progress:
            progress(1, 1, str(target))
        return _fake_ingest(store, [replace(second_article(), path=str(target.resolve()), seq=9)])

    monkeypatch.setattr(ingest, "add_paths", fake_add)
    store = Store(tmp_path / "fresh")
    app = GuidedReaderApp(store, paths=[str(target)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = reader(app)
        assert screen.article is not None and screen.article.id == second_article().id
        assert screen.last_ingest is not None and "1 added" in screen.last_ingest
    store.close()


async def test_indexing_failure_is_shown_not_raised(tmp_path: Path, monkeypatch) -> None:
    def broken(store, progress=None):
        raise RuntimeError("the language model is not installed")

    monkeypatch.setattr(ingest, "ensure_seeded", broken)
    store = Store(tmp_path / "empty")
    app = GuidedReaderApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = reader(app)
        assert "Indexing failed" in screen.status.plain
        assert "language model is not installed" in screen.status.plain
        assert "no articles yet" in screen.view.render_line(1).text
    store.close()


async def test_failed_add_still_opens_what_the_index_holds(index_path: Path, tmp_path: Path, monkeypatch) -> None:
    def broken(store, paths, progress=None, processes=None):
        raise ValueError("No field named 'said'")

    monkeypatch.setattr(ingest, "add_paths", broken)
    store = Store(index_path)
    app = GuidedReaderApp(store, paths=[str(tmp_path / "new.txt")])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = reader(app)
        assert screen.article is not None and screen.article.id == first_article().id
    store.close()


def test_the_app_never_imports_spacy_at_start_up() -> None:
    code = "import reader.app, reader.cli, sys; assert 'spacy' not in sys.modules, 'spacy imported'"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


async def test_articles_added_by_another_process_appear(app: GuidedReaderApp, index_path: Path, tmp_path: Path) -> None:
    extra = tmp_path / "late.txt"
    extra.write_text("Late news arrives\n\nThe mayor said the bridge had reopened.\n", encoding="utf-8")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = len(app.corpus.headers())
        assert app.check_index() is False
        done = subprocess.run(
            [sys.executable, "-m", "reader", "add", str(extra), "--index", str(index_path)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert app.check_index() is True  # the timer does this every two seconds
        await settle(pilot)
        toast = next(n.message for n in app._notifications if "new article" in n.message)
        assert "`" not in toast and "press o" in toast  # toasts are not Markdown: no literal backticks
        assert len(app.corpus.headers()) == before + 1
        await pilot.press("o")
        await settle(pilot)
        listing = app.screen.query_one("OptionList")
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert any("Late news arrives" in prompt for prompt in prompts)


async def test_a_changed_glossary_is_linked_when_the_app_opens(index_path: Path, isolated_dirs: Path) -> None:
    user = isolated_dirs / "user-glossary"
    user.mkdir(exist_ok=True)
    (user / "mine.toml").write_text(
        '[[entry]]\nid = "shelling"\nterm = "shelling"\ncategory = "concept"\n'
        'summary = "Firing artillery shells at a place. It is a common way of attacking towns from afar."\n'
        'reference = "Oxford English Dictionary, shelling"\n',
        encoding="utf-8",
    )
    store = Store(index_path)
    app = GuidedReaderApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        article = reader(app).article
        assert article is not None
        assert "shelling" in {link.entry for link in article.analysis.glossary}
    store.close()
