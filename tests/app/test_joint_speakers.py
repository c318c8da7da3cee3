"""Speakers as a reader sees them (issue 12): a statement a named group made
together is reached from a member with `]` and marked as said jointly; a
source that could not be resolved is shown as "unnamed: …"."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from index.glossary import glossary_fingerprint, load_glossary
from index.models import Actor, Analysis, Article
from index.store import Store, article_id
from reader.app import GuidedReaderApp
from reader.widgets.reader_screen import ReaderScreen

from .builder import statement
from .conftest import settle

TURKEY = Actor("turkey", "Turkey", "country")
AZERBAIJAN = Actor("azerbaijan", "Azerbaijan", "country")
BOTH = Actor("turkey-and-azerbaijan", "Turkey and Azerbaijan", "group", members=["turkey", "azerbaijan"])

TEXT = (
    "Fighters sent to the front, rebels say\n"
    "\n"
    "Turkey said on Monday that it would back Azerbaijan.\n"
    "\n"
    "Rebels said fighters had been sent, which Turkey and Azerbaijan have denied.\n"
    "\n"
    "He said the fighting would go on.\n"
)


def _article() -> Article:
    t = TEXT
    statements = [
        statement(t, TURKEY, "Turkey", "Turkey said on Monday that it would back Azerbaijan.", "said", "it would back Azerbaijan", "claim"),
        statement(t, BOTH, "Turkey and Azerbaijan", "Rebels said fighters had been sent, which Turkey and Azerbaijan have denied.", "have denied", "fighters had been sent", "denial"),
        statement(t, None, "He", "He said the fighting would go on.", "said", "the fighting would go on", "claim"),
    ]
    return Article(
        id=article_id(t), seq=1, path="/tmp/front.txt", title="Fighters sent to the front, rebels say", text=t,
        analysis=Analysis(actors=[TURKEY, BOTH, AZERBAIJAN], statements=statements, version=4),
    )


def _index(path: Path) -> Store:
    store = Store(path)
    with store.writer() as writer:
        store.add_article(writer, _article())
        store.write_state(writer, next_seq=2, glossary=glossary_fingerprint(load_glossary().entries))
    return store


async def test_a_member_reaches_the_group_statement_said_jointly_and_unresolved_is_unnamed(tmp_path: Path) -> None:
    store = _index(tmp_path / "index")
    app = GuidedReaderApp(store)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, ReaderScreen)
            claims = screen.query_one("#claims-list", OptionList)
            prompts = [str(claims.get_option_at_index(i).prompt) for i in range(claims.option_count)]
            assert any("unnamed: He" in p for p in prompts), prompts
            assert not any(p.startswith("● He ") for p in prompts)
            await pilot.press("3")
            actors = screen.query_one("#actors-list", OptionList)
            actors.highlighted = actors.get_option_index("turkey")
            await pilot.press("enter")
            await settle(pilot)
            assert screen.actor == "turkey"
            assert "Turkey — statement 1 of 2" in screen.status.plain
            await pilot.press("]")
            await settle(pilot)
            assert screen.current == 1
            assert "Turkey — statement 2 of 2" in screen.status.plain
            assert "said jointly: Turkey and Azerbaijan" in screen.status.plain
            # Azerbaijan has no statement of its own here: the joint one is its first
            actors.highlighted = actors.get_option_index("azerbaijan")
            actors.focus()
            await pilot.press("enter")
            await settle(pilot)
            assert screen.actor == "azerbaijan" and screen.current == 1
            assert "said jointly: Turkey and Azerbaijan" in screen.status.plain
    finally:
        store.close()
