"""The argument structure around a cue word, read off a dependency parse.

Both the lexicon derivation (``bench/attribution_lexicon.py``, which counts
how often each structure goes with an annotated attribution) and the
attribution component (which keeps a cue only in the structures the
lexicon accepts) describe a cue token with these functions, so what the
lexicon measured is what analysis checks.

No spaCy import: the functions read token attributes only.
"""

from __future__ import annotations

from typing import Any

#: Prepositions and particles recorded as part of a structure ("called *for*").
RELATION_PREPS = frozenset(
    "about against as at by for from in into of on over that to toward towards upon with without".split()
)
#: Dependents that hold content in a clause.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
OBJECT_DEPS = frozenset({"dobj", "oprd", "dative", "attr"})


def coarse_pos(tok: Any) -> str:
    """verb, noun, adj or other, from the fine-grained tag (no lemmatizer)."""
    tag = tok.tag_
    if tag.startswith("VB"):
        return "verb"
    if tag.startswith("NN"):
        return "noun"
    if tag.startswith("JJ"):
        return "adj"
    return "other"


def relation_label(tok: Any, c: Any) -> str | None:
    """The label of dependent ``c`` of cue ``tok`` (see :func:`content_relations`)."""
    d = c.dep_
    if d in CLAUSE_DEPS:
        return d
    if d in OBJECT_DEPS:
        if c.lower_ in ("which", "that", "what") and tok.dep_ in ("relcl", "ccomp"):
            return "relobj"
        return "dobj"
    if d == "prep" and c.lower_ in RELATION_PREPS:
        return "prep:" + c.lower_
    if d == "prt":
        return "prt:" + c.lower_
    if d == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
        return "advcl:to"
    if d in ("acl", "relcl") and c.i > tok.i and coarse_pos(tok) == "noun":
        return "acl"
    if d == "punct" and c.text == ":" and tok.i < c.i <= tok.i + 4:
        return "colon"
    return None


def content_relations(tok: Any) -> set[str]:
    """Labels of the dependents that can hold a cue's content.

    ``ccomp``, ``xcomp``, ``parataxis``, ``dobj`` (any object), ``prep:for``
    (a preposition and its word), ``prt:out``, ``advcl:to`` (a
    to-infinitive), ``colon`` (a colon right after the cue) and, for a cue in a
    relative clause whose object is the relative pronoun, ``relobj``.
    """
    rels: set[str] = set()
    for c in tok.children:
        label = relation_label(tok, c)
        if label is not None:
            rels.add(label)
    return rels


def source_relation(cue: Any, src: Any) -> str:
    """How the head of a source phrase hangs from its cue.

    ``nsubj`` / ``nsubjpass`` / ``poss`` / ``dobj`` … (a direct dependent),
    ``agent`` ("by X" of a passive), ``prep:to`` ("according to X") and other
    prepositions, ``relcl`` (the noun a relative-clause cue modifies),
    ``head`` (the noun a participle modifies: "a statement saying"),
    ``up:conj`` / ``up:advcl`` … (the subject of a clause the cue hangs from,
    by the cue's own relation), ``appos-of`` and ``other``.
    """
    if src.head.i == cue.i and src.i != cue.i:
        return src.dep_
    if src.head.head.i == cue.i and src.head.dep_ == "agent":
        return "agent"
    if src.head.head.i == cue.i and src.head.dep_ == "prep" and src.dep_ in ("pobj", "pcomp"):
        return "prep:" + src.head.lower_
    # "according to X": the pobj of the cue's own "to"
    if src.head.head.head.i == cue.i and src.head.dep_ == "prep" and src.head.head.dep_ == "prep":
        return "prep:" + src.head.head.lower_ + ":" + src.head.lower_
    if cue.head.i == src.i and cue.i != src.i:
        return "relcl" if cue.dep_ == "relcl" else "head"
    t = cue
    for _ in range(6):
        if t.head.i == t.i:
            break
        first = t.dep_
        t = t.head
        if src.head.i == t.i and src.dep_ in ("nsubj", "nsubjpass"):
            return "up:" + first
        if src.i == t.i:
            return "up-head:" + first
    return "other"


def cue_dep_label(tok: Any) -> str:
    """The grammatical position of a cue word: its dependency label, with
    the preposition of a gerund ("for *accusing*": ``pcomp:for``), the
    subordinator of an adverbial clause (``advcl:while``) and the tag of a
    participle modifying a noun (``acl:VBN``: "a group *called* …")."""
    d = tok.dep_
    if d == "pcomp":
        return "pcomp:" + tok.head.lower_
    if d == "advcl":
        marks = [c.lower_ for c in tok.children if c.dep_ == "mark"]
        return "advcl:" + (marks[0] if marks else tok.tag_)
    if d in ("acl", "relcl", "amod", "xcomp", "conj", "ccomp"):
        return d + ":" + tok.tag_
    return d


def position_key(label: str) -> str:
    """The part of a position label that is weighed per kind of statement:
    the preposition or subordinator for a gerund or an adverbial clause
    ("with *accusing* …" is common, "for *accusing* …" is not), else the
    dependency label alone."""
    family = label.split(":")[0]
    return label if family in ("pcomp", "advcl") else family
