"""The types the stages of the analysis hand to each other.

A :class:`Sentence` is made by the splitter and parsed (or not) by the
pipeline; the attribution rules turn parsed sentences into
:class:`RawStatement`\\ s; the resolver turns those into ``Statement``\\ s and
``Actor``\\ s.  The types live here, apart from the stages, so that no stage
imports another one to name what it receives.  No spaCy import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..models import Span, StatementKind
from .quotes import Quote


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    para: int  # index of the paragraph (line) it belongs to
    headline: bool = False  # a line without final punctuation, or the title
    candidate: bool = False  # holds a cue word: parsed
    doc: Any = None  # spaCy Doc of exactly text[start:end]
    parsed: bool = False
    ner: bool = False

    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(slots=True)
class SentenceStatement:
    """A statement found by the attribution component in one sentence doc
    (``doc._.statements``); character offsets are relative to the doc."""

    kind: StatementKind
    via: str  # verb, light, adjective, adverbial ("according to"), nominal
    cue: tuple[int, int] | None
    content: tuple[int, int] | None
    quote: bool
    source: tuple[int, int] | None  # the source as written ("he", "who", "Amnesty")
    source_head: Any = None  # spaCy Token heading the phrase that names the speaker
    speaker: tuple[int, int] | None = None  # that phrase, when it is not the source ("X, who said")
    inherited_subject: bool = False
    cue_token: Any = None
    clause_start: int = 0  # token index where the cue's clause begins
    refers_back: bool = False  # a pronoun source: the sentence before may name it


@dataclass(slots=True)
class RawStatement:
    """A statement found in one sentence, before its source is resolved."""

    sentence: Sentence
    kind: StatementKind
    via: str  # verb, light, adjective, according, nominal, headline, colon, runon
    cue: tuple[int, int] | None
    content: tuple[int, int] | None
    quote: bool
    source: tuple[int, int] | None = None
    source_head: Any = None  # spaCy Token heading the source phrase
    source_text: str = ""
    inherit: RawStatement | None = None  # run-on quotation: same speaker
    inherited_subject: bool = False
    cue_token: Any = None
    clause_start: int = 0  # token index where the cue's clause begins
    needs_ner: bool = True  # the source holds a name the NER must type
    refers_back: bool = False  # a pronoun source: the sentence before may name it
    speaker: tuple[int, int] | None = None  # the phrase naming the speaker when the source does not ("X, who said")


@dataclass(slots=True)
class Article:
    """One article on its way through the stages."""

    text: str
    title_span: Span | None
    sentences: list[Sentence]
    quotes: list[Quote]
    raw: list[RawStatement] = field(default_factory=list)
