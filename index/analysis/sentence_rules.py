"""Statements in one parsed sentence: the part the patterns cannot say.

The attribution component (``components.py``) finds cue words and, with
dependency patterns built from the lexicon, their sources; this module
decides the rest for each cue, in Python because it weighs the whole
sentence:

* which of several subjects is the speaker (a title split from a name), and
  whose subject a participle or a coordinated cue inherits ("…, adding",
  "went on to say") when no pattern gave one;
* whether the structure around the cue is one the lexicon accepts for that
  word, and which dependents make the content ("told *reporters* that …":
  the object is the hearer, not the content);
* quotations: a quotation next to the clause is the content, a cue inside
  someone else's quotation is not a new statement;
* spans trimmed of edge punctuation, a cue widened by its auxiliaries and
  particles ("has said", "pointed out", "called for"), the kind refined by
  the structure ("called *for*" is an appeal; "said it was *concerned*" a
  concern);
* one statement per cue, none reported inside another's content.

Offsets are relative to the sentence doc.  No spaCy import.
"""

from __future__ import annotations

import re
from typing import Any

from ..models import StatementKind
from . import cues
from .frames import coarse_pos, cue_dep_label, relation_label
from .lexicon import CueEntry, Lexicon
from .quotes import Quote, quoted_chars
from .syntax import np_tokens, tok_range
from .types import SentenceStatement

_OPENERS = {")": "(", "]": "[", "”": "“", "’": "‘", '"': '"'}
_CLOSERS = {"“": "”", "‘": "’", "'": "'", '"': '"', "(": ")", "[": "]"}
_PUNCT_EDGE = set(",.;:—–-“”\"‘’'()[]…")
_STRIP_TAIL_RE = re.compile(r"(?:[\s,;:—–-]|\b(?:but|and|while|as|whereas)\b)+$", re.I)
#: A cue in one of these relations is a modifier or an argument, not a predicate.
_NOT_PREDICATE = frozenset({"amod", "compound", "nmod", "poss", "npadvmod", "nsubj", "dobj", "pobj"})
#: Source relations given by the patterns, taken as they are.
_DIRECT = ("nsubj", "inverted", "relcl", "head")


def _opens_inside(doc, first: int, last: int) -> bool:
    """An opening mark whose closing mark is in the range: keep it."""
    closer = _CLOSERS.get(doc[first].text)
    return bool(closer) and any(doc[k].text == closer for k in range(first + 1, last + 1))


