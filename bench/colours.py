"""`python -m bench.colours`: do actor colours tell speakers apart, and can
they be read wherever the app draws them?

Two jobs:

* ``python -m bench.colours [--index DIR]`` measures.  For every article of
  the index (a temporary index of the bundled article when none is given) it
  reports the smallest CIEDE2000 distance among the ten most frequent
  speakers' colours, in the dark and the light theme, for the palette the app
  uses and — beside it, as the baseline — for the per-id hash colours the app
  used before (one colour per actor id, whatever else the article holds).
  Then it runs the app headless on that index in both themes, walks the
  claims, actors and tour panes and the text with a statement selected, and
  reports the lowest WCAG contrast ratio between an actor colour and the
  background it was drawn on.
* ``python -m bench.colours --build`` regenerates ``reader/actor_palette.py``:
  the slots of the palette, chosen here in OKLCH (coloraide) so that the
  primary slots are as far apart as possible in ΔE2000 while every colour
  stays inside the luminance band of ``reader.colors`` (which is what makes
  4.5:1 contrast hold on every background the stylesheet gives them).

ColorAide does the colour science (OKLCH, gamut fitting, ΔE2000, WCAG
luminance); it is a test/bench dependency only — the app reads the generated
table and never imports it (its import alone costs ~0.2 s of start-up).
"""

from __future__ import annotations

import argparse
import asyncio
import colorsys
import hashlib
import itertools
import random
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from coloraide import Color
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget

from index.models import Article

from reader.colors import DARK_MIN_LUMINANCE, LIGHT_MAX_LUMINANCE, article_colours, contrast, luminance, preference, ranked

from .app import settle

TOP = 10  # the speakers that must stay clearly apart
TARGET_DELTA_E = 15.0
PALETTE_MODULE = Path(__file__).resolve().parents[1] / "reader" / "actor_palette.py"

# -- the palette search ------------------------------------------------------
PRIMARY = 12  # slots pairwise ≥ TARGET_DELTA_E apart: an article's top speakers
SECONDARY = 8  # further slots, as far from everything as the band allows
HUE_STEP = 6
DARK_LEVELS = (0.72, 0.76, 0.80, 0.84, 0.88, 0.92)  # OKLCH lightness tried in the dark theme
LIGHT_LEVELS = (0.36, 0.40, 0.44, 0.48, 0.52, 0.56)  # … and in the light theme
MAX_CHROMA = 0.30  # then reduced to what sRGB can show at that lightness and hue
RESTARTS = 40
PLAIN_TEXT = ("#e0e0e0", "#1f1f1f")  # the text colour of textual-dark and textual-light: statements must stand out from it
ANCHOR_DISTANCE = 15.0  # … as far as speakers from each other, and from the grey of unresolved speakers
SEED = 20240612  # the search is random restarts from a fixed seed: the same table every run


def delta_e(a: str, b: str) -> float:
    """CIEDE2000 distance between two ``#rrggbb`` colours."""
    return Color(a).delta_e(Color(b), method="2000")


