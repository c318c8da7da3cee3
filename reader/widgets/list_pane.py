"""What the three side panes (claims, actors, glossary) share."""

from __future__ import annotations

from textual.widgets import OptionList


def highlight_first(options: OptionList) -> bool:
    """Entering a pane highlights its first choice, so Enter always acts;
    True when it did (the list had nothing highlighted yet)."""
    if options.highlighted is None and options.option_count and not options.get_option_at_index(0).disabled:
        options.highlighted = 0
        return True
    return False
