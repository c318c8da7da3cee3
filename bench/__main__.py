"""`python -m bench CORPUS_DIR`: ingest, search and app figures in one run,
each beside its alternative, printed and written to BENCHMARKS.md."""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from .ingest import bench_ingest
from .report import render
from .search import bench_search


def machine() -> dict[str, Any]:
    memory_kb = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_kb = int(line.split()[1])
    except OSError:
        pass
    return {
        "cores": os.cpu_count() or 0,
        "memory_gb": memory_kb / 1024 / 1024,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.machine()}",
        "date": time.strftime("%Y-%m-%d"),
    }


#: Sections of BENCHMARKS.md written by other benchmarks, kept when this one rewrites the file.
KEPT_SECTIONS = ("## Attribution", "## Related claims")


def kept_sections(path: Path) -> str:
    """The sections of an existing file that this run does not write."""
    try:
        old = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    starts = [old.find("\n" + title) for title in KEPT_SECTIONS if ("\n" + title) in old]
    return "\n" + old[min(starts) + 1 :] if starts else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("corpus", type=Path, help="a folder of .txt articles, e.g. ../shared/corpora/bbc")
    parser.add_argument("--out", type=Path, default=Path("BENCHMARKS.md"))
    parser.add_argument("--scale", type=int, default=10, help="corpus copies for the large search test (1 skips it)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: no scaling, no app figures")
    parser.add_argument("--workdir", type=Path, help="keep the indexes here instead of a temporary folder")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"{args.corpus}: not a folder of articles")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="reader-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(work / "ingest-index", ignore_errors=True)
    figures: dict[str, Any] = {"machine": machine(), "corpus": str(args.corpus)}
    print(f"ingest: reader add {args.corpus} …", flush=True)
    figures["ingest"] = bench_ingest(args.corpus, work)
    print("search …", flush=True)
    figures["search"] = bench_search(args.corpus, Path(figures["ingest"]["index"]), work, 1 if args.quick else args.scale)
    if not args.quick:
        from .app import bench_app

        print("app …", flush=True)
        figures["app"] = bench_app(Path(figures["ingest"]["index"]))
    table = render(figures)
    print(table)
    args.out.write_text(table + kept_sections(args.out), encoding="utf-8")
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
