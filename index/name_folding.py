"""Names folded for comparison and ids, the same everywhere.

"Erdoğan" and "Erdogan", "Çelik" and "Celik" are one name: names are
transliterated to ASCII with ``anyascii`` (a maintained table for all of
Unicode, so Cyrillic or Armenian spellings fold too), lower-cased, with
apostrophes dropped and other marks made spaces.  Actor ids are folded
names joined by hyphens, so the same name gets the same id in every
article.  No spaCy, no whoosh.
"""

from __future__ import annotations

import re

from anyascii import anyascii

_DROP = re.compile(r"[’'`]")
_SPACE = re.compile(r"[^a-z0-9]+")


def fold(name: str) -> str:
    """A name folded for comparison: "Recep Tayyip Erdoğan" -> "recep tayyip erdogan"."""
    text = anyascii(name).lower()
    text = _DROP.sub("", text)
    return _SPACE.sub(" ", text).strip()


def slugify(name: str) -> str:
    """The id of a name: its folded words joined by hyphens."""
    return fold(name).replace(" ", "-") or "unknown"
