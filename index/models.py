"""Plain data shared by every part of the project.

These classes are the contract between analysis, storage, queries and the
app: they hold character offsets into one exact article text, so whatever
produced them (spaCy at ingest, or JSON read back from the index) the screen
can highlight the same characters.  Nothing here imports spaCy or whoosh.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range ``[start, end)`` into an article's text."""

    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    def to_json(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_json(cls, data: dict[str, int] | None) -> Span | None:
        if data is None:
            return None
        return cls(int(data["start"]), int(data["end"]))


ACTOR_KINDS = ("person", "organization", "country", "group", "document")  # document: a poll, a report with no author named



class StatementKind(StrEnum):
    """What a statement does.  A ``StrEnum``: each kind equals its name as
    a string, which is also how it is written in JSON and the index."""

    CLAIM = "claim"  # asserts something as fact
    DENIAL = "denial"
    ACCUSATION = "accusation"  # blames or criticises
    WARNING = "warning"
    APPEAL = "appeal"  # asks someone to act
    CONCERN = "concern"
    ACKNOWLEDGEMENT = "acknowledgement"
    CONCESSION = "concession"
    REPORT = "report"  # passes on information (people, polls, documents)
    POSITION = "position"  # a stated belief, wish, hope or expectation
    PRAISE = "praise"  # speaks well of someone, endorses
    PROMISE = "promise"  # vows, pledges, promises
    QUESTION = "question"  # asks something
    REFUSAL = "refusal"  # declines to comment, refuses

    @classmethod
    def read(cls, value: Any) -> StatementKind:
        """The kind named ``value``; a kind this version does not know (JSON
        from a newer one) reads as a claim rather than failing."""
        try:
            return cls(value)
        except ValueError:
            return cls.CLAIM


STATEMENT_KINDS = tuple(kind.value for kind in StatementKind)


@dataclass(slots=True)
class Actor:
    """One real-world speaker; ``id`` is a slug of the canonical name so the
    same person gets the same id in every article (actors merge by name)."""

    id: str
    name: str
    kind: str  # one of ACTOR_KINDS
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    affiliation: str | None = None
    entry: str | None = None  # glossary entry id, when the glossary has one
    #: "corpus": one actor wherever the name appears; "article": a role, a
    #: generic group ("Both sides") or a surname alone, never merged with
    #: another article's (its id carries the article's, see index.linking)
    scope: str = "corpus"
    #: a group said together ("Turkey and Azerbaijan"): its members' ids;
    #: the group's statements are each member's too, said jointly
    members: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Actor:
        return cls(
            id=data["id"],
            name=data["name"],
            kind=data.get("kind", "person"),
            aliases=list(data.get("aliases") or []),
            description=data.get("description"),
            affiliation=data.get("affiliation"),
            entry=data.get("entry"),
            scope=data.get("scope") or "corpus",
            members=list(data.get("members") or []),
        )


@dataclass(slots=True)
class Statement:
    """Something the text attributes to a source: who, the cue, what."""

    actor: str | None  # Actor.id, or None when the source is unresolved
    speaker: str  # the actor's name, or the source as written
    source: Span | None  # the source mention as written ("he", "Amnesty")
    cue: Span | None  # "said", "has warned", "according to"
    content: Span | None  # what is claimed
    sentence: Span  # the whole sentence (or sentences, for a run-on quote)
    kind: StatementKind
    quote: bool  # a direct quotation

    def __post_init__(self) -> None:
        self.kind = StatementKind.read(self.kind)

    def to_json(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "speaker": self.speaker,
            "source": self.source.to_json() if self.source else None,
            "cue": self.cue.to_json() if self.cue else None,
            "content": self.content.to_json() if self.content else None,
            "sentence": self.sentence.to_json(),
            "kind": str(self.kind),
            "quote": self.quote,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Statement:
        sentence = Span.from_json(data["sentence"])
        assert sentence is not None
        return cls(
            actor=data.get("actor"),
            speaker=data["speaker"],
            source=Span.from_json(data.get("source")),
            cue=Span.from_json(data.get("cue")),
            content=Span.from_json(data.get("content")),
            sentence=sentence,
            kind=StatementKind.read(data.get("kind", "claim")),
            quote=bool(data.get("quote", False)),
        )


@dataclass(slots=True)
class GlossaryLink:
    """An occurrence of a glossary entry in an article's text."""

    entry: str  # GlossaryEntry.id
    term: str  # as written in the text
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> GlossaryLink:
        return cls(data["entry"], data["term"], int(data["start"]), int(data["end"]))


@dataclass(slots=True)
class KeyDate:
    date: str  # ISO-like: "1994-05", "1991-09-02", "1988"
    event: str


@dataclass(slots=True)
class GlossaryEntry:
    """Background a reader may need; curated data from ``seeds/glossary``."""

    id: str
    term: str
    category: str  # event, place, organization, person, weapon, law, concept
    summary: str
    aliases: list[str] = field(default_factory=list)
    patterns: list[str] = field(default_factory=list)  # regexes for phrasings
    dates: list[KeyDate] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    reference: str = ""
    origin: str = ""  # the file it was loaded from, for error messages
    # Written for one story: linked only where the text also names at least
    # ``scope_min`` of the ``scope`` terms (the topic's; see index.glossary).
    topic: str = ""
    scope: list[str] = field(default_factory=list)
    scope_min: int = 0
    general_of: str = ""  # this is the story-free variant of that entry, linked outside its topic

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> GlossaryEntry:
        return cls(
            id=data["id"],
            term=data["term"],
            category=data.get("category", "concept"),
            summary=data.get("summary", ""),
            aliases=list(data.get("aliases") or []),
            patterns=list(data.get("patterns") or []),
            dates=[KeyDate(**d) for d in data.get("dates") or []],
            related=list(data.get("related") or []),
            reference=data.get("reference", ""),
            origin=data.get("origin", ""),
            topic=data.get("topic", ""),
            scope=list(data.get("scope") or []),
            scope_min=int(data.get("scope_min", 0)),
            general_of=data.get("general_of", ""),
        )


@dataclass(slots=True)
class Analysis:
    """Everything derived from one article's text at ingest."""

    actors: list[Actor] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    glossary: list[GlossaryLink] = field(default_factory=list)
    version: int = 1  # bump when the analysis changes: reindex upgrades

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "actors": [a.to_json() for a in self.actors],
            "statements": [s.to_json() for s in self.statements],
            "glossary": [g.to_json() for g in self.glossary],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            actors=[Actor.from_json(a) for a in data.get("actors") or []],
            statements=[Statement.from_json(s) for s in data.get("statements") or []],
            glossary=[GlossaryLink.from_json(g) for g in data.get("glossary") or []],
            version=int(data.get("version", 1)),
        )


@dataclass(slots=True)
class SourceText:
    """An article as read from a file, before analysis."""

    path: str
    text: str  # exactly as decoded: every offset points into it
    title: str
    title_span: Span | None = None  # where the title stands in ``text``
    date: str | None = None
    source: str | None = None
    url: str | None = None
    encoding: str = "utf-8"
    author: str | None = None


@dataclass(slots=True)
class Article:
    """An indexed article: its text, metadata and analysis."""

    id: str  # content hash prefix; stable across runs
    seq: int  # reading order of the corpus (order added)
    path: str
    title: str
    text: str
    title_span: Span | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    analysis: Analysis = field(default_factory=Analysis)
    author: str | None = None
