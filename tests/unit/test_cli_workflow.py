"""The command line for a reader's workflow: notes export, an actor's dossier,
articles with ids, dates and sources, opening one article, and the small
things a newcomer trips over (typos, pipes, filters)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from index.store import Store, content_hash
from reader.cli import main
from reader.userstate import ArticleRef, UserState


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def article_titled(index: Path, title: str):
    store = Store(index, create=False)
    try:
        header = next(h for h in store.article_headers() if h.title == title)
        return store.article(header.id)
    finally:
        store.close()


def test_notes_export_markdown_and_json(capsys: pytest.CaptureFixture[str], corpus_index: Path) -> None:
    article = article_titled(corpus_index, "Farmers report a record harvest")
    text = article.text
    start = text.index("record wheat harvest")
    state = UserState()
    state.add_highlight(ArticleRef(content_hash(text), article.path, article.title), text, start, start + 20, note="compare with 2019")
    state.close()
    code, out, _ = run(capsys, "notes", "export", "--index", str(corpus_index))
    assert code == 0
    assert "## Farmers report a record harvest" in out
    assert "The Valley Courier · 2021-09-14 · article `" in out
    assert "> record wheat harvest" in out and "compare with 2019" in out
    assert f"`{article.id}#{start}-{start + 20}`" in out
    code, out, _ = run(capsys, "notes", "export", "--format", "json", "--article", article.id[:6], "--index", str(corpus_index))
    data = json.loads(out)
    [group] = data["articles"]
    assert group["title"] == "Farmers report a record harvest" and group["date"] == "2021-09-14"
    assert group["highlights"][0]["text"] == "record wheat harvest" and group["highlights"][0]["note"] == "compare with 2019"
    code, out, err = run(capsys, "notes", "export", "--article", "ffffffff", "--index", str(corpus_index))
    assert code == 2 and "no article with the id" in err and len(err.strip().splitlines()) == 1


def test_statements_dossier_in_markdown(capsys: pytest.CaptureFixture[str], corpus_index: Path) -> None:
    code, out, _ = run(capsys, "actors", "--json", "--index", str(corpus_index))
    top = json.loads(out)["actors"][0]
    code, out, _ = run(capsys, "statements", "--actor", top["name"], "--format", "md", "--index", str(corpus_index))
    assert code == 0
    assert out.startswith(f"# {top['name']}\n")
    assert f"{top['statements']} statement" in out
    assert "\n## " in out and "\n1. **" in out and "#" in out.split("\n1. **", 1)[1]


def test_articles_show_ids_dates_and_sources(capsys: pytest.CaptureFixture[str], corpus_index: Path) -> None:
    code, out, _ = run(capsys, "articles", "--index", str(corpus_index))
    harvest = next(line for line in out.splitlines() if "record harvest" in line)
    assert harvest.split()[0] == article_titled(corpus_index, "Farmers report a record harvest").id
    assert "2021-09-14" in harvest and "The Valley Courier" in harvest
    code, out, _ = run(capsys, "articles", "--source", "valley", "--index", str(corpus_index))
    assert [line for line in out.splitlines() if line.strip()] == [harvest]
    code, out, _ = run(capsys, "articles", "--sort", "date", "--json", "--index", str(corpus_index))
    dates = [a["date"] for a in json.loads(out)["articles"]]
    known = [d for d in dates if d]
    assert known == sorted(known, reverse=True) and dates[: len(known)] == known


def test_actors_take_a_name_and_a_limit(capsys: pytest.CaptureFixture[str], corpus_index: Path) -> None:
    code, out, _ = run(capsys, "actors", "--limit", "2", "--index", str(corpus_index))
    assert code == 0 and len(out.strip().splitlines()) == 2
    code, out, _ = run(capsys, "actors", "--json", "--index", str(corpus_index))
    name = json.loads(out)["actors"][0]["name"]
    code, out, _ = run(capsys, "actors", name.split()[-1].lower(), "--index", str(corpus_index))
    assert code == 0 and name in out
    code, out, err = run(capsys, "actors", "nobody-of-that-name", "--index", str(corpus_index))
    assert code == 1 and "no actor matches" in err


def test_search_shows_statement_hits_and_names_the_kinds(capsys: pytest.CaptureFixture[str], corpus_index: Path) -> None:
    code, out, _ = run(capsys, "search", "cluster", "--index", str(corpus_index))
    assert code == 0 and "statement  " in out and "article  " in out
    code, out, err = run(capsys, "search", "kind:denail", "--index", str(corpus_index))
    assert code == 1 and "unknown kind 'denail'" in err and "denial" in err and len(err.strip().splitlines()) == 1


def test_a_mistyped_command_names_the_nearest_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "serach", "foo")
    assert code == 2 and out == ""
    assert err.strip() == "reader: unknown command 'serach' — did you mean `reader search`? (`reader --help` lists the commands)"
    code, _, err = run(capsys, "zzzz")
    assert code == 2 and "no such file, folder or command: 'zzzz'" in err and len(err.strip().splitlines()) == 1


def test_opening_an_unknown_article_is_one_line(capsys: pytest.CaptureFixture[str], corpus_index: Path) -> None:
    code, _, err = run(capsys, "open", "0000", "--index", str(corpus_index))
    assert code == 2 and "no article with the id '0000'" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "--article", "0000", "--index", str(corpus_index))
    assert code == 2 and "`reader articles` lists the ids" in err


@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_output_into_a_closed_pipe_ends_quietly(corpus_index: Path, extra: list[str]) -> None:
    read, write = os.pipe()
    os.close(read)  # like `| head` that has already left
    try:
        done = subprocess.run(
            [sys.executable, "-m", "reader", "articles", "--index", str(corpus_index), *extra],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write)
    assert done.stderr == "" and done.returncode == 1
