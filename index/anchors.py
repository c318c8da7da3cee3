"""Text-quote anchors: find a passage again after its article changed.

A reader's highlight or bookmark is kept as the exact text it covers plus a
little context before and after (the W3C "TextQuoteSelector" Hypothesis
uses), with the character offsets as a hint.  Offsets alone break as soon as
a word is added above the passage; the quote survives edits elsewhere, a
re-analysis and a reindex, and when the quoted text itself is gone we can
say so instead of pointing at the wrong words.

Matching, in order: the offsets still hold the quote; the quote occurs
exactly (the occurrence whose context agrees best, then the nearest to the
hint); it occurs with different white space; it occurs with small edits
(rapidfuzz's alignment, for quotes long enough that a near match means
something).  Anything weaker is no match: the anchor is orphaned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import Span

CONTEXT = 32  # characters of prefix and suffix kept with a quote
FUZZY_MIN_LENGTH = 24  # shorter quotes must match exactly (modulo white space)
FUZZY_MIN_SCORE = 90.0  # rapidfuzz partial ratio, 0..100
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Quote:
    """The passage ``exact`` with up to :data:`CONTEXT` characters either side,
    and where it stood (``start``, ``end``) when it was made."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


def quote_of(text: str, start: int, end: int, context: int = CONTEXT) -> Quote:
    """The anchor for ``text[start:end]`` (clamped to the text)."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return Quote(text[start:end], text[max(0, start - context) : start], text[end : end + context], start, end)


def locate(text: str, quote: Quote) -> Span | None:
    """Where ``quote`` stands in ``text`` now, or None when it is gone."""
    if not quote.exact.strip():
        return None
    if text[quote.start : quote.end] == quote.exact and _context_score(text, quote, quote.start, quote.end) > 0:
        return Span(quote.start, quote.end)
    found = _exact(text, quote)
    if found is None:
        found = _loose_spacing(text, quote)
    if found is None and len(quote.exact) >= FUZZY_MIN_LENGTH:
        found = _fuzzy(text, quote)
    return found


def _context_score(text: str, quote: Quote, start: int, end: int) -> int:
    """How many characters of prefix and suffix agree (from the quote outward)."""
    before = text[max(0, start - len(quote.prefix)) : start]
    after = text[end : end + len(quote.suffix)]
    score = 0
    for a, b in zip(reversed(before), reversed(quote.prefix)):
        if a != b:
            break
        score += 1
    for a, b in zip(after, quote.suffix):
        if a != b:
            break
        score += 1
    if not quote.prefix and not quote.suffix:
        score = 1  # nothing to compare: the quote alone decides
    elif not quote.prefix and start == 0 or not quote.suffix and end == len(text):
        score += 1  # the quote stood at the very start or end, and still does
    return score


def _best(text: str, quote: Quote, candidates: list[tuple[int, int]]) -> Span | None:
    if not candidates:
        return None
    start, end = max(candidates, key=lambda c: (_context_score(text, quote, *c), -abs(c[0] - quote.start)))
    return Span(start, end)


def _exact(text: str, quote: Quote) -> Span | None:
    candidates = []
    position = text.find(quote.exact)
    while position >= 0:
        candidates.append((position, position + len(quote.exact)))
        position = text.find(quote.exact, position + 1)
    return _best(text, quote, candidates)


def _loose_spacing(text: str, quote: Quote) -> Span | None:
    """The quote with any run of white space standing for any other."""
    words = quote.exact.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    return _best(text, quote, [m.span() for m in pattern.finditer(text)])


def _fuzzy(text: str, quote: Quote) -> Span | None:
    """The closest passage, if it differs from the quote by a few edits."""
    from rapidfuzz import fuzz

    needle = _SPACE.sub(" ", quote.exact.strip())
    alignment = fuzz.partial_ratio_alignment(needle, text, score_cutoff=FUZZY_MIN_SCORE)
    if alignment is None:
        return None
    start, end = alignment.dest_start, alignment.dest_end
    # the alignment may stop inside a word: widen to whole words
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return Span(start, end) if end > start else None
