"""Actors: who the statements' sources are, merged into one per speaker.

For each statement source this module decides what kind of mention it is
(a name, a pronoun, a group, a role like "an official", a headline's
"…: Russia"), corrects the small model's slips (surnames tagged as
organisations; places tagged as people or organisations are fixed before
the NER by ``ruler.py``, and a listed place is typed as a country or a
place here whatever its label), merges the forms of one
name ("Armenian Prime Minister Nikol Pashinyan", "Pashinyan") into one
actor, reads descriptions and affiliations off appositions and titles, and
resolves pronouns, bare role nouns and headline sources to actors.

Actor ids are ``slugify(canonical name)`` so the same name gets the same id
in every article.  No spaCy import.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from ..models import ACTOR_KINDS, Actor, Analysis, Span, Statement
from . import agents, cues, places
from .agents import slugify
from .named_roles import NamedRole, description_words, find_named_roles
from .quotes import quotes_between
from .syntax import np_tokens
from .types import Article, RawStatement
from .version import ANALYSIS_VERSION

#: How many sentences the resolver looks back for a pronoun's antecedent.
LOOKBACK = 4

# --------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------

#: Title words that stand before a name but are not part of it (agent_words.toml).
TITLE_WORDS = agents.words().titles
_NOT_NAME_WORDS = frozenset(
    "the a an and but or when as if while after before in on at of for with by to from this that "
    "these those his her its their our my your some many".split()
)
#: Institutions usually written with "the": "Kremlin spokesman" -> "the Kremlin".
THE_INSTITUTIONS = frozenset(
    """Kremlin|White House|Pentagon|Treasury|Foreign Office|Home Office|Cabinet Office|
    Vatican|Elysee|Élysée|State Department|Foreign Ministry|Defence Ministry|Defense Ministry|
    Interior Ministry|UN|EU|European Commission|European Union|United Nations|BBC|FBI|CIA|
    Bundestag|Knesset|Duma|Senate|Congress|Commons|House of Commons|Lords|Fed|
    Federal Reserve|Bank of England|IMF|World Bank|WHO|Red Cross|OSCE|Nato|NATO""".replace("\n", "").split("|")
)
THE_INSTITUTIONS = frozenset(x.strip() for x in THE_INSTITUTIONS)
#: Plural or generic headline sources that name no one: "…: Officials".
GENERIC_HEADLINE_SOURCES = cues.PERSON_ROLES | {"officials", "sources", "experts", "analysts", "report", "study", "poll", "survey", "witnesses", "residents", "activists", "monitor", "monitors", "ministry", "police"}

_RELATIVE_TAIL = re.compile(r",?\s+(?:which|who|whose|whom|where|that)\b.*$", re.S)
_HONORIFIC_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Lady|Lord|Dame)\.?\s+([A-Z][\w’'\-]+)")
_CAP_WORD = re.compile(r"^[A-Z][\w’'\-]*$")


def _clean_name(name: str) -> str:
    # a dash opening an aside ("Angela Merkel - who has …") is no part of a name
    name = name.strip().strip(",.;:—–-").strip()
    for suffix in ("’s", "'s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    if name.endswith(("’", "'")) and name[:-1].endswith("s"):
        name = name[:-1]
    words = name.split()
    while words and words[0].lower() in ("the", "a", "an", "both", "either", "neither", "another"):
        words = words[1:]
    name = " ".join(words)
    # a trailing parenthetical acronym: "… in Europe (OSCE)"
    return re.sub(r"\s*\([^()]*\)$", "", name) if not name.startswith("(") else name


def _strip_titles(words: list[str]) -> list[str]:
    while len(words) > 1 and (words[0].lower().strip(".") in TITLE_WORDS or words[0].lower() in cues.HONORIFICS):
        words = words[1:]
    return words


# --------------------------------------------------------------------------
# Mentions
# --------------------------------------------------------------------------


@dataclass(slots=True)
class Mention:
    category: str  # name, pronoun, group, role, generic, headline, runon
    text: str = ""  # the source as written
    name: str = ""  # for names: the name itself; for roles/groups: the phrase
    kind: str | None = None  # person, organization, country, group, place
    description: str | None = None
    affiliation: str | None = None
    forms: list[str] = field(default_factory=list)
    head: str = ""  # lower-cased head word (for roles and bare nouns)
    plural: bool = False
    definite: bool = False
    pos: int = 0
    members: list[Mention] = field(default_factory=list)  # a named group's members
    author: Mention | None = None  # a document's author ("Mr Peston's book")
    gender: str | None = None  # from an honorific ("Mrs Howard") or a gendered noun
    sort: str | None = None  # the sort of organisation a noun names ("paper": press)


@dataclass(slots=True)
class _Actor:
    key: str
    name: str
    kind: str
    forms: list[str] = field(default_factory=list)
    description: str | None = None
    affiliation: str | None = None
    pos: int = 0
    gender: str | None = None
    scope: str = "corpus"  # "article": a role, a generic group, a surname alone
    members: list[str] = field(default_factory=list)  # keys of a named group's members
    sorts: set[str] = field(default_factory=set)  # what definite nouns recall it ("the paper")

    def add_form(self, form: str) -> None:
        form = form.strip()
        if form and form not in self.forms:
            self.forms.append(form)


def _ent_of(tok):
    """The entity span a token belongs to, or None."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


_NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")


def _proper(tok) -> bool:
    """A proper noun as written: tagged so and capitalised (the small model
    tags "foreign ministry" NNP), or a capitalised subject it took for a verb
    ("Trump falsely claims …")."""
    if not tok.text[:1].isupper():
        return False
    return tok.tag_ in ("NNP", "NNPS") or (tok.dep_ == "nsubj" and tok.tag_.startswith("VB"))


def _name_tokens(h):
    """(tokens of the name headed by h, NER label) or (None, None)."""
    ent = _ent_of(h)
    if ent is not None and ent.label_ in _NAME_LABELS:
        toks = [t for t in ent if t.lower_ not in ("the", "’s", "'s")]
        label = ent.label_
        # an organisation's possessor is part of its name: "Russia's Foreign Ministry"
        if label == "ORG" or (toks and toks[-1].lower_ in cues.ORG_NAME_WORDS):
            for c in h.children:
                if c.dep_ == "poss" and c.i < toks[0].i and any(_proper(g) for g in c.subtree):
                    toks = [t for t in c.subtree if t.i < toks[0].i and t.lower_ != "the"] + toks
            for c in h.children:
                if c.dep_ in ("compound", "amod") and c.i < toks[0].i and (_proper(c) or c.tag_ == "JJ" and c.text[:1].isupper()):
                    if all(t.i < toks[0].i for t in c.subtree) and toks[0].i - max(t.i for t in c.subtree) <= 1:
                        toks = list(c.subtree) + toks
        return toks, label
    if _proper(h):
        toks = [h]
        i = h.i - 1
        doc = h.doc
        while i >= 0 and (_proper(doc[i]) or doc[i].tag_ == "HYPH") and doc[i].head.i in {t.i for t in toks} | {h.i}:
            toks.insert(0, doc[i])
            i -= 1
        while toks and toks[0].tag_ == "HYPH":
            toks.pop(0)
        if h.lower_ in cues.ORG_NAME_WORDS or toks[-1].lower_ in cues.ORG_NAME_WORDS:
            # "Russia's Foreign Ministry": the possessor is part of the name
            for c in h.children:
                if c.dep_ == "poss" and c.i < toks[0].i and any(_proper(g) for g in c.subtree):
                    toks = [t for t in c.subtree if t.lower_ != "the"] + toks
        # "Ministry of Defence"
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "of" and c.i == h.i + 1:
                pobj = [g for g in c.children if g.dep_ == "pobj" and _proper(g)]
                if pobj and h.lower_ in cues.ORG_NAME_WORDS:
                    toks = toks + [c] + [t for t in pobj[0].subtree]
        return toks, None
    return None, None


def _text_of(tokens) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    first = min(t.i for t in tokens)
    last = max(t.i for t in tokens)
    return doc[first : last + 1].text


