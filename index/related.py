"""Subject links: for each statement, what others said on the same subject.

Built at ingest, after the articles are committed, and kept in the index
(one ``links`` document per article) so the app only reads them.  Each link
says how the other statement stands to this one:

``denies`` / ``rejects``
    it denies or rejects this claim or accusation;
``accuses``
    it is the claim or accusation this denial answers;
``is accused``
    its speaker is the one this accusation names, answering it;
``agrees``
    it says the same thing (another source, or the same one again);
``same subject``
    it speaks to the same events without answering.

How a pair is found and judged:

* **Words**: each statement's claim (``index.claim_text``: "denied this" with
  what it points at filled in) is indexed in the ``claim`` field; the
  statements sharing its rarest words are found through that field's
  postings and ranked by BM25 with k1 = 0 (a sentence that says a word twice
  is not more about it), and compared by their idf-weighted words in common.
* **Pointers**: a denial that points at a statement ("a claim which
  Erdogan's government denies") answers that statement.
* **The accused and the denier**: a denial whose speaker is a party the
  claim names ("X accused *Turkey* …" ↔ "*Turkey* denied …"), or a reciprocal
  pair ("both sides accused each other" ↔ "each denied"), answers it on
  fewer shared words; the accused speaking just after an accusation answers
  it too.
* **Copies**: rolling updates repeat sentences; copies are linked as such,
  share their links when listed, and are listed once.

Links are symmetric and updated incrementally: articles added later get
links to the statements already indexed, and those statements gain links to
them.  An article whose links were never built (an interrupted run, an index
from an older version) is linked by the next command that writes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from whoosh.query import And, Term

from .analysis.places import COUNTRIES, DEMONYMS, SEATS
from .claim_text import ClaimText, claim_texts
from .models import Article, GlossaryEntry, Statement
from .schema import LINKS, ORDER_STRIDE, STATEMENT, make_schema
from .store import ArticleHeader, Store, header_of_document
from .related_words import claim_terms, related_words
from .subjects import Subject, claim_terms_of, copy_key, subjects_of

LINKS_VERSION = 2  # bump when links are built differently: every article is linked again
MAX_QUERY_TERMS = 6  # a statement looks for others through its rarest words
MAX_DF_SHARE = 0.02  # … among those in at most this share of the statements
MIN_MAX_DF = 200
CANDIDATES = 30  # statements judged per statement, best BM25 first (and those of its own article nearby)
#: Statements of its own article judged with each statement, on either side: every one in
#: an article of news length, a bounded number in a machine-made article of thousands
#: (judging every pair there grew with the square of the statements).
OWN_ARTICLE_WINDOW = 100
MAX_LINKS = 40  # links kept per statement, strongest first
NEARBY = 2  # statements apart in one article that count as "just after"
NEARBY_CHARS = 400  # … and at most this many characters apart

# Words in common (idf-weighted, 0..1) a pair needs:
PAIRED_SIM = 0.1  # a denial by the party a claim is about, or a reciprocal pair
POINTED_SIM = 0.15  # … when the denial points at a statement already ("denied this"): another claim must say more of the same
ANSWER_SIM = 0.30  # a denial by anyone else
AGREE_SIM = 0.40  # two statements saying the same
SAME_SIM = 0.22  # the same subject
RARE_DF = 3  # a word in this few statements is rare enough to tie two on its own
COMMON_PLACE_SHARE = 0.05  # a place named by more of the statements is no subject
NEAR_COPY = 0.75  # words in common (Jaccard) for one source's two sentences to be listed once

DENIES, REJECTS, ACCUSES, IS_ACCUSED, AGREES, SAME = "denies", "rejects", "accuses", "is accused", "agrees", "same subject"
COPY = "copy"  # stored, never listed
RELATIONS = (DENIES, REJECTS, ACCUSES, IS_ACCUSED, AGREES, SAME)
ANSWERS = frozenset({DENIES, REJECTS, ACCUSES, IS_ACCUSED})
# kinds that ask or promise rather than claim: nothing to deny in them
UNDENIABLE = frozenset({"appeal", "promise", "question", "praise", "refusal"})
# kinds that admit something of the speaker's own side ("both sides have
# admitted to 60 dead"): not what "each denied" answers
ADMISSIONS = frozenset({"acknowledgement", "concession"})
GROUP = {DENIES: 0, REJECTS: 0, ACCUSES: 0, IS_ACCUSED: 0, AGREES: 1, SAME: 2}

_SCHEMA = make_schema()

Key = tuple[str, int]  # (article id, statement position)


def terms_of(words: str) -> list[str]:
    """The index terms of ``words`` in the ``claim`` field."""
    return claim_terms(words)


@lru_cache(maxsize=1)
def plain_terms() -> frozenset[str]:
    """Index terms that say nothing of a subject: pointers ("the claim"),
    reciprocal words ("each other", "both sides")."""
    words = related_words()
    phrases = [*words.pronouns, *words.nouns, *words.reciprocal_speakers, *words.reciprocal_targets]
    return frozenset(terms_of(" ".join(phrases)))


@lru_cache(maxsize=1)
def place_terms() -> frozenset[str]:
    """The index terms of every country, capital and demonym."""
    names = [*COUNTRIES, *SEATS, *DEMONYMS, *(f"{d}s" for d in DEMONYMS)]
    return frozenset(terms_of(" ".join(names)))


# -- what is stored ---------------------------------------------------------------


@dataclass(slots=True)
class Link:
    article: str
    position: int
    relation: str
    strength: float
    copy: str = ""  # the other statement's copy key: copies are counted once

    def to_json(self) -> list[Any]:
        return [self.article, self.position, self.relation, round(self.strength, 3), self.copy]

    @classmethod
    def from_json(cls, data: Sequence[Any]) -> Link:
        return cls(str(data[0]), int(data[1]), str(data[2]), float(data[3]), str(data[4]) if len(data) > 4 else "")


@dataclass(slots=True)
class ArticleLinks:
    """One article's stored claims, subjects and links."""

    article: str
    claims: dict[int, ClaimText] = field(default_factory=dict)  # only claims filled in
    subjects: list[Subject] = field(default_factory=list)
    links: dict[int, list[Link]] = field(default_factory=dict)
    version: int = LINKS_VERSION
    # each statement's terms as the index holds them (the `claim` field's):
    # known while the article is being added, never stored
    indexed: list[tuple[str, ...]] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "v": self.version,
            "claims": {str(p): [c.text, c.words, c.refers_to] for p, c in self.claims.items()},
            "subjects": [s.to_json() for s in self.subjects],
            "links": {str(p): [link.to_json() for link in links] for p, links in self.links.items() if links},
        }

    @classmethod
    def from_json(cls, article: str, data: Mapping[str, Any]) -> ArticleLinks:
        claims = {int(p): ClaimText(c[0], c[1], c[2], True) for p, c in (data.get("claims") or {}).items()}
        return cls(
            article=article,
            claims=claims,
            subjects=[Subject.from_json(s) for s in data.get("subjects") or []],
            links={int(p): [Link.from_json(x) for x in links] for p, links in (data.get("links") or {}).items()},
            version=int(data.get("v", 0)),
        )

    def counts(self, position: int) -> Counts:
        """How many statements answer this one, agree with it or speak to
        its subject (copies of one statement counted once)."""
        if 0 <= position < len(self.subjects) and self.subjects[position].lead is not None:
            position = self.subjects[position].lead  # a run-on quotation: its lead's
        seen: dict[str, int] = {}
        for link in self.links.get(position, ()):
            if link.relation == COPY:
                continue
            group = GROUP[link.relation]
            key = link.copy or f"{link.article}:{link.position}"
            seen[key] = min(group, seen.get(key, group))
        groups = list(seen.values())
        return Counts(groups.count(0), groups.count(1), groups.count(2))


