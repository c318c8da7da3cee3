"""Cue words and the kind of statement each one signals -- data, not code.

Everything that decides *which* words introduce a statement lives here as
plain tables; ``attribution.py`` only walks the dependency tree and looks
words up.  Word forms are generated once at import (the pipeline runs
without spaCy's lemmatizer: a dictionary lookup of the lower-cased form is
both faster and enough for this closed class of verbs).

Nothing in this module imports spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import StatementKind

# --------------------------------------------------------------------------
# Verbs of saying and their statement kind
# --------------------------------------------------------------------------

CLAIM = StatementKind.CLAIM
DENIAL = StatementKind.DENIAL
ACCUSATION = StatementKind.ACCUSATION
WARNING = StatementKind.WARNING
APPEAL = StatementKind.APPEAL
CONCERN = StatementKind.CONCERN
ACKNOWLEDGEMENT = StatementKind.ACKNOWLEDGEMENT
CONCESSION = StatementKind.CONCESSION
REPORT = StatementKind.REPORT


@dataclass(frozen=True, slots=True)
class Frame:
    """How a cue verb takes its content.

    kind      -- statement kind the verb signals
    needs     -- the verb counts only with one of these content dependents
                 ("ccomp", "xcomp", "dobj", "quote", "prep:for", "prt:out" ...);
                 empty = any content (or a quotation next to it)
    preps     -- prepositions whose object is part of the content
                 ("called *for* the fighting to stop", "accused X *of* Y")
    objects   -- when given, a direct object only counts as content if its
                 head word is one of these ("rejected *claims*"); the object
                 then becomes part of the cue
    """

    kind: str
    needs: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    objects: frozenset[str] | None = None


def _f(kind: str, needs: str = "", preps: str = "", objects: str | None = None) -> Frame:
    return Frame(
        kind,
        frozenset(needs.split()),
        frozenset(preps.split()),
        frozenset(objects.split()) if objects is not None else None,
    )


#: Nouns that name a claim: "rejected *claims* that …", "dismissed the *reports*".
CLAIM_NOUNS = (
    "claim claims allegation allegations accusation accusations report reports "
    "suggestion suggestions charge charges assertion assertions rumour rumours "
    "rumor rumors speculation criticism accounts account notion idea"
)

_CLAUSE = "ccomp quote colon"
_CLAUSE_OR_OBJ = "ccomp quote colon dobj"

#: lemma -> Frame.  "needs" keeps ordinary uses out ("the company *added*
#: 500 jobs", "the territory *declared* independence", "*called* it a day").
VERBS: dict[str, Frame] = {
    # claim: plain saying
    "say": _f(CLAIM),
    "tell": _f(CLAIM, "ccomp quote colon", objects=""),  # the object is the hearer
    "claim": _f(CLAIM, "ccomp quote colon xcomp"),
    "state": _f(CLAIM, _CLAUSE),
    "add": _f(CLAIM, _CLAUSE),
    "insist": _f(CLAIM, _CLAUSE + " prep:on"),
    "argue": _f(CLAIM, _CLAUSE),
    "maintain": _f(CLAIM, _CLAUSE),
    "assert": _f(CLAIM, _CLAUSE),
    "contend": _f(CLAIM, _CLAUSE),
    "explain": _f(CLAIM, _CLAUSE),
    "note": _f(CLAIM, _CLAUSE),
    "point": _f(CLAIM, "prt:out"),
    "stress": _f(CLAIM, _CLAUSE),
    "emphasise": _f(CLAIM, _CLAUSE),
    "emphasize": _f(CLAIM, _CLAUSE),
    "reiterate": _f(CLAIM, _CLAUSE),
    "declare": _f(CLAIM, _CLAUSE),
    "write": _f(CLAIM, _CLAUSE),
    "tweet": _f(CLAIM, _CLAUSE),
    "suggest": _f(CLAIM, _CLAUSE),
    "believe": _f(CLAIM, "ccomp"),
    "predict": _f(CLAIM, _CLAUSE_OR_OBJ),
    "vow": _f(CLAIM, "ccomp xcomp quote colon"),
    "pledge": _f(CLAIM, "ccomp xcomp quote colon"),
    "promise": _f(CLAIM, "ccomp xcomp quote colon"),
    "boast": _f(CLAIM, _CLAUSE),
    "remark": _f(CLAIM, _CLAUSE),
    "reply": _f(CLAIM, _CLAUSE),
    "respond": _f(CLAIM, _CLAUSE),
    "comment": _f(CLAIM, _CLAUSE),
    "recall": _f(CLAIM, _CLAUSE),
    "describe": _f(CLAIM, "prep:as", preps="as"),
    "rule": _f(CLAIM, "ccomp"),  # "the court ruled that …"
    # report: informing
    "report": _f(REPORT, _CLAUSE_OR_OBJ),
    "announce": _f(REPORT, _CLAUSE_OR_OBJ + " xcomp"),
    "reveal": _f(REPORT, _CLAUSE_OR_OBJ),
    "disclose": _f(REPORT, _CLAUSE_OR_OBJ),
    # denial
    "deny": _f(DENIAL, _CLAUSE_OR_OBJ + " xcomp"),
    "reject": _f(DENIAL, _CLAUSE + " dobj", objects=CLAIM_NOUNS),
    "dismiss": _f(DENIAL, "dobj prep:as", preps="as", objects=CLAIM_NOUNS + " plan plans proposal proposals"),
    "refute": _f(DENIAL, _CLAUSE_OR_OBJ),
    "rebut": _f(DENIAL, _CLAUSE_OR_OBJ),
    "dispute": _f(DENIAL, _CLAUSE_OR_OBJ),
    # accusation
    "accuse": _f(ACCUSATION, "dobj prep:of ccomp quote", preps="of"),
    "allege": _f(ACCUSATION, _CLAUSE),
    "blame": _f(ACCUSATION, "dobj prep:for prep:on", preps="for on"),
    "condemn": _f(ACCUSATION, _CLAUSE_OR_OBJ, preps="as"),
    "criticise": _f(ACCUSATION, _CLAUSE_OR_OBJ, preps="for over"),
    "criticize": _f(ACCUSATION, _CLAUSE_OR_OBJ, preps="for over"),
    "denounce": _f(ACCUSATION, _CLAUSE_OR_OBJ, preps="as"),
    "slam": _f(ACCUSATION, _CLAUSE_OR_OBJ, preps="as for over"),
    "lambast": _f(ACCUSATION, _CLAUSE_OR_OBJ, preps="as for over"),
    "decry": _f(ACCUSATION, _CLAUSE_OR_OBJ, preps="as"),
    "deplore": _f(ACCUSATION, _CLAUSE_OR_OBJ),
    "rebuke": _f(ACCUSATION, _CLAUSE_OR_OBJ, preps="for over"),
    "castigate": _f(ACCUSATION, _CLAUSE_OR_OBJ, preps="for over"),
    "hit": _f(ACCUSATION, "prt:out", preps="at"),  # "hit out at"
    # warning
    "warn": _f(WARNING, preps="of against about over"),
    "caution": _f(WARNING, "ccomp quote colon prep:against", preps="against"),
    "threaten": _f(WARNING, "ccomp quote colon"),  # "threatened to spill over" is no speech
    # appeal
    "urge": _f(APPEAL, preps="for"),
    "call": _f(APPEAL, "prep:for prep:on", preps="for on"),
    "appeal": _f(APPEAL, "prep:for prep:to xcomp", preps="for to"),
    "demand": _f(APPEAL, _CLAUSE_OR_OBJ),
    "plead": _f(APPEAL, "prep:for prep:with xcomp ccomp quote", preps="for with"),
    "implore": _f(APPEAL, "dobj xcomp ccomp quote"),
    "exhort": _f(APPEAL, "dobj xcomp ccomp quote"),
    "beg": _f(APPEAL, "dobj xcomp ccomp quote"),
    "request": _f(APPEAL, _CLAUSE_OR_OBJ),
    "ask": _f(APPEAL, "prep:for xcomp quote", preps="for"),
    # concern
    "fear": _f(CONCERN, _CLAUSE),
    "worry": _f(CONCERN, _CLAUSE + " prep:about", preps="about"),
    # acknowledgement
    "acknowledge": _f(ACKNOWLEDGEMENT, _CLAUSE_OR_OBJ),
    "admit": _f(ACKNOWLEDGEMENT, _CLAUSE_OR_OBJ + " xcomp prep:to", preps="to"),
    "confirm": _f(ACKNOWLEDGEMENT, _CLAUSE_OR_OBJ),
    "recognise": _f(ACKNOWLEDGEMENT, _CLAUSE),
    "recognize": _f(ACKNOWLEDGEMENT, _CLAUSE),
    # concession
    "concede": _f(CONCESSION, _CLAUSE_OR_OBJ),
}

#: Dependents of a cue verb that hold its content in every frame.
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "parataxis", "oprd", "dative"})
#: Prepositions whose object is content for any cue ("warned *of*", "spoke *about*").
GENERIC_CONTENT_PREPS = frozenset({"about", "of", "against", "over"})

#: Heads through which a "to"-infinitive cue keeps the head's subject:
#: "went on to say", "was quick to deny", "used the meeting to warn".
XCOMP_CARRIERS = frozenset({"go", "continue", "proceed", "hasten", "rush", "take", "use", "seem", "appear", "repeat"})

# --------------------------------------------------------------------------
# Nominal cues: light verb + cue noun ("expressed concern", "issued an appeal")
# --------------------------------------------------------------------------

#: Light verbs that, as a participle, report an effect and not a statement:
#: "…, raising fears of an all-out war".
CAUSAL_PARTICIPLES = frozenset({"raising", "sparking", "prompting", "fuelling", "fueling"})

LIGHT_VERBS = frozenset(
    "express voice raise issue make launch lodge sound renew reiterate repeat "
    "offer air register signal file".split()
)

#: noun form -> kind.  Only counts as the object of a light verb; on its own
#: ("The rights group's *warning* came after …") a noun refers back to a
#: statement and is not a new one.
CUE_NOUNS: dict[str, str] = {
    **dict.fromkeys("concern concerns fear fears worry worries alarm anxiety unease".split(), CONCERN),
    **dict.fromkeys("warning warnings".split(), WARNING),
    **dict.fromkeys("appeal appeals call calls plea pleas demand demands request requests".split(), APPEAL),
    **dict.fromkeys("denial denials".split(), DENIAL),
    **dict.fromkeys("accusation accusations allegation allegations".split(), ACCUSATION),
    **dict.fromkeys("claim claims".split(), CLAIM),
    **dict.fromkeys("concession concessions".split(), CONCESSION),
    **dict.fromkeys("apology apologies admission".split(), ACKNOWLEDGEMENT),
}

#: Adjectives that carry a statement as the predicate of its source:
#: "X is *concerned* that …", "officials were *confident* that …".
CUE_ADJECTIVES: dict[str, str] = {
    **dict.fromkeys("concerned worried alarmed troubled fearful anxious".split(), CONCERN),
    **dict.fromkeys("confident adamant".split(), CLAIM),
}

#: "according to X": the pobj of "to" is the source.
ACCORDING = "according"
ACCORDING_KIND = REPORT

#: Multi-word cues found by sequence on a parsed sentence (a spaCy
#: ``Matcher`` on lower-cased tokens, ``ruler.py``): phrase -> construction
#: of ``attribution.py``.  Cues that depend on the parse ("called *for*",
#: "rejected *claims*", "expressed *concern*") are frames above, since
#: words may stand between their parts.
PHRASE_CUES: dict[str, str] = {"according to": "according"}

#: A neutral cue ("said") whose content is the source's own light-verb act
#: takes that act's kind: "Pashinyan said his country could *make
#: concessions*" is a concession, "X said it was *concerned*" a concern.
REFINABLE_KINDS = frozenset({CLAIM, REPORT})

# --------------------------------------------------------------------------
# Word forms (no lemmatizer in the pipeline)
# --------------------------------------------------------------------------

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "plead": ("plead", "pleads", "pleaded", "pled", "pleading"),
    "beg": ("beg", "begs", "begged", "begging"),
    "rebut": ("rebut", "rebuts", "rebutted", "rebutting"),
    "make": ("make", "makes", "made", "making"),
    "slam": ("slam", "slams", "slammed", "slamming"),
    "hit": ("hit", "hits", "hitting"),
    "lodge": ("lodge", "lodges", "lodged", "lodging"),
    "issue": ("issue", "issues", "issued", "issuing"),
    "be": ("be", "is", "are", "was", "were", "been", "being", "am", "'s", "’s", "'re", "’re"),
    "go": ("go", "goes", "went", "gone", "going"),
    "take": ("take", "takes", "took", "taken", "taking"),
    "seem": ("seem", "seems", "seemed", "seeming"),
}


def inflect(lemma: str) -> tuple[str, ...]:
    """Regular English verb forms (base, -s, -ed, -ing) unless listed above."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        stem = lemma[:-1]
        third, past, ing = lemma + "s", lemma + "d", stem + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        third, past, ing = lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        third, past, ing = lemma + "es", lemma + "ed", lemma + "ing"
    else:
        third, past, ing = lemma + "s", lemma + "ed", lemma + "ing"
    return (lemma, third, past, ing)


