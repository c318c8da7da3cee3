"""Direct quotations found by their quote marks, without any model.

Handles typographic marks (“ ” ‘ ’ « »), straight marks (" and ') told
apart by the characters around them, apostrophes ("Karabakh’s", "Yukos'
owner"), quotations that run over several sentences, and the news habit of
opening every quoted paragraph again without closing the previous one
(``"First part. "Second part."``) -- an opening mark while a quotation is
open closes the one before.  Two apostrophes (``''…''``) count as a double
mark.  A quotation still open at the end of its
paragraph ends there.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate

_DOUBLE_OPEN = "“«„"
_DOUBLE_CLOSE = "”»"
_SPACE_BEFORE = " \t\n([{—–-/"


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # the opening mark (or paragraph start when there is none)
    end: int  # just past the closing mark (or the paragraph end)
    inner_start: int
    inner_end: int
    double: bool = True

    def overlap(self, start: int, end: int) -> int:
        return max(0, min(self.inner_end, end) - max(self.inner_start, start))


def _opening_context(text: str, i: int, start: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _SPACE_BEFORE or before in _DOUBLE_OPEN) and not after.isspace()


def find_quotes(text: str, start: int, end: int, continued: bool = True) -> list[Quote]:
    """Quotations in ``text[start:end]`` (one paragraph).

    ``continued``: a quotation may be open from the paragraph before, so a
    closing mark before any opening one closes it (when the paragraph before
    ended inside no quotation, such a mark is a typo and is ignored).
    """
    quotes: list[Quote] = []
    dq_open: int | None = None  # position of an open double quote
    sq_open: int | None = None  # position of an open single quote

    def close_double(at_close: int, mark_len: int) -> None:
        nonlocal dq_open, sq_open
        assert dq_open is not None
        inner_end = at_close
        while inner_end > dq_open + 1 and text[inner_end - 1].isspace():
            inner_end -= 1
        quotes.append(Quote(dq_open, at_close + mark_len, dq_open + 1, inner_end, True))
        dq_open = None
        sq_open = None

    i = start
    while i < end:
        ch = text[i]
        if ch in _DOUBLE_OPEN:
            if dq_open is not None:
                close_double(i, 0)
            dq_open = i
        elif ch in _DOUBLE_CLOSE:
            if dq_open is not None:
                close_double(i, 1)
            elif not quotes and continued:
                # closing a quotation opened in an earlier paragraph
                quotes.append(Quote(start, i + 1, start, i, True))
        elif ch == '"' or (ch == "'" and text.startswith("''", i) and i + 1 < end):
            # a straight double mark, or two apostrophes standing for one
            # (''like this'', as some wires and archives write quotations)
            width = 2 if ch == "'" else 1
            before = text[i - 1] if i > start else " "
            after = text[i + width] if i + width < len(text) else " "
            if (before in _SPACE_BEFORE or before in _DOUBLE_OPEN) and not after.isspace():
                if dq_open is not None:
                    close_double(i, 0)
                dq_open = i + width - 1
            elif dq_open is not None:
                close_double(i, width)
            elif not quotes and continued:
                quotes.append(Quote(start, i + width, start, i, True))
            i += width
            continue
        elif ch == "‘" or (ch == "'" and _opening_context(text, i, start)):
            if dq_open is None and sq_open is None:
                sq_open = i
        elif ch in "’'":
            after = text[i + 1] if i + 1 < end else " "
            if sq_open is not None and not after.isalnum() and i > sq_open + 1:
                if dq_open is None:
                    quotes.append(Quote(sq_open, i + 1, sq_open + 1, i, False))
                sq_open = None
        i += 1
    if sq_open is not None and dq_open is None and (
        sq_open == start or text[max(start, sq_open - 2) : sq_open].strip() in (":", ",")
    ):
        # a single-quoted quotation opened after "said:" or at the paragraph
        # start runs on to the end of the paragraph
        inner_end = end
        while inner_end > sq_open + 1 and text[inner_end - 1].isspace():
            inner_end -= 1
        quotes.append(Quote(sq_open, end, sq_open + 1, inner_end, False))
    if dq_open is not None:
        inner_end = end
        while inner_end > dq_open + 1 and text[inner_end - 1].isspace():
            inner_end -= 1
        quotes.append(Quote(dq_open, end, dq_open + 1, inner_end, True))
    quotes.sort(key=lambda q: q.start)
    return quotes


def quoted_chars(quotes: list[Quote], start: int, end: int) -> int:
    return sum(q.overlap(start, end) for q in quotes)


def quotes_between(quotes: list[Quote]) -> Callable[[int, int], list[Quote]]:
    """``overlapping(start, end)``: the quotes (in their order) with
    ``q.end > start and q.start < end``, found by bisection, so looking them
    up for every sentence stays linear.  ``quotes`` is sorted by start, as
    ``find_quotes`` returns them paragraph after paragraph (sorted again here,
    stably, to be sure)."""
    quotes = sorted(quotes, key=lambda q: q.start)
    starts = [q.start for q in quotes]
    reach = list(accumulate((q.end for q in quotes), max))  # the furthest end so far

    def overlapping(start: int, end: int) -> list[Quote]:
        first = bisect_right(reach, start)  # every quote before it ends by ``start``
        last = bisect_left(starts, end)  # every quote from it starts at ``end`` or later
        return [q for q in quotes[first:last] if q.end > start and q.start < end]

    return overlapping


def ends_open(quotes: list[Quote], text: str, end: int) -> bool:
    """Does a paragraph ending at ``end`` end inside a quotation it opened?"""
    return bool(quotes) and quotes[-1].end == end and text[end - 1] not in _DOUBLE_CLOSE + '"\''