def trimmed_chars(doc, first: int, last: int, strip_mark: bool = True) -> tuple[int, int] | None:
    """Token range → char range, without edge punctuation or a leading 'that'."""
    while first <= last:
        tok = doc[first]
        if not (
            (tok.text in _PUNCT_EDGE and not _opens_inside(doc, first, last))
            or tok.is_space
            or (strip_mark and tok.dep_ == "mark" and tok.lower_ in ("that", "whether", "if"))
            or tok.dep_ == "cc"
        ):
            break
        first += 1
    while last >= first:
        text = doc[last].text
        if not (text in _PUNCT_EDGE or doc[last].is_space):
            break
        opener = _OPENERS.get(text)
        if opener and any(doc[k].text in opener for k in range(first, last)):
            break  # keep a bracket or quotation that opens inside
        last -= 1
    if last < first:
        return None
    # a quotation opened inside the range closes just after it: keep the mark
    span_text = doc[first : last + 1].text
    if span_text.count("“") > span_text.count("”"):
        for k in (last + 1, last + 2):
            if k < len(doc) and doc[k].text == "”":
                last = k
                break
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def strip_chars(text: str, a: int, b: int) -> tuple[int, int] | None:
    """Characters ``[a, b)`` without surrounding space, opening marks and trailing commas."""
    while a < b and (text[a].isspace() or text[a] in "“\"‘'"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:—–-"):
        b -= 1
    return (a, b) if b > a else None


def own_subject(t):
    """The subject of ``t`` itself: the name when a title was split off as
    a second subject; for a relative clause, the relative pronoun."""
    subjects = [c for c in t.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    plain = [c for c in subjects if c.lower_ not in cues.RELATIVE_PRONOUNS]
    if len(plain) > 1:
        # "Liberal Democrat spokeswoman for women Sandra Gidley said"
        proper = [c for c in plain if c.tag_ in ("NNP", "NNPS")]
        return proper[-1] if proper else plain[0]
    if plain:
        return plain[0]
    return subjects[0]  # "who", "which", "that"


def clause_subject(t):
    """The subject of the clause ``t`` heads, passive subjects included:
    "Mr. Trump *was forced* into damage control and said …"."""
    own = own_subject(t)
    if own is not None:
        return own
    passive = [c for c in t.children if c.dep_ == "nsubjpass"]
    return passive[0] if passive else None


def _antecedent(subj):
    """The noun a relative pronoun subject stands for ("X, *who* said")."""
    if subj.lower_ in cues.RELATIVE_PRONOUNS and subj.dep_ in ("nsubj", "nsubjpass") and subj.head.dep_ == "relcl":
        noun = subj.head.head
        if noun.i < subj.i:
            return noun
    return None


def _passive(v) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children)


def _negated(t) -> bool:
    return any(c.dep_ == "neg" for c in t.children)


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


#: A word that is a cue this often in the annotated corpus takes any noun
#: as its speaker ("The NFL legend said …"); the others need a listed one.
SURE_CUE_PRECISION = 0.93


def can_speak(subj, entry: CueEntry | None, lexicon: Lexicon | None = None) -> bool:
    """A common-noun source must be a person, group, body or document."""
    if subj.tag_ not in ("NN", "NNS") or subj.text[:1].isupper():
        return True
    if entry is not None and entry.precision >= SURE_CUE_PRECISION and not entry.things:
        return True
    low = subj.lower_
    names = (cues.SPEAKER_NOUNS, lexicon.speaker_nouns if lexicon is not None else frozenset())
    if any(low in n or _singular(low) in n for n in names) or low in cues.GROUP_PHRASES:
        return True
    if low in cues.QUANTITY_SPEAKERS:
        return True  # "52 percent say", "a majority said"
    if subj.tag_ == "NNS" and any(
        c.dep_ in ("compound", "amod") and (c.tag_ in ("NNP", "NNPS") or c.text[:1].isupper())
        for c in subj.children
    ):
        return True  # "Nato forces said", "Chinese military commentators have said"
    if low in cues.DATA_NOUNS or _singular(low) in cues.DATA_NOUNS:
        return entry is None or entry.things
    return False


class SentenceRules:
    """The statements of one parsed sentence, given the sources the
    patterns found (cue token index -> [(relation, source token)], in the
    patterns' order)."""

    def __init__(self, doc, quotes: list[Quote], lexicon: Lexicon, sources: dict[int, list[tuple[str, Any]]]):
        self.doc = doc
        self.text = doc.text
        self.quotes = quotes
        self.lexicon = lexicon
        self.sources = sources

    # -- helpers ----------------------------------------------------------
    def entry(self, tok) -> CueEntry | None:
        return self.lexicon.lookup(tok.lower_, coarse_pos(tok))

    def is_cue_verb(self, t) -> bool:
        return t.tag_.startswith("VB") and self.lexicon.lookup(t.lower_, "verb") is not None

    def in_quote(self, tok) -> bool:
        return any(q.inner_start <= tok.idx < q.inner_end for q in self.quotes)

    def chars(self, first: int, last: int, strip_mark: bool = True):
        return trimmed_chars(self.doc, first, last, strip_mark)

    def source_range(self, head):
        toks = np_tokens(head)
        first = min(t.i for t in toks)
        # a title split off as a second subject right before the name
        for c in head.head.children:
            if c is not head and c.dep_ == "nsubj" and c.i < first and c.lower_ not in cues.RELATIVE_PRONOUNS:
                sub = list(c.subtree)
                if max(t.i for t in sub) == first - 1:
                    toks = sub + toks
                    first = min(t.i for t in sub)
        rng = tok_range(toks)
        return self.chars(*rng, strip_mark=False) if rng else None

    def cue_range(self, v, extra=()):
        first = v.i
        for c in v.children:
            if c.dep_ in ("aux", "auxpass") and c.i < v.i and v.i - c.i <= 3:
                first = min(first, c.i)
        last = max([v.i, *[t.i for t in extra]])
        first = min([first, *[t.i for t in extra]])
        return self.chars(first, last, strip_mark=False)

    def adjacent_quotes(self, core_first: int, core_last: int) -> list[Quote]:
        """Quotations separated from the clause only by punctuation."""
        c0 = self.doc[core_first].idx
        c1 = self.doc[core_last].idx + len(self.doc[core_last].text)
        found = []
        for q in self.quotes:
            if q.end <= c0:
                gap = self.text[q.end : c0]
            elif q.start >= c1:
                gap = self.text[c1 : q.start]
            else:
                continue
            if len(gap) <= 4 and all(ch in " ,:;—–-\u00a0" for ch in gap):
                found.append(q)
        return found

    def with_quotes(self, content, core_first, core_last):
        """Prefer the quotation as content when the content is one."""
        adj = self.adjacent_quotes(core_first, core_last)
        if content is not None:
            length = max(1, content[1] - content[0])
            frac = quoted_chars(self.quotes, *content) / length
            if frac >= 0.6:
                overlapping = [q for q in self.quotes if q.overlap(*content)] + adj
                a = max(0, min(q.inner_start for q in overlapping))
                b = min(len(self.text), max(q.inner_end for q in overlapping))
                return strip_chars(self.text, a, b), True
            return content, frac >= 0.5
        if adj:
            a = max(0, min(q.inner_start for q in adj))
            b = min(len(self.text), max(q.inner_end for q in adj))
            return strip_chars(self.text, a, b), True
        return None, False

    # -- sources ----------------------------------------------------------
    def matched(self, tok, relation: str):
        for rel, src in self.sources.get(tok.i, ()):
            if rel == relation or (relation.endswith(":") and rel.startswith(relation)):
                return src
        return None

    def subject(self, v):
        """(subject token, inherited?) of a cue verb: a pattern's match, or
        the subject of the clause it hangs from."""
        for rel in _DIRECT:
            src = self.matched(v, rel)
            if src is not None:
                if rel == "head" and v.tag_ != "VBG":
                    continue  # "a group called …": the noun is no speaker ("a statement saying" is)
                if rel == "nsubj":
                    src = own_subject(v)
                return src, rel in ("relcl", "head")
        # "“…,” Bozell notes.": the parser hung the name on the verb as a compound
        names = [c for c in v.children if c.dep_ in ("compound", "nmod") and c.tag_ in ("NNP", "NNPS") and c.i < v.i]
        if names and v.tag_ in ("VBZ", "VBD"):
            return names[-1], False
        return self.inherited(v)

    def inherited(self, v):
        """The subject a cue without its own takes from the clause above."""
        head = v.head
        # "was quoted as saying"
        if v.dep_ == "pcomp" and head.lower_ == "as" and head.head.lower_ == "quoted":
            sp = [c for c in head.head.children if c.dep_ == "nsubjpass"]
            return (sp[0], True) if sp else (None, False)
        # "went on to say", "was quick to deny"
        if v.dep_ == "xcomp" and v.tag_ == "VB":
            if head.lower_ in cues.CARRIER_FORMS or head.tag_.startswith("JJ"):
                s = clause_subject(head)
                if s is None:
                    s, _ = self.inherited(head)
                return s, True
            return None, False
        participle = v.tag_ == "VBG" and v.dep_ in ("advcl", "acl", "xcomp", "pcomp", "conj")
        if v.dep_ == "conj" and not participle:
            # coordinated with a clause inside another cue's content: the
            # parser hung "… and said" on the reported clause; the speaker
            # is the cue's
            t = head
            for _ in range(4):
                if self.is_cue_verb(t) and clause_subject(t) is not None:
                    return clause_subject(t), True
                if t.dep_ not in ("ccomp", "conj") or t.head is t:
                    break
                t = t.head
            s = clause_subject(head)
            if s is not None:
                return s, True
        elif not participle:
            return None, False
        # climb: the nearest cue verb's subject wins, else the nearest subject
        nearest = None
        t = head
        for _ in range(5):
            s = clause_subject(t)
            if s is not None:
                if self.is_cue_verb(t):
                    return s, True
                if nearest is None:
                    nearest = s
            if t.head is t:
                break
            t = t.head
        return nearest, True

    def make(self, kind, via, cue, content, quote, subj, inherited, cue_token, clause_start) -> SentenceStatement:
        """A statement, with the relative pronoun's noun as the speaker."""
        speaker_head, speaker = subj, None
        noun = _antecedent(subj)
        if noun is not None:
            speaker_head = noun
            speaker = self.source_range(noun)
        return SentenceStatement(
            kind=kind,
            via=via,
            cue=cue,
            content=content,
            quote=quote,
            source=self.source_range(subj) if speaker is None else self.chars(subj.i, subj.i, strip_mark=False),
            source_head=speaker_head,
            speaker=speaker,
            inherited_subject=inherited,
            cue_token=cue_token,
            clause_start=clause_start,
        )

    # -- constructions ----------------------------------------------------
    def verb(self, v, entry: CueEntry) -> SentenceStatement | None:
        if v.dep_ in _NOT_PREDICATE:
            return None
        negated = _negated(v)
        if negated and entry.kind in (StatementKind.DENIAL, StatementKind.ACKNOWLEDGEMENT, StatementKind.CONCESSION):
            return None  # "did not deny" is neither a denial nor anything else said
        if self.lexicon.blocked(entry, cue_dep_label(v)) and not (v.dep_ == "xcomp" and v.head.lower_ in cues.CARRIER_FORMS):
            return None  # a position where such words are seldom cues ("went on to say" is one)
        prep_source = self.matched(v, "prep:")
        if prep_source is not None and own_subject(v) is None:
            return self.adverbial(v, entry, prep_source)
        if _passive(v):
            subj, inherited = self.matched(v, "agent"), False
        else:
            subj, inherited = self.subject(v)
        if subj is None or subj.i == v.i:
            return None
        if subj.lower_ in cues.PRONOUNS and cues.PRONOUNS[subj.lower_] == "skip":
            return None
        if self.in_quote(v) and (self.in_quote(subj) or inherited):
            return None  # reported inside someone's quotation
        if not can_speak(_antecedent(subj) or subj, entry, self.lexicon):
            return None
        if entry.kind == StatementKind.POSITION and v.dep_ in ("relcl", "acl"):
            return None  # "Turkey, which supports Azerbaijan", "voters who want …": a description
        if v.lower_ in cues.LIGHT_FORMS and any(c.dep_ in ("dobj", "attr") and c.lower_ in cues.CUE_NOUNS for c in v.children):
            return None  # "expressed concern": a light verb and its noun (see light())

        parts, present, extra_cue, core = [], set(), [], [v.i]
        rel_noun = None
        for c in v.children:
            if c is subj or c.dep_ in ("nsubj", "agent"):
                core.extend(t.i for t in c.subtree)
                continue
            d = c.dep_
            # "The delay was announced by X": the passive subject is what was said
            label = "dobj" if d == "nsubjpass" else relation_label(v, c)
            if label in ("ccomp", "parataxis") and c.i < v.i and any(
                t.text == ";" for t in self.doc[max(t.i for t in c.subtree) : v.i]
            ):
                continue  # "A accused B; C denied it": a clause of its own
            if label is None:
                if d in ("aux", "auxpass", "advmod", "npadvmod", "prep", "neg"):
                    core.extend(t.i for t in c.subtree)
                continue
            if label == "dobj" and entry.objects is not None and c.lower_ not in entry.objects:
                core.append(c.i)  # "rejected the proposal": not a claim rejected
                continue
            present.add(label)
            if label == "relobj":
                noun = v.head
                if entry.objects is None or noun.lower_ in entry.objects:
                    rel_noun = noun
                continue
            if label.startswith("prt:"):
                extra_cue.append(c)
                continue
            if not entry.is_content(label):
                if label != "colon":
                    core.extend(t.i for t in c.subtree)
                continue
            if label == "dobj" and (entry.objects is not None or c.lower_ in cues.CLAIM_NOUNS):
                if c.i - v.i <= 3 and c.lower_ in cues.CLAIM_NOUNS:
                    extra_cue.append(c)  # "rejected claims that …": the claim is part of the cue
                clause = [g for g in c.children if g.dep_ in ("acl", "ccomp", "relcl", "appos")]
                parts.append(clause[0] if clause else c)
            elif label.startswith("prep:") and c.i == v.i + 1 and entry.kind_for({label}) == StatementKind.APPEAL:
                extra_cue.append(c)  # "called for": the object is the content
                parts.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
            elif label == "advcl:to":
                parts.append(c)
                marks = [g for g in c.children if g.dep_ == "mark" and g.lower_ in ("for", "on")]
                if marks and marks[0].i == v.i + 1:
                    # "called for Nagorno-Karabakh to be unified": "for" parsed as a mark
                    extra_cue.append(marks[0])
                    present.add("prep:" + marks[0].lower_)
            else:
                parts.append(c)

        content = None
        if parts and any(p.i < v.i for p in parts) and any(p.i > v.i for p in parts):
            # content on both sides of the cue: keep the clause
            clausal = [p for p in parts if p.dep_ in ("ccomp", "parataxis", "xcomp")]
            parts = clausal or [p for p in parts if p.i > v.i]
        if parts:
            first, last = tok_range(t for p in parts for t in p.subtree)
            if first < v.i < last:
                first = v.i + 1  # "… which it claims was shot down": what follows the cue
            content = self.chars(first, last)
        if content is None and rel_noun is not None:
            content = self.relative_content(v, rel_noun)
        # the clause around the cue, without what the parser hung on it from
        # inside a quotation ("“With an eye to …,” he said")
        quoted = {t.i for t in v.subtree if self.in_quote(t)} if self.quotes else set()
        core = [i for i in core if i == v.i or i not in quoted]
        content, is_quote = self.with_quotes(content, min(core), max(core))
        if is_quote:
            present.add("quote")
        if not present:
            present.add("none")
        accepted = entry.accepts_any(present)
        refusal = negated and entry.lemma in cues.NEGATED_KINDS
        if refusal:
            accepted = accepted | {"none"}  # "did not respond to a request for comment": the refusal is what is said
        if not accepted:
            return None
        if content is None and "none" not in accepted and not (
            "colon" in accepted and self.text.rstrip().endswith(":")
        ):
            return None  # ("He said:" ends a paragraph: the quotation follows in the next one)

        kind = entry.kind_for(present)
        if kind in cues.REFINABLE_KINDS:
            kind = _refine(parts, self.lexicon) or kind
        if negated:
            # "would not say whether …", "did not respond to …": a refusal;
            # "has not endorsed" states a position
            kind = cues.NEGATED_KINDS.get(entry.lemma) or (StatementKind.POSITION if kind == StatementKind.PRAISE else kind)
        return self.make(
            kind, "verb", self.cue_range(v, extra_cue), content, is_quote, subj, inherited, v,
            min(t.i for t in v.subtree),
        )

    def relative_content(self, v, rel_noun):
        """"a claim which X denied" / ", which Turkey denied": the content is
        the noun, or the clause before the comma."""
        clause = rel_noun
        if rel_noun.lower_ not in cues.CLAIM_NOUNS:
            while clause.head is not clause and clause.dep_ not in ("ccomp", "ROOT") and clause.head.i < v.i:
                clause = clause.head
        toks = [t for t in (np_tokens(clause) if clause is rel_noun else clause.subtree) if t.i < v.i]
        rel = min((t.i for t in v.subtree), default=v.i)
        toks = [t for t in toks if t.i < rel]
        if not toks:
            return None
        return self.chars(min(t.i for t in toks), max(t.i for t in toks))

    def adverbial(self, tok, entry: CueEntry, src) -> SentenceStatement | None:
        """"according to X": the content is what the phrase qualifies, the
        rest of the sentence."""
        if self.in_quote(tok):
            return None
        doc = self.doc
        src_tokens = np_tokens(src)
        p_first = tok.i
        p_last = max(t.i for t in src_tokens)
        n = len(doc)
        before = self.chars(0, p_first - 1) if p_first > 0 else None
        after = self.chars(p_last + 1, n - 1) if p_last + 1 < n else None
        if before and not after:
            content = before
        elif after and not before:
            content = after
        elif before and after:
            content = self.chars(0, n - 1)
        else:
            return None
        content, is_quote = self.with_quotes(content, p_first, p_last)
        if content is None:
            return None
        cue_end = src.head.i if src.head.i > tok.i else tok.i
        return SentenceStatement(
            kind=entry.kind,
            via="adverbial",
            cue=self.chars(tok.i, cue_end, strip_mark=False),
            content=content,
            quote=is_quote,
            source=self.source_range(src),
            source_head=src,
            cue_token=tok,
            clause_start=tok.i,
        )

    def noun(self, n, entry: CueEntry) -> SentenceStatement | None:
        """"X's claim that …", "allegations by X", "his comments about …"."""
        if self.in_quote(n):
            return None
        src = self.matched(n, "poss") or self.matched(n, "prep:")
        if src is None or not can_speak(src, entry, self.lexicon):
            return None
        if src.tag_ == "PRP$" and src.lower_ in ("my", "our", "your"):
            return None
        parts, present = [], set()
        for c in n.children:
            label = relation_label(n, c)
            if label is None or c is src or c.head is src:
                continue
            if c.dep_ == "prep" and any(g is src for g in c.children):
                continue
            present.add(label)
            if entry.is_content(label):
                parts.append(c)
        content = None
        if parts:
            content = self.chars(*tok_range(t for p in parts for t in p.subtree))
        core = [n.i] + [t.i for t in src.subtree]
        content, is_quote = self.with_quotes(content, min(core), max(core))
        if is_quote:
            present.add("quote")
        if not entry.accepts_any(present) or content is None:
            return None
        return SentenceStatement(
            kind=entry.kind,
            via="nominal",
            cue=self.chars(n.i, n.i, strip_mark=False),
            content=content,
            quote=is_quote,
            source=self.source_range(src) if src.tag_ != "PRP$" else self.chars(src.i, src.i, strip_mark=False),
            source_head=src,
            cue_token=n,
            clause_start=n.i,
        )

    def light(self, n) -> SentenceStatement | None:
        """A light verb and a cue noun: "expressed concern", "issued a warning"."""
        lv = n.head
        kind = cues.CUE_NOUNS[n.lower_]
        if kind == StatementKind.CONCESSION or self.in_quote(n) or lv.lower_ in cues.CAUSAL_PARTICIPLES:
            return None
        if _negated(lv) or _passive(lv):
            return None
        subj, inherited = (own_subject(lv), False) if own_subject(lv) is not None else self.inherited(lv)
        if subj is None or not can_speak(_antecedent(subj) or subj, None, self.lexicon):
            return None
        parts = [c for c in n.children if c.dep_ in ("prep", "acl", "ccomp", "relcl") and (
            c.dep_ != "prep" or c.lower_ in ("about", "over", "for", "on", "against", "at", "that", "of", "to")
        )]
        parts += [c for c in lv.children if c.dep_ == "prep" and c.lower_ in ("about", "over", "for", "against", "on") and c.i > n.i]
        content = None
        if parts:
            content = self.chars(*tok_range(t for p in parts for t in p.subtree))
        core = [lv.i, n.i] + [t.i for t in subj.subtree if subj.head is lv]
        content, is_quote = self.with_quotes(content, min(core), max(core))
        return self.make(
            kind, "light", self.cue_range(lv, [n]), content, is_quote, subj, inherited, lv,
            min(t.i for t in lv.subtree) if lv.dep_ != "ROOT" else lv.i,
        )

    def adjective(self, a, entry: CueEntry) -> SentenceStatement | None:
        """"X is concerned that …", "officials were confident that …"."""
        if a.dep_ != "acomp":
            return None
        h = a.head
        if self.in_quote(a) or _negated(h):
            return None
        subj, inherited = (own_subject(h), False) if own_subject(h) is not None else self.inherited(h)
        if subj is None or not can_speak(subj, entry, self.lexicon):
            return None
        parts, present = [], set()
        for c in list(a.children) + [c for c in h.children if c.dep_ == "ccomp"]:
            label = relation_label(a, c)
            if label is None:
                continue
            present.add(label)
            if entry.is_content(label):
                parts.append(c)
        if not parts:
            return None
        content = self.chars(*tok_range(t for p in parts for t in p.subtree))
        content, is_quote = self.with_quotes(content, min(h.i, a.i), max(h.i, a.i))
        if is_quote:
            present.add("quote")
        if content is None or not entry.accepts_any(present):
            return None
        return self.make(entry.kind, "adjective", self.cue_range(h, [a]), content, is_quote, subj, inherited, a, h.i)

    def find(self, candidates: list[int] | None = None) -> list[SentenceStatement]:
        """The statements of the sentence; ``candidates`` are the indices of
        the tokens that are trigger words (all tokens are looked at without)."""
        found: list[SentenceStatement] = []
        triggers = self.lexicon.triggers
        doc = self.doc
        for tok in (doc[i] for i in candidates) if candidates is not None else doc:
            if tok.lower_ not in triggers:
                continue
            entry = self.entry(tok)
            st = None
            if entry is None:
                pass
            elif entry.pos == "verb":
                st = self.verb(tok, entry)
            elif entry.pos == "noun":
                st = self.noun(tok, entry)
            else:
                st = self.adjective(tok, entry)
            if st is None and tok.lower_ in cues.CUE_NOUNS and tok.dep_ in ("dobj", "attr") and (
                tok.head.lower_ in cues.LIGHT_FORMS
            ):
                st = self.light(tok)
            if st is not None:
                head = st.source_head
                st.refers_back = head is not None and head.lower_ in ("he", "she", "it", "they")
                found.append(st)
        return prune(found, self.text)


def _refine(parts, lexicon: Lexicon) -> StatementKind | None:
    """A said-clause whose subject is the source itself doing a cue act."""
    for p in parts:
        if p.dep_ != "ccomp":
            continue
        inner_subj = own_subject(p)
        if inner_subj is None or not _refers_to_self(inner_subj):
            continue
        if p.lower_ in cues.LIGHT_FORMS:
            for c in p.children:
                if c.dep_ == "dobj" and c.lower_ in cues.CUE_NOUNS:
                    return cues.CUE_NOUNS[c.lower_]
        for c in p.children:
            if c.dep_ == "acomp" and c.lower_ in cues.CUE_ADJECTIVES:
                return cues.CUE_ADJECTIVES[c.lower_]
    return None


def _refers_to_self(t) -> bool:
    if t.tag_ == "PRP":
        return True
    return any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in t.children)


