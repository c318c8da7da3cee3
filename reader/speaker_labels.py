"""How a statement's speaker is named on screen and on the command line.

A resolved speaker is its actor's name.  A source the analysis could not
resolve ("he", "the spokesman", a surname the article never completes) is
shown as what it is, "unnamed: he", never as if it were an actor.  A
statement a group said together ("Turkey and Azerbaijan have denied") is
each member's too, and is marked as said jointly when reached from one.
"""

from __future__ import annotations

from collections.abc import Mapping

from index.models import Actor, Statement

UNNAMED = "unnamed"


def speaker_label(statement: Statement, actors: Mapping[str, Actor] | None = None) -> str:
    """The actor's name, or "unnamed: <the source as written>"."""
    if statement.actor:
        actor = (actors or {}).get(statement.actor)
        return actor.name if actor is not None else statement.speaker
    written = " ".join(statement.speaker.split())
    return f"{UNNAMED}: {written}" if written else UNNAMED


def jointly(statement: Statement, actor_id: str) -> bool:
    """Reached from ``actor_id`` through a group it belongs to."""
    return bool(statement.actor) and statement.actor != actor_id