def _form_table(lemmas) -> dict[str, str]:
    table: dict[str, str] = {}
    for lemma in lemmas:
        for form in inflect(lemma):
            table.setdefault(form, lemma)
    return table


#: lower-cased word form -> cue verb lemma ("warned" -> "warn").
VERB_FORMS: dict[str, str] = _form_table(VERBS)
#: lower-cased form -> light verb lemma ("expressed" -> "express").
LIGHT_FORMS: dict[str, str] = _form_table(LIGHT_VERBS)
#: lower-cased form -> carrier lemma for "went on to say".
CARRIER_FORMS: dict[str, str] = _form_table(XCOMP_CARRIERS)

#: Any of these words makes a sentence worth parsing.  Light verbs are not
#: here: they only count with a cue noun, which is.
TRIGGER_WORDS: frozenset[str] = frozenset(VERB_FORMS) | frozenset(CUE_NOUNS) | frozenset(CUE_ADJECTIVES) | {ACCORDING}

WORD_RE = re.compile(r"[a-z]+")


def has_trigger(sentence: str) -> bool:
    """Cheap pre-filter: does a sentence hold a cue word at all?"""
    return not TRIGGER_WORDS.isdisjoint(WORD_RE.findall(sentence.lower()))


# --------------------------------------------------------------------------
# Headlines: "Nagorno-Karabakh could become extremist stronghold: Russia"
# --------------------------------------------------------------------------

