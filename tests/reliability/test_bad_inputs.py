"""One bad input never stops the batch, and recovery always works (issue 10,
item 5): each problem is one line naming the file, the other files are
added, and `reader reindex` works afterwards."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from index.ingest import add_paths, reindex
from index.sources import SourceError, read_source
from index.store import Store
from reader.cli import main

GOOD = "Mayor John Smith said the bridge was closed on Monday.\n"


def test_a_date_that_does_not_exist_is_one_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "bad.md").write_text("---\ntitle: Bad date\ndate: 2020-10-32\n---\nOfficials said the vote was held.\n", encoding="utf-8")
    (folder / "quoted.md").write_text('---\ndate: "2021-02-30"\n---\nOfficials said the vote was held again.\n', encoding="utf-8")
    (folder / "fine.md").write_text("---\ntitle: Fine\ndate: 2020-10-30\n---\nOfficials said the count went on.\n", encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    store = Store(tmp_path / "ix")
    report = add_paths(store, [folder], processes=1)
    assert len(report.added) == 2, report.failed
    assert len(report.failed) == 2
    assert any("bad.md" in line and "2020-10-32" in line and "not a real date" in line for line in report.failed)
    assert any("quoted.md" in line and "2021-02-30" in line for line in report.failed)
    dates = {Path(h.path).name: h.date for h in store.article_headers()}
    assert dates == {"fine.md": "2020-10-30", "good.txt": None}


def test_a_file_name_of_250_bytes_is_added(tmp_path: Path) -> None:
    path = tmp_path / ("n" * 246 + ".txt")  # its sidecar's name would be too long
    path.write_text(GOOD, encoding="utf-8")
    report = add_paths(Store(tmp_path / "ix"), [path], processes=1)
    assert report.added and not report.failed


def test_a_file_name_that_is_not_utf8_is_added_and_reindex_works(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    raw = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    with open(raw, "wb") as stream:
        stream.write(GOOD.encode())
    (folder / "other.txt").write_text("Officials said the vote was held.\n", encoding="utf-8")
    where = tmp_path / "ix"
    assert main(["add", str(folder), "--index", str(where)]) == 0, capsys.readouterr().err
    assert main(["articles", "--index", str(where)]) == 0
    out = capsys.readouterr().out
    assert "John Smith" in out or "bridge" in out
    store = Store(where)
    paths = sorted(h.path for h in store.article_headers())
    assert paths[0].endswith("caf\\xe9.txt")
    assert store.verify() == []
    store.close()
    # adding it again changes nothing: the same file keeps the same path
    assert main(["add", str(folder), "--index", str(where)]) == 0
    assert "2 unchanged" in capsys.readouterr().err
    assert main(["reindex", "--index", str(where)]) == 0, capsys.readouterr().err


def test_reindex_repairs_a_text_copy_with_an_unencodable_path(tmp_path: Path) -> None:
    where = tmp_path / "ix"
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    store = Store(where)
    assert add_paths(store, [good], processes=1).added
    store.close()
    # a copy written by an older version, before its commit failed
    copy = next((where / "texts").glob("*.json"))
    record = json.loads(copy.read_text(encoding="utf-8"))
    record.update(id="0123456789abcdef", seq=2, path=str(tmp_path) + "/caf\udce9.txt", text="Officials said the vote was held.\n")
    with open(where / "texts" / "0123456789abcdef.json", "w", encoding="utf-8", errors="surrogatepass") as stream:
        json.dump(record, stream, ensure_ascii=False)
    count, errors = reindex(where, processes=1)
    assert count == 2 and errors == []
    store = Store(where)
    assert any(h.path.endswith("caf\\xe9.txt") for h in store.article_headers())
    assert store.verify() == []


@pytest.mark.parametrize(
    ("sidecar", "reason"),
    [
        ('title = [1, 2]\n', "'title' must be text, not a list"),
        ('source = {name = "x"}\n', "'source' must be text, not a table"),
        ('date = true\n', "'date' must be text, not true/false"),
    ],
)
def test_metadata_of_the_wrong_type_is_reported_not_stored(tmp_path: Path, sidecar: str, reason: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    (tmp_path / "a.meta.toml").write_text(sidecar, encoding="utf-8")
    with pytest.raises(SourceError, match="a.meta.toml") as caught:
        read_source(path)
    assert reason in str(caught.value) and "\n" not in str(caught.value)


def test_front_matter_of_the_wrong_type_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: [1, 2]\n---\nOfficials said the vote was held.\n", encoding="utf-8")
    with pytest.raises(SourceError, match="'title' must be text, not a list"):
        read_source(path)


def test_an_undated_page_is_undated(tmp_path: Path) -> None:
    path = tmp_path / "club.html"
    path.write_text(
        "<html><head><title>The club grows</title></head><body><article><h1>The club grows</h1>"
        "<p>The club now has 2003 members, its chairman said on the radio this week.</p>"
        "<p>Membership rose after the new pool opened, the chairman added, and more are expected.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    source = read_source(path)
    assert "2003 members" in source.text
    assert source.date is None
