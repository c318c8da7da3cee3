"""A guard against a freeze in Textual 8.2.8's toasts.

When a screen is pushed, its toast rack mounts a toast for every
notification that has not expired yet; the toast's time left is read again a
moment later, and if the notification expired in between, the toast starts a
timer with a *negative* interval.  Textual's ``Timer._run`` then never
leaves its catch-up loop: the whole app stops (seen in tmux: saving a
highlight, then opening the highlights list four seconds later).  Clamping
the toast's timeout to a small positive value lets it expire normally.
Remove this module when the pinned Textual no longer has the race.
"""

from __future__ import annotations

from textual.notifications import Notification
from textual.widgets._toast import Toast

MIN_TIMEOUT = 0.05  # seconds

_toast_init = Toast.__init__


def _init(self: Toast, notification: Notification) -> None:
    _toast_init(self, notification)
    self._timeout = max(self._timeout, MIN_TIMEOUT)


def install() -> None:
    """Patch :class:`Toast` once (idempotent)."""
    if Toast.__init__ is not _init:
        Toast.__init__ = _init  # type: ignore[method-assign]
