"""Actor colours: far apart for an article's frequent speakers (CIEDE2000),
stable across articles, readable at 4.5:1 wherever the app draws them.

Distances and contrast are measured with ColorAide (``bench.colours``), not
with the app's own arithmetic, so a slip in ``reader.colors`` cannot hide
itself.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.theme import BUILTIN_THEMES

from bench.colours import TOP, app_pairs, delta_e, wcag_contrast
from index.models import Actor, Analysis, Article, Span, Statement
from index.store import Store
from reader.actor_palette import PRIMARY, SECONDARY, UNRESOLVED
from reader.app import GuidedReaderApp
from reader.userstate import UserState
from reader.colors import (
    DARK_BACKGROUND_MAX,
    DARK_MIN_LUMINANCE,
    LIGHT_BACKGROUND_MIN,
    LIGHT_MAX_LUMINANCE,
    MIN_CONTRAST,
    SLOTS,
    article_colours,
    assign_slots,
    contrast,
    luminance,
    preference,
    ranked,
    text_on,
    tint,
)
from reader.widgets.article_view import ArticleView

from ..conftest import SEED
from .builder import build_index
from .conftest import settle

STYLESHEET = Path(__file__).resolve().parents[2] / "reader" / "reader.tcss"
WANTED = 15.0  # ΔE2000 among an article's ten most frequent speakers
THEMES = {"dark": 0, "light": 1}
# backgrounds of the two built-in themes (screen, surface, panel) — the wash is checked on each
DARK_GROUNDS = ("#000000", "#121212", "#1e1e1e")
LIGHT_GROUNDS = ("#ffffff", "#e0e0e0", "#d8d8d8")


def article_of(speakers: list[tuple[str, int]]) -> Article:
    """A synthetic article: each (actor id, statements) speaks that many times."""
    text = " ".join(f"{actor} said something {i}." for actor, count in speakers for i in range(count))
    statements, offset = [], 0
    for actor, count in speakers:
        for i in range(count):
            sentence = f"{actor} said something {i}."
            start = text.index(sentence, offset)
            offset = start + len(sentence)
            statements.append(Statement(actor, actor, None, None, None, Span(start, offset), "claim", False))
    actors = [Actor(actor, actor.replace("-", " ").title(), "person") for actor, _ in speakers]
    return Article(id="synthetic", seq=1, path="synthetic.txt", title="synthetic", text=text, analysis=Analysis(actors, statements))


def top_distance(article: Article, theme: int) -> float:
    colours = article_colours(article)
    top = [colours.color(actor, dark=theme == 0) for actor in ranked(article)[:TOP]]
    return min(delta_e(a, b) for a, b in itertools.combinations(top, 2))


# -- the palette -------------------------------------------------------------
@pytest.mark.parametrize("theme", THEMES.values(), ids=THEMES.keys())
def test_primary_slots_are_at_least_15_apart(theme: int) -> None:
    colours = [slot[theme] for slot in PRIMARY]
    assert len(PRIMARY) >= TOP
    assert min(delta_e(a, b) for a, b in itertools.combinations(colours, 2)) >= WANTED


@pytest.mark.parametrize("theme", THEMES.values(), ids=THEMES.keys())
def test_speakers_stand_out_from_plain_text_and_from_the_unresolved_grey(theme: int) -> None:
    plain = BUILTIN_THEMES[("textual-dark", "textual-light")[theme]].to_color_system().generate()["foreground"]
    for slot in SLOTS:
        assert delta_e(slot[theme], plain) >= WANTED, (slot, plain)
        assert delta_e(slot[theme], UNRESOLVED[theme]) >= WANTED, slot


def test_every_colour_sits_in_its_themes_luminance_band() -> None:
    for dark, light in SLOTS + (UNRESOLVED,):
        assert luminance(dark) >= DARK_MIN_LUMINANCE, dark
        assert luminance(light) <= LIGHT_MAX_LUMINANCE, light
        # so 4.5:1 holds on the darkest / lightest background the band allows
        assert (luminance(dark) + 0.05) / (DARK_BACKGROUND_MAX + 0.05) >= MIN_CONTRAST - 1e-9
        assert (LIGHT_BACKGROUND_MIN + 0.05) / (luminance(light) + 0.05) >= MIN_CONTRAST - 1e-9
    assert len(set(SLOTS)) == len(SLOTS)


def test_wcag_arithmetic_agrees_with_coloraide() -> None:
    for a, b in itertools.product([s[0] for s in SLOTS] + [s[1] for s in SLOTS], ["#121212", "#e0e0e0", "#0d314c", "#ffffff"]):
        assert contrast(a, b) == pytest.approx(wcag_contrast(a, b), abs=0.01)


def test_the_wash_under_the_current_actor_and_the_text_on_a_colour_keep_4_5() -> None:
    for dark, light in SLOTS + (UNRESOLVED,):
        for colour, grounds in ((dark, DARK_GROUNDS), (light, LIGHT_GROUNDS)):
            for ground in grounds:
                wash = tint(colour, ground)
                assert wash != ground, (colour, ground)  # it shows
                assert wcag_contrast(colour, wash) >= MIN_CONTRAST, (colour, ground, wash)
            assert wcag_contrast(text_on(colour), colour) >= MIN_CONTRAST, colour


def test_row_and_highlight_backgrounds_in_the_stylesheet_keep_to_the_band() -> None:
    css = STYLESHEET.read_text(encoding="utf-8")
    variables = dict(re.findall(r"^\$((?:actor-row|highlight)[\w-]*):\s*(#[0-9a-fA-F]{6});", css, re.M))
    assert {"actor-row-focused-dark", "actor-row-focused-light", "highlight-dark", "highlight-light"} <= set(variables)
    for name, value in variables.items():
        if name.endswith("-dark"):
            assert luminance(value) <= DARK_BACKGROUND_MAX, name
        else:
            assert luminance(value) >= LIGHT_BACKGROUND_MIN, name


# -- who gets which colour ---------------------------------------------------
@pytest.mark.slow
def test_the_bundled_articles_ten_most_frequent_speakers_are_15_apart(corpus_index: Path) -> None:
    store = Store(corpus_index, create=False)
    try:
        header = next(h for h in store.article_headers() if h.path.endswith(SEED.name))
        article = store.article(header.id)
    finally:
        store.close()
    assert article is not None and len(ranked(article)) >= TOP
    for theme in THEMES.values():
        assert top_distance(article, theme) >= WANTED


def test_an_article_with_many_actors_keeps_its_top_ten_15_apart() -> None:
    rng = random.Random(7)
    pool = [f"speaker-{n}" for n in range(400)]
    for _ in range(25):
        chosen = rng.sample(pool, rng.randint(TOP, 60))
        article = article_of([(actor, rng.randint(1, 9)) for actor in chosen])
        for theme in THEMES.values():
            assert top_distance(article, theme) >= WANTED


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=80, unique=True))
def test_the_most_frequent_speakers_take_distinct_primary_slots(ranking: list[str]) -> None:
    slots = assign_slots(ranking)
    first = [slots[actor] for actor in ranking[: len(PRIMARY)]]
    assert len(set(first)) == len(first) and all(slot < len(PRIMARY) for slot in first)
    spread = [slots[actor] for actor in ranking[: len(SLOTS)]]
    assert len(set(spread)) == len(spread)  # no colour repeats before every slot is taken
    counts = [list(slots.values()).count(slot) for slot in range(len(SLOTS))]
    assert max(counts) - min(counts) <= 1 if len(ranking) >= len(SLOTS) else max(counts) <= 1


def test_an_actor_keeps_its_colour_across_articles_unless_a_more_frequent_speaker_holds_it() -> None:
    actor = "nikol-pashinyan"
    own = preference(actor)[0]
    others = [f"speaker-{n}" for n in range(200)]
    apart = [o for o in others if own not in preference(o)[:3]]
    rival = next(o for o in others if preference(o)[0] == own)
    first = article_of([(actor, 3), (apart[0], 1)])
    second = article_of([(apart[1], 6), (apart[2], 5), (actor, 1), (apart[3], 1)])
    colour = article_colours(first).color(actor, dark=True)
    assert colour == article_colours(second).color(actor, dark=True) == SLOTS[own][0]
    # a clash: the more frequent speaker keeps the slot; the other takes its second choice
    clash = article_of([(rival, 4), (actor, 2)])
    assert article_colours(clash).color(rival, dark=True) == SLOTS[own][0]
    assert article_colours(clash).color(actor, dark=True) == SLOTS[preference(actor)[1]][0]
    reverse = article_of([(actor, 4), (rival, 2)])
    assert article_colours(reverse).color(actor, dark=True) == colour
    assert article_colours(reverse).color(rival, dark=True) != colour


def test_colours_are_the_same_in_every_process() -> None:
    speakers = [(f"speaker-{n}", n % 5 + 1) for n in range(30)]
    here = article_colours(article_of(speakers))
    mine = {actor: here.color(actor, dark=True) for actor, _ in speakers}
    code = (
        "import json, sys; from tests.app.test_colours import article_of; from reader.colors import article_colours\n"
        "speakers = [(f'speaker-{n}', n % 5 + 1) for n in range(30)]\n"
        "c = article_colours(article_of(speakers)); print(json.dumps({a: c.color(a, dark=True) for a, _ in speakers}))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120, check=True)
    assert json.loads(done.stdout) == mine


# -- in the running app ------------------------------------------------------
async def test_every_actor_colour_on_screen_reads_at_4_5_in_both_themes(tmp_path: Path) -> None:
    pairs = await app_pairs(build_index(tmp_path / "index"))
    places = {(p.theme, p.where) for p in pairs}
    for theme in ("textual-dark", "textual-light"):
        for where in ("ArticleView#text", "OptionList#claims-list", "OptionList#actors-list", "OptionList#tour-links", "Static#tour-card"):
            assert (theme, where) in places, (theme, where)  # drawn, and in this theme's colours
        claims = {p.background for p in pairs if p.theme == theme and p.where == "OptionList#claims-list"}
        assert len(claims) >= 4  # the pane, the highlighted row focused and not, the row under the mouse
        text = [p for p in pairs if p.theme == theme and p.where == "ArticleView#text"]
        assert any(p.foreground in ("#000000", "#ffffff") for p in text)  # the current statement, on its colour
        assert len({p.background for p in text}) >= 3  # the paper, the current actor's wash, a statement's colour
    low = min(pairs, key=lambda p: p.ratio)
    assert low.ratio >= MIN_CONTRAST, low
    assert min(wcag_contrast(p.foreground, p.background) for p in pairs) >= MIN_CONTRAST


async def test_the_highlight_style_keeps_every_actor_colour_readable(tmp_path: Path) -> None:
    store = Store(build_index(tmp_path / "index"))
    app = GuidedReaderApp(store, userstate=UserState(tmp_path / "userstate.sqlite3"))
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            for theme, side in (("textual-dark", 0), ("textual-light", 1)):
                app.theme = theme
                await settle(pilot)
                style = app.screen.query_one(ArticleView).highlight_tint()  # as drawn: a tint over the text's background
                ground = style.bgcolor.get_truecolor().hex
                for colour in [slot[side] for slot in SLOTS] + [UNRESOLVED[side]]:
                    assert wcag_contrast(colour, ground) >= MIN_CONTRAST, (theme, colour, ground)
    finally:
        store.close()
