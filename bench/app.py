"""App: start-up to first paint and memory in a fresh process; `]` jumps,
opening a search result and pane switches driven by Textual's Pilot."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .measure import median, percentile

SAMPLES = 20


def first_paint(index: Path, runs: int = 5) -> dict[str, float]:
    """Median over ``runs`` fresh processes of start to first frame and to
    the article on screen (seconds), and the resident memory then."""
    ready, shown, rss = [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as state:
            env = {**os.environ, "READER_STATE_DIR": state}
            start = time.time()
            done = subprocess.run(
                [sys.executable, "-m", "bench.app_probe", str(index), str(Path(state) / "userstate.sqlite3")],
                capture_output=True,
                text=True,
                env=env,
                timeout=120,
            )
        values = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
        if "article" not in values:
            raise RuntimeError(f"the app did not show an article: {done.stderr.strip()[-300:]}")
        ready.append(float(values["ready"]) - start)
        shown.append(float(values["article"]) - start)
        rss.append(float(values["rss_mb"]))
    return {"first_paint_s": median(ready), "article_shown_s": median(shown), "rss_mb": median(rss)}


async def _interactions(index: Path) -> dict[str, Any]:
    from textual.widgets import OptionList

    from index.query import actors
    from index.store import Store
    from reader.app import GuidedReaderApp

    store = Store(index, create=False)
    busiest = actors(store)[0].actor  # the most quoted actor of the corpus
    from reader.userstate import UserState

    app = GuidedReaderApp(store, userstate=UserState(Path(tempfile.mkdtemp()) / "userstate.sqlite3"))
    jumps: list[float] = []
    opens: list[float] = []
    panes: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        # make the busiest actor current, as choosing it in the corpus list does
        await pilot.press("3", "c")
        await settle(pilot)
        listing = screen.query_one("#actors-list", OptionList)
        listing.highlighted = listing.get_option_index(busiest.id)
        await pilot.press("enter")
        await settle(pilot)
        idle = [await _timed(pilot, "z") for _ in range(SAMPLES)]  # a key bound to nothing
        for _ in range(SAMPLES):
            jumps.append(await _timed(pilot, "right_square_bracket"))
        for number in range(SAMPLES):
            panes.append(await _timed(pilot, str(number % 4 + 1)))
        for number in range(SAMPLES // 2):
            await pilot.press("slash")
            await settle(pilot)
            for character in ("economy", "election", "music", "film")[number % 4]:
                await pilot.press(character)
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("down")
            opens.append(await _timed(pilot, "enter"))
    store.close()
    # Pilot's press waits for idle and animations with fixed pauses: a key
    # bound to nothing costs ``idle``.  The app's own cost is what a key
    # takes beyond that.
    base = median(idle)
    return {
        "actor": busiest.name,
        "samples": SAMPLES,
        "pilot_idle_ms": base * 1000,
        "jump_ms": (median(jumps) - base) * 1000,
        "jump_p95_ms": (percentile(jumps, 0.95) - base) * 1000,
        "open_hit_ms": (median(opens) - base) * 1000,
        "pane_ms": (median(panes) - base) * 1000,
        "pane_p95_ms": (percentile(panes, 0.95) - base) * 1000,
    }


async def _timed(pilot: Any, key: str) -> float:
    """Seconds from a key press until its work is done and the screen is
    repainted (workers finished, refresh processed)."""
    start = time.perf_counter()
    await pilot.press(key)  # returns once the key's handlers have run
    await pilot.app.workers.wait_for_complete()  # e.g. loading another article
    await pilot.pause()  # one more refresh: the new frame is composed
    return time.perf_counter() - start


async def settle(pilot: Any) -> None:
    """Wait until every worker (and what their results start) has finished."""
    for _ in range(20):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in pilot.app.workers):
            return


def bench_app(index: Path) -> dict[str, Any]:
    figures = first_paint(index)
    figures.update(asyncio.run(_interactions(index)))
    return figures
