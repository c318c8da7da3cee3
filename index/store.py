"""The article store: a whoosh index on disk, and every write to it.

Everything the app needs is kept here (texts, offsets, analysis), so opening
the app never runs spaCy.  Writes go through :meth:`Store.writer`, which
waits a bounded time for another process's lock and then says the index is
busy, and every batch of articles lands in a single commit.
"""

from __future__ import annotations

import errno
import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from whoosh import index as whoosh_index
from whoosh.index import LockError
from whoosh.searching import Searcher
from whoosh.writing import SegmentWriter

from .claim_text import claim_texts
from .models import Analysis, Article, GlossaryEntry, Span
from .subjects import copy_key, indexed_claim
from .texts import TextStore
from .write_lock import LockTimeout, write_lock_for
from . import whoosh_patches
from .schema import (
    ACTOR,
    ARTICLE,
    GLOSSARY,
    ORDER_STRIDE,
    SCHEMA_VERSION,
    STATE,
    STATEMENT,
    TEXT_DOC,
    make_schema,
)

whoosh_patches.apply()  # a missing length column remembered, not looked up per posting

INDEX_ENV = "READER_INDEX"
APP_NAME = "guided-reader"
WRITE_TIMEOUT = float(os.environ.get("READER_WRITE_TIMEOUT", "10"))
MAX_CACHED = 2048  # derived values kept per index generation
T = TypeVar("T")


class StoreError(Exception):
    """A problem with the index a person can act on; ``str()`` is one line."""


class IndexBusy(StoreError):
    pass


class IndexDamaged(StoreError):
    pass


#: Errors that mean "this index cannot be written to now" rather than a bug.
WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM})
_WRITE_FIXES = {
    errno.ENOSPC: "the disk is full: free some space and run the command again",
    errno.EDQUOT: "your disk quota is used up: free some space and run the command again",
    errno.EROFS: "it is on a read-only file system: use --index DIR on a writable disk",
    errno.EACCES: "permission denied: make the index folder writable or use --index DIR",
    errno.EPERM: "permission denied: make the index folder writable or use --index DIR",
}


def cannot_write(path: Path, exc: OSError) -> str:
    """One line for a write that failed for a reason a person can fix."""
    where = f" ({exc.filename})" if exc.filename else ""
    fix = _WRITE_FIXES.get(exc.errno or 0, exc.strerror or str(exc))
    return f"cannot write to the index at {path}{where}: {fix} — what was committed before is kept"


class IndexOutdated(IndexDamaged):
    """Built by an older version whose schema lacks fields we need."""


def default_index_dir() -> Path:
    """``$READER_INDEX``, else the user's data directory (platformdirs)."""
    env = os.environ.get(INDEX_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME) / "index"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def article_id(text: str) -> str:
    return content_hash(text)[:16]


@dataclass(slots=True)
class ArticleHeader:
    """What lists of articles show, without loading the text."""

    id: str
    seq: int
    title: str
    path: str
    date: str | None
    source: str | None
    statements: int
    actors: int
    words: int
    author: str | None = None


