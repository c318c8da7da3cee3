"""Glossary cards, the guided tour, help, the articles list and the palette."""

from __future__ import annotations

from textual.widgets import Input, Markdown, OptionList, Static

from reader.app import GuidedReaderApp
from reader.widgets.articles_screen import ArticlesScreen
from reader.widgets.entry_card import EntryCardScreen
from reader.widgets.help_screen import HelpScreen
from reader.widgets.choice import value_of
from reader.widgets.related_list import RelatedTarget
from reader.widgets.tour_panel import TourPanel

from .builder import FIRST, first_article, second_article
from .conftest import settle
from .test_reading import click_text, reader


def card_text(card: EntryCardScreen) -> str:
    return str(card.query_one("#card-text", Static).render())


async def test_glossary_pane_opens_the_card_and_follows_related(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("4")
        entries = reader(app).query_one("#glossary-list", OptionList)
        entries.highlighted = entries.get_option_index("ceasefire-1994")
        await pilot.press("enter")
        await settle(pilot)
        card = app.screen
        assert isinstance(card, EntryCardScreen)
        text = card_text(card)
        assert "1994 ceasefire" in text and "Russian-brokered" in text
        assert "1994-05-12" in text and "The ceasefire takes effect" in text
        assert "Encyclopaedia Britannica" in text
        links = card.query_one("#card-links", OptionList)
        ids = [links.get_option_at_index(i).id for i in range(links.option_count)]
        assert "rel:nagorno-karabakh-conflict" in ids
        assert f"art:{first_article().id}" in ids
        links.highlighted = ids.index("rel:nagorno-karabakh-conflict")
        await pilot.press("enter")
        await settle(pilot)
        assert card.entry_id == "nagorno-karabakh-conflict"
        assert "between Armenia and Azerbaijan" in card_text(card)
        await pilot.press("backspace")
        await settle(pilot)
        assert card.entry_id == "ceasefire-1994"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is reader(app)


async def test_term_in_the_text_by_key_and_by_click(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = reader(app)
        # e walks the underlined terms: cluster bombs, Stepanakert, cluster bombs, 1994
        await pilot.press("e", "e", "e", "e")
        assert screen.view.current_term is not None
        assert screen.view.current_term.entry == "ceasefire-1994"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryCardScreen) and app.screen.entry_id == "ceasefire-1994"
        await pilot.press("escape")
        await settle(pilot)
        await click_text(pilot, screen.view, FIRST.index("Stepanakert") + 3)
        assert isinstance(app.screen, EntryCardScreen) and app.screen.entry_id == "stepanakert"


async def test_card_opens_another_article_at_the_term(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader(app).show_entry("cluster-munitions")
        await settle(pilot)
        card = app.screen
        assert isinstance(card, EntryCardScreen)
        links = card.query_one("#card-links", OptionList)
        links.highlighted = links.get_option_index(f"art:{second_article().id}")
        await pilot.press("enter")
        await settle(pilot)
        screen = reader(app)
        assert app.screen is screen
        assert screen.article.id == second_article().id  # type: ignore[union-attr]
        assert screen.view.current_term is not None and screen.view.current_term.entry == "cluster-munitions"


async def test_tour_steps_through_statements_with_cards(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = reader(app)
        await pilot.press("t")
        await settle(pilot)
        tour = screen.query_one(TourPanel)
        assert tour.display and not screen.query_one("#side").display
        card = str(tour.query_one("#tour-card", Static).render())
        assert "Nikol Pashinyan" in card and "Prime Minister of Armenia" in card
        assert "accusation" in card and "“said”: neutral" in card
        assert "1 other statement here" in card
        assert "1 in 1 other article" in card  # counted across the corpus
        assert screen.current == 0 and screen.actor == "nikol-pashinyan"
        links = tour.query_one("#tour-links", OptionList)
        options = [links.get_option_at_index(i) for i in range(links.option_count)]
        # what others said comes first, the ministry's denial at its head; then the background
        targets = [value_of(o) for o in options if isinstance(value_of(o), RelatedTarget)]
        assert targets and targets[0] == RelatedTarget(screen.article.id, 1)
        ids = [o.id for o in options]
        assert "entry:cluster-munitions" in ids
        assert ids.index("entry:cluster-munitions") > options.index(next(o for o in options if isinstance(value_of(o), RelatedTarget)))
        await pilot.press("right")
        await settle(pilot)
        assert screen.current == 1
        card = str(tour.query_one("#tour-card", Static).render())
        assert "denial" in card and "reported speech" in card
        await pilot.press("right", "right")
        await settle(pilot)
        card = str(tour.query_one("#tour-card", Static).render())
        assert "“claimed”: distanced" in card
        await pilot.press("left")
        await settle(pilot)
        assert screen.current == 2
        assert "a direct quotation" in str(tour.query_one("#tour-card", Static).render())
        await pilot.press("escape")
        await settle(pilot)
        assert not tour.display and screen.query_one("#side").display
        assert screen.view.has_focus


async def test_help_lists_every_key(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        source = app.screen.query_one(Markdown).source
        for needle in ("Next by actor", "`]`", "`/`", "Next hit", "Article/corpus actors", "Next term", "End tour", "`ctrl+p`"):
            assert needle in source, needle
        await pilot.press("escape")
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert app.screen is reader(app)


async def test_articles_list_filter_and_open(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        articles = app.screen
        assert isinstance(articles, ArticlesScreen)
        listing = articles.query_one(OptionList)
        assert listing.option_count == 3
        row = str(listing.get_option_at_index(0).prompt)
        assert "2020-10-05" in row and "Test Wire" in row and " 4  Ceasefire talks stall" in row
        assert articles.query_one(Input).has_focus
        await pilot.press(*"kremlin")
        await pilot.pause(0.3)  # the filter runs when typing pauses
        assert listing.option_count == 1
        await pilot.press("enter")
        await settle(pilot)
        screen = reader(app)
        assert app.screen is screen
        assert screen.article.id == second_article().id  # type: ignore[union-attr]


async def test_command_palette_offers_the_actions(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"guided tour")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert reader(app).query_one(TourPanel).display


async def test_the_key_bar_keys_are_clickable(app: GuidedReaderApp) -> None:
    from reader.widgets.key_bar import KeyBar
    from reader.widgets.search_screen import SearchScreen

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        bar = reader(app).query_one(KeyBar)
        assert "/ Search" in bar.plain and "] Next by actor" in bar.plain
        start = next(start for start, _, key in bar._spans if key == "slash")
        await pilot.click(KeyBar, offset=(start + 1, 0))
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
