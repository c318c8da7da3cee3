"""An option that carries the object it stands for.

Lists hand back what the reader chose (a search hit, an article header, an
annotation) as the object itself, never as an id to be parsed back out of a
string.
"""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType
from textual.widgets.option_list import Option


class Choice(Option):
    """An :class:`Option` with a ``value``."""

    def __init__(self, prompt: RenderableType, value: Any, *, id: str | None = None, disabled: bool = False) -> None:
        super().__init__(prompt, id=id, disabled=disabled)
        self.value = value


def value_of(option: Option) -> Any:
    """The object an option stands for (None for plain options: headings)."""
    return option.value if isinstance(option, Choice) else None