def wcag_contrast(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio as ColorAide computes it (a check on ``reader.colors.contrast``)."""
    return Color(a).contrast(Color(b), method="wcag21")


def _srgb(lightness: float, hue: float) -> str:
    """The most saturated sRGB colour (up to MAX_CHROMA) at an OKLCH lightness and hue."""
    color = Color("oklch", [lightness, MAX_CHROMA, hue]).fit("srgb", method="oklch-chroma")
    return color.convert("srgb").to_string(hex=True, fit=False)


@dataclass(frozen=True, slots=True)
class Candidate:
    hue: int
    dark: str
    light: str


def _apart(colour: str, anchors: tuple[str, ...]) -> bool:
    return all(delta_e(colour, anchor) >= ANCHOR_DISTANCE for anchor in anchors)


def candidates() -> list[Candidate]:
    """Every (hue, dark lightness, light lightness) whose colours sit in the
    band and stand apart from plain text and from the unresolved grey."""
    dark_anchors, light_anchors = (PLAIN_TEXT[0], grey(dark=True)), (PLAIN_TEXT[1], grey(dark=False))
    found = []
    for hue in range(0, 360, HUE_STEP):
        darks = [c for c in (_srgb(level, hue) for level in DARK_LEVELS) if Color(c).luminance() >= DARK_MIN_LUMINANCE]
        lights = [c for c in (_srgb(level, hue) for level in LIGHT_LEVELS) if Color(c).luminance() <= LIGHT_MAX_LUMINANCE]
        darks = [c for c in dict.fromkeys(darks) if _apart(c, dark_anchors)]
        lights = [c for c in dict.fromkeys(lights) if _apart(c, light_anchors)]
        found += [Candidate(hue, dark, light) for dark in darks for light in lights]
    return found


def _distances(colours: list[str]) -> dict[tuple[str, str], float]:
    unique = sorted(set(colours))
    table = {}
    for a, b in itertools.combinations(unique, 2):
        table[a, b] = table[b, a] = delta_e(a, b)
    for a in unique:
        table[a, a] = 0.0
    return table


def build_palette() -> tuple[list[Candidate], list[Candidate]]:
    """Primary slots (max-min ΔE2000 over both themes), then secondary ones."""
    import numpy as np

    pool = candidates()
    dark = _distances([c.dark for c in pool])
    light = _distances([c.light for c in pool])
    size = len(pool)
    matrix = np.zeros((size, size))
    for i, j in itertools.combinations(range(size), 2):
        a, b = pool[i], pool[j]
        matrix[i, j] = matrix[j, i] = min(dark[a.dark, b.dark], light[a.light, b.light])
    np.fill_diagonal(matrix, np.inf)

    def worst(chosen: list[int]) -> float:
        return float(matrix[np.ix_(chosen, chosen)].min())

    rng = random.Random(SEED)
    best: list[int] = []
    best_score = -1.0
    for _ in range(RESTARTS):
        chosen = rng.sample(range(size), PRIMARY)
        score = worst(chosen)
        improved = True
        while improved:  # swap a member of the closest pair for the candidate farthest from the rest
            improved = False
            sub = matrix[np.ix_(chosen, chosen)]
            pair = np.unravel_index(int(sub.argmin()), sub.shape)
            for member in pair:
                rest = [x for k, x in enumerate(chosen) if k != member]
                reach = matrix[rest].min(axis=0)
                reach[rest] = -1
                pick = int(reach.argmax())
                if reach[pick] > score + 1e-9:
                    chosen, score, improved = rest + [pick], worst(rest + [pick]), True
                    break
        if score > best_score:
            best, best_score = chosen, score
    taken = list(best)
    for _ in range(SECONDARY):  # farthest-point: each new slot as far as possible from all before it
        reach = matrix[taken].min(axis=0)
        reach[taken] = -1
        taken.append(int(reach.argmax()))
    primary = sorted((pool[i] for i in best), key=lambda c: (c.hue, c.dark))
    secondary = [pool[i] for i in taken[PRIMARY:]]
    return primary, secondary


def grey(*, dark: bool) -> str:
    """The grey for unresolved speakers: at the band's edge, so it reads like
    the palette but carries no hue."""
    for value in range(256) if dark else range(255, -1, -1):
        colour = f"#{value:02x}{value:02x}{value:02x}"
        luminance = Color(colour).luminance()
        if (dark and luminance >= DARK_MIN_LUMINANCE) or (not dark and luminance <= LIGHT_MAX_LUMINANCE):
            return colour
    raise AssertionError("the band holds no grey")


def palette_source(primary: list[Candidate], secondary: list[Candidate]) -> str:
    def rows(slots: list[Candidate]) -> str:
        return "".join(f'    ("{c.dark}", "{c.light}"),  # hue {c.hue}\n' for c in slots)

    pairs = [(a, b) for a, b in itertools.combinations(primary, 2)]
    closest = min(min(delta_e(a.dark, b.dark), delta_e(a.light, b.light)) for a, b in pairs)
    return (
        '"""The actor palette: (dark theme, light theme) colour pairs of one hue.\n'
        "\n"
        "Generated by ``python -m bench.colours --build`` — do not edit by hand.\n"
        f"The {len(primary)} primary slots are at least {closest:.1f} apart in CIEDE2000 in\n"
        "both themes; secondary slots come after them, as far from everything as\n"
        f"the luminance band of ``reader.colors`` allows.  Dark colours have a WCAG\n"
        f"luminance of at least {DARK_MIN_LUMINANCE}, light ones at most {LIGHT_MAX_LUMINANCE}.\n"
        '"""\n'
        "\n"
        "PRIMARY: tuple[tuple[str, str], ...] = (\n"
        f"{rows(primary)}"
        ")\n"
        "\n"
        "SECONDARY: tuple[tuple[str, str], ...] = (\n"
        f"{rows(secondary)}"
        ")\n"
        "\n"
        f'UNRESOLVED: tuple[str, str] = ("{grey(dark=True)}", "{grey(dark=False)}")  # speakers not resolved to an actor\n'
    )