@dataclass(frozen=True, slots=True)
class Counts:
    """What a statement's "what others said" holds, as the claims pane shows it."""

    answers: int = 0
    agree: int = 0
    same: int = 0

    def __bool__(self) -> bool:
        return bool(self.answers or self.agree or self.same)

    def words(self) -> str:
        """"2 answers · 1 agrees · 3 on the subject" (empty parts left out)."""
        parts = []
        if self.answers:
            parts.append(f"{self.answers} answer{'s' if self.answers != 1 else ''}")
        if self.agree:
            parts.append(f"{self.agree} agree{'s' if self.agree == 1 else ''}")
        if self.same:
            parts.append(f"{self.same} on the subject")
        return " · ".join(parts)


def stored_links(store: Store, aid: str) -> ArticleLinks | None:
    """An article's stored links, or None when they were not built yet."""
    with store.searcher() as searcher:
        doc = searcher.document(id=f"l:{aid}")
    if not doc:
        return None
    links = ArticleLinks.from_json(aid, doc["data"])
    return links if links.version == LINKS_VERSION else None


def article_claims(article: Article, store: Store | None = None) -> ArticleLinks:
    """The open article's claims and links: stored ones, or (not linked yet)
    its claims computed from its text, without links."""
    if store is not None:
        found = stored_links(store, article.id)
        if found is not None:
            return found
    claims = {i: c for i, c in enumerate(claim_texts(article.text, article.analysis.statements)) if c.resolved}
    return ArticleLinks(article.id, claims)