def _affiliation(tokens) -> str | None:
    """An organisation or country the description ties a person to."""
    ids = {t.i for t in tokens}
    ordered = sorted(tokens, key=lambda t: t.i)
    # "the head of Russia's Foreign Intelligence Service (FIS)"
    for t in ordered:
        if t.dep_ == "pobj" and t.head.lower_ in ("of", "at", "for") and _proper(t) and t.i in ids:
            if t.head.lower_ == "for" and places.is_place(_clean_name(t.text)):
                continue  # "director for Eastern Europe": a region, not an employer
            sub = [g for g in t.subtree if g.i in ids]
            skip = set()
            for c in t.children:
                if c.dep_ == "appos" or c.dep_ == "punct":
                    skip.update(g.i for g in c.subtree)
            sub = [g for g in sub if g.i not in skip]
            if t.lower_ in TITLE_WORDS:
                continue
            if t.head.head.lower_ not in cues.PERSON_ROLES and t.head.head.tag_ not in ("NN", "NNS"):
                continue
            return _the(_clean_name(_text_of(sub)))
    # "Amnesty International's deputy director"
    for t in ordered:
        if t.dep_ == "poss" and _proper(t):
            return _the(_clean_name(_text_of([g for g in t.subtree if g.i in ids])))
    # "Kremlin spokesman", "Cabinet Office spokeswoman"
    for t in ordered:
        if t.dep_ in ("compound", "nmod") and _proper(t) and not _proper(t.head) and t.i in ids:
            chain = _proper_chain(t)
            name = _clean_name(_text_of(chain))
            name = places.demonym_country(name) or name
            if name.lower() not in TITLE_WORDS and name.split()[0].lower() not in TITLE_WORDS:
                return _the(name)
    # "Armenian Prime Minister"
    for t in ordered:
        country = places.demonym_country(t.text)
        if country and t.dep_ in ("amod", "compound", "npadvmod"):
            return country
    return None


def _org_tokens(t):
    """An organisation's name under ``t``: no apposition, clause or comma."""
    skip: set[int] = set()
    for c in t.subtree:
        if c.dep_ in ("appos", "relcl", "acl") or (c.dep_ == "punct" and c.text in ",;"):
            skip.update(g.i for g in c.subtree)
    toks = [g for g in t.subtree if g.i not in skip]
    # stop at the first gap (a comma that was skipped)
    out = []
    for g in sorted(toks, key=lambda g: g.i):
        if out and g.i != out[-1].i + 1:
            break
        out.append(g)
    return out


def _proper_chain(t):
    """``t`` with the proper nouns (and hyphens) written right before it."""
    doc = t.doc
    toks = [t]
    i = t.i - 1
    def cap(k: int) -> bool:
        return _proper(doc[k]) or (doc[k].text[:1].isupper() and doc[k].tag_.startswith(("NN", "JJ")))

    while i >= 0 and (cap(i) or (doc[i].tag_ == "HYPH" and i > 0 and cap(i - 1))):
        toks.insert(0, doc[i])
        i -= 1
    return toks


def _the(name: str) -> str:
    return f"the {name}" if name in THE_INSTITUTIONS else name


#: "WASHINGTON (AP) —", "LA CROSSE, Wisc. —": a place in capitals, a state or an agency, a dash
_DATELINE_RE = re.compile(
    r"^[A-Z][A-Z .'’\-]{2,}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?:\s*\([\w .]+\))?\s*[—–\-]{1,2}\s*\S"
)


def _after_dateline(h, as_written: str):
    """The tokens after a dateline opening the source ("WASHINGTON (AP) —"), or None."""
    if not _DATELINE_RE.match(as_written) or not h.text.isupper():
        return None
    dash = next((t for t in h.subtree if t.text in ("—", "–", "-", "--") and t.i > h.i), None)
    if dash is None:
        return None
    rest = [t for t in h.subtree if t.i > dash.i]
    return rest if rest and any(_proper(t) for t in rest) else None


def _member_tokens(t) -> list:
    """A coordinated member's own phrase: its subtree without the other
    members, the commas and clauses."""
    skip: set[int] = set()
    for c in t.children:
        if c.dep_ in ("conj", "cc", "appos", "relcl", "acl") or (c.dep_ == "punct" and c.i > t.i):
            skip.update(g.i for g in c.subtree)
    toks = [g for g in t.subtree if g.i not in skip]
    while len(toks) > 1 and toks[0].dep_ in ("det", "cc", "punct", "preconj"):
        toks = toks[1:]
    return sorted(toks, key=lambda g: g.i)


def _coordinated(h) -> list:
    """The heads of the members of a coordination headed by ``h``: h and its
    conjuncts, names in apposition within the list, an acronym in brackets
    after a member left out ("the Organization … (OSCE)").  A plural common
    noun with the names in apposition ("Five European countries - Belgium,
    …") is not itself a member."""
    heads: list = []
    stack = [h]
    has_cc = False
    while stack:
        t = stack.pop()
        heads.append(t)
        for c in t.children:
            if c.dep_ == "cc":
                has_cc = True
            if c.dep_ == "conj" or (c.dep_ == "appos" and _proper(c)):
                stack.append(c)
    if not has_cc or len(heads) < 2:
        return []
    heads.sort(key=lambda t: t.i)
    kept = []
    for t in heads:
        before = t.doc[t.i - 1] if t.i > 0 else None
        if before is not None and before.text == "(" and kept and _acronym(t.text, _text_of(_member_tokens(kept[-1]))):
            continue  # "(OSCE)" after the Organization for Security and Co-operation in Europe
        kept.append(t)
    if h.tag_ in ("NNS",) and not _proper(h):
        kept = [t for t in kept if t is not h]
    return kept


def _honorific(h, toks) -> str | None:
    """The honorific written with the name ("Mrs" in "Mrs Howard"), if any."""
    first = min(t.i for t in toks)
    for t in [*toks, *(h.doc[first - 1 : first] if first > 0 else [])]:
        if t.lower_ in cues.HONORIFICS:
            return t.text
    return None


#: Title words that qualify another ("former President") rather than call someone.
_QUALIFIERS = frozenset(
    "former acting deputy vice senior junior assistant interim incoming outgoing shadow state foreign home "
    "defence defense interior prime chief general".split()
)


def _calling_title(word: str) -> bool:
    """A capitalised title one is called by ("President Obama", "Gov. Pence")."""
    return word[:1].isupper() and agents.is_title(word) and word.lower().strip(".") not in _QUALIFIERS


def _title_before(h, toks) -> str | None:
    """The title written right before a surname ("President" in "President Obama")."""
    first = min(t.i for t in toks)
    words = [t for t in toks if t.i < max(t.i for t in toks)]
    if first > 0:
        words.append(h.doc[first - 1])
    calling = [t.text for t in sorted(words, key=lambda t: t.i) if _calling_title(t.text)]
    return calling[-1] if calling else None


def _honorific_gender(h, toks) -> str | None:
    """The gender an honorific before the name gives ("Mrs Howard")."""
    honorific = _honorific(h, toks)
    return cues.HONORIFICS.get(honorific.lower()) if honorific else None


#: A description longer than this is a clause the parser hung on the name, not a title.
_DESCRIPTION_WORDS = 14


def _personal_title(tokens) -> bool:
    """The description's head noun is a person's title or role ("Newcastle
    boss", "chairman of the Bar Council"), not a kind of organisation."""
    ids = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    return any(
        t.tag_ in ("NN", "NNP", "JJ")  # "Former Scotland international": tagged an adjective
        and (t.lower_ in TITLE_WORDS or t.lower_ in cues.PERSON_ROLES or agents.describes_a_person(t.lower_))
        for t in heads
    )


def _organisation_described(tokens) -> bool:
    """The description's head noun is a sort of organisation ("airline", "bank")."""
    ids = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    return any(t.tag_.startswith("NN") and agents.org_sort(t.text) is not None for t in heads)


def _describing(tokens) -> bool:
    """Words that describe an actor: a title or a common noun ("Tory
    leader", "President"), not a bare adjective ("angry", "Russian-backed"),
    and not a whole clause ("opponents of the bill, including …")."""
    words = [t for t in tokens if not t.is_punct and t.tag_ != "POS"]
    return len(words) <= _DESCRIPTION_WORDS and any(t.tag_ in ("NN", "NNS") or agents.is_title(t.text) for t in tokens)


def _agent_noun(h) -> bool:
    """A common noun that can name a speaker: a person, a role, an
    organisation, a group, a document (cue lists and agent_words.toml)."""
    low = h.lower_
    return (
        low in cues.SPEAKER_NOUNS
        or low in cues.PERSON_ROLES
        or low in cues.ORG_NOUNS
        or agents.is_title(low)
        or agents.describes_a_person(low)
        or agents.is_document(low)
        or agents.org_sort(low) is not None
        or (low.endswith("s") and (low[:-1] in cues.PERSON_ROLES or agents.is_title(low[:-1])))
    )


def _compound_org(h):
    """An organisation named by a proper noun before its kind: "the
    Paris-based IEA watchdog" -> IEA, "Vedomosti newspaper" -> Vedomosti."""
    if agents.org_sort(h.lower_) is None and h.lower_ not in cues.ORG_NOUNS:
        return None, None
    names = [c for c in h.children if c.dep_ in ("compound", "nmod") and _proper(c) and c.i == h.i - 1]
    if not names:
        return None, None
    chain = _proper_chain(names[0])
    text = _text_of(chain)
    if places.is_place(text) or places.demonym_country(text) or any(agents.is_title(t.text) for t in chain):
        return None, None
    ent = _ent_of(names[0])
    return chain, (ent.label_ if ent is not None and ent.label_ == "ORG" else "ORG")