#: A headline ending in ": Source" (one to four words, capitalised).
HEADLINE_SOURCE_RE = re.compile(
    r"^(?P<content>.{12,}?)\s*(?P<colon>:)\s+(?P<source>(?:[A-Z][\w’'.\-]*)(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'.\-]*){0,3})\s*$"
)
#: Labels that end a headline without naming anyone ("…: Live", "…: Analysis").
HEADLINE_LABELS = frozenset(
    "live analysis update updates explainer opinion comment review video photos pictures "
    "timeline q&a interview editorial report factbox".split()
)
HEADLINE_KIND = CLAIM

# --------------------------------------------------------------------------
# Sources that are not names
# --------------------------------------------------------------------------

#: Pronouns that can be the source of a statement, with what they refer to.
PRONOUNS: dict[str, str] = {
    "he": "person",
    "she": "person",
    "it": "thing",
    "they": "plural",
    "we": "skip",  # outside a quotation: the publication
    "i": "skip",  # outside a quotation: the writer
    "you": "skip",
}
GENDER: dict[str, str] = {"he": "m", "she": "f"}
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})

#: Honorifics: they mark a person and their gender, and are not part of a name.
HONORIFICS: dict[str, str | None] = {
    "mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
    "sir": "m", "lady": "f", "lord": "m", "dame": "f", "dr": None, "dr.": None,
    "prof": None, "prof.": None, "professor": None,
}

