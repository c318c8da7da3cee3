"""Messages the widgets post to say what the reader chose.

Widgets never reach into each other: a pane posts one of these, the reader
screen decides what it means and hands the new state back down.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class StatementChosen(Message):
    """A statement of the open article was chosen (position in the article)."""

    position: int
    origin: str = "text"  # text | claims | tour


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
