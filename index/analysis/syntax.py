"""Small readings of a dependency parse shared by the attribution rules and
the resolver (no spaCy import: token attributes only)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def tok_range(tokens: Iterable[Any]) -> tuple[int, int] | None:
    """(first, last) token index of some tokens, or None."""
    tokens = list(tokens)
    if not tokens:
        return None
    return min(t.i for t in tokens), max(t.i for t in tokens)


def np_tokens(head: Any) -> list[Any]:
    """The noun phrase under ``head`` without relative clauses after it."""
    skip: set[int] = set()
    for c in head.children:
        if c.dep_ in ("relcl", "acl") and c.i > head.i:
            skip.update(t.i for t in c.subtree)
    return [t for t in head.subtree if t.i not in skip]
