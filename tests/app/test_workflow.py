"""A reader's workflow in the app: back and forward across articles and a
restart, bookmarks, highlights with notes, export, re-anchoring when an
article's file changed, orphaned highlights."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from index.models import Analysis, Span
from index.store import Store, article_id, content_hash
from reader.app import GuidedReaderApp
from reader.userstate import BOOKMARK, HIGHLIGHT, UserState, index_key
from reader.widgets.annotations_screen import AnnotationsScreen
from reader.widgets.article_view import ArticleView
from reader.widgets.text_prompt import TextPrompt

from .builder import FIRST, first_article, second_article, third_article
from .conftest import settle
from .test_reading import click_text, reader


@pytest.fixture
def exports(isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = isolated_dirs / "exports"
    monkeypatch.setenv("READER_EXPORT_DIR", str(folder))
    return folder


def opened(app: GuidedReaderApp) -> str:
    article = reader(app).article
    assert article is not None
    return article.id


async def test_back_and_forward_across_three_articles_and_a_restart(index_path: Path) -> None:
    store = Store(index_path)
    app = GuidedReaderApp(store)
    async with app.run_test(size=(120, 10)) as pilot:  # small: the text scrolls
        await settle(pilot)
        assert opened(app) == first_article().id
        await pilot.press("j", "j", "j")
        await settle(pilot)
        place_in_first = reader(app).view.top_offset()
        assert place_in_first > 0
        await pilot.press(">")
        await settle(pilot)
        await pilot.press(">")
        await settle(pilot)
        assert opened(app) == third_article().id
        await pilot.press("backspace")
        await settle(pilot)
        assert opened(app) == second_article().id
        await pilot.press("alt+left")
        await settle(pilot)
        assert opened(app) == first_article().id
        assert reader(app).view.top_offset() == place_in_first  # the exact place
        await pilot.press("alt+left")  # nothing further back
        await settle(pilot)
        assert opened(app) == first_article().id and "Nothing further back" in reader(app).status.plain
        await pilot.press("alt+right")
        await settle(pilot)
        assert opened(app) == second_article().id

    again = GuidedReaderApp(Store(index_path))
    async with again.run_test(size=(120, 10)) as pilot:
        await settle(pilot)
        assert opened(again) == second_article().id  # where the reader was
        await pilot.press("backspace")
        await settle(pilot)
        assert opened(again) == first_article().id
        assert reader(again).view.top_offset() == place_in_first
        await pilot.press("alt+right", "alt+right")
        await settle(pilot)
        assert opened(again) == third_article().id
    places, cursor = UserState().history(index_key(index_path))
    assert [p.article for p in places] == [first_article().id, second_article().id, third_article().id] and cursor == 2
    store.close()


async def test_jumps_are_moves_that_back_returns_from(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = reader(app)
        await click_text(pilot, screen.view, FIRST.index("said on Monday"))
        await pilot.press("]")  # Pashinyan's next statement, in this article
        await settle(pilot)
        assert screen.current == 2
        await pilot.press("]")  # and on into the second article
        await settle(pilot)
        assert opened(app) == second_article().id
        await pilot.press("backspace")
        await settle(pilot)
        assert opened(app) == first_article().id and screen.current == 2
        await pilot.press("backspace")
        await settle(pilot)
        assert screen.current == 0


async def test_bookmark_list_rename_open_and_delete(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        [mark] = app.userstate.annotations(BOOKMARK)
        assert mark.quote.exact == "Ceasefire talks stall as shelling resumes"
        assert mark.hash == content_hash(FIRST)
        await pilot.press(">")
        await settle(pilot)
        await pilot.press("B")
        await settle(pilot)
        listing = app.screen
        assert isinstance(listing, AnnotationsScreen)
        options = listing.query_one(OptionList)
        assert options.option_count == 1
        prompt = str(options.get_option_at_index(0).prompt)
        assert "Ceasefire talks stall" in prompt and "just now" in prompt
        await pilot.press("down", "r")
        await settle(pilot)
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"start here", "enter")
        await settle(pilot)
        assert app.userstate.annotation(mark.id).label == "start here"  # type: ignore[union-attr]
        assert "start here" in str(options.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await settle(pilot)
        assert opened(app) == first_article().id
        await pilot.press("B")
        await settle(pilot)
        await pilot.press("down", "delete")
        await settle(pilot)
        assert app.userstate.annotations(BOOKMARK) == []
        assert "No bookmarks yet" in str(app.screen.query_one("#annotations-message").render())


async def test_highlight_with_a_note_shows_in_the_text_and_the_list(app: GuidedReaderApp, exports: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = reader(app)
        await pilot.press("h")  # nothing chosen yet
        assert "Nothing to highlight" in screen.status.plain
        await click_text(pilot, screen.view, FIRST.index("denied that its forces"))
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"who else saw them?", "enter")
        await settle(pilot)
        [highlight] = app.userstate.annotations(HIGHLIGHT)
        sentence = first_article().analysis.statements[1].sentence
        assert (highlight.start, highlight.end, highlight.note) == (sentence.start, sentence.end, "who else saw them?")
        assert screen.view.marks.highlights == (sentence,)
        await pilot.press("escape")  # no current statement: its mark would take the gutter
        await settle(pilot)
        row = next(y for y in range(screen.view.size.height) if "denied that its forces" in screen.view.render_line(y).text)
        line = screen.view.render_line(row)
        assert line.text.startswith("▍")  # the gutter marks it
        tint = screen.view.highlight_tint().bgcolor
        words = [s for s in line if "denied" in s.text]
        assert tint is not None and words and all(s.style.bgcolor == tint for s in words)
        # a keyboard selection: a sentence, one word more
        await pilot.press("v", "shift+down", "shift+right")
        selected = screen.selected
        assert selected is not None and "Selected:" in screen.status.plain
        await pilot.press("h", *"second", "enter")
        await settle(pilot)
        assert len(app.userstate.annotations(HIGHLIGHT)) == 2 and screen.selected is None
        await pilot.press("H")
        await settle(pilot)
        listing = app.screen
        assert isinstance(listing, AnnotationsScreen)
        await pilot.press(*"denied")  # words of the text, the note, the title
        await pilot.pause(0.3)
        options = listing.query_one(OptionList)
        assert options.option_count == 1 and "✎ who else saw them?" in str(options.get_option_at_index(0).prompt)
        await pilot.press("enter", "n")  # to the list, then edit the note
        await settle(pilot)
        prompt = app.screen
        assert isinstance(prompt, TextPrompt) and prompt.query_one(Input).value == "who else saw them?"
        await pilot.press("ctrl+u", *"checked: nobody", "enter")
        await settle(pilot)
        assert app.userstate.annotation(highlight.id).note == "checked: nobody"  # type: ignore[union-attr]
        await pilot.press("x")
        await settle(pilot)
        [written] = list(exports.glob("notes-*.md"))
        text = written.read_text(encoding="utf-8")
        assert "## Ceasefire talks stall as shelling resumes" in text
        assert "Test Wire · 2020-10-05 · article `" in text
        assert f"> {FIRST[sentence.start : sentence.end]}" in text
        assert "checked: nobody" in text
        assert f"`{first_article().id}#{sentence.start}-{sentence.end}`" in text
        assert "1 highlight in 1 article" in text  # the filter applies


async def test_a_highlight_cancelled_is_not_saved(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await click_text(pilot, reader(app).view, FIRST.index("denied that its forces"))
        await pilot.press("h", *"never mind", "escape")
        await settle(pilot)
        assert app.userstate.annotations(HIGHLIGHT) == []


def change_first_article(index_path: Path, new_text: str) -> None:
    """What `reader add` does when the file at the first article's path
    changed: the old version leaves the index, the new one comes in."""
    store = Store(index_path)
    old = first_article()
    new = replace(old, id=article_id(new_text), text=new_text, title_span=None, analysis=Analysis())
    with store.writer() as writer:
        store.delete_article(writer, old.id)
        store.add_article(writer, new)
    store.close()


async def highlight_denial(index_path: Path) -> None:
    app = GuidedReaderApp(Store(index_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await click_text(pilot, reader(app).view, FIRST.index("denied that its forces"))
        await pilot.press("h", *"check", "enter")
        await settle(pilot)
    app.store.close()


async def test_highlights_follow_a_changed_file(index_path: Path) -> None:
    await highlight_denial(index_path)
    changed = "UPDATED: new paragraph at the top.\n\n" + FIRST
    change_first_article(index_path, changed)
    app = GuidedReaderApp(Store(index_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert opened(app) == article_id(changed)  # history found the new version by its path
        [highlight] = app.userstate.annotations(HIGHLIGHT)
        quote = "Azerbaijan's defence ministry denied that its forces had used cluster bombs."
        assert highlight.hash == content_hash(changed) and not highlight.orphaned
        assert changed[highlight.start : highlight.end] == quote
        assert reader(app).view.marks.highlights == (Span(highlight.start, highlight.end),)
        assert any("found again" in n.message for n in app._notifications)
    app.store.close()


async def test_a_highlight_whose_text_is_gone_is_kept_as_an_orphan(index_path: Path, exports: Path) -> None:
    await highlight_denial(index_path)
    changed = FIRST.replace("Azerbaijan's defence ministry denied that its forces had used cluster bombs.", "The ministry has not commented.")
    change_first_article(index_path, changed)
    app = GuidedReaderApp(Store(index_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert opened(app) == article_id(changed)
        [orphan] = app.userstate.annotations(HIGHLIGHT)
        assert orphan.orphaned and orphan.note == "check" and orphan.hash == content_hash(changed)
        assert reader(app).view.marks.highlights == ()  # not drawn over the wrong words
        assert any("could not be found" in n.message for n in app._notifications)
        await pilot.press("H")
        await settle(pilot)
        prompt = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert "⚠ not found in the current version" in prompt and "denied that its forces" in prompt
        assert "1 orphaned" in str(app.screen.query_one("#annotations-message").render())
        await pilot.press("down", "x")
        await settle(pilot)
        text = next(exports.glob("notes-*.md")).read_text(encoding="utf-8")
        assert "⚠ Orphaned" in text and "denied that its forces" in text
    app.store.close()


async def test_a_mouse_selection_becomes_a_highlight(app: GuidedReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = reader(app).view
        start, end = FIRST.index("shelling resumes"), FIRST.index("shelling resumes") + len("shelling resumes")

        def cell(offset: int) -> tuple[int, int]:
            row = view.row_of(offset)
            first = view._rows[row].start
            return view._left + 2 + (offset - first), row - round(view.scroll_y)

        await pilot.mouse_down(ArticleView, offset=cell(start))
        await pilot.hover(ArticleView, offset=cell(end - 1))
        await pilot.mouse_up(ArticleView, offset=cell(end - 1))
        await settle(pilot)
        assert reader(app).selected == Span(start, end)
        assert app.screen.get_selected_text() == "shelling resumes"  # what ctrl+c copies
        await pilot.press("h", "enter")
        await settle(pilot)
        [highlight] = app.userstate.annotations(HIGHLIGHT)
        assert highlight.quote.exact == "shelling resumes" and highlight.note == ""


async def test_the_highlights_list_finds_changed_files_without_opening_them(index_path: Path) -> None:
    await highlight_denial(index_path)
    changed = FIRST.replace("Azerbaijan's defence ministry denied that its forces had used cluster bombs.", "No comment.")
    change_first_article(index_path, changed)
    app = GuidedReaderApp(Store(index_path), article=second_article().id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert opened(app) == second_article().id
        await pilot.press("H")
        await settle(pilot)
        assert "⚠ not found in the current version" in str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        [orphan] = app.userstate.annotations(HIGHLIGHT)
        assert orphan.orphaned and orphan.hash == content_hash(changed)
    app.store.close()