def _name_like(t) -> bool:
    """A capitalised singular word that names no kind of speaker ("Labour"
    tagged NN): a name the model did not recognise."""
    return t.text[:1].isupper() and t.tag_ == "NN" and not _agent_noun(t) and not agents.is_title(t.text)


def _by_author(h, depth: int = 0):
    """The proper name in "X, by NAME" under ``h`` (or under a title in
    apposition: "a new book, Ford's Year, by Nina Park"), or None."""
    for c in h.children:
        # "Brown's Britain, by Robert Peston"; a document "from" someone: "a poll from Marquette Law School"
        if c.dep_ == "prep" and (c.lower_ == "by" or (c.lower_ == "from" and agents.is_document(h.lower_))):
            pobj = [g for g in c.children if g.dep_ == "pobj" and (_proper(g) or _proper_below(g))]
            if pobj:
                return pobj[0] if _proper(pobj[0]) else _proper_below(pobj[0])
        if c.dep_ == "appos" and depth == 0:
            found = _by_author(c, 1)
            if found is not None:
                return found
    return None


def _proper_below(t):
    """"the journalist Nina Park": the name in apposition to a common noun."""
    return next((c for c in t.children if c.dep_ in ("appos", "compound") and _proper(c) and c.i > t.i), None)


def _author_after(h):
    """A "by NAME" within the few words after a document noun: "a new book,
    Brown's Britain by Sunday Telegraph journalist Robert Peston"."""
    doc = h.doc
    for t in doc[h.i + 1 : min(len(doc), h.i + 8)]:
        if t.lower_ == "by" and t.dep_ in ("prep", "agent"):
            pobj = [g for g in t.children if g.dep_ == "pobj" and _proper(g)]
            return pobj[0] if pobj else None
        if t.text in (";", "(", ")") or (t.dep_ == "ROOT" and t.tag_.startswith("VB")):
            return None
    return None


