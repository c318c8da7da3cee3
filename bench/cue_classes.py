"""Cue classes of the attribution benchmark, told from the cue as written.

Gold attributions and predicted statements are both classed by their own
cue text (and source, for data sources), so a class's recall counts gold of
that class and its precision counts predictions of that class.  The classes
follow the issue's coverage list:

* ``according to`` -- "according to X";
* ``colon/headline`` -- a cue that is only punctuation (``X: "…"``, "…: Russia");
* ``data sources`` -- a poll, survey, study, report, data, documents … as source;
* ``reporting verbs`` -- say, tell, add, write, note, report, announce, deny …;
* ``evaluative/directive`` -- praise, criticize, accuse, call, urge, ask, vow,
  decline, endorse …;
* ``mental/position`` -- believe, think, want, hope, fear, expect, know, see …;
* ``nominal`` -- a noun cue: "statement", "comments", "criticism", "his claim";
* ``other`` -- anything else (bare prepositions "in", "for", "to" …);
* ``no-cue`` -- no cue at all (predictions: run-on quotations).

A cue's class is that of its first word found in a class's list (a noun of
``NOUNS`` as a whole word, else a verb stem the word starts with, reporting
before evaluative before mental).
"""

from __future__ import annotations

import re

ACCORDING = "according to"
COLON = "colon/headline"
DATA = "data sources"
REPORTING = "reporting verbs"
EVALUATIVE = "evaluative/directive"
MENTAL = "mental/position"
NOMINAL = "nominal"
OTHER = "other"
NO_CUE = "no-cue"

CLASSES = (REPORTING, ACCORDING, COLON, DATA, EVALUATIVE, MENTAL, NOMINAL, OTHER, NO_CUE)

#: Head words of a source that is a document or a measurement, not a person.
DATA_SOURCE_RE = re.compile(
    r"\b(?:polls?|polling|surveys?|stud(?:y|ies)|reports?|data|analys[ie]s|figures|numbers|research|"
    r"documents?|e-?mails?|records?|memos?|filings?|results?|census|statistics|estimates?|projections?|"
    r"models?|forecasts?|tallies|tally|counts?|findings|investigation|audit|review|index|ratings?)\b",
    re.I,
)

#: class -> word stems (a cue word belongs to a class when it starts with one).
STEMS: dict[str, tuple[str, ...]] = {
    REPORTING: tuple(
        """say said tell told add wrote writ tweet note report announc explain stat claim argu insist
        repl respond continu recall declar acknowledg admit confirm deni deny reveal predict suggest
        post joke joking quip testif comment reiterat stress emphasi mention describ assert contend
        maintain conclud cite citing refer point spoke speak talk estimat read observ remark repeat
        echo conced alleg disclos inform assur remind boast complain lament indicat clarif specul
        insinuat recount warn caution noting show found find learn releas publish quot shout chant
        yell answer email retweet emphas highlight list put""".split()
    ),
    EVALUATIVE: tuple(
        """prais critic blast slam accus call urg demand vow promis pledg ask decline declin refus
        endors support back oppos defend attack blam mock thank question reject dismiss condemn
        denounc decr threaten applaud hail commend welcom challeng disput propos recommend order
        invit encourag advis request plead beg apologi congratulat credit fault ridicul lash knock
        rebuk scold chid insult label dub brand vote agree disagree sign offer name nominat tout
        assail rail portray express""".split()
    ),
    MENTAL: tuple(
        """believ think thought want hope fear expect know knew feel felt see saw seen view seem
        appear plan seek sought prefer worr consider decid wish intend doubt suspect assum
        understand understood realiz remember favor like love hate trust regard wonder imagin
        predict estimat aim hoping mean look sound willing eager confident determin guess""".split()
    ),
}

#: Nouns that cue a statement ("in a *statement*", "his *comments*"), as
#: whole words (singular or plural): checked before the verb stems, so
#: "warning" is nominal while "warned" is a reporting verb.
NOUNS = frozenset(
    """statement comment remark criticism decision view opinion stance position interview
    speech letter testimony allegation accusation charge assessment argument message
    account admission apology announcement assertion belief complaint concern conclusion
    denial demand endorsement explanation insistence pledge proposal question response
    suggestion warning word""".split()
)

#: Stems of the common reporting verbs (the ``--reporting`` subset: recall
#: on plain speech) -- a word of the cue starting with one of them.
REPORTING_SUBSET = (
    "say said says saying tell told claim warn deni deny reject accus acknowledg disput argu insist "
    "add note call express according announc stat assert suggest explain report confirm predict "
    "write wrote ask urg contend maintain declar describ vow promis admit allege respond repl"
).split()

_WORD_RE = re.compile(r"[a-z]+")


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


def is_reporting(cue_text: str) -> bool:
    """Does the cue hold a common reporting verb (anywhere in a word, from
    a word boundary, as the reference subset counts)?"""
    low = cue_text.lower()
    return any(re.search(r"\b" + stem, low) for stem in REPORTING_SUBSET)


def cue_class(cue_text: str, source_text: str = "") -> str:
    """The class of a cue (module docstring)."""
    if not cue_text.strip():
        return NO_CUE
    low = cue_text.lower()
    if "according" in low:
        return ACCORDING
    words = _words(low)
    if not words:
        return COLON
    if DATA_SOURCE_RE.search(source_text) and not any(w.startswith(("say", "said", "told", "tell")) for w in words):
        return DATA
    for w in words:
        if w in NOUNS or (w.endswith("s") and w[:-1] in NOUNS):
            return NOMINAL
        for cls in (REPORTING, EVALUATIVE, MENTAL):
            if w.startswith(STEMS[cls]):
                return cls
    return OTHER
