"""Text-quote anchors: a passage is found again after its article changed."""

from __future__ import annotations

from index.anchors import CONTEXT, Quote, locate, quote_of
from index.models import Span

TEXT = (
    "The minister said the budget would rise. Critics said the budget would not be enough.\n\n"
    "Protesters gathered outside parliament on Tuesday, demanding an inquiry into the contracts."
)


def where(text: str, piece: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def test_a_quote_keeps_its_text_and_context() -> None:
    start, end = where(TEXT, "demanding an inquiry")
    quote = quote_of(TEXT, start, end)
    assert quote.exact == "demanding an inquiry"
    assert quote.suffix == TEXT[end : end + CONTEXT]
    assert quote.prefix == TEXT[start - CONTEXT : start]
    assert locate(TEXT, quote) == Span(start, end)


def test_unchanged_text_keeps_the_offsets() -> None:
    quote = quote_of(TEXT, 0, 12)
    assert locate(TEXT, quote) == Span(0, 12)


def test_text_added_above_moves_the_anchor() -> None:
    start, end = where(TEXT, "demanding an inquiry")
    quote = quote_of(TEXT, start, end)
    changed = "UPDATED: a new first paragraph was added.\n\n" + TEXT
    found = locate(changed, quote)
    assert found is not None and changed[found.start : found.end] == "demanding an inquiry"
    assert found.start == start + len("UPDATED: a new first paragraph was added.\n\n")


def test_the_context_picks_the_right_one_of_repeated_words() -> None:
    start, end = where(TEXT, "the budget would", nth=1)  # the critics' one
    quote = quote_of(TEXT, start, end)
    changed = "Breaking. " + TEXT
    found = locate(changed, quote)
    assert found is not None
    assert changed[found.start - 13 : found.start] == "Critics said "


def test_rewrapped_white_space_still_matches() -> None:
    start, end = where(TEXT, "Protesters gathered outside parliament")
    quote = quote_of(TEXT, start, end)
    changed = TEXT.replace("gathered outside", "gathered\n  outside")
    found = locate(changed, quote)
    assert found is not None and changed[found.start : found.end] == "Protesters gathered\n  outside parliament"


def test_a_small_edit_inside_a_long_quote_still_matches() -> None:
    start, end = where(TEXT, "Protesters gathered outside parliament on Tuesday")
    quote = quote_of(TEXT, start, end)
    changed = TEXT.replace("on Tuesday", "on Tuesday,").replace("Protesters", "Protestors")
    found = locate(changed, quote)
    assert found is not None
    assert changed[found.start : found.end].startswith("Protestors gathered outside parliament")


def test_a_quote_that_is_gone_is_not_found() -> None:
    start, end = where(TEXT, "demanding an inquiry into the contracts")
    quote = quote_of(TEXT, start, end)
    changed = TEXT.replace("demanding an inquiry into the contracts", "and then went home")
    assert locate(changed, quote) is None


def test_a_short_quote_is_never_matched_loosely() -> None:
    quote = quote_of(TEXT, *where(TEXT, "Critics"))
    assert locate(TEXT.replace("Critics", "Critic"), quote) is None


def test_an_empty_quote_is_never_found() -> None:
    assert locate(TEXT, Quote("  ", "", "", 0, 2)) is None