class Resolver:
    def __init__(self, art: Article):
        self.art = art
        self.text = art.text
        self.actors: dict[str, _Actor] = {}
        self.person_names: list[str] = []  # full names seen as PERSON entities or tied to a description
        self._quotes_at = quotes_between(art.quotes)
        self.surnames: set[str] = set()
        #: surname -> the genders its honorifics give ("Mr Howard", "Mrs Howard": both)
        self.surname_genders: dict[str, set[str]] = {}
        for m in _HONORIFIC_RE.finditer(art.text):
            g = cues.HONORIFICS.get(m.group(1).lower())
            self.surnames.add(m.group(2))
            if g:
                self.surname_genders.setdefault(m.group(2), set()).add(g)
        #: "Azerbaijan's president, Ilham Aliyev", "Michael Howard's wife, Sandra"
        self.named_roles: list[NamedRole] = find_named_roles(art.text)
        self.name_gender: dict[str, str] = {}
        for role in self.named_roles:
            self.person_names.append(role.name)
            self.surnames.add(role.name.split()[-1])
            if role.gender:
                self.name_gender.setdefault(role.name, role.gender)
        self.mentions: dict[int, list[tuple[int, str, str, bool, bool]]] = {}  # sent -> (pos, kind, key, subject, statement)
        self.documents: list[tuple[int, str, str]] = []  # (pos, head noun, author key): "the book" recalls them
        #: paragraph -> its last sentence's text (is it punctuated?)
        self._para_ends: dict[int, str] = {s.para: art.text[s.start : s.end].rstrip() for s in art.sentences}
        self._collect_entities()

    # -- entities in NER'd sentences ------------------------------------------
    def _in_quote(self, pos: int) -> bool:
        # only quotes around ``pos`` can hold it (looked up by bisection: linear overall)
        return any(q.inner_start <= pos < q.inner_end for q in self._quotes_at(pos, pos + 1))

    def _collect_entities(self) -> None:
        self.ent_mentions: list[tuple[Any, Any]] = []
        single: set[str] = set()
        for s in self.art.sentences:
            if not s.ner or s.doc is None:
                continue
            for ent in s.doc.ents:
                name = _clean_name(ent.text)
                if ent.label_ == "PERSON" and not self.pluralised(name):  # listed places are GPE/LOC here (ruler.py)
                    words = _strip_titles(name.split())
                    if len(words) >= 2 and not any(w.lower() in cues.ORG_NAME_WORDS for w in words):
                        self.person_names.append(" ".join(words))
                        self.surnames.add(words[-1])
                    elif words:
                        single.add(words[-1])
                self.ent_mentions.append((s, ent))
        # one word the model took for a person ("Yukos", "Labour") is a
        # surname only if the article writes it as one somewhere
        self.surnames.update(w for w in single if self._known_person(w))

    # -- naming ---------------------------------------------------------------
    def gender_of(self, full: str) -> str | None:
        """A person's gender as the article gives it: a gendered noun tied to
        the name, or the honorifics of the surname when they agree."""
        if full in self.name_gender:
            return self.name_gender[full]
        genders = self.surname_genders.get(full.split()[-1], set())
        return next(iter(genders)) if len(genders) == 1 else None

    def full_person_name(self, name: str, gender: str | None = None) -> str:
        """The full name of a person written by surname ("Mr Straw",
        "Pashinyan"): the one person of the article with that surname (and
        the honorific's gender, when two share it), or the surname itself."""
        written = name.split()
        words = _strip_titles(written)
        given = [w for w in words[:-1] if w[:1].isupper()]
        if given:
            return " ".join(words)
        if len(written) > 1 and len(words) == 1 and agents.is_name_title(written[-2]):
            return " ".join(written[-2:])  # "Pope Francis"
        surname = " ".join(words) if words else name  # "Pashinyan", "de Waal"
        found: list[str] = []
        for full in self.person_names:
            if full.endswith(" " + surname) and len(full.split()) <= 4 and full not in found:
                found.append(full)
        if not found:
            found = self._given_before(surname)
        if not found:
            found = self._first_name_of(surname)  # "Serena said" beside "Serena Williams"
        if gender is not None:
            fitting = [f for f in found if self._known_gender(f) in (gender, None)]
            if len(fitting) > 1:
                fitting = [f for f in fitting if self.gender_of(f) == gender] or fitting
            found = fitting
        if found:
            return found[0]
        titles = [w for w in written[:-1] if w.lower().strip(".") in cues.HONORIFICS or _calling_title(w)]
        if titles:
            # the first name is never given: "Mr Straw", "President Obama" as
            # written, and "Mrs Hale" told apart from a Mr Hale
            return f"{titles[-1]} {surname}"
        return surname

    def _known_gender(self, full: str) -> str | None:
        """A full name's gender from the text, or from the actor already made for it."""
        for a in self.actors.values():
            if a.kind == "person" and a.name == full and a.gender:
                return a.gender
        return self.gender_of(full)

    def _given_before(self, surname: str) -> list[str]:
        """Full names written anywhere as "Given Surname" (a first name
        standing before the surname)."""
        pattern = re.compile(r"((?:[A-Z][a-z’'\-]+ |[A-Z]\. ){1,2})" + re.escape(surname) + r"\b")
        out: list[str] = []
        for m in pattern.finditer(self.text):
            before = m.group(1).split()
            keep: list[str] = []
            for w in reversed(before):
                lw = w.lower().strip(".")
                if (
                    lw in TITLE_WORDS
                    or lw in cues.HONORIFICS
                    or lw in _NOT_NAME_WORDS
                    or places.demonym_country(w)
                    or places.is_place(w)
                    or lw in cues.ORG_NOUNS
                ):
                    break
                keep.insert(0, w)
            if keep:
                full = " ".join(keep + [surname])
                if full not in out:
                    out.append(full)
        return out

    def kind_of(self, name: str, label: str | None, h) -> str:
        """person, organization, country, group, or place (for anything that
        is not an agent: a place, a venue, a work, a date, a title alone)."""
        words = name.split()
        if label and agents.never_agent(label):
            return "place"
        if words and all(agents.is_title(w) for w in words):
            return "place"  # "President", "Prime Minister": a title names no one by itself
        if places.is_country(name):
            return "country"
        if places.is_other_place(name):
            return "place"
        if words and agents.is_age(words[-1]):
            return "place"  # "34-year-old": a description, not a name
        if len(words) > 1 and agents.is_group_noun(words[-1]):
            return "group"  # "the Hale family"
        low_last = words[-1].lower() if words else ""
        if h is not None:
            doc = h.doc
            first = h.i
            while first > 0 and doc[first - 1].tag_ in ("NNP", "NNPS") and doc[first - 1].head.i == h.i:
                first -= 1
            if first > 0 and doc[first - 1].lower_.strip(".") in cues.HONORIFICS:
                return "person"
            for c in h.children:
                if c.dep_ == "appos" and c.lower_ in cues.PERSON_ROLES and c.tag_ in ("NN", "NNP"):
                    return "person"
        if words and words[0].lower().strip(".") in cues.HONORIFICS:
            return "person"  # "Mr Campbell" tagged as an organisation
        if label in ("ORG", "GPE", None) and len(words) == 1 and (self._surname_of_someone(words[0]) or self._first_name_of(words[0])):
            return "person"  # "Celik said", tagged an organisation, beside "Omer Celika" named before; "Serena" 
        if label == "PERSON":
            if low_last in cues.ORG_NAME_WORDS or self.pluralised(name):
                return "organization"  # "the Lib Dems" beside "Lib Dem leader": a party, not a man
            if len(words) == 1 and not self._known_person(words[0]):
                # "Labour", "Yukos": one word the model took for a person,
                # never written with a first name, an honorific or a title
                return "organization"
            return "person"
        if len(words) == 1 and words[0] in self.surnames:
            return "person"
        if low_last in cues.ORG_NAME_WORDS:
            return "organization"
        if label == "GPE":
            return "country"
        if label == "NORP" or (low_last.endswith("s") and places.demonym_country(words[-1][:-1])):
            # "Armenians" are a group; "Liberal Democrats" (NORP too) a party
            if places.demonym_country(words[-1].rstrip("s")) or places.demonym_country(words[-1]):
                return "group"
            return "organization"
        if label == "LOC":
            return "place"
        if label == "ORG":
            return "organization"
        if h is not None and any(
            c.dep_ == "compound" and c.lower_ in cues.PERSON_ROLES for c in h.children
        ):
            return "person"
        return "organization"

    def _surname_of_someone(self, word: str) -> bool:
        """The surname (or a one-letter variant) of a person named in full in the article."""
        folded = agents.fold(word)
        return any(
            len(full.split()) > 1 and _same_surname(agents.fold(full.split()[-1]), folded) for full in self.person_names
        )

    def _first_name_of(self, word: str) -> list[str]:
        """The one person named in full in the article whose first name is
        ``word`` ("Serena" for Serena Williams); none when two share it."""
        if " " in word or not word[:1].isupper():
            return []
        found = {full for full in self.person_names if len(full.split()) > 1 and full.split()[0] == word}
        return list(found) if len(found) == 1 else []

    def pluralised(self, name: str) -> bool:
        """The article also writes the name with a plural -s ("Lib Dem",
        "the Lib Dems"): a party or a group, as no one's name is pluralised
        (a family is: "the Kennedys", so the singular must not end in -s)."""
        if " " not in name or not name[:1].isupper():
            return False
        if name.endswith("s"):  # "the Lib Dems" beside "Lib Dem leader"
            return re.search(rf"(?<![\w-]){re.escape(name[:-1])}(?![\w’'-])", self.text) is not None
        return re.search(rf"(?<![\w-]){re.escape(name)}s(?![\w’'-])", self.text) is not None

    def _known_person(self, word: str) -> bool:
        """A single word the article writes as a person's surname elsewhere:
        with a first name, an honorific or a title."""
        if word in self.surname_genders or self._first_name_of(word):
            return True  # "Mr Straw"; "Serena" beside "Serena Williams"
        if any(_same_surname(agents.fold(full.split()[-1]), agents.fold(word)) for full in self.person_names):
            return True  # "Celik" beside "Omer Celika"
        return bool(self._given_before(word)) or any(
            agents.is_office(m.group(1))  # "spokesman Celik"; not "former Yukos"
            for m in re.finditer(r"\b([A-Za-z\-]+)\s+" + re.escape(word) + r"\b", self.text)
        )

    # -- describing a source ---------------------------------------------------
    def describe(self, r: RawStatement) -> Mention:
        text = self.text
        src = r.speaker or r.source  # "X, who said": X names the speaker
        as_written = text[src[0] : src[1]] if src else ""
        pos = src[0] if src else r.sentence.start
        if r.via == "runon":
            return Mention("runon", pos=pos)
        if r.via in ("headline", "label"):
            return self._describe_headline(r, as_written, pos)
        writer = _contact_writer(r)
        if writer is not None:
            # "X e-mailed Y pointing out …": the participle is X's, not Y's
            np = np_tokens(writer)
            first, last = min(t.i for t in np), max(t.i for t in np)
            doc, base = writer.doc, r.sentence.start
            src = (base + doc[first].idx, base + doc[last].idx + len(doc[last].text))
            return self.describe_head(writer, src, base, text[src[0] : src[1]], src[0])
        return self.describe_head(r.source_head, src, r.sentence.start, as_written, pos)

    def describe_head(self, h, src: tuple[int, int], base: int, as_written: str, pos: int, *, part: bool = False) -> Mention:
        """What kind of mention the phrase ``src`` headed by token ``h`` is
        (``part``: a group's member or a document's author, not coordinated again)."""
        low = h.lower_
        phrase = _clean_name(as_written)
        pl = phrase.lower()
        if pl and agents.is_age(pl.split()[-1]):
            low = pl.split()[-1]  # "the 34-year-old": the tokenizer splits the age
        if pl in cues.GROUP_PHRASES or as_written.lower() in cues.GROUP_PHRASES or low in ("each", "both") or (
            cues.BOTH_SIDES_RE.match(as_written.lower())
        ):
            name = cues.GROUP_PHRASES.get(pl) or cues.GROUP_PHRASES.get(as_written.lower()) or "Both sides"
            return Mention("group", as_written, name, "group", pos=pos)
        if h.tag_ == "PRP" or low in cues.PRONOUNS:
            return Mention("pronoun", as_written, head=low, pos=pos)
        if (
            not part and h.tag_ in ("NNP", "NN", "JJ") and places.demonym_country(h.text)
            and [c.lower_ for c in h.children] == ["the"] and h.i > 0 and h.doc[h.i - 1].lower_ == "the"
        ):
            # "said the American": a person described by nationality, named before
            return Mention("generic", as_written, head=low, definite=True, pos=pos)
        after_dateline = _after_dateline(h, as_written)
        if after_dateline is not None:
            # "WASHINGTON (AP) — President Barack Obama": the dateline never speaks
            start = base + after_dateline[0].idx
            end = base + after_dateline[-1].idx + len(after_dateline[-1].text)
            head = next(t for t in after_dateline if t.head not in after_dateline or t.head == t)
            return self.describe_head(head, (start, end), base, self.text[start:end], start)
        document = None if part else self._document(h, base, as_written, pos)
        if document is not None:
            return document
        group = None if part else self._coordination(h, base, as_written, pos)
        if group is not None:
            return group
        conj = [c for c in h.children if c.dep_ == "conj"]
        appos = [] if part else [c for c in h.children if c.dep_ == "appos"]
        span = h.doc.char_span(src[0] - base, src[1] - base, alignment_mode="expand") if src else None
        src_toks = list(span) if span is not None else [t for t in h.doc if src[0] <= base + t.idx < src[1]]
        toks, label = _name_tokens(h)
        description_toks = None
        is_title = label != "PERSON" and h.lower_ in TITLE_WORDS | cues.PERSON_ROLES
        if not appos and not part and (toks is None or is_title):
            # "The mayor of Springfield, Ana Torres": the parser hangs the
            # name on the last noun before it
            appos = [t for t in np_tokens(h) if t.dep_ == "appos" and _proper(t) and t.i > h.i]
        if (toks is None or is_title) and appos:
            toks2, label2 = _name_tokens(appos[0])
            if toks2 is not None:
                # "The Shadow Secretary of State for the Family, Theresa May"
                toks, label = toks2, label2
                skip = {t.i for t in appos[0].subtree}
                description_toks = [t for t in src_toks if t.i not in skip and t.i < appos[0].i]
                while description_toks and description_toks[-1].text in ",;":
                    description_toks.pop()
        if conj and toks is not None and h.tag_ in ("NNP", "NNPS") and not part:
            name = _clean_name(_text_of(np_tokens(h)))
            return Mention("group", as_written, name, "group", forms=[name], pos=pos)
        named_by_kind = False
        if toks is None:
            toks, label = _compound_org(h)  # "the Paris-based IEA watchdog", "Vedomosti newspaper"
            named_by_kind = toks is not None
        if (
            toks is not None and len(toks) > 1 and toks[-1].text.islower() and agents.org_sort(toks[-1].text)
            and toks[-2].text[:1].isupper()
        ):
            # "Vedomosti newspaper": the newspaper is Vedomosti; but "Azerbaijan's
            # defence ministry" is a ministry (the word before the kind is no name)
            toks = toks[:-1]
        if toks is not None:
            name = _clean_name(_text_of(toks))
            kind = "organization" if named_by_kind else self.kind_of(name, label, h)
            if is_title and description_toks is not None and kind == "organization" and (
                name.split()[-1].lower() not in cues.ORG_NAME_WORDS
            ):
                kind = "person"  # a title with the name in apposition
            if kind == "place":
                # not an agent; "the French President": a title that may recall a person named before
                definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in h.children)
                return Mention("generic", as_written, head=low, definite=definite, pos=pos)
            name_ids = {t.i for t in toks}
            if description_toks is None:
                if appos and appos[0].i not in name_ids:
                    description_toks = [t for t in appos[0].subtree]
                else:
                    first = min(name_ids)
                    description_toks = [
                        t for t in src_toks
                        if t.i < first and t.dep_ != "det" and t.text not in ",;"
                        and t.lower_.strip(".") not in cues.HONORIFICS
                    ]
            if description_toks and not _describing(description_toks):
                description_toks = []  # "An angry Serena Williams", "Russian-backed Armenia": no description
            if kind == "organization" and description_toks and _personal_title(description_toks) and (
                len(name.split()) > 1 and all(w[:1].isupper() for w in name.split())
                and name.split()[-1].lower() not in cues.ORG_NAME_WORDS
            ):
                kind = "person"  # "Newcastle boss Graeme Souness", the name tagged an organisation
            if kind == "group" and description_toks and _organisation_described(description_toks):
                kind = "organization"  # "American, the world's biggest airline"
            forms = [name]
            if "," not in as_written and len(as_written.split()) <= 5 and description_toks != []:
                forms.append(_clean_name(as_written))
            gender = None
            if kind == "person":
                gender = _honorific_gender(h, toks)
                words = _strip_titles(name.split())
                if len(words) == 1 and len(name.split()) > 1 and agents.is_name_title(name.split()[-2]):
                    words = name.split()[-2:]  # "Pope Francis", "King Charles"
                honorific = _honorific(h, toks) or _title_before(h, toks)
                if len(words) == 1 and honorific:
                    words = [honorific, *words]  # "Mrs Hale": told apart from Mr Hale if no first name is given
                name = " ".join(words)
                full_name_form = name
                if description_toks and not appos:
                    full_name_form = _clean_name(_text_of(description_toks + list(toks)))
                forms = [name, full_name_form] + forms[1:]
            affiliation = _affiliation(description_toks) if description_toks else None
            if affiliation is None and kind == "person":
                # "Thomas de Waal of Carnegie Europe"
                for c in h.children:
                    if c.dep_ == "prep" and c.lower_ in ("of", "at", "from") and c.i > h.i:
                        pobj = [g for g in c.children if g.dep_ == "pobj" and _proper(g)]
                        if pobj and not places.is_place(pobj[0].text):
                            affiliation = _the(_clean_name(_text_of(_org_tokens(pobj[0]))))
                            # "Ulrike Franke of the ECFR, a think-tank": the
                            # apposition describes the organisation, not her
                            if appos and appos[0].i > c.i and description_toks and appos[0] in description_toks:
                                description_toks = []
                            break
            if kind == "country":
                description_toks = []  # "Russian-backed Armenia", "Officials in Armenia's capital": never Armenia's description
            description = _text_of(description_toks).strip(" ,") or None if description_toks else None
            if affiliation is None and kind == "organization" and len(toks) > 1:
                # "Russia's Foreign Ministry" -> Russia, "Azerbaijani Defense Ministry" -> Azerbaijan
                affiliation = _affiliation([t for t in toks if t.i != h.i])
                if affiliation and places.normal(affiliation) == places.normal(name):
                    affiliation = None
            sort = next((agents.org_sort(t.text) for t in src_toks if agents.org_sort(t.text)), None)
            return Mention("name", as_written, name, kind, description, affiliation, forms, low, pos=pos,
                           gender=gender, sort=sort if kind == "organization" else None)
        if h.text[:1].isupper() and not _agent_noun(h) and h.text in self.surnames:
            # "Matthews said", the surname tagged as a plural noun
            return Mention("name", as_written, h.text, "person", forms=[h.text], head=low, pos=pos)
        # a common noun: an unnamed role ("an official") or a group
        mods = [
            c for c in h.children
            if c.dep_ in ("compound", "amod", "poss", "nmod", "prep", "npadvmod", "nummod")
            and c.lower_ not in ("both", "each") and c.tag_ != "PRP$"
        ]
        plural = h.tag_ in ("NNS", "NNPS")
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in h.children)
        # "the 28-year-old host", "the long-running presenter": an age or a
        # plain adjective only describes the person named before
        # (a phrase after a relative clause is the clause's: "who presents Stars In Their Eyes")
        relcl = min((c.i for c in h.children if c.dep_ == "relcl"), default=len(h.doc))
        before = [c for c in mods if c.i < h.i]
        only_described = (
            definite and not plural and bool(before) and all(c.i < h.i or c.i > relcl for c in mods)
            and (agents.is_office(low) or agents.describes_a_person(low))
            and all(
                c.dep_ in ("amod", "nummod", "compound") and (agents.is_age(_text_of(list(c.subtree)))
                or c.tag_ in ("JJ", "VBG", "VBN") and c.text.islower() and not agents.is_title(c.text))
                for c in before
            )
        )
        if not mods or not _agent_noun(h) or agents.is_data(low) or only_described:
            # "the chancellor", "the paper", "the 34-year-old"; or no agent at all ("a speech")
            return Mention("generic", as_written, head=low, plural=plural, definite=definite, pos=pos,
                           gender=agents.gender_of_noun(low), sort=agents.org_sort(low))
        name = _clean_name(_RELATIVE_TAIL.sub("", _text_of(np_tokens(h))))
        if low in cues.ORG_NOUNS:
            kind = "organization"
        elif plural or agents.is_group_noun(low):
            kind = "group"
        else:
            kind = "person"
        affiliation = _affiliation(list(np_tokens(h)))
        return Mention("role", as_written, name, kind, None, affiliation, [name], low, plural, definite, pos)

    def _mention_of(self, t, base: int) -> Mention:
        """The mention made by token ``t``'s own phrase (a group member, an author)."""
        toks = _member_tokens(t)
        start = base + toks[0].idx
        end = base + toks[-1].idx + len(toks[-1].text)
        return self.describe_head(t, (start, end), base, self.text[start:end], start, part=True)

    def _document(self, h, base: int, as_written: str, pos: int) -> Mention | None:
        """A book, an e-mail, a report: its author's when the text names one
        ("Mr Peston's book", "Brown's Britain, by Robert Peston", "a new
        book, Brown's Britain by Robert Peston"); otherwise an unnamed source."""
        document = agents.is_document(h.lower_) and h.tag_ in ("NN", "NNS")
        author_tok = _by_author(h)
        if author_tok is not None:
            document = True  # "Brown's Britain, by Robert Peston, says": a work
        elif document:
            # "Mr Peston's book", "a YouGov poll"
            author_tok = next((c for c in h.children if c.dep_ in ("poss", "compound") and _proper(c)), None)
        if not document:
            return None
        if author_tok is None:
            # the author named just after: "a new book, Brown's Britain by … Robert Peston"
            author_tok = _author_after(h)
        written = _clean_name(as_written)
        if author_tok is not None:
            author = self._mention_of(author_tok, base)
            if author.category == "name":
                return Mention("document", as_written, written, "document", head=h.lower_, author=author, pos=pos)
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in h.children)
        described = any(c.dep_ in ("amod", "compound", "nummod", "nmod") for c in h.children)
        return Mention("document", as_written, written, "document", head=h.lower_, definite=definite, pos=pos,
                       plural=h.tag_ == "NNS", description="described" if described else None)

    def _coordination(self, h, base: int, as_written: str, pos: int) -> Mention | None:
        """Named actors said together: "Turkey and Azerbaijan have denied",
        "The EU, the OSCE and Pope Francis", "Five European countries -
        Belgium, Estonia, France, Germany and Britain -": one group whose
        statement each member is reachable from."""
        heads = _coordinated(h)
        if len(heads) < 2:
            return None
        members: list[Mention] = []
        for t in heads:
            m = self._mention_of(t, base)
            if m.category == "generic" and _name_like(t):
                # "Labour and the Liberal Democrats": a capitalised word the
                # model tagged as a common noun, listed with names
                m = Mention("name", m.text, _clean_name(m.text), "organization", forms=[_clean_name(m.text)], pos=m.pos)
            if m.category != "name" or m.kind not in ("person", "organization", "country"):
                return None
            members.append(m)
        if len(members) < 2:
            return None
        if h in heads:
            name = _clean_name(_RELATIVE_TAIL.sub("", as_written))
            noun = None
        else:
            # "Five European countries - Belgium, … and Britain -", "the
            # lawmakers, Representatives A and B": the members name the group
            names = [m.name for m in members]
            name = ", ".join(names[:-1]) + " and " + names[-1]
            noun = h.lower_
        name = name.strip(" -–—,")
        return Mention("group", as_written, name, "group", forms=[name], members=members, pos=pos,
                       sort=f"noun:{noun}" if noun else None)

    def _describe_headline(self, r: RawStatement, as_written: str, pos: int) -> Mention:
        name = _clean_name(as_written)
        low = name.lower()
        if low in GENERIC_HEADLINE_SOURCES or (low.endswith("s") and low[:-1] in cues.PERSON_ROLES):
            return Mention("headline", as_written, name, None, head=low, plural=low.endswith("s"), pos=pos)
        label = None
        h = r.source_head
        if h is not None and _ent_of(h) is not None:
            label = _ent_of(h).label_
        kind = self.kind_of(name, label, None)
        if kind == "person":
            name = self.full_person_name(name)
        return Mention("name", as_written, name, kind, forms=[_clean_name(as_written)], pos=pos)

    # -- the actor table -------------------------------------------------------
    def actor_for(self, m: Mention) -> _Actor:
        """The actor a name, a role or a group mention stands for (made on
        first sight, merged with the forms of the same name)."""
        if m.author is not None:
            return self.actor_for(m.author)  # a document is its author's
        name = m.name
        kind = m.kind or "organization"
        if kind == "country" and name in places.SEATS:
            m.forms.append(name)  # "Moscow said": the government of Russia
            name = places.SEATS[name]
        if kind == "person" and m.category == "name":
            name = self.full_person_name(name, m.gender)
        gender = (m.gender or self.gender_of(name)) if kind == "person" else None
        key = self._find_key(name, kind, gender)
        actor = self.actors.get(key)
        if actor is None:
            actor = _Actor(key, name, kind, pos=m.pos)
            self.actors[key] = actor
            if _article_scoped(m, name, kind):
                actor.scope = "article"
        elif kind == "person" and len(name.split()) > len(actor.name.split()):
            actor.name = name  # "Celik" first, "Omer Celik" later
            actor.scope = "corpus"
        elif len(name) > len(actor.name) and kind != "person":
            actor.name = name
        for f in m.forms:
            actor.add_form(f)
        actor.add_form(name)
        if m.description and not actor.description:
            actor.description = m.description
        if m.affiliation and not actor.affiliation and kind != "country":
            actor.affiliation = m.affiliation  # a country is no one's member ("Armenia's capital" is Armenia)
        if m.sort:
            actor.sorts.add(m.sort)
        if kind == "person" and actor.gender is None:
            actor.gender = gender  # "Mr Hale" tells Peter Hale's
        if m.members and not actor.members:
            actor.members = [self.actor_for(x).key for x in m.members]
        return actor

    def _find_key(self, name: str, kind: str, gender: str | None = None) -> str:
        low = places.normal(name)
        for key, a in self.actors.items():
            if a.kind != kind and not ({a.kind, kind} <= {"organization", "country"}):
                continue
            an = places.normal(a.name)
            if an == low:
                return key
            if kind == "person":
                if gender and a.gender and gender != a.gender:
                    continue  # "Mrs Hale" is not Peter Hale
                aw, lw = agents.fold(an).split(), agents.fold(low).split()
                if aw[-len(lw):] == lw or lw[-len(aw):] == aw:  # "Pashinyan", "Nikol Pashinyan"
                    return key
                if len(lw) == 1 and _same_surname(lw[0], aw[-1]):  # "Celik", "Omer Celika"
                    return key
                continue
            # "Amnesty" / "Amnesty International"; "FIS" / "Foreign Intelligence Service"
            if _prefix(low, an) or _prefix(an, low) or _acronym(name, a.name) or _acronym(a.name, name):
                return key
        return "k:" + low

    def all_org_merge(self) -> None:
        """Give shorter org names the longest form seen (post-hoc)."""
        for a in self.actors.values():
            if a.kind in ("organization",):
                longest = max([a.name] + [f for f in a.forms if _prefix(places.normal(a.name), places.normal(f))], key=len)
                a.name = longest

    def text_mentions(self) -> None:
        """Known actors named anywhere in the text (no model needed), and the
        people tied to a description: the antecedents a later "he said", "it
        said" or "the chancellor said" can point back to."""
        starts = [s.start for s in self.art.sentences]
        owners: dict[str, list[_Actor]] = {}
        for a in list(self.actors.values()):
            if a.kind == "person":
                names = {a.name.split()[-1]}
            elif a.kind in ("organization", "country"):
                names = {a.name, *(f for f in a.forms if len(f) > 2 and "," not in f)}
            else:
                continue
            for n in names:
                owners.setdefault(n, []).append(a)
        if owners:
            # one pass over the text for every name (longest first)
            pattern = "|".join(re.escape(n) for n in sorted(owners, key=len, reverse=True))
            for m in re.finditer(r"(?<![\w-])(?:" + pattern + r")(?![\w-])", self.text):
                for a in owners.get(m.group(0), ()):
                    self._text_mention(starts, m.start(), a.kind, a.key)
        for role in self.named_roles:
            self._text_mention(starts, role.pos, "person", "name:" + role.name)

    def _text_mention(self, starts: list[int], pos: int, kind: str, key: str) -> None:
        if self._in_quote(pos):
            return
        idx = bisect.bisect_right(starts, pos) - 1
        if idx >= 0:
            self.add_mention(idx, pos, kind, key, self._subject_at(idx, pos), False)

    def _subject_at(self, sent_index: int, pos: int) -> bool:
        """Is the name at ``pos`` the subject of its sentence's main verb (or
        the owner of that subject: "Mr Campbell's e-mail suggested")?"""
        s = self.art.sentences[sent_index]
        if s.doc is None or not s.parsed:
            return False
        rel = pos - s.start
        tok = next((t for t in s.doc if t.idx <= rel < t.idx + len(t.text)), None)
        return tok is not None and _main_subject(tok)

    # -- resolution ------------------------------------------------------------
    def add_mention(self, sent_index: int, pos: int, kind: str, key: str, subject: bool, statement: bool) -> None:
        self.mentions.setdefault(sent_index, []).append((pos, kind, key, subject, statement))

    def entity_mentions(self) -> None:
        for s, ent in self.ent_mentions:
            pos = s.start + ent.start_char
            if self._in_quote(pos):
                continue
            name = _clean_name(ent.text)
            label = ent.label_
            if label not in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            kind = self.kind_of(name, label, ent.root)
            if kind == "place":
                continue
            # an unparsed sentence (NER'd for a later "he said"): a name opening it is its subject
            subject = _main_subject(ent.root) if s.parsed else ent.start == 0
            self.add_mention(s.index, pos, kind, "ent:" + str(s.index) + ":" + str(ent.start), subject, False)

    def antecedent(
        self,
        r: RawStatement,
        kinds: set[str],
        gender: str | None,
        *,
        speakers_only: bool = False,
        subjects_only: bool = False,
        lookback: int = LOOKBACK,
    ) -> _Actor | None:
        """The actor a pronoun or a definite description refers back to: in
        the nearest sentence (this one before the source first) that has
        one, the subject of the main verb before a speaker, a speaker before
        other mentions, the latest last.  Never someone the statement itself
        names ("he insisted he still trusted Mr Blair" is not Mr Blair)."""
        idx = r.sentence.index
        pos = r.source[0] if r.source else r.sentence.start
        named_inside = self._named_in_content(r)
        for back, i in enumerate(self._looking_back(idx, lookback)):
            cands = [
                m for m in self.mentions.get(i, [])
                if m[1] in kinds and (back > 0 or m[0] < pos)
                and (m[4] or not speakers_only) and (m[3] or not subjects_only)
            ]
            cands.sort(key=lambda m: (m[3], m[4], m[0]))
            for m in reversed(cands):
                actor = self.hit_actor(m)
                if actor is None or actor.key in named_inside:
                    continue
                if gender is not None and actor.gender is not None and actor.gender != gender:
                    continue
                return actor
        return None

    def _looking_back(self, idx: int, lookback: int) -> list[int]:
        """Sentence ``idx`` and the ``lookback`` before it, in reading order
        backwards.  From a sentence of the body, lines without final
        punctuation (picture captions, subheadings) are passed over: "He
        also claimed …" after a caption block continues the paragraph
        before it, not the caption."""
        sentences = self.art.sentences
        own = sentences[idx]
        out = [idx]
        i = idx - 1
        while i >= 0 and len(out) <= lookback:
            s = sentences[i]
            if not own.headline and self._unpunctuated(s.para) and i > 0:
                i -= 1
                continue
            out.append(i)
            i -= 1
        return out

    def _unpunctuated(self, para: int) -> bool:
        """A line (paragraph) that does not end as a sentence does."""
        if para not in self._para_ends:
            return False
        return not re.search(r"[.!?…:;][\"”’')\]]*$", self._para_ends[para])

    def _named_in_content(self, r: RawStatement) -> set[str]:
        if not r.content:
            return set()
        inside = set()
        for m in self.mentions.get(r.sentence.index, []):
            if r.content[0] <= m[0] < r.content[1] and not m[4]:
                actor = self.hit_actor(m)
                if actor is not None:
                    inside.add(actor.key)
        return inside

    def hit_actor(self, hit) -> _Actor | None:
        key = hit[2]
        if key.startswith("ent:"):
            return self.actor_from_entity(key)
        if key.startswith("name:"):
            return self.actor_for(Mention("name", name=key[5:], kind="person", pos=hit[0]))
        return self.actors.get(key)

    def actor_from_entity(self, key: str) -> _Actor | None:
        _, si, start = key.split(":")
        s = self.art.sentences[int(si)]
        for ent in s.doc.ents:
            if ent.start == int(start):
                h = ent.root
                np = np_tokens(h)
                first, last = min(t.i for t in np), max(t.i for t in np)
                src = (s.start + s.doc[first].idx, s.start + s.doc[last].idx + len(s.doc[last].text))
                m = self.describe_head(h, src, s.start, self.text[src[0] : src[1]], src[0])
                if m.category != "name":
                    return None
                return self.actor_for(m)
        return None

    # -- descriptions ------------------------------------------------------------
    def by_title(self, head: str, words: frozenset[str]) -> _Actor | None:
        """The one person the article ties to the title ``head`` with at
        least ``words`` ("Azerbaijan's president" -> Ilham Aliyev)."""
        names: list[str] = []
        for role in self.named_roles:
            if role.head == head and words <= role.words:
                names.append(self.full_person_name(role.name))
        for a in list(self.actors.values()):
            if a.kind == "person" and a.description and len(a.name.split()) > 1:
                described = description_words(a.description) | description_words(a.affiliation or "")
                if head in a.description.lower().split() and words <= described:
                    names.append(a.name)
        distinct = {agents.fold(n) for n in names}
        if len(distinct) != 1:
            return None
        return self.actor_for(Mention("name", name=names[0], kind="person"))

    def recall_document(self, head: str, pos: int) -> _Actor | None:
        """"the book", "the e-mail": the author of the last such document."""
        for at, noun, key in reversed(self.documents):
            if at < pos and (noun == head or head in ("document", "it")):
                return self.actors.get(key)
        return None

    def recall_org(self, r: RawStatement, sort: str, pos: int) -> _Actor | None:
        """"the paper", "the watchdog": the last organisation named as one."""
        best = None
        for i in range(r.sentence.index, -1, -1):
            for m in self.mentions.get(i, []):
                if m[0] >= pos:
                    continue
                actor = self.hit_actor(m) if not m[2].startswith("ent:") else None
                if actor is not None and sort in actor.sorts and (best is None or m[0] > best[0]):
                    best = (m[0], actor)
            if best:
                return best[1]
        return None

    def resolve_description(self, r: RawStatement, m: Mention) -> _Actor | None:
        """A definite description without a name: a document ("the book"),
        an organisation by its sort ("the paper"), a title ("the
        chancellor") or a person's description ("the 34-year-old")."""
        head = m.head
        if not m.definite or m.plural:
            return None
        if agents.is_document(head):
            return self.recall_document(head, m.pos)
        sort = agents.org_sort(head)
        if sort is not None:
            found = self.recall_org(r, sort, m.pos)
            if found is not None:
                return found
        if head in cues.ORG_NOUNS or sort is not None:
            hit = self.antecedent(r, {"organization"}, None, speakers_only=True)
            return hit if hit is not None and head in agents.fold(hit.name).split() else None
        if agents.is_office(head) or agents.describes_a_person(head) or places.demonym_country(head.capitalize()):
            titled = self.by_title(head, frozenset()) if agents.is_office(head) else None
            if titled is not None:
                return titled
            a = self.antecedent(r, {"person"}, m.gender, subjects_only=True, lookback=2)
            if a is not None and not _other_title(a, head):
                return a
        return None


