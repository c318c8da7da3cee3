"""Search semantics: stemming, phrases, fields, fuzzy, suggestions, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.query import search
from index.store import Store


@pytest.fixture
def store(corpus_index: Path) -> Store:
    return Store(corpus_index, create=False)


def titles(result) -> list[str]:
    return [h.title for h in result.hits]


def test_stemming_finds_inflected_forms(store: Store) -> None:
    result = search(store, "bomb", types=["article"])
    assert "Shelling hits border town as both sides trade blame" in titles(result)
    article = store.article(result.hits[0].article)
    assert article is not None
    words = {article.text[m.start : m.end].lower() for m in result.hits[0].matches}
    assert {"bombs", "bombing", "bomb"} <= words


def test_phrase_query(store: Store) -> None:
    result = search(store, '"interest rates"', types=["article"])
    assert titles(result) == ["Central bank holds interest rates steady"]
    text = store.article(result.hits[0].article).text  # type: ignore[union-attr]
    assert all(text[m.start : m.end].lower() in {"interest", "rates"} for m in result.hits[0].matches)


def test_phrase_is_stricter_than_words(store: Store) -> None:
    assert search(store, '"rates interest"', types=["article"]).hits == []


def test_field_query_on_title(store: Store) -> None:
    assert titles(search(store, "title:harvest", types=["article"])) == ["Farmers report a record harvest"]
    assert search(store, "title:valley", types=["article"]).hits == []


def test_fuzzy_and_wildcard(store: Store) -> None:
    assert "Farmers report a record harvest" in titles(search(store, "harvst~", types=["article"]))
    assert "Election results announced" in titles(search(store, "elect*", types=["article"]))


def test_boolean_operators(store: Store) -> None:
    both = titles(search(store, "rates AND inflation", types=["article"]))
    assert both == ["Central bank holds interest rates steady"]
    without = titles(search(store, "rates NOT inflation", types=["article"]))
    assert "Central bank holds interest rates steady" not in without


def test_misspelling_gets_a_suggestion(store: Store) -> None:
    result = search(store, "cluser bombs")
    assert result.suggestion == "cluster bombs"


def test_no_suggestion_when_words_are_known(store: Store) -> None:
    assert search(store, "cluster bombs").suggestion is None


@pytest.mark.parametrize("query", ['"unclosed', "title:(", "(((", "AND", "OR NOT", "*", "~", "kind:", ":", "[a TO", "\\"])
def test_odd_queries_never_raise(store: Store, query: str) -> None:
    result = search(store, query)
    assert result.error is None or "\n" not in result.error


def test_empty_query_is_explained(store: Store) -> None:
    assert "empty" in (search(store, "   ").error or "")


def test_offsets_point_into_the_article_text(store: Store) -> None:
    for hit in search(store, "civilians OR rates OR harvest", types=["article"]).hits:
        text = store.article(hit.article).text  # type: ignore[union-attr]
        assert hit.matches
        for m in hit.matches:
            assert text[m.start : m.end].lower().startswith(("civilian", "rate", "harvest"))


def test_phrase_highlights_only_the_phrase(store: Store) -> None:
    (hit,) = search(store, '"interest rates"', types=["article"]).hits
    text = store.article_text(hit.article)  # type: ignore[arg-type]
    assert text is not None
    words = [text[m.start : m.end].lower() for m in hit.matches]
    assert words and words == ["interest", "rates"] * (len(words) // 2)
    # "rates" also stands alone in that article, and must not be marked there
    assert len(words) < 2 * text.lower().count("rates")


def test_next_statement_walks_an_actor_in_reading_order(store: Store) -> None:
    from index.query import actors, next_statement, statements_of

    busiest = actors(store)[0].actor
    refs = statements_of(store, busiest.id)
    assert len(refs) >= 2 and [r.order for r in refs] == sorted(r.order for r in refs)
    walked = [refs[0]]
    while (following := next_statement(store, busiest.id, walked[-1].order)) is not None:
        walked.append(following)
    assert [r.order for r in walked] == [r.order for r in refs]
    back = next_statement(store, busiest.id, refs[-1].order, forward=False)
    assert back is not None and back.order == refs[-2].order
    assert next_statement(store, busiest.id, refs[0].order, forward=False) is None


def test_a_phrase_lights_up_as_one_span_with_its_stop_words() -> None:
    from index.query import text_matches

    text = "He said: 'Our cause is right!' Later: our cause, he said, is right. Cause for hope."
    spans = [text[s.start : s.end] for s in text_matches('"our cause is right"', text)]
    assert spans == ["Our cause is right"]
    assert [text[s.start : s.end] for s in text_matches("cause", text)] == ["cause", "cause", "Cause"]


def test_an_unknown_kind_lists_the_kinds(store: Store) -> None:
    result = search(store, "kind:denail")
    assert result.error is not None and "unknown kind 'denail'" in result.error and "denial" in result.error
    assert "\n" not in result.error
    assert search(store, "kind:concession").error is None  # a kind no statement has here is still a kind


def test_pages_of_results_follow_each_other(store: Store) -> None:
    everything = search(store, "said", limit=50, types=["statement"])
    assert len(everything.hits) >= 4
    first = search(store, "said", limit=2, types=["statement"])
    second = search(store, "said", limit=2, offset=2, types=["statement"])
    ids = lambda r: [(h.article, h.position) for h in r.hits]  # noqa: E731
    assert ids(first) + ids(second) == ids(everything)[:4]
