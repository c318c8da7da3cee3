"""The spaCy component that finds statements in a parsed sentence.

``attribution`` (registered with ``@Language.factory``) runs after the
parser.  It builds a ``DependencyMatcher`` from the data files: each source
template of ``cue_patterns.json`` instantiated with the word forms of the
lexicon entries (``cue_lexicon.json``) that take their source that way --
the subject of "said", the agent of "was denied by", the possessor of
"X's claim", the object of "according to" ….  The matches, and the rules
for what the patterns cannot say (``sentence_rules.py``), give the
statements, written to ``doc._.statements`` (``SentenceStatement`` records,
character offsets into the doc); ``doc._.statement_spans`` reads them as
spaCy ``Span``\\ s (cue, source, content).

The pipeline puts the article's quotations that touch the sentence on
``doc._.quotes`` (offsets relative to the doc) before parsing.

This module imports spaCy: only ``pipeline.load_pipeline`` imports it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, LOWER, TAG
from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc

from . import cues
from . import lexicon as lexicon_data
from .sentence_rules import SentenceRules

NAME = "attribution"


def _statement_spans(doc) -> list[tuple[Any, Any, Any]]:
    out = []
    for st in doc._.statements or ():
        spans = []
        for part in (st.cue, st.source, st.content):
            spans.append(doc.char_span(*part, alignment_mode="expand") if part else None)
        out.append(tuple(spans))
    return out


for _name, _kwargs in (
    ("quotes", {"default": None}),
    ("statements", {"default": None}),
    ("statement_spans", {"getter": _statement_spans}),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, **_kwargs)


def _instantiate(pattern: list[dict], cue_attrs: dict, word: str | None) -> list[dict]:
    out = []
    for node in copy.deepcopy(pattern):
        if node.get("RIGHT_ATTRS") == "CUE":
            attrs = dict(cue_attrs)
            if "CUE_DEP" in node:
                attrs["DEP"] = node.pop("CUE_DEP")
            node["RIGHT_ATTRS"] = attrs
        for key, value in list(node.get("RIGHT_ATTRS", {}).items()):
            if value == "$WORD":
                node["RIGHT_ATTRS"][key] = word
        out.append(node)
    return out


@dataclass(slots=True)
class _Pattern:
    relation: str  # the source relation it finds ("nsubj", "prep:to", "inverted" …)
    pos: str  # of the cue
    needed: str  # the relation an entry's "sources" must hold for the match to count
    matcher: Any  # a DependencyMatcher with this one pattern
    source_node: int  # index of the source node in the pattern
    deps: list[frozenset[str]]  # per node with a DEP condition: the labels it accepts


def _deps_of(node: dict) -> frozenset[str]:
    dep = node.get("RIGHT_ATTRS", {}).get("DEP")
    if isinstance(dep, str):
        return frozenset({dep})
    if isinstance(dep, dict) and "IN" in dep:
        return frozenset(dep["IN"])
    return frozenset()


class AttributionComponent:
    """Cue sources by dependency patterns, then the sentence rules."""

    def __init__(self, vocab) -> None:
        self.lexicon = lexicon_data.load()
        self.trigger_hashes = frozenset(vocab.strings.add(w) for w in self.lexicon.triggers)
        #: one matcher per pattern, each with what a sentence must hold for
        #: it to match at all (checked first: most patterns cannot match most
        #: sentences, and the matcher costs time per token and pattern)
        self.patterns: list[_Pattern] = []
        patterns = self.lexicon.patterns
        relations = {r for e in self.lexicon.entries for r in e.sources}
        for template in patterns["sources"]:
            relation = template["relation"]
            wanted = template.get("for", relation)
            if wanted.endswith(":"):
                rels = sorted(r for r in relations if r.startswith(wanted))
            else:
                rels = [wanted] if wanted in relations else []
            for rel in rels:
                word = rel.split(":", 1)[1] if ":" in rel else None
                for pos, tags in patterns["pos_tags"].items():
                    if pos not in template.get("pos", [pos]) or not self.lexicon.forms(pos, rel):
                        continue
                    cue = {"LOWER": {"IN": self.lexicon.forms(pos)}, "TAG": {"IN": tags}}
                    pattern = _instantiate(template["pattern"], cue, word)
                    matcher = DependencyMatcher(vocab)
                    matcher.add(rel, [pattern])
                    self.patterns.append(
                        _Pattern(
                            relation=relation if not relation.endswith(":") else rel,
                            pos=pos,
                            needed=wanted if wanted != relation else rel,
                            matcher=matcher,
                            source_node=next(i for i, n in enumerate(pattern) if n["RIGHT_ID"] == "source"),
                            deps=[_deps_of(node) for node in pattern if _deps_of(node)],
                        )
                    )

    def sources(self, doc, cue_pos: set[str], deps: set[str]) -> dict[int, list[tuple[str, Any]]]:
        """cue token index -> [(relation, source token)], in template order."""
        found: dict[int, list[tuple[int, str, Any]]] = {}
        for order, p in enumerate(self.patterns):
            if p.pos not in cue_pos or any(deps.isdisjoint(allowed) for allowed in p.deps):
                continue
            for _, token_ids in p.matcher(doc):
                cue = doc[token_ids[0]]
                entry = self.lexicon.lookup(cue.lower_, p.pos)
                if entry is None or p.needed not in entry.sources:
                    continue
                src = doc[token_ids[p.source_node]]
                found.setdefault(token_ids[0], []).append((order, p.relation, src))
        return {i: [(rel, src) for _, rel, src in sorted(c, key=lambda x: (x[0], x[2].i))] for i, c in found.items()}

    def __call__(self, doc):
        lexicon = self.lexicon
        strings = doc.vocab.strings
        # one pass over the token attributes, no Token objects: which tokens
        # are trigger words, and which dependency labels the sentence has
        rows = doc.to_array([LOWER, TAG, DEP]).tolist()
        candidates = [i for i, row in enumerate(rows) if row[0] in self.trigger_hashes]
        cue_pos: set[str] = set()
        light = False
        for i in candidates:
            low, tag = strings[rows[i][0]], strings[rows[i][1]]
            pos = "verb" if tag.startswith("VB") else "noun" if tag.startswith("NN") else "adj" if tag.startswith("JJ") else ""
            if pos and lexicon.lookup(low, pos):
                cue_pos.add(pos)
            light = light or low in cues.CUE_NOUNS
        if not cue_pos and not light:
            doc._.statements = []  # the trigger word is not a cue here ("the state", "a plan")
            return doc
        deps = {strings[h] for h in {row[2] for row in rows}}
        rules = SentenceRules(doc, doc._.quotes or [], lexicon, self.sources(doc, cue_pos, deps))
        doc._.statements = rules.find(candidates)
        return doc

    def pipe(self, stream, batch_size: int = 128):
        for doc in stream:
            yield self(doc)


@Language.factory(NAME)
def make_attribution(nlp: Language, name: str) -> AttributionComponent:
    return AttributionComponent(nlp.vocab)