# -- judging a pair ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Placed:
    """A subject and where its statement stands."""

    key: Key
    subject: Subject
    at: int  # sentence start in its article


@dataclass(frozen=True, slots=True)
class Match:
    """What two claims' words have in common."""

    sim: float  # cosine of their tf-idf vectors, places and pointer words left out
    shared: int = 0  # words in common
    rare: bool = False  # one of them is rare in the whole index (a name, a number, a weapon)

    @property
    def enough(self) -> bool:
        """Words in common enough to say "the same subject" without an answer."""
        return self.shared >= 2 or self.rare


def relate(a: Placed, b: Placed, match: Match) -> tuple[str | None, str | None, float] | None:
    """How ``b`` stands to ``a``, how ``a`` stands to ``b``, and how strongly
    (None: not related).  A headline's summary lists what relates to it but
    is not listed itself (it repeats a statement of its article's body)."""
    found = _relate(a, b, match)
    if found is None or found[0] == COPY:
        return found
    of_b, of_a, strength = found
    return (None if b.subject.summary else of_b), (None if a.subject.summary else of_a), strength


def _relate(a: Placed, b: Placed, match: Match) -> tuple[str, str, float] | None:
    sa, sb = a.subject, b.subject
    sim = match.sim
    same_article = a.key[0] == b.key[0]
    if sa.copy and sa.copy == sb.copy:
        return COPY, COPY, 1.0
    pointed = same_article and (sa.refers == b.key[1] or sb.refers == a.key[1])
    near = same_article and abs(a.key[1] - b.key[1]) <= NEARBY and abs(a.at - b.at) <= NEARBY_CHARS
    here = 0.1 if same_article else 0.0  # an answer in the same report is the likelier one
    if sa.denial != sb.denial and (sa.denial or sa.kind not in UNDENIABLE) and (sb.denial or sb.kind not in UNDENIABLE):
        denier, claimer = (sa, sb) if sa.denial else (sb, sa)
        other_voice = not denier.speaker & claimer.speaker
        # both are about the same party, and the denier is that party ("X
        # accused *Turkey* of …" and "*Turkey* denied …") or one the claim
        # names; or both sides deny what both sides claimed
        about = bool(denier.accused & claimer.accused)
        accused = (
            # (both sides accusing each other accuse no one party: the
            # first named after "each other" is not the accused)
            other_voice and about and not claimer.reciprocal and bool(denier.speaker & (claimer.accused | claimer.parties))
        ) or (denier.reciprocal and claimer.reciprocal and claimer.kind not in ADMISSIONS)
        named = other_voice and bool(denier.speaker & claimer.parties)
        if pointed:
            strength = 2.0 + sim
        elif accused and sim >= (POINTED_SIM if denier.pointer and denier.refers is not None else PAIRED_SIM):
            strength = 1.0 + sim + here + (0.2 if near else 0.0)
        elif named and not denier.pointer and sim >= 2 * PAIRED_SIM:
            # "Y denied this" answers what "this" is; another claim only
            # when Y is the one accused in it, or it says the same
            strength = 0.9 + sim + here
        elif sim >= (AGREE_SIM if denier.pointer else ANSWER_SIM):
            strength = 0.5 + sim + here
        else:
            strength = 0.0
        if not strength:
            return (SAME, SAME, sim) if sim >= SAME_SIM and match.enough else None
        answer = REJECTS if denier.rejects else DENIES
        return (answer, ACCUSES, strength) if sb.denial else (ACCUSES, answer, strength)
    if sa.denial != sb.denial:  # a denial beside an appeal: at most the same subject
        return (SAME, SAME, sim) if sim >= SAME_SIM and match.enough else None
    if not sa.denial:
        # the accused answering: "X accused Y of …", and Y speaking to it after
        for accuser, other, first, then, flip in ((sa, sb, a, b, False), (sb, sa, b, a, True)):
            if not (accuser.accusation or accuser.kind == "claim"):
                continue
            if not other.speaker & accuser.accused or other.speaker & accuser.speaker or accuser.reciprocal:
                continue
            after = near and then.key[1] > first.key[1]
            if after or (accuser.accusation and sim >= PAIRED_SIM):
                strength = 0.8 + sim + here
                return (ACCUSES, IS_ACCUSED, strength) if flip else (IS_ACCUSED, ACCUSES, strength)
    if pointed:
        return AGREES, AGREES, 1.0 + sim
    if not match.enough:
        return None
    if sim >= AGREE_SIM:
        return AGREES, AGREES, sim
    if sim >= SAME_SIM:
        return SAME, SAME, sim
    return None


