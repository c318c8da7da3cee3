"""Every question asked of the index: search, statements, actors, glossary.

Queries use whoosh's language (AND/OR/NOT, "phrases", field:term, wildcards,
fuzzy~).  Search never raises for a bad query: it returns a result with a
one-line ``error`` instead, so the command line and the app can show it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from whoosh import qparser
from whoosh.lang.porter import stem
from whoosh.query import And, Every, FuzzyTerm, NumericRange, Or, Phrase, Query, Term

from .decoding import normalize
from .name_folding import fold
from .models import ACTOR_KINDS, STATEMENT_KINDS, Actor, GlossaryEntry, Span, Statement
from .schema import ACTOR, ARTICLE, GLOSSARY, ORDER_STRIDE, SEARCHABLE_TYPES, STATEMENT, make_schema
from .store import ArticleHeader, Store

STATEMENT_FIELDS = {"actor", "kind"}
SNIPPET_CHARS = 180
_TOKEN = re.compile(r"\w+(?:\.?\w+)*", re.UNICODE)
_SCHEMA = make_schema()
_STOP_WORDS = frozenset(_SCHEMA["body"].analyzer.items[2].stops)  # type: ignore[attr-defined]


@dataclass(slots=True)
class Hit:
    """One ranked result; ``matches`` are offsets into the article's text
    (for a glossary entry, into its summary)."""

    type: str  # article | statement | glossary
    article: str | None
    title: str
    path: str | None
    score: float
    matches: list[Span] = field(default_factory=list)
    snippet: str = ""
    snippet_matches: list[Span] = field(default_factory=list)
    entry: str | None = None
    statement: Statement | None = None
    position: int | None = None  # statement position in its article
    speaker: str | None = None
    # a statement's claim standing alone, when its words point elsewhere
    # ("denied this" → "denied [that …]"); None when the snippet says it
    claim: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "type": self.type,
            "article": self.article,
            "title": self.title,
            "path": self.path,
            "score": round(self.score, 4),
            "matches": [m.to_json() for m in self.matches],
            "snippet": self.snippet,
        }
        if self.entry:
            data["entry"] = self.entry
        if self.statement is not None:
            data["statement"] = {"position": self.position, **self.statement.to_json()}
        if self.claim is not None:
            data["claim_text"] = self.claim
        return data


@dataclass(slots=True)
class SearchResult:
    query: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    exact: bool = True  # False when ``total`` is whoosh's estimate (above the limit)
    suggestion: str | None = None
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "query": self.query,
            "suggestion": self.suggestion,
            "total": self.total,
            "total_exact": self.exact,
            "hits": [h.to_json() for h in self.hits],
        }
        if self.error:
            data["error"] = self.error
        return data


TEXT_FIELDS = ("title", "body", "said")


def _parser(fields: list[str]) -> qparser.QueryParser:
    parser = qparser.MultifieldParser(fields, _SCHEMA)
    parser.add_plugin(qparser.FuzzyTermPlugin())
    return parser


# Articles and glossary entries have titles and bodies; statements have
# what was said.  Plain words search the fields of the types asked for.
_PARSERS = {
    "default": _parser(["title", "body"]),
    "statements": _parser(["said"]),
    "all": _parser(["title", "body", "said"]),
}


def parse(text: str, scope: str = "default") -> Query:
    """Parse a query string; raises ValueError with a one-line reason."""
    try:
        return _PARSERS[scope].parse(text)
    except Exception as exc:  # whoosh raises assorted errors on odd syntax
        raise ValueError(f"could not understand the query {text!r} ({exc}) — check quotes, brackets and field names") from None


def _fields(query: Query) -> set[str]:
    return {fieldname for fieldname, _ in query.iter_all_terms()} | {
        q.fieldname for q in query.leaves() if getattr(q, "fieldname", None)
    }


def default_types(query: Query) -> tuple[str, ...]:
    """Statements when the query asks about speakers, else articles and glossary."""
    if _fields(query) & STATEMENT_FIELDS:
        return (STATEMENT,)
    return (ARTICLE, GLOSSARY)


def search(
    store: Store,
    text: str,
    *,
    limit: int = 10,
    types: Sequence[str] | None = None,
    with_matches: bool = True,
    offset: int = 0,
) -> SearchResult:
    """Ranked hits with offsets and snippets, and a "did you mean".

    ``offset`` skips that many hits: the next page of a result (only the
    page's own hits load their texts)."""
    result = SearchResult(query=text)
    text = normalize(text)  # the form the texts are stored in
    if not text.strip():
        result.error = "the query is empty — type some words to search for"
        return result
    unknown_field = unknown_fields(text)
    if unknown_field:
        result.error = (
            f"unknown field {unknown_field[0]!r} in the query — the fields are {', '.join(QUERY_FIELDS)}"
            f" (put words with a colon in quotes to search for them as written)"
        )
        return result
    try:
        query = parse(text)
    except ValueError as exc:
        result.error = str(exc)
        return result
    wanted = tuple(types) if types else default_types(query)
    unknown = [t for t in wanted if t not in SEARCHABLE_TYPES]
    if unknown:
        result.error = f"unknown result type {unknown[0]!r} — use one of: {', '.join(SEARCHABLE_TYPES)}"
        return result
    if STATEMENT in wanted:
        query = parse(text, "statements" if wanted == (STATEMENT,) else "all")
    offset = max(0, offset)
    try:
        with store.searcher() as searcher:
            unknown_kind = _unknown_kind(query, searcher)
            if unknown_kind:
                result.error = unknown_kind
                return result
            query = _expand_fuzzy(store, query, text)
            query = _actor_terms(store, query)
            allowed = _type_filter(store, wanted)
            wanted_hits = offset + max(1, limit)
            results = searcher.search(query, limit=wanted_hits, filter=allowed)
            scored = results.scored_length()
            # Counting every match costs as much as the search: below the
            # limit the count is exact, above it whoosh's estimate will do,
            # never more than the documents of the types searched; ``*``
            # (every document of those types) is counted exactly.
            if scored < wanted_hits:
                result.total, result.exact = scored, True
            elif _matches_everything(query):
                result.total, result.exact = len(allowed), True
            else:
                result.total = max(scored, min(_estimate(query, searcher), len(allowed)))
                result.exact = False
            phrases, only_in_phrases = _phrases(query)
            forms = _surface_forms(store) if with_matches and scored else None
            # Every indexed term the query can match (wildcards expanded):
            # cheaper than having whoosh record each hit's own terms, and a
            # term a document lacks is simply not found in its text.
            terms = {
                t.decode("utf-8") if isinstance(t, bytes) else t
                for f, t in query.existing_terms(searcher.reader(), expand=True)
                if f in TEXT_FIELDS
            } - only_in_phrases
            for hit in results[offset:wanted_hits]:
                result.hits.append(_hit(store, hit, with_matches, phrases, terms, forms))
            try:
                result.suggestion = _suggest(store, searcher, text)
            except Exception:  # a suggestion is a courtesy: never fail the search for it
                result.suggestion = None
    except Exception as exc:  # e.g. a field that holds no terms, odd ranges
        result.hits = []
        result.error = f"the query {text!r} could not be run ({type(exc).__name__}: {exc}) — simplify it"
    return result


def _unknown_kind(query: Query, searcher: Any) -> str | None:
    """A one-line hint when ``kind:`` names no kind there is, listing those there are."""
    reader = searcher.reader()
    for leaf in query.leaves():
        if isinstance(leaf, Term) and leaf.fieldname == "kind":
            kind = leaf.text.decode("utf-8") if isinstance(leaf.text, bytes) else str(leaf.text)
            if kind in STATEMENT_KINDS or kind in ACTOR_KINDS or reader.doc_frequency("kind", kind):
                continue
            indexed = {t.decode("utf-8") if isinstance(t, bytes) else t for t in reader.lexicon("kind")}
            categories = sorted(indexed - set(STATEMENT_KINDS) - set(ACTOR_KINDS))
            also = f"; glossary entries: {', '.join(categories)}" if categories else ""
            return f"unknown kind {kind!r} — statements are one of: {', '.join(STATEMENT_KINDS)}{also}"
    return None


#: Fields a person searches, as the error for an unknown one lists them.
QUERY_FIELDS = ("title", "body", "said", "actor", "kind", "source", "entry", "date")
_FIELD_NAMES = frozenset(_SCHEMA.names())
# "name:" outside quotes, not part of a web address ("http://") or a time
_FIELD_PREFIX = re.compile(r'"[^"]*"|(?<![\w.:/])([A-Za-z_]\w*):(?!//)(?=\S)')


def unknown_fields(text: str) -> list[str]:
    """Field names in ``text`` the index does not have (whoosh would search
    them as words and silently find nothing)."""
    return [m.group(1) for m in _FIELD_PREFIX.finditer(text) if m.group(1) and m.group(1) not in _FIELD_NAMES]


def _matches_everything(query: Query) -> bool:
    """``*``: every leaf matches every document that has its field."""
    leaves = list(query.leaves())
    return bool(leaves) and all(isinstance(leaf, Every) for leaf in leaves)


def _estimate(query: Query, searcher: Any) -> int:
    try:
        return int(query.estimate_size(searcher.reader()))
    except Exception:
        return 0


def _type_filter(store: Store, wanted: tuple[str, ...]) -> set[int]:
    """The documents of the wanted types, computed once per index version
    (whoosh would rebuild this set on every search)."""

    def build(searcher: Any) -> set[int]:
        docs: set[int] = set()
        for doctype in wanted:
            docs.update(searcher.docs_for_query(Term("doctype", doctype)))
        return docs

    return store.cached(("filter", wanted), build)


_FUZZY = re.compile(r"(\w+)~(\d)?")


def _expand_fuzzy(store: Store, query: Query, text: str) -> Query:
    """Fuzzy terms on stemmed fields: whoosh compares the *stem* with the
    unstemmed spelling list (so "economi~" finds nothing); compare the word
    as typed instead, then search the stems of the words found."""
    raw = {_stem(word.lower()): (word.lower(), int(dist) if dist else None) for word, dist in _FUZZY.findall(text)}
    if not raw:
        return query

    def expand(node: Query) -> Query:
        if isinstance(node, FuzzyTerm) and node.fieldname in TEXT_FIELDS:
            word, dist = raw.get(node.text, (node.text, None))
            similar = _within(store, word, 1 if dist is None else min(dist, 2))
            stems = {_stem(w) for w in similar} | {node.text}
            return Or([Term(node.fieldname, stem_, boost=node.boost) for stem_ in sorted(stems)])
        if node.is_leaf():
            return node
        return node.apply(expand)

    return expand(query)


def _suggest(store: Store, searcher: Any, text: str) -> str | None:
    """"Did you mean": each typed word whose stem is not in the index is
    replaced by the nearest indexed word, the most frequent among equals."""
    reader = searcher.reader()
    vocabulary = _vocabulary(store)
    context = [
        _stem(w.lower())
        for w in _QUERY_WORD.findall(text)
        if w.lower() not in _STOP_WORDS and reader.doc_frequency("body", _stem(w.lower()))
    ]
    changed = False
    out: list[str] = []
    last = 0
    for match in _QUERY_WORD.finditer(text):
        word = match.group()
        if word in ("AND", "OR", "NOT", "TO") or text[match.end() : match.end() + 1] in (":", "*", "~"):
            continue
        lowered = word.lower()
        if lowered in _STOP_WORDS or lowered.isdigit():
            continue
        if lowered in vocabulary:
            continue
        best = _nearest(store, reader, lowered, context, searcher)
        if best is None:
            continue
        out.append(text[last : match.start()])
        out.append(best.capitalize() if word[:1].isupper() else best)
        last = match.end()
        changed = True
    if not changed:
        return None
    out.append(text[last:])
    return "".join(out)


_QUERY_WORD = re.compile(r"(?<![:\w])\w+", re.UNICODE)


def _nearest(store: Store, reader: Any, word: str, context: list[str], searcher: Any) -> str | None:
    """The indexed word nearest to ``word``; among equals, the one that
    occurs most often with the query's other words, then the most frequent."""
    for maxdist in (1, 2):
        if maxdist == 2 and len(word) < 5:
            break
        candidates = _within(store, word, maxdist) - {word}
        if candidates:
            def rank(candidate: str) -> tuple[int, int, str]:
                stem_ = _stem(candidate)
                together = 0
                if context:
                    together = sum(1 for _ in searcher.docs_for_query(And([Term("body", stem_), *(Term("body", c) for c in context)])))
                return together, reader.doc_frequency("body", stem_), candidate

            return max(candidates, key=rank)
    return None


def _vocabulary(store: Store) -> frozenset[str]:
    """Every word as written in titles and bodies, once per index version
    (whoosh's own edit-distance walk returns words that are not there)."""

    def build(searcher: Any) -> frozenset[str]:
        reader = searcher.reader()
        words: set[str] = set()
        for fieldname in ("spell_body", "spell_title"):
            words.update(w.decode("utf-8") if isinstance(w, bytes) else w for w in reader.lexicon(fieldname))
        return frozenset(words)

    return store.cached("vocabulary", build)


def _within(store: Store, word: str, maxdist: int) -> set[str]:
    """Indexed words within ``maxdist`` edits (transpositions count one)."""

    def build(searcher: Any) -> set[str]:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        words = store.cached("word list", lambda _: sorted(_vocabulary(store)))
        found = process.extract(word, words, scorer=OSA.distance, score_cutoff=maxdist, limit=None)
        return {choice for choice, _, _ in found}

    return store.cached(("within", word, maxdist), build)


def _hit(
    store: Store,
    hit: Any,
    with_matches: bool,
    phrases: list[list[str]],
    terms: set[str],
    forms: dict[str, list[str]] | None = None,
) -> Hit:
    fields = hit.fields()
    doctype = fields["doctype"]
    if doctype == GLOSSARY:
        entry = GlossaryEntry.from_json(fields["data"])
        matches = find_terms(entry.summary, terms, phrases, forms)
        snippet, local = snippet_of(entry.summary, matches)
        return Hit(GLOSSARY, None, entry.term, None, hit.score, matches, snippet, local, entry=entry.id)
    if doctype == STATEMENT:
        data = fields["data"]
        statement = Statement.from_json(data)
        sentence = data.get("text", "")
        local_matches = find_terms(sentence, terms, phrases, forms)
        offset = statement.sentence.start
        snippet, local = snippet_of(sentence, local_matches)
        return Hit(
            STATEMENT,
            fields["article"],
            data.get("title", ""),
            None,
            hit.score,
            [Span(m.start + offset, m.end + offset) for m in local_matches],
            snippet,
            local,
            statement=statement,
            position=int(data.get("position", 0)),
            speaker=statement.speaker,
            claim=data.get("claim_text") if "refers_to" in data else None,
        )
    aid = fields["article"]
    matches: list[Span] = []
    snippet = ""
    local: list[Span] = []
    if with_matches:
        text = store.article_text(aid)
        if text is not None:
            matches = find_terms(text, terms, phrases, forms)
            snippet, local = snippet_of(text, matches)
    return Hit(ARTICLE, aid, fields.get("title", ""), fields.get("path"), hit.score, matches, snippet, local)


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return stem(word)


def find_terms(
    text: str,
    terms: Iterable[str],
    phrases: Sequence[Sequence[str]] = (),
    forms: dict[str, list[str]] | None = None,
) -> list[Span]:
    """Offsets of the words in ``text`` whose stem is one of ``terms``, and
    of every run of words that spells one of ``phrases`` (lists of stems).

    whoosh knows which indexed terms matched (fuzzy and wildcard expanded),
    but not where.  With ``forms`` (stem -> the words written with it) one
    compiled pattern finds them at C speed; without, every word is stemmed.
    """
    wanted = set(terms)
    needed = wanted | {w for phrase in phrases for w in phrase}
    if not needed:
        return []
    fast = forms is not None and all(stem_ in forms for stem_ in needed)
    words: list[tuple[Span, str]] = []
    if fast:
        assert forms is not None
        pattern = _pattern(frozenset(word for stem_ in needed for word in forms[stem_]))
        for match in pattern.finditer(text):
            word = match.group().lower()
            words.append((Span(match.start(), match.end()), word if word in wanted else _stem(word)))
    else:
        for match in _TOKEN.finditer(text):
            word = match.group().lower()
            if word not in _STOP_WORDS:
                words.append((Span(match.start(), match.end()), word if word in wanted else _stem(word)))
    marked = {i for i, (_, stem_) in enumerate(words) if stem_ in wanted}
    for phrase in phrases:
        size = len(phrase)
        for i in range(len(words) - size + 1):
            if size and all(words[i + k][1] == phrase[k] for k in range(size)):
                run = range(i, i + size)
                # found words need not be neighbours in the text: only stop words between
                if not fast or all(_only_stop_words(text[words[k][0].end : words[k + 1][0].start]) for k in run[:-1]):
                    marked.update(run)
    return [words[i][0] for i in sorted(marked)]


_QUOTED = re.compile(r'"([^"]+)"')


def text_matches(query_text: str, text: str, found: Sequence[Span] = ()) -> list[Span]:
    """Every place in ``text`` where a query's words or phrases occur, a
    phrase as one span ("our cause is right", not four words): what an
    opened article lights up.  ``found`` (a search hit's own matches) adds
    the words that wildcards and fuzzy terms expanded to."""
    try:
        query = parse(query_text, "all")
    except ValueError:
        return sorted(set(found), key=lambda s: (s.start, s.end))
    phrases, only_in_phrases = _phrases(query)
    loose = {
        leaf.text
        for leaf in query.leaves()
        if not isinstance(leaf, Phrase) and getattr(leaf, "fieldname", None) in TEXT_FIELDS and isinstance(getattr(leaf, "text", None), str)
    }
    loose |= {_stem(span.text(text).lower()) for span in found} - only_in_phrases
    words = [(m.start(), m.end(), _stem(m.group().lower())) for m in _TOKEN.finditer(text) if m.group().lower() not in _STOP_WORDS]
    spans = [Span(start, end) for start, end, stem_ in words if stem_ in loose]
    for phrase in phrases:
        size = len(phrase)
        for i in range(len(words) - size + 1):
            if size and all(words[i + k][2] == phrase[k] for k in range(size)):
                spans.append(Span(words[i][0], words[i + size - 1][1]))
    for typed in _QUOTED.findall(query_text):  # the phrase as typed, stop words included
        pieces = typed.split()
        if pieces:
            pattern = re.compile(r"(?<!\w)" + r"\W+".join(re.escape(p) for p in pieces) + r"(?!\w)", re.IGNORECASE)
            spans.extend(Span(*m.span()) for m in pattern.finditer(text))
    return _merge_overlapping(spans)


def _merge_overlapping(spans: Sequence[Span]) -> list[Span]:
    merged: list[list[int]] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and span.start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], span.end)
        else:
            merged.append([span.start, span.end])
    return [Span(start, end) for start, end in merged]