#: Quantified references to "the two sides" of a conflict.
GROUP_PHRASES: dict[str, str] = {
    "both sides": "Both sides",
    "the two sides": "Both sides",
    "both parties": "Both sides",
    "the two parties": "Both sides",
    "each side": "Both sides",
    "either side": "Both sides",
    "each": "Both sides",
    "both": "Both sides",
    "the two countries": "Both sides",
    "both countries": "Both sides",
    "the two nations": "Both sides",
    "both governments": "Both sides",
    "the two neighbours": "Both sides",
    "the two neighbors": "Both sides",
}

#: "both nations", "each country", "the two governments" -> "Both sides".
BOTH_SIDES_RE = re.compile(
    r"^(?:both|each|either|the two|the rival)\s+(?:sides?|countr(?:y|ies)|nations?|part(?:y|ies)|states?"
    r"|governments?|neighbou?rs?|camps?|arm(?:y|ies)|forces|leaders?|capitals?|rivals?)$"
)

#: Nouns naming a person by role.  Used to type unnamed sources ("an
#: official"), to spot appositions that make a name a person ("Beglaryan,
#: the region's ombudsman") and to match "the spokesman" to a named one.
PERSON_ROLES = frozenset(
    """official spokesman spokeswoman spokesperson minister president premier leader chief head
    director ombudsman secretary chancellor governor mayor senator congressman congresswoman
    ambassador envoy diplomat general commander officer colonel captain admiral lieutenant
    sergeant soldier adviser advisor aide analyst expert economist lawyer attorney judge
    prosecutor chairman chairwoman chair ceo executive manager founder owner president-elect
    mp mep lawmaker legislator politician candidate deputy representative negotiator
    correspondent reporter journalist editor author researcher scientist professor doctor
    witness resident activist campaigner monk priest bishop pope king queen prince princess
    emperor sheikh ayatollah cleric commissioner inspector investigator economist strategist
    boss coach manager player chairperson vice-president prime foreign
    source insider""".split()
)
#: Nouns that name an organisation or institution.
ORG_NOUNS = frozenset(
    """ministry government administration office department agency service council committee
    commission company firm group bank party union association organisation organization
    authority authorities army military police court parliament assembly cabinet embassy
    kremlin board institute foundation network channel newspaper agency watchdog regulator
    federation alliance coalition movement charity corporation campaign secretariat
    inquiry tribunal""".split()
)
#: Words that end an organisation's name ("Foreign Intelligence *Service*").
ORG_NAME_WORDS = frozenset(
    """ministry office department agency service council committee commission company group
    bank party union association organisation organization authority army police court
    parliament assembly cabinet embassy board institute foundation federation alliance
    coalition movement international inc ltd plc corp corporation fund forum watch
    network news times post guardian telegraph agency bureau centre center university
    college school hospital club league""".split()
)
#: Plural heads that make a group ("officials", "residents", "experts").
GROUP_NOUNS_PLURAL_TAGS = ("NNS", "NNPS")