# -- building -------------------------------------------------------------------------------


class ClaimTerms:
    """The ``claim`` field's document frequencies and postings, read once
    each, and each statement's tf-idf vector, built once."""

    def __init__(self, searcher: Any) -> None:
        self.reader = searcher.reader()
        self.total = max(1, self.reader.doc_frequency("doctype", STATEMENT))
        self.size = self.reader.doc_count_all()
        # words in more statements than this find too many to be worth reading
        self.max_df = max(MIN_MAX_DF, int(self.total * MAX_DF_SHARE))
        self._df: dict[str, int] = {}
        self._live: np.ndarray | None = None
        self.keys: list[Key] | None = None  # statements by number, when counted from memory
        self._idf: dict[str, float] = {}
        self._postings: dict[str, np.ndarray] = {}
        self._weights: dict[str, np.ndarray] = {}

    def df(self, term: str) -> int:
        found = self._df.get(term)
        if found is None:
            found = self._df[term] = 0 if self.keys is not None else self.reader.doc_frequency("claim", term)
        return found

    def from_memory(self, articles: Mapping[str, ArticleLinks]) -> bool:
        """When every statement of the index is in ``articles`` (a first
        add, a relink), count the frequencies and postings from their
        indexed terms instead of asking the index word by word: the same
        figures, far fewer reads.  False when some terms are not known."""
        if any(links.indexed is None for links in articles.values()):
            return False
        keys: list[Key] = []
        postings: dict[str, list[int]] = {}
        for aid, links in articles.items():
            for position, terms in enumerate(links.indexed or ()):
                number = len(keys)
                keys.append((aid, position))
                for term in set(terms):
                    postings.setdefault(term, []).append(number)
        if len(keys) != self.total:
            return False  # the index holds statements these articles do not
        self.keys = keys
        self._df = {term: len(numbers) for term, numbers in postings.items()}
        self._postings = {term: np.array(numbers, dtype=np.int64) for term, numbers in postings.items()}
        return True

    def live(self) -> np.ndarray | None:
        """Which document numbers are not deleted (None: none is)."""
        if self._live is None and self.reader.has_deletions():
            self._live = np.zeros(self.size, dtype=bool)
            self._live[np.fromiter(self.reader.all_doc_ids(), dtype=np.int64)] = True
        return self._live

    def idf(self, term: str) -> float:
        """whoosh's BM25 idf."""
        found = self._idf.get(term)
        if found is None:
            found = self._idf[term] = math.log(self.total / (self.df(term) + 1)) + 1.0
        return found

    def postings(self, term: str) -> np.ndarray:
        found = self._postings.get(term)
        if found is None and self.keys is not None:
            return np.empty(0, dtype=np.int64)
        if found is None:
            found = np.fromiter(self.reader.postings("claim", term).all_ids(), dtype=np.int64)
            live = self.live()
            if live is not None:  # a replaced article's statements are still listed
                found = found[live[found]]
            self._postings[term] = found
        return found

    def weights(self, term: str) -> np.ndarray:
        """The term's idf once for each of its postings."""
        found = self._weights.get(term)
        if found is None:
            found = self._weights[term] = np.full(len(self.postings(term)), self.idf(term))
        return found

    def vector(self, terms: frozenset[str]) -> Vector:
        """The claim's words that count (pointer words and the places every
        other statement names left out), each word's squared idf, and the
        vector's length."""
        common = self.total * COMMON_PLACE_SHARE
        kept = frozenset(t for t in terms - plain_terms() if t not in place_terms() or self.df(t) <= common)
        weights = {t: self.idf(t) ** 2 for t in kept}
        rare = frozenset(t for t in terms if self.df(t) <= RARE_DF)
        return Vector(kept, weights, math.sqrt(sum(weights.values())), rare)

    def candidates(self, terms: frozenset[str], limit: int) -> np.ndarray:
        """Statements (document numbers) sharing the rarest of ``terms``,
        best BM25 (k1 = 0) first: each shared word adds its idf."""
        usable = sorted((self.df(t), t) for t in terms - plain_terms() if 2 <= self.df(t) <= self.max_df)
        usable = usable[:MAX_QUERY_TERMS]
        if not usable:
            return np.empty(0, dtype=np.int64)
        docs = np.concatenate([self.postings(t) for _, t in usable])
        weights = np.concatenate([self.weights(t) for _, t in usable])
        found, where = np.unique(docs, return_inverse=True)
        scores = np.bincount(where, weights=weights)
        if limit < len(found):
            top = np.argpartition(-scores, limit)[:limit]
            return found[top[np.argsort(-scores[top], kind="stable")]]
        return found[np.argsort(-scores, kind="stable")]


