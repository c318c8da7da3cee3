"""`reader serve` for real: one server process on a free loopback port, and
tabs speaking its websocket protocol as the page does — the keys, the mouse
and the screen work as in the terminal."""

from __future__ import annotations

import asyncio
import re

from tests.serve.server import Served
from tests.serve.webterm import WebTerminal

WHERE = re.compile(r"— statement (\d+) of (\d+)")


async def test_a_tab_reads_searches_and_jumps(served: Served) -> None:
    async with WebTerminal(served.url) as tab:
        await tab.wait_for("Claims")
        assert len(served.children()) == 1  # one app process for the tab
        await tab.type("/")
        await tab.wait_for("Type to search")
        await tab.type("cluster bombs shelling")
        await tab.wait_for("cluster bombs shelling")
        # alt+backspace deletes a word (browsers keep ctrl+w): xterm.js sends ESC DEL, Textual reads ctrl+w
        await tab.type("\x1b\x7f")
        await tab.wait_for(re.compile(r"▊  cluster bombs \s+▎"))
        await tab.type("\r")
        screen = await tab.wait_for("results")
        assert "Cluster munitions" in screen and "statement  Amnesty International" in screen
        await tab.settle()
        await tab.click(*tab.find("statement  Amnesty International"))  # the mouse opens a result
        await tab.wait_for(re.compile(r"hit \d+ of \d+"))
        await tab.type("\x1b")  # Esc clears the hits: the status says whose statement this is
        screen = await tab.wait_for(WHERE)
        number, total = map(int, WHERE.search(screen).groups())  # type: ignore[union-attr]
        assert "Amnesty International — statement" in screen and number < total
        await tab.type("]")
        await tab.wait_for(f"statement {number + 1} of {total}")
        await tab.type("[")
        await tab.wait_for(f"statement {number} of {total}")
    assert served.wait_children(0) == []  # closing the tab ended its app


async def test_tour_panes_help_palette_and_theme_work_in_a_tab(served: Served) -> None:
    """(A new tab opens where the last reader was, as the terminal app does.)"""
    async with WebTerminal(served.url) as tab:
        await tab.wait_for(re.compile(r"Claims \(\d+\)"))  # the article is open: "t" has one to tour
        await tab.type("t")
        tour = re.compile(r"Tour · statement (\d+) of (\d+)")
        number, total = map(int, tour.search(await tab.wait_for(tour)).groups())  # type: ignore[union-attr]
        await tab.type("\x1b[C" if number < total else "\x1b[D")  # → (← at the last)
        await tab.wait_for(f"Tour · statement {number + 1 if number < total else number - 1} of {total}")
        await tab.type("\x1b")
        await tab.wait_gone("Tour · statement")
        await tab.type("3")  # the actors pane, then its whole-corpus view
        await tab.wait_for("c Article/corpus actors")
        await tab.type("c")
        await tab.wait_for(re.compile(r"Whole corpus · \d+ · c: this article"))
        await tab.type("?")
        await tab.wait_for("Esc close")
        await tab.type("\x1b")
        await tab.wait_gone("Esc close")
        background = tab.screen.buffer[1][2].bg
        await tab.settle()
        await tab.click(*tab.find("ctrl+p palette"))  # the key bar's `ctrl+p palette`, clicked
        await tab.wait_for("Search for commands")
        await tab.type("light/dark")
        await tab.wait_for("Toggle light/dark theme")
        await tab.type("\r")
        await tab.wait_gone("Search for commands")
        for _ in range(100):
            if tab.screen.buffer[1][2].bg != background:
                break
            await asyncio.sleep(0.05)
        assert tab.screen.buffer[1][2].bg != background  # the theme changed
        await tab.type("\x10")  # ctrl+p, as xterm.js sends it, opens the palette too
        await tab.wait_for("Search for commands")

