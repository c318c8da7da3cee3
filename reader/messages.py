"""Messages the widgets post to say what the reader chose, and the thread
workers post to say what they found.

Widgets never reach into each other: a pane posts one of these, the reader
screen decides what it means and hands the new state back down.  Workers
never call into the UI either: they post a message, which Textual delivers
on the UI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from textual.message import Message

from index.models import Article, GlossaryEntry, Span
from index.query import ActorSummary, StatementRef


@dataclass
class StatementChosen(Message):
    """A statement of the open article was chosen (position in the article);
    ``move`` when the choice takes the reader there (Enter in the claims, a
    tour step), so history records it."""

    position: int
    origin: str = "text"  # text | claims | tour
    move: bool = False


@dataclass
class ActorChosen(Message):
    """An actor was chosen in the actors pane or a card."""

    actor_id: str


@dataclass
class EntryChosen(Message):
    """A glossary entry was chosen: show its background card."""

    entry_id: str


@dataclass
class ArticleChosen(Message):
    """Open an article, optionally at a character offset or an entry's first mention."""

    article_id: str
    offset: int | None = None
    entry_id: str | None = None


@dataclass
class IndexProgress(Message):
    """Ingest progress from a worker thread: ``total`` 0 means not known yet."""

    done: int
    total: int
    label: str


@dataclass
class IndexingDone(Message):
    """An ingest run finished: ``article`` is the first given file's id, if any."""

    article: str | None
    summary: str
    problems: list[str]


@dataclass
class IndexingFailed(Message):
    """An ingest run stopped with an error (one line)."""

    reason: str


@dataclass
class TourClosed(Message):
    """The guided tour was closed."""


@dataclass
class TextScrolled(Message):
    """The text pane scrolled: ``top`` is the first character on screen."""

    top: int


@dataclass
class TextSelected(Message):
    """The reader selected text with the mouse or keys (None: cleared)."""

    span: Span | None


@dataclass
class ArticleLoaded(Message):
    """A worker loaded an article, with what the screen shows beside it."""

    article: Article
    actors: list[ActorSummary]
    entries: dict[str, GlossaryEntry]
    target: Any  # reader_screen.Target: where to land
    highlights: list[Any] = field(default_factory=list)  # userstate.Annotation
    moved: int = 0  # highlights re-anchored to a changed text
    orphaned: int = 0  # highlights whose quote is gone from this version
    links: Any = None  # its claims and link counts (an ``index.related.ArticleLinks``), loaded with it


@dataclass
class OpenRequested(Message):
    """Open an article and land as ``target`` says (a reader_screen.Target)."""

    article_id: str
    target: Any


@dataclass
class ArticleMissing(Message):
    """The article asked for is not in the index (any more)."""

    article_id: str


@dataclass
class StatementFound(Message):
    """The next/previous statement of an actor (``ref`` None: none left)."""

    actor: str
    ref: StatementRef | None
    refs: list[StatementRef]
    forward: bool


@dataclass
class StatementsCounted(Message):
    """Every statement of an actor across the corpus."""

    actor: str
    refs: list[StatementRef]


@dataclass
class StatusNote(Message):
    """A line for the status bar from a worker."""

    text: str


@dataclass
class Notice(Message):
    """A toast a worker asks for (``severity`` as for ``App.notify``)."""

    text: str
    severity: str = "information"
    timeout: float = 5


class SeedNeeded(Message):
    """The index is empty: index the bundled article."""


class GlossaryRelinked(Message):
    """The glossary changed and every article was linked to it again."""


class LinksBuilt(Message):
    """Links between statements were built for articles that lacked them."""


@dataclass
class LinksLoaded(Message):
    """The open article's claims and link counts (an ``index.related.ArticleLinks``)."""

    article_id: str
    links: Any


@dataclass
class RelatedLoaded(Message):
    """What others said on the subject of one statement (``index.related.RelatedItem`` list)."""

    article_id: str
    position: int
    items: list[Any]


@dataclass
class RelatedChosen(Message):
    """Go to a statement of another article (or of this one) from a "what
    others said" list."""

    article_id: str
    position: int