# -- measuring ---------------------------------------------------------------
def hash_colour(actor_id: str) -> str:
    """The colour the app gave an actor before the palette: a hue from SHA-1
    of the id, lightness solved for a luminance of 0.2 (one colour for both
    themes).  Kept here only as the baseline the palette is measured against."""
    digest = int(hashlib.sha1(actor_id.encode("utf-8")).hexdigest()[:8], 16)
    hue, saturation = (digest % 360) / 360, 0.6 + ((digest >> 12) % 30) / 100
    low, high = 0.0, 1.0

    def at(lightness: float) -> str:
        r, g, b = colorsys.hls_to_rgb(hue, lightness, saturation)
        return "#{:02x}{:02x}{:02x}".format(*(max(0, min(255, round(c * 255))) for c in (r, g, b)))

    colour = at(0.5)
    for _ in range(24):
        middle = (low + high) / 2
        colour = at(middle)
        if luminance(colour) < 0.2:
            low = middle
        else:
            high = middle
    return colour


def closest_pair(colours: dict[str, str]) -> tuple[float, str, str]:
    """The smallest ΔE2000 between two actors' colours, and who they are."""
    pairs = [(delta_e(colours[a], colours[b]), a, b) for a, b in itertools.combinations(colours, 2)]
    return min(pairs) if pairs else (float("inf"), "", "")


@dataclass(slots=True)
class Separation:
    title: str
    actors: int
    palette_dark: tuple[float, str, str]
    palette_light: tuple[float, str, str]
    hash_colours: tuple[float, str, str]
    everyone_dark: tuple[float, str, str]
    everyone_light: tuple[float, str, str]


def separation(article: Article) -> Separation:
    """ΔE2000 figures of one article: its top speakers and all its actors."""
    colours = article_colours(article)
    order = ranked(article)
    top = order[:TOP]
    return Separation(
        title=article.title,
        actors=len(order),
        palette_dark=closest_pair({a: colours.color(a, dark=True) for a in top}),
        palette_light=closest_pair({a: colours.color(a, dark=False) for a in top}),
        hash_colours=closest_pair({a: hash_colour(a) for a in top}),
        everyone_dark=closest_pair({a: colours.color(a, dark=True) for a in order}),
        everyone_light=closest_pair({a: colours.color(a, dark=False) for a in order}),
    )


