"""The app's search field survives any text: 2,000 random strings from the
same strategy as tests/reliability/test_random_queries.py are searched and
shown in the results list of one running app; it never raises, and each
shows results, "no results" or a one-line message."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import Static

from reader.app import GuidedReaderApp
from reader.widgets.search_screen import LIMIT, TYPES, SearchDone, SearchScreen, search
from tests.reliability.test_random_queries import queries

from .conftest import settle

COUNT = int(os.environ.get("READER_QUERY_EXAMPLES", "2000"))


@settings(max_examples=1, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(texts=st.lists(queries, min_size=COUNT, max_size=COUNT))
async def test_search_field_takes_any_text(app: GuidedReaderApp, texts: list[str]) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        message = screen.query_one("#search-message", Static)
        assert len(texts) == COUNT
        for number, text in enumerate(texts):
            result = search(app.corpus.store, text, limit=LIMIT, types=TYPES)
            screen._show(SearchDone(result, 0))  # what the search worker hands to the screen
            shown = str(message.render())
            assert "\n" not in shown.strip(), shown
            assert shown.strip() or not text.strip()
            if number % 200 == 0:
                await pilot.pause()  # let it paint now and then
        await pilot.press("escape")
        await settle(pilot)
        assert app.return_code is None  # still running, nothing raised
