"""Hand-annotated yardsticks: where their articles are and where their anchors point.

A yardstick keeps only short anchors (a few consecutive words of a sentence)
and labels, never article text: the articles stay in their corpus folder (or
the project's ``seeds/``) and are named by a path relative to that root, with
the SHA-256 of their bytes so an edited file is reported instead of being
silently scored against annotations that no longer fit it.

Both yardsticks (actors, related claims) locate statements the same way, so
whatever the analysis does today or tomorrow, an annotation points at the
same characters: the ``n``-th occurrence of the anchor, and the cue word in it
(or the nearest one around it).
"""

from __future__ import annotations

import argparse
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from index.ingest import SEEDS_DIR

CORPORA_ENV = "READER_CORPORA"
DEFAULT_CORPORA = Path("../shared/corpora")
CUE_WINDOW = 200  # characters either side of an anchor in which its cue may stand


class YardstickError(ValueError):
    """A yardstick that cannot be used as it is; ``str()`` is one line."""


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article a yardstick annotates: ``root`` is "seeds" or "corpora"."""

    root: str
    path: str
    sha256: str | None = None

    @property
    def key(self) -> str:
        return f"{self.root}:{self.path}"


@dataclass(frozen=True, slots=True)
class Roots:
    """Where the yardstick's roots are on this machine."""

    corpora: Path
    seeds: Path = SEEDS_DIR

    def file(self, ref: ArticleRef) -> Path:
        if ref.root == "seeds":
            return self.seeds / ref.path
        if ref.root == "corpora":
            return self.corpora / ref.path
        raise YardstickError(f"{ref.key}: unknown root {ref.root!r} — use \"seeds\" or \"corpora\"")


def default_corpora() -> Path:
    """``$READER_CORPORA``, else ``../shared/corpora`` (the corpora beside the project)."""
    return Path(os.environ.get(CORPORA_ENV) or DEFAULT_CORPORA)


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_article(ref: ArticleRef, roots: Roots) -> tuple[Path | None, str | None]:
    """The article's file, or a one-line reason it cannot be scored."""
    path = roots.file(ref)
    if not path.is_file():
        return None, f"{path}: not found — pass the folder that holds {ref.path!r} (--corpora or --seeds)"
    if ref.sha256 and file_digest(path) != ref.sha256:
        return path, f"{path}: changed since it was annotated (SHA-256 differs) — re-check its annotations"
    return path, None


@dataclass(frozen=True, slots=True)
class Located:
    """Where an annotation points in an article's text."""

    anchor: tuple[int, int]
    cue: tuple[int, int]


def locate(text: str, anchor: str, cue: str, n: int = 1) -> Located | None:
    """The ``n``-th occurrence of ``anchor`` and its cue: the cue inside the
    anchor when it is there, else the nearest occurrence within
    ``CUE_WINDOW`` characters.  ``None`` when the anchor is not in the text."""
    start = -1
    for _ in range(max(n, 1)):
        start = text.find(anchor, start + 1)
        if start < 0:
            return None
    end = start + len(anchor)
    folded = text.casefold()
    wanted = cue.casefold()
    inside = folded.find(wanted, start, end)
    if inside >= 0:
        return Located((start, end), (inside, inside + len(cue)))
    best: tuple[int, int] | None = None
    lo, hi = max(0, start - CUE_WINDOW), min(len(text), end + CUE_WINDOW)
    at = folded.find(wanted, lo, hi)
    while at >= 0:
        distance = start - (at + len(cue)) if at < start else at - end
        if best is None or distance < best[0]:
            best = (distance, at)
        at = folded.find(wanted, at + 1, hi)
    if best is None:
        return Located((start, end), (start, end))  # the cue is not written: the anchor stands for it
    return Located((start, end), (best[1], best[1] + len(cue)))


def count(text: str, anchor: str) -> int:
    """How often ``anchor`` occurs (overlapping occurrences included)."""
    found, at = 0, text.find(anchor)
    while at >= 0:
        found += 1
        at = text.find(anchor, at + 1)
    return found


def yardstick_parser(prog: str, description: str, yardstick: Path, failures: str) -> argparse.ArgumentParser:
    """The command line both yardstick benchmarks take."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--corpora", type=Path, default=None, help="the corpora folder (default $READER_CORPORA or ../shared/corpora)")
    parser.add_argument("--seeds", type=Path, default=None, help="the bundled articles' folder (default the project's seeds/)")
    parser.add_argument("--yardstick", type=Path, default=yardstick)
    parser.add_argument("--failures", action="store_true", help=failures)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--check", action="store_true", help="only check that every anchor is in its article")
    return parser


def roots_of(args: argparse.Namespace) -> Roots:
    """Where the articles named by the command line's yardstick are."""
    return Roots(args.corpora or default_corpora(), *([args.seeds] if args.seeds else []))
