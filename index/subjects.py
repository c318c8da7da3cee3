"""What a statement is about, in a form two statements can be compared in.

Each statement becomes a :class:`Subject`: the words of its claim (content
and, for "denied this", what it points at) as the index's terms, the
parties it names (countries by name, adjective or capital, and glossary
entries linked in the text), who speaks (the actor, the countries its name
or its glossary entry stand for), and whether it denies.  ``index.related``
pairs subjects; the words that decide "denies" and "both sides" are data
(``related_words.toml``), the place names are the analysis's own lists.

Parties come only from glossary links the article really has: an entry
scoped to one story (``index.glossary``) is not linked outside it, so the
same notion of topic keeps a business story's "Russia" from sharing a party
with the war's.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from itertools import islice
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .analysis.places import COUNTRIES, DEMONYMS, SEATS
from .claim_text import ClaimText
from .models import Actor, Article, GlossaryEntry, GlossaryLink, Span, Statement
from .related_words import claim_terms, related_words

DENIAL = "denial"
ACCUSATION = "accusation"


@dataclass(slots=True)
class Subject:
    """One statement's subject, stored with its article's links so an old
    statement is compared without reading its article again."""

    terms: frozenset[str]  # index terms of the claim (the `claim` field's)
    parties: frozenset[str]  # parties the claim names (country or entry ids)
    speaker: frozenset[str]  # who speaks: actor id, countries, entries
    accused: frozenset[str] = frozenset()  # the parties it is about: named first ("Turkey of sending …")
    denial: bool = False  # denies or rejects what it is about
    rejects: bool = False  # a rejection ("dismissed", "a lie") rather than a denial
    accusation: bool = False
    reciprocal: bool = False  # both parties speak, of each other
    refers: int | None = None  # the statement it points at (same article)
    copy: str = ""  # the sentence, normalised and hashed: copies share it
    kind: str = "claim"
    actor: str = ""
    lead: int | None = None  # a quotation running on from this statement (no cue of its own)
    pointer: bool = False  # its content pointed elsewhere ("denied this") and was filled in
    summary: bool = False  # a headline's "…: Amnesty": it repeats a statement of the body

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"t": sorted(self.terms), "p": sorted(self.parties), "s": sorted(self.speaker), "c": self.copy, "k": self.kind}
        if self.accused:
            data["acc"] = sorted(self.accused)
        flags = "".join(
            f for f, on in (("d", self.denial), ("r", self.rejects), ("a", self.accusation), ("x", self.reciprocal), ("h", self.summary), ("p", self.pointer)) if on
        )
        if flags:
            data["f"] = flags
        if self.refers is not None:
            data["ref"] = self.refers
        if self.lead is not None:
            data["lead"] = self.lead
        if self.actor:
            data["actor"] = self.actor
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Subject:
        flags = str(data.get("f", ""))
        return cls(
            terms=frozenset(data.get("t") or ()),
            parties=frozenset(data.get("p") or ()),
            speaker=frozenset(data.get("s") or ()),
            denial="d" in flags,
            rejects="r" in flags,
            accusation="a" in flags,
            reciprocal="x" in flags,
            refers=data.get("ref"),
            copy=str(data.get("c", "")),
            kind=str(data.get("k", "claim")),
            actor=str(data.get("actor", "")),
            accused=frozenset(data.get("acc") or ()),
            lead=data.get("lead"),
            summary="h" in flags,
            pointer="p" in flags,
        )


# -- parties named in a text ---------------------------------------------------


@lru_cache(maxsize=1)
def _place_names() -> tuple[dict[str, str], dict[str, int]]:
    """Every country, capital and demonym as written (with capitals), what
    each stands for (lower-cased), and for each first word of a name the
    longest name it starts, in words."""
    names: dict[str, str] = {}
    for country in COUNTRIES:
        names[country] = country.lower()
    for seat, country in SEATS.items():
        names.setdefault(seat, country.lower())
    for adjective, country in DEMONYMS.items():
        names.setdefault(adjective, country.lower())
        if not adjective.endswith("s") and adjective.isalpha() and len(adjective) > 3:
            names.setdefault(adjective + "s", country.lower())  # "Armenians"
    starts: dict[str, int] = {}
    for name in names:
        first, size = name.split()[0], len(name.split())
        for form in {first, first + "'s", first + "’s", first + "'", first + ".", first.rstrip(".")}:
            starts[form] = max(starts.get(form, 0), size)
    return names, starts


_NAME_WORD = re.compile(r"\w[\w.'’-]*", re.UNICODE)
_CAPITALISED = re.compile(r"(?<![\w.'’-])[A-Z][\w.'’-]*")


def _place_matches(words: str) -> list[tuple[int, int, str]]:
    """(start, end, country) for each place named, longest name first.  A
    name starts with a capital; "Azerbaijan's" and "Turkey." are found."""
    names, starts = _place_names()
    found: list[tuple[int, int, str]] = []
    taken = 0
    for capital in _CAPITALISED.finditer(words):
        if capital.start() < taken:
            continue
        word = capital.group()
        longest = starts.get(word, 0)
        if not longest and "-" in word:  # "Israeli-made", "Turkish-backed"
            first = word.split("-", 1)[0]
            country = names.get(first)
            if country is not None:
                found.append((capital.start(), capital.start() + len(first), country))
            continue
        if not longest:
            continue
        tokens = [(m.start(), m.end(), m.group()) for m in islice(_NAME_WORD.finditer(words, capital.start()), longest)]
        for size in range(len(tokens), 0, -1):
            phrase = " ".join(t[2] for t in tokens[:size])
            country = names.get(phrase) or names.get(phrase.rstrip(".")) or names.get(_without_possessive(phrase))
            if country is not None:
                found.append((tokens[0][0], tokens[size - 1][1], country))
                taken = tokens[size - 1][1]
                break
    return found


def _without_possessive(phrase: str) -> str:
    for ending in ("'s", "’s", "'", "’"):
        if phrase.endswith(ending):
            return phrase[: -len(ending)]
    return phrase


def places_in(words: str) -> set[str]:
    """Countries a text names by name, capital or adjective ("Turkish", "Baku")."""
    return {country for _, _, country in _place_matches(words)}


# joins parties named together: "Turkey and Azerbaijan", "Turkey, Azerbaijan and Iran"
_TOGETHER = re.compile(r"^(?:\s*(?:,|and|or|&)\s*)+$")
_POSSESSIVE = re.compile(r"^['’]s?\b")


def speaker_parties(words: str) -> set[str]:
    """The states a speaker speaks for: the first country or capital its
    name gives ("Armenia's ambassador to Russia" is Armenia), or a
    nationality before an official ("Turkish officials", not "Syrian rebel
    sources" or "Russian-backed Armenia"), with those named together with it."""
    official = related_words().official
    kept = []
    for start, end, country in _place_matches(words):
        written = words[start:end]
        after = words[end : end + 1]
        if after == "-":
            continue  # "Russian-backed"
        if _demonym(written):
            following = _NAME_WORD.search(words, end)
            if following is None or following.group().lower() not in official:
                continue
        kept.append((start, end, {country}))
    return _together(words, kept)


def _demonym(written: str) -> bool:
    names, _ = _place_names()
    return written in DEMONYMS or (written.endswith("s") and written[:-1] in DEMONYMS)


def first_parties(words: str, links: Sequence[tuple[int, int, set[str]]] = ()) -> set[str]:
    """The parties a claim is about: the first named, with those named
    together with it ("Turkey and Azerbaijan have…", "Turkey of sending…").
    ``links`` are glossary links inside ``words`` as (start, end, parties)."""
    found = [(start, end, {country}) for start, end, country in _place_matches(words)]
    return _together(words, found + list(links))


def _together(words: str, found: list[tuple[int, int, set[str]]]) -> set[str]:
    """The first of ``found`` and those named together with it ("Turkey and
    Azerbaijan"; not the apposition in "Turkey, Azerbaijan's main ally")."""
    if not found:
        return set()
    found = sorted(found, key=lambda f: (f[0], -f[1]))
    first = found[0]
    out = set(first[2])
    end = first[1]
    for start, stop, parties in found[1:]:
        if start < end:
            out |= parties  # the same words ("Erdogan" inside "Erdogan's government")
            continue
        gap = words[end:start]
        possessive = words[start:stop].endswith(("'s", "’s")) or _POSSESSIVE.match(words[stop:])
        if not _TOGETHER.match(gap) or ("and" not in gap and "or" not in gap and possessive):
            break
        out |= parties
        end = stop
    return out


def place_words(words: str) -> str:
    """The countries a text names, spelled as names: added to the indexed
    claim so "Turkish officials" and "Turkey" share a term."""
    found = sorted(places_in(words))
    return " ".join(found)


def indexed_claim(words: str) -> str:
    """What the index holds of a claim (the `claim` field), already
    analysed: its words and the countries they name, as terms."""
    return " ".join(claim_terms_of(words))


_TERMS: OrderedDict[str, tuple[str, ...]] = OrderedDict()


def claim_terms_of(words: str) -> tuple[str, ...]:
    """The terms of a claim's words and of the countries they name, spelled
    as names ("Turkish officials" and "Turkey" share ``turkei``); kept for
    the links step, which asks again for the same claims."""
    found = _TERMS.get(words)
    if found is None:
        extra = place_words(words)
        found = _TERMS[words] = tuple(claim_terms(f"{words} {extra}" if extra else words))
        if len(_TERMS) > 100_000:
            _TERMS.popitem(last=False)
    return found


def entries_in(links: Sequence[GlossaryLink], spans: Sequence[Span | None]) -> set[str]:
    """Glossary entries linked inside any of ``spans``."""
    found: set[str] = set()
    for link in links:
        for span in spans:
            if span is not None and span.start <= link.start and link.end <= span.end:
                found.add(link.entry)
                break
    return found


def with_countries(entry_ids: set[str], entries: Mapping[str, GlossaryEntry]) -> set[str]:
    """Entries, and for a person or organization the places it belongs to
    (its related entries of category place): "Erdogan's government" speaks
    for Turkey."""
    out = set(entry_ids)
    for entry_id in entry_ids:
        entry = entries.get(entry_id)
        if entry is None or entry.category not in ("person", "organization"):
            continue
        for other in entry.related:
            related = entries.get(other)
            if related is not None and related.category == "place":
                out.add(other)
    return out


# -- one statement's subject ------------------------------------------------------


def copy_key(sentence: str, claim: str = "") -> str:
    """A statement as a reader compares it, its sentence and its claim:
    copies in rolling updates match, two statements of one sentence do not."""
    plain = " ".join(re.findall(r"\w+", f"{sentence} | {claim}".casefold()))
    return hashlib.blake2b(plain.encode("utf-8"), digest_size=8).hexdigest()


@lru_cache(maxsize=1)
def _reciprocal() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = related_words()
    speakers = "|".join(re.escape(p) for p in words.reciprocal_speakers)
    targets = "|".join(re.escape(p) for p in words.reciprocal_targets)
    return re.compile(rf"(?:{speakers})(?:\s|$)"), re.compile(rf"(?:{targets})")


def reciprocal_speaker(speaker: str) -> bool:
    """"Both sides", "each", "the two countries": both parties speak."""
    lowered = " ".join(speaker.casefold().replace("’", "'").split())
    return _reciprocal()[0].match(lowered) is not None


def reciprocal_target(words: str) -> bool:
    """"each other", "the other": the other party."""
    lowered = " ".join(words.casefold().replace("’", "'").split())
    return _reciprocal()[1].match(lowered) is not None


def subjects_of(article: Article, claims: Sequence[ClaimText], entries: Mapping[str, GlossaryEntry]) -> list[Subject]:
    """Every statement's subject."""
    text = article.text
    lexicon = related_words()
    actors: dict[str, Actor] = {a.id: a for a in article.analysis.actors}
    links = article.analysis.glossary
    statements = article.analysis.statements
    leads = _leads(statements, text)
    words_of = [c.words for c in claims]
    for position, lead in enumerate(leads):  # a run-on quotation is said by its lead statement
        if lead is not None:
            words_of[lead] = f"{words_of[lead]} {claims[position].words}"
    out = []
    for position, (statement, claim) in enumerate(zip(statements, claims, strict=True)):
        content = statement.content.text(text) if statement.content else ""
        kind = str(statement.kind)
        own_words = words_of[position]
        tokens = {w.lower().strip("'’\"") for w in re.findall(r"[\w'’-]+", own_words)}
        rejecting_words = bool(tokens & lexicon.rejection_words)
        cue = statement.cue.text(text).lower() if statement.cue else ""
        cue_rejects = any(w in lexicon.rejection_cues for w in re.findall(r"[a-z]+", cue))
        denial = kind == DENIAL or (rejecting_words and claim.resolved)
        both_sides = reciprocal_speaker(statement.speaker) or (
            statement.source is not None and reciprocal_speaker(statement.source.text(text))
        )
        each_other = reciprocal_target(content)
        parties = places_in(own_words) | with_countries(entries_in(links, [statement.content]), entries)
        accused = first_parties(content, _links_inside(links, statement, entries)) if content else set()
        actor = actors.get(statement.actor or "")
        speaker_words = " · ".join(
            w for w in (statement.source.text(text) if statement.source else "", statement.speaker, actor.name if actor else "", actor.affiliation if actor and actor.affiliation else "") if w
        )
        speaker = speaker_parties(speaker_words) | with_countries(entries_in(links, [statement.source]), entries)
        states = set(speaker)  # the parties it speaks for, without the actor's own id
        if actor is not None:
            speaker.add(actor.id)
            if actor.entry:
                speaker |= with_countries({actor.entry}, entries)
        if claim.resolved:  # "denied this": the parties of what it points at
            accused = first_parties(claim.words[len(content):] if claim.words.startswith(content) else claim.words)
        elif _SELF.match(content):  # "Azerbaijan said it had killed …": the speaker's own doing
            accused = set(states)
        if not accused and denial:  # "Turkey denied sending mercenaries": its own doing
            accused = set(states)
        out.append(
            Subject(
                terms=frozenset(claim_terms_of(main_clause(own_words))),
                parties=frozenset(parties),
                speaker=frozenset(speaker),
                denial=denial,
                rejects=denial and (cue_rejects or rejecting_words),
                accusation=kind == ACCUSATION,
                reciprocal=both_sides or (each_other and len(speaker) > 1),
                refers=claim.refers_to,
                copy=copy_key(statement.sentence.text(text), claim.words),
                kind=kind,
                actor=statement.actor or "",
                accused=frozenset(accused),
                lead=leads[position],
                summary=_summary(statement, text, article.title_span),
                pointer=claim.resolved,
            )
        )
    return out


_SELF = re.compile(r"\s*(?:it|they|we|he|she|its|their|our)\b", re.IGNORECASE)


def main_clause(words: str) -> str:
    """The claim without a relative clause that follows its first words
    ("… in fighting which has killed dozens of people"): what describes a
    thing the claim names is not what it claims."""
    relative = related_words().relative
    seen = 0
    for match in _NAME_WORD.finditer(words):
        word = match.group().lower()
        if word in relative and seen >= MAIN_CLAUSE_WORDS:
            return words[: match.start()]
        if len(word) > 3:
            seen += 1
    return words


MAIN_CLAUSE_WORDS = 3  # words of substance before a relative clause is cut off


def _links_inside(links: Sequence[GlossaryLink], statement: Statement, entries: Mapping[str, GlossaryEntry]) -> list[tuple[int, int, set[str]]]:
    """Glossary links inside the content, as offsets into the content."""
    span = statement.content
    if span is None:
        return []
    return [
        (link.start - span.start, link.end - span.start, with_countries({link.entry}, entries))
        for link in links
        if span.start <= link.start and link.end <= span.end
    ]


def _leads(statements: Sequence[Statement], text: str) -> list[int | None]:
    """For a quotation that runs on without a cue of its own, the statement
    it continues (the speaker's statement just before it)."""
    leads: list[int | None] = []
    for position, statement in enumerate(statements):
        lead = None
        if statement.cue is None and position > 0:
            before = statements[position - 1]
            same = (statement.actor and statement.actor == before.actor) or statement.speaker == before.speaker
            if same and before.sentence.start < statement.sentence.start:
                lead = leads[position - 1] if leads[position - 1] is not None else position - 1
        leads.append(lead)
    return leads


def _summary(statement: Statement, text: str, title: Span | None) -> bool:
    """A headline: the article's title, or a heading's "What happened:
    Source" (the colon before its source).  It repeats the body."""
    if title is not None and title.start <= statement.sentence.start < title.end:
        return True
    if statement.cue is None or statement.source is None:
        return False
    return statement.cue.text(text).strip() == ":" and statement.source.start > statement.cue.start


__all__ = ["Subject", "copy_key", "indexed_claim", "places_in", "place_words", "subjects_of"]
