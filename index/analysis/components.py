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
from typing import Any

from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc

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


class AttributionComponent:
    """Cue sources by dependency patterns, then the sentence rules."""

    def __init__(self, vocab) -> None:
        self.lexicon = lexicon_data.load()
        self.matcher = DependencyMatcher(vocab)
        self.source_node: dict[str, int] = {}  # match key -> index of the source node
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
                    # one cue node per part of speech (the same predicate in
                    # every pattern is evaluated once per token); whether the
                    # word takes its source this way is checked on the match
                    cue = {"LOWER": {"IN": self.lexicon.forms(pos)}, "TAG": {"IN": tags}}
                    pattern = _instantiate(template["pattern"], cue, word)
                    name = f"{relation if not relation.endswith(':') else rel}|{pos}|{wanted if wanted != relation else rel}"
                    self.matcher.add(name, [pattern])
                    self.source_node[name] = next(i for i, n in enumerate(pattern) if n["RIGHT_ID"] == "source")
        self.order = {name: i for i, name in enumerate(self.source_node)}

    def sources(self, doc) -> dict[int, list[tuple[str, Any]]]:
        """cue token index -> [(relation, source token)], in template order."""
        strings = doc.vocab.strings
        found: dict[int, list[tuple[int, str, Any]]] = {}
        for match_id, token_ids in self.matcher(doc):
            name = strings[match_id]
            relation, pos, needed = name.split("|")
            cue = doc[token_ids[0]]
            entry = self.lexicon.lookup(cue.lower_, pos)
            if entry is None or needed not in entry.sources:
                continue
            src = doc[token_ids[self.source_node[name]]]
            found.setdefault(token_ids[0], []).append((self.order[name], relation, src))
        return {i: [(rel, src) for _, rel, src in sorted(c, key=lambda x: (x[0], x[2].i))] for i, c in found.items()}

    def __call__(self, doc):
        rules = SentenceRules(doc, doc._.quotes or [], self.lexicon, self.sources(doc))
        doc._.statements = rules.find()
        return doc

    def pipe(self, stream, batch_size: int = 128):
        for doc in stream:
            yield self(doc)


@Language.factory(NAME)
def make_attribution(nlp: Language, name: str) -> AttributionComponent:
    return AttributionComponent(nlp.vocab)
