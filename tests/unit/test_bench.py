"""A smoke run of the benchmark on the tests' own fixtures, so it never rots."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ARTICLES


@pytest.mark.slow
def test_benchmark_smoke_run_writes_the_table(tmp_path: Path) -> None:
    out = tmp_path / "BENCHMARKS.md"
    done = subprocess.run(
        [sys.executable, "-m", "bench", str(ARTICLES), "--quick", "--out", str(out), "--workdir", str(tmp_path / "work")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    table = out.read_text(encoding="utf-8")
    assert "| ingest, words/s" in table and "nlp.pipe" in table
    assert "| search p50 / p95" in table and "grep -ril" in table
    assert "adding the unchanged corpus again" in table
