"""Small hand-made indexes for the app tests: no spaCy, offsets by str.find.

Three short articles: Pashinyan speaks twice in the first and once in the
second (so ``]`` crosses an article), Peskov in the first and second, the
Azerbaijani defence ministry denies once; glossary terms are linked by hand.
"""

from __future__ import annotations

from pathlib import Path

from index.models import Actor, Analysis, Article, GlossaryEntry, GlossaryLink, KeyDate, Span, Statement
from index.store import Store, article_id

PASHINYAN = Actor("nikol-pashinyan", "Nikol Pashinyan", "person", ["Pashinyan"], "Prime Minister of Armenia", "Government of Armenia", "nikol-pashinyan")
PESKOV = Actor("dmitry-peskov", "Dmitry Peskov", "person", ["Peskov"], "Kremlin spokesman", "Kremlin")
MINISTRY = Actor("azerbaijan-defence-ministry", "Azerbaijan's defence ministry", "organization", [], "Ministry of Defence", "Government of Azerbaijan")

FIRST = (
    "Ceasefire talks stall as shelling resumes\n"
    "\n"
    "Nikol Pashinyan said on Monday that cluster bombs had hit Stepanakert overnight.\n"
    "\n"
    "Azerbaijan's defence ministry denied that its forces had used cluster bombs.\n"
    "\n"
    "\"We are ready to talk,\" Pashinyan told reporters.\n"
    "\n"
    "Background of the war\n"
    "\n"
    "A ceasefire agreed in 1994 failed to end the conflict. Dmitry Peskov claimed the talks would resume soon.\n"
    "\n"
    "A line with [bold]markup[/] and an escape \x1b[31m sequence stays literal.\n"
)

SECOND = (
    "Kremlin urges calm\n"
    "\n"
    "Dmitry Peskov said the Kremlin was worried about the fighting.\n"
    "\n"
    "Pashinyan said Armenia would defend itself against cluster bombs and shelling.\n"
)

THIRD = (
    "Harvest festival draws crowds\n"
    "\n"
    "The village held its harvest festival on Sunday, with music and food stalls.\n"
)


def span(text: str, piece: str, after: int = 0) -> Span:
    start = text.index(piece, after)
    return Span(start, start + len(piece))


def statement(text: str, actor: Actor | None, speaker: str, sentence: str, cue: str, content: str, kind: str, quote: bool = False) -> Statement:
    whole = span(text, sentence)
    return Statement(
        actor=actor.id if actor else None,
        speaker=speaker,
        source=span(text, speaker, whole.start) if speaker in sentence else None,
        cue=span(text, cue, whole.start),
        content=span(text, content, whole.start),
        sentence=whole,
        kind=kind,
        quote=quote,
    )


def links(text: str, entry: str, term: str) -> list[GlossaryLink]:
    found, start = [], text.find(term)
    while start >= 0:
        found.append(GlossaryLink(entry, term, start, start + len(term)))
        start = text.find(term, start + 1)
    return found


def first_article() -> Article:
    t = FIRST
    statements = [
        statement(t, PASHINYAN, "Nikol Pashinyan", "Nikol Pashinyan said on Monday that cluster bombs had hit Stepanakert overnight.", "said", "cluster bombs had hit Stepanakert overnight", "accusation"),
        statement(t, MINISTRY, "Azerbaijan's defence ministry", "Azerbaijan's defence ministry denied that its forces had used cluster bombs.", "denied", "its forces had used cluster bombs", "denial"),
        statement(t, PASHINYAN, "Pashinyan", "\"We are ready to talk,\" Pashinyan told reporters.", "told", "We are ready to talk,", "claim", True),
        statement(t, PESKOV, "Dmitry Peskov", "Dmitry Peskov claimed the talks would resume soon.", "claimed", "the talks would resume soon", "claim"),
    ]
    glossary = links(t, "cluster-munitions", "cluster bombs") + links(t, "stepanakert", "Stepanakert") + links(t, "ceasefire-1994", "ceasefire agreed in 1994")
    glossary.sort(key=lambda g: g.start)
    return Article(
        id=article_id(t), seq=1, path="/articles/first.txt", title="Ceasefire talks stall as shelling resumes", text=t,
        title_span=span(t, "Ceasefire talks stall as shelling resumes"), date="2020-10-05", source="Test Wire",
        analysis=Analysis([PASHINYAN, MINISTRY, PESKOV], statements, glossary),
    )


def second_article() -> Article:
    t = SECOND
    statements = [
        statement(t, PESKOV, "Dmitry Peskov", "Dmitry Peskov said the Kremlin was worried about the fighting.", "said", "the Kremlin was worried about the fighting", "concern"),
        statement(t, PASHINYAN, "Pashinyan", "Pashinyan said Armenia would defend itself against cluster bombs and shelling.", "said", "Armenia would defend itself against cluster bombs and shelling", "warning"),
    ]
    return Article(
        id=article_id(t), seq=2, path="/articles/second.txt", title="Kremlin urges calm", text=t,
        title_span=span(t, "Kremlin urges calm"), date="2020-10-06", source="Test Wire",
        analysis=Analysis([PESKOV, PASHINYAN], statements, links(t, "cluster-munitions", "cluster bombs")),
    )


def third_article() -> Article:
    t = THIRD
    return Article(id=article_id(t), seq=3, path="/articles/third.txt", title="Harvest festival draws crowds", text=t, title_span=span(t, "Harvest festival draws crowds"), analysis=Analysis())


ENTRIES = [
    GlossaryEntry(
        "ceasefire-1994", "1994 ceasefire", "event",
        "The Russian-brokered ceasefire of May 1994 ended the first war over Nagorno-Karabakh.",
        dates=[KeyDate("1994-05-12", "The ceasefire takes effect")], related=["nagorno-karabakh-conflict", "stepanakert"],
        reference="Encyclopaedia Britannica, 'Nagorno-Karabakh conflict'",
    ),
    GlossaryEntry("nagorno-karabakh-conflict", "Nagorno-Karabakh conflict", "event", "The conflict between Armenia and Azerbaijan over Nagorno-Karabakh.", related=["ceasefire-1994"]),
    GlossaryEntry("cluster-munitions", "cluster munitions", "weapon", "Weapons that scatter many small bomblets over a wide area.", aliases=["cluster bombs"]),
    GlossaryEntry("stepanakert", "Stepanakert", "place", "The main city of Nagorno-Karabakh."),
    GlossaryEntry("nikol-pashinyan", "Nikol Pashinyan", "person", "Prime Minister of Armenia since 2018."),
]

ARTICLES = (first_article, second_article, third_article)


def build_index(path: Path) -> Path:
    """Write the three articles and the glossary into a new index at ``path``."""
    from index.glossary import glossary_fingerprint, load_glossary
    from index.related import update_links

    store = Store(path)
    with store.writer() as writer:
        store.write_glossary(writer, ENTRIES)
        for make in ARTICLES:
            store.add_article(writer, make())
        # as if linked to today's glossary files, so the app keeps these hand-made links
        store.write_state(writer, next_seq=len(ARTICLES) + 1, glossary=glossary_fingerprint(load_glossary().entries))
    update_links(store)  # what others said, as `reader add` builds it
    store.close()
    return path
