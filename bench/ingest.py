"""Ingest: `reader add` into a fresh index, end to end, against nlp.pipe."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from .measure import run_child


def corpus_words(corpus: Path) -> tuple[int, int]:
    files = sorted(corpus.rglob("*.txt"))
    words = sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in files)
    return len(files), words


def bench_ingest(corpus: Path, workdir: Path, processes: int = 2) -> dict[str, Any]:
    index = workdir / "ingest-index"
    env = {**os.environ, "READER_INDEX": str(index), "READER_GLOSSARY_DIR": str(workdir / "no-user-glossary")}
    files, words = corpus_words(corpus)
    first = run_child([sys.executable, "-m", "reader", "add", str(corpus)], env=env)
    if first.returncode not in (0, 1):
        raise RuntimeError(f"reader add failed: {first.stderr.strip()[-400:]}")
    again = run_child([sys.executable, "-m", "reader", "add", str(corpus)], env=env)
    baseline = subprocess.run(
        [sys.executable, "-m", "bench.spacy_baseline", str(corpus), "--processes", str(processes)],
        capture_output=True,
        text=True,
        check=True,
    )
    values = dict(re.findall(r"(\w+)=([\d.]+)", baseline.stdout))
    pipe_seconds = float(values["pipe_seconds"])
    return {
        "files": files,
        "words": words,
        "add_seconds": first.seconds,
        "add_words_per_s": words / first.seconds,
        "add_peak_mb": first.peak_rss_mb,
        "add_summary": first.stderr.strip().splitlines()[-1] if first.stderr.strip() else "",
        "readd_seconds": again.seconds,
        "pipe_seconds": pipe_seconds,
        "pipe_load_seconds": float(values["load_seconds"]),
        "pipe_words_per_s": words / pipe_seconds,
        "index": str(index),
    }
