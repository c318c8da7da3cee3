"""People named with a description anywhere in an article's text.

The model only runs around statement sources, but a description is often
tied to a name elsewhere: "Azerbaijan's president, Ilham Aliyev, said" (a
statement the rules may miss), "Turkish leader Recep Tayyip Erdogan",
"Artur Sarkisian, deputy head of the army", "Michael Howard's wife, Sandra".
These ties are found with plain patterns over the text, so that a source
written as a description ("Azerbaijan's president said", "the chancellor
insisted") can be resolved to the person the article names.  No spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import agents, cues, places

#: A capitalised word of a name (letters, hyphens, apostrophes, an initial).
_NAME_WORD = r"(?:[A-Z][\w’'\-]*[a-z][\w’'\-]*|[A-Z]\.)"
#: Two to four name words: "Ilham Aliyev", "Recep Tayyip Erdogan", "Mark Z. Barabak".
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}"
_WORD = r"[\w’'\-]+"
_AFTER = re.compile(rf"\s*,\s*((?:the\s+|a\s+|an\s+)?(?:{_WORD}\s+){{0,5}}?{_WORD})\s*(?:[,.;)]|$)")
_STOP = frozenset("the a an and or of in on at for to from with by as but said says told".split())
_SINGLE_GIVEN = re.compile(rf"\b({_NAME_WORD})\b")


#: "… wife, Sandra": a kin noun, a comma, a first name (found first: it is rare) ...
_KIN_NOUN = re.compile(rf"\b({'|'.join(sorted(agents.words().kin))}),\s*({_NAME_WORD})\b")
#: ... after "Michael Howard's ex-model ": the relative named before it.
_RELATIVE = re.compile(rf"({_NAME_WORD}(?:\s+{_NAME_WORD})*)(?:’s|'s)\s+(?:[\w\-]+\s+){{0,2}}$")


@dataclass(frozen=True, slots=True)
class NamedRole:
    """A person named in the text with a description of them."""

    name: str  # the full name as written, titles removed
    description: str  # the words describing them ("Azerbaijan's president")
    head: str  # the title word of the description, lower-cased ("president")
    words: frozenset[str]  # the description's folded words, demonyms as countries
    pos: int  # where the name stands
    gender: str | None = None


def description_words(text: str) -> frozenset[str]:
    """Folded words of a description, a demonym standing for its country
    ("Azerbaijani president" and "Azerbaijan's president" share words)."""
    out: set[str] = set()
    for word in re.findall(r"[\w\-]+", text.replace("’s", "").replace("'s", "")):
        country = places.demonym_country(word)
        out.update(agents.fold(country or word).split())
    return frozenset(out - _STOP)


def _clean_name(words: list[str]) -> list[str]:
    while words and (
        agents.is_title(words[0])
        or words[0].lower() in cues.PERSON_ROLES
        or places.demonym_country(words[0])
        or words[0].lower() in _STOP
    ):
        words = words[1:]
    return words


_CUTS = ".;:!?\"“”‘’()[]—–,"


def _words_before(before: str) -> str:
    """Up to five words right before a name (or before the comma before it),
    back to the nearest punctuation: the description a title gives."""
    tail = before.rstrip()
    tail = tail[:-1].rstrip() if tail.endswith(",") else tail
    cut = max(tail.rfind(c) for c in _CUTS)
    words: list[str] = []
    for w in reversed(tail[cut + 1 :].split()):
        if not re.fullmatch(_WORD, w) or not any(ch.isalnum() for ch in w) or w.startswith("'"):
            break  # a quotation mark or a sign ends the description
        words.insert(0, w)
    return " ".join(words[-5:])


def _head_title(description: str) -> str | None:
    """The last title word of a description (its head, in English)."""
    for word in reversed(description.split()):
        low = word.lower().strip(",.")
        if agents.is_office(low) or (agents.is_title(low) and low not in ("former", "acting", "deputy", "vice", "senior")):
            return low
    return None


def _trim_description(description: str) -> str:
    words = description.split()
    # keep from the first word that can open a description
    while words and words[0].lower() in _STOP - {"the", "of"}:
        words = words[1:]
    return " ".join(words)


def find_named_roles(text: str) -> list[NamedRole]:
    """Every "description, Name" / "Title Name" / "Name, description" tie."""
    found: list[NamedRole] = []
    for m in re.finditer(_NAME, text):
        words = _clean_name(m.group(0).split())
        if len(words) < 2 or any(agents.is_title(w) for w in words) or places.is_place(" ".join(words)):
            continue
        name = " ".join(words)
        start = m.start() + m.group(0).index(words[0])
        line_start = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start), start - 80) + 1
        before = text[line_start:start]
        description = _words_before(before)
        if description:
            description = _trim_description(description)
            head = _head_title(description.split()[-1]) if description else None
            if head:
                found.append(NamedRole(name, description, head, description_words(description), start, agents.gender_of_noun(head)))
                continue
        a = _AFTER.match(text, m.end())
        if a:
            description = a.group(1)
            head_words = [w for w in description.split()[:4] if w.lower() not in _STOP]
            head = next((w.lower() for w in head_words if _head_title(w)), None)
            if head:
                found.append(NamedRole(name, description, head, description_words(description), start, agents.gender_of_noun(head)))
    found.extend(_kin(text))
    return found


def _kin(text: str) -> list[NamedRole]:
    """"Michael Howard's ex-model wife, Sandra": Sandra Howard, a woman."""
    out = []
    for m in _KIN_NOUN.finditer(text):
        noun, given = m.group(1), m.group(2)
        before = _RELATIVE.search(text, max(0, m.start() - 80), m.start())
        if before is None:
            continue
        relative = before.group(1).split()
        if len(relative) < 2:
            continue
        name = f"{given} {relative[-1]}"
        out.append(NamedRole(name, noun, noun.lower(), frozenset({noun.lower()}), m.start(2), agents.gender_of_noun(noun)))
    return out
