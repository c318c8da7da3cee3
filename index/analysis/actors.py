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
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..models import Actor, Analysis, Span, Statement
from . import cues, places
from .quotes import quotes_between
from .syntax import np_tokens
from .types import Article, RawStatement
from .version import ANALYSIS_VERSION

#: How many sentences the resolver looks back for a pronoun's antecedent.
LOOKBACK = 4

# --------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------

#: Title words that stand before a name but are not part of it.
TITLE_WORDS = frozenset(
    """prime minister president vice deputy foreign defence defense interior home
    secretary general chief spokesman spokeswoman spokesperson leader head director
    ambassador envoy senator governor mayor chancellor commander colonel captain
    lieutenant sergeant major admiral judge justice king queen prince princess pope
    ombudsman chairman chairwoman chair executive officer shadow state minister-
    opposition former acting incoming outgoing interim senior junior assistant acting
    lawyer attorney analyst expert economist professor doctor dr mr mrs ms miss sir
    lady lord dame rev reverend father sheikh ayatollah president-elect premier
    mp mep coach manager boss founder owner campaigner activist author""".split()
)
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


def slugify(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.lower().replace("’", "").replace("'", "")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "unknown"


def _clean_name(name: str) -> str:
    name = name.strip().strip(",.;:")
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


class Resolver:
    def __init__(self, art: Article):
        self.art = art
        self.text = art.text
        self.actors: dict[str, _Actor] = {}
        self.person_names: list[str] = []  # full names seen as PERSON entities
        self._quotes_at = quotes_between(art.quotes)
        self.surnames: set[str] = set()
        self.gender: dict[str, str] = {}
        for m in _HONORIFIC_RE.finditer(art.text):
            g = cues.HONORIFICS.get(m.group(1).lower())
            self.surnames.add(m.group(2))
            if g:
                self.gender.setdefault(m.group(2), g)
        self.mentions: dict[int, list[tuple[int, str, str, bool, bool]]] = {}  # sent -> (pos, kind, key, subject, statement)
        self._collect_entities()

    # -- entities in NER'd sentences ------------------------------------------
    def _in_quote(self, pos: int) -> bool:
        # only quotes around ``pos`` can hold it (looked up by bisection: linear overall)
        return any(q.inner_start <= pos < q.inner_end for q in self._quotes_at(pos, pos + 1))

    def _collect_entities(self) -> None:
        self.ent_mentions: list[tuple[Any, Any]] = []
        for s in self.art.sentences:
            if not s.ner or s.doc is None:
                continue
            for ent in s.doc.ents:
                name = _clean_name(ent.text)
                if ent.label_ == "PERSON":  # listed places are GPE/LOC here (ruler.py)
                    words = _strip_titles(name.split())
                    if len(words) >= 2:
                        self.person_names.append(" ".join(words))
                    self.surnames.add(words[-1])
                self.ent_mentions.append((s, ent))

    # -- naming ---------------------------------------------------------------
    def full_person_name(self, name: str) -> str:
        words = _strip_titles(name.split())
        given = [w for w in words[:-1] if w[:1].isupper()]
        if given:
            return " ".join(words)
        surname = " ".join(words) if words else name  # "Pashinyan", "de Waal"
        for full in self.person_names:
            if full.endswith(" " + surname) and len(full.split()) <= 4:
                return full
        # a first name standing before the surname somewhere in the text
        pattern = re.compile(r"((?:[A-Z][a-z’'\-]+ |[A-Z]\. ){1,2})" + re.escape(surname) + r"\b")
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
                return " ".join(keep + [surname])
        return surname

    def kind_of(self, name: str, label: str | None, h) -> str:
        words = name.split()
        if places.is_country(name) or (places.demonym_country(name) and label != "PERSON" and len(words) == 1 and False):
            return "country"
        if places.is_other_place(name):
            return "place"
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
        if label == "PERSON":
            return "organization" if low_last in cues.ORG_NAME_WORDS else "person"
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
        if label in ("LOC", "FAC"):
            return "place"
        if label == "ORG":
            return "organization"
        if h is not None and any(
            c.dep_ == "compound" and c.lower_ in cues.PERSON_ROLES for c in h.children
        ):
            return "person"
        return "organization"

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
        return self.describe_head(r.source_head, src, r.sentence.start, as_written, pos)

    def describe_head(self, h, src: tuple[int, int], base: int, as_written: str, pos: int) -> Mention:
        """What kind of mention the phrase ``src`` headed by token ``h`` is."""
        low = h.lower_
        phrase = _clean_name(as_written)
        pl = phrase.lower()
        if pl in cues.GROUP_PHRASES or as_written.lower() in cues.GROUP_PHRASES or low in ("each", "both") or (
            cues.BOTH_SIDES_RE.match(as_written.lower())
        ):
            name = cues.GROUP_PHRASES.get(pl) or cues.GROUP_PHRASES.get(as_written.lower()) or "Both sides"
            return Mention("group", as_written, name, "group", pos=pos)
        if h.tag_ == "PRP" or low in cues.PRONOUNS:
            return Mention("pronoun", as_written, head=low, pos=pos)
        conj = [c for c in h.children if c.dep_ == "conj"]
        appos = [c for c in h.children if c.dep_ == "appos"]
        src_toks = [t for t in h.doc if src[0] <= base + t.idx < src[1]]
        toks, label = _name_tokens(h)
        description_toks = None
        is_title = label != "PERSON" and h.lower_ in TITLE_WORDS | cues.PERSON_ROLES
        if not appos and (toks is None or is_title):
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
        if conj and toks is not None and h.tag_ in ("NNP", "NNPS") and len(conj) >= 1:
            name = _clean_name(_text_of(np_tokens(h)))
            return Mention("group", as_written, name, "group", forms=[name], pos=pos)
        if toks is not None:
            name = _clean_name(_text_of(toks))
            kind = self.kind_of(name, label, h)
            if is_title and description_toks is not None and kind == "organization" and (
                name.split()[-1].lower() not in cues.ORG_NAME_WORDS
            ):
                kind = "person"  # a title with the name in apposition
            if kind == "place":
                return Mention("generic", as_written, head=low, pos=pos)
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
            forms = [name]
            if "," not in as_written and len(as_written.split()) <= 5:
                forms.append(_clean_name(as_written))
            if kind == "person":
                words = _strip_titles(name.split())
                name = " ".join(words)
                full_name_form = name
                if description_toks and not appos:
                    full_name_form = _text_of(description_toks + list(toks))
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
            description = _text_of(description_toks).strip(" ,") or None if description_toks else None
            if affiliation is None and kind == "organization" and len(toks) > 1:
                # "Russia's Foreign Ministry" -> Russia, "Azerbaijani Defense Ministry" -> Azerbaijan
                affiliation = _affiliation([t for t in toks if t.i != h.i])
                if affiliation and places.normal(affiliation) == places.normal(name):
                    affiliation = None
            return Mention("name", as_written, name, kind, description, affiliation, forms, low, pos=pos)
        # a common noun: an unnamed role ("an official") or a group
        mods = [
            c for c in h.children
            if c.dep_ in ("compound", "amod", "poss", "nmod", "prep", "npadvmod", "nummod")
            and c.lower_ not in ("both", "each") and c.tag_ != "PRP$"
        ]
        plural = h.tag_ in ("NNS", "NNPS")
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in h.children)
        if not mods:
            return Mention("generic", as_written, head=low, plural=plural, definite=definite, pos=pos)
        name = _clean_name(_RELATIVE_TAIL.sub("", _text_of(np_tokens(h))))
        if low in cues.ORG_NOUNS:
            kind = "organization"
        elif plural:
            kind = "group"
        else:
            kind = "person"
        affiliation = _affiliation(list(np_tokens(h)))
        return Mention("role", as_written, name, kind, None, affiliation, [name], low, plural, definite, pos)

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
        name = m.name
        kind = m.kind or "organization"
        if kind == "country" and name in places.SEATS:
            m.forms.append(name)  # "Moscow said": the government of Russia
            name = places.SEATS[name]
        if kind == "person" and m.category == "name":
            name = self.full_person_name(name)
        key = self._find_key(name, kind)
        actor = self.actors.get(key)
        if actor is None:
            actor = _Actor(key, name, kind, pos=m.pos)
            self.actors[key] = actor
        elif len(name) > len(actor.name) and kind != "person":
            actor.name = name
        for f in m.forms:
            actor.add_form(f)
        actor.add_form(name)
        if m.description and not actor.description:
            actor.description = m.description
        if m.affiliation and not actor.affiliation:
            actor.affiliation = m.affiliation
        if kind == "person" and actor.gender is None:
            actor.gender = self.gender.get(name.split()[-1])
        return actor

    def _find_key(self, name: str, kind: str) -> str:
        low = places.normal(name)
        for key, a in self.actors.items():
            if a.kind != kind and not ({a.kind, kind} <= {"organization", "country"}):
                continue
            an = places.normal(a.name)
            if an == low:
                return key
            if kind == "person":
                aw, lw = an.split(), low.split()
                if aw[-len(lw):] == lw or lw[-len(aw):] == aw:  # "Pashinyan", "Nikol Pashinyan"
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
        """Known actors named anywhere in the text (no model needed): the
        antecedents a later "he said" or "it said" can point back to."""
        starts = [s.start for s in self.art.sentences]
        for a in list(self.actors.values()):
            if a.kind == "person":
                names = {a.name.split()[-1]}
            elif a.kind in ("organization", "country"):
                names = {a.name, *(f for f in a.forms if len(f) > 2 and "," not in f)}
            else:
                continue
            for n in names:
                for m in re.finditer(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])", self.text):
                    pos = m.start()
                    if self._in_quote(pos):
                        continue
                    idx = bisect.bisect_right(starts, pos) - 1
                    if idx >= 0:
                        self.add_mention(idx, pos, a.kind, a.key, False, False)

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
            subject = ent.root.dep_ in ("nsubj", "nsubjpass")
            self.add_mention(s.index, pos, kind, "ent:" + str(s.index) + ":" + str(ent.start), subject, False)

    def antecedent(self, r: RawStatement, kinds: set[str], gender: str | None, speakers_only: bool = False):
        idx = r.sentence.index
        pos = r.source[0] if r.source else r.sentence.start
        for back in range(0, LOOKBACK + 1):
            i = idx - back
            if i < 0:
                break
            cands = [
                m for m in self.mentions.get(i, [])
                if m[1] in kinds and (back > 0 or m[0] < pos) and self._gender_ok(m, gender)
                and (m[4] or not speakers_only)
            ]
            if not cands:
                continue
            cands.sort(key=lambda m: (m[4], m[3], m[0]))
            return cands[-1]
        return None

    def _gender_ok(self, m, gender: str | None) -> bool:
        if gender is None:
            return True
        key = m[2]
        a = self.actors.get(key)
        if a is not None and a.gender is not None:
            return a.gender == gender
        return True

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
    "thing": {"organization", "country"},
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
        if m.category == "name":
            res.actor_for(m)
    res.text_mentions()
    # 1. names, groups and roles make actors; pronouns and bare nouns look back
    for i, (r, m) in enumerate(zip(raws, described)):
        actor = None
        if m.category in ("name", "group"):
            actor = res.actor_for(m)
        elif m.category == "role":
            actor = _match_role(res, m) or res.actor_for(m)
        elif m.category == "pronoun":
            want = _PRONOUN_KINDS.get(cues.PRONOUNS.get(m.head, ""), set())
            hit = res.antecedent(r, want, cues.GENDER.get(m.head)) if want else None
            actor = _hit_actor(res, hit)
        elif m.category == "generic" and m.definite and not m.plural:
            want = {"organization"} if m.head in cues.ORG_NOUNS else {"person"}
            hit = res.antecedent(r, want, None, speakers_only=True)
            a = _hit_actor(res, hit)
            if a is not None and (a.kind != "person" or _describes(a, m.head)):
                actor = a
        resolved[i] = actor
        if actor is not None and r.source:
            res.add_mention(r.sentence.index, r.source[0], actor.kind, actor.key, True, True)
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

    statements: list[Statement] = []
    used: dict[str, _Actor] = {}
    for r, m, a in zip(raws, described, resolved):
        source = Span(*r.source) if r.source else None
        if a is not None:
            actor_id = slugify(a.name)
            speaker = a.name
            used[a.key] = a
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
                kind=a.kind if a.kind in ("person", "organization", "country", "group") else "organization",
                aliases=[f for f in a.forms if f != a.name],
                description=a.description,
                affiliation=a.affiliation,
            )
        )
    return Analysis(actors=actors, statements=statements, glossary=[], version=ANALYSIS_VERSION)


