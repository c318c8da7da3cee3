"""Search: latency of real queries in one process, against `grep -ril`."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
import subprocess
import time
from pathlib import Path
from typing import Any

from index.query import search
from index.store import Store

from .measure import median, percentile

# Terms, phrases, fields, fuzzy, wildcards and boolean queries: what people type.
QUERIES = [
    "economy", "election", "film", "music", "football", "internet", "mobile", "oil", "china", "bank",
    "growth", "shares", "profits", "champion", "album", "broadband", "minister", "court", "police", "tax",
    '"interest rates"', '"prime minister"', '"world cup"', '"chancellor gordon brown"', '"general election"',
    '"mobile phone"', '"box office"', '"stock market"', '"human rights"', '"oil prices"',
    "title:economy", "title:film", "title:election", "body:inflation", "title:music AND body:chart",
    "actor:blair", "actor:brown", "kind:denial", "kind:warning", "actor:microsoft",
    "economi~", "goverment~", "telephon~", "electon~", "finacial~",
    "tele*", "econom*", "champion*", "vot*", "broad*",
    "blair AND brown", "oil OR gas", "music NOT chart", "(film OR movie) AND award", "games AND console",
    "cluser bombs", "interst rates", "footbal", "parliment", "technolgy",
]


def grep_pattern(query: str) -> str:
    """The closest `grep -ril` equivalent of a query: a phrase, or its first word."""
    phrase = re.search(r'"([^"]+)"', query)
    if phrase:
        return phrase.group(1)
    words = [w.split(":", 1)[-1] for w in re.findall(r"[\w:]+", query) if w not in ("AND", "OR", "NOT")]
    return re.sub(r"\W", "", words[0]) if words else query


def time_queries(store: Store, rounds: int = 3) -> tuple[list[float], dict[str, Any]]:
    for query in QUERIES:  # warm the caches once, as a running app would be
        search(store, query)
    latencies: list[float] = []
    answered = errors = 0
    for _ in range(rounds):
        for query in QUERIES:
            start = time.perf_counter()
            result = search(store, query, limit=10)
            latencies.append(time.perf_counter() - start)
            answered += bool(result.hits)
            errors += bool(result.error)
    return latencies, {"queries": len(QUERIES), "with_hits": answered // rounds, "errors": errors // rounds}


def time_grep(folder: Path) -> list[float]:
    latencies = []
    for query in QUERIES:
        start = time.perf_counter()
        subprocess.run(["grep", "-ril", "--include=*.txt", grep_pattern(query), str(folder)], capture_output=True)
        latencies.append(time.perf_counter() - start)
    return latencies


def scaled_index(base: Store, target: Path, factor: int) -> Store:
    """An index holding the corpus ``factor`` times over under distinct ids."""
    scaled = Store(target)
    articles = list(base.iter_articles())
    stride = max((a.seq for a in articles), default=0) + 1
    with scaled.writer() as writer:
        scaled.write_glossary(writer, list(base.glossary_entries().values()))
    for copy in range(factor):
        with scaled.writer() as writer:
            for article in articles:
                clone = replace(article, id=f"{article.id[:12]}{copy:04d}", seq=article.seq + copy * stride, path=f"{article.path}#copy{copy}")
                scaled.add_article(writer, clone)
            scaled.write_state(writer, next_seq=(copy + 1) * stride)
    return scaled


def copies_for_grep(corpus: Path, target: Path, factor: int) -> Path:
    if not target.exists():
        for copy in range(factor):
            shutil.copytree(corpus, target / f"copy{copy}")
    return target


def bench_search(corpus: Path, index: Path, workdir: Path, factor: int) -> dict[str, Any]:
    store = Store(index, create=False)
    ours, info = time_queries(store)
    greps = time_grep(corpus)
    figures: dict[str, Any] = {
        **info,
        "p50_ms": median(ours) * 1000,
        "p95_ms": percentile(ours, 0.95) * 1000,
        "grep_p50_ms": median(greps) * 1000,
        "grep_p95_ms": percentile(greps, 0.95) * 1000,
        "factor": factor,
    }
    if factor > 1:
        start = time.perf_counter()
        big = scaled_index(store, workdir / f"scaled-{factor}x", factor)
        figures["scaled_build_s"] = time.perf_counter() - start
        figures["scaled_articles"] = len(big.article_headers())
        ours_big, _ = time_queries(big)
        greps_big = time_grep(copies_for_grep(corpus, workdir / f"grep-{factor}x", factor))
        figures.update(
            {
                "big_p50_ms": median(ours_big) * 1000,
                "big_p95_ms": percentile(ours_big, 0.95) * 1000,
                "big_grep_p50_ms": median(greps_big) * 1000,
                "big_grep_p95_ms": percentile(greps_big, 0.95) * 1000,
            }
        )
    return figures
