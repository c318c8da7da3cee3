"""The word lists of ``related_words.toml``, read once.

They are data, not code: which contents point elsewhere ("denied this"),
which words reject what they point at ("dismissed it as untrue"), and
which speakers and targets are reciprocal ("both sides accused each other").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from whoosh.analysis import STOP_WORDS
from whoosh.lang.porter import stem

WORDS_FILE = Path(__file__).with_name("related_words.toml")


@dataclass(frozen=True, slots=True)
class RelatedWords:
    pronouns: frozenset[str]
    determiners: frozenset[str]
    nouns: frozenset[str]
    rejection_words: frozenset[str]
    rejection_cues: frozenset[str]
    reciprocal_speakers: tuple[str, ...]  # longest first
    reciprocal_targets: tuple[str, ...]
    irregular: dict[str, str]  # "sent" -> "send"
    stop: frozenset[str]  # not compared on (with whoosh's own stop words)
    official: frozenset[str]  # "Turkish *officials*": a nationality that speaks for its state
    relative: frozenset[str]  # words that start a relative clause

    @property
    def empty(self) -> frozenset[str]:
        """Words that carry no subject of their own."""
        return self.pronouns | self.determiners | self.nouns


@lru_cache(maxsize=1)
def related_words() -> RelatedWords:
    data = tomllib.loads(WORDS_FILE.read_text(encoding="utf-8"))

    def words(table: str, key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in data[table][key])

    def phrases(table: str, key: str) -> tuple[str, ...]:
        return tuple(sorted({w.lower() for w in data[table][key]}, key=len, reverse=True))

    return RelatedWords(
        pronouns=words("deixis", "pronouns"),
        determiners=words("deixis", "determiners"),
        nouns=words("deixis", "nouns"),
        rejection_words=words("rejection", "words"),
        rejection_cues=words("rejection", "cues"),
        reciprocal_speakers=phrases("reciprocal", "speakers"),
        reciprocal_targets=phrases("reciprocal", "targets"),
        irregular={form.lower(): base.lower() for base, forms in data["irregular"].items() for form in forms},
        stop=words("stop", "words"),
        official=words("speakers", "official"),
        relative=words("clauses", "relative"),
    )


_TOKEN = re.compile(r"\w+(\.?\w+)*", re.UNICODE)  # whoosh's RegexTokenizer's default


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return stem(word)


def claim_terms(words: str) -> list[str]:
    """The words a claim is compared on: whoosh's word tokens, lower case,
    without stop words, reporting verbs and one-letter words, irregular
    verbs made regular ("sent" -> "send"), Porter-stemmed as whoosh stems."""
    lexicon = related_words()
    stops = _claim_stops()
    out = []
    for match in _TOKEN.finditer(words):
        word = match.group().lower()
        if len(word) < 2 or word in stops:
            continue
        out.append(_stem(lexicon.irregular.get(word, word)))
    return out


@lru_cache(maxsize=1)
def _claim_stops() -> frozenset[str]:
    return STOP_WORDS | related_words().stop