class Store:
    """An open whoosh index at ``path`` (created when missing)."""

    def __init__(
        self, path: Path | str | None = None, *, create: bool = True, whoosh_name: str = "whoosh", rebuild: bool = False
    ) -> None:
        self.path = Path(path) if path is not None else default_index_dir()
        self.whoosh_dir = self.path / whoosh_name
        self.texts = TextStore(self.path / "texts")
        self._lock = threading.RLock()
        self._searcher: Searcher | None = None
        self._cache: dict[Any, Any] = {}  # derived from the searcher's generation
        self._cache_generation: int | None = None
        self._rebuild = rebuild  # a fresh index built beside the texts
        self.ix = self._open(create)

    # -- opening -------------------------------------------------------
    def _open(self, create: bool) -> whoosh_index.Index:
        where = self.whoosh_dir
        has_toc = where.exists() and any(where.glob("*.toc"))
        if not has_toc:
            if not self._rebuild and ((where.exists() and any(where.glob("*.seg"))) or any(self.texts.ids())):
                raise IndexDamaged(
                    f"index at {self.path} is damaged: its table of contents is missing — "
                    f"run `reader reindex` to rebuild it from the article texts it keeps"
                )
            if not create:
                raise StoreError(f"no index at {self.path} — add articles with `reader add PATH`")
            created = self._create(where)
            if created is not None:
                return created
        try:
            ix = whoosh_index.open_dir(str(where))
            self._check_files(ix)
        except Exception as exc:  # whoosh raises bare struct/pickle/OS errors on damage
            raise IndexDamaged(
                f"index at {self.path} is damaged ({type(exc).__name__}: {str(exc)[:80]}) — "
                f"run `reader reindex` to rebuild it from the article texts it keeps"
            ) from None
        missing = set(make_schema().names()) - set(ix.schema.names())
        if missing:
            ix.close()
            raise IndexOutdated(
                f"index at {self.path} was built by an older version of Guided Reader — "
                f"run `reader reindex` to upgrade it (nothing is lost)"
            )
        return ix

    def _create(self, where: Path) -> whoosh_index.Index | None:
        """A new empty index, made under the folder's write lock: two
        processes opening a fresh folder at once ("File '_MAIN_0.toc'
        exists") must not both create it.  None when another process made
        it while this one waited: then it is opened like any index."""
        try:
            with exclusive_folder(self.path):
                if where.exists() and any(where.glob("*.toc")):
                    return None
                where.mkdir(parents=True, exist_ok=True)
                return whoosh_index.create_in(str(where), make_schema())
        except OSError as exc:
            raise StoreError(f"cannot create the index at {self.path}: {exc.strerror or exc}") from None

    def _check_files(self, ix: whoosh_index.Index) -> None:
        """Open every segment's files now, so damage shows at open, not mid-read."""
        with ix.reader() as reader:
            reader.doc_count_all()
            for fieldname in ("id", "doctype"):
                next(iter(reader.lexicon(fieldname)), None)
            if reader.doc_count_all():
                reader.stored_fields(next(iter(reader.all_doc_ids())))

    # -- reading -------------------------------------------------------
    @contextmanager
    def searcher(self) -> Iterator[Searcher]:
        """The store's long-lived searcher (opening one per query costs more
        than the query); one thread at a time uses it."""
        with self._lock:
            if self._searcher is None:
                self._searcher = self.ix.searcher()
            yield self._searcher

    def cached(self, key: Any, build: Callable[[Searcher], T]) -> T:
        """A value derived from the index (a filter, the vocabulary), built
        once per index generation.  The cache belongs to this store and is
        dropped when the searcher is refreshed, so a query never sees sets
        from an older version of the index."""
        with self.searcher() as searcher:
            generation = searcher.reader().generation()
            if generation != self._cache_generation:
                self._cache.clear()
                self._cache_generation = generation
            if key not in self._cache:
                if len(self._cache) >= MAX_CACHED:
                    self._cache.clear()
                self._cache[key] = build(searcher)
            return self._cache[key]

    def generation(self) -> int:
        """The index version the searcher reads."""
        with self.searcher() as s:
            return s.reader().generation()

    def refresh(self) -> bool:
        """Pick up commits made since the searcher opened, by this process or
        another; True when anything changed.  (whoosh's own
        ``Searcher.refresh`` fails on an index that started empty.)"""
        with self._lock:
            if self._searcher is None:
                return False
            if self._searcher.reader().generation() == self.ix.latest_generation():
                return False
            self._searcher.close()
            self._searcher = None
            self._cache.clear()
            return True

    def is_empty(self) -> bool:
        with self.searcher() as s:
            return s.document_number(doctype=ARTICLE) is None

    def state(self) -> dict[str, Any]:
        with self.searcher() as s:
            doc = s.document(id=STATE)
        return dict(doc["data"]) if doc else {}

    def known_sources(self) -> tuple[dict[str, str], set[str]]:
        """``({path: hash}, {hashes})`` from one lexicon read: no stored fields."""
        pairs: list[tuple[str, str]] = []
        with self.ix.reader() as reader:
            for raw in reader.lexicon("pathhash"):
                key = raw.decode("utf-8") if isinstance(raw, bytes) else raw
                digest, _, path = key.partition(":")
                pairs.append((digest, path))
            # lexicon lists deleted documents' terms until a merge: check
            live = {h.decode() if isinstance(h, bytes) else h for h in reader.lexicon("hash")}
        hashes = {digest for digest, _ in pairs}
        per_path: dict[str, list[str]] = {}
        for digest, path in pairs:
            per_path.setdefault(path, []).append(digest)
        # a replaced file's old version stays listed (in both lexicons) until
        # a merge: when a path has two versions, ask which one is live
        if hashes - live or any(len(d) > 1 for d in per_path.values()):
            with self.searcher() as s:
                live = {d["hash"] for d in s.documents(doctype=ARTICLE)}
            hashes &= live
        by_path = {path: digest for digest, path in pairs if digest in hashes}
        return by_path, hashes

    def article_headers(self) -> list[ArticleHeader]:
        with self.searcher() as s:
            docs = list(s.documents(doctype=ARTICLE))
        headers = [header_of_document(d) for d in docs]
        headers.sort(key=lambda h: h.seq)
        return headers

    def header(self, aid: str) -> ArticleHeader | None:
        with self.searcher() as s:
            doc = s.document(id=f"a:{aid}")
        return header_of_document(doc) if doc else None

    def article_text(self, aid: str) -> str | None:
        """Only the text (search snippets need no analysis)."""
        with self.searcher() as s:
            body = s.document(id=f"t:{aid}")
        return body["data"]["text"] if body else None

    def article(self, aid: str) -> Article | None:
        with self.searcher() as s:
            head = s.document(id=f"a:{aid}")
            body = s.document(id=f"t:{aid}")
        if not head or not body:
            return None
        data = body["data"]
        return Article(
            id=aid,
            seq=head["seq"],
            path=head.get("path", ""),
            title=head.get("title", ""),
            text=data["text"],
            title_span=Span.from_json(data.get("title_span")),
            date=head.get("date") or None,
            source=head.get("source") or None,
            url=head.get("url") or None,
            analysis=Analysis.from_json(data["analysis"]),
            author=(head.get("data") or {}).get("author") or None,
        )

    def iter_articles(self) -> Iterator[Article]:
        """Every article with its text, in corpus order (for reindexing)."""
        for header in self.article_headers():
            article = self.article(header.id)
            if article is not None:
                yield article

    def verify(self) -> list[str]:
        """Check that every article is whole: its text document is there and
        holds as many statements and actors as the index has documents for."""
        problems: list[str] = []
        with self.searcher() as s:
            per_article: dict[str, dict[str, int]] = {}
            for fields in s.all_stored_fields():
                doctype = fields.get("doctype")
                if doctype in (ARTICLE, TEXT_DOC, STATEMENT, ACTOR):
                    counts = per_article.setdefault(fields["article"], {})
                    counts[doctype] = counts.get(doctype, 0) + 1
                    if doctype == TEXT_DOC:
                        analysis = fields["data"]["analysis"]
                        counts["expected_statements"] = len(analysis["statements"])
                        counts["expected_actors"] = len(analysis["actors"])
        for aid, counts in per_article.items():
            if counts.get(ARTICLE) != 1 or counts.get(TEXT_DOC) != 1:
                problems.append(f"article {aid}: {counts.get(ARTICLE, 0)} header(s), {counts.get(TEXT_DOC, 0)} text(s)")
            elif counts.get(STATEMENT, 0) != counts.get("expected_statements"):
                problems.append(f"article {aid}: {counts.get(STATEMENT, 0)} of {counts['expected_statements']} statements")
            elif counts.get(ACTOR, 0) != counts.get("expected_actors"):
                problems.append(f"article {aid}: {counts.get(ACTOR, 0)} of {counts['expected_actors']} actors")
        return problems

    def glossary_entries(self) -> dict[str, GlossaryEntry]:
        with self.searcher() as s:
            docs = list(s.documents(doctype=GLOSSARY))
        entries = [GlossaryEntry.from_json(d["data"]) for d in docs]
        return {e.id: e for e in sorted(entries, key=lambda e: e.term.lower())}

    # -- writing -------------------------------------------------------
    @contextmanager
    def exclusive(self, timeout: float | None = None) -> Iterator[None]:
        """Be the only writer of this index (threads and processes) for a
        whole read-decide-write step; what is read inside is current.

        Waits up to ``READER_WRITE_TIMEOUT`` seconds, then says the index is
        busy.  Re-entrant: ``writer()`` inside it does not wait again."""
        with exclusive_folder(self.path, timeout):
            self.refresh()  # decide on what is committed now
            yield

    @contextmanager
    def writer(self, timeout: float | None = None) -> Iterator[SegmentWriter]:
        """A writer that commits on success and cancels on any error."""
        wait = WRITE_TIMEOUT if timeout is None else timeout
        with self.exclusive(wait):
            try:
                writer = self.ix.writer(timeout=wait, delay=0.1, limitmb=256)
            except LockError:  # a writer of an older version, without our lock
                raise IndexBusy(_busy(self.path, "process")) from None
            try:
                yield writer
            except BaseException:
                writer.cancel()
                raise
            else:
                try:
                    writer.commit()
                except BaseException:
                    _cancel_quietly(writer)  # let go of whoosh's lock; the commit did not happen
                    raise
                self.refresh()

    @contextmanager
    def write_lock(self, timeout: float | None = None) -> Iterator[None]:
        """Hold the index's write lock without writing (while rebuilding)."""
        wait = WRITE_TIMEOUT if timeout is None else timeout
        with self.exclusive(wait):
            lock = self.ix.lock("WRITELOCK")  # the same lock whoosh writers take
            deadline = time.monotonic() + wait
            while not lock.acquire(False):
                if time.monotonic() > deadline:
                    raise IndexBusy(_busy(self.path, "process"))
                time.sleep(0.1)
            try:
                yield
            finally:
                lock.release()

    def next_seq(self) -> int:
        return int(self.state().get("next_seq", 1))

    def write_state(self, writer: SegmentWriter, **changes: Any) -> None:
        state = {"schema": SCHEMA_VERSION, **self.state(), **changes}
        writer.update_document(id=STATE, doctype=STATE, data=state)

    @staticmethod
    def delete_article(writer: SegmentWriter, aid: str) -> None:
        """Remove an article and everything derived from it."""
        writer.delete_by_term("article", aid)

    @staticmethod
    def add_article(writer: SegmentWriter, article: Article) -> None:
        """Add an article with its text, statements and actors (no commit)."""
        aid = article.id
        analysis = article.analysis
        digest = content_hash(article.text)
        counts: dict[str, int] = {}
        for link in analysis.glossary:
            counts[link.entry] = counts.get(link.entry, 0) + 1
        entries = sorted(counts)
        writer.add_document(
            id=f"a:{aid}",
            doctype=ARTICLE,
            article=aid,
            seq=article.seq,
            title=article.title,
            body=article.text,
            path=article.path,
            pathhash=f"{digest}:{article.path}",
            hash=digest,
            date=article.date or "",
            source=article.source or "",
            url=article.url or "",
            entry=" ".join(entries),
            data={
                "statements": len(analysis.statements),
                "actors": len(analysis.actors),
                "words": len(article.text.split()),
                "entries": counts,
                "author": article.author,
            },
        )
        writer.add_document(
            id=f"t:{aid}",
            doctype=TEXT_DOC,
            article=aid,
            data={
                "text": article.text,
                "title_span": article.title_span.to_json() if article.title_span else None,
                "analysis": analysis.to_json(),
            },
        )
        actors = {a.id: a for a in analysis.actors}
        counts: dict[str, int] = {}
        claims = claim_texts(article.text, analysis.statements)
        for position, statement in enumerate(analysis.statements):
            claim = claims[position]
            actor = actors.get(statement.actor or "")
            names = [statement.speaker]
            speakers: list[str] = []
            if actor is not None:
                speakers = [actor.id, *actor.members]
                for speaker in speakers:
                    counts[speaker] = counts.get(speaker, 0) + 1
                names += actor.aliases + [actor.affiliation or "", actor.description or ""]
                for member in actor.members:
                    if member in actors:
                        names += [actors[member].name, *actors[member].aliases]
            writer.add_document(
                id=f"s:{aid}:{position:05d}",
                doctype=STATEMENT,
                article=aid,
                seq=article.seq,
                order=article.seq * ORDER_STRIDE + position,
                said=statement.sentence.text(article.text),
                claim=indexed_claim(claim.words),
                actor=" ".join(n for n in names if n),
                actor_id=statement.actor or "",
                speakers=" ".join(speakers),
                kind=statement.kind,
                data={
                    "position": position,
                    "title": article.title,
                    "text": statement.sentence.text(article.text),
                    **statement.to_json(),
                    **_claim_fields(article.text, statement, claim),
                    "own": claim.own.to_json() if claim.own else None,
                    "copy": copy_key(statement.sentence.text(article.text), claim.words),
                },
            )
        for actor in analysis.actors:
            writer.add_document(
                id=f"p:{aid}:{actor.id}",
                doctype=ACTOR,
                article=aid,
                seq=article.seq,
                actor=" ".join([actor.name, *actor.aliases]),
                actor_id=actor.id,
                kind=actor.kind,
                entry=actor.entry or "",
                data={**actor.to_json(), "statements": counts.get(actor.id, 0)},
            )

    @staticmethod
    def write_glossary(writer: SegmentWriter, entries: Sequence[GlossaryEntry]) -> None:
        """Replace the glossary documents with ``entries``."""
        writer.delete_by_term("doctype", GLOSSARY)
        for entry in entries:
            writer.add_document(
                id=f"g:{entry.id}",
                doctype=GLOSSARY,
                title=" ".join([entry.term, *entry.aliases]),
                body=entry.summary,
                kind=entry.category,
                entry=entry.id,
                data=entry.to_json(),
            )

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            self._cache.clear()
        self.ix.close()


