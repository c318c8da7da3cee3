"""Adding articles: formats, idempotent re-adding, replacing, index location."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from index.ingest import add_paths, collect_files
from index.store import Store, default_index_dir
from tests.conftest import ARTICLES


def test_add_folder_indexes_every_format(tmp_path: Path) -> None:
    store = Store(tmp_path / "ix")
    report = add_paths(store, [ARTICLES])
    assert report.ok, report.failed
    assert len(report.added) == 5
    titles = {h.title for h in store.article_headers()}
    assert {"Central bank holds interest rates steady", "Farmers report a record harvest", "Election results announced"} <= titles


def test_stored_text_is_exactly_the_file(tmp_path: Path) -> None:
    store = Store(tmp_path / "ix")
    add_paths(store, [ARTICLES / "rates.txt"])
    (header,) = store.article_headers()
    article = store.article(header.id)
    assert article is not None
    assert article.text == (ARTICLES / "rates.txt").read_text(encoding="utf-8")


def test_adding_again_changes_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "ix")
    add_paths(store, [ARTICLES])
    before = [(h.id, h.seq) for h in store.article_headers()]
    again = add_paths(store, [ARTICLES])
    assert again.added == [] and again.replaced == [] and again.unchanged == 5
    assert [(h.id, h.seq) for h in store.article_headers()] == before


def test_same_content_at_two_paths_is_not_duplicated(tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes((ARTICLES / "budget.txt").read_bytes())
    store = Store(tmp_path / "ix")
    report = add_paths(store, [ARTICLES / "budget.txt", copy])
    assert len(report.added) == 1 and report.duplicates == 1
    assert len(store.article_headers()) == 1


def test_changed_file_replaces_its_older_version(tmp_path: Path, articles_dir: Path) -> None:
    store = Store(tmp_path / "ix")
    path = articles_dir / "budget.txt"
    add_paths(store, [path])
    (old,) = store.article_headers()
    path.write_text(path.read_text(encoding="utf-8") + "\nThe vote is due on Friday.\n", encoding="utf-8")
    report = add_paths(store, [path])
    assert report.replaced == [str(path)]
    (new,) = store.article_headers()
    assert new.id != old.id and new.seq == old.seq
    article = store.article(new.id)
    assert article is not None and article.text.endswith("due on Friday.\n")
    assert store.article(old.id) is None


def test_one_bad_file_does_not_stop_the_batch(tmp_path: Path, articles_dir: Path) -> None:
    (articles_dir / "broken.txt").write_bytes(b"%PDF-1.4 binary")
    (articles_dir / "empty.txt").write_bytes(b"")
    store = Store(tmp_path / "ix")
    report = add_paths(store, [articles_dir, tmp_path / "missing.txt"])
    assert len(report.added) == 5
    assert len(report.failed) == 3
    assert all("\n" not in line for line in report.failed)
    assert any("missing.txt" in line and "no such file" in line for line in report.failed)
    assert not report.ok


def test_symlink_loop_is_reported_not_followed_forever(tmp_path: Path, articles_dir: Path) -> None:
    os.symlink(articles_dir, articles_dir / "loop")
    os.symlink(tmp_path / "self", tmp_path / "self")
    files, errors = collect_files([articles_dir, tmp_path / "self"])
    assert len(files) == 5
    assert len(errors) == 1 and "self" in errors[0]


def test_index_location_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_INDEX", str(tmp_path / "elsewhere"))
    assert default_index_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv("READER_INDEX")
    assert default_index_dir().name == "index" and "guided-reader" in str(default_index_dir())


def test_statements_and_glossary_are_stored_with_the_article(tmp_path: Path) -> None:
    store = Store(tmp_path / "ix")
    add_paths(store, [ARTICLES / "bombing.txt"])
    (header,) = store.article_headers()
    article = store.article(header.id)
    assert article is not None
    assert header.statements == len(article.analysis.statements) > 0
    for statement in article.analysis.statements:
        assert 0 <= statement.sentence.start < statement.sentence.end <= len(article.text)


def test_an_analysis_crash_skips_only_that_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import index.analysis as analysis_package

    real_one = analysis_package.analyze

    def fragile(text: str, title_span=None):  # type: ignore[no-untyped-def]
        if "Lawmakers" in text:
            raise RuntimeError("boom")
        return real_one(text, title_span)

    def fragile_many(items, processes=1, **kwargs):  # type: ignore[no-untyped-def]
        for text, title_span in items:
            yield fragile(text, title_span)

    monkeypatch.setattr(analysis_package, "analyze", fragile)
    monkeypatch.setattr(analysis_package, "analyze_many", fragile_many)
    store = Store(tmp_path / "ix")
    report = add_paths(store, [ARTICLES])
    assert len(report.added) == 4
    assert len(report.failed) == 1 and "budget.txt" in report.failed[0] and "RuntimeError: boom" in report.failed[0]
    assert store.verify() == []


def test_folder_notes_are_not_articles(tmp_path: Path, articles_dir: Path) -> None:
    (articles_dir / "README.md").write_text("# About this folder\n\nFiles collected for a class.\n", encoding="utf-8")
    (articles_dir / "SOURCE.md").write_text("Where these came from.\n", encoding="utf-8")
    files, _ = collect_files([articles_dir])
    assert {f.name for f in files} == {"rates.txt", "bombing.txt", "harvest.md", "election.html", "budget.txt"}
    files, _ = collect_files([articles_dir / "README.md"])
    assert [f.name for f in files] == ["README.md"]


def test_actors_sharing_a_glossary_entry_merge_across_spellings() -> None:
    from index.linking import merge_actors_by_entry
    from index.models import Actor, Analysis, Span, Statement

    def said(actor: str) -> Statement:
        return Statement(actor, actor, None, None, None, Span(0, 1), "claim", False)

    analysis = Analysis(
        actors=[
            Actor("nikol-pashinian", "Nikol Pashinian", "person", entry="nikol-pashinyan"),
            Actor("pashinyan", "Pashinyan", "person", entry="nikol-pashinyan", description="prime minister"),
            Actor("someone", "Someone Else", "person"),
        ],
        statements=[said("nikol-pashinian"), said("pashinyan"), said("someone")],
    )
    merge_actors_by_entry(analysis)
    assert [a.id for a in analysis.actors] == ["nikol-pashinyan", "someone"]
    assert analysis.actors[0].aliases == ["Pashinyan"] and analysis.actors[0].description == "prime minister"
    assert [s.actor for s in analysis.statements] == ["nikol-pashinyan", "nikol-pashinyan", "someone"]


def test_a_replaced_file_maps_its_path_to_the_new_version(tmp_path: Path) -> None:
    """Until whoosh merges segments, the old version's terms stay listed:
    the path must still lead to the version that is live."""
    from index.models import Article
    from index.store import article_id, content_hash

    store = Store(tmp_path / "ix")
    texts = ["Zebra crossing repainted\n\nThe council said the work was done.\n", "Aardvark found\n\nA keeper said it was well.\n"]
    for number, text in enumerate(texts):
        article = Article(id=article_id(text), seq=1, path="/news/same.txt", title=text.split("\n")[0], text=text)
        with store.writer() as writer:
            if number:
                store.delete_article(writer, article_id(texts[0]))
            store.add_article(writer, article)
    by_path, hashes = store.known_sources()
    assert by_path == {"/news/same.txt": content_hash(texts[1])}
    assert hashes == {content_hash(texts[1])}
    store.close()
