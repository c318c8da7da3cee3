"""The cue lexicon: which words introduce a statement, in which structures.

The data lives in ``cue_lexicon.json`` beside this module, written by
``python -m bench.attribution_lexicon TRAIN_DIR TRAIN_JSONL`` from an
attribution-annotated news corpus (every entry keeps the train counts that
justified it), and ``cue_patterns.json`` holds the dependency patterns that
find a cue's source.  This module reads both once and answers look-ups by
lower-cased word form and coarse part of speech (the pipeline has no
lemmatizer).  No spaCy import.

An entry's structures use the labels of ``frames.py``:

``accepts``
    the word is a cue when one of these is present (``ccomp``, ``dobj``,
    ``quote``, ``prep:for`` …; ``none`` = on its own);
``content``
    dependents with these labels hold the content ("*told* reporters the
    delay …": ``ccomp`` is content, the object ``dobj`` is the hearer);
``sources``
    the relations in which the source stands to the cue (``nsubj``,
    ``agent``, ``poss``, ``prep:to`` for "according to X" …);
A structure ``prep:*`` (``prt:*``) stands for every preposition (particle).

``kinds``
    a different statement kind when a structure is present ("called *for*"
    is an appeal, "called" alone a claim).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..models import StatementKind
from . import cues
from .frames import position_key

LEXICON_FILE = Path(__file__).with_name("cue_lexicon.json")
PATTERNS_FILE = Path(__file__).with_name("cue_patterns.json")

#: Structure labels that are not content by themselves.
NOT_CONTENT = frozenset({"none", "quote", "colon"})


@dataclass(frozen=True, slots=True)
class CueEntry:
    lemma: str
    pos: str  # verb, noun, adj
    kind: StatementKind
    forms: frozenset[str]
    accepts: frozenset[str]
    content: frozenset[str]
    sources: frozenset[str]
    kinds: dict[str, StatementKind] = field(default_factory=dict)
    objects: frozenset[str] | None = None  # a dobj counts only with these heads
    things: bool = False  # documents and data can be its source ("the poll shows")
    precision: float = 1.0

    def accepts_any(self, labels: set[str]) -> set[str]:
        """The labels among ``labels`` in which the word is a cue."""
        return {label for label in labels if _covers(self.accepts, label)}

    def is_content(self, label: str) -> bool:
        return _covers(self.content, label)

    def kind_for(self, relations: set[str]) -> StatementKind:
        for rel, kind in self.kinds.items():
            if rel in relations:
                return kind
        return self.kind

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CueEntry:
        objects = data.get("objects")
        return cls(
            lemma=data["lemma"],
            pos=data["pos"],
            kind=StatementKind(data["kind"]),
            forms=frozenset(data["forms"]),
            accepts=frozenset(data["accepts"]),
            content=frozenset(data["content"]),
            sources=frozenset(data.get("sources") or ()),
            kinds={rel: StatementKind(k) for rel, k in (data.get("kinds") or {}).items()},
            objects=frozenset(objects) if objects is not None else None,
            things=bool(data.get("things", False)),
            precision=float((data.get("train") or {}).get("precision", 0.0)),
        )


def _covers(labels: frozenset[str], label: str) -> bool:
    """``label`` is in ``labels``, or a wildcard there covers it ("prep:*")."""
    if label in labels:
        return True
    head = label.split(":", 1)[0]
    return ":" in label and head + ":*" in labels


@dataclass(slots=True)
class Lexicon:
    entries: list[CueEntry]
    patterns: dict[str, Any]
    #: common nouns that head sources in the annotated corpus ("commentators")
    speaker_nouns: frozenset[str] = frozenset()
    #: grammatical positions (``frames.cue_dep_label``) in which cue words are
    #: seldom cues: "a group *called* …" (``acl:VBN``)
    blocked_positions: frozenset[str] = frozenset()
    #: "<kind> <dependency label>" pairs seldom cues: "position pcomp" ("for *supporting* …")
    blocked_kind_positions: frozenset[str] = frozenset()

    def blocked(self, entry: CueEntry, position: str) -> bool:
        """Is a cue word of ``entry`` in ``position`` (``frames.cue_dep_label``) seldom a cue?"""
        return position in self.blocked_positions or f"{entry.kind} {position_key(position)}" in self.blocked_kind_positions
    by_form: dict[tuple[str, str], CueEntry] = field(default_factory=dict)
    triggers: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        for e in self.entries:
            for form in e.forms:
                self.by_form.setdefault((form, e.pos), e)
        # the light-verb constructions' nouns ("expressed *concern*") too
        self.triggers = frozenset(form for e in self.entries for form in e.forms) | frozenset(cues.CUE_NOUNS)

    def lookup(self, form: str, pos: str) -> CueEntry | None:
        return self.by_form.get((form, pos))

    def forms(self, pos: str, relation: str | None = None) -> list[str]:
        """Every form of the entries of ``pos`` (with source ``relation``)."""
        return sorted(
            {f for e in self.entries if e.pos == pos and (relation is None or relation in e.sources) for f in e.forms}
        )


_WORD_RE = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The lexicon and the source patterns (read once)."""
    data = json.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    patterns = json.loads(PATTERNS_FILE.read_text(encoding="utf-8"))
    return Lexicon(
        [CueEntry.from_json(e) for e in data["entries"]],
        patterns,
        frozenset(data.get("speaker_nouns") or ()),
        frozenset(data.get("blocked_positions") or ()),
        frozenset(data.get("blocked_kind_positions") or ()),
    )


def has_trigger(sentence: str) -> bool:
    """Cheap pre-filter: does a sentence hold a form of a cue word at all?
    Only such sentences are parsed."""
    return not load().triggers.isdisjoint(_WORD_RE.findall(sentence.lower()))
