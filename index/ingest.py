"""Adding files to the index: find them, read them, analyse, link, commit.

The order matters for speed and safety: files are read and hashed first, so
unchanged ones cost a hash and never load spaCy; new ones are analysed in
one stream (both cores for large batches) and written in batches of whole
articles, each batch one commit, so an interrupted run loses at most the
batch in flight and a re-run completes the rest.
"""

from __future__ import annotations

import os
import shutil
import time
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import nullcontext
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from pathlib import Path

from .linking import link
from .models import Analysis, Article, SourceText, Span
from .sources import SUPPORTED_SUFFIXES, SourceError, read_source
from .budgeted import BUDGET_ENV, Unanalysed, analyse_within_budget
from .store import Store, StoreError, article_id, content_hash, exclusive_folder
from .texts import TextStore

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"

Progress = Callable[[int, int, str], None]

# Files that describe a folder rather than hold an article; skipped when a
# folder is walked (named explicitly, they are added like any other file).
PROJECT_FILES = {"README", "SOURCE", "SOURCES", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING", "NOTICE", "COPYING"}

COMMIT_EVERY_ARTICLES = int(os.environ.get("READER_COMMIT_EVERY", "1000"))
COMMIT_EVERY_SECONDS = 30.0
COMMIT_FROM_ARTICLES = int(os.environ.get("READER_COMMIT_FROM", "250"))  # the smallest planned batch (BatchWriter)
PARALLEL_FROM = 40  # below this many new files, one process is faster


@dataclass(slots=True)
class AddReport:
    """What one `reader add` did; ``failed`` holds one line per problem."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: int = 0
    duplicates: int = 0
    failed: list[str] = field(default_factory=list)
    # problems that are not one file's (a glossary file's, say): shown, but
    # they do not make the run fail
    notices: list[str] = field(default_factory=list)
    # added, but without statements: the analysis ran past the time budget
    without_statements: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.without_statements

    def summary(self) -> str:
        parts = [f"{len(self.added)} added"]
        if self.replaced:
            parts.append(f"{len(self.replaced)} replaced")
        parts.append(f"{self.unchanged} unchanged")
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicate{'s' if self.duplicates != 1 else ''} skipped")
        if self.without_statements:
            parts.append(f"{len(self.without_statements)} without statements")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        return ", ".join(parts)


def collect_files(paths: Iterable[str | Path], *, follow_links: bool = False) -> tuple[list[Path], list[str]]:
    """Expand folders recursively; return files and one-line errors.

    A walk stays inside the folder the user named: a symbolic link leading
    out of it (to ``/``, to another user's files) is reported and not
    followed unless ``follow_links``.  Links inside it are followed, each
    real folder once, so a symlink loop ends instead of recursing forever.
    A path named explicitly is what the user asked for and is read even
    when it is a link.
    """
    files: list[Path] = []
    errors: list[str] = []
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw).expanduser()
        if not os.path.lexists(path):
            errors.append(f"{path}: no such file or folder — check the path")
            continue
        try:
            is_dir = path.is_dir()
            exists = path.exists()
        except OSError as exc:  # ELOOP on a symlink loop
            errors.append(f"{path}: cannot be read ({exc.strerror or exc})")
            continue
        if not exists:
            errors.append(f"{path}: a broken or looping symbolic link — fix or remove it")
            continue
        if not is_dir:
            _remember(path, files, seen)
            continue
        top = os.path.realpath(path)
        visited: set[str] = set()
        for root, dirs, names in os.walk(path, followlinks=True, onerror=lambda e: errors.append(_walk_error(e))):
            real = os.path.realpath(root)
            if real in visited:
                dirs[:] = []
                continue
            visited.add(real)
            kept = []
            for name in sorted(d for d in dirs if not d.startswith(".")):
                if follow_links or _inside(os.path.join(root, name), top):
                    kept.append(name)
                else:
                    errors.append(_outside(Path(root) / name, "folder", path))
            dirs[:] = kept
            for name in sorted(names):
                if name.startswith(".") or Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
                    continue
                if Path(name).stem.upper() in PROJECT_FILES:  # a folder's own notes, not news
                    continue
                if not follow_links and not _inside(os.path.join(root, name), top):
                    errors.append(_outside(Path(root) / name, "file", path))
                    continue
                _remember(Path(root) / name, files, seen)
    return files, errors


def _inside(path: str, top: str) -> bool:
    """Whether ``path``, links resolved, lies within the real folder ``top``."""
    real = os.path.realpath(path)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def _outside(path: Path, what: str, named: Path) -> str:
    return (
        f"{path}: a link to a {what} outside {named} — not followed; "
        f"add it by name or use --follow-links"
    )


def _remember(path: Path, files: list[Path], seen: set[str]) -> None:
    key = os.path.abspath(path)
    if key not in seen:
        seen.add(key)
        files.append(Path(key))


def _walk_error(exc: OSError) -> str:
    return f"{exc.filename}: cannot be read ({exc.strerror or exc}) — check its permissions"


def read_files(files: Sequence[Path], report: AddReport) -> list[SourceText]:
    sources = []
    for path in files:
        try:
            sources.append(read_source(path))
        except SourceError as exc:
            report.failed.append(str(exc))
    return sources


def add_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    progress: Progress | None = None,
    processes: int | None = None,
    follow_links: bool = False,
) -> AddReport:
    """Add files and folders to the index; never stops for one bad file."""
    report = AddReport()
    files, errors = collect_files(paths, follow_links=follow_links)
    report.failed.extend(errors)
    report.notices.extend(ensure_glossary(store))
    # A first look, to spare analysing what is indexed already; what is
    # written is decided again under the write lock, in _commit.
    by_path, hashes = store.known_sources()
    todo: list[SourceText] = []
    for source in read_files(files, report):
        if not _known(source, by_path, hashes, report):
            todo.append(source)
    fresh = Fresh()
    if todo:
        _analyse_and_write(store, todo, report, progress, processes, fresh)
    link_subjects(store, fresh, report)
    return report


@dataclass(slots=True)
class Fresh:
    """Articles of this run, and their subjects prepared for the links step
    while the next articles were being analysed."""

    articles: dict[str, Article] = field(default_factory=dict)
    prepared: dict[str, Any] = field(default_factory=dict)  # article id -> index.related.ArticleLinks
    entries: dict[str, Any] | None = None  # the glossary they were prepared with


def link_subjects(store: Store, fresh: Fresh, report: AddReport) -> None:
    """Build the subject links of the articles just added (and of any left
    without them by an interrupted run); a failure is reported, not fatal:
    the next run builds what is missing."""
    from .related import update_links

    try:
        update_links(store, fresh.articles, fresh.entries, fresh.prepared if fresh.entries is not None else None)
    except StoreError as exc:
        report.notices.append(f"the links between statements were not built: {exc}")


def _known(source: SourceText, by_path: dict[str, str], hashes: set[str], report: AddReport) -> bool:
    """Whether the index (or this run) has this text already, counted as
    unchanged (same path) or a duplicate; a new text's hash is remembered."""
    digest = content_hash(source.text)
    if digest in hashes:
        if by_path.get(source.path) == digest:
            report.unchanged += 1
        else:
            report.duplicates += 1
        return True
    hashes.add(digest)
    return False


def _analyse_and_write(
    store: Store,
    todo: list[SourceText],
    report: AddReport,
    progress: Progress | None,
    processes: int | None,
    fresh: Fresh | None = None,
) -> None:
    from .glossary import GlossaryMatcher
    from .related import prepare

    entries = store.glossary_entries()
    matcher = GlossaryMatcher(entries)
    if fresh is not None:
        fresh.entries = entries
    if processes is None:
        processes = min(2, os.cpu_count() or 1) if len(todo) >= PARALLEL_FROM else 1
    analyses = safe_analyses([(s.text, s.title_span) for s in todo], processes)
    with BatchWriter(store, report, fresh, expected=len(todo)) as batches:
        for done, (source, analysis) in enumerate(zip(todo, analyses, strict=True), 1):
            if isinstance(analysis, Unanalysed):
                if not analysis.over_budget:
                    report.failed.append(f"{source.path}: not added: the analysis failed ({analysis.reason}) — please report this file")
                    continue
                report.without_statements.append(over_budget_line(source.path, analysis))
                analysis = Analysis()
            link(analysis, source.text, matcher, entries)
            if fresh is not None:  # the links step's share of the work, done while workers analyse
                fresh.prepared[article_id(source.text)] = prepare(_article(source, 0, analysis), entries)
            batches.add(source, analysis)
            if progress:
                progress(done, len(todo), source.path)
    report.notices.extend(matcher.problems)


class BatchWriter:
    """Commits batches of analysed articles in one background thread.

    Indexing a batch is pure Python in this process and about as long as
    analysing it in the workers; done in turn, the workers would wait for
    each commit.  Here the next articles are analysed while the previous
    batch is written.  Batch sizes are planned from the number of articles
    still to come: half of them each time, between ``COMMIT_FROM_ARTICLES``
    and ``COMMIT_EVERY_ARTICLES`` (or what ``COMMIT_EVERY_SECONDS`` brought),
    so a run writes few segments (each one costs every later search a
    little) and its last batch, written while the cores idle, is small.
    While the writer is busy, a due batch keeps growing up to
    ``COMMIT_EVERY_ARTICLES``, then waits: one batch written and one
    waiting at most, which bounds memory.  Each commit is still decided under
    the write lock (``_commit``), so another writer waits only for one
    commit, never for the whole run.
    """

    def __init__(self, store: Store, report: AddReport, fresh: Fresh | None, expected: int | None = None) -> None:
        """``expected``: how many articles will be added, when known."""
        self._store = store
        self._expected = expected
        self._handed = 0  # articles given to the writer so far
        self._report = report
        self._fresh = fresh
        self._pending: list[tuple[SourceText, Analysis]] = []
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reader-commit")
        self._writing: Future[None] | None = None
        self._last_commit = time.monotonic()

    def __enter__(self) -> "BatchWriter":
        return self

    def add(self, source: SourceText, analysis: Analysis) -> None:
        self._pending.append((source, analysis))
        due = len(self._pending) >= self._batch_size() or time.monotonic() - self._last_commit > COMMIT_EVERY_SECONDS
        if not due:
            return
        if self._writing is not None and not self._writing.done():
            if len(self._pending) < COMMIT_EVERY_ARTICLES:
                return  # keep analysing; the writer is busy
            self._writing.result()  # a full batch waits for the writer
        self._submit()

    def _batch_size(self) -> int:
        smallest = min(COMMIT_FROM_ARTICLES, COMMIT_EVERY_ARTICLES)
        if self._expected is None:
            return smallest
        return max(smallest, min(COMMIT_EVERY_ARTICLES, (self._expected - self._handed) // 2))

    def _submit(self) -> None:
        if self._writing is not None:
            self._writing.result()  # raises what the last commit raised
        batch, self._pending = self._pending, []
        self._handed += len(batch)
        self._last_commit = time.monotonic()
        self._writing = self._pool.submit(_commit, self._store, batch, self._report, self._fresh)

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        try:
            if kind is None:
                if self._pending:
                    self._submit()
                if self._writing is not None:
                    self._writing.result()
        finally:
            # on an error or an interruption the batch being written is
            # finished (a commit is all or nothing); waiting ones are dropped
            self._pool.shutdown(wait=True, cancel_futures=True)


def safe_analyses(items: list[tuple[str, Span | None]], processes: int) -> Iterator[Analysis | Unanalysed]:
    """Analyses in order; an article whose analysis raises or runs past the
    time budget yields the reason instead, and the batch goes on."""
    return analyse_within_budget(items, processes)


def over_budget_line(path: str, problem: Unanalysed) -> str:
    return f"{path}: indexed without statements: {problem.reason} (the limit is set by {BUDGET_ENV})"


def _article(source: SourceText, seq: int, analysis: Analysis) -> Article:
    return Article(
        id=article_id(source.text),
        seq=seq,
        path=source.path,
        title=source.title,
        text=source.text,
        title_span=source.title_span,
        date=source.date,
        source=source.source,
        url=source.url,
        analysis=analysis,
        author=source.author,
    )


def _commit(store: Store, analysed: list[tuple[SourceText, Analysis]], report: AddReport, fresh: Fresh | None = None) -> None:
    """Decide and write one batch as the only writer: what is indexed, the
    next sequence number and the versions replaced are read under the
    write lock, so two writers never add an article twice or share a
    number."""
    with store.exclusive():
        by_path, hashes = store.known_sources()
        next_seq = store.next_seq()
        pending: list[tuple[Article, str | None]] = []
        for source, analysis in analysed:
            if _known(source, by_path, hashes, report):  # another writer added it meanwhile
                continue
            old = by_path.get(source.path)
            old_id = old[:16] if old else None
            header = store.header(old_id) if old_id else None
            if header is not None:
                seq = header.seq
            else:
                seq, next_seq = next_seq, next_seq + 1
            by_path[source.path] = content_hash(source.text)
            pending.append((_article(source, seq, analysis), old_id))
        if not pending:
            return
        # Texts first (each file atomic), then one index commit for the
        # batch: a crash in between leaves spare texts, never an indexed
        # article without its text.  Replaced versions' texts go after.
        for article, _ in pending:
            store.texts.save(article)
        with store.writer() as writer:
            for article, old_id in pending:
                if old_id:
                    store.delete_article(writer, old_id)
                store.add_article(writer, article)
            store.write_state(writer, next_seq=next_seq, analysis=_oldest_analysis(store, pending))
    for article, old_id in pending:
        if old_id and old_id != article.id:
            store.texts.remove(old_id)
        (report.replaced if old_id else report.added).append(article.path)
        if fresh is not None:
            fresh.articles[article.id] = article


def _oldest_analysis(store: Store, pending: list[tuple[Article, str | None]]) -> int:
    """The oldest analysis version in the index, so commands can say when
    `reader reindex` would upgrade articles analysed by an older version."""
    versions = [article.analysis.version for article, _ in pending]
    known = store.state().get("analysis")
    return min(versions + ([int(known)] if known is not None else []))


def analysis_outdated(store: Store) -> bool:
    from .analysis import ANALYSIS_VERSION

    known = store.state().get("analysis")
    return known is not None and int(known) < ANALYSIS_VERSION


def ensure_glossary(store: Store) -> list[str]:
    """Load the glossary; when it changed since the last run, store it and
    re-link the articles already indexed.  Returns one-line load errors."""
    from .glossary import glossary_fingerprint, load_glossary

    loaded = load_glossary()
    fingerprint = glossary_fingerprint(loaded.entries)
    if store.state().get("glossary") == fingerprint:
        return loaded.errors
    try:
        return loaded.errors + relink(store, loaded.entries, fingerprint)
    except StoreError as exc:
        # a read-only or busy index still answers questions, with the links
        # of the glossary it was last linked to
        return loaded.errors + [f"the glossary changed but the articles were not re-linked: {exc}"]


def relink(store: Store, entries: dict, fingerprint: str) -> list[str]:
    """Store ``entries`` and re-link every indexed article to them (unless
    another writer just did); returns the matcher's problems."""
    from .glossary import GlossaryMatcher
    from .related import update_links

    matcher = GlossaryMatcher(entries)
    with store.exclusive():
        if store.state().get("glossary") == fingerprint:
            return []
        articles = list(store.iter_articles())
        with store.writer() as writer:
            store.write_glossary(writer, list(entries.values()))
            for article in articles:
                link(article.analysis, article.text, matcher, entries)
                store.delete_article(writer, article.id)
                store.add_article(writer, article)
            # the articles' links documents went with them: build them again
            store.write_state(writer, glossary=fingerprint, links=None)
        update_links(store, {a.id: a for a in articles}, entries)
    return matcher.problems


def reindex(path: Path, *, progress: Progress | None = None, processes: int | None = None) -> tuple[int, list[str]]:
    """Rebuild the search index at ``path`` from the article texts it keeps.

    Works on a damaged index too: a fresh index is built beside the old one
    and swapped in only when complete, so an interrupted rebuild changes
    nothing.  Returns the number of articles and one line per text that
    could not be read.
    """
    with exclusive_folder(path):  # no other writer meanwhile, even on a damaged index
        return _reindex(path, progress, processes)


def _reindex(path: Path, progress: Progress | None, processes: int | None) -> tuple[int, list[str]]:
    from .glossary import GlossaryMatcher, glossary_fingerprint, load_glossary
    from .related import update_links
    from .store import IndexDamaged

    texts = TextStore(path / "texts")
    articles, errors = texts.load_all()
    try:
        old: Store | None = Store(path, create=False)
    except (IndexDamaged, StoreError):
        old = None
    guard = old.write_lock() if old is not None else nullcontext()
    with guard:  # and whoosh's own lock, against writers of older versions
        fresh_dir = path / "whoosh.new"
        shutil.rmtree(fresh_dir, ignore_errors=True)
        fresh = Store(path, whoosh_name="whoosh.new", rebuild=True)
        loaded = load_glossary()
        matcher = GlossaryMatcher(loaded.entries)
        if processes is None:
            processes = min(2, os.cpu_count() or 1) if len(articles) >= PARALLEL_FROM else 1
        analyses = safe_analyses([(a.text, a.title_span) for a in articles], processes)
        next_seq = max((a.seq for a in articles), default=0) + 1
        with fresh.writer() as writer:
            fresh.write_glossary(writer, list(loaded.entries.values()))
            for done, (article, analysis) in enumerate(zip(articles, analyses, strict=True), 1):
                if isinstance(analysis, Unanalysed):  # keep the article, without statements
                    if analysis.over_budget:
                        errors.append(over_budget_line(article.path, analysis))
                    else:
                        errors.append(f"{article.path}: kept without statements: the analysis failed ({analysis.reason})")
                    analysis = Analysis()
                link(analysis, article.text, matcher, loaded.entries)
                article.analysis = analysis
                fresh.add_article(writer, article)
                if progress:
                    progress(done, len(articles), article.path)
            fresh.write_state(
                writer,
                glossary=glossary_fingerprint(loaded.entries),
                next_seq=next_seq,
                analysis=min((a.analysis.version for a in articles), default=0) or None,
            )
        update_links(fresh, {a.id: a for a in articles}, loaded.entries)
        fresh.close()
        if old is not None:
            old.close()
        retired = path / "whoosh.old"
        shutil.rmtree(retired, ignore_errors=True)
        if (path / "whoosh").exists():
            os.replace(path / "whoosh", retired)
        os.replace(fresh_dir, path / "whoosh")
        shutil.rmtree(retired, ignore_errors=True)
    kept = {a.id for a in articles}
    for aid in list(texts.ids()):
        if aid not in kept:  # older versions of a replaced file
            texts.remove(aid)
    return len(articles), errors


def ensure_seeded(store: Store, progress: Progress | None = None) -> AddReport | None:
    """Index the bundled articles when the index holds none yet."""
    if not store.is_empty():
        return None
    seeds = sorted(p for p in SEEDS_DIR.iterdir() if p.suffix.lower() in SUPPORTED_SUFFIXES)
    return add_paths(store, seeds, progress=progress)
