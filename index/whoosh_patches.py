"""One fix to whoosh-reloaded 2.7.5 (pinned), applied when ``index.store``
is imported.

Its per-document reader caches a segment's field-length column once found
but not its absence: for a field that no document of a segment holds (the
statements' ``claim`` in a segment of glossary entries, say), every posting
written while segments merge asks the disk again whether the column file
exists — 400,000 ``stat`` calls, a tenth of the index's CPU in one
`reader add` of 740 BBC articles.  Remembering the absence changes no
result: a segment's files never change once written.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec import whoosh3

_MISSING = object()


def _cached_reader(self: Any, fieldname: str, column: Any) -> Any:
    found = self._readers.get(fieldname, _MISSING)
    if found is _MISSING:
        found = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = found
    return found


def apply() -> None:
    """Install the fix (idempotent)."""
    whoosh3.W3PerDocReader._cached_reader = _cached_reader  # type: ignore[method-assign]
