"""Taking the reader's work out: highlights and notes as Markdown or JSON,
and an actor's dossier (every statement, with article and date).

Used by `reader notes export`, `reader statements --format md` and the
app's export action; no Textual here.  Before exporting, highlights of
files that changed since are re-anchored to the indexed version, so an
export never quotes offsets into a text that is gone; orphans are listed
under their article, marked as such.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from index.dates import shown_date
from index.query import ActorSummary, StatementRef
from index.store import ArticleHeader, Store

from .userstate import HIGHLIGHT, Annotation, ArticleRef, UserState
from .widgets.text_layout import display_text

EXPORT_ENV = "READER_EXPORT_DIR"


@dataclass(slots=True)
class ArticleNotes:
    """One article and the reader's highlights in it."""

    id: str
    title: str
    path: str
    source: str | None = None
    author: str | None = None
    date: str | None = None
    in_index: bool = True
    highlights: list[Annotation] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "path": self.path,
            "source": self.source,
            "author": self.author,
            "date": self.date,
            "in_index": self.in_index,
            "highlights": [h.to_json() for h in self.highlights],
        }


def reference(article: str, start: int, end: int) -> str:
    """A link-like reference to a passage: article id and character offsets
    (`reader open ID` opens the article)."""
    return f"{article}#{start}-{end}"


def reanchor_stale(userstate: UserState, store: Store, found: Sequence[Annotation]) -> bool:
    """Move annotations of articles whose file changed (their version left
    the index) to the version now indexed at the same path, or mark them
    orphaned; True when any was looked at."""
    stale = {a.path for a in found if a.path and store.header(a.article) is None}
    if not stale:
        return False
    by_path, _ = store.known_sources()
    looked = False
    for path in stale & by_path.keys():
        newer = store.article(by_path[path][:16])
        if newer is not None:
            userstate.reanchor(ArticleRef(by_path[path], path, newer.title), newer.text, lambda aid: store.header(aid) is not None)
            looked = True
    return looked


def collect_notes(userstate: UserState, store: Store, *, article: str | None = None, words: str = "") -> list[ArticleNotes]:
    """Highlights grouped by article, in the order articles were added;
    re-anchored first where the article's file changed."""
    found = userstate.annotations(HIGHLIGHT, article=article, words=words)
    if reanchor_stale(userstate, store, found):
        wanted = {a.id for a in found}
        found = [a for a in userstate.annotations(HIGHLIGHT, words=words) if a.id in wanted]
    groups: dict[str, ArticleNotes] = {}
    order: dict[str, int] = {}
    for annotation in sorted(found, key=lambda a: (a.start, a.created)):
        group = groups.get(annotation.hash)
        if group is None:
            header = store.header(annotation.article)
            group = _group(annotation, header)
            groups[annotation.hash] = group
            order[annotation.hash] = header.seq if header is not None else 1 << 40
        group.highlights.append(annotation)
    return [groups[h] for h in sorted(groups, key=lambda h: (order[h], groups[h].title))]


def _group(annotation: Annotation, header: ArticleHeader | None) -> ArticleNotes:
    if header is None:
        return ArticleNotes(annotation.article, annotation.title, annotation.path, in_index=False)
    return ArticleNotes(header.id, header.title, header.path, header.source, header.author, shown_date(header.date))


def _line(text: str) -> str:
    return " ".join(display_text(text).split())


def _quoted(text: str) -> str:
    lines = [" ".join(display_text(line).split()) for line in text.splitlines()]
    return "\n".join(f"> {line}" if line else ">" for line in lines)


def notes_markdown(notes: Sequence[ArticleNotes], *, now: float | None = None) -> str:
    """Per article its title, source, author and date, then each highlight
    (quoted) with its note and a reference."""
    count = sum(len(n.highlights) for n in notes)
    stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(now if now is not None else time.time()))
    out = ["# Notes from Guided Reader", "", f"_{count} highlight{'s' if count != 1 else ''} in {len(notes)} article{'s' if len(notes) != 1 else ''}, exported {stamp}_"]
    for group in notes:
        out += ["", f"## {_line(group.title)}", ""]
        about = [x for x in (group.source, f"by {group.author}" if group.author else None, group.date) if x]
        about.append(f"article `{group.id}`" + ("" if group.in_index else " (no longer in the index)"))
        out.append(_line(" · ".join(about)))
        for highlight in group.highlights:
            out += ["", _quoted(highlight.quote.exact), ""]
            if highlight.note:
                out += [_line(highlight.note), ""]
            if highlight.orphaned:
                out.append(f"⚠ Orphaned: this passage is not in the current version of the article (it was at `{reference(group.id, highlight.start, highlight.end)}`).")
            else:
                out.append(f"`{reference(group.id, highlight.start, highlight.end)}`")
    return "\n".join(out) + "\n"


def notes_json(notes: Sequence[ArticleNotes]) -> str:
    return json.dumps({"articles": [n.to_json() for n in notes]}, ensure_ascii=False, indent=1)


def export_dir() -> Path:
    """Where the app writes exports: ``$READER_EXPORT_DIR``, else the user's
    documents folder."""
    env = os.environ.get(EXPORT_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_documents_path

    return user_documents_path() / "Guided Reader"


def export_to_file(userstate: UserState, store: Store, *, article: str | None = None, words: str = "") -> tuple[Path, int]:
    """Write the highlights (of one article, or all, or those matching
    ``words``) as Markdown; returns the file and how many were written."""
    notes = collect_notes(userstate, store, article=article, words=words)
    folder = export_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / time.strftime("notes-%Y-%m-%d-%H%M%S.md")
    number = 1
    while path.exists():
        number += 1
        path = folder / time.strftime(f"notes-%Y-%m-%d-%H%M%S-{number}.md")
    path.write_text(notes_markdown(notes), encoding="utf-8")
    return path, sum(len(n.highlights) for n in notes)


def dossier_markdown(summary: ActorSummary, refs: Sequence[StatementRef], headers: dict[str, ArticleHeader]) -> str:
    """An actor's statements, article by article in reading order: kind,
    the sentence, and a reference to it."""
    actor = summary.actor
    places = len({r.article for r in refs})
    out = [f"# {_line(actor.name)}", ""]
    about = [actor.kind, *(x for x in (actor.description, actor.affiliation) if x)]
    out.append(_line(" · ".join(about)) + f" — {len(refs)} statement{'s' if len(refs) != 1 else ''} in {places} article{'s' if places != 1 else ''}")
    current = None
    for number, ref in enumerate(refs, 1):
        if ref.article != current:
            current = ref.article
            header = headers.get(ref.article)
            title = header.title if header is not None else ref.title
            out += ["", f"## {_line(title)}", ""]
            meta = [x for x in ((header.source, shown_date(header.date)) if header is not None else ()) if x]
            meta.append(f"article `{ref.article}`")
            out += [_line(" · ".join(meta)), ""]
        sentence = ref.statement.sentence
        out.append(f"{number}. **{ref.statement.kind}** — {_line(ref.text)} (`{reference(ref.article, sentence.start, sentence.end)}`)")
    return "\n".join(out) + "\n"