@dataclass(frozen=True, slots=True)
class Vector:
    terms: frozenset[str]
    weights: dict[str, float]
    norm: float
    rare: frozenset[str]  # words in at most RARE_DF statements (places too)

    def compare(self, other: Vector) -> Match:
        """The cosine of two claims' tf-idf vectors (each word once): words in
        common, the rare ones counting far more than those every article
        repeats.  Place names and pointer words are not in the vectors:
        sharing "Armenia" or "the other" is not a subject."""
        shared = self.terms & other.terms
        rare = bool(self.rare & other.rare)
        if not shared or not self.norm or not other.norm:
            return Match(0.0, 0, rare)
        weights = self.weights
        return Match(sum(weights[t] for t in shared) / (self.norm * other.norm), len(shared), rare)


def pending_articles(store: Store) -> list[str]:
    """Articles whose links were not built (all of them when the stored
    links are from another version of this step)."""
    headers = store.article_headers()
    if str(store.state().get("links")) != str(LINKS_VERSION):
        return [h.id for h in headers]
    with store.searcher() as searcher:
        listed = {
            (t.decode("utf-8") if isinstance(t, bytes) else t)[2:]
            for t in searcher.reader().expand_prefix("id", "l:")
        }
        live = sum(1 for _ in searcher.docs_for_query(Term("doctype", LINKS)))
        if live == len(listed):  # no deleted links document still listed
            return [h.id for h in headers if h.id not in listed]
        # deleted documents stay in the lexicon until a merge: ask each
        return [h.id for h in headers if searcher.document_number(id=f"l:{h.id}") is None]


def prepare(article: Article, entries: Mapping[str, GlossaryEntry]) -> ArticleLinks:
    """An article's claims and subjects, before any link: ingest prepares
    them while the next articles are being analysed."""
    claims = claim_texts(article.text, article.analysis.statements)
    subjects = subjects_of(article, claims, entries)
    indexed = [claim_terms_of(c.words) for c in claims]
    return ArticleLinks(article.id, {i: c for i, c in enumerate(claims) if c.resolved}, subjects, indexed=indexed)


def update_links(
    store: Store,
    fresh: Mapping[str, Article] | None = None,
    entries: Mapping[str, GlossaryEntry] | None = None,
    prepared: Mapping[str, ArticleLinks] | None = None,
) -> int:
    """Build the links of every article that has none (``fresh`` holds
    articles already in memory, ``prepared`` their subjects made with these
    ``entries``), and add the reverse links to the statements they link to;
    one commit.  Returns the number of articles linked."""
    fresh = fresh or {}
    prepared = prepared or {}
    with store.exclusive():
        pending = pending_articles(store)
        if not pending:
            return 0
        everything = str(store.state().get("links")) != str(LINKS_VERSION)
        entries = entries if entries is not None else store.glossary_entries()
        headers = {h.id: h for h in store.article_headers()}
        with store.searcher() as searcher:
            built = _Builder(store, searcher, headers, entries, everything)
            for aid in pending:
                ready = prepared.get(aid)
                article = fresh.get(aid) or (None if ready is not None else store.article(aid))
                if ready is not None and article is not None:
                    built.add_prepared(ready, article)
                elif article is not None:
                    built.add(article)
            if len(built.new) == len(headers):
                built.terms.from_memory(built.new)
            built.link()
            writes = built.documents()
        with store.writer() as writer:
            for aid, data in writes:
                writer.update_document(id=f"l:{aid}", doctype=LINKS, article=aid, data=data)
            store.write_state(writer, links=LINKS_VERSION)
    return len(pending)


def ensure_links(store: Store) -> list[str]:
    """Build whatever links are missing, when the index can be written;
    returns one line when it cannot (the links already built still answer)."""
    from .store import StoreError

    try:
        update_links(store)
    except StoreError as exc:
        return [f"the links between statements could not be brought up to date: {exc}"]
    return []


