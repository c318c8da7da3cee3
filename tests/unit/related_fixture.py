"""The related-claims fixture articles (tests/fixtures/related) with their
statements set by hand: offsets by str.find, no spaCy, so the tests of the
links, the claims that stand alone and `reader related` pin those steps
alone."""

from __future__ import annotations

from pathlib import Path

from index.models import Actor, Analysis, Article, Span, Statement
from index.store import Store, article_id

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "related"

ICELAND = Actor("iceland", "Iceland", "country")
NORWAY = Actor("norway", "Norway", "country")
COAST_GUARD = Actor("icelandic-coast-guard", "The Icelandic coast guard", "organization")
BOTH = Actor("both-sides", "Both sides", "group")
MINISTER = Actor("fisheries-minister", "Norway's fisheries minister", "person")
MINISTRY = Actor("norway-foreign-ministry", "Norway's foreign ministry", "organization")
PRIME_MINISTER = Actor("iceland-prime-minister", "Iceland's prime minister", "person")
FORECASTERS = Actor("forecasters", "Forecasters", "group")


def text_of(name: str) -> str:
    return (FOLDER / name).read_text(encoding="utf-8")


def span(text: str, piece: str, after: int = 0) -> Span:
    start = text.index(piece, after)
    return Span(start, start + len(piece))


def _first(whole: Span, size: int) -> Span:
    return Span(whole.start, whole.start + size)


def said(text: str, actor: Actor, sentence: str, source: str, cue: str, content: str, kind: str) -> Statement:
    whole = span(text, sentence)
    return Statement(
        actor=actor.id,
        speaker=actor.name,
        source=span(text, source, whole.start),
        cue=span(text, cue, whole.start),
        content=span(text, content, whole.start),
        sentence=whole,
        kind=kind,
        quote=False,
    )


def ramming(seq: int = 1) -> Article:
    t = text_of("ramming.txt")
    first = "Iceland accused Norway of ramming two trawlers near the fishing grounds, a claim which Norway denies."
    each = "Both sides accused each other of breaking the quota agreement."
    statements = [
        said(t, ICELAND, first, "Iceland", "accused", "Norway of ramming two trawlers near the fishing grounds, a claim which Norway denies", "accusation"),
        Statement("norway", "Norway", _first(span(t, "Norway denies"), 6), span(t, "denies"), span(t, "a claim"), span(t, first), "denial", False),
        said(t, COAST_GUARD, "The Icelandic coast guard said a Norwegian patrol boat had rammed the trawlers at dawn.", "The Icelandic coast guard", "said",
             "a Norwegian patrol boat had rammed the trawlers at dawn", "claim"),
        said(t, BOTH, each, "Both sides", "accused", "each other of breaking the quota agreement", "accusation"),
        said(t, BOTH, "Each denied breaking the agreement.", "Each", "denied", "breaking the agreement", "denial"),
        said(t, MINISTER, "Norway's fisheries minister said the cod catch had risen this year.", "Norway's fisheries minister", "said",
             "the cod catch had risen this year", "claim"),
    ]
    return Article(
        id=article_id(t), seq=seq, path=str(FOLDER / "ramming.txt"), title="Iceland accuses Norway over trawler ramming", text=t,
        title_span=span(t, "Iceland accuses Norway over trawler ramming"), date="2024-05-02",
        analysis=Analysis([ICELAND, NORWAY, COAST_GUARD, BOTH, MINISTER], statements, []),
    )


def rejection(seq: int = 2) -> Article:
    t = text_of("rejection.txt")
    statements = [
        said(t, MINISTRY, "Norway's foreign ministry rejected reports that its patrol boat had rammed Icelandic trawlers.", "Norway's foreign ministry",
             "rejected reports", "its patrol boat had rammed Icelandic trawlers", "denial"),
        said(t, PRIME_MINISTER, "Iceland's prime minister said the ramming was deliberate.", "Iceland's prime minister", "said",
             "the ramming was deliberate", "claim"),
        said(t, NORWAY, "Oslo denied this.", "Oslo", "denied", "this", "denial"),
    ]
    return Article(
        id=article_id(t), seq=seq, path=str(FOLDER / "rejection.txt"), title="Norway rejects ramming claim", text=t,
        title_span=span(t, "Norway rejects ramming claim"), date="2024-05-03",
        analysis=Analysis([MINISTRY, PRIME_MINISTER, NORWAY], statements, []),
    )


def snow(seq: int = 3) -> Article:
    t = text_of("snow.txt")
    statements = [said(t, FORECASTERS, "Forecasters said heavy snow would fall in the mountains on Friday.", "Forecasters", "said",
                       "heavy snow would fall in the mountains on Friday", "claim")]
    return Article(
        id=article_id(t), seq=seq, path=str(FOLDER / "snow.txt"), title="Snow expected in the mountains", text=t,
        title_span=span(t, "Snow expected in the mountains"), date="2024-05-04", analysis=Analysis([FORECASTERS], statements, []),
    )


def build(path: Path, *articles: Article, link: bool = True) -> Store:
    """An index of ``articles`` (written as ingest writes them), linked."""
    from index.related import update_links

    store = Store(path)
    with store.writer() as writer:
        store.write_glossary(writer, [])
        for article in articles:
            store.add_article(writer, article)
        store.write_state(writer, next_seq=max((a.seq for a in articles), default=0) + 1)
    if link:
        update_links(store, {a.id: a for a in articles}, {})
    return store


def add(store: Store, *articles: Article) -> None:
    """Add more articles later, as a second `reader add` would."""
    from index.related import update_links

    with store.writer() as writer:
        for article in articles:
            store.add_article(writer, article)
        store.write_state(writer, next_seq=max(a.seq for a in articles) + 1)
    update_links(store, {a.id: a for a in articles}, {})
