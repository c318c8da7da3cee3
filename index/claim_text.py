"""A claim that stands alone: what "Armenia denied this" denied.

A statement's content is often a word that points elsewhere: "denied
*this*", "has rejected *that claim*", "a claim which Erdogan's government
denies", "dismissed *the F-16 claim* as untrue", "described *it* as a lie".
Shown alone it means nothing, and it cannot be matched with the claim it
answers.  Here each such statement gets the words it points at, found in the
text around it, as a reader would:

1. an earlier statement of the same sentence ("X claimed A, but Y denied
   this"; "X accused Y of A, a claim which Y denies");
2. else the same sentence before the speaker ("More than 30 countries have
   recognised the killings as genocide, although Ankara disputes the term");
3. else the nearest statement of the sentences just before (a denial there
   is followed to what it denies), or the sentence just before;

and for a pointer with words of its own ("the F-16 claim") the nearest of
those that holds them.  The result is shown with the words filled in,
``denied [that Azerbaijani forces shelled Stepanakert]``.

Text only, from the stored statements: this runs at ingest (for the index)
and whenever an article lacks stored claims, without spaCy.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from .models import Span, Statement
from .related_words import RelatedWords, related_words

REFERENT_CHARS = 200  # the words filled in are cut to about this
LOOKBACK_CHARS = 700  # how far back a pointer looks for what it points at
HINT_LOOKBACK_CHARS = 50_000  # "the F-16 claim" says what to look for: the whole article before it
MIN_CLAUSE_WORDS = 3  # a sentence part this long (in words of substance) can be pointed at

_WORD = re.compile(r"[^\W_][\w'’-]*", re.UNICODE)
_TRAILING = re.compile(r"[\s,;:–—-]*(?:\b(?:although|though|but|and|while|whereas|which|as|a|an|the)\b[\s,;:–—-]*)*$", re.IGNORECASE)
_LEADING = re.compile(r"^[\s,;:–—'\"‘’“”-]+")
_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s+|\n+")
# kinds whose content is a clause that reads after "that"
_THAT_KINDS = frozenset({"claim", "report", "acknowledgement", "concession", "concern", "warning", "position"})
_DENIAL = "denial"
# kinds whose content can point at what was said before ("denied this",
# "acknowledged it", "disputes the term")
_POINTING_KINDS = frozenset({"claim", "denial", "accusation", "acknowledgement", "concession", "report", "position", "refusal"})


@dataclass(frozen=True, slots=True)
class ClaimText:
    """A statement's claim as it stands alone.

    ``text`` is what to show (the content, or for a pointer the cue with the
    words it points at in brackets); ``words`` is the claim's meaning in
    plain words (content and referent), what it is matched on; ``refers_to``
    is the position of the statement pointed at, when it is one."""

    text: str
    words: str
    refers_to: int | None = None
    resolved: bool = False  # the content pointed elsewhere and was filled in
    own: Span | None = None  # the statement's own words in its sentence (speaker, cue, content)


@dataclass(frozen=True, slots=True)
class _Pointer:
    """How a content points elsewhere: ``hint`` holds its own words ("F-16"),
    ``tail`` what follows the pointer ("as 'absolutely untrue'"), ``keep`` the
    pointing words to show before the brackets ("those claims")."""

    hint: tuple[str, ...]
    keep: str
    tail: str


_CACHE: OrderedDict[tuple[str, tuple[Any, ...]], list[ClaimText]] = OrderedDict()
_CACHE_SIZE = 4096  # ingest asks twice per article: for the index, then for the links


def claim_texts(text: str, statements: Sequence[Statement]) -> list[ClaimText]:
    """The claim of every statement of an article, in order."""
    key = (text, tuple((s.sentence.start, s.content.start if s.content else -1, s.cue.start if s.cue else -1, str(s.kind)) for s in statements))
    found = _CACHE.get(key)
    if found is not None:
        _CACHE.move_to_end(key)
        return found
    found = _claim_texts(text, statements)
    _CACHE[key] = found
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return found


def _claim_texts(text: str, statements: Sequence[Statement]) -> list[ClaimText]:
    words = related_words()
    pointers = [_pointer(text, s, words) for s in statements]
    out: list[ClaimText | None] = [None] * len(statements)

    def resolve(position: int, depth: int = 0) -> ClaimText:
        done = out[position]
        if done is not None:
            return done
        statement = statements[position]
        pointer = pointers[position]
        plain = _content(text, statement)
        if pointer is None or depth > 3:
            plain = _own_content(text, statements, position)
            claim = ClaimText(_one_line(plain), _one_line(plain))
        else:
            claim = _resolved(text, statements, position, pointer, pointers, words, lambda j: resolve(j, depth + 1))
        out[position] = claim
        return claim

    return [replace(resolve(i), own=_own_span(statements, i)) for i in range(len(statements))]


def _own_span(statements: Sequence[Statement], position: int) -> Span:
    """From the statement's first word (speaker, cue or content) to its last,
    without a later statement of the same sentence inside its content."""
    statement = statements[position]
    spans = [s for s in (statement.source, statement.cue, statement.content) if s is not None]
    if not spans:
        return statement.sentence
    start = min(s.start for s in spans)
    end = max(s.end for s in spans)
    for other in statements[position + 1 :]:
        if other.sentence.start != statement.sentence.start:
            break
        other_start = _own_start(other)
        if start < other_start < end:
            end = max(other_start, *(s.end for s in spans if s is not statement.content))
    return Span(start, end)


def _content(text: str, statement: Statement) -> str:
    span = statement.content or statement.sentence
    return span.text(text)


def _own_content(text: str, statements: Sequence[Statement], position: int) -> str:
    """The content without a later statement of the same sentence that lies
    inside it ("…to back Azerbaijan, a claim which Erdogan's government
    denies" is the accusation up to "a claim")."""
    statement = statements[position]
    span = statement.content or statement.sentence
    end = span.end
    for other in statements[position + 1 :]:
        if other.sentence.start != statement.sentence.start:
            break
        start = _own_start(other)
        if span.start < start < end:
            end = start
    words = text[span.start : end]
    return _TRAILING.sub("", words).strip() if end < span.end else words


def _one_line(words: str) -> str:
    return " ".join(words.split())


def _clip(words: str, limit: int = REFERENT_CHARS) -> str:
    words = _one_line(words)
    if len(words) <= limit:
        return words
    return words[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _tokens(words: str) -> list[str]:
    return [m.group().lower().replace("’", "'") for m in _WORD.finditer(words)]


def _substance(words: str, lexicon: RelatedWords) -> list[str]:
    """Words that say something: not pointers, determiners or rejections."""
    empty = lexicon.empty | lexicon.rejection_words | _FILLERS
    return [w for w in _tokens(words) if w not in empty]


# evaluations that come with a rejection ("as absolutely untrue")
_FILLERS = frozenset({"as", "of", "yet", "another", "absolutely", "completely", "totally", "utterly", "entirely", "simply", "just", "pure", "complete", "more", "most", "very", "and", "or", "by", "is", "was", "be", "an", "s", "'s"})


def _pointer(text: str, statement: Statement, lexicon: RelatedWords) -> _Pointer | None:
    """Whether (and how) the statement's content points elsewhere."""
    if statement.content is None or str(statement.kind) not in _POINTING_KINDS:
        return None  # "urging them": an appeal's object is people, not a claim
    content = statement.content.text(text)
    tokens = _tokens(content)
    if not tokens:
        return None
    lowered = " ".join(tokens)
    if any(lowered == t or lowered.startswith(t + " ") for t in lexicon.reciprocal_targets):
        return None  # "blamed the other": the other party, not a pointer
    # "described it as 'yet another lie'": the object between cue and content
    if statement.cue is not None and statement.cue.end <= statement.content.start:
        between = text[statement.cue.end : statement.content.start]
        first = _WORD.search(between)
        if first and first.group().lower() in lexicon.pronouns - {"which", "what"} and any(w in lexicon.rejection_words for w in tokens):
            rest = text[statement.cue.end + first.end() : statement.content.end]
            return _Pointer((), first.group(), _one_line(rest))
    if not _substance(content, lexicon):
        if tokens[0] in lexicon.pronouns and len(tokens) == 1:
            return _Pointer((), "", "")
        # "that claim", "those claims", "a claim", "the term"; an evaluation
        # after them stays ("the claim as untrue")
        head = _np_end(tokens, lexicon)
        keep = " ".join(content.split()[:head]) if head else ""
        tail = " ".join(content.split()[head:]) if head else ""
        return _Pointer((), keep, tail)
    # "the F-16 claim as 'absolutely untrue'": a pointer with words of its own
    match = _HINTED.match(content)
    if match and match.group("noun").lower() in lexicon.nouns:
        hint = tuple(w for w in _tokens(match.group("mod")) if w not in lexicon.empty)
        rest = content[match.end() :]
        if hint and not _substance(rest, lexicon):
            return _Pointer(hint, match.group().strip(), rest.strip())
    return None


_HINTED = re.compile(
    r"^\s*(?:the|that|this|these|those|such)\s+(?P<mod>(?:[\w'’.-]+\s+){1,3}?)(?P<noun>[\w]+)\b",
    re.IGNORECASE,
)


def _np_end(tokens: list[str], lexicon: RelatedWords) -> int:
    """How many leading words form the pointing noun phrase ("those claims")."""
    count = 0
    for word in tokens:
        if word in lexicon.determiners or word in lexicon.nouns or word in lexicon.pronouns:
            count += 1
            continue
        break
    return count


def _resolved(
    text: str,
    statements: Sequence[Statement],
    position: int,
    pointer: _Pointer,
    pointers: Sequence[_Pointer | None],
    lexicon: RelatedWords,
    resolve: object,
) -> ClaimText:
    statement = statements[position]
    content = _content(text, statement)
    found = _referent(text, statements, position, pointer, pointers, lexicon, resolve)
    if found is None:
        return ClaimText(_one_line(content), _one_line(content))
    referent_words, shown, refers_to = found
    cue = _one_line(statement.cue.text(text)) if statement.cue else ""
    head = cue
    if pointer.keep and pointer.keep.lower() not in cue.lower():
        head = f"{cue} {pointer.keep}".strip()
    tail = f" {pointer.tail}" if pointer.tail else ""
    shown_text = f"{head} [{_clip(shown)}]{tail}".strip()
    words = _one_line(f"{content} {referent_words}")
    return ClaimText(shown_text, words, refers_to, True)


def _referent(
    text: str,
    statements: Sequence[Statement],
    position: int,
    pointer: _Pointer,
    pointers: Sequence[_Pointer | None],
    lexicon: RelatedWords,
    resolve: object,
) -> tuple[str, str, int | None] | None:
    """(the referent's plain words, how to show them, its statement position)."""
    statement = statements[position]
    start = _own_start(statement)
    hint = pointer.hint

    def fits(words: str) -> bool:
        return not hint or _holds(words, hint)

    # 1. an earlier statement of the same sentence
    for j in range(position - 1, -1, -1):
        other = statements[j]
        if other.sentence.start != statement.sentence.start:
            break
        if _own_start(other) >= start:
            continue
        if pointers[j] is not None:  # "X dismissed it while Y described it as …"
            inner = resolve(j)  # type: ignore[operator]
            if inner.resolved:
                return inner.words, _inner_shown(inner), inner.refers_to
            continue
        words = _cut(text, other, start)
        if words and fits(words) and _substance(words, lexicon):
            prefix = _clause_before(text, statement, start)
            if prefix and len(prefix) <= 2 * REFERENT_CHARS:
                return words, prefix, j  # the whole clause reads better than a fragment
            return _from_statement(text, other, j, words, pointers, resolve)
    # 2. the same sentence before the speaker
    prefix = _clause_before(text, statement, start)
    if len(_substance(prefix, lexicon)) >= MIN_CLAUSE_WORDS and fits(prefix):
        return prefix, prefix, None
    # 3. the statements and sentences just before
    reach = HINT_LOOKBACK_CHARS if hint else LOOKBACK_CHARS
    for j in range(position - 1, -1, -1):
        other = statements[j]
        if other.sentence.start >= statement.sentence.start:
            continue
        if statement.sentence.start - other.sentence.end > reach:
            break
        if hint and str(other.kind) == _DENIAL:
            continue  # "the F-16 claim" is a claim, not a denial of one
        words = _content(text, other)
        if not fits(words) and not fits(other.sentence.text(text)):
            continue
        return _from_statement(text, other, j, words, pointers, resolve)
    for sentence in _sentences_before(text, statement.sentence.start, reach):
        if len(_substance(sentence, lexicon)) >= MIN_CLAUSE_WORDS and fits(sentence):
            if hint:  # the part of the sentence that says it ("…, Armenia claimed, as …")
                sentence = _part_holding(sentence, hint)
            return sentence, sentence, None
    return None


def _part_holding(sentence: str, hint: tuple[str, ...]) -> str:
    """The fewest comma-separated parts of ``sentence`` that hold ``hint``."""
    parts = sentence.split(", ")
    best = sentence
    for first in range(len(parts)):
        for last in range(first, len(parts)):
            piece = ", ".join(parts[first : last + 1])
            if _holds(piece, hint):
                if len(piece) < len(best):
                    best = piece
                break
    return best


def _clause_before(text: str, statement: Statement, start: int) -> str:
    """The sentence up to the statement's own words, without the joining word."""
    prefix = _TRAILING.sub("", text[statement.sentence.start : start])
    return _LEADING.sub("", prefix)


def _from_statement(
    text: str, other: Statement, j: int, words: str, pointers: Sequence[_Pointer | None], resolve: object
) -> tuple[str, str, int | None]:
    if pointers[j] is not None:  # a pointer itself ("Y dismissed it"): what it points at
        inner = resolve(j)  # type: ignore[operator]
        if inner.resolved:
            return inner.words, _inner_shown(inner), inner.refers_to if inner.refers_to is not None else j
    if _fragment(words):  # "…which it claims was shot down": the sentence says it
        sentence = _one_line(other.sentence.text(text))
        return sentence, sentence, j
    shown = _shown(text, other, words)
    return words, shown, j


def _inner_shown(inner: ClaimText) -> str:
    """What another pointer was filled in with (the part in its brackets)."""
    start, end = inner.text.find("["), inner.text.rfind("]")
    return inner.text[start + 1 : end] if 0 <= start < end else inner.words


# a content that starts with one of these lacks its subject ("had killed as
# many as 550", "was shot down by"): a relative clause's remains
_SUBJECTLESS = frozenset({"was", "were", "is", "are", "had", "has", "have", "be", "been", "being", "would", "will", "could", "can", "may", "might", "should", "did", "does", "do"})


def _fragment(words: str) -> bool:
    tokens = _tokens(words)
    return bool(tokens) and tokens[0] in _SUBJECTLESS


def _shown(text: str, other: Statement, words: str) -> str:
    """The referent as it reads inside the brackets."""
    words = _one_line(words)
    kind = str(other.kind)
    if kind in _THAT_KINDS and other.content is not None:
        lowered = words.lower()
        if lowered.startswith(("that ", "to ", "whether ", "if ")):
            return words
        return f"that {words}"
    cue = _one_line(other.cue.text(text)) if other.cue else ""
    if other.content is None or not cue:
        return words
    return f"{other.speaker} {cue} {words}".strip()


def _own_start(statement: Statement) -> int:
    """Where the statement's own words begin: its speaker, cue or content."""
    starts = [s.start for s in (statement.source, statement.cue, statement.content) if s is not None]
    return min(starts) if starts else statement.sentence.start


def _cut(text: str, other: Statement, before: int) -> str:
    """``other``'s content, without what belongs to the statement at ``before``
    ("…to back Azerbaijan, a claim which Erdogan's government denies")."""
    span = other.content or other.sentence
    end = min(span.end, before) if span.start < before else span.end
    words = text[span.start : end]
    return _TRAILING.sub("", words).strip()


def _holds(words: str, hint: tuple[str, ...]) -> bool:
    have = set(_tokens(words))
    return all(h in have for h in hint)


def _sentences_before(text: str, start: int, reach: int) -> list[str]:
    """The sentences ending before ``start``, nearest first, within ``reach``."""
    window_start = max(0, start - reach)
    window = text[window_start:start]
    pieces = [p.strip() for p in _SENTENCE_END.split(window)]
    pieces = [p for p in pieces if p]
    if window_start > 0 and pieces:
        pieces = pieces[1:]  # the first piece is cut
    return list(reversed(pieces))


def statement_claims(text: str, statements: Sequence[Statement]) -> dict[int, ClaimText]:
    """Only the statements whose claim differs from their content (what is
    worth storing): position -> claim."""
    return {i: c for i, c in enumerate(claim_texts(text, statements)) if c.resolved}


__all__ = ["ClaimText", "claim_texts", "statement_claims", "Span"]