def _order_column(reader: Any) -> np.ndarray:
    """Every document's corpus ``order`` (0 where it has none), by document
    number.  Read segment by segment: a segment's column stops at its last
    document with a value, so the rest is filled in."""
    parts = []
    for segment, offset in reader.leaf_readers():
        size = segment.doc_count_all()
        values = np.zeros(size, dtype=np.int64)
        if segment.has_column("order"):
            written = np.fromiter((v or 0 for v in segment.column_reader("order")), dtype=np.int64)
            values[: min(size, len(written))] = written[:size]
        parts.append((offset, values))
    total = max((offset + len(values) for offset, values in parts), default=0)
    orders = np.zeros(total, dtype=np.int64)
    for offset, values in parts:
        orders[offset : offset + len(values)] = values
    return orders


class _Builder:
    """One run of :func:`update_links`: the new articles' subjects, the old
    ones' as stored, and the links found."""

    def __init__(self, store: Store, searcher: Any, headers: dict[str, ArticleHeader], entries: Mapping[str, GlossaryEntry], everything: bool) -> None:
        self.store = store
        self.terms = ClaimTerms(searcher)
        reader = searcher.reader()
        self.orders = _order_column(reader)
        self.aid_of_seq = {h.seq: h.id for h in headers.values()}
        self.headers = headers
        self.entries = entries
        self.everything = everything  # every article is being relinked: stored links are stale
        self.new: dict[str, ArticleLinks] = {}
        self.old: dict[str, ArticleLinks | None] = {}
        self.at: dict[str, list[int]] = {}  # sentence starts per article
        self.placed: dict[Key, tuple[Placed, Vector] | None] = {}
        self.found: dict[Key, dict[Key, tuple[str, float, str]]] = {}

    def add(self, article: Article) -> None:
        self.add_prepared(prepare(article, self.entries), article)

    def add_prepared(self, links: ArticleLinks, article: Article) -> None:
        self.new[article.id] = links
        self.at[article.id] = [s.sentence.start for s in article.analysis.statements]

    def _links_of(self, aid: str) -> ArticleLinks | None:
        if aid in self.new:
            return self.new[aid]
        if aid not in self.old:
            self.old[aid] = None if self.everything else stored_links(self.store, aid)
        return self.old[aid]

    def _placed(self, key: Key) -> tuple[Placed, Vector] | None:
        if key in self.placed:
            return self.placed[key]
        found = None
        links = self._links_of(key[0])
        if links is not None and 0 <= key[1] < len(links.subjects):
            subject = links.subjects[key[1]]
            if subject.lead is not None:  # a run-on quotation: its words are its lead's
                found = self._placed((key[0], subject.lead))
            else:
                starts = self.at.get(key[0])
                found = Placed(key, subject, starts[key[1]] if starts else 0), self.terms.vector(subject.terms)
        self.placed[key] = found
        return found

    def _keys_of(self, docnums: np.ndarray) -> list[Key]:
        if self.terms.keys is not None:
            keys = self.terms.keys
            return [keys[n] for n in docnums.tolist()]
        seqs, positions = np.divmod(self.orders[docnums], ORDER_STRIDE)
        aid_of = self.aid_of_seq
        return [(aid_of[seq], position) for seq, position in zip(seqs.tolist(), positions.tolist()) if seq in aid_of]

    def link(self) -> None:
        judged: set[tuple[Key, Key]] = set()
        lowest = min(PAIRED_SIM, SAME_SIM)
        for aid, links in self.new.items():
            count = len(links.subjects)
            for position, subject in enumerate(links.subjects):
                key = (aid, position)
                mine = self._placed(key) if subject.lead is None else None
                if mine is None:
                    continue  # a run-on quotation is linked through its lead
                here, vector = mine
                others = self._keys_of(self.terms.candidates(subject.terms, CANDIDATES + 1))
                nearby = range(max(0, position - OWN_ARTICLE_WINDOW), min(count, position + OWN_ARTICLE_WINDOW + 1))
                others.extend((aid, p) for p in nearby)  # its own article's statements around it
                if subject.refers is not None and subject.refers not in nearby:
                    others.append((aid, subject.refers))  # what "this" points at
                for other in others:
                    theirs = self._placed(other)
                    if theirs is None:
                        continue
                    there, their_vector = theirs
                    other = there.key  # a run-on quotation's lead
                    if other == key:
                        continue
                    pair = (key, other) if key <= other else (other, key)
                    if pair in judged:
                        continue
                    judged.add(pair)
                    match = vector.compare(their_vector)
                    if match.sim < lowest and subject.copy != there.subject.copy:
                        # too little in common: only a pointer or the accused just after tie them
                        if other[0] != aid or not (
                            subject.refers == other[1] or there.subject.refers == position or abs(other[1] - position) <= NEARBY
                        ):
                            continue
                    found = relate(here, there, match)
                    if found is None:
                        continue
                    of_other, of_here, strength = found
                    if of_other is not None:
                        self.found.setdefault(key, {})[other] = (of_other, strength, there.subject.copy)
                    if of_here is not None:
                        self.found.setdefault(other, {})[key] = (of_here, strength, subject.copy)

    def documents(self) -> list[tuple[str, dict[str, Any]]]:
        """The links documents to write: the new articles', and the old ones'
        that gained links."""
        live = set(self.headers)
        touched: dict[str, ArticleLinks] = dict(self.new)
        for (aid, _), _targets in self.found.items():
            if aid not in touched:
                old = self._links_of(aid)
                if old is not None:
                    touched[aid] = old
        out = []
        for aid, links in touched.items():
            for position in range(len(links.subjects)):
                found = self.found.get((aid, position), {})
                merged: dict[Key, Link] = {}
                for link in links.links.get(position, ()):
                    if link.article in live:  # drop links to articles no longer indexed
                        merged[(link.article, link.position)] = link
                for (other_aid, other_position), (relation, strength, copy) in found.items():
                    merged[(other_aid, other_position)] = Link(other_aid, other_position, relation, strength, copy)
                if merged:
                    ranked = sorted(merged.values(), key=lambda l: (l.relation != COPY, GROUP.get(l.relation, 3), -l.strength))
                    links.links[position] = ranked[:MAX_LINKS]
            out.append((aid, links.to_json()))
        return out


