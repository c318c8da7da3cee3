"""`reader serve` for real: a server process on a free loopback port and
tabs speaking its websocket protocol as the page does."""

from __future__ import annotations

import re
from pathlib import Path

from tests.serve.server import serving
from tests.serve.webterm import WebTerminal

WHERE = re.compile(r"— statement (\d+) of (\d+)")


async def test_a_tab_reads_searches_and_jumps(served_index: Path) -> None:
    with serving("--index", str(served_index)) as served:
        async with WebTerminal(served.url) as tab:
            await tab.wait_for("Claims")
            assert len(served.children()) == 1  # one app process for the tab
            await tab.type("/")
            await tab.wait_for("Type to search")
            await tab.type("cluster bombs\r")
            screen = await tab.wait_for("results")
            assert "Cluster munitions" in screen and "statement  Amnesty International" in screen
            await tab.click(*tab.find("statement  Amnesty International"))  # the mouse opens a result
            await tab.wait_for("hit ")
            await tab.type("\x1b")  # Esc clears the hits: the status says whose statement this is
            screen = await tab.wait_for(WHERE)
            number, total = map(int, WHERE.search(screen).groups())  # type: ignore[union-attr]
            assert "Amnesty International — statement" in screen and number < total
            await tab.type("]")
            await tab.wait_for(f"statement {number + 1} of {total}")
        assert served.wait_children(0) == []  # closing the tab ended its app
