"""What a reader keeps: history, bookmarks, highlights and notes, settings.

One SQLite file in the user's data directory (``platformdirs``, or
``$READER_STATE_DIR``), apart from the whoosh index: the index is derived
data that `reader reindex` rebuilds, this is the reader's own work.  The
database runs in WAL mode (the app's threads and a `reader notes export` in
another terminal read while the app writes) and carries one schema version;
:data:`MIGRATIONS` take an older file forward step by step.

Bookmarks and highlights are keyed by the article's content hash and a
text-quote anchor (:mod:`index.anchors`), with offsets as a hint.  When a
file at the same path was changed and re-added, its old version leaves the
index; :meth:`UserState.reanchor` finds each quote in the new text and moves
the annotation there, or marks it orphaned — kept and listed, never dropped.

History is per index folder (two indexes never reopen each other's
articles): a list of places with a cursor, like a browser's.  The place
under the cursor is where the app reopens.  No Textual here: the command
line uses this module too.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from index.anchors import Quote, locate, quote_of

STATE_ENV = "READER_STATE_DIR"
APP_NAME = "guided-reader"
FILE_NAME = "userstate.sqlite3"
OLD_SESSION_FILE = "session.json"  # the JSON session of earlier versions, imported once
HISTORY_LIMIT = 500  # places kept per index; the oldest go first
BOOKMARK = "bookmark"
HIGHLIGHT = "highlight"

# Version n is reached by running MIGRATIONS[n - 1]; append, never edit.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE history (
        index_key TEXT NOT NULL,
        position INTEGER NOT NULL,
        article TEXT NOT NULL,
        path TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        offset INTEGER NOT NULL DEFAULT 0,
        actor TEXT,
        statement INTEGER,
        visited REAL NOT NULL,
        PRIMARY KEY (index_key, position)
    );
    CREATE TABLE history_cursor (index_key TEXT PRIMARY KEY, position INTEGER NOT NULL);
    CREATE TABLE annotations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('bookmark', 'highlight')),
        hash TEXT NOT NULL,
        path TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        orphaned INTEGER NOT NULL DEFAULT 0,
        created REAL NOT NULL,
        updated REAL NOT NULL
    );
    CREATE INDEX annotations_hash ON annotations (hash);
    CREATE INDEX annotations_path ON annotations (path);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


def _damaged(exc: sqlite3.DatabaseError) -> bool:
    """The file is not a usable database (garbage, truncated), as opposed to
    one that is locked, read-only or newer than this version."""
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


class UserStateError(Exception):
    """The user-state file cannot be used; ``str()`` is one line."""


def state_dir() -> Path:
    """``$READER_STATE_DIR``, else the user's data directory."""
    env = os.environ.get(STATE_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME)


def default_path() -> Path:
    return state_dir() / FILE_NAME


def old_session_file() -> Path:
    """Where earlier versions kept ``session.json`` (the user's state folder)."""
    env = os.environ.get(STATE_ENV)
    if env:
        return Path(env).expanduser() / OLD_SESSION_FILE
    from platformdirs import user_state_path

    return user_state_path(APP_NAME) / OLD_SESSION_FILE


def index_key(index: Path | str) -> str:
    """The key history is kept under for one index folder."""
    return os.path.abspath(os.fspath(index))


@dataclass(slots=True)
class Place:
    """A place in an article: the character on the top row of the text, the
    current actor and statement, as the reader left them."""

    article: str
    offset: int = 0
    actor: str | None = None
    statement: int | None = None
    path: str = ""
    title: str = ""
    visited: float = 0.0


@dataclass(slots=True)
class ArticleRef:
    """What annotations remember of their article (the article may leave the index)."""

    hash: str  # the full content hash; the article id is its first 16 characters
    path: str
    title: str

    @property
    def id(self) -> str:
        return self.hash[:16]


@dataclass(slots=True)
class Annotation:
    """A bookmark or a highlight (with its note) in one article."""

    id: int
    kind: str
    hash: str
    path: str
    title: str
    quote: Quote
    label: str
    note: str
    orphaned: bool
    created: float
    updated: float

    @property
    def article(self) -> str:
        return self.hash[:16]

    @property
    def start(self) -> int:
        return self.quote.start

    @property
    def end(self) -> int:
        return self.quote.end

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind,
            "article": self.article,
            "hash": self.hash,
            "path": self.path,
            "title": self.title,
            "text": self.quote.exact,
            "prefix": self.quote.prefix,
            "suffix": self.quote.suffix,
            "start": self.quote.start,
            "end": self.quote.end,
            "label": self.label,
            "note": self.note,
            "orphaned": self.orphaned,
            "created": self.created,
            "updated": self.updated,
        }


