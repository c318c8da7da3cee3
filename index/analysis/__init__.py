"""Statements and actors extracted from an article.

Public API::

    analyze(text, title_span=None) -> Analysis
    analyze_many(items, processes=1, batch_size=...) -> Iterator[Analysis]
    load_pipeline()            # the cached spaCy pipeline
    ANALYSIS_VERSION           # bump when the output changes

Importing this package does not import spaCy; the model is loaded on the
first analysis (the app never pays for it at start-up).
"""

from __future__ import annotations

from typing import Iterable, Iterator

from ..models import Analysis, Span
from .version import ANALYSIS_VERSION
from .pipeline import DEFAULT_BATCH_SIZE, load_pipeline
from .pipeline import analyze_many as _analyze_many
from .pipeline import analyze_articles as _analyze_articles

__all__ = ["ANALYSIS_VERSION", "analyze", "analyze_many", "load_pipeline"]


def analyze(text: str, title_span: Span | None = None) -> Analysis:
    """Statements and actors of one article (``glossary`` stays empty)."""
    return _analyze_articles([(text, title_span)])[0]


def analyze_many(
    items: Iterable[tuple[str, Span | None]],
    processes: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[Analysis]:
    """The same as :func:`analyze` for many articles, in input order.

    ``processes`` > 1 runs chunks of ``batch_size`` articles in a process
    pool, each worker with its own copy of the model.
    """
    return _analyze_many(items, processes=processes, batch_size=batch_size)
