"""Reading: the four panes, the text as data, choosing statements and actors,
jumping through an actor's statements across articles."""

from __future__ import annotations

from textual.widgets import OptionList, Tabs

from reader.app import GuidedReaderApp
from reader.colors import article_colours
from reader.widgets.article_view import GUTTER, ArticleView
from reader.widgets.reader_screen import ReaderScreen

from .builder import FIRST, SECOND, first_article, second_article
from .conftest import settle


def reader(app: GuidedReaderApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen), screen
    return screen


def shown_lines(view: ArticleView) -> list[str]:
    """What the text pane draws, line by line."""
    return [view.render_line(y).text.rstrip() for y in range(view.size.height)]


async def click_text(pilot, view: ArticleView, offset: int) -> None:
    """Click the character at ``offset`` of the open article."""
    row = view.row_of(offset) - round(view.scroll_y)
    start = view._rows[view.row_of(offset)].start
    column = GUTTER + view._left + len(view._display[start:offset])
    await pilot.click(ArticleView, offset=(column, row))
    await settle(pilot)


async def test_first_article_opens_with_all_four_panes(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = reader(app)
        assert screen.article is not None and screen.article.id == first_article().id
        for selector in ("#text-column", "#claims", "#actors", "#glossary"):
            widget = screen.query_one(selector)
            assert widget.display and widget.region.width > 20 and widget.region.height >= 5, selector
        assert not screen.query_one(Tabs).display
        lines = shown_lines(screen.view)
        assert lines[0].strip() == "Ceasefire talks stall as shelling resumes"
        assert "Test Wire · 2020-10-05 · 4 statements" in lines[1]
        assert any(line.strip() == "Background of the war" for line in lines)
        claims = screen.query_one("#claims-list", OptionList)
        assert claims.option_count == 4
        assert screen.query_one("#actors-list", OptionList).option_count == 3
        assert screen.query_one("#glossary-list", OptionList).option_count == 3
        assert "4 statements" in screen.status.plain


async def test_markup_and_escape_sequences_in_the_text_show_literally(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lines = shown_lines(reader(app).view)
        line = next(line for line in lines if "A line with" in line)
        assert "[bold]markup[/]" in line
        assert "␛[31m" in line
        assert "\x1b" not in "".join(lines)


async def test_headings_are_styled_and_statements_coloured(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = reader(app).view
        heading_row = next(y for y in range(view.size.height) if view.render_line(y).text.strip() == "Background of the war")
        segments = [s for s in view.render_line(heading_row) if s.text.strip()]
        assert all(s.style.bold for s in segments)
        statement_row = next(y for y in range(view.size.height) if "Nikol Pashinyan said" in view.render_line(y).text)
        colours = {s.style.color.name for s in view.render_line(statement_row) if s.text.strip()}
        assert article_colours(view.article).color("nikol-pashinyan", dark=app.current_theme.dark) in colours


async def test_clicking_a_statement_makes_its_speaker_current(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = reader(app)
        await click_text(pilot, screen.view, FIRST.index("denied that its forces"))
        assert screen.actor == "azerbaijan-defence-ministry"
        assert screen.current == 1
        assert screen.view.marks.current == 1
        assert screen.query_one("#claims-list", OptionList).highlighted == 1
        assert "Azerbaijan's defence ministry — statement 1 of 1 · 1 article" in screen.status.plain


async def test_choosing_a_claim_scrolls_the_text_to_it(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 16)) as pilot:
        await settle(pilot)
        screen = reader(app)
        await pilot.press("2")
        assert screen.query_one("#claims-list", OptionList).has_focus
        await pilot.press("down", "down", "down", "enter")
        await settle(pilot)
        assert screen.current == 3
        assert screen.actor == "dmitry-peskov"
        assert "Dmitry Peskov claimed" in screen.view.visible_text()


async def test_actor_then_jumps_across_two_articles(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = reader(app)
        await pilot.press("3")
        actors = screen.query_one("#actors-list", OptionList)
        assert actors.has_focus
        actors.highlighted = actors.get_option_index("nikol-pashinyan")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.actor == "nikol-pashinyan"
        assert screen.current == 0
        assert "Nikol Pashinyan — statement 1 of 3 · 2 articles" in screen.status.plain
        await pilot.press("]")
        await settle(pilot)
        assert screen.current == 2
        assert "statement 2 of 3" in screen.status.plain
        await pilot.press("]")
        await settle(pilot)
        assert screen.article.id == second_article().id  # type: ignore[union-attr]
        assert screen.current == 1
        assert screen.actor == "nikol-pashinyan"
        assert "Nikol Pashinyan — statement 3 of 3 · 2 articles" in screen.status.plain
        assert "Pashinyan said Armenia would defend itself" in screen.view.visible_text()
        await pilot.press("]")
        await settle(pilot)
        assert screen.article.id == second_article().id  # type: ignore[union-attr]
        assert "no later statement" in screen.status.plain
        await pilot.press("[")
        await settle(pilot)
        assert screen.article.id == first_article().id  # type: ignore[union-attr]
        assert screen.current == 2
        assert "statement 2 of 3" in screen.status.plain


async def test_jump_without_an_actor_says_how_to_choose_one(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("]")
        await settle(pilot)
        assert "No current actor" in reader(app).status.plain


async def test_corpus_actors_toggle(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = reader(app)
        await pilot.press("3", "c")
        await settle(pilot)
        actors = screen.query_one("#actors-list", OptionList)
        assert "Whole corpus" in str(screen.query_one("#actors-scope").render())
        first = actors.get_option_at_index(0)
        assert first.id == "nikol-pashinyan"  # 3 statements, the most quoted
        assert "2 articles" in str(first.prompt)
        await pilot.press("c")
        await settle(pilot)
        assert "This article" in str(screen.query_one("#actors-scope").render())


async def test_next_and_previous_article(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = reader(app)
        await pilot.press(">")
        await settle(pilot)
        assert screen.article.title == "Kremlin urges calm"  # type: ignore[union-attr]
        await pilot.press("<")
        await settle(pilot)
        assert screen.article.id == first_article().id  # type: ignore[union-attr]
        await pilot.press("<")
        await settle(pilot)
        assert "first article" in screen.status.plain


async def test_text_keeps_second_article_text(app: GuidedReaderApp) -> None:
    """The second article has no title block problems: headline shown once."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader(app).open_article(second_article().id)
        await settle(pilot)
        lines = [line.strip() for line in shown_lines(reader(app).view) if line.strip()]
        assert lines[0] == "Kremlin urges calm"
        assert lines.count("Kremlin urges calm") == 1
        assert SECOND.splitlines()[2] in " ".join(lines)


async def test_a_jump_into_another_article_scrolls_to_the_statement(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 10)) as pilot:
        await settle(pilot)
        screen = reader(app)
        screen.open_article(second_article().id)
        await settle(pilot)
        await pilot.press("3")
        actors = screen.query_one("#actors-list", OptionList)
        actors.highlighted = actors.get_option_index("dmitry-peskov")
        await pilot.press("enter", "[")
        await settle(pilot)
        assert screen.article.id == first_article().id  # type: ignore[union-attr]
        assert screen.current == 3
        assert "Dmitry Peskov claimed" in screen.view.visible_text()
        assert screen.view.scroll_y > 0