def prune(found: list[SentenceStatement], text: str) -> list[SentenceStatement]:
    """Drop statements reported inside another one's content; cut contents
    at a coordinated statement of the same source; one statement per cue."""
    keep: list[SentenceStatement] = []
    for r in found:
        c0 = r.cue[0] if r.cue else None
        nested = False
        # speech reported inside other speech ("X said Y had warned …",
        # "X says … and that he can understand …") is part of that content;
        # an adverbial ("while Y called for …", "with Y claiming …") or
        # relative ("which Y denied") clause is a statement of its own
        embedded = r.cue_token is not None and r.cue_token.dep_ not in ("advcl", "relcl")
        if embedded and c0 is not None:
            for o in found:
                # "X said little, according to Y": the phrase qualifies the
                # whole clause, speaker and all
                if o is not r and o.content and o.content[0] <= c0 < o.content[1] and (
                    not r.inherited_subject or o.via == "adverbial"
                ):
                    nested = True
                    break
        if not nested:
            keep.append(r)
    for r in keep:
        if r.cue is None or r.cue_token is None:
            continue
        if not (r.inherited_subject or r.cue_token.dep_ in ("conj", "advcl")):
            continue
        for o in keep:
            if o is r or not o.content:
                continue
            cut = r.cue_token.doc[r.clause_start].idx
            if o.content[0] < cut < o.content[1]:
                a, b = o.content[0], cut
                tail = _STRIP_TAIL_RE.search(text, a, b)
                if tail:
                    b = tail.start()
                if b > a:
                    o.content = (a, b)
    seen: set[tuple[int, int]] = set()
    out = []
    for r in keep:
        key = r.cue or (0, 0)
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out
