"""`python -m bench.links_overhead FOLDER...`: what building the subject
links (issue 13) adds to `reader add`.

Two runs of `reader add`'s own code (``index.ingest.add_paths``), each into a
fresh index, each in a fresh process: one as shipped, one with the links step
switched off (no claims or subjects prepared while the workers analyse, no
links built after the commit).  The claim texts written with each statement
stay in both: they are part of what a statement stores.  Also reported: the
time the shipped run spent in each part of the links step (``prepare`` runs
in the main process while the workers analyse the next articles, so its wall
cost is at most its own time).  The target is at most 15% more time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TARGET = 0.15


def _run_once(paths: list[str], index: Path, links: bool) -> dict[str, Any]:
    """One `reader add` into ``index``, in this process."""
    import index.ingest as ingest
    import index.related as related
    from index.store import Store

    spent = {"prepare": 0.0, "update_links": 0.0}
    prepare, update_links = related.prepare, related.update_links

    def timed(name: str, function: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start

        return run

    if links:
        related.prepare = timed("prepare", prepare)
        related.update_links = timed("update_links", update_links)
    else:
        related.prepare = lambda article, entries: related.ArticleLinks(article.id)
        ingest.link_subjects = lambda store, fresh, report: None
    start, cpu = time.perf_counter(), _cpu()
    report = ingest.add_paths(Store(index), paths)
    wall = time.perf_counter() - start
    return {"seconds": wall, "cpu": _cpu() - cpu, "added": len(report.added), **spent}


def _cpu() -> float:
    """CPU seconds of this process and its finished workers: less swayed than
    wall time by other work on a shared machine."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def measure(paths: list[str]) -> dict[str, Any]:
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="bench-links-") as work:
        for name, links in (("without links", False), ("with links", True)):
            done = subprocess.run(
                [sys.executable, "-m", "bench.links_overhead", "--child", "1" if links else "0", "--index", str(Path(work) / name.replace(" ", "-")), *paths],
                capture_output=True,
                text=True,
                check=False,
                env={**os.environ, "READER_GLOSSARY_DIR": str(Path(work) / "no-user-glossary"), "READER_STATE_DIR": str(Path(work) / "state")},
            )
            if done.returncode != 0:
                raise RuntimeError(f"{name}: {done.stderr.strip()[-400:]}")
            results[name] = json.loads(done.stdout.strip().splitlines()[-1])
    base, full = results["without links"]["seconds"], results["with links"]["seconds"]
    results["overhead"] = (full - base) / base if base else None
    base_cpu, full_cpu = results["without links"]["cpu"], results["with links"]["cpu"]
    results["cpu_overhead"] = (full_cpu - base_cpu) / base_cpu if base_cpu else None
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.links_overhead", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="folders or files to add")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", choices=("0", "1"), help=argparse.SUPPRESS)
    parser.add_argument("--index", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(_run_once(args.paths, args.index, args.child == "1")))
        return 0
    results = measure(args.paths)
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    base, full = results["without links"], results["with links"]
    print("Subject links: their share of `reader add`")
    print(f"without links: {base['seconds']:.1f} s, {base['cpu']:.1f} s of CPU ({base['added']} articles added)")
    print(f"with links:    {full['seconds']:.1f} s, {full['cpu']:.1f} s of CPU (prepare {full['prepare']:.1f} s while workers analyse, links step {full['update_links']:.1f} s after)")
    overhead = results["overhead"]
    met = "yes" if overhead is not None and overhead <= TARGET else "no"
    print(f"overhead: {overhead:+.1%} of wall time (target ≤ {TARGET:.0%}: {met}), {results['cpu_overhead']:+.1%} of CPU time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