def content_words(text: str, extra_stops: frozenset[str] = frozenset()) -> set[str]:
    """The stems of a text's words of four letters or more, without stop
    words (and ``extra_stops``): what two sentences share when they are
    about the same thing."""
    stems = set()
    for match in _LETTERS.finditer(text.lower()):
        word = match.group()
        if len(word) < 4 or word in _STOP_WORDS or word in extra_stops:
            continue
        stems.add(_stem(word))
    return stems


_LETTERS = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def _only_stop_words(gap: str) -> bool:
    return all(word.lower() in _STOP_WORDS for word in _TOKEN.findall(gap))


@lru_cache(maxsize=512)
def _pattern(words: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w]|\.\w)", re.IGNORECASE)


def _surface_forms(store: Store) -> dict[str, list[str]]:
    """stem -> every word written with it in the index (once per version)."""

    def build(searcher: Any) -> dict[str, list[str]]:
        forms: dict[str, list[str]] = {}
        for word in _vocabulary(store):
            if word not in _STOP_WORDS:
                forms.setdefault(_stem(word), []).append(word)
        return forms

    return store.cached("surface forms", build)


def _phrases(query: Query) -> tuple[list[list[str]], set[str]]:
    """The query's phrases, and the words that occur only inside them."""
    phrases: list[list[str]] = []
    loose: set[str] = set()
    for leaf in query.leaves():
        if isinstance(leaf, Phrase) and leaf.fieldname in TEXT_FIELDS:
            phrases.append(list(leaf.words))
        elif getattr(leaf, "fieldname", None) in TEXT_FIELDS and isinstance(getattr(leaf, "text", None), str):
            loose.add(leaf.text)
    only_in_phrases = {w for phrase in phrases for w in phrase} - loose
    return phrases, only_in_phrases


