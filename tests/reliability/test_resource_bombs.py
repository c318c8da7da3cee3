"""Resource bombs are bounded (issue 10, item 4): YAML front matter cannot
expand aliases, glossary patterns cannot backtrack for ever, and a huge web
page is extracted in bounded time and memory.

Whatever could blow up runs in a child process with a memory cap and a
timeout, so a regression fails the test instead of the machine."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from index.glossary import GlossaryMatcher, load_glossary
from index.models import GlossaryEntry
from index.sources import SourceError, read_source

MEMORY_CAP = 1_500_000_000  # bytes of address space for the child

BILLION_LAUGHS = """---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
title: *i
---
Officials said the vote was held.
"""


def in_child(code: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter limited to MEMORY_CAP bytes."""
    prelude = f"import resource\nresource.setrlimit(resource.RLIMIT_AS, ({MEMORY_CAP}, {MEMORY_CAP}))\n"
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)], capture_output=True, text=True, timeout=timeout
    )


def test_billion_laughs_front_matter_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "laughs.md"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    assert len(BILLION_LAUGHS.encode()) < 600
    done = in_child(
        f"""
        from pathlib import Path
        from index.sources import SourceError, read_source
        try:
            read_source(Path({str(path)!r}))
        except SourceError as exc:
            print(exc)
        """
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert "laughs.md" in done.stdout and "alias" in done.stdout and len(done.stdout.strip().splitlines()) == 1


def test_deeply_nested_front_matter_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.md"
    path.write_text("---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\nOfficials said the vote was held.\n", encoding="utf-8")
    try:
        read_source(path)
    except SourceError as exc:
        assert "deep.md" in str(exc) and "\n" not in str(exc)
    else:  # pragma: no cover - the failure message says what happened
        raise AssertionError("nested front matter was accepted")


def test_backtracking_glossary_patterns_are_rejected_with_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "glossary"
    folder.mkdir()
    (folder / "slow.toml").write_text(
        '[[entry]]\nid = "fine"\nterm = "Fine"\nsummary = "s"\npatterns = ["fine things?"]\n\n'
        '[[entry]]\nid = "nested"\nterm = "Nested"\nsummary = "s"\npatterns = ["(a+)+$"]\n\n'
        '[[entry]]\nid = "words"\nterm = "Words"\nsummary = "s"\npatterns = ["(\\\\w+\\\\s?)+$"]\n',
        encoding="utf-8",
    )
    loaded = load_glossary([folder])
    assert set(loaded.entries) == {"fine"}
    assert any("slow.toml:7" in line and "(a+)+$" in line for line in loaded.errors), loaded.errors
    assert any("slow.toml:13" in line for line in loaded.errors), loaded.errors
    assert all("\n" not in line for line in loaded.errors)


def test_a_slow_pattern_that_passes_the_check_is_stopped_by_the_time_limit() -> None:
    # no nested repeat, yet exponential: each "x" can be one "x" or half of "xx"
    done = in_child(
        """
        from index.glossary import GlossaryMatcher
        from index.models import GlossaryEntry
        matcher = GlossaryMatcher([
            GlossaryEntry(id="slow", term="Slow", category="concept", summary="s", patterns=["(x|xx)+y"]),
            GlossaryEntry(id="town", term="Townsville", category="place", summary="s"),
        ])
        links = matcher.find("Townsville " + "x" * 60 + " end")
        print([link.entry for link in links])
        print(matcher.problems)
        """,
        timeout=90,
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert "['town']" in done.stdout and "took too long" in done.stdout


def test_huge_web_page_is_extracted_in_bounded_time(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    paragraphs = "".join(f"<p>Paragraph {i}: they voted.</p>\n" for i in range(120_000))  # 4 MB
    path.write_text(f"<html><head><title>Huge page</title></head><body>{paragraphs}</body></html>", encoding="utf-8")
    done = in_child(
        f"""
        import time
        from pathlib import Path
        from index.sources import read_source
        start = time.perf_counter()
        source = read_source(Path({str(path)!r}))
        print(source.title, "Paragraph 119999:" in source.text, "Paragraph 0:" in source.text, round(time.perf_counter() - start, 1))
        """,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.startswith("Huge page True True"), done.stdout


def test_matcher_without_problems_reports_none() -> None:
    matcher = GlossaryMatcher([GlossaryEntry(id="c", term="Ceasefire", category="event", summary="s", patterns=["truce of \\d{4}"])])
    assert [link.entry for link in matcher.find("The truce of 1994 and the Ceasefire.")] == ["c", "c"]
    assert matcher.problems == []