# -- reading ----------------------------------------------------------------------------------


@dataclass(slots=True)
class RelatedItem:
    """A statement that speaks to the one asked about."""

    relation: str
    strength: float
    article: str
    position: int
    title: str
    date: str | None
    speaker: str
    sentence: str
    statement: Statement
    claim: str  # the claim as it stands alone
    copy: str = ""  # copy_key: the same statement repeated elsewhere shares it
    copies: int = 0  # the same sentence in other articles, not listed

    def to_json(self) -> dict[str, Any]:
        return {
            "relation": self.relation,
            "speaker": self.speaker,
            "article": self.article,
            "title": self.title,
            "date": self.date,
            "sentence_text": self.sentence,
            "claim_text": self.claim,
            "position": self.position,
            "kind": str(self.statement.kind),
            "strength": round(self.strength, 3),
            "copies": self.copies,
        }


def _sort_date(date: str | None) -> str:
    from .dates import iso_date

    return iso_date(date) or "9999"


def related_to(store: Store, aid: str, position: int, limit: int | None = None) -> list[RelatedItem]:
    """What others said on the subject of statement ``position`` of article
    ``aid``: answers first (denials, rejections, the accusations answered),
    then agreements, then the rest; strongest first, then earliest.  Copies
    of a sentence are listed once, and the statement's own copies lend it
    their links."""
    links = stored_links(store, aid)
    if links is None:
        return []
    if 0 <= position < len(links.subjects) and links.subjects[position].lead is not None:
        position = links.subjects[position].lead  # a run-on quotation: its lead statement's subject
    own = [(aid, position)]
    best: dict[Key, tuple[str, float]] = {}
    for link in links.links.get(position, ()):
        if link.relation == COPY:
            own.append((link.article, link.position))
    cache: dict[str, ArticleLinks | None] = {aid: links}
    for copy_aid, copy_position in own:
        if copy_aid not in cache:
            cache[copy_aid] = stored_links(store, copy_aid)
        copy_links = cache[copy_aid]
        if copy_links is None:
            continue
        for link in copy_links.links.get(copy_position, ()):
            key = (link.article, link.position)
            if link.relation == COPY or key in own:
                continue
            current = best.get(key)
            if current is None or (GROUP[link.relation], -link.strength) < (GROUP[current[0]], -current[1]):
                best[key] = (link.relation, link.strength)
    if not best:
        return []
    items = _items(store, best)
    own_copy = _own_copy_keys(store, own)
    # the statement itself heads the list while it is built: its own
    # repeats in other updates ("after the earlier clashes" / "after earlier
    # clashes") are then left out as near copies
    asked = _items(store, {(aid, position): (SAME, 0.0)})
    listed: list[tuple[RelatedItem, frozenset[str]]] = [(a, frozenset(terms_of(a.claim))) for a in asked]
    sentences: set[tuple[str, str]] = set()
    for item in sorted(items, key=lambda i: (GROUP[i.relation], -i.strength, i.article != aid, _sort_date(i.date))):
        if item.copy in own_copy:
            continue
        sentence = (item.article, item.sentence)
        if sentence in sentences:
            continue  # another statement of a sentence listed already
        sentences.add(sentence)
        words = frozenset(terms_of(item.claim))
        same = next((first for first, seen in listed if _near_copy(first, seen, item, words)), None)
        if same is not None:
            same.copies += 1
            continue
        listed.append((item, words))
    ordered = [item for item, _ in listed[len(asked) :]]
    return ordered[:limit] if limit is not None else ordered


