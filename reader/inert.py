"""Making text from data safe to show: the one place that decides how.

Article text, titles, file names, glossary files and queries may hold
control characters (an ESC starts a terminal escape sequence that can set
the clipboard or the window title, or print a hyperlink) and Rich markup
(``[/x]`` is a syntax error to Rich, ``[link=…]`` a real link).  Everything
from data therefore goes through :func:`display_text` (controls swapped one
for one for visible symbols, so offsets hold) and is printed as a
``rich.text.Text`` or shown with ``markup=False`` — never formatted into a
markup string.  The app and the command line share these functions.
"""

from __future__ import annotations

import json
import re
from typing import Any, Protocol

from rich.text import Text


def _display_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x20):
        table[code] = chr(0x2400 + code)  # control pictures: ␀ … ␛ …
    for code in (0x09, 0x0A, 0x0D):
        table[code] = " "  # tabs and line breaks inside a block read as spaces
    table[0x7F] = "␡"
    for code in range(0x80, 0xA0):  # C1 controls (0x9b is a one-byte CSI)
        table[code] = "\ufffd"
    for code in (0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        table[code] = "\ufffd"  # bidi overrides could reorder the terminal line
    table[0x2028] = " "
    table[0x2029] = " "
    for code in range(0xD800, 0xE000):  # lone surrogates cannot be printed
        table[code] = "\ufffd"
    return table


_TABLE = _display_table()


def display_text(text: str) -> str:
    """``text`` with every character safe to print, same length, same offsets."""
    return text.translate(_TABLE)


def inert(*parts: str | tuple[str, str]) -> Text:
    """A Rich ``Text`` of data pieces, each made safe; a ``(text, style)``
    pair is styled.  Nothing in the pieces is read as markup."""
    text = Text()
    for part in parts:
        if isinstance(part, tuple):
            text.append(display_text(part[0]), style=part[1])
        else:
            text.append(display_text(part))
    return text


# JSON escapes C0 controls (ESC is written \u001b) by itself; DEL, the C1
# controls and the line/bidi controls it passes through as they are.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def json_text(data: Any, *, indent: int | None = None) -> str:
    """``data`` as JSON whose every control character is a ``\\u`` escape,
    so the output is plain printable text however hostile the data."""
    dumped = json.dumps(data, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


class _Notifier(Protocol):
    def notify(self, message: str, *, title: str = "", severity: Any = ..., timeout: float | None = None, markup: bool = True) -> None: ...


def notify_inert(target: _Notifier, message: str, **options: Any) -> None:
    """A toast whose text is data: shown as written, never parsed as markup."""
    target.notify(display_text(message), markup=False, **options)
