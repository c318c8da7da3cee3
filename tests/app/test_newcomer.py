"""What a newcomer tripped over: phrases, the status line, the claims pane
following the text, each screen's own keys, help and quit on a small
terminal, the articles list's columns, sort, source filter and pages,
search pages, an unknown kind, opening one article by id."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from index.store import Store
from reader.app import GuidedReaderApp
from reader.widgets import articles_screen, search_screen
from reader.widgets.articles_screen import ArticlesScreen
from reader.widgets.key_bar import KeyBar
from reader.widgets.search_screen import SearchScreen

from .builder import FIRST, first_article, second_article, third_article
from .conftest import settle
from .test_reading import reader
from .test_search import open_search


async def test_a_phrase_is_one_hit_and_the_status_shows_the_query_once(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_search(pilot, '"talks would resume"')
        await pilot.press("enter")
        await settle(pilot)
        screen = reader(app)
        assert [FIRST[h.start : h.end] for h in screen.search.hits] == ["talks would resume"]
        assert screen.status.plain.startswith('"talks would resume" — hit 1 of 1')
        assert screen.status.plain.count("talks would resume") == 1


async def test_the_claims_pane_follows_the_text(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 9)) as pilot:
        await settle(pilot)
        screen = reader(app)
        claims = screen.query_one("#claims-list", OptionList)
        assert claims.highlighted is None
        for _ in range(6):
            await pilot.press("j")
        await pilot.pause(0.3)
        await settle(pilot)
        shown = screen.view.visible_text()
        assert claims.highlighted is not None
        sentence = first_article().analysis.statements[claims.highlighted].sentence
        assert FIRST[sentence.start : sentence.end][:30] in shown.replace("\n", " ")
        assert screen.current is None  # following is not choosing


async def test_help_and_quit_stay_visible_at_80x24_and_screens_show_their_own_keys(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = reader(app).query_one(KeyBar)
        line = bar.render().plain  # type: ignore[union-attr]
        assert "? Help" in line and "q Quit" in line and line.rstrip().endswith("ctrl+p palette")
        await pilot.press("slash")
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen)
        own = search.query_one(KeyBar).plain
        assert "esc Back" in own and "/ Search" not in own and "t Tour" not in own
        await pilot.press("escape", "o")
        await settle(pilot)
        assert "^s Sort by date" in app.screen.query_one(KeyBar).plain


async def test_articles_list_columns_sort_source_and_pages(app: GuidedReaderApp, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(articles_screen, "PAGE", 2)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticlesScreen)
        listing = screen.query_one(OptionList)
        rows = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert len(rows) == 3 and "1 more" in rows[2] and "2 of 3 shown" in rows[2]
        assert "Date" in str(screen.query_one("#articles-columns", Static).render())
        listing.focus()
        listing.highlighted = 2
        await pilot.press("enter")  # the next page
        await settle(pilot)
        rows = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert len(rows) == 3 and "Harvest festival" in rows[2] and "—" in rows[2]  # no date, no source
        await pilot.press("ctrl+s")  # newest first, the undated last
        await settle(pilot)
        assert [h.id for h in screen.found] == [second_article().id, first_article().id, third_article().id]
        assert "Date ↓" in str(screen.query_one("#articles-columns", Static).render())
        await pilot.press("slash", *"source:wire")
        await pilot.pause(0.3)
        await settle(pilot)
        assert {h.id for h in screen.found} == {first_article().id, second_article().id}


async def test_search_results_page_on(app: GuidedReaderApp, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_screen, "LIMIT", 1)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        search = await open_search(pilot, "pashinyan")
        results = search.query_one(OptionList)
        assert search.result is not None and len(search.result.hits) == 1
        assert results.get_option_at_index(results.option_count - 1).id == "more"
        results.highlighted = results.option_count - 1
        await pilot.press("enter")
        await settle(pilot)
        assert len(search.result.hits) == 2
        assert results.highlighted == results.get_option_index("hit-1")  # on the first new result


async def test_an_unknown_kind_lists_the_kinds(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        search = await open_search(pilot, "kind:denail")
        message = search.query_one("#search-message", Static)
        assert message.has_class("-error") and "denial, accusation" in str(message.render())


async def test_opening_one_article_by_id(index_path: Path) -> None:
    store = Store(index_path)
    app = GuidedReaderApp(store, article=third_article().id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert reader(app).article.id == third_article().id  # type: ignore[union-attr]
        lines = [reader(app).view.render_line(y).text for y in range(4)]
        assert not any("third.txt" in line for line in lines)  # never a bare file name
    store.close()
