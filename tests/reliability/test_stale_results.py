"""Search results never come from an older version of the index (issue 10,
item 10): query caches once keyed by ``id()`` of searcher objects returned
an old set when a new searcher reused an old one's address ("kremlin" gave
7 hits with 22 articles indexed)."""

from __future__ import annotations

from pathlib import Path

from index.models import Analysis, Article
from index.query import search
from index.store import Store, article_id

ROUNDS = 200


def article(number: int) -> Article:
    text = f"Report {number}\n\nThe Kremlin said item {number} was filed on Monday.\n"
    return Article(id=article_id(text), seq=number, path=f"/news/{number}.txt", title=f"Report {number}", text=text, analysis=Analysis())


def test_counts_are_right_after_every_one_of_200_commits(tmp_path: Path) -> None:
    store = Store(tmp_path / "ix")
    wrong = []
    for number in range(1, ROUNDS + 1):
        with store.writer() as writer:
            store.add_article(writer, article(number))
        result = search(store, "kremlin", limit=ROUNDS + 10)
        if result.total != number or len(result.hits) != number:
            wrong.append((number, result.total, len(result.hits)))
    assert wrong == []
    store.close()


def test_caches_belong_to_the_store_and_are_dropped_on_refresh(tmp_path: Path) -> None:
    store = Store(tmp_path / "ix")
    with store.writer() as writer:
        store.add_article(writer, article(1))
    assert search(store, "kremlin").total == 1
    other = Store(tmp_path / "ix")  # another process's view, say
    with other.writer() as writer:
        other.add_article(writer, article(2))
    assert search(store, "kremlin").total == 1  # not refreshed yet: its own generation
    assert store.refresh() is True
    assert search(store, "kremlin").total == 2
    assert search(store, "kremlim").suggestion == "kremlin"