def stability(articles: list[Article]) -> tuple[int, int, int, int]:
    """Across articles, for actors quoted in two or more: how many there are,
    how many keep one colour in all, and of their appearances how many are
    in the actor's preferred colour (a change needs a more frequent speaker
    holding that slot, or more speakers than primary slots)."""
    seen: dict[str, set[int]] = {}
    quoted: dict[str, int] = {}
    preferred: dict[str, int] = {}
    for article in articles:
        colours = article_colours(article)
        for actor_id in ranked(article):
            slot = colours.slot(actor_id)
            seen.setdefault(actor_id, set()).add(slot)
            quoted[actor_id] = quoted.get(actor_id, 0) + 1
            preferred[actor_id] = preferred.get(actor_id, 0) + (slot == preference(actor_id)[0])
    several = [actor_id for actor_id, count in quoted.items() if count > 1]
    one = sum(len(seen[actor_id]) == 1 for actor_id in several)
    return len(several), one, sum(preferred[a] for a in several), sum(quoted[a] for a in several)


@dataclass(frozen=True, slots=True)
class Pair:
    """An actor colour as drawn: on what background, where, in which theme."""

    theme: str
    where: str
    foreground: str
    background: str
    text: str

    @property
    def ratio(self) -> float:
        return contrast(self.foreground, self.background)


def strip_pairs(theme: str, where: str, strips: Iterable[Strip], colours: set[str]) -> Iterator[Pair]:
    """Every visible piece of text drawn in one of ``colours`` or on one."""
    for strip in strips:
        for segment in strip:
            style = segment.style
            if not segment.text.strip() or style is None or style.color is None or style.bgcolor is None:
                continue
            foreground, background = style.color.get_truecolor().hex, style.bgcolor.get_truecolor().hex
            if foreground in colours or background in colours:
                yield Pair(theme, where, foreground, background, segment.text.strip())


def widget_pairs(theme: str, widget: Widget, colours: set[str]) -> list[Pair]:
    """Pairs in the lines a widget renders now (Line API widgets and the rest alike)."""
    from textual.geometry import Region

    where = f"{type(widget).__name__}#{widget.id}" if widget.id else type(widget).__name__
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return list(strip_pairs(theme, where, strips, colours))


async def app_pairs(index: Path, *, size: tuple[int, int] = (120, 40)) -> list[Pair]:
    """Run the app headless on ``index`` and collect every actor colour it
    draws, with its background, in both themes: the text with a current
    statement and actor, the claims pane focused and not, the actors pane,
    the tour's card and links."""
    from index.store import Store
    from reader.app import DARK, LIGHT, GuidedReaderApp
    from reader.userstate import UserState

    store = Store(index, create=False)
    state = UserState(Path(tempfile.mkdtemp(prefix="reader-colours-")) / "userstate.sqlite3")
    app = GuidedReaderApp(store, userstate=state)
    found: list[Pair] = []
    try:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            for theme in (DARK, LIGHT):
                app.theme = theme
                await settle(pilot)
                found += await _walk(pilot, theme)
    finally:
        store.close()
    return found


async def _walk(pilot: Pilot, theme: str) -> list[Pair]:
    from textual.widgets import OptionList, Static

    from reader.widgets.article_view import ArticleView

    app = pilot.app
    screen = app.screen
    article = screen.article
    if article is None:
        return []
    colours = article_colours(article).all_colours(dark=app.current_theme.dark)
    found: list[Pair] = []

    def look() -> None:
        for widget in screen.query(OptionList).results():
            if widget.display and widget.region.area:
                found.extend(widget_pairs(theme, widget, colours))
        found.extend(widget_pairs(theme, screen.query_one(ArticleView), colours))
        card = screen.query("#tour-card")
        if card and card.first(Static).region.area:
            found.extend(widget_pairs(theme, card.first(Static), colours))

    await pilot.press("2")  # claims focused: the highlighted row is the selection
    await settle(pilot)
    for _ in range(3):
        await pilot.press("down")
        await settle(pilot)
        look()
    await pilot.hover("#claims-list", offset=(4, 1))  # the row under the mouse
    await settle(pilot)
    look()
    await pilot.press("3")  # actors focused; the claims pane keeps a blurred highlight
    await settle(pilot)
    await pilot.press("down", "enter")
    await settle(pilot)
    look()
    await pilot.press("t")  # the tour: its card, and its links highlighted one by one
    await settle(pilot)
    look()
    for key in ("right", "down", "down", "down", "down"):
        await pilot.press(key)
        await settle(pilot)
        look()
    await pilot.press("escape")
    await settle(pilot)
    return found


