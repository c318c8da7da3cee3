"""Small timing helpers shared by the benchmarks."""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(slots=True)
class Run:
    seconds: float
    peak_rss_mb: float  # the largest resident set of any child process
    returncode: int
    stderr: str


def run_child(args: Sequence[str], env: dict[str, str] | None = None, timeout: float = 3600) -> Run:
    """Run a command, timing it end to end; peak memory from getrusage.

    RUSAGE_CHILDREN reports the largest child seen so far, so each
    measured command runs through a fresh wrapper process to keep the
    figure its own.
    """
    wrapper = [sys.executable, "-m", "bench.child", *args]
    start = time.perf_counter()
    done = subprocess.run(wrapper, env=env, capture_output=True, text=True, timeout=timeout)
    seconds = time.perf_counter() - start
    peak = 0.0
    for line in done.stdout.splitlines():
        if line.startswith("peak_rss_kb="):
            peak = int(line.split("=", 1)[1]) / 1024
    return Run(seconds, peak, done.returncode, done.stderr)


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def own_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
