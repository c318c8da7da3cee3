"""Analysis in worker processes, each article within a time budget.

spaCy and our rules run in C and Python alike, so an analysis that runs
away cannot be interrupted from inside; a worker process can be killed.
Articles are analysed in chunks (the model runs once per stage for a
whole chunk); a chunk that takes longer than the budget, or whose worker
fails, is analysed again one article per task, and an article that alone
runs past the budget is given up on: the caller indexes it without
statements.  So no single input holds a batch hostage for longer than
about twice the budget.  The process pool is pebble's, which kills and
replaces a worker whose task ran out of time.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass

from .analysis.pipeline import die_with_parent, mp_context
from .models import Analysis, Span

BUDGET_ENV = "READER_ANALYSIS_SECONDS"
DEFAULT_BUDGET = 60.0
CHUNK_ARTICLES = 16
CHUNK_CHARS = 100_000  # a chunk of long articles is smaller

Item = tuple[str, Span | None]


@dataclass(frozen=True, slots=True)
class Unanalysed:
    """Why an article has no analysis: it failed, or ran out of time."""

    reason: str
    over_budget: bool = False


def analysis_budget() -> float:
    """Seconds one article's analysis may take (``READER_ANALYSIS_SECONDS``)."""
    try:
        return max(0.1, float(os.environ.get(BUDGET_ENV, DEFAULT_BUDGET)))
    except ValueError:
        return DEFAULT_BUDGET


def analyse_within_budget(items: Sequence[Item], processes: int = 1, budget: float | None = None) -> Iterator[Analysis | Unanalysed]:
    """An analysis, or why there is none, for each item, in input order."""
    if not items:
        return
    from pebble import ProcessPool

    budget = analysis_budget() if budget is None else budget
    workers = max(1, min(processes, os.cpu_count() or 1))
    context = mp_context()  # fork unless threads run (the app): then spawn
    if context.get_start_method() == "fork":
        from .analysis import load_pipeline

        load_pipeline()  # loaded once here, shared by the forked workers
    else:
        _start_resource_tracker()
    pool = ProcessPool(max_workers=workers, initializer=_start_worker, context=context)
    try:
        in_flight: deque[tuple[list[Item], Future]] = deque()
        for chunk in _chunks(items):
            in_flight.append((chunk, pool.schedule(_analyse_chunk, args=(chunk,), timeout=budget)))
            if len(in_flight) >= 2 * workers:
                yield from _results(pool, *in_flight.popleft(), budget)
        while in_flight:
            yield from _results(pool, *in_flight.popleft(), budget)
    finally:
        pool.stop()  # ends the workers at once, also when the caller stops early
        pool.join()


def _results(pool: object, chunk: list[Item], future: Future, budget: float) -> Iterator[Analysis | Unanalysed]:
    try:
        yield from future.result()
        return
    except Exception:  # noqa: BLE001 - out of time, a worker that died, an article that raised
        pass
    # again one article per task, so only the article at fault is given up on
    singles = [pool.schedule(_analyse_chunk, args=([item],), timeout=budget) for item in chunk]  # type: ignore[attr-defined]
    for single in singles:
        try:
            yield single.result()[0]
        except TimeoutError:
            yield Unanalysed(f"its analysis took longer than {budget:g} s", over_budget=True)
        except Exception as exc:  # noqa: BLE001 - one line, and the batch goes on
            yield Unanalysed(f"{type(exc).__name__}: {str(exc)[:100]}")


def _chunks(items: Sequence[Item]) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    chars = 0
    for item in items:
        if chunk and (len(chunk) >= CHUNK_ARTICLES or chars + len(item[0]) > CHUNK_CHARS):
            yield chunk
            chunk, chars = [], 0
        chunk.append(item)
        chars += len(item[0])
    if chunk:
        yield chunk


def _analyse_chunk(chunk: list[Item]) -> list[Analysis]:
    """Runs in a worker: the chunk's analyses, the model run once per stage."""
    from .analysis import analyze_many

    return list(analyze_many(iter(chunk), processes=1, batch_size=max(1, len(chunk))))


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker against the real stderr.

    Spawning a worker starts the tracker, which hands ``sys.stderr``'s
    descriptor to its own process; Textual replaces ``sys.stderr`` with an
    object whose ``fileno()`` is -1, and the spawn then fails ("bad value(s)
    in fds_to_keep").  Once running, the tracker is reused."""
    from multiprocessing import resource_tracker

    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = True  # the tracker copes with a stderr that has no descriptor at all
    if usable:
        return
    replaced = sys.stderr
    with open(os.devnull, "w") as nowhere:
        sys.stderr = sys.__stderr__ if sys.__stderr__ is not None else nowhere
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = replaced


WORKER_NICENESS = 5


def _start_worker() -> None:
    from .analysis import load_pipeline

    die_with_parent()
    _yield_to_parent()
    load_pipeline()


def _yield_to_parent() -> None:
    """Run the worker at a lower priority than the process that started it.

    The parent indexes what the workers analysed, in one thread that must
    keep pace with them: on a machine with as many workers as cores, equal
    priorities leave it a third of the CPU, its batches fall behind, and
    the last one is written alone while the cores idle.  Lower, the workers
    take what the parent leaves, and the app that starts them stays
    responsive while they work."""
    try:
        os.nice(WORKER_NICENESS)
    except (AttributeError, OSError):  # not on this system: equal priorities
        pass