@dataclass(slots=True)
class Reanchored:
    """What :meth:`UserState.reanchor` did for one article."""

    moved: list[Annotation]
    orphaned: list[Annotation]


class UserState:
    """The reader's SQLite file; safe to share between the app's threads."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        default = path is None
        self._lock = threading.RLock()
        self.notice: str | None = None  # why a damaged file was set aside, for the app to say
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._open()
            except sqlite3.DatabaseError as exc:
                if not _damaged(exc):
                    raise
                # a damaged file must not stop the app at every start: keep it
                # aside for the curious, and begin a new one
                aside = self.path.with_name(f"{self.path.name}.damaged-{int(time.time())}")
                self._db.close()
                os.replace(self.path, aside)
                for suffix in ("-wal", "-shm"):  # its journal belongs to it, not to the new file
                    journal = self.path.with_name(self.path.name + suffix)
                    if journal.exists():
                        os.replace(journal, aside.with_name(aside.name + suffix))
                self._open()
                self.notice = f"The notes and history file {self.path} was damaged ({exc}); it was kept as {aside.name} and a new one begun."
        except (OSError, sqlite3.Error) as exc:
            raise UserStateError(
                f"cannot use the reader's notes and history at {self.path} ({exc}) — "
                f"check the folder's permissions, or set {STATE_ENV} to another folder"
            ) from None
        if default:
            self._import_old_session(old_session_file())

    # -- the file ------------------------------------------------------
    def _open(self) -> None:
        self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=10, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        # in WAL mode NORMAL never corrupts the file; a power cut may lose
        # the last place visited, and it spares an fsync on every move
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            else:
                self._db.execute("COMMIT")

    def _rows(self, sql: str, parameters: tuple = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(sql, parameters).fetchall()

    def schema_version(self) -> int:
        with self._lock:
            row = self._db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
            ).fetchone()
            if row is None:
                return 0
            found = self._db.execute("SELECT version FROM schema_version").fetchone()
            return int(found[0]) if found else 0

    def _migrate(self) -> None:
        with self._transaction() as db:
            db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = db.execute("SELECT version FROM schema_version").fetchone()
            version = int(row[0]) if row else 0
            if version > SCHEMA_VERSION:
                raise sqlite3.DatabaseError(f"made by a newer version of Guided Reader (schema {version})")
            for step in range(version, SCHEMA_VERSION):
                for statement in _statements(MIGRATIONS[step]):
                    db.execute(statement)
            if row is None:
                db.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
            else:
                db.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION,))

    def _import_old_session(self, old: Path) -> None:
        """Earlier versions kept the theme and the last place per index in a
        JSON file; bring them in once, then rename that file."""
        if not old.is_file():
            return
        try:
            data = json.loads(old.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict):
            if isinstance(data.get("theme"), str) and self.setting("theme") is None:
                self.set_setting("theme", data["theme"])
            positions = data.get("positions") if isinstance(data.get("positions"), dict) else {}
            for key, value in positions.items():
                if not isinstance(value, dict) or not isinstance(value.get("article"), str) or self.history(key)[0]:
                    continue
                try:
                    statement = value.get("statement")
                    place = Place(value["article"], max(0, int(value.get("offset") or 0)), value.get("actor"), None if statement is None else int(statement))
                except (TypeError, ValueError, OverflowError):  # "offset": 1e999
                    continue
                self.visit(key, place)
        try:
            os.replace(old, old.with_name(OLD_SESSION_FILE + ".imported"))
        except OSError:
            pass

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- settings ------------------------------------------------------
    def setting(self, key: str) -> str | None:
        rows = self._rows("SELECT value FROM settings WHERE key = ?", (key,))
        return rows[0]["value"] if rows else None

    def set_setting(self, key: str, value: str) -> None:
        with self._transaction() as db:
            db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    # -- history -------------------------------------------------------
    def history(self, index: str) -> tuple[list[Place], int]:
        """Every place of ``index`` in order, and the cursor's position in
        that list (-1 when there is none)."""
        rows = self._rows("SELECT * FROM history WHERE index_key = ? ORDER BY position", (index,))
        places = [_place(row) for row in rows]
        cursor = self._rows("SELECT position FROM history_cursor WHERE index_key = ?", (index,))
        if not places:
            return [], -1
        positions = [row["position"] for row in rows]
        at = cursor[0]["position"] if cursor else positions[-1]
        index_of = positions.index(at) if at in positions else len(places) - 1
        return places, index_of

    def current_place(self, index: str) -> Place | None:
        places, cursor = self.history(index)
        return places[cursor] if cursor >= 0 else None

    def visit(self, index: str, place: Place) -> None:
        """A new place: it goes after the cursor, replacing any forward
        history (as in a browser), and the cursor moves onto it."""
        place.visited = place.visited or time.time()
        with self._transaction() as db:
            at = _cursor(db, index)
            if at is not None:
                db.execute("DELETE FROM history WHERE index_key = ? AND position > ?", (index, at))
            position = (at if at is not None else 0) + 1
            _write_place(db, index, position, place)
            db.execute(
                "INSERT INTO history_cursor (index_key, position) VALUES (?, ?) "
                "ON CONFLICT(index_key) DO UPDATE SET position = excluded.position",
                (index, position),
            )
            db.execute("DELETE FROM history WHERE index_key = ? AND position <= ?", (index, position - HISTORY_LIMIT))

    def update_place(self, index: str, place: Place) -> None:
        """The reader moved within the place under the cursor (scrolled,
        chose another statement): remember where, without a new entry."""
        place.visited = place.visited or time.time()
        with self._transaction() as db:
            at = _cursor(db, index)
            if at is None:
                db.execute(
                    "INSERT INTO history_cursor (index_key, position) VALUES (?, 1) "
                    "ON CONFLICT(index_key) DO UPDATE SET position = 1",
                    (index,),
                )
                at = 1
            _write_place(db, index, at, place)

    def step(self, index: str, step: int) -> Place | None:
        """Move the cursor back (-1) or forward (1); the place there, or None
        at either end."""
        with self._transaction() as db:
            at = _cursor(db, index)
            if at is None:
                return None
            rows = db.execute(
                "SELECT * FROM history WHERE index_key = ? AND position " + ("< ? ORDER BY position DESC" if step < 0 else "> ? ORDER BY position")
                + " LIMIT 1",
                (index, at),
            ).fetchall()
            if not rows:
                return None
            db.execute("UPDATE history_cursor SET position = ? WHERE index_key = ?", (rows[0]["position"], index))
            return _place(rows[0])

    # -- bookmarks and highlights --------------------------------------
    def add(self, kind: str, article: ArticleRef, quote: Quote, *, label: str = "", note: str = "") -> Annotation:
        now = time.time()
        with self._transaction() as db:
            cursor = db.execute(
                'INSERT INTO annotations (kind, hash, path, title, exact, prefix, suffix, start, "end", label, note, created, updated) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (kind, article.hash, article.path, article.title, quote.exact, quote.prefix, quote.suffix, quote.start, quote.end, label, note, now, now),
            )
            new_id = cursor.lastrowid
        found = self.annotation(int(new_id or 0))
        assert found is not None
        return found

    def add_bookmark(self, article: ArticleRef, text: str, start: int, end: int, label: str = "") -> Annotation:
        return self.add(BOOKMARK, article, quote_of(text, start, end), label=label)

    def add_highlight(self, article: ArticleRef, text: str, start: int, end: int, note: str = "") -> Annotation:
        return self.add(HIGHLIGHT, article, quote_of(text, start, end), note=note)

    def annotation(self, annotation_id: int) -> Annotation | None:
        rows = self._rows("SELECT * FROM annotations WHERE id = ?", (annotation_id,))
        return _annotation(rows[0]) if rows else None

    def annotations(self, kind: str | None = None, *, article: str | None = None, words: str = "") -> list[Annotation]:
        """Annotations, newest first; of one kind, of one article (id or a
        unique prefix of its hash), and containing every word of ``words``
        in their text, note, label or article title."""
        sql = "SELECT * FROM annotations WHERE 1 = 1"
        parameters: list[object] = []
        if kind is not None:
            sql += " AND kind = ?"
            parameters.append(kind)
        if article:
            sql += " AND hash LIKE ?"
            parameters.append(article.replace("%", "").replace("_", "") + "%")
        found = [_annotation(row) for row in self._rows(sql + " ORDER BY created DESC, id DESC", tuple(parameters))]
        wanted = words.lower().split()
        if wanted:
            found = [a for a in found if all(w in " ".join((a.quote.exact, a.note, a.label, a.title)).lower() for w in wanted)]
        return found

    def set_note(self, annotation_id: int, note: str) -> None:
        with self._transaction() as db:
            db.execute("UPDATE annotations SET note = ?, updated = ? WHERE id = ?", (note, time.time(), annotation_id))

    def rename(self, annotation_id: int, label: str) -> None:
        with self._transaction() as db:
            db.execute("UPDATE annotations SET label = ?, updated = ? WHERE id = ?", (label, time.time(), annotation_id))

    def delete(self, annotation_id: int) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))

    def reanchor(self, article: ArticleRef, text: str, in_index: Callable[[str], bool]) -> Reanchored:
        """Bring annotations of older versions of the file at ``article.path``
        (versions no longer in the index) to this version of its text: each
        quote found moves here; a quote that is gone is marked orphaned and
        attached here too, so it is listed with the article.  Orphans of this
        version are tried again (the passage may have come back)."""
        rows = self._rows(
            "SELECT * FROM annotations WHERE (path = ? AND hash != ?) OR (hash = ? AND orphaned = 1)",
            (article.path, article.hash, article.hash),
        )
        moved: list[Annotation] = []
        orphaned: list[Annotation] = []
        changes: list[tuple] = []
        for row in rows:
            found = _annotation(row)
            if found.hash != article.hash and in_index(found.article):
                continue  # its own version is still indexed (the file moved, say)
            span = locate(text, found.quote)
            if span is None:
                if not found.orphaned or found.hash != article.hash:
                    changes.append(("orphan", found.id))
                found.orphaned = True
                found.hash = article.hash
                orphaned.append(found)
                continue
            quote = quote_of(text, span.start, span.end)
            changes.append(("move", found.id, quote))
            found.quote, found.hash, found.orphaned = quote, article.hash, False
            moved.append(found)
        if changes:
            now = time.time()
            with self._transaction() as db:
                for change in changes:
                    if change[0] == "orphan":
                        db.execute(
                            "UPDATE annotations SET orphaned = 1, hash = ?, path = ?, updated = ? WHERE id = ?",
                            (article.hash, article.path, now, change[1]),
                        )
                    else:
                        quote = change[2]
                        db.execute(
                            'UPDATE annotations SET orphaned = 0, hash = ?, path = ?, exact = ?, prefix = ?, suffix = ?, start = ?, "end" = ?, updated = ? WHERE id = ?',
                            (article.hash, article.path, quote.exact, quote.prefix, quote.suffix, quote.start, quote.end, now, change[1]),
                        )
        return Reanchored(moved, orphaned)


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _cursor(db: sqlite3.Connection, index: str) -> int | None:
    row = db.execute("SELECT position FROM history_cursor WHERE index_key = ?", (index,)).fetchone()
    if row is not None:
        return int(row[0])
    last = db.execute("SELECT MAX(position) FROM history WHERE index_key = ?", (index,)).fetchone()
    return int(last[0]) if last and last[0] is not None else None


def _write_place(db: sqlite3.Connection, index: str, position: int, place: Place) -> None:
    db.execute(
        "INSERT INTO history (index_key, position, article, path, title, offset, actor, statement, visited) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(index_key, position) DO UPDATE SET "
        "article = excluded.article, path = excluded.path, title = excluded.title, offset = excluded.offset, "
        "actor = excluded.actor, statement = excluded.statement, visited = excluded.visited",
        (index, position, place.article, place.path, place.title, max(0, int(place.offset)), place.actor, place.statement, place.visited),
    )


def _place(row: sqlite3.Row) -> Place:
    return Place(
        article=row["article"],
        offset=int(row["offset"]),
        actor=row["actor"],
        statement=None if row["statement"] is None else int(row["statement"]),
        path=row["path"],
        title=row["title"],
        visited=float(row["visited"]),
    )


def _annotation(row: sqlite3.Row) -> Annotation:
    return Annotation(
        id=int(row["id"]),
        kind=row["kind"],
        hash=row["hash"],
        path=row["path"],
        title=row["title"],
        quote=Quote(row["exact"], row["prefix"], row["suffix"], int(row["start"]), int(row["end"])),
        label=row["label"],
        note=row["note"],
        orphaned=bool(row["orphaned"]),
        created=float(row["created"]),
        updated=float(row["updated"]),
    )
