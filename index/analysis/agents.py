"""The word lists of actor resolution, read from ``agent_words.toml``.

What counts as an agent (and what a description, a title or a document
refers to) is data: titles, office nouns, document nouns, the sorts of
organisation a definite noun can recall ("the paper"), gendered and kin
nouns, and the entity labels that never name a speaker.  This module only
reads the file and answers small questions about single words.  No spaCy.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..name_folding import fold, slugify  # noqa: F401  (the resolver's names and ids)

WORDS_FILE = Path(__file__).with_name("agent_words.toml")


@dataclass(frozen=True, slots=True)
class AgentWords:
    titles: frozenset[str]
    name_titles: frozenset[str]
    office_nouns: frozenset[str]
    person_description_nouns: frozenset[str]
    age_suffixes: tuple[str, ...]
    national_bodies: frozenset[str]
    group_nouns: frozenset[str]
    documents: frozenset[str]
    data: frozenset[str]
    org_sorts: dict[str, frozenset[str]]
    female: frozenset[str]
    male: frozenset[str]
    kin: frozenset[str]
    never_agent_labels: frozenset[str]
    contact_verbs: frozenset[str]


def _words(value: str) -> frozenset[str]:
    return frozenset(value.split())


@lru_cache(maxsize=1)
def words() -> AgentWords:
    """The lists, read once."""
    data = tomllib.loads(WORDS_FILE.read_text(encoding="utf-8"))
    return AgentWords(
        titles=_words(data["titles"]),
        name_titles=_words(data["name_titles"]),
        office_nouns=_words(data["office_nouns"]),
        person_description_nouns=_words(data["person_description_nouns"]),
        age_suffixes=tuple(data["age_suffixes"]),
        national_bodies=_words(data["national_bodies"]),
        group_nouns=_words(data["group_nouns"]),
        documents=_words(data["documents"]),
        data=_words(data["data"]),
        org_sorts={name: _words(value) for name, value in data["org_sorts"].items()},
        female=_words(data["gender"]["female"]),
        male=_words(data["gender"]["male"]),
        kin=_words(data["kin"]["nouns"]),
        never_agent_labels=_words(data["labels"]["never_agents"]),
        contact_verbs=_words(data["contact_verbs"]),
    )


def is_title(word: str) -> bool:
    return word.lower().strip(".") in words().titles


def is_name_title(word: str) -> bool:
    """A title that is part of a one-name person's name ("Pope Francis")."""
    return word.lower() in words().name_titles


def is_office(word: str) -> bool:
    return word.lower() in words().office_nouns


def is_age(word: str) -> bool:
    low = word.lower()
    return any(low.endswith(s) for s in words().age_suffixes)


def describes_a_person(word: str) -> bool:
    """A noun that stands for a person already named ("the 34-year-old")."""
    low = word.lower()
    return low in words().person_description_nouns or is_age(low)


def is_national_body(word: str) -> bool:
    """A body of a state ("ministry", "army") that speaks for its country."""
    return word.lower() in words().national_bodies


def is_group_noun(word: str) -> bool:
    """"family", "camp": a name ending so is a group of people."""
    return word.lower() in words().group_nouns


def is_document(word: str) -> bool:
    return word.lower() in words().documents


def is_data(word: str) -> bool:
    """Figures, tallies, estimates: no one's words."""
    return word.lower() in words().data


def org_sort(word: str) -> str | None:
    """The sort of organisation a noun names ("paper" -> press), if any."""
    low = word.lower()
    for name, members in words().org_sorts.items():
        if low in members:
            return name
    return None


def gender_of_noun(word: str) -> str | None:
    low = word.lower()
    if low in words().female:
        return "f"
    if low in words().male:
        return "m"
    return None


def is_kin(word: str) -> bool:
    return word.lower() in words().kin


def never_agent(label: str) -> bool:
    """An entity label that never names a speaker (a venue, a work, a date)."""
    return label in words().never_agent_labels


def is_contact_verb(word: str) -> bool:
    """A verb of writing to or calling someone ("e-mailed", "phoned")."""
    return word.lower() in words().contact_verbs