def _contact_writer(r: RawStatement):
    """The writer in "X e-mailed Y pointing out …, but suggesting …": when a
    participle cue follows the addressee of a verb of writing to or calling
    someone and that addressee is the source (the parser reads "Y pointing"
    as a clause, and often mis-parses the split "e-mailed"), the
    participle's speaker is the verb's subject.  Read by word order, as the
    parse of such sentences is unreliable.  None when the pattern is absent."""
    cue, h = r.cue_token, r.source_head
    if cue is None or h is None or cue.tag_ != "VBG" or h.tag_ not in ("NNP", "NNPS", "NN", "NNS", "PRP"):
        return None
    top = cue  # spaCy makes a new Token on each access: compare indices
    while top.dep_ == "conj" and top.head.i != top.i and top.head.tag_ == "VBG":
        top = top.head
    addressee = np_tokens(h)
    first, last = min(t.i for t in addressee), max(t.i for t in addressee)
    doc = h.doc
    while first < h.i and (doc[first].tag_.startswith("VB") or doc[first].text == "-"):
        first += 1  # the parser may hang "mailed" on the addressee
    if first == 0 or last + 1 != top.i or not agents.is_contact_verb(doc[first - 1].text):
        return None
    verb = first - 1
    while verb >= 2 and doc[verb - 1].text == "-" and not doc[verb - 2].whitespace_:
        verb -= 2  # "e-mailed" is three tokens
    for k in range(verb - 1, -1, -1):
        t = doc[k]
        if t.text in ",;:" or t.tag_ in ("VBD", "VBZ", "VBP") and t.dep_ != "nsubj":
            break  # the clause ends
        if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNP", "NNPS", "NN", "NNS", "PRP"):
            return t
    return None


