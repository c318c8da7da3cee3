"""A damaged index is detected at open with a clear message, and `reader
reindex` rebuilds it from the article texts the index keeps."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.ingest import add_paths
from index.query import search
from index.store import IndexDamaged, Store
from reader.cli import main
from tests.conftest import ARTICLES


def build(where: Path) -> list[tuple[str, int]]:
    store = Store(where)
    assert add_paths(store, [ARTICLES]).ok
    headers = [(h.title, h.seq) for h in store.article_headers()]
    store.close()
    return headers


def damage_truncate(where: Path) -> None:
    for seg in (where / "whoosh").glob("*.seg"):
        seg.write_bytes(seg.read_bytes()[: seg.stat().st_size // 3])


def damage_toc(where: Path) -> None:
    for toc in (where / "whoosh").glob("*.toc"):
        toc.unlink()


def damage_everything(where: Path) -> None:
    for item in (where / "whoosh").iterdir():
        item.unlink()


@pytest.mark.parametrize("damage", [damage_truncate, damage_toc, damage_everything])
def test_damage_is_detected_and_reindex_rebuilds(tmp_path: Path, capsys: pytest.CaptureFixture[str], damage) -> None:
    where = tmp_path / "ix"
    before = build(where)
    damage(where)
    with pytest.raises(IndexDamaged, match="reindex"):
        Store(where)
    code = main(["search", "rates", "--index", str(where)])
    err = capsys.readouterr().err
    assert code == 2 and "damaged" in err and "reader reindex" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1

    assert main(["reindex", "--index", str(where)]) == 0
    assert "5 articles re-analysed" in capsys.readouterr().err
    store = Store(where, create=False)
    assert [(h.title, h.seq) for h in store.article_headers()] == before
    assert store.verify() == []
    assert search(store, '"interest rates"').hits


def test_reindex_upgrades_a_healthy_index_and_keeps_new_adds_working(tmp_path: Path, articles_dir: Path) -> None:
    where = tmp_path / "ix"
    store = Store(where)
    add_paths(store, [articles_dir / "rates.txt", articles_dir / "budget.txt"])
    # a replaced file leaves its old text copy until the commit; reindex must not resurrect it
    (articles_dir / "budget.txt").write_text("Budget deal reached\n\nThe minister said the deal was done.\n", encoding="utf-8")
    add_paths(store, [articles_dir / "budget.txt"])
    store.close()
    from index.ingest import reindex

    count, errors = reindex(where)
    assert (count, errors) == (2, [])
    store = Store(where)
    assert sorted(h.title for h in store.article_headers()) == ["Budget deal reached", "Central bank holds interest rates steady"]
    report = add_paths(store, [articles_dir / "harvest.md"])
    assert report.added and store.header(store.article_headers()[-1].id).seq == 3  # type: ignore[union-attr]


def test_an_index_from_an_older_schema_says_to_reindex(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from whoosh import index as whoosh_index
    from whoosh.fields import ID, Schema

    where = tmp_path / "ix"
    build(where)
    old = Schema(id=ID(unique=True, stored=True))  # a schema without today's fields
    (where / "whoosh").mkdir(exist_ok=True)
    whoosh_index.create_in(str(where / "whoosh"), old)
    code = main(["add", str(ARTICLES / "budget.txt"), "--index", str(where)])
    err = capsys.readouterr().err
    assert code == 2 and "older version" in err and "reader reindex" in err
    assert main(["reindex", "--index", str(where)]) == 0
    assert len(Store(where).article_headers()) == 5


def test_articles_from_an_older_analysis_are_flagged_until_reindexed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from index.analysis import ANALYSIS_VERSION

    where = tmp_path / "ix"
    build(where)
    store = Store(where)
    with store.writer() as writer:
        store.write_state(writer, analysis=ANALYSIS_VERSION - 1)
    store.close()
    main(["articles", "--index", str(where)])
    assert "reader reindex" in capsys.readouterr().err
    assert main(["reindex", "--index", str(where)]) == 0
    capsys.readouterr()
    main(["articles", "--index", str(where)])
    assert "older version" not in capsys.readouterr().err