def _describes(a: _Actor, noun: str) -> bool:
    return bool(a.description) and noun in a.description.lower().split()


def _hit_actor(res: Resolver, hit) -> _Actor | None:
    if hit is None:
        return None
    key = hit[2]
    if key.startswith("ent:"):
        return res.actor_from_entity(key)
    return res.actors.get(key)


def _norm_words(text: str) -> set[str]:
    out = set()
    for w in re.findall(r"[\w\-]+(?:[’'][st])?", text):
        w = re.sub(r"[’']s$", "", w)
        w = places.demonym_country(w) or w
        out.update(w.lower().split())
    return out


def _match_role(res: Resolver, m: Mention) -> _Actor | None:
    """"the Kremlin spokesman", "Azerbaijan's president" -> the named person
    described that way in the same article."""
    if m.plural or not (m.definite or "’s " in m.name or "'s " in m.name):
        return None
    words = _norm_words(m.name) - {m.head}
    hits = []
    if m.head in cues.ORG_NOUNS:
        # "the defence ministry" -> "Azerbaijan's defence ministry" named before
        before = [
            a for a in res.actors.values()
            if a.kind == "organization" and a.pos < m.pos and (words | {m.head}) <= _norm_words(a.name)
        ]
        return max(before, key=lambda a: a.pos) if before else None
    for a in res.actors.values():
        if a.kind == "person" and a.description and m.head in a.description.lower().split():
            if words <= _norm_words(a.description) | _norm_words(a.affiliation or ""):
                hits.append(a)
    return hits[0] if len(hits) == 1 else None


def _headline_speaker(res: Resolver, raws, resolved, i: int, m: Mention) -> _Actor | None:
    r = raws[i]
    if m.category == "name":
        return res.actor_for(m)
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
