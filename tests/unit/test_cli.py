"""The command line as scripts use it: exit codes, JSON shapes, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import ARTICLES, SEED


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_add_then_search_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "add", str(ARTICLES), "--index", str(tmp_path / "ix"))
    assert code == 0, err
    assert "5 added" in err
    code, out, _ = run(capsys, "search", '"interest rates"', "--json", "--index", str(tmp_path / "ix"))
    assert code == 0
    data = json.loads(out)
    assert data["query"] == '"interest rates"' and data["suggestion"] is None
    hit = data["hits"][0]
    assert {"article", "title", "path", "score", "matches"} <= hit.keys()
    text = (ARTICLES / "rates.txt").read_text(encoding="utf-8")
    assert [text[m["start"] : m["end"]] for m in hit["matches"]][:2] == ["interest", "rates"]


def test_add_reports_failures_in_exit_status(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n")
    code, _, err = run(capsys, "add", str(bad), str(ARTICLES / "budget.txt"), "--index", str(tmp_path / "ix"))
    assert code == 1
    assert "bad.txt" in err and "PNG" in err and "1 added" in err


def test_search_seeds_an_empty_index_and_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "cluser", "bombs")
    assert code == 0
    assert "Did you mean: cluster bombs?" in out


def test_malformed_query_is_one_line_without_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", "   ")
    assert code == 1 and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_analyze_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "analyze", str(SEED), str(ARTICLES / "bombing.txt"), "--json")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [Path(r["path"]).name for r in records] == [SEED.name, "bombing.txt"]
    seed = records[0]
    assert seed["text"] == SEED.read_text(encoding="utf-8")
    assert {"actors", "statements", "glossary", "title"} <= seed.keys()
    for st in seed["statements"]:
        assert {"actor", "speaker", "source", "cue", "content", "sentence", "kind", "quote"} <= st.keys()


def test_corrupt_index_gets_a_clear_message(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    where = tmp_path / "ix"
    assert run(capsys, "add", str(ARTICLES / "budget.txt"), "--index", str(where))[0] == 0
    for toc in (where / "whoosh").glob("*.toc"):
        toc.unlink()
    code, _, err = run(capsys, "search", "budget", "--index", str(where))
    assert code == 2 and "damaged" in err and "Traceback" not in err


def test_glossary_command_and_user_entries_relink_indexed_articles(capsys: pytest.CaptureFixture[str], isolated_dirs: Path) -> None:
    code, out, _ = run(capsys, "glossary", "1994", "ceasefire")
    assert code == 0
    assert "Bishkek" in out and "Occurs in 1 article" in out and "Fighting escalates" in out
    code, out, _ = run(capsys, "glossary", "--json")
    entries = json.loads(out)["entries"]
    assert len(entries) >= 30 and {"id", "term", "summary", "category"} <= entries[0].keys()
    user = isolated_dirs / "user-glossary"
    user.mkdir()
    (user / "mine.toml").write_text(
        '[[entry]]\nid = "rights-ombudsman"\nterm = "rights ombudsman"\ncategory = "concept"\n'
        'summary = "An official who investigates complaints against public bodies. The office exists in many countries."\n'
        'reference = "Encyclopaedia Britannica, ombudsman"\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "glossary", "rights ombudsman")
    assert code == 0 and "Occurs in 1 article" in out  # the seed, re-linked without a reindex
    (user / "broken.toml").write_text("[[entry]\nid = 1\n", encoding="utf-8")
    code, out, err = run(capsys, "glossary", "rights ombudsman")
    assert code == 0 and "broken.toml:1" in err and "Occurs in 1 article" in out


def test_index_is_taken_before_or_after_the_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """`reader --index DIR add …` once ignored the folder and wrote to the user's own index."""
    code, _, err = run(capsys, "--index", str(tmp_path / "before"), "add", str(ARTICLES / "budget.txt"))
    assert code == 0, err
    assert (tmp_path / "before").is_dir()
    code, _, err = run(capsys, "add", str(ARTICLES / "rates.txt"), "--index", str(tmp_path / "after"))
    assert code == 0, err
    assert (tmp_path / "after").is_dir()
