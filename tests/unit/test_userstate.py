"""The reader's own state: history, bookmarks, highlights, migrations,
re-anchoring when an article's file changed."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from index.store import content_hash
from reader.userstate import BOOKMARK, HIGHLIGHT, SCHEMA_VERSION, ArticleRef, Place, UserState, UserStateError

TEXT = "Headline\n\nThe minister said the budget would rise. Critics said it would not be enough.\n"


def ref(text: str = TEXT, path: str = "/news/a.txt") -> ArticleRef:
    return ArticleRef(content_hash(text), path, "Headline")


@pytest.fixture
def state(tmp_path: Path) -> UserState:
    return UserState(tmp_path / "user.sqlite3")


def test_a_new_file_has_the_schema_version_and_uses_wal(state: UserState) -> None:
    assert state.schema_version() == SCHEMA_VERSION
    with sqlite3.connect(state.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_old_file_is_migrated_and_a_newer_one_refused(tmp_path: Path) -> None:
    path = tmp_path / "user.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        db.execute("INSERT INTO schema_version VALUES (0)")
    state = UserState(path)
    assert state.schema_version() == SCHEMA_VERSION
    state.set_setting("theme", "textual-light")
    state.close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(UserStateError, match="newer version"):
        UserState(path)


def test_history_is_a_list_with_a_cursor(state: UserState, tmp_path: Path) -> None:
    ix = "/index"
    for article in ("a", "b", "c"):
        state.visit(ix, Place(article, 10))
    places, cursor = state.history(ix)
    assert [p.article for p in places] == ["a", "b", "c"] and cursor == 2
    assert state.step(ix, -1).article == "b"  # type: ignore[union-attr]
    assert state.step(ix, -1).article == "a"  # type: ignore[union-attr]
    assert state.step(ix, -1) is None
    assert state.step(ix, 1).article == "b"  # type: ignore[union-attr]
    state.update_place(ix, Place("b", 99, "actor-x", 3))
    state.visit(ix, Place("d"))  # a new move drops the forward history
    places, cursor = state.history(ix)
    assert [p.article for p in places] == ["a", "b", "d"] and cursor == 2
    assert places[1].offset == 99 and places[1].actor == "actor-x" and places[1].statement == 3
    assert state.history("/other") == ([], -1)
    state.close()
    again = UserState(tmp_path / "user.sqlite3")  # survives a restart
    assert again.current_place(ix).article == "d"  # type: ignore[union-attr]


def test_history_is_bounded(state: UserState, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reader.userstate.HISTORY_LIMIT", 5)
    for number in range(12):
        state.visit("/ix", Place(str(number)))
    places, cursor = state.history("/ix")
    assert [p.article for p in places] == ["7", "8", "9", "10", "11"] and cursor == 4


def test_bookmarks_and_highlights_are_listed_filtered_renamed_and_deleted(state: UserState) -> None:
    start = TEXT.index("Critics")
    mark = state.add_bookmark(ref(), TEXT, start, start + 20, label="critics")
    note = state.add_highlight(ref(), TEXT, TEXT.index("budget"), TEXT.index("budget") + 6, note="how much?")
    assert mark.kind == BOOKMARK and note.kind == HIGHLIGHT
    assert note.quote.exact == "budget" and note.quote.prefix.endswith("said the ")
    assert [a.id for a in state.annotations()] == [note.id, mark.id]
    assert [a.id for a in state.annotations(HIGHLIGHT)] == [note.id]
    assert [a.id for a in state.annotations(words="how MUCH")] == [note.id]
    assert [a.id for a in state.annotations(article=ref().id[:8])] == [note.id, mark.id]
    assert state.annotations(article="ffff") == []
    state.rename(mark.id, "the critics")
    state.set_note(note.id, "compare with last year")
    assert state.annotation(mark.id).label == "the critics"  # type: ignore[union-attr]
    assert state.annotation(note.id).note == "compare with last year"  # type: ignore[union-attr]
    state.delete(mark.id)
    assert state.annotation(mark.id) is None


def test_a_changed_file_moves_highlights_and_orphans_what_is_gone(state: UserState) -> None:
    kept = state.add_highlight(ref(), TEXT, TEXT.index("Critics said"), TEXT.index("Critics said") + 12, note="n1")
    lost = state.add_highlight(ref(), TEXT, TEXT.index("would rise"), TEXT.index("would rise") + 10)
    changed = "Headline\n\nUpdate: figures revised.\n\nThe minister said the budget was fixed. Critics said it would not be enough.\n"
    new = ref(changed)
    result = state.reanchor(new, changed, in_index=lambda aid: False)
    assert [a.id for a in result.moved] == [kept.id] and [a.id for a in result.orphaned] == [lost.id]
    moved = state.annotation(kept.id)
    assert moved is not None and moved.hash == new.hash and not moved.orphaned and moved.note == "n1"
    assert changed[moved.start : moved.end] == "Critics said"
    orphan = state.annotation(lost.id)
    assert orphan is not None and orphan.orphaned and orphan.quote.exact == "would rise" and orphan.hash == new.hash
    assert {a.id for a in state.annotations(article=new.id)} == {kept.id, lost.id}
    # the passage comes back in a later version: the orphan is found again
    again = changed.replace("was fixed", "would rise")
    result = state.reanchor(ref(again), again, in_index=lambda aid: False)
    assert lost.id in [a.id for a in result.moved] and not state.annotation(lost.id).orphaned  # type: ignore[union-attr]


def test_an_old_version_still_in_the_index_keeps_its_annotations(state: UserState) -> None:
    mark = state.add_highlight(ref(), TEXT, 0, 8)
    other = "Another text at the same path\n"
    result = state.reanchor(ref(other), other, in_index=lambda aid: aid == ref().id)
    assert result.moved == [] and result.orphaned == []
    assert state.annotation(mark.id).hash == ref().hash  # type: ignore[union-attr]


def test_the_old_json_session_is_imported_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "state"
    folder.mkdir()
    monkeypatch.setenv("READER_STATE_DIR", str(folder))
    (folder / "session.json").write_text(
        json.dumps({"theme": "textual-light", "positions": {"/ix": {"article": "abc", "offset": 40, "actor": "x", "statement": 2}}}),
        encoding="utf-8",
    )
    state = UserState()
    assert state.setting("theme") == "textual-light"
    place = state.current_place("/ix")
    assert place is not None and (place.article, place.offset, place.actor, place.statement) == ("abc", 40, "x", 2)
    assert not (folder / "session.json").exists() and (folder / "session.json.imported").exists()


def test_an_unusable_folder_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(UserStateError) as error:
        UserState(blocker / "user.sqlite3")
    assert "\n" not in str(error.value) and "READER_STATE_DIR" in str(error.value)
