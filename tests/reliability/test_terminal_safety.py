"""Hostile content never reaches the terminal (issue 10, items 1 and 2).

Titles, snippets, paths, names, glossary files and queries can hold
terminal escape sequences and Rich markup; the command line prints them
inert: control characters as visible symbols, markup as the brackets it is.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.inert import display_text, json_text

ESC = "\x1b"
CSI = "\x9b"  # the one-byte C1 form of ESC [
OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x1b\\"  # writes "rm -rf ~" into the clipboard
TITLE = f"T {OSC52} \x1b]0;owned\x07 \x1b[2J {CSI}31m \x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\ x"
CONTROLS = [chr(c) for c in range(0x20) if chr(c) not in "\n"] + [chr(c) for c in range(0x7F, 0xA0)]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_inert(output: str) -> None:
    found = sorted({f"U+{ord(c):04X}" for c in output if c in CONTROLS})
    assert not found, f"control characters reached the terminal: {found}\n{output!r}"


@pytest.fixture
def hostile_index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "e.txt").write_text(f"{TITLE}\n\nMayor John Smith said the bridge was closed on Monday.\n", encoding="utf-8")
    where = tmp_path / "ix"
    code, _, err = run(capsys, "add", str(folder), "--index", str(where))
    assert code == 0, err
    return where


def test_articles_search_and_statements_print_controls_as_symbols(hostile_index: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ix = str(hostile_index)
    code, out, err = run(capsys, "articles", "--index", ix)
    assert code == 0
    assert_inert(out + err)
    assert "␛]52;c;cm0gLXJmIH4=␛\\" in out  # shown, not obeyed
    code, out, err = run(capsys, "search", "bridge", "--index", ix)
    assert code == 0
    assert_inert(out + err)
    assert "␛[2J" in out
    code, out, err = run(capsys, "statements", "--actor", "smith", "--index", ix)
    assert code == 0, err
    assert_inert(out + err)
    assert "␛]0;owned␇" in out


def test_json_output_escapes_controls_by_construction(hostile_index: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "articles", "--json", "--index", str(hostile_index))
    assert code == 0
    assert_inert(out)
    assert "\\u001b]52" in out and "\\u009b" in out
    assert json.loads(out)["articles"][0]["title"].startswith("T \x1b]52")  # the data itself is kept
    code, out, _ = run(capsys, "search", "bridge", "--json", "--index", str(hostile_index))
    assert code == 0
    assert_inert(out)
    assert json.loads(out)["hits"][0]["title"].startswith("T \x1b]52")


def test_json_text_escapes_c1_and_line_controls() -> None:
    dumped = json_text({"t": "a\x1bb\x9bc\x7fd\u2028e\u202ef"})
    assert dumped == '{"t": "a\\u001bb\\u009bc\\u007fd\\u2028e\\u202ef"}'
    assert json.loads(dumped) == {"t": "a\x1bb\x9bc\x7fd\u2028e\u202ef"}
    assert display_text("\x1b[2J\x9b\x07") == "␛[2J\ufffd␇"


def test_error_lines_show_hostile_file_names_inert(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "\x1b]0;owned\x07["
    folder.mkdir()
    bad = folder / "x](.txt"  # the path holds "[/x]("
    bad.write_bytes(b"%PDF-1.7\n")
    code, out, err = run(capsys, "add", str(bad), "--index", str(tmp_path / "ix"))
    assert code == 1 and "Traceback" not in err
    assert_inert(out + err)
    assert "␛]0;owned␇[/x](.txt" in err and "PDF" in err


def test_markup_in_queries_is_never_parsed(hostile_index: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ix = str(hostile_index)
    code, out, err = run(capsys, "search", "zzqq [/x]", "--index", ix)
    assert code == 0, err
    assert "No results for 'zzqq [/x]'" in out
    code, out, err = run(capsys, "search", "title:[a TO c]", "--index", ix)
    assert "title:[a TO c]" in out + err and "MarkupError" not in err
    code, out, err = run(capsys, "search", "[link=http://evil.example]bridge[/link]", "--index", ix)
    assert code == 0 and "[link=http://evil.example]bridge[/link]" in out
    code, out, err = run(capsys, "statements", "--actor", "[/x]", "--index", ix)
    assert code == 1 and "'[/x]'" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    code, out, err = run(capsys, "glossary", "[/x]\x1b[2J", "--index", ix)
    assert code == 1 and "'[/x]\\x1b[2J'" in err  # the query as typed, in quotes, escapes visible
    assert_inert(out + err)


def test_index_path_with_markup_and_controls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import ARTICLES

    where = tmp_path / "ix [/x] \x1b[2J"
    code, out, err = run(capsys, "add", str(ARTICLES / "budget.txt"), "--index", str(where))
    assert code == 0, err
    assert "index at" in err and "[/x] ␛[2J" in err
    assert_inert(out + err)


def test_glossary_files_print_inert(isolated_dirs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    user = isolated_dirs / "user-glossary"
    user.mkdir()
    (user / "evil.toml").write_text(
        '[[entry]]\nid = "evil"\nterm = "Evil \\u001b]0;owned\\u0007 term"\ncategory = "concept"\n'
        'summary = "A summary \\u001b[2J with [bold]markup[/bold] and [/x]."\n'
        '[[entry]]\nid = "broken"\nterm = "Broken"\nsummary = "s"\npatterns = ["[/x]("]\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "glossary", "--index", str(tmp_path / "ix"))
    assert code == 0
    assert_inert(out + err)
    assert "Evil ␛]0;owned␇ term" in out
    assert "evil.toml:6" in err and "[/x](" in err  # the rejected pattern, named with file:line
    code, out, err = run(capsys, "glossary", "evil", "--index", str(tmp_path / "ix"))
    assert code == 0
    assert_inert(out + err)
    assert "[bold]markup[/bold] and [/x]" in out and "␛[2J" in out
