"""Word lists of the attribution rules that are not the cue lexicon.

Which words are cues, in which structures, is the lexicon
(``cue_lexicon.json``, derived from annotated news, read by
``lexicon.py``).  Here are the closed lists around it: light verbs and the
cue nouns they carry ("expressed *concern*"), cue adjectives, nouns that
name a claim, pronouns, honorifics, the nouns that can head a source, and
the headline pattern.  Word forms are generated once at import (the
pipeline runs without spaCy's lemmatizer).

Nothing in this module imports spaCy.
"""

from __future__ import annotations

import re

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


#: Nouns that name a claim: "rejected *claims* that …", "dismissed the *reports*".
CLAIM_NOUNS = frozenset(
    "claim claims allegation allegations accusation accusations report reports "
    "suggestion suggestions charge charges assertion assertions rumour rumours "
    "rumor rumors speculation criticism accounts account notion idea".split()
)

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


#: lower-cased form -> light verb lemma ("expressed" -> "express").
LIGHT_FORMS: dict[str, str] = _form_table(LIGHT_VERBS)
#: lower-cased form -> carrier lemma for "went on to say".
CARRIER_FORMS: dict[str, str] = _form_table(XCOMP_CARRIERS)

# --------------------------------------------------------------------------
# Headlines: "Nagorno-Karabakh could become extremist stronghold: Russia"
# --------------------------------------------------------------------------

#: A headline ending in ": Source" (one to four words, capitalised).
#: "…: poll", "…: sources": a lower-case source ending a headline, when it names documents or people.
HEADLINE_COMMON_SOURCE_RE = re.compile(r"^(?P<content>.{12,}?)\s*(?P<colon>:)\s+(?P<source>[a-z]+)\s*$")
HEADLINE_COMMON_SOURCES = frozenset("poll polls survey study report sources officials experts analysts data".split())
HEADLINE_SOURCE_RE = re.compile(
    r"^(?P<content>.{12,}?)\s*(?P<colon>:)\s+(?P<source>(?:[A-Z][\w’'.\-]*)(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'.\-]*){0,3})\s*$"
)
#: Labels that end a headline without naming anyone ("…: Live", "…: Analysis").
HEADLINE_LABELS = frozenset(
    "live analysis update updates explainer opinion comment review video photos pictures "
    "timeline q&a interview editorial report factbox".split()
)
HEADLINE_KIND = CLAIM

#: A speaker label opening a paragraph: "Rubio: I still believe …",
#: "TAPPER: Do you think …", "Former AG Mukasey at RNC: Clinton email …".
SPEAKER_LABEL_RE = re.compile(
    r"^(?P<source>(?:[A-Z][\w’'.\-]*[\w’'.\-])(?:\s+(?:[A-Z][\w’'.\-]*|of|the|at|on|de|van|von|camp))*?)"
    r"\s*(?P<colon>:)\s+(?P<content>\S.*)$",
    re.S,
)
#: Words that open a paragraph with a colon without naming a speaker.
LABEL_WORDS = HEADLINE_LABELS | frozenset(
    """note notes update updated correction corrections related read watch photo photos source sources
    editor editors disclosure disclaimer advertisement sponsored listen subscribe follow credit credits
    warning caption caveat bottom top key breaking exclusive full more also here step part chapter
    question answer summary background context why what how who when where the this that these those
    contributing contributors byline look revealed boom wow video must-see see listen here's
    today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december""".split()
)

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
    employees employer employers staff member members citizen citizens fan fans student students teacher teachers
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
#: Verbs of saying that, negated, refuse to say: "would *not say* whether …".
NEGATED_KINDS: dict[str, StatementKind] = dict.fromkeys(
    "say comment respond answer reply discuss mention confirm disclose elaborate explain return tell".split(),
    StatementKind.REFUSAL,
)

#: Parts of a group that speak for it in polls: "52 *percent* say", "a *majority* said".
QUANTITY_SPEAKERS = frozenset(
    "percent % majority majorities half third thirds quarter plurality most many some few share number all".split()
)

#: Documents and measurements: a source only for cues that the lexicon
#: marks as used by things ("the poll *shows*", "the report *found*").
DATA_NOUNS = frozenset(
    """poll polls polling survey surveys study studies report reports data analysis analyses figures
    numbers research document documents email emails e-mail e-mails record records memo memos filing
    filings result results census statistics estimate estimates projection projections model models
    forecast forecasts tally count counts finding findings investigation audit review index rating
    ratings sign signs evidence"""
    .split()
)
