"""Snapshots of the reading screen (pytest-textual-snapshot).

The app runs on the hand-made index of ``tests/app/builder.py``: no spaCy,
fixed texts, actor colours derived from the actor ids, no text cursor on the
reading screen.  Regenerate deliberately after a visual change:
``pytest tests/snapshots --snapshot-update``, then look at the report.
"""

from __future__ import annotations

from pathlib import Path

from index.store import Store
from reader.app import GuidedReaderApp

from ..app.builder import build_index
from ..app.conftest import settle


def make_app(tmp_path: Path) -> GuidedReaderApp:
    return GuidedReaderApp(Store(build_index(tmp_path / "index")))


async def ready(pilot) -> None:
    await settle(pilot)


def test_reading_screen_120x40(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=(120, 40), run_before=ready)


def test_reading_screen_80x24(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=ready)


def test_search_hits_and_current_statement_120x40(snap_compare, tmp_path: Path) -> None:
    async def choose(pilot) -> None:
        await settle(pilot)
        await pilot.press("slash", *"kind:denial cluster bombs", "enter")
        await settle(pilot)
        await pilot.press("enter")  # the ministry's denial
        await settle(pilot)

    assert snap_compare(make_app(tmp_path), terminal_size=(120, 40), run_before=choose)


def test_tour_light_theme_120x40(snap_compare, tmp_path: Path) -> None:
    async def tour(pilot) -> None:
        await settle(pilot)
        await pilot.press("d", "t")
        await settle(pilot)

    assert snap_compare(make_app(tmp_path), terminal_size=(120, 40), run_before=tour)
