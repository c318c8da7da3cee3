"""The place ruler: a spaCy ``SpanRuler`` made from the place lists.

en_core_web_sm slips on some places ("Stepanakert" PERSON,
"Nagorno-Karabakh" ORG).  A spaCy ``SpanRuler`` with phrase patterns made
from the word lists in ``places.py`` marks every listed place as GPE
(countries, seats of government) or LOC (other places) before the NER,
which keeps those entities and labels the rest of the text around them.

A match is left to the model when a capitalised word or a hyphenated
capitalised word stands right next to it, or "of"/"for" after one: then
the place is likely part of a longer name ("Jordan Henderson", "Real
Madrid", "New York Times", "Bank of England", "Armenia-Azerbaijan"); and
when it opens a title before a name ("Wales physio Mark Davies"), where a
fixed place makes the small model lose the name after it.

spaCy is imported inside functions only.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import lexicon, places

#: Name of the component in the pipeline (right before "ner").
NAME = "place_ruler"

#: Small words inside names: "Bank *of* England", "Commission *for* Europe".
_OF = frozenset({"of", "for", "de", "du", "del", "da", "von", "van"})


def _capitalised(tok, before: bool = False) -> bool:
    """A word that can be part of a name: capitalised, and before a match
    not a stop word ("In Stepanakert", "The Nagorno-Karabakh …" match;
    "China Three Gorges", "Munich Re" do not)."""
    return tok.is_alpha and (tok.is_title or tok.is_upper) and not (before and tok.is_stop)


def _joined(doc, i: int, step: int) -> bool:
    """Is the token at ``i`` (next to a match, on the side ``step``) part of
    the same name?"""
    if not 0 <= i < len(doc):
        return False
    tok = doc[i]
    before = step < 0
    if _capitalised(tok, before):
        return True
    if tok.text == "-" and 0 <= i + step < len(doc) and _capitalised(doc[i + step], before):
        return True  # "Armenia-Azerbaijan", "Nagorno-Karabakh"
    # "Bank of England", "Commission for Europe"
    return before and tok.lower_ in _OF and i > 0 and _capitalised(doc[i - 1], before)


def _before_title(doc, i: int) -> bool:
    """A place as the first word of a title before a name ("Wales physio
    Mark Davies"): fixing it makes the small model lose the name."""
    return (
        i + 1 < len(doc)
        and doc[i].is_alpha
        and doc[i].is_lower
        and not doc[i].is_stop  # "Armenia and Azerbaijan"
        and doc[i].lower_ not in lexicon.load().triggers  # "Moscow said Putin …"
        and _capitalised(doc[i + 1])
    )


def place_filter(entities: Iterable, spans: Iterable) -> list:
    """``ents_filter`` of the ruler: the entities already set, plus the
    place matches that do not touch a longer name, longest first."""
    from spacy.util import filter_spans

    kept = []
    for span in spans:
        doc = span.doc
        if _joined(doc, span.start - 1, -1) or _joined(doc, span.end, 1) or _before_title(doc, span.end):
            continue
        kept.append(span)
    return filter_spans(list(entities) + kept)


def add_place_ruler(nlp) -> None:
    """Add the ruler before "ner" (idempotent)."""
    if NAME in nlp.pipe_names:
        return
    ruler = nlp.add_pipe("span_ruler", name=NAME, before="ner", config={"spans_key": None, "annotate_ents": True})
    ruler.ents_filter = place_filter
    ruler.add_patterns(places.entity_patterns())
