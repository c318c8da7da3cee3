"""Queries (issue 10, item 11): ``*`` counts exactly, an unknown field name
says which fields exist, and a query typed in another Unicode form (NFD,
as macOS writes it) finds and suggests the same as the usual one."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from index.ingest import add_paths
from index.query import count_all, search
from index.store import Store
from reader.cli import main
from tests.conftest import ARTICLES

NFC_NAME = "Pashinyán"
NFD_NAME = unicodedata.normalize("NFD", NFC_NAME)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "nfd.txt").write_text(f"Talks resume\n\nNikol {NFD_NAME} said the talks would resume.\n", encoding="utf-8")
    (folder / "nfc.txt").write_text(f"Talks stall\n\nOfficials met {NFC_NAME} on Monday and the talks stalled.\n", encoding="utf-8")
    store = Store(tmp_path / "ix")
    report = add_paths(store, [folder, ARTICLES], processes=1)
    assert report.ok, report.failed
    return store


def test_star_counts_every_article_and_entry_exactly(store: Store) -> None:
    counts = count_all(store)
    result = search(store, "*", limit=3)
    assert result.error is None
    assert result.total == counts["article"] + counts["glossary"]
    assert result.exact is True


def test_star_on_the_command_line_is_not_an_estimate(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    counts = count_all(store)
    assert main(["search", "*", "--limit", "2", "--index", str(store.path)]) == 0
    out = capsys.readouterr().out
    # `reader search` looks in articles, statements and the glossary, as the app does
    every = counts["article"] + counts["statement"] + counts["glossary"]
    assert f"{every} results for '*', showing 2" in out and "about" not in out


def test_an_unknown_field_says_which_fields_exist(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    result = search(store, "colour:red talks")
    assert result.error is not None and "'colour'" in result.error
    for name in ("title", "body", "actor", "kind", "source"):
        assert name in result.error
    assert search(store, "actor:pashinyan").error is None
    assert search(store, "http://example.com talks").error is None  # a web address is not a field
    assert main(["search", "colour:red", "--index", str(store.path)]) == 1
    err = capsys.readouterr().err
    assert "unknown field 'colour'" in err and len(err.strip().splitlines()) == 1


def test_texts_are_stored_in_one_normal_form(store: Store) -> None:
    texts = [store.article_text(h.id) or "" for h in store.article_headers() if h.path.endswith(("nfd.txt", "nfc.txt"))]
    assert len(texts) == 2 and all(NFC_NAME in text and unicodedata.is_normalized("NFC", text) for text in texts)


@pytest.mark.parametrize("name", [NFC_NAME, NFD_NAME], ids=["nfc", "nfd"])
def test_both_forms_of_a_query_find_both_forms_of_text(store: Store, name: str) -> None:
    result = search(store, name)
    assert result.error is None
    assert {Path(h.path or "").name for h in result.hits} == {"nfd.txt", "nfc.txt"}
    assert result.suggestion is None
    misspelled = search(store, unicodedata.normalize("NFD", "Pashinyám"))
    assert misspelled.suggestion == NFC_NAME