def refers_back(raw: RawStatement) -> bool:
    """A source that is a definite description of a person ("the
    34-year-old said", "the chancellor insisted"): like a pronoun, the
    sentence before may name who it is, so the pipeline runs the NER there."""
    h = raw.source_head
    if h is None or h.text[:1].isupper() and h.i > 0 and places.demonym_country(h.text) is None:
        return False  # a name; but "the American" describes
    low = h.lower_
    phrase = h.doc[min(t.i for t in h.subtree) : h.i + 1].text.lower()
    if agents.is_age(phrase):
        low = phrase.split()[-1]
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in h.children)
    return definite and (agents.is_office(low) or agents.describes_a_person(low) or places.demonym_country(h.text) is not None)


def _main_subject(tok) -> bool:
    """A token of the subject of its sentence's main verb, or of its owner."""
    while tok.dep_ in ("compound", "flat", "amod") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "poss":
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") and (tok.head.dep_ == "ROOT" or tok.head.head is tok.head)


def _article_scoped(m: Mention, name: str, kind: str) -> bool:
    """Roles, generic groups and a surname alone name no one across the
    corpus: they stay with their article."""
    if m.category in ("role", "generic", "headline"):
        return True
    if kind == "group" and not m.members and m.category != "name":
        return True
    return kind == "person" and len(_strip_titles(name.split())) == 1 and not agents.is_name_title(name.split()[0])


