"""Glossary entries written for one story link only where the text is about
that story: topics, scopes and story-free variants (index/glossary.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.glossary import BUNDLED_DIR, GlossaryMatcher, glossary_fingerprint, link_actors, load_glossary
from index.linking import link
from index.models import Actor, Analysis, GlossaryEntry

TOPIC = """
[[topic]]
id = "fishing"
name = "The North Atlantic fishing dispute"
min = 2
terms = ["Iceland", "Icelandic", "Reykjavik", "trawler", "cod war"]
"""

ENTRIES = """
topic_of_entries = "fishing"

[[entry]]
id = "norway"
term = "Norway"
category = "place"
aliases = ["Norway"]
summary = "Iceland's rival in the dispute. It patrols the fishing grounds."

[entry.general]
summary = "A country in northern Europe. Its capital is Oslo."
dates = [{ date = "1905-06-07", event = "Independence from Sweden" }]

[[entry]]
id = "quota"
term = "quota agreement"
category = "law"
patterns = ['''quota\\s+agreement''']
summary = "The 2019 deal on catches. Both sides accuse each other of breaking it."

[[entry]]
id = "harbour"
term = "Harbour"
topic = ""
category = "place"
summary = "A port anywhere. It shelters boats."
"""


@pytest.fixture
def loaded(tmp_path: Path):
    folder = tmp_path / "glossary"
    folder.mkdir()
    (folder / "topics.toml").write_text(TOPIC, encoding="utf-8")
    (folder / "fishing.toml").write_text(ENTRIES, encoding="utf-8")
    return load_glossary([folder])


def links(entries: dict[str, GlossaryEntry], text: str) -> list[tuple[str, str]]:
    return [(link.entry, link.term) for link in GlossaryMatcher(entries).find(text)]


def test_topics_give_scopes_and_variants(loaded) -> None:
    assert loaded.errors == []
    entries = loaded.entries
    assert entries["norway"].topic == "fishing" and entries["norway"].scope_min == 2
    assert "Icelandic" in entries["norway"].scope
    variant = entries["norway-general"]
    assert variant.general_of == "norway" and variant.summary.startswith("A country in northern Europe")
    assert variant.aliases == entries["norway"].aliases and not variant.scope and variant.dates[0].date == "1905-06-07"
    assert entries["harbour"].topic == "" and not entries["harbour"].scope
    assert "quota-general" not in entries


def test_an_entry_links_only_where_the_text_is_about_its_story(loaded) -> None:
    entries = loaded.entries
    about = "Norway sent a patrol boat after an Icelandic trawler broke the quota agreement off Reykjavik."
    assert links(entries, about) == [("norway", "Norway"), ("quota", "quota agreement")]
    elsewhere = "Norway won the ski jumping; the quota agreement on oil was extended at the Harbour."
    assert links(entries, elsewhere) == [("norway-general", "Norway"), ("harbour", "Harbour")]


def test_one_topic_term_is_not_enough_and_one_inside_another_counts_once(loaded) -> None:
    entries = loaded.entries
    assert links(entries, "Norway and Iceland met.") == [("norway-general", "Norway")]
    # "cod war" holds no other term; two different terms are needed
    assert links(entries, "Norway remembers the cod war.") == [("norway-general", "Norway")]
    assert links(entries, "Norway remembers the cod war with Iceland.")[0] == ("norway", "Norway")


def test_looking_a_term_up_ignores_the_story(loaded) -> None:
    from index.glossary import entry_for_term

    found = entry_for_term("the quota agreement", loaded.entries)
    assert found is not None and found.id == "quota"


def test_actors_get_the_entry_of_the_story_or_its_variant(loaded) -> None:
    entries = loaded.entries
    matcher = GlossaryMatcher(entries)
    about = Analysis(actors=[Actor("norway", "Norway", "country")])
    text = "Norway denied that its boat rammed an Icelandic trawler near Reykjavik."
    link(about, text, matcher, entries)
    assert about.actors[0].entry == "norway" and about.actors[0].id == "norway"
    elsewhere = Analysis(actors=[Actor("norway", "Norway", "country")])
    link(elsewhere, "Norway said oil prices would rise.", matcher, entries)
    # the general card, and the same actor as in the fishing stories
    assert elsewhere.actors[0].entry == "norway-general" and elsewhere.actors[0].id == "norway"
    actors = [Actor("norway", "Norway", "country")]
    link_actors(actors, entries, matcher, allowed=set())
    assert actors[0].entry is None


def test_a_wrong_topic_is_one_line_and_the_entry_links_everywhere(tmp_path: Path) -> None:
    folder = tmp_path / "glossary"
    folder.mkdir()
    (folder / "a.toml").write_text(ENTRIES.replace('topic_of_entries = "fishing"', 'topic_of_entries = "fishin"'), encoding="utf-8")
    loaded = load_glossary([folder])
    assert len(loaded.errors) == 2  # norway and quota
    assert all("topic 'fishin'" in line and "a.toml" in line for line in loaded.errors)
    assert links(loaded.entries, "Norway won.") == [("norway", "Norway")]


def test_a_general_table_without_summary_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "glossary"
    folder.mkdir()
    (folder / "topics.toml").write_text(TOPIC, encoding="utf-8")
    (folder / "a.toml").write_text(ENTRIES.replace('summary = "A country in northern Europe. Its capital is Oslo."', 'reference = "An atlas"'), encoding="utf-8")
    loaded = load_glossary([folder])
    assert any("[entry.general] needs a summary" in line for line in loaded.errors)
    assert "norway-general" not in loaded.entries and "norway" in loaded.entries


def test_the_fingerprint_changes_with_the_scope(loaded) -> None:
    before = glossary_fingerprint(loaded.entries)
    changed = dict(loaded.entries)
    changed["norway"] = GlossaryEntry(**{**changed["norway"].to_json(), "scope_min": 3})
    assert glossary_fingerprint(changed) != before


def test_stored_entries_keep_their_scope(loaded) -> None:
    entry = loaded.entries["norway"]
    again = GlossaryEntry.from_json(entry.to_json())
    assert again.scope == entry.scope and again.scope_min == 2 and again.topic == "fishing"
    assert GlossaryEntry.from_json(loaded.entries["norway-general"].to_json()).general_of == "norway"


# -- the bundled glossary --------------------------------------------------------


def test_bundled_entries_are_written_for_the_south_caucasus_and_link_outside_only_as_general_cards() -> None:
    entries = load_glossary([BUNDLED_DIR]).entries
    scoped = [e for e in entries.values() if e.topic]
    assert len(scoped) >= 40 and {e.topic for e in scoped} == {"south-caucasus"}
    business = "Yukos shares fell after Russia's tax ministry raised its claims; Vladimir Putin spoke in the Kremlin."
    found = links(entries, business)
    assert ("russia-general", "Russia") in found and ("vladimir-putin-general", "Vladimir Putin") in found
    assert ("kremlin", "Kremlin") in found  # written for any story
    assert not any(entries[e].topic for e, _ in found)
    war = "Russia called on Armenia and Azerbaijan to stop fighting in Nagorno-Karabakh."
    assert ("russia", "Russia") in links(entries, war)
