"""How strongly a reporting cue commits the writer, and what each kind of
statement does — as data, so an editor changes the tables, not the code.

Style guides for news writing treat "said" as the neutral verb of
attribution; "claimed" and "alleged" put distance between the writer and the
claim; "confirmed", "acknowledged" or "revealed" present it as true.  The
table lists lemmas; every regular form ("claims", "claimed", "claiming") and
the irregular ones below are looked up the same way.
"""

from __future__ import annotations

DISTANCED = "distanced"
NEUTRAL = "neutral"
ENDORSING = "endorsing"

#: commitment → cue lemmas (verbs, and the nouns cues are built on)
COMMITMENT_LEMMAS: dict[str, str] = {
    DISTANCED: "claim allege insist maintain contend assert purport boast allegation reportedly allegedly",
    NEUTRAL: (
        "say tell state add argue explain stress emphasise emphasize reiterate declare write tweet "
        "suggest believe predict vow pledge promise remark reply respond comment recall describe "
        "report announce deny reject dismiss refute rebut dispute accuse blame condemn criticise "
        "criticize denounce slam lambast decry deplore rebuke castigate warn caution threaten urge "
        "call appeal demand plead implore exhort beg request ask fear worry express voice raise "
        "according statement warning denial accusation estimate rule "
        "praise endorse thank hail welcome defend support back oppose want hope expect think know feel "
        "plan seek prefer consider decide agree decline refuse question wonder cite continue answer "
        "mention discuss talk speak post"
    ),
    ENDORSING: "confirm acknowledge reveal admit concede disclose note recognise recognize show find establish prove identify",
}

#: phrases and irregular forms, looked up before single words
EXTRA_FORMS: dict[str, str] = {
    "according to": NEUTRAL,
    "pointed out": ENDORSING, "points out": ENDORSING, "point out": ENDORSING,
    "said": NEUTRAL, "says": NEUTRAL, "told": NEUTRAL, "wrote": NEUTRAL, "written": NEUTRAL,
    "found": ENDORSING, "shown": ENDORSING, "proven": ENDORSING, "thought": NEUTRAL, "spoke": NEUTRAL,
}

COMMITMENT_MEANING = {
    DISTANCED: "the writer keeps the claim at arm's length",
    NEUTRAL: "the writer reports it without judging",
    ENDORSING: "the writer presents it as true",
    None: "not in the table of cues",
}

KIND_MEANING = {
    "claim": "asserts something as fact",
    "denial": "rejects a charge or a claim",
    "accusation": "blames someone for something",
    "warning": "warns of a danger or a consequence",
    "appeal": "asks someone to act",
    "concern": "voices worry",
    "acknowledgement": "accepts something as true",
    "concession": "gives ground to the other side",
    "report": "passes on information",
    "position": "states a belief, wish, hope or plan",
    "praise": "speaks well of someone or something",
    "promise": "commits to doing something",
    "question": "asks something",
    "refusal": "declines to say or do something",
}

#: cue lemmas that mark a rejection even when the kind says otherwise
REJECTING_LEMMAS = frozenset("deny reject dismiss refute rebut dispute".split())

_FILLERS = frozenset("has have had also further previously earlier later repeatedly been was is not then already".split())


def inflect(lemma: str) -> set[str]:
    """Regular English forms of a verb or noun: base, -s, -ed, -ing."""
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in set("aeiou"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return forms


def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for level, lemmas in COMMITMENT_LEMMAS.items():
        for lemma in lemmas.split():
            for form in inflect(lemma):
                table.setdefault(form, level)
    table.update(EXTRA_FORMS)
    return table


CUE_COMMITMENT: dict[str, str] = _table()
_LEMMA_OF = {form: lemma for lemma in REJECTING_LEMMAS for form in inflect(lemma)}


def _words(cue: str) -> list[str]:
    return [w.strip(".,;:\"'“”‘’") for w in cue.lower().replace("’", "'").split()]


def commitment(cue: str | None) -> str | None:
    """Commitment of a cue as written ("has warned", "according to")."""
    if not cue:
        return None
    words = [w for w in _words(cue) if w]
    phrase = " ".join(words)
    if phrase in CUE_COMMITMENT:
        return CUE_COMMITMENT[phrase]
    for word in reversed(words):
        if word not in _FILLERS and word in CUE_COMMITMENT:
            return CUE_COMMITMENT[word]
    return None


def is_rejection(kind: str, cue: str | None) -> bool:
    if kind == "denial":
        return True
    return bool(cue) and any(word in _LEMMA_OF for word in _words(cue or ""))
