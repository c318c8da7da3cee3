"""Finding statements: who says what, with which cue.

Works on the dependency parse of one sentence at a time (a spaCy Doc that
holds exactly that sentence) plus the quotation spans found by
``quotes.py``.  The constructions are general:

* a cue verb (``cues.VERBS``) with an ``nsubj`` source and content in its
  ``ccomp`` / ``xcomp`` / object / cue preposition, or in a quotation right
  next to the clause (“…,” X said / X said: “…”);
* the subject is inherited along coordination (“Iran borders … and has
  warned …”) and by participles (“…, issuing a new appeal”, “a statement
  saying …”), through relative pronouns (“X, who said …”) and from the
  agent of a passive (“was denied by X”);
* a light verb with a cue noun (“expressed concern”, “issued a warning”),
  an adjective (“is concerned that”) and “according to X”;
* headline attribution (“…: Russia”);
* a quotation that runs on into sentences without a cue of their own keeps
  the speaker of the statement it continues.

Cues inside a quotation, or inside the content of another statement, are
not new statements (“Amnesty said … which it said …” is one statement).
No spaCy import: the functions only read token attributes (the
cue-phrase ``Matcher`` lives in ``ruler.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from . import cues, places, ruler
from .pipeline import Article, Sentence
from .quotes import Quote, quoted_chars, quotes_between


@dataclass(slots=True)
class RawStatement:
    sentence: Sentence
    kind: str
    via: str  # verb, light, adjective, according, headline, runon
    cue: tuple[int, int] | None
    content: tuple[int, int] | None
    quote: bool
    source: tuple[int, int] | None = None
    source_head: Any = None  # spaCy Token heading the source phrase
    source_text: str = ""
    inherit: "RawStatement | None" = None  # run-on quotation: same speaker
    inherited_subject: bool = False
    cue_token: Any = None
    clause_start: int = 0  # token index where the cue's clause begins
    needs_ner: bool = True  # the source holds a name the NER must type
    refers_back: bool = False  # a pronoun source: the sentence before may name it


_OPENERS = {")": "(", "]": "[", "”": "“", "’": "‘", '"': '"'}
_PUNCT_EDGE = set(",.;:—–-“”\"‘’'()[]…")
_STRIP_TAIL_RE = re.compile(r"(?:[\s,;:—–-]|\b(?:but|and|while|as|whereas)\b)+$", re.I)


def _tok_range(tokens) -> tuple[int, int] | None:
    tokens = list(tokens)
    if not tokens:
        return None
    first = min(t.i for t in tokens)
    last = max(t.i for t in tokens)
    return first, last


_CLOSERS = {"“": "”", "‘": "’", "'": "'", '"': '"', "(": ")", "[": "]"}


def _opens_inside(doc, first: int, last: int) -> bool:
    """An opening mark whose closing mark is in the range: keep it."""
    closer = _CLOSERS.get(doc[first].text)
    return bool(closer) and any(doc[k].text == closer for k in range(first + 1, last + 1))


def _trimmed_chars(doc, first: int, last: int, base: int, strip_mark: bool = True) -> tuple[int, int] | None:
    """Token range → char range, without edge punctuation or a leading 'that'."""
    while first <= last and ((doc[first].text in _PUNCT_EDGE and not _opens_inside(doc, first, last)) or doc[first].is_space or (
        strip_mark and doc[first].dep_ == "mark" and doc[first].lower_ in ("that", "whether", "if")
    ) or doc[first].dep_ == "cc"):
        first += 1
    while last >= first and (doc[last].text in _PUNCT_EDGE or doc[last].is_space):
        closer = doc[last].text
        opener = _OPENERS.get(closer)
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
    start = base + doc[first].idx
    end = base + doc[last].idx + len(doc[last].text)
    return start, end


def _own_subject(t):
    subjects = [c for c in t.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    plain = [c for c in subjects if c.lower_ not in cues.RELATIVE_PRONOUNS]
    if len(plain) > 1:
        # "Liberal Democrat spokeswoman for women Sandra Gidley said": the
        # parser splits a title from the name; the name is the subject
        proper = [c for c in plain if c.tag_ in ("NNP", "NNPS")]
        return proper[-1] if proper else plain[0]
    if plain:
        return plain[0]
    if t.dep_ == "relcl":
        return t.head  # "X, who said …": the noun the clause modifies
    return None


def _is_cue_verb(t) -> bool:
    return t.lower_ in cues.VERB_FORMS and t.tag_.startswith("VB")


def _subject(v):
    """(subject token, inherited?) of a cue verb."""
    own = _own_subject(v)
    if own is not None:
        return own, False
    # "…, points out Ms Franke": the inverted speaker parsed as the object
    if any(c.dep_ in ("ccomp", "parataxis") and c.i < v.i for c in v.children):
        late = [c for c in v.children if c.dep_ in ("dobj", "npadvmod", "attr") and c.i > v.i and c.tag_ in ("NNP", "NNPS")]
        if late:
            return late[0], False
    head = v.head
    # "was quoted as saying"
    if v.dep_ == "pcomp" and head.lower_ == "as" and head.head.lower_ == "quoted":
        sp = [c for c in head.head.children if c.dep_ == "nsubjpass"]
        return (sp[0], True) if sp else (None, False)
    # "went on to say", "was quick to deny"
    if v.dep_ == "xcomp" and v.tag_ == "VB":
        if head.lower_ in cues.CARRIER_FORMS or head.tag_.startswith("JJ"):
            s, _ = _subject(head)
            return s, True
        return None, False
    participle = v.tag_ == "VBG" and v.dep_ in ("advcl", "acl", "xcomp", "pcomp", "conj")
    if v.dep_ == "conj" and not participle:
        # coordinated with a clause inside another cue's content: the parser
        # hung "… and said" on the reported clause; the speaker is the cue's
        t = head
        for _ in range(4):
            if _is_cue_verb(t) and _own_subject(t) is not None:
                return _own_subject(t), True
            if t.dep_ not in ("ccomp", "conj") or t.head is t:
                break
            t = t.head
        s = _own_subject(head)
        if s is not None:
            return s, True
    elif not participle:
        return None, False
    # climb: the nearest cue verb's subject wins, else the nearest subject
    nearest = None
    t = head
    for _ in range(5):
        s = _own_subject(t)
        if s is not None:
            if _is_cue_verb(t):
                return s, True
            if nearest is None:
                nearest = s
        if t.head is t:
            break
        t = t.head
    return nearest, True


def _passive_agent(v):
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
        return None, False
    for c in v.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g, True
    return None, True


def _np_tokens(head):
    """The noun phrase under ``head`` without relative clauses after it."""
    skip: set[int] = set()
    for c in head.children:
        if c.dep_ in ("relcl", "acl") and c.i > head.i:
            skip.update(t.i for t in c.subtree)
    return [t for t in head.subtree if t.i not in skip]


class _SentenceFinder:
    def __init__(self, sent: Sentence, text: str, quotes: list[Quote]):
        self.sent = sent
        self.doc = sent.doc
        self.base = sent.start
        self.text = text
        self.quotes = quotes

    # -- helpers ----------------------------------------------------------
    def in_quote(self, tok) -> bool:
        pos = self.base + tok.idx
        return any(q.inner_start <= pos < q.inner_end for q in self.quotes)

    def chars(self, first: int, last: int, strip_mark: bool = True):
        return _trimmed_chars(self.doc, first, last, self.base, strip_mark)

    def source_range(self, head):
        toks = _np_tokens(head)
        first = min(t.i for t in toks)
        # a title split off as a second subject right before the name
        for c in head.head.children:
            if c is not head and c.dep_ == "nsubj" and c.i < first and c.lower_ not in cues.RELATIVE_PRONOUNS:
                sub = list(c.subtree)
                if max(t.i for t in sub) == first - 1:
                    toks = sub + toks
                    first = min(t.i for t in sub)
        rng = _tok_range(toks)
        return self.chars(*rng, strip_mark=False) if rng else None

    def cue_range(self, v, extra=()):
        first = v.i
        for c in v.children:
            if c.dep_ in ("aux", "auxpass") and c.i < v.i and v.i - c.i <= 3:
                first = min(first, c.i)
        last = max([v.i, *[t.i for t in extra]])
        return self.chars(first, last, strip_mark=False)

    def adjacent_quotes(self, core_first: int, core_last: int) -> list[Quote]:
        """Quotations separated from the clause only by punctuation."""
        c0 = self.base + self.doc[core_first].idx
        c1 = self.base + self.doc[core_last].idx + len(self.doc[core_last].text)
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

    def with_quotes(self, content, core_first, core_last, parts_found: bool):
        """Prefer the quotation as content when the content is one."""
        s0, s1 = self.sent.start, self.sent.end
        adj = self.adjacent_quotes(core_first, core_last)
        if content is not None:
            length = max(1, content[1] - content[0])
            frac = quoted_chars(self.quotes, *content) / length
            if frac >= 0.6:
                overlapping = [q for q in self.quotes if q.overlap(*content)] + adj
                a = max(s0, min(q.inner_start for q in overlapping))
                b = min(s1, max(q.inner_end for q in overlapping))
                return _strip_chars(self.text, a, b), True
            return content, frac >= 0.5
        if adj:
            a = max(s0, min(q.inner_start for q in adj))
            b = min(s1, max(q.inner_end for q in adj))
            return _strip_chars(self.text, a, b), True
        return None, False

    # -- constructions ----------------------------------------------------
    def verb(self, v) -> RawStatement | None:
        lemma = cues.VERB_FORMS[v.lower_]
        frame = cues.VERBS[lemma]
        if v.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod", "nsubj", "dobj", "pobj"):
            return None
        if not v.tag_.startswith("VB") and not any(c.dep_ == "nsubj" for c in v.children):
            return None
        if any(c.dep_ == "neg" for c in v.children):
            return None
        agent, passive = _passive_agent(v)
        if passive:
            if agent is None:
                return None
            subj, inherited = agent, False
        else:
            subj, inherited = _subject(v)
        if subj is None or subj.i == v.i:
            return None
        if subj.lower_ in cues.PRONOUNS and cues.PRONOUNS[subj.lower_] == "skip":
            return None
        if self.in_quote(v) and (self.in_quote(subj) or inherited):
            return None  # reported inside someone's quotation
        if not _can_speak(subj, lemma):
            return None

        parts, satisfied, extra_cue, core = [], set(), [], [v.i]
        obj_content = None
        rel_noun = None
        for c in v.children:
            if c is subj or c.dep_ in ("nsubj", "agent"):
                core.extend(t.i for t in c.subtree)
                continue
            d = c.dep_
            low = c.lower_
            if d in ("ccomp", "parataxis") and c.i < v.i and any(
                t.text == ";" for t in self.doc[max(t.i for t in c.subtree) : v.i]
            ):
                continue  # "A accused B; C denied it": a clause of its own
            if d in ("ccomp", "parataxis"):
                parts.append(c)
                satisfied.add("ccomp")
            elif d == "xcomp":
                parts.append(c)
                satisfied.add("xcomp")
            elif d in ("dobj", "dative", "oprd") and low in cues.RELATIVE_PRONOUNS and v.dep_ == "relcl":
                # "a claim which Erdogan's government denies"
                noun = v.head
                if frame.objects is None or noun.lower_ in frame.objects:
                    satisfied.add("dobj")
                    rel_noun = noun
            elif d in ("dobj", "dative", "oprd"):
                if frame.objects is None:
                    parts.append(c)
                    satisfied.add("dobj")
                elif low in frame.objects:
                    satisfied.add("dobj")
                    if c.i - v.i <= 3:
                        extra_cue.append(c)
                    clause = [g for g in c.children if g.dep_ in ("acl", "ccomp", "relcl", "appos")]
                    obj_content = clause[0] if clause else c
                    parts.append(obj_content)
                else:
                    core.append(c.i)
            elif d == "prep" and (low in frame.preps or low in cues.GENERIC_CONTENT_PREPS):
                satisfied.add("prep:" + low)
                if low in frame.preps and c.i == v.i + 1 and frame.kind == cues.APPEAL:
                    extra_cue.append(c)  # "called for": the object is the content
                    parts.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
                else:
                    parts.append(c)
            elif d == "prt":
                satisfied.add("prt:" + low)
                extra_cue.append(c)
            elif d == "advcl" and frame.kind == cues.APPEAL and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in c.children
            ):
                parts.append(c)
                marks = [g for g in c.children if g.dep_ == "mark" and g.lower_ in frame.preps]
                if marks:
                    # "called for Nagorno-Karabakh to be unified": "for" parsed as a mark
                    satisfied.add("prep:" + marks[0].lower_)
                    if marks[0].i == v.i + 1:
                        extra_cue.append(marks[0])
            elif d == "punct" and c.text == ":" and v.i < c.i <= v.i + 4:
                satisfied.add("colon")
            elif d in ("aux", "auxpass", "advmod", "npadvmod", "prep", "agent", "neg", "prt"):
                core.extend(t.i for t in c.subtree)

        content = None
        if parts and any(p.i < v.i for p in parts) and any(p.i > v.i for p in parts):
            # content on both sides of the cue: keep the clause
            clausal = [p for p in parts if p.dep_ in ("ccomp", "parataxis", "xcomp")]
            parts = clausal or [p for p in parts if p.i > v.i]
        if parts:
            first, last = _tok_range(t for p in parts for t in p.subtree)
            if first < v.i < last:
                first = v.i + 1  # "… which it claims was shot down": what follows the cue
            content = self.chars(first, last)
        if content is None and rel_noun is not None:
            clause = rel_noun
            if rel_noun.lower_ not in cues.CLAIM_NOUNS:
                # ", which Turkey denied": the clause before the comma
                while clause.head is not clause and clause.dep_ not in ("ccomp", "ROOT") and clause.head.i < v.i:
                    clause = clause.head
            toks = [t for t in (_np_tokens(clause) if clause is rel_noun else clause.subtree) if t.i < v.i]
            rel = min((t.i for t in v.subtree), default=v.i)
            toks = [t for t in toks if t.i < rel]
            if toks:
                content = self.chars(min(t.i for t in toks), max(t.i for t in toks))
        core_first, core_last = min(core), max(core)
        content, is_quote = self.with_quotes(content, core_first, core_last, bool(parts))
        if is_quote:
            satisfied.add("quote")
        if content is None:
            return None
        if frame.needs and not (frame.needs & satisfied):
            return None
        if frame.objects is not None and not frame.needs and "dobj" not in satisfied and not (
            satisfied & {"ccomp", "quote", "colon"}
        ):
            return None

        kind = frame.kind
        if kind in cues.REFINABLE_KINDS:
            kind = _refine(parts, subj) or kind
        return RawStatement(
            sentence=self.sent,
            kind=kind,
            via="verb",
            cue=self.cue_range(v, extra_cue),
            content=content,
            quote=is_quote,
            source=self.source_range(subj),
            source_head=subj,
            inherited_subject=inherited,
            cue_token=v,
            clause_start=min(t.i for t in v.subtree),
        )

    def light(self, n) -> RawStatement | None:
        lv = n.head
        kind = cues.CUE_NOUNS[n.lower_]
        if kind == cues.CONCESSION or self.in_quote(n) or lv.lower_ in cues.CAUSAL_PARTICIPLES:
            return None
        if any(c.dep_ == "neg" for c in lv.children) or any(c.dep_ in ("auxpass", "nsubjpass") for c in lv.children):
            return None
        subj, inherited = _subject(lv)
        if subj is None or not _can_speak(subj, ""):
            return None
        parts = [c for c in n.children if c.dep_ in ("prep", "acl", "ccomp", "relcl") and (
            c.dep_ != "prep" or c.lower_ in ("about", "over", "for", "on", "against", "at", "that", "of", "to")
        )]
        parts += [c for c in lv.children if c.dep_ == "prep" and c.lower_ in ("about", "over", "for", "against", "on") and c.i > n.i]
        content = None
        if parts:
            toks = [t for p in parts for t in p.subtree]
            content = self.chars(*_tok_range(toks))
        core = [lv.i, n.i] + [t.i for t in subj.subtree if subj.head is lv]
        content, is_quote = self.with_quotes(content, min(core), max(core), bool(parts))
        return RawStatement(
            sentence=self.sent,
            kind=kind,
            via="light",
            cue=self.cue_range(lv, [n]),
            content=content,
            quote=is_quote,
            source=self.source_range(subj),
            source_head=subj,
            inherited_subject=inherited,
            cue_token=lv,
            clause_start=min(t.i for t in lv.subtree) if lv.dep_ != "ROOT" else lv.i,
        )

    def adjective(self, a) -> RawStatement | None:
        h = a.head
        if self.in_quote(a) or any(c.dep_ == "neg" for c in h.children):
            return None
        subj, inherited = _subject(h)
        if subj is None:
            return None
        parts = [c for c in a.children if c.dep_ in ("ccomp", "xcomp") or (
            c.dep_ == "prep" and c.lower_ in ("about", "over", "at", "by", "that")
        )]
        parts += [c for c in h.children if c.dep_ == "ccomp"]
        if not parts:
            return None
        toks = [t for p in parts for t in p.subtree]
        content = self.chars(*_tok_range(toks))
        core = [h.i, a.i]
        content, is_quote = self.with_quotes(content, min(core), max(core), True)
        if content is None:
            return None
        return RawStatement(
            sentence=self.sent,
            kind=cues.CUE_ADJECTIVES[a.lower_],
            via="adjective",
            cue=self.cue_range(h, [a]),
            content=content,
            quote=is_quote,
            source=self.source_range(subj),
            source_head=subj,
            inherited_subject=inherited,
            cue_token=a,
            clause_start=h.i,
        )

    def according(self, tok) -> RawStatement | None:
        doc = self.doc
        if tok.i + 1 >= len(doc) or self.in_quote(tok):  # "according to": ruler.phrase_cues
            return None
        to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is None:
            return None
        src_tokens = _np_tokens(pobj)
        p_first = tok.i
        p_last = max(t.i for t in src_tokens)
        # the content is what the phrase qualifies: the rest of the sentence
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
        content, is_quote = self.with_quotes(content, p_first, p_last, True)
        if content is None:
            return None
        return RawStatement(
            sentence=self.sent,
            kind=cues.ACCORDING_KIND,
            via="according",
            cue=self.chars(tok.i, tok.i + 1, strip_mark=False),
            content=content,
            quote=is_quote,
            source=self.source_range(pobj),
            source_head=pobj,
            cue_token=tok,
            clause_start=tok.i,
        )

    def find(self) -> list[RawStatement]:
        found: list[RawStatement] = []
        phrases = ruler.phrase_cues(self.doc)
        for tok in self.doc:
            low = tok.lower_
            raw = None
            if low in cues.VERB_FORMS:
                raw = self.verb(tok)
            if raw is None and low in cues.CUE_NOUNS and tok.dep_ in ("dobj", "attr") and tok.head.lower_ in cues.LIGHT_FORMS:
                raw = self.light(tok)
            if raw is None and low in cues.CUE_ADJECTIVES and tok.dep_ == "acomp":
                raw = self.adjective(tok)
            if raw is None and phrases.get(tok.i) == "according":
                raw = self.according(tok)
            if raw is not None:
                raw.needs_ner = _needs_ner(raw)
                head = raw.source_head
                raw.refers_back = head is not None and head.lower_ in ("he", "she", "it", "they")
                found.append(raw)
        return _prune(found, self.text)


def _strip_chars(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and (text[a].isspace() or text[a] in "“\"‘'"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:—–-"):
        b -= 1
    return (a, b) if b > a else None


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _can_speak(subj, lemma: str) -> bool:
    """A common-noun source must be a person, group, body or document."""
    if subj.tag_ not in ("NN", "NNS") or subj.text[:1].isupper():
        return True
    low = subj.lower_
    if low in cues.SPEAKER_NOUNS or _singular(low) in cues.SPEAKER_NOUNS or low in cues.GROUP_PHRASES:
        return True
    if any(
        c.dep_ in ("compound", "amod") and (c.tag_ in ("NNP", "NNPS") or (c.text[:1].isupper() and c.i > 0))
        for c in subj.children
    ):
        return True  # "Nato forces said", "Armenian forces claim"
    return lemma in cues.THING_CUES


def _needs_ner(r: RawStatement) -> bool:
    """Only names need the NER: not pronouns, bare nouns or known countries."""
    head = r.source_head
    if head is None or r.source is None:
        return r.via == "headline"
    if head.tag_ in ("PRP", "WP", "DT") or head.lower_ in cues.PRONOUNS:
        return False
    toks = _np_tokens(head)
    # capitalised words, and a capitalised bare subject opening the sentence
    # ("Macron on Wednesday pledged …", which the tagger calls NN)
    if not any(
        t.tag_ in ("NNP", "NNPS") or (t.i > 0 and t.text[:1].isupper())
        or (t is head and t.i == 0 and t.text[:1].isupper() and not any(c.dep_ == "det" for c in t.children))
        for t in toks
    ):
        return False
    text = head.doc[min(t.i for t in toks) : max(t.i for t in toks) + 1].text
    return not places.is_country(text)


def _refine(parts, subj) -> str | None:
    """A said-clause whose subject is the source itself doing a cue act."""
    for p in parts:
        if p.dep_ != "ccomp":
            continue
        inner_subj = _own_subject(p)
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


def _prune(found: list[RawStatement], text: str) -> list[RawStatement]:
    """Drop statements reported inside another one's content; cut contents
    at a coordinated statement of the same source."""
    keep: list[RawStatement] = []
    for r in found:
        c0 = r.cue[0] if r.cue else None
        nested = False
        # only a clausal complement is speech reported inside other speech
        # ("X said Y had warned …"); a coordinated, adverbial ("while Y called
        # for …", "with Y claiming …") or relative ("which Y denied") clause
        # is a statement of its own
        embedded = r.cue_token is not None and r.cue_token.dep_ in ("ccomp", "xcomp", "parataxis", "pcomp", "acomp")
        if r.via == "according":
            embedded = True
        if not r.inherited_subject and embedded and c0 is not None:
            for o in found:
                if o is not r and o.via != "according" and o.content and o.content[0] <= c0 < o.content[1]:
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
            cut = r.sentence.start + r.sentence.doc[r.clause_start].idx
            if o.content[0] < cut < o.content[1]:
                a, b = o.content[0], cut
                tail = _STRIP_TAIL_RE.search(text, a, b)
                if tail:
                    b = tail.start()
                if b > a:
                    o.content = (a, b)
    # one statement per cue
    seen: set[tuple[int, int]] = set()
    out = []
    for r in keep:
        key = r.cue or (0, 0)
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out


def headline_statement(sent: Sentence, text: str, quotes: list[Quote]) -> RawStatement | None:
    """“Nagorno-Karabakh could become extremist stronghold: Russia”."""
    line = text[sent.start : sent.end]
    m = cues.HEADLINE_SOURCE_RE.match(line)
    if not m:
        return None
    source = m.group("source")
    words = source.split()
    if len(words) > 3 or source.lower() in cues.HEADLINE_LABELS or words[0].lower() in cues.HEADLINE_LABELS:
        return None
    if len(m.group("content").split()) < 3:
        return None
    c0 = sent.start + m.start("content")
    c1 = sent.start + m.end("content")
    content = _strip_chars(text, c0, c1)
    if content is None:
        return None
    frac = quoted_chars(quotes, *content) / max(1, content[1] - content[0])
    head = None
    if sent.doc is not None:
        s_rel = m.start("source")
        toks = [t for t in sent.doc if t.idx >= s_rel]
        head = toks[-1] if toks else None
    return RawStatement(
        sentence=sent,
        kind=cues.HEADLINE_KIND,
        via="headline",
        cue=(sent.start + m.start("colon"), sent.start + m.end("colon")),
        content=content,
        quote=frac >= 0.6,
        source=(sent.start + m.start("source"), sent.start + m.end("source")),
        source_head=head,
        source_text=source,
        needs_ner=not places.is_country(source),
    )


def _runons(art: Article, raws: list[RawStatement]) -> list[RawStatement]:
    """Quoted sentences without a cue of their own keep the last speaker."""
    by_sent: dict[int, list[RawStatement]] = {}
    for r in raws:
        by_sent.setdefault(r.sentence.index, []).append(r)
    text = art.text
    overlapping = quotes_between(art.quotes)
    added: list[RawStatement] = []
    last: RawStatement | None = None
    last_index = -10
    for s in art.sentences:
        mine = by_sent.get(s.index)
        if mine:
            last = mine[-1]
            last_index = s.index
            continue
        if s.headline:
            last = None
            continue
        qs = [q for q in overlapping(s.start, s.end) if q.overlap(s.start, s.end) > 0]
        if not qs:
            continue
        length = sum(1 for ch in text[s.start : s.end] if not ch.isspace())
        inside = quoted_chars(qs, s.start, s.end)
        inside_nonspace = sum(
            1 for q in qs for ch in text[max(q.inner_start, s.start) : min(q.inner_end, s.end)] if not ch.isspace()
        )
        del inside
        if inside_nonspace < 0.6 * length:
            continue
        speaker = None
        # a quotation crossing into a sentence with its own quoted statement
        for q in qs:
            for r in raws:
                if r.quote and r.content and r.sentence.index != s.index and q.overlap(*r.content) > 0:
                    speaker = r
                    break
            if speaker:
                break
        if speaker is None and last is not None and s.index - last_index <= 2 and (
            s.para - last.sentence.para <= 1
        ):
            speaker = last
        if speaker is None:
            continue
        content = None
        a = max(s.start, min(q.inner_start for q in qs))
        b = min(s.end, max(q.inner_end for q in qs))
        content = _strip_chars(text, a, b)
        r = RawStatement(
            sentence=s,
            kind=speaker.kind,
            via="runon",
            cue=None,
            content=content,
            quote=True,
            inherit=speaker,
            needs_ner=False,
        )
        added.append(r)
        last = r
        last_index = s.index
    return added


def find_all(art: Article) -> list[RawStatement]:
    raws: list[RawStatement] = []
    overlapping = quotes_between(art.quotes)
    for s in art.sentences:
        quotes = overlapping(s.start, s.end)
        if s.headline:
            h = headline_statement(s, art.text, quotes)
            if h is not None:
                raws.append(h)
                continue
        if s.parsed:
            raws.extend(_SentenceFinder(s, art.text, quotes).find())
    raws.extend(_runons(art, raws))
    raws.sort(key=lambda r: (r.sentence.start, r.cue[0] if r.cue else r.sentence.start))
    return raws
