"""Tolerant matching of a speaker name the system shows against the one a
human annotated.

The rules (also in bench/data/README.md):

* Names are compared as sets of words, after folding case and accents
  (Erdoğan = Erdogan), dropping possessive 's, punctuation and the words
  "the", "a", "an", "and", "of", and spelling "defence"/"organisation" the
  American way.
* A person matches on the full name, on any alias the yardstick lists
  (transliterations: Pashinian), or on a part of the name that holds the
  surname ("Mr Straw", "Straw", "Jack Straw" all match Jack Straw; "Michael
  Howard" does not match Sandra Howard).  Titles (Mr, Mrs, President, Pope,
  ...) are ignored.
* Anything else (organisation, country, group, document) matches on the same
  set of words as its name or one of its aliases.
* An unnamed speaker ("unnamed: officials") is right when the system leaves
  the statement unresolved, or names it by a description made of the
  annotation's own words ("Armenian officials"); a pronoun or anyone named is
  wrong.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

UNNAMED = "unnamed:"

STOP_WORDS = frozenset({"the", "a", "an", "and", "of", "s"})
TITLES = frozenset(
    {
        "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "pope", "prime", "minister",
        "gov", "governor", "sen", "senator", "rep", "representative", "king", "queen", "prince", "princess",
    }
)
PRONOUNS = frozenset(
    {
        "i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "his", "its", "their",
        "this", "that", "these", "those", "who", "which", "each", "one", "both", "some", "others", "another",
    }
)
SPELLING = {"defence": "defense", "organisation": "organization", "programme": "program"}
_WORD = re.compile(r"[^\W_]+")


def words(name: str) -> list[str]:
    """Folded words of a name, in order, stop words kept."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = folded.replace("’", "'").replace("'s ", " ").removesuffix("'s")
    return [SPELLING.get(w, w) for w in _WORD.findall(folded)]


def key(name: str) -> frozenset[str]:
    """The set of words two names must share to be the same non-person."""
    return frozenset(w for w in words(name) if w not in STOP_WORDS)


def is_pronoun(name: str) -> bool:
    found = words(name)
    return bool(found) and all(w in PRONOUNS or w in STOP_WORDS for w in found)


def is_unnamed(name: str) -> bool:
    return name.startswith(UNNAMED)


def description(name: str) -> str:
    return name[len(UNNAMED) :].strip() if is_unnamed(name) else name


def person_matches(shown: str, names: Iterable[str]) -> bool:
    """``shown`` names the person known by ``names`` (canonical first)."""
    got = [w for w in words(shown) if w not in TITLES and w not in STOP_WORDS]
    if not got:
        return False
    for name in names:
        ref = [w for w in words(name) if w not in TITLES and w not in STOP_WORDS]
        if not ref:
            continue
        if set(got) == set(ref) or (set(got) <= set(ref) and ref[-1] in got):
            return True
    return False


def other_matches(shown: str, names: Iterable[str]) -> bool:
    """``shown`` names the organisation, country or group known by ``names``."""
    got = key(shown)
    return bool(got) and any(got == key(name) for name in names)


def unnamed_matches(shown: str | None, annotated: str) -> bool:
    """An unnamed speaker: unresolved, or a description in the annotation's words."""
    if shown is None:
        return True
    if is_pronoun(shown):
        return False
    got = key(shown)
    return bool(got) and got <= key(description(annotated))