def _same_surname(a: str, b: str) -> bool:
    """One surname written two ways in one article: "Celik"/"Celika", "Pashinyan"/"Pashinian"."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[:3] != b[:3]:
        return False
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b) <= 1


def _other_title(a: _Actor, head: str) -> bool:
    """The person holds another office ("Health Secretary John Reid" is not "the prime minister")."""
    if not a.description:
        return False
    offices = {w for w in a.description.lower().split() if agents.is_office(w)}
    return bool(offices) and head not in offices


def _prefix(short: str, long: str) -> bool:
    sw, lw = short.split(), long.split()
    return 0 < len(sw) < len(lw) and lw[: len(sw)] == sw and len(sw[0]) >= 4


def _acronym(short: str, long: str) -> bool:
    if not short.isupper() or len(short) < 2 or " " in short:
        return False
    initials = "".join(w[0] for w in long.split() if w[:1].isupper())
    return initials == short


_PRONOUN_KINDS = {
    "person": {"person"},
    "thing": {"organization", "country", "document"},
    "plural": {"group", "organization", "country"},
}


def build(art: Article) -> Analysis:
    res = Resolver(art)
    raws: list[RawStatement] = art.raw
    described = [res.describe(r) for r in raws]
    res.entity_mentions()

    resolved: list[_Actor | None] = [None] * len(raws)
    # 0. every name first, so that a role can be matched to a name given later
    for m in described:
        if m.category == "name" or m.author is not None or m.members:
            res.actor_for(m)
    res.text_mentions()
    # 1. names, groups and roles make actors; pronouns and descriptions look back
    for i, (r, m) in enumerate(zip(raws, described)):
        actor = None
        if m.category in ("name", "group"):
            actor = res.actor_for(m)
        elif m.category == "document":
            if m.author is not None:
                actor = res.actor_for(m)
            else:
                actor = res.resolve_description(r, m)
                if actor is None and m.description and not m.definite:
                    # "a new survey shows": a source of its own, in this article
                    actor = res.actor_for(Mention("role", m.text, m.name, "document", forms=[m.name], head=m.head, pos=m.pos))
            if actor is not None:
                res.documents.append((m.pos, m.head, actor.key))
        elif m.category == "role":
            actor = (
                _match_role(res, m) or _named_group(res, m) or _role_back(res, r, m) or _leaders_government(res, m)
                or res.actor_for(m)
            )
        elif m.category == "pronoun":
            want = _PRONOUN_KINDS.get(cues.PRONOUNS.get(m.head, ""), set())
            if want:
                actor = res.antecedent(r, want, cues.GENDER.get(m.head))
                if actor is None and "document" in want:
                    actor = res.recall_document("it", m.pos)
        elif m.category == "generic":
            actor = res.resolve_description(r, m)
        resolved[i] = actor
        if actor is not None and r.source:
            kind = "document" if m.category == "document" else actor.kind
            subject = r.source_head is not None and _main_subject(r.source_head)
            res.add_mention(r.sentence.index, r.source[0], kind, actor.key, subject, True)
    # 2. headline sources: a known name, or the speaker of the paragraph below
    for i, (r, m) in enumerate(zip(raws, described)):
        if m.category != "headline":
            continue
        resolved[i] = _headline_speaker(res, raws, resolved, i, m)
    # 3. run-on quotations keep their speaker
    for i, r in enumerate(raws):
        if r.via == "runon" and r.inherit is not None:
            j = raws.index(r.inherit)
            resolved[i] = resolved[j]
            described[i] = described[j]
    res.all_org_merge()
    for actor in res.actors.values():
        _surname_as_written(actor, art.text)
    return _analysis(art, raws, resolved, res)


def _surname_as_written(actor: _Actor, text: str) -> None:
    """One surname written two ways ("Omer Celika" once, "Celik said"
    later): the actor is named with the spelling the article writes more
    often, the surname written alone on a tie (a full name is written once,
    so a slip in it is not repeated), so that other articles, which write
    it right, name the same actor.  The other spelling stays a form."""
    words = actor.name.split()
    if actor.kind != "person" or len(words) < 2:
        return
    surname = words[-1]
    variants = {f for f in actor.forms if " " not in f and f != surname and _same_surname(agents.fold(f), agents.fold(surname))}
    if len(variants) != 1:
        return
    variant = variants.pop()

    def written(word: str) -> int:
        return len(re.findall(rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])", text))

    if written(variant) >= written(surname):
        actor.add_form(actor.name)
        actor.name = " ".join([*words[:-1], variant])


def _analysis(art: Article, raws: list[RawStatement], resolved: list[_Actor | None], res: Resolver) -> Analysis:
    statements: list[Statement] = []
    used: dict[str, _Actor] = {}
    for r, a in zip(raws, resolved):
        source = Span(*r.source) if r.source else None
        if a is not None:
            actor_id = slugify(a.name)
            speaker = a.name
            used[a.key] = a
            for key in a.members:
                used.setdefault(key, res.actors[key])
        else:
            actor_id = None
            if r.via == "runon" and r.inherit is not None:
                base = r.inherit
                while base.via == "runon" and base.inherit is not None:
                    base = base.inherit
                speaker = art.text[base.source[0] : base.source[1]] if base.source else ""
            else:
                named = r.speaker or r.source
                speaker = art.text[named[0] : named[1]] if named else ""
        statements.append(
            Statement(
                actor=actor_id,
                speaker=speaker,
                source=source,
                cue=Span(*r.cue) if r.cue else None,
                content=Span(*r.content) if r.content else None,
                sentence=r.sentence.span(),
                kind=r.kind,
                quote=r.quote,
            )
        )
    actors: list[Actor] = []
    seen: set[str] = set()
    for a in sorted(used.values(), key=lambda a: a.pos):
        aid = slugify(a.name)
        if aid in seen:
            continue
        seen.add(aid)
        actors.append(
            Actor(
                id=aid,
                name=a.name,
                kind=a.kind if a.kind in ACTOR_KINDS else "organization",
                aliases=[f for f in a.forms if f != a.name],
                description=a.description,
                affiliation=a.affiliation,
                scope=a.scope,
                members=[slugify(res.actors[k].name) for k in a.members],
            )
        )
    return Analysis(actors=actors, statements=statements, glossary=[], version=ANALYSIS_VERSION)


def _norm_words(text: str) -> set[str]:
    out = set()
    for w in re.findall(r"[\w\-]+(?:[’'][st])?", text):
        w = re.sub(r"[’']s$", "", w)
        w = places.demonym_country(w) or w
        out.update(w.lower().split())
    return out


def _match_role(res: Resolver, m: Mention) -> _Actor | None:
    """"the Kremlin spokesman", "Azerbaijan's president" -> the named person
    described that way in the same article (before or after)."""
    if m.plural or not (m.definite or "’s " in m.name or "'s " in m.name):
        return None
    words = _norm_words(m.name) - {m.head}
    if m.head in cues.ORG_NOUNS:
        # "the defence ministry" -> "Azerbaijan's defence ministry" named before
        before = [
            a for a in res.actors.values()
            if a.kind == "organization" and a.pos < m.pos and (words | {m.head}) <= _norm_words(a.name)
        ]
        if before:
            return max(before, key=lambda a: a.pos)
        return _national_body(res, m)
    return res.by_title(m.head, frozenset(agents.fold(w) for w in words) - {"the", "a", "an"})


def _role_back(res: Resolver, r: RawStatement, m: Mention) -> _Actor | None:
    """"Michael Howard has denied … The Tory leader said …": a definite
    title the article ties to no name is the person who spoke just before,
    when nothing in the title contradicts them (another office, another
    country)."""
    if m.plural or not m.definite or not agents.is_office(m.head):
        return None
    a = res.antecedent(r, {"person"}, m.gender, speakers_only=True, subjects_only=True, lookback=1)
    if a is None or _other_title(a, m.head):
        return None
    countries = {places.demonym_country(w) or w for w in m.name.replace("’s", "").replace("'s", "").split() if places.is_country(places.demonym_country(w) or w)}
    if countries and not (a.affiliation and places.normal(a.affiliation) in {places.normal(c) for c in countries}):
        return None  # "the French president" is not whoever spoke last
    return a


def _leaders_government(res: Resolver, m: Mention) -> _Actor | None:
    """"Erdogan's government denies": the government of the country its
    leader is tied to in the article (Turkey), as "Ankara denies" is."""
    if m.head not in ("government", "administration", "cabinet"):
        return None
    owner = re.match(r"^(.+?)(?:’s|'s)\s", m.name)
    if owner is None:
        return None
    surname = agents.fold(owner.group(1).split()[-1])
    leaders = [
        a for a in res.actors.values()
        if a.kind == "person" and agents.fold(a.name.split()[-1]) == surname and a.affiliation and places.is_country(a.affiliation)
    ]
    if len({places.normal(a.affiliation or "") for a in leaders}) != 1:
        return None
    return res.actor_for(Mention("name", m.text, leaders[0].affiliation or "", "country", forms=[m.name], pos=m.pos))


def _named_group(res: Resolver, m: Mention) -> _Actor | None:
    """"Two senior lawmakers said …" in an article that names them later
    ("said the lawmakers, Representatives A and B"): that group."""
    if not m.plural:
        return None
    found = [a for a in res.actors.values() if a.kind == "group" and f"noun:{m.head}" in a.sorts]
    return found[0] if len(found) == 1 else None


def _national_body(res: Resolver, m: Mention) -> _Actor | None:
    """"But Baku claimed further advances, with the defence ministry
    asserting …": a ministry named without its country, in a sentence where
    a country speaks first, is that country's."""
    if not m.definite or m.affiliation or not agents.is_national_body(m.head):
        return None
    country = None
    for pos, kind, key, _, statement in sorted(res.mentions.get(_sentence_at(res, m.pos), [])):
        if pos < m.pos and statement and kind == "country":
            country = res.actors.get(key)
    if country is None:
        return None
    name = f"{country.name}’s {m.name}"
    return res.actor_for(Mention("name", m.text, name, "organization", affiliation=country.name, forms=[m.name], pos=m.pos))


def _sentence_at(res: Resolver, pos: int) -> int:
    return bisect.bisect_right([s.start for s in res.art.sentences], pos) - 1


def _headline_speaker(res: Resolver, raws, resolved, i: int, m: Mention) -> _Actor | None:
    r = raws[i]
    if m.category == "name":
        return res.actor_for(m)
    if m.head in cues.DATA_NOUNS:
        return None  # "…: poll" names a document, not the first person quoted below
    # a role ("Official"): the first speaker in the lines below, before the next headline
    for j in range(i + 1, len(raws)):
        o = raws[j]
        if o.sentence.headline:
            break
        if o.sentence.index - r.sentence.index > 3:
            break
        a = resolved[j]
        if a is None:
            continue
        if m.plural or a.kind == "person":
            return a
        break
    return None
