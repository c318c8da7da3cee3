"""The app's pure parts: layout, display text, cues, user-state file, tour ranking
(colours: tests/app/test_colours.py)."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reader.userstate import UserState, default_path
from reader.widgets import text_layout as tl
from reader.widgets.cues import DISTANCED, ENDORSING, NEUTRAL, commitment, is_rejection
from reader.widgets.related_list import RelatedTarget, related_options

from .builder import first_article

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_ebbc1b3b34e9d41b.txt"


def test_seed_headlines_become_headings() -> None:
    text = SEED.read_text(encoding="utf-8")
    headings = [text[b.start : b.end] for b in tl.find_blocks(text) if b.kind == tl.HEADING]
    assert headings == [
        "Azerbaijan using Israeli-made cluster bombs in Nagorno-Karabakh: Amnesty",
        "Azerbaijani Defense Ministry rejected claims that Israel was supplying Baku with weapons",
        "Half of Karabakh’s population displaced by conflict: Official",
        "Nagorno-Karabakh could become extremist stronghold: Russia",
        "Turkey seeks to continue ‘genocide’ in Nagorno-Karabakh: Armenia",
    ]
    paragraphs = [b for b in tl.find_blocks(text) if b.kind == tl.PARAGRAPH]
    assert len(paragraphs) == len([line for line in text.splitlines() if line.strip()]) - 5


def test_corpus_layout_headline_then_paragraphs() -> None:
    text = "Headline here\n\nFirst paragraph, one line.\n\nSecond paragraph.\n"
    blocks = tl.find_blocks(text, (0, len("Headline here")))
    assert [b.kind for b in blocks] == [tl.TITLE, tl.PARAGRAPH, tl.PARAGRAPH]


def test_markdown_headline_shows_without_its_hashes() -> None:
    text = "# A headline\n\nBody text here.\n"
    blocks = tl.find_blocks(text, (2, 12))
    assert blocks[0] == tl.Block(tl.TITLE, 2, 12)


def test_hard_wrapped_markdown_is_one_paragraph_and_headings_lose_hashes() -> None:
    text = "# The title\n\nThis paragraph was wrapped by\nits writer at a short width so\nthe lines go on.\n"
    blocks = tl.find_blocks(text)
    assert blocks[0].kind == tl.HEADING and text[blocks[0].start : blocks[0].end] == "The title"
    assert len(blocks) == 2 and blocks[1].kind == tl.PARAGRAPH


@given(st.text(max_size=300))
def test_display_text_keeps_offsets_and_prints_no_control_characters(text: str) -> None:
    shown = tl.display_text(text)
    assert len(shown) == len(text)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in shown)
    assert "\x1b" not in shown


@given(st.text(alphabet=st.sampled_from("ab cdé漢字 \t-"), max_size=200), st.integers(min_value=1, max_value=30))
def test_wrap_rows_fit_and_cover_every_word(text: str, width: int) -> None:
    rows = tl.wrap(text, 0, len(text), width)
    for start, end in rows:
        assert tl.cell_width(text[start:end]) <= max(width, 2)
    covered = "".join(text[start:end] for start, end in rows)
    assert covered.replace(" ", "").replace("\t", "") == text.replace(" ", "").replace("\t", "")


def test_cue_commitment_table() -> None:
    assert commitment("claimed") == DISTANCED
    assert commitment("alleged") == DISTANCED
    assert commitment("said") == NEUTRAL
    assert commitment("has told") == NEUTRAL
    assert commitment("According to") == NEUTRAL
    assert commitment("confirmed") == ENDORSING
    assert commitment("acknowledged") == ENDORSING
    assert commitment("revealed") == ENDORSING
    assert commitment("gargled") is None
    assert is_rejection("claim", "rejected") and is_rejection("denial", "said") and not is_rejection("claim", "said")


def test_what_others_said_is_listed_by_relation_with_speaker_article_and_date() -> None:
    from index.related import RelatedItem

    article = first_article()
    denial = article.analysis.statements[1]

    def item(relation: str, aid: str, title: str, date: str | None, claim: str) -> RelatedItem:
        return RelatedItem(relation, 1.0, aid, 1, title, date, "Azerbaijan's defence ministry", "…", denial, claim, copies=2 if relation == "denies" else 0)

    items = [
        item("denies", article.id, article.title, "2020-10-05", "its forces had used cluster bombs"),
        item("agrees", "other", "Kremlin urges calm", "2020-10-06T10:00:00Z", "cluster bombs [bold]hit[/] the town"),
        item("same subject", "third", "A long title " * 10, None, "talks"),
    ]
    options = related_options(items, here=article.id)
    headings = [str(o.prompt) for o in options if o.disabled]
    assert headings == ["Denials and answers", "Saying the same", "On the same subject"]
    chosen = [o for o in options if not o.disabled]
    assert [o.value for o in chosen][0] == RelatedTarget(article.id, 1)  # type: ignore[attr-defined]
    first, second, third = (str(o.prompt) for o in chosen)
    assert first.startswith("● Azerbaijan's defence ministry  denies it · this article · 2020-10-05 (+2 repeats)")
    assert "Kremlin urges calm · 2020-10-06" in second and "[bold]hit[/]" in second  # data stays literal
    assert "…" in third.splitlines()[0] and "2020" not in third


def test_a_damaged_old_session_file_is_ignored(isolated_dirs: Path) -> None:
    folder = isolated_dirs / "state"
    folder.mkdir()
    (folder / "session.json").write_text("{not json")
    state = UserState()
    assert state.setting("theme") is None and state.current_place("/ix") is None
    (folder / "session.json").write_text(json.dumps({"positions": {"x": {"offset": "many", "article": "a"}}, "theme": 3}))
    state = UserState()
    assert state.setting("theme") is None and state.current_place("x") is None


def test_user_state_follows_the_state_dir_variable(isolated_dirs: Path) -> None:
    assert default_path() == isolated_dirs / "state" / "userstate.sqlite3"


def test_sentences_for_keyboard_selection() -> None:
    text = 'Headline\n\nHe said: "It is fine." Then he left! Why? Because.\n\nLast one'
    pieces = [text[s.start : s.end] for s in tl.sentences(text, tl.find_blocks(text, (0, 8)))]
    assert pieces == ["Headline", 'He said: "It is fine."', "Then he left!", "Why?", "Because.", "Last one"]
    assert tl.next_word_end(text, text.index(" Then")) == text.index("Then") + 4
    assert tl.previous_word_end(text, text.index("he left") + 2, text.index("Then")) == text.index("Then") + 4


def test_cut_text_ends_with_an_ellipsis() -> None:
    assert tl.shorten("Fighting escalates over Nagorno-Karabakh as both sides accuse each other", 40) == "Fighting escalates over…"
    assert tl.shorten("short  title", 40) == "short title"
    assert len(tl.shorten("x" * 100, 10)) == 10 and tl.shorten("x" * 100, 10).endswith("…")


def test_a_toast_mounted_as_it_expires_gets_a_positive_timer() -> None:
    import time

    from textual.notifications import Notification
    from textual.widgets._toast import Toast

    import reader.app  # noqa: F401  (installs the guard)

    expired = Notification("gone", timeout=1, raised_at=time.time() - 2)
    assert Toast(expired)._timeout > 0


def test_a_search_result_shows_a_pointing_statement_with_its_claim() -> None:
    from index.models import Span, Statement
    from index.query import Hit
    from reader.widgets.search_screen import hit_prompt

    statement = Statement("norway", "Norway", Span(0, 4), Span(5, 11), Span(12, 16), Span(0, 17), "denial", False)
    hit = Hit("statement", "a1", "Norway rejects \x1b[2J claim", None, 1.0, snippet="Oslo denied this.", statement=statement,
              position=2, speaker="Norway", claim="denied [that the\nramming was deliberate]")
    shown = hit_prompt(hit).plain
    assert shown.endswith("\nclaim  denied [that the ramming was deliberate]")
    assert "\x1b" not in shown  # data stays inert
    hit.claim = None
    assert "claim" not in hit_prompt(hit).plain.split("\n", 1)[1]
