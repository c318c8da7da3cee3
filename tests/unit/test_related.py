"""Subject links between statements (index/related.py) and `reader related`,
on the hand-made fixture articles (tests/fixtures/related)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.related import (
    LINKS_VERSION,
    ArticleLinks,
    find_statement,
    pending_articles,
    related_to,
    stored_links,
    update_links,
)
from index.store import Store
from reader.cli import main

from .related_fixture import add, build, ramming, rejection, snow


def relations(store: Store, aid: str, position: int) -> list[tuple[str, str]]:
    return [(item.relation, item.claim) for item in related_to(store, aid, position)]


@pytest.fixture
def store(tmp_path: Path):
    built = build(tmp_path / "index", ramming(), rejection(), snow())
    yield built
    built.close()


def test_the_accused_denial_in_the_same_sentence_answers_the_accusation(store: Store) -> None:
    found = relations(store, ramming().id, 0)
    assert found[0] == ("denies", "denies a claim [Iceland accused Norway of ramming two trawlers near the fishing grounds]")
    # the accused's rejection in another article answers it too, before anything that only shares the subject
    assert ("rejects", "its patrol boat had rammed Icelandic trawlers") in found[:3]
    assert [r for r, _ in found] == sorted((r for r, _ in found), key=lambda r: r not in {"denies", "rejects", "accuses", "is accused"})


def test_a_denial_lists_the_claims_it_answers(store: Store) -> None:
    found = relations(store, rejection().id, 0)  # Norway's foreign ministry rejected reports …
    assert {r for r, _ in found[:2]} == {"accuses"}
    claims = [c for _, c in found[:2]]
    assert "a Norwegian patrol boat had rammed the trawlers at dawn" in claims
    assert "Norway of ramming two trawlers near the fishing grounds" in claims


def test_denied_this_answers_what_this_is(store: Store) -> None:
    found = relations(store, rejection().id, 1)  # Iceland's prime minister said the ramming was deliberate
    assert found[0] == ("denies", "denied [that the ramming was deliberate]")


def test_both_sides_deny_what_both_sides_said(store: Store) -> None:
    assert relations(store, ramming().id, 3) == [("denies", "breaking the agreement")]
    assert relations(store, ramming().id, 4) == [("accuses", "each other of breaking the quota agreement")]


def test_unrelated_statements_have_no_links(store: Store) -> None:
    assert related_to(store, snow().id, 0) == []
    assert related_to(store, ramming().id, 5) == []  # the cod catch


def test_counts_are_what_the_claims_pane_shows(store: Store) -> None:
    links = stored_links(store, ramming().id)
    assert links is not None and links.version == LINKS_VERSION
    counts = links.counts(0)
    assert counts.answers == 3 and counts.words().startswith("3 answers")
    assert not links.counts(5)
    assert links.claims[1].refers_to == 0


def test_links_are_symmetric(store: Store) -> None:
    for article in (ramming(), rejection()):
        links = stored_links(store, article.id)
        assert links is not None
        for position, listed in links.links.items():
            for link in listed:
                back = stored_links(store, link.article)
                assert back is not None
                assert any(b.article == article.id and b.position == position for b in back.links.get(link.position, ())), (article.title, position, link)


def test_articles_added_later_link_both_ways(tmp_path: Path) -> None:
    store = build(tmp_path / "index", ramming(), snow())
    before = relations(store, ramming().id, 2)  # the coast guard's claim
    assert all(r != "rejects" for r, _ in before)
    add(store, rejection(seq=3))
    assert pending_articles(store) == []
    after = relations(store, ramming().id, 2)
    assert ("rejects", "its patrol boat had rammed Icelandic trawlers") in after  # an old statement gained the new answer
    assert ("accuses", "a Norwegian patrol boat had rammed the trawlers at dawn") in relations(store, rejection().id, 0)
    store.close()


def test_missing_links_are_built_by_the_next_writer(tmp_path: Path) -> None:
    store = build(tmp_path / "index", ramming(), rejection(), link=False)
    assert set(pending_articles(store)) == {ramming().id, rejection().id}
    assert related_to(store, ramming().id, 0) == []
    assert update_links(store) == 2  # read from the index: no articles in memory
    assert pending_articles(store) == [] and related_to(store, ramming().id, 0)
    assert update_links(store) == 0
    store.close()


def test_a_replaced_article_leaves_no_links_behind(tmp_path: Path) -> None:
    store = build(tmp_path / "index", ramming(), rejection())
    with store.writer() as writer:
        store.delete_article(writer, rejection().id)
    update_links(store)
    assert all(item.article != rejection().id for item in related_to(store, ramming().id, 0))
    store.close()


def test_links_of_an_older_version_are_rebuilt(tmp_path: Path) -> None:
    store = build(tmp_path / "index", ramming(), rejection())
    with store.writer() as writer:
        store.write_state(writer, links=LINKS_VERSION - 1)
    assert stored_links(store, ramming().id) is not None
    assert set(pending_articles(store)) == {ramming().id, rejection().id}
    update_links(store)
    assert str(store.state()["links"]) == str(LINKS_VERSION)
    store.close()


def test_an_article_without_stored_links_still_shows_its_claims() -> None:
    from index.related import article_claims

    links = article_claims(rejection())
    assert isinstance(links, ArticleLinks) and links.claims[2].text == "denied [that the ramming was deliberate]"
    assert not links.links


def test_a_statement_is_found_by_the_words_of_its_sentence(store: Store) -> None:
    assert find_statement(store, "a claim which Norway denies") == (ramming().id, 1)
    assert find_statement(store, "Iceland accused Norway of ramming") == (ramming().id, 0)
    assert find_statement(store, "Oslo denied this") == (rejection().id, 2)
    assert find_statement(store, "xylophone quartet") is None


# -- reader related ---------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_reader_related_json_by_words(capsys: pytest.CaptureFixture[str], store: Store) -> None:
    code, out, err = run(capsys, "related", "--text", "Oslo", "denied", "this", "--json", "--index", str(store.path))
    assert code == 0, err
    data = json.loads(out)
    chosen = data["statement"]
    assert chosen["sentence_text"] == "Oslo denied this."
    assert chosen["claim_text"] == "denied [that the ramming was deliberate]"
    assert chosen["id"] == f"{rejection().id}:2" and chosen["kind"] == "denial"
    first = data["related"][0]
    assert {"relation", "speaker", "article", "title", "date", "sentence_text"} <= first.keys()
    assert first["relation"] == "accuses" and first["speaker"] == "Iceland's prime minister"
    assert first["title"] == "Norway rejects ramming claim" and first["date"] == "2024-05-03"
    assert first["sentence_text"] == "Iceland's prime minister said the ramming was deliberate."


def test_reader_related_by_id_in_text(capsys: pytest.CaptureFixture[str], store: Store) -> None:
    code, out, _ = run(capsys, "related", f"{ramming().id[:8]}:0", "--index", str(store.path))
    assert code == 0
    assert out.splitlines()[0].startswith("Iceland [accusation]")
    assert "denies" in out and "Norway rejects ramming claim" in out


def test_reader_related_errors_are_one_line(capsys: pytest.CaptureFixture[str], store: Store) -> None:
    for args in (("nonsense",), (f"{ramming().id}:99",), ("--text", "xylophone", "quartet"), ()):
        code, out, err = run(capsys, "related", *args, "--index", str(store.path))
        assert code in (1, 2) and "Traceback" not in err and len(err.strip().splitlines()) == 1, (args, err)


def test_a_first_add_counts_words_in_memory_and_links_as_the_index_would(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from index import related

    articles = (ramming(), rejection(), snow())
    used: list[bool] = []
    counted = related.ClaimTerms.from_memory

    def spy(self: object, new: object) -> bool:
        used.append(counted(self, new))  # type: ignore[arg-type]
        return used[-1]

    monkeypatch.setattr(related.ClaimTerms, "from_memory", spy)
    in_memory = build(tmp_path / "memory", *articles)
    assert used == [True]
    monkeypatch.setattr(related.ClaimTerms, "from_memory", lambda self, new: False)
    from_index = build(tmp_path / "index", *articles)
    try:
        for article in articles:
            first, second = stored_links(in_memory, article.id), stored_links(from_index, article.id)
            assert first is not None and second is not None
            assert first.to_json() == second.to_json()
    finally:
        in_memory.close()
        from_index.close()


def test_search_results_show_a_pointing_statement_as_a_claim_that_stands_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 13 item 2: "Oslo denied this" is found by search with what it denies."""
    from index.query import search

    store = build(tmp_path / "ix", rejection(1))
    hits = {h.snippet: h for h in search(store, "denied", types=("statement",)).hits}
    store.close()
    hit = hits["Oslo denied this."]
    assert hit.claim == "denied [that the ramming was deliberate]"
    assert hit.to_json()["claim_text"] == hit.claim
    plain = [h for h in hits.values() if h is not hit]
    assert all(h.claim is None for h in plain)  # a statement that says it all carries no extra line
    assert main(["search", "denied", "--index", str(tmp_path / "ix")]) == 0
    assert "claim: denied [that the ramming was deliberate]" in capsys.readouterr().out
