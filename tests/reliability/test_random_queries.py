"""Any string typed as a query gives results or a one-line message.

Property-based: hypothesis throws thousands of random strings — query
syntax characters, field names, unicode, control characters — at
`search()` and at `reader search` (in-process, so output is checked too).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.query import search
from index.store import Store
from reader.cli import main

EXAMPLES = int(os.environ.get("READER_QUERY_EXAMPLES", "2000"))
# each `reader search` opens the index and its glossary afresh (~0.1 s), so
# the command gets fewer strings in CI; the same grammar goes through
# search() 2,000 times above it (READER_QUERY_EXAMPLES=2000 for a long run)
CLI_EXAMPLES = int(os.environ.get("READER_QUERY_EXAMPLES", "400"))

SYNTAX = ['"', "(", ")", "[", "]", "{", "}", ":", "*", "?", "~", "^", "\\", "/", "-", "+", "AND", "OR", "NOT", "TO", " "]
FIELDS = ["title:", "body:", "actor:", "kind:", "source:", "date:", "entry:", "seq:", "order:", "nosuch:", "id:"]
WORDS = ["cluster", "bombs", "rates", "Pashinyan", "ceasefire", "1994", "genocide", "Ռուսաստան", "Россия", "إيران", "💣"]

queries = st.lists(
    st.one_of(st.sampled_from(SYNTAX), st.sampled_from(FIELDS), st.sampled_from(WORDS), st.text(max_size=6)),
    max_size=8,
).map("".join)


@pytest.fixture(scope="module")
def store(corpus_index: Path) -> Store:
    return Store(corpus_index, create=False)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=queries)
def test_search_never_raises(store: Store, text: str) -> None:
    result = search(store, text)
    if result.error:
        assert "\n" not in result.error
    else:
        for hit in result.hits:
            assert hit.type in ("article", "statement", "glossary")


@settings(max_examples=CLI_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=queries.filter(lambda q: not q.startswith("-")))
def test_reader_search_command_never_raises(corpus_index: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    code = main(["search", "--index", str(corpus_index), "--", text] if text else ["search", "--index", str(corpus_index), "--", " "])
    captured = capsys.readouterr()
    assert code in (0, 1)
    assert "Traceback" not in captured.err
    if code == 1:
        assert len(captured.err.strip().splitlines()) == 1
