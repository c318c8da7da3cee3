"""Durable copies of article texts beside the search index.

The whoosh index is derived data: if its files are damaged, `reader
reindex` rebuilds it from these copies.  Each article is one small JSON
file, written to a temporary name and renamed into place, so a crash
leaves either the whole file or none.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .decoding import path_text
from .models import Article, Span


class TextStore:
    """One JSON file per article id in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def save(self, article: Article) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        record = {
            "id": article.id,
            "seq": article.seq,
            "path": article.path,
            "title": article.title,
            "title_span": article.title_span.to_json() if article.title_span else None,
            "date": article.date,
            "source": article.source,
            "url": article.url,
            "author": article.author,
            "added": time.time(),
            "text": article.text,
        }
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", errors="surrogatepass") as stream:
                json.dump(record, stream, ensure_ascii=False)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, self.folder / f"{article.id}.json")
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def remove(self, aid: str) -> None:
        (self.folder / f"{aid}.json").unlink(missing_ok=True)

    def load_all(self) -> tuple[list[Article], list[str]]:
        """Every readable text, newest version per path, in corpus order;
        plus one line per file that could not be read."""
        articles: dict[str, tuple[float, Article]] = {}
        errors: list[str] = []
        for path in sorted(self.folder.glob("*.json")) if self.folder.exists() else []:
            try:
                record = json.loads(path.read_text(encoding="utf-8", errors="surrogatepass"))
                article, added = _article(record), float(record.get("added", 0))
            except (OSError, ValueError, KeyError, TypeError) as exc:
                errors.append(f"{path}: unreadable article copy ({type(exc).__name__}) — it was left out")
                continue
            current = articles.get(article.path)
            if current is None or added > current[0]:
                articles[article.path] = (added, article)
        ordered = sorted((a for _, a in articles.values()), key=lambda a: (a.seq, a.path))
        return ordered, errors

    def ids(self) -> Iterator[str]:
        if self.folder.exists():
            for path in self.folder.glob("*.json"):
                yield path.stem


def _article(record: dict[str, Any]) -> Article:
    return Article(
        id=record["id"],
        seq=int(record["seq"]),
        path=path_text(record["path"]),  # copies from before names were made storable
        title=record["title"],
        text=record["text"],
        title_span=Span.from_json(record.get("title_span")),
        date=record.get("date"),
        source=record.get("source"),
        url=record.get("url"),
        author=record.get("author"),
    )
