"""`reader serve` in a real browser: headless Chromium loads the page, shows
the article, and takes real mouse clicks and key presses.  Skipped with the
reason when this machine has no Chromium (`make test` installs Debian's
`chromium` when it can)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.serve.chromium import Chromium, find_chromium
from tests.serve.server import Served

CHROMIUM = find_chromium()
ARTICLE_SHOWN = re.compile(r"Claims \(\d+\)")


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine: `apt-get install chromium` (make test does it as root)")
async def test_chromium_shows_the_article_and_takes_clicks_and_keys(served: Served, tmp_path: Path) -> None:
    assert CHROMIUM is not None
    async with Chromium(CHROMIUM, tmp_path / "profile") as browser:
        terminal = await browser.open(served.url, wait_for=ARTICLE_SHOWN)
        await terminal.wait_for(re.compile(r"^\W*\d+ statements", re.M))  # the article's header line
        assert await browser.evaluate("document.body.classList.contains('-first-byte')")  # the terminal, not the intro
        await browser.painted()
        png = await browser.screenshot(tmp_path / "page.png")
        assert png.startswith(b"\x89PNG") and len(png) > 20_000  # the article's text drawn, not a blank page
        await terminal.settle()
        await browser.click_cell(*terminal.find("? Help"))  # the key bar, clicked with the mouse
        await terminal.wait_for("Esc close")
        await browser.press("Escape")
        await terminal.wait_gone("Esc close")
        await browser.press("/")
        await terminal.wait_for("Type to search")
        assert len(served.children()) == 1
    served.wait_children(0)
