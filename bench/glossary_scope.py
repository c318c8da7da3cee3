"""`python -m bench.glossary_scope FOLDER...`: which articles link to glossary
entries written for one story (issue 13).

The folders are added to a private index with `reader add` (as a reader
would), then every article linked to an entry that has a ``topic`` is
listed with those entries, in the article itself or through one of its
actors.  A corpus with no article about the story (the BBC's) should list
none; ``--expect-none`` makes that the exit status.  Story-free variants
(``…-general``) are counted apart: a business story's "Russia" may link to
the general card.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from index.store import Store


def linked_articles(index: Path) -> tuple[dict[str, list[str]], Counter[str], int]:
    """(article path -> topic entries linked in it, general variants linked
    (entry -> articles), number of articles)."""
    store = Store(index, create=False)
    try:
        entries = store.glossary_entries()
        scoped = {e.id for e in entries.values() if e.topic}
        general = {e.id for e in entries.values() if e.general_of}
        found: dict[str, list[str]] = {}
        variants: Counter[str] = Counter()
        headers = store.article_headers()
        for header in headers:
            article = store.article(header.id)
            if article is None:
                continue
            linked = {link.entry for link in article.analysis.glossary}
            linked |= {actor.entry for actor in article.analysis.actors if actor.entry}
            topical = sorted(linked & scoped)
            if topical:
                found[header.path] = topical
            for entry in linked & general:
                variants[entry] += 1
        return found, variants, len(headers)
    finally:
        store.close()


def add(folders: list[Path], index: Path) -> None:
    env: dict[str, Any] = {**os.environ, "READER_INDEX": str(index), "READER_GLOSSARY_DIR": str(index.parent / "no-user-glossary")}
    done = subprocess.run([sys.executable, "-m", "reader", "add", *map(str, folders)], env=env, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"bench.glossary_scope: reader add failed: {done.stderr.strip()[-300:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.glossary_scope", description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, help="folders of articles to add, e.g. ../shared/corpora/bbc")
    parser.add_argument("--index", type=Path, help="an index built already (nothing is added to it)")
    parser.add_argument("--expect-none", action="store_true", help="exit 1 when any article links to a story's entry")
    args = parser.parse_args(argv)
    if not args.folders and args.index is None:
        parser.error("give folders to add, or --index DIR")
    with tempfile.TemporaryDirectory(prefix="bench-scope-") as work:
        index = args.index or Path(work) / "index"
        if args.index is None:
            add(args.folders, index)
        found, variants, total = linked_articles(index)
    print(f"{len(found)} of {total} articles link to entries written for a story")
    for path, entries in sorted(found.items()):
        print(f"  {path}: {', '.join(entries)}")
    if variants:
        print("story-free variants linked instead: " + ", ".join(f"{e} ({n})" for e, n in variants.most_common()))
    return 1 if args.expect_none and found else 0


if __name__ == "__main__":
    raise SystemExit(main())
