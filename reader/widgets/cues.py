"""How strongly a reporting cue commits the writer, and what each kind of
statement does — as data, so an editor can change the tables, not the code.

Style guides for news writing treat "said" as the neutral verb of
attribution; "claimed" and "alleged" put distance between the writer and the
claim; "confirmed", "acknowledged" or "revealed" present it as true.
"""

from __future__ import annotations

DISTANCED = "distanced"
NEUTRAL = "neutral"
ENDORSING = "endorsing"

# cue word (as written, lower case) → commitment
CUE_COMMITMENT: dict[str, str] = {
    # the writer keeps the claim at arm's length
    "claimed": DISTANCED, "claims": DISTANCED, "claim": DISTANCED, "claiming": DISTANCED,
    "alleged": DISTANCED, "alleges": DISTANCED, "allege": DISTANCED, "allegedly": DISTANCED,
    "purported": DISTANCED, "purportedly": DISTANCED, "insisted": DISTANCED, "insists": DISTANCED,
    "maintained": DISTANCED, "maintains": DISTANCED, "contended": DISTANCED, "contends": DISTANCED,
    "asserted": DISTANCED, "asserts": DISTANCED, "reportedly": DISTANCED,
    # the writer reports without judging
    "said": NEUTRAL, "says": NEUTRAL, "say": NEUTRAL, "saying": NEUTRAL,
    "told": NEUTRAL, "tells": NEUTRAL, "tell": NEUTRAL,
    "stated": NEUTRAL, "states": NEUTRAL, "added": NEUTRAL, "adds": NEUTRAL,
    "according": NEUTRAL, "according to": NEUTRAL, "announced": NEUTRAL, "announces": NEUTRAL,
    "reported": NEUTRAL, "reports": NEUTRAL, "wrote": NEUTRAL, "writes": NEUTRAL,
    "warned": NEUTRAL, "warns": NEUTRAL, "urged": NEUTRAL, "urges": NEUTRAL,
    "called": NEUTRAL, "calls": NEUTRAL, "asked": NEUTRAL, "asks": NEUTRAL,
    "argued": NEUTRAL, "argues": NEUTRAL, "described": NEUTRAL, "describes": NEUTRAL,
    "denied": NEUTRAL, "denies": NEUTRAL, "rejected": NEUTRAL, "rejects": NEUTRAL,
    "accused": NEUTRAL, "accuses": NEUTRAL, "blamed": NEUTRAL, "blames": NEUTRAL,
    "expressed": NEUTRAL, "expresses": NEUTRAL, "replied": NEUTRAL, "responded": NEUTRAL,
    "commented": NEUTRAL, "declared": NEUTRAL, "explained": NEUTRAL, "estimated": NEUTRAL,
    # the writer presents the claim as true
    "confirmed": ENDORSING, "confirms": ENDORSING, "acknowledged": ENDORSING, "acknowledges": ENDORSING,
    "revealed": ENDORSING, "reveals": ENDORSING, "admitted": ENDORSING, "admits": ENDORSING,
    "conceded": ENDORSING, "concedes": ENDORSING, "showed": ENDORSING, "shows": ENDORSING,
    "found": ENDORSING, "finds": ENDORSING, "disclosed": ENDORSING, "discloses": ENDORSING,
    "noted": ENDORSING, "notes": ENDORSING, "pointed out": ENDORSING, "established": ENDORSING,
    "identified": ENDORSING, "identifies": ENDORSING, "proved": ENDORSING, "proves": ENDORSING,
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
}

# cue words that mark a rejection even when the kind says otherwise
REJECTING = frozenset({"denied", "denies", "deny", "rejected", "rejects", "reject", "dismissed", "dismisses", "refuted", "disputed", "disputes"})

_FILLERS = frozenset({"has", "have", "had", "also", "further", "previously", "earlier", "later", "repeatedly", "had", "been", "was", "is", "not", "then"})


def commitment(cue: str | None) -> str | None:
    """Commitment of a cue as written ("has warned", "according to")."""
    if not cue:
        return None
    words = " ".join(cue.lower().replace("’", "'").split())
    if words in CUE_COMMITMENT:
        return CUE_COMMITMENT[words]
    for word in reversed(words.split()):
        word = word.strip(".,;:\"'“”")
        if word in _FILLERS:
            continue
        if word in CUE_COMMITMENT:
            return CUE_COMMITMENT[word]
    return None


def is_rejection(kind: str, cue: str | None) -> bool:
    if kind == "denial":
        return True
    return bool(cue) and any(word.strip(".,") in REJECTING for word in cue.lower().split())
