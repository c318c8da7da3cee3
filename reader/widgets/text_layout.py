"""Laying out an article for the screen: blocks, headings and wrapped rows.

Everything here works on character offsets into the article's exact text, so
the view can map a row and column back to the character under the mouse and
scroll to any statement.  Nothing is ever parsed as markup; control
characters are swapped one-for-one for visible symbols (ESC shows as ``␛``),
so every offset stays valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import get_character_cell_size

from index.models import Span

from ..inert import display_text  # noqa: F401  (the widgets import it from here)

# -- display text -----------------------------------------------------------

# ``display_text`` (imported above) is shared with the command line:
# one function decides how data is made safe to show.


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word to at most ``limit`` characters,
    with an ellipsis when anything was cut."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: max(1, limit - 1)]
    if " " in cut[limit // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:—-") + "…"


@lru_cache(maxsize=4096)
def _cells(char: str) -> int:
    return get_character_cell_size(char)


def cell_width(text: str) -> int:
    return sum(_cells(c) for c in text)


# -- blocks -----------------------------------------------------------------

TITLE = "title"
HEADING = "heading"
PARAGRAPH = "paragraph"

_BREAK = re.compile(r"\r\n|\r|\n")
_MD_HEADING = re.compile(r"[ \t]*#{1,6}[ \t]+")
# A line ending in one of these is prose, not a headline.
_TERMINAL = set(".!?…:;,\"”’'»)]")
MAX_HEADING = 160
MAX_HEADING_WORDS = 14  # photo captions run longer than headlines


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # title | heading | paragraph
    start: int
    end: int


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its line break."""
    spans = []
    position = 0
    for match in _BREAK.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_heading(line: str) -> bool:
    """A short line without final punctuation that starts like a headline."""
    line = line.strip()
    if not line or len(line) > MAX_HEADING or line[-1] in _TERMINAL:
        return False
    words = line.split()
    if not 2 <= len(words) <= MAX_HEADING_WORDS:
        return False
    return line[0].isupper() or line[0] in "‘“\"'"


def _hard_wrapped(text: str, run: list[tuple[int, int]]) -> bool:
    """A paragraph broken into lines by its writer (Markdown, e-mail)."""
    if len(run) < 2:
        return False
    lengths = [end - start for start, end in run]
    if max(lengths) > 100:
        return False
    ended = sum(1 for start, end in run if text[start:end].rstrip()[-1:] in _TERMINAL)
    return ended * 2 < len(run)


def find_blocks(text: str, title_span: tuple[int, int] | None = None) -> list[Block]:
    """Split an article into headline, headings and paragraphs.

    Paragraphs are separated by blank lines, or stand one per line (as in
    the bundled article); a run of short lines that mostly do not end a
    sentence is one hard-wrapped paragraph.
    """
    blocks: list[Block] = []
    runs: list[list[tuple[int, int]]] = [[]]
    for start, end in _lines(text):
        start, end = _strip(text, start, end)
        if start == end:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append((start, end))
    for run in runs:
        if not run:
            continue
        if _hard_wrapped(text, run) and not _MD_HEADING.match(text, run[0][0]):
            blocks.append(Block(PARAGRAPH, run[0][0], run[-1][1]))
            continue
        for start, end in run:
            blocks.append(_block(text, start, end, title_span))
    return blocks


def _block(text: str, start: int, end: int, title_span: tuple[int, int] | None) -> Block:
    if title_span is not None and start < title_span[1] and title_span[0] < end:
        return Block(TITLE, max(start, title_span[0]), min(end, title_span[1]))  # no "# "
    marker = _MD_HEADING.match(text, start, end)
    if marker:
        return Block(HEADING, marker.end(), end)
    if is_heading(text[start:end]):
        return Block(HEADING, start, end)
    return Block(PARAGRAPH, start, end)


# -- wrapping ---------------------------------------------------------------

_WORD = re.compile(r"\S+")


def wrap(display: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``display[start:end]`` into rows of at most
    ``width`` cells; each row is an (start, end) offset pair, spaces between
    rows belong to no row.  Words longer than a row are broken."""
    width = max(1, width)
    rows: list[tuple[int, int]] = []
    row_start = row_end = -1
    used = 0
    for match in _WORD.finditer(display, start, end):
        word_start, word_end = match.span()
        size = cell_width(display[word_start:word_end])
        if row_start >= 0:
            gap = cell_width(display[row_end:word_start])
            if used + gap + size <= width:
                row_end = word_end
                used += gap + size
                continue
            rows.append((row_start, row_end))
            row_start = -1
        if size <= width:
            row_start, row_end, used = word_start, word_end, size
            continue
        # a word wider than the row: break it where the cells run out
        piece_start, used = word_start, 0
        for index in range(word_start, word_end):
            char = _cells(display[index])
            if used + char > width and index > piece_start:
                rows.append((piece_start, index))
                piece_start, used = index, 0
            used += char
        row_start, row_end = piece_start, word_end
    if row_start >= 0:
        rows.append((row_start, row_end))
    return rows


@dataclass(frozen=True, slots=True)
class Row:
    """One screen row: text offsets, or a literal line (title, metadata)."""

    kind: str  # title | heading | paragraph | meta | blank
    start: int = -1
    end: int = -1
    block: int = -1  # index into the blocks, for text rows
    literal: str = ""


BLANK = Row("blank")


def layout(
    display: str,
    blocks: list[Block],
    width: int,
    *,
    title: str | None = None,
    meta: str | None = None,
) -> list[Row]:
    """Rows for the whole article: an extra title (when the text has no
    headline line), a metadata line, then the blocks with a blank row
    between them."""
    rows: list[Row] = []
    if title:
        for start, end in wrap(title, 0, len(title), width):
            rows.append(Row(TITLE, literal=title[start:end]))
    for index, block in enumerate(blocks):
        if index == 0 and block.kind == TITLE:
            rows.extend(Row(TITLE, s, e, index) for s, e in wrap(display, block.start, block.end, width))
            continue
        if index == 0 or (index == 1 and blocks[0].kind == TITLE):
            if meta:
                rows.extend(Row("meta", literal=meta[s:e]) for s, e in wrap(meta, 0, len(meta), width))
            if rows:
                rows.append(BLANK)
        else:
            rows.append(BLANK)
        rows.extend(Row(block.kind, s, e, index) for s, e in wrap(display, block.start, block.end, width))
    if not blocks and meta:
        rows.extend(Row("meta", literal=meta[s:e]) for s, e in wrap(meta, 0, len(meta), width))
    return rows


# -- sentences and words (selecting with the keyboard) ------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?…])([\"”’')\]]*)\s+")


def sentences(text: str, blocks: list[Block]) -> list[Span]:
    """Sentence-sized pieces of every block: ends at . ! ? … (after any
    closing quote) followed by white space; a heading is one piece."""
    found: list[Span] = []
    for block in blocks:
        start = block.start
        for match in _SENTENCE_END.finditer(text, block.start, block.end):
            if match.end(1) > start:
                found.append(Span(start, match.end(1)))
            start = match.end()
        if block.end > start:
            found.append(Span(start, block.end))
    return found


def next_word_end(text: str, position: int) -> int:
    """The end of the word after ``position`` (skipping white space)."""
    match = _WORD.search(text, position)
    return match.end() if match else position


def previous_word_end(text: str, position: int, floor: int) -> int:
    """The end of the word before the one ending at ``position``, not below
    the first word after ``floor``."""
    ends = [m.end() for m in _WORD.finditer(text, floor, position)]
    earlier = [end for end in ends if end < position]
    return earlier[-1] if earlier else position
