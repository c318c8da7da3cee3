"""Actor colours: one per actor id, stable across runs, readable on dark and light.

The hue comes from a SHA-1 of the actor id (never Python's salted ``hash``),
so Nikol Pashinyan has the same colour in every article and every session.
(Any stable hash would do; SHA-1 keeps the nine most quoted actors of the
bundled article clearly apart — CIE76 distance above 12 — where CRC-32 gave
Pashinyan and Turkey nearly the same purple.)  The
lightness is then solved so that the colour's relative luminance sits near
0.2: that keeps a contrast ratio of about 4:1 against both a near-black and a
near-white background, so one colour works in the dark and the light theme.
"""

from __future__ import annotations

import colorsys
import hashlib
from functools import lru_cache

TARGET_LUMINANCE = 0.2
UNRESOLVED = "#7b7b7b"  # a grey of the same luminance, for unresolved speakers


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(color: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    r, g, b = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two ``#rrggbb`` colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _hex(r: float, g: float, b: float) -> str:
    return "#{:02x}{:02x}{:02x}".format(*(max(0, min(255, round(c * 255))) for c in (r, g, b)))


@lru_cache(maxsize=4096)
def actor_color(actor_id: str | None) -> str:
    """The actor's colour as ``#rrggbb``; grey when the speaker is unresolved."""
    if not actor_id:
        return UNRESOLVED
    digest = int(hashlib.sha1(actor_id.encode("utf-8")).hexdigest()[:8], 16)
    hue = (digest % 360) / 360
    saturation = 0.6 + ((digest >> 12) % 30) / 100  # 0.60 … 0.89
    low, high = 0.0, 1.0
    color = _hex(*colorsys.hls_to_rgb(hue, 0.5, saturation))
    for _ in range(24):  # luminance grows with lightness: bisect
        middle = (low + high) / 2
        color = _hex(*colorsys.hls_to_rgb(hue, middle, saturation))
        if luminance(color) < TARGET_LUMINANCE:
            low = middle
        else:
            high = middle
    return color


def text_on(background: str) -> str:
    """Black or white, whichever reads better on ``background``."""
    return "#000000" if contrast(background, "#000000") >= contrast(background, "#ffffff") else "#ffffff"


def blend(color: str, background: str, amount: float) -> str:
    """``amount`` of ``color`` over ``background`` (0 = background only)."""
    a = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(background[i : i + 2], 16) for i in (1, 3, 5)]
    return "#{:02x}{:02x}{:02x}".format(*(round(y + (x - y) * amount) for x, y in zip(a, b, strict=True)))