def _near_copy(first: RelatedItem, seen: frozenset[str], item: RelatedItem, words: frozenset[str]) -> bool:
    """The same statement again: a copy, or the same speaker saying the same
    words with small changes ("Earlier today, Armenia revealed …" in one
    update, "Yesterday, Armenia revealed …" in the next)."""
    if first.copy == item.copy:
        return True
    if first.speaker.casefold() != item.speaker.casefold() or not seen or not words:
        return False
    return len(seen & words) / len(seen | words) >= NEAR_COPY


def _own_copy_keys(store: Store, own: list[Key]) -> set[str]:
    keys = set()
    with store.searcher() as searcher:
        for aid, position in own:
            doc = searcher.document(id=f"s:{aid}:{position:05d}")
            if doc:
                keys.add(doc["data"].get("copy") or copy_key(doc["data"].get("text", "")))
    return keys


def _items(store: Store, best: Mapping[Key, tuple[str, float]]) -> list[RelatedItem]:
    headers: dict[str, ArticleHeader | None] = {}
    items = []
    with store.searcher() as searcher:
        for (aid, position), (relation, strength) in best.items():
            doc = searcher.document(id=f"s:{aid}:{position:05d}")
            if not doc:
                continue
            if aid not in headers:
                head = searcher.document(id=f"a:{aid}")
                headers[aid] = header_of_document(head) if head else None
            header = headers[aid]
            data = doc["data"]
            statement = Statement.from_json(data)
            items.append(
                RelatedItem(
                    relation=relation,
                    strength=strength,
                    article=aid,
                    position=position,
                    title=header.title if header else data.get("title", ""),
                    date=header.date if header else None,
                    speaker=statement.speaker,
                    sentence=data.get("text", ""),
                    statement=statement,
                    claim=data.get("claim_text") or _content_of(data.get("text", ""), statement),
                    copy=data.get("copy") or copy_key(data.get("text", "")),
                )
            )
    return items


def _content_of(sentence: str, statement: Statement) -> str:
    """The content as written, cut from the stored sentence."""
    if statement.content is None:
        return " ".join(sentence.split())
    start = statement.content.start - statement.sentence.start
    end = statement.content.end - statement.sentence.start
    piece = sentence[start:end] if 0 <= start < end <= len(sentence) else sentence
    return " ".join(piece.split())


# -- finding a statement by its words ------------------------------------------------------


def find_statement(store: Store, words: str) -> tuple[str, int] | None:
    """The statement whose sentence best holds ``words``: one that holds them
    as written first (the earliest), else the best BM25 match."""
    stems = [token.text for token in _SCHEMA["said"].analyzer(words)]
    if not stems:
        return None
    wanted = _plain(words)
    query = And([Term("doctype", STATEMENT), *(Term("said", s) for s in dict.fromkeys(stems))])
    with store.searcher() as searcher:
        hits = searcher.search(query, limit=200)
        found = [(h.score, int(h["order"]), h["article"], h.fields()["data"]) for h in hits]
    if not found:
        return None
    exact = [f for f in found if wanted in _plain(f[3].get("text", ""))]
    if exact:
        # of statements sharing the sentence, the one whose own words hold them
        _, _, aid, data = min(exact, key=lambda f: (-_own_share(words, f[3]), f[1]))
    else:
        _, _, aid, data = max(found, key=lambda f: (f[0], -f[1]))
    return aid, int(data.get("position", 0))


def _own_share(words: str, data: Mapping[str, Any]) -> float:
    """How much of ``words`` lies in the statement's own words."""
    own, sentence = data.get("own"), data.get("sentence")
    text = data.get("text", "")
    wanted = re.findall(r"\w+", _plain(words))
    if not own or not sentence or not wanted:
        return 0.0
    start, end = own["start"] - sentence["start"], own["end"] - sentence["start"]
    piece = set(re.findall(r"\w+", _plain(text[max(0, start) : max(0, end)])))
    return sum(1 for w in wanted if w in piece) / len(wanted)


def _plain(text: str) -> str:
    for curly, straight in (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(curly, straight)
    return " ".join(text.split()).casefold()
