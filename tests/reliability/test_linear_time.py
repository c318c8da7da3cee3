"""Analysis and linking run in time linear in the text (issue 10, item 6).

A one-line article of short sentences (text exported from a database) once
took 13 minutes for 1 MB: the abbreviation check searched from the start of
the line at every full stop.  Ten times the text must take about ten times
as long, far from the hundred times of a quadratic step.  Speed targets
themselves are measured by the benchmarks; this pins the growth."""

from __future__ import annotations

import time
from collections.abc import Callable

from index.analysis.pipeline import prepare, split_sentences
from index.glossary import GlossaryMatcher, load_glossary

SENTENCES = "The vote was held. Officials said it passed. Mr. Smith left at 5 p.m. on Monday. "


def one_line(size: int) -> str:
    return (SENTENCES * (size // len(SENTENCES) + 1))[:size]


def best_time(work: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def growth(work: Callable[[str], object], small: int = 10_000) -> float:
    """How much longer ``work`` takes on ten times the text."""
    short, long = one_line(small), one_line(small * 10)
    work(short)  # warm caches
    return best_time(lambda: work(long)) / max(best_time(lambda: work(short)), 1e-4)


def test_sentence_splitting_is_linear() -> None:
    sentences = split_sentences(one_line(2_000))
    assert len(sentences) > 50
    assert growth(split_sentences, small=20_000) < 30


def test_preparing_an_article_is_linear() -> None:
    assert growth(lambda text: prepare(text, None), small=20_000) < 30


def test_glossary_linking_is_linear() -> None:
    matcher = GlossaryMatcher(load_glossary().entries)
    terms = "Stepanakert was shelled. The ceasefire agreed in 1994 held, Nikol Pashinyan said. "
    text = terms * (20_000 // len(terms))
    assert len(matcher.find(text)) > 500
    growth_ = best_time(lambda: matcher.find(text * 10)) / best_time(lambda: matcher.find(text))
    assert growth_ < 30


def test_finding_the_quotes_of_each_sentence_is_linear() -> None:
    """Each sentence looks up the quotations it overlaps; scanning every
    quotation of the article for every sentence was quadratic."""
    from index.analysis.attribution import find_all

    quoted = '"We will win," he said. "The talks failed," she added. It rained. '

    def attribute(size: int) -> None:
        text = (quoted * (size // len(quoted) + 1))[:size]
        find_all(prepare(text, None))

    attribute(20_000)
    ratio = best_time(lambda: attribute(200_000)) / best_time(lambda: attribute(20_000))
    assert ratio < 30