def _claim_fields(text: str, statement: Any, claim: Any) -> dict[str, Any]:
    """What a statement's stored data says of its claim, when it is not its
    content as written: "denied [that …]", or the content without another
    statement that stands inside it."""
    if claim.resolved:
        return {"claim_text": claim.text, "refers_to": claim.refers_to}
    span = statement.content or statement.sentence
    return {"claim_text": claim.text} if claim.text != " ".join(span.text(text).split()) else {}


@contextmanager
def exclusive_folder(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Be the only writer of the index folder ``path`` (see
    ``index.write_lock``); a write that fails for want of space or
    permission becomes one line naming the index."""
    wait = WRITE_TIMEOUT if timeout is None else timeout
    try:
        with write_lock_for(path).hold(wait):
            yield
    except LockTimeout as exc:
        raise IndexBusy(_busy(path, exc.holder)) from None
    except OSError as exc:
        if exc.errno in WRITE_ERRNOS:
            raise StoreError(cannot_write(path, exc)) from None
        raise


def _cancel_quietly(writer: SegmentWriter) -> None:
    try:
        writer.cancel()
    except Exception:  # noqa: BLE001 - already failing; the first error is the one to report
        pass


def _busy(path: Path, holder: str) -> str:
    if holder == "thread":
        return f"the index at {path} is busy: this program is still writing to it — try again shortly"
    return f"the index at {path} is busy: another `reader` is writing to it — try again when it has finished"


def header_of_document(doc: Mapping[str, Any]) -> ArticleHeader:
    """An article document's stored fields as the header lists show."""
    data = doc.get("data") or {}
    return ArticleHeader(
        id=doc["article"],
        seq=int(doc["seq"]),
        title=doc.get("title", ""),
        path=doc.get("path", ""),
        date=doc.get("date") or None,
        source=doc.get("source") or None,
        statements=int(data.get("statements", 0)),
        actors=int(data.get("actors", 0)),
        words=int(data.get("words", 0)),
        author=data.get("author") or None,
    )


__all__ = [
    "ArticleHeader",
    "IndexBusy",
    "IndexDamaged",
    "Store",
    "StoreError",
    "article_id",
    "content_hash",
    "default_index_dir",
    "header_of_document",
]