def _ensure_index(index: Path | None) -> Path:
    if index is not None:
        return index
    from index.ingest import ensure_seeded
    from index.store import Store

    where = Path(tempfile.mkdtemp(prefix="reader-colours-")) / "index"
    store = Store(where)
    ensure_seeded(store)
    store.close()
    return where


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.colours", description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, help="an index folder (default: a temporary index of the bundled article)")
    parser.add_argument("--build", action="store_true", help=f"regenerate {PALETTE_MODULE.name} and exit")
    parser.add_argument("--no-app", action="store_true", help="skip the contrast walk through the running app")
    args = parser.parse_args(argv)
    if args.build:
        primary, secondary = build_palette()
        PALETTE_MODULE.write_text(palette_source(primary, secondary), encoding="utf-8")
        print(f"wrote {PALETTE_MODULE}")
        return 0
    from index.store import Store

    index = _ensure_index(args.index)
    store = Store(index, create=False)
    try:
        articles = [a for a in (store.article(h.id) for h in store.article_headers()) if a is not None]
    finally:
        store.close()
    print(f"ΔE2000 between actor colours, top {TOP} speakers of each article (≥ {TARGET_DELTA_E:g} wanted)")
    print("  palette dark | palette light | old hash colours | all actors dark / light | actors | article")
    def shown(value: float, width: int, align: str = ">") -> str:
        return f"{'—' if value == float('inf') else f'{value:.1f}':{align}{width}}"

    lowest = float("inf")
    for article in articles:
        s = separation(article)
        lowest = min(lowest, s.palette_dark[0], s.palette_light[0])
        print(
            f"  {shown(s.palette_dark[0], 12)} | {shown(s.palette_light[0], 13)} | {shown(s.hash_colours[0], 16)} |"
            f" {shown(s.everyone_dark[0], 9)} / {shown(s.everyone_light[0], 11, '<')} | {s.actors:6d} | {article.title[:50]}"
        )
        if s.hash_colours[0] < TARGET_DELTA_E:
            print(f"      old hash colours: closest pair {s.hash_colours[1]} / {s.hash_colours[2]}")
    print(f"lowest top-{TOP} ΔE2000 with the palette, any article, either theme: {shown(lowest, 0)}")
    several, one, preferred, appearances = stability(articles)
    if several:
        print(
            f"actors quoted in 2+ articles: {several}; one colour in all of them: {one};"
            f" in their preferred colour in {preferred} of their {appearances} appearances"
        )
    if args.no_app:
        return 0
    pairs = asyncio.run(app_pairs(index))
    if not pairs:
        print("no actor colours found on screen")
        return 1
    print(f"\nWCAG contrast of actor colours on their backgrounds in the app ({len(pairs)} pieces of text, 4.5 wanted)")
    for theme in sorted({p.theme for p in pairs}):
        for where in sorted({p.where for p in pairs if p.theme == theme}):
            here = [p for p in pairs if p.theme == theme and p.where == where]
            low = min(here, key=lambda p: p.ratio)
            print(f"  {theme:14s} {where:28s} min {low.ratio:5.2f}  ({low.foreground} on {low.background}, “{low.text[:24]}”)")
    low = min(pairs, key=lambda p: p.ratio)
    print(f"minimum: {low.ratio:.2f} ({low.theme}, {low.where}, {low.foreground} on {low.background})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