#: Common nouns that can head a source ("the spokesman said", "residents
#: say", "the report says").  Any other common noun ("the clashes
#: threaten …", "the conflict says") is not a speaker, except for the
#: cues below that documents and things use too.
SPEAKER_NOUNS = PERSON_ROLES | ORG_NOUNS | frozenset(
    """people person man woman men women boy girl child children family father mother son daughter
    husband wife brother sister friend friends neighbour neighbor relative relatives victim survivor
    resident residents official officials observer observers critic critics opponent opponents
    supporter supporters protester protesters demonstrator voter voters worker workers employee
    employees staff member members citizen citizens fan fans student students teacher teachers
    parent parents patient patients nurse nurses farmer farmers driver passenger passengers
    shopper shoppers consumer consumers customer customers investor investors trader traders
    banker bankers broker brokers dealer dealers user users owner owners tenant landlord
    scientist scientists researcher researchers economist economists analyst analysts expert experts
    specialist specialists engineer engineers pilot pilots soldier soldiers troops fighter fighters
    rebel rebels militant militants separatist separatists insurgent insurgents militia police
    policeman policewoman detective detectives spokesman spokeswoman spokespeople aide aides
    source sources insider insiders diplomat diplomats ministers leaders lawmakers legislators mps
    politicians candidates delegates delegation negotiators mediators sides side parties country
    countries nation nations state states government governments capital capitals rival rivals
    ally allies partner partners neighbour neighbours neighbors powers
    report reports study studies survey surveys poll polls research statement statements letter
    letters document documents paper papers newspaper newspapers website article articles review
    memo note notes filing filings ruling verdict judgment judgement complaint lawsuit
    petition declaration communique communiqué announcement release press agency agencies media
    broadcaster broadcasters tv television radio channel outlet outlets journal magazine blog
    post tweet message messages account accounts minutes
    team club side squad manager coach management board opposition regime junta camp lobby
    industry union unions pair couple crowd group groups organisers organizers""".split()
)
#: Cues that documents and things use as well as people ("the report says").
THING_CUES = frozenset({"say", "tell", "state", "report", "claim", "warn", "add", "note", "reveal"})
