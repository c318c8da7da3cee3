"""Search: results as you type, open at the hit, n/N, did you mean, errors."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from index.query import SearchResult
from reader.app import GuidedReaderApp
from reader.widgets import search_screen
from reader.widgets.search_screen import SearchScreen

from .builder import FIRST, first_article, second_article
from .conftest import settle
from .test_reading import reader


async def open_search(pilot, query: str) -> SearchScreen:
    await pilot.press("slash")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    await pilot.press(*query)
    await pilot.press("enter")
    await settle(pilot)
    return screen


async def test_search_open_and_step_through_hits(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        search = await open_search(pilot, "cluster bombs")
        results = search.query_one("#search-results", OptionList)
        assert results.has_focus and results.option_count >= 4
        message = str(search.query_one("#search-message", Static).render())
        assert "results" in message
        # pick the first statement hit of the first article
        index = next(
            i for i, hit in enumerate(search.result.hits)  # type: ignore[union-attr]
            if hit.type == "statement" and hit.article == first_article().id
        )
        results.highlighted = results.get_option_index(f"hit-{index}")
        await pilot.press("enter")
        await settle(pilot)
        screen = reader(app)
        assert app.screen is screen
        hits = screen.search.hits
        words = [FIRST[h.start : h.end].lower() for h in hits]
        assert words == ["cluster bombs", "cluster bombs"]  # a phrase is one hit
        assert screen.view.marks.hits == hits
        first = screen.hit
        assert first is not None
        assert f"hit {first + 1} of 2" in screen.status.plain
        await pilot.press("n")
        assert screen.hit == (first + 1) % 2
        assert screen.view.marks.hit == (first + 1) % 2
        assert "(wrapped)" in screen.status.plain or first == 0
        await pilot.press("N", "N")
        assert screen.hit == (first - 1) % 2
        assert "Azerbaijan's defence ministry denied" in screen.view.visible_text()
        await pilot.press("escape")
        assert screen.search.hits == ()
        assert screen.view.marks.hits == ()


async def test_search_as_you_type_shows_snippets(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.press(*"kremlin")
        await pilot.pause(0.4)
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen)
        results = search.query_one("#search-results", OptionList)
        assert results.option_count >= 1
        assert search.query_one(Input).has_focus  # typing goes on in the field
        prompts = " ".join(str(results.get_option_at_index(i).prompt) for i in range(results.option_count))
        assert "Kremlin urges calm" in prompts


async def test_escape_returns_to_where_you_were(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = reader(app)
        before = screen.article
        await open_search(pilot, "kremlin")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert screen.article is before


async def test_did_you_mean_is_selectable(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        search = await open_search(pilot, "clustr")
        results = search.query_one("#search-results", OptionList)
        assert results.get_option_at_index(0).id == "suggestion"
        assert "cluster" in str(results.get_option_at_index(0).prompt)
        assert "No results" in str(search.query_one("#search-message", Static).render())
        results.focus()
        results.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        assert search.query_one(Input).value == "cluster"
        assert search.result is not None and search.result.hits
        assert results.has_focus
        await pilot.press("slash")  # back to the query
        assert search.query_one(Input).has_focus


async def test_search_error_is_one_line_not_a_crash(app: GuidedReaderApp, monkeypatch) -> None:
    def broken(store, text, **kwargs):
        return SearchResult(query=text, error=f"could not understand the query {text!r} — check quotes")

    monkeypatch.setattr(search_screen, "search", broken)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        search = await open_search(pilot, "title:(")
        message = search.query_one("#search-message", Static)
        assert message.has_class("-error")
        assert "could not understand" in str(message.render())
        assert search.query_one("#search-results", OptionList).option_count == 0


async def test_field_query_opens_the_statement(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        search = await open_search(pilot, "actor:peskov")
        hits = search.result.hits  # type: ignore[union-attr]
        assert hits and all(h.type == "statement" and h.speaker == "Dmitry Peskov" for h in hits)
        index = next(i for i, h in enumerate(hits) if h.article == second_article().id)
        found = search.query_one("#search-results", OptionList)
        found.highlighted = found.get_option_index(f"hit-{index}")
        await pilot.press("enter")
        await settle(pilot)
        screen = reader(app)
        assert screen.article.id == second_article().id  # type: ignore[union-attr]
        assert screen.current == 0
        assert screen.actor == "dmitry-peskov"


async def test_glossary_hit_opens_the_card(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        search = await open_search(pilot, "bomblets")
        hits = search.result.hits  # type: ignore[union-attr]
        assert hits[0].type == "glossary"
        await pilot.press("enter")
        await settle(pilot)
        from reader.widgets.entry_card import EntryCardScreen

        assert isinstance(app.screen, EntryCardScreen)
        assert app.screen.entry_id == "cluster-munitions"
