"""Tying an article's analysis to the glossary.

Glossary links are found in the text, actors are linked to their entries,
and actors that share an entry become one: "Nikol Pashinian" in one article
and "Nikol Pashinyan" in another are the same man, so they get the entry's
id and merge across the corpus like any actor with the same id.
"""

from __future__ import annotations

from collections.abc import Mapping

from .models import Actor, Analysis, GlossaryEntry


def link(analysis: Analysis, text: str, matcher: object, entries: Mapping[str, GlossaryEntry]) -> Analysis:
    """Fill in ``analysis.glossary`` and the actors' entries (in place)."""
    from .glossary import link_actors

    analysis.glossary = matcher.find(text)  # type: ignore[attr-defined]
    allowed = matcher.entries_in_scope(text)  # type: ignore[attr-defined]
    link_actors(analysis.actors, entries, matcher, allowed)  # type: ignore[arg-type]
    for actor in analysis.actors:
        entry = entries.get(actor.entry or "")
        if entry is not None:  # the glossary's spellings find the actor too ("Pashinian")
            names = [entry.term, *entry.aliases]
            actor.aliases = list(dict.fromkeys([*actor.aliases, *(n for n in names if n != actor.name)]))
    merge_actors_by_entry(analysis, entries)
    scope_to_article(analysis, text)
    return analysis


def merge_actors_by_entry(analysis: Analysis, entries: Mapping[str, GlossaryEntry] | None = None) -> None:
    """Give each actor with a glossary entry the entry's id, merging actors
    of this article that share one; statements follow their actor.  An
    entry's story-free variant gives the entry's own id: Russia is one actor
    in every story, whichever card it shows."""
    merged: dict[str, Actor] = {}
    renamed: dict[str, str] = {}
    kept: list[Actor] = []
    entries = entries or {}
    for actor in analysis.actors:
        entry = entries.get(actor.entry or "")
        new_id = (entry.general_of or entry.id) if entry is not None else (actor.entry or actor.id)
        if actor.entry:
            actor.scope = "corpus"  # the glossary says who "Pashinyan" is
        renamed[actor.id] = new_id
        first = merged.get(new_id)
        if first is None:
            actor.id = new_id
            merged[new_id] = actor
            kept.append(actor)
            continue
        names = [actor.name, *actor.aliases]
        first.aliases = sorted({*first.aliases, *(n for n in names if n != first.name)})
        first.description = first.description or actor.description
        first.affiliation = first.affiliation or actor.affiliation
    analysis.actors = kept
    for statement in analysis.statements:
        if statement.actor is not None:
            statement.actor = renamed.get(statement.actor, statement.actor)
            statement.speaker = merged[statement.actor].name if statement.actor in merged else statement.speaker
    for actor in analysis.actors:
        actor.members = list(dict.fromkeys(renamed.get(m, m) for m in actor.members))


#: Between an article-scoped actor's id and its article's: "both-sides@1f2e…".
SCOPE_MARK = "@"


def scope_to_article(analysis: Analysis, text: str) -> None:
    """Give each actor that names no one across the corpus (a role, "Both
    sides", a surname alone) an id of this article's own, so that `]`,
    `actor:` and the corpus list never merge it with another article's."""
    from .store import article_id

    suffix = SCOPE_MARK + article_id(text)[:12]
    renamed: dict[str, str] = {}
    for actor in analysis.actors:
        if actor.scope == "article" and SCOPE_MARK not in actor.id:
            renamed[actor.id] = actor.id + suffix
            actor.id += suffix
    if not renamed:
        return
    for actor in analysis.actors:
        actor.members = [renamed.get(m, m) for m in actor.members]
    for statement in analysis.statements:
        if statement.actor in renamed:
            statement.actor = renamed[statement.actor]
