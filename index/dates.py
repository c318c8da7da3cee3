"""Publication dates as articles give them, made comparable.

Metadata writes dates every way ("2020-09-27T19:55:27Z", "2020-09-27-19-55-27",
"Sep 27, 2020", "27 September 2020"); lists sort by date and show one form,
so each is read once into an ISO ``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY``
when that is all it says).  A date that cannot be read sorts last and is
shown as written.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

_ISO_PREFIX = re.compile(r"\A\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?![\d])")
_DEFAULT = datetime(1, 1, 1)


@lru_cache(maxsize=8192)
def iso_date(written: str | None) -> str | None:
    """``written`` as ``YYYY-MM-DD`` (or less precise), or None when unreadable."""
    if not written or not written.strip():
        return None
    match = _ISO_PREFIX.match(written)
    if match:
        year, month, day = match.groups()
        if month is None:
            return year
        if day is None:
            return f"{year}-{int(month):02d}" if 1 <= int(month) <= 12 else year
        try:
            return datetime(int(year), int(month), int(day)).date().isoformat()
        except ValueError:
            return None
    from dateutil import parser

    try:
        parsed = parser.parse(written, default=_DEFAULT, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed.year == 1:
        return None  # no year given: not a date a list can sort by
    return parsed.date().isoformat()


def shown_date(written: str | None) -> str | None:
    """The date to show: ISO when it can be read, else as written."""
    return iso_date(written) or (written.strip() if written and written.strip() else None)


def date_sort_key(written: str | None) -> tuple[bool, str]:
    """Sorts readable dates in order and the rest after them."""
    iso = iso_date(written)
    return (iso is None, iso or "")