def snippet_of(text: str, matches: Sequence[Span], width: int = SNIPPET_CHARS) -> tuple[str, list[Span]]:
    """A one-line excerpt around the densest group of matches."""
    if not text:
        return "", []
    if matches:
        best = max(range(len(matches)), key=lambda i: sum(1 for m in matches[i:] if m.start - matches[i].start < width))
        start = max(0, matches[best].start - width // 4)
    else:
        start = 0
    end = min(len(text), start + width)
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    piece = text[start:end]
    flat = "".join(" " if c in "\r\n\t" else c for c in piece)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    local = [Span(m.start + shift, m.end + shift) for m in matches if m.start >= start and m.end <= end]
    return prefix + flat + suffix, local


# -- statements and actors -------------------------------------------------


@dataclass(slots=True)
class StatementRef:
    """A statement with where it stands: article, position, corpus order."""

    article: str
    title: str
    position: int
    order: int
    statement: Statement
    text: str  # the sentence

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> StatementRef:
        data = fields["data"]
        return cls(
            article=fields["article"],
            title=data.get("title", ""),
            position=int(data.get("position", 0)),
            order=int(fields["order"]),
            statement=Statement.from_json(data),
            text=data.get("text", ""),
        )


def statements_of(store: Store, actor_id: str) -> list[StatementRef]:
    """Every statement of an actor, in reading order across the corpus,
    with those of the groups it was said jointly with ("Turkey and
    Azerbaijan have denied" is Turkey's too)."""
    query = And([Term("doctype", STATEMENT), Term("speakers", actor_id)])
    with store.searcher() as searcher:
        hits = searcher.search(query, limit=None, sortedby="order")
        return [StatementRef.from_fields(h.fields()) for h in hits]


def next_statement(store: Store, actor_id: str, order: int, *, forward: bool = True) -> StatementRef | None:
    """The actor's next (or previous) statement after corpus order ``order``:
    later in this article, then in the next article.  One query for the
    actor's statements, then their ``order`` column (a 64-bit range query
    over whoosh's numeric trie took 40 ms)."""
    query = And([Term("doctype", STATEMENT), Term("speakers", actor_id)])
    with store.searcher() as searcher:
        orders = searcher.reader().column_reader("order")
        candidates = [(orders[d], d) for d in searcher.docs_for_query(query)]
        if forward:
            after = [c for c in candidates if c[0] > order]
            chosen = min(after) if after else None
        else:
            before = [c for c in candidates if c[0] < order]
            chosen = max(before) if before else None
        return StatementRef.from_fields(searcher.stored_fields(chosen[1])) if chosen else None


def first_article(store: Store) -> str | None:
    """The first article in reading order, without reading every header."""
    with store.searcher() as searcher:
        hits = searcher.search(Term("doctype", ARTICLE), limit=1, sortedby="seq")
        return hits[0]["article"] if hits else None


def neighbour(store: Store, seq: int, step: int) -> str | None:
    """The article after (``step`` 1) or before (-1) corpus position ``seq``."""
    bounds = NumericRange("seq", seq + 1, None) if step > 0 else NumericRange("seq", None, seq - 1)
    with store.searcher() as searcher:
        hits = searcher.search(And([Term("doctype", ARTICLE), bounds]), limit=1, sortedby="seq", reverse=step < 0)
        return hits[0]["article"] if hits else None


def statement_order(seq: int, position: int) -> int:
    return seq * ORDER_STRIDE + position


@dataclass(slots=True)
class ActorSummary:
    """An actor merged across the corpus."""

    actor: Actor
    statements: int
    articles: list[str]

    def to_json(self) -> dict[str, Any]:
        return {**self.actor.to_json(), "statements": self.statements, "articles": len(self.articles)}


def actors(store: Store, article: str | None = None) -> list[ActorSummary]:
    """Actors of one article, or of the whole corpus merged by id."""
    query: Query = Term("doctype", ACTOR)
    if article:
        query = And([query, Term("article", article)])
    merged: dict[str, ActorSummary] = {}
    with store.searcher() as searcher:
        for fields in searcher.search(query, limit=None, sortedby="seq"):
            data = fields["data"]
            actor = Actor.from_json(data)
            current = merged.get(actor.id)
            if current is None:
                merged[actor.id] = ActorSummary(actor, int(data.get("statements", 0)), [fields["article"]])
                continue
            current.statements += int(data.get("statements", 0))
            current.articles.append(fields["article"])
            known = current.actor
            # the same actor named otherwise elsewhere ("Nikol Pashinian" beside "Nikol Pashinyan")
            known.aliases = sorted((set(known.aliases) | set(actor.aliases) | {actor.name}) - {known.name})
            known.description = known.description or actor.description
            known.affiliation = known.affiliation or actor.affiliation
            known.entry = known.entry or actor.entry
    return sorted(merged.values(), key=lambda s: (-s.statements, s.actor.name.lower()))


def find_actor(store: Store, name: str) -> list[ActorSummary]:
    """Actors whose id, name or alias matches ``name`` (best first): the
    whole name first, else every word of it; names are folded, so
    "erdogan" finds Erdoğan.  `reader statements --actor`, `]` and
    ``actor:NAME`` in a search all name actors through this."""
    wanted = fold(normalize(name))
    if not wanted:
        return []
    everyone = _actor_names(store)
    exact = [summary for summary, names, _ in everyone if wanted in names]
    if exact:
        return exact
    words = set(wanted.split())
    return [summary for summary, _, known in everyone if words <= known]


def _actor_names(store: Store) -> list[tuple[ActorSummary, frozenset[str], frozenset[str]]]:
    """Each actor with its folded names and their words, once per index
    version: folding every name of thousands of actors for each `actor:`
    query cost a BBC-sized index 25 ms a query."""

    def build(_: Any) -> list[tuple[ActorSummary, frozenset[str], frozenset[str]]]:
        out = []
        for summary in store.cached("actors", lambda _: actors(store)):
            names = _folded_names(summary.actor)
            out.append((summary, frozenset(names), frozenset(" ".join(names).split())))
        return out

    return store.cached("actor names", build)


def _folded_names(actor: Actor) -> list[str]:
    return [fold(n) for n in (actor.name, *actor.aliases, actor.id.split("@")[0])]


def _actor_terms(store: Store, query: Query) -> Query:
    """``actor:NAME`` as the statements of the actors NAME names (the same
    set `reader statements --actor NAME` and `]` walk); a name no actor
    has still matches speakers as written ("actor:officials")."""

    def swap(node: Query) -> Query:
        if getattr(node, "fieldname", None) != "actor":
            return node
        if isinstance(node, Term):
            words = [node.text.decode("utf-8") if isinstance(node.text, bytes) else node.text]
        elif isinstance(node, Phrase):
            words = list(node.words)
        else:
            return node
        found = find_actor(store, " ".join(words))
        if not found:
            return node
        return Or([Term("speakers", a.actor.id) for a in found])

    return query.accept(swap)


# -- glossary ---------------------------------------------------------------


def entry_occurrences(store: Store, entry_id: str) -> list[tuple[ArticleHeader, int]]:
    """Articles that mention a glossary entry, with how often (counts are
    kept on the article's header, so no text is loaded)."""
    query = And([Term("doctype", ARTICLE), Term("entry", entry_id.lower())])
    with store.searcher() as searcher:
        docs = [h.fields() for h in searcher.search(query, limit=None, sortedby="seq")]
    found = []
    for fields in docs:
        header = store.header(fields["article"])
        if header is not None:
            found.append((header, int((fields.get("data") or {}).get("entries", {}).get(entry_id, 0))))
    return found


def count_all(store: Store) -> dict[str, int]:
    """How many documents of each type the index holds."""
    with store.searcher() as searcher:
        return {t: len(searcher.search(And([Every(), Term("doctype", t)]), limit=None)) for t in (ARTICLE, STATEMENT, ACTOR, GLOSSARY)}
