"""The `reader` command line: the app, and commands scripts and tests drive.

`reader` alone opens the app; `reader PATH...` adds files and opens the
first; the sub-commands below print plain text, or JSON with ``--json``.
Every failure a person can fix is one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.highlighter import JSONHighlighter
from rich.text import Text

from index.store import Store, StoreError

from .inert import display_text, inert, json_text

COMMANDS = ("add", "search", "analyze", "actors", "statements", "glossary", "reindex", "articles")

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def warn(line: str) -> None:
    """One line on stderr; ``line`` may hold data, so it is printed inert."""
    err.print(inert("reader: ", line))


def print_json(data: Any) -> None:
    """JSON on stdout with every control character escaped: one line for
    scripts, indented and coloured on a terminal."""
    if sys.stdout.isatty():
        out.print(JSONHighlighter()(Text(json_text(data, indent=2))))
    else:
        print(json_text(data), flush=True)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--index", metavar="DIR", help="index folder (default: $READER_INDEX or the user data dir)")
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Guided Reader: news articles with their claims, actors and background made visible.",
        epilog="Run `reader` with no command to open the app; `reader FILE...` adds files and opens the first.",
        parents=[common],
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("add", parents=[common], help="add files or folders (.txt, .md, .html) to the index")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--follow-links", action="store_true", help="follow symbolic links that lead out of a folder")

    p = sub.add_parser("search", parents=[common], help="search articles, statements and the glossary")
    p.add_argument("query", nargs="+", metavar="QUERY")
    p.add_argument("--limit", type=int, default=10, metavar="N")
    p.add_argument("--type", action="append", choices=("article", "statement", "glossary"), help="result type (repeatable)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("analyze", parents=[common], help="analyse files without indexing them")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--follow-links", action="store_true", help="follow symbolic links that lead out of a folder")
    p.add_argument("--json", action="store_true", help="JSON Lines, one object per file")

    p = sub.add_parser("actors", parents=[common], help="actors across the index")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("statements", parents=[common], help="an actor's statements in reading order")
    p.add_argument("--actor", required=True, metavar="NAME")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("glossary", parents=[common], help="list glossary entries, or show one")
    p.add_argument("term", nargs="*", metavar="TERM")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("articles", parents=[common], help="list the indexed articles")
    p.add_argument("--json", action="store_true")

    sub.add_parser("reindex", parents=[common], help="re-analyse every article from the text the index keeps")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and not args_list[0].startswith("-") and args_list[0] not in COMMANDS:
        return _open_app(args_list)
    if args_list and args_list[0] == "--index" and len(args_list) > 2 and args_list[2] not in COMMANDS:
        return _open_app(args_list[2:], index=args_list[1])
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.command is None:
        return _open_app([], index=args.index)
    try:
        return int(globals()[f"cmd_{args.command}"](args) or 0)
    except StoreError as exc:
        warn(str(exc))
        return 2
    except OSError as exc:  # a disk or file problem outside the index: still one line
        where = f"{exc.filename}: " if exc.filename else ""
        warn(f"{where}{exc.strerror or exc} — check the path, the free space and the permissions")
        return 2
    except KeyboardInterrupt:
        warn("interrupted — what was committed is kept; run the command again to finish")
        return 130


def _store(args: argparse.Namespace, *, seed: bool = True) -> Store:
    store = Store(Path(args.index) if getattr(args, "index", None) else None)
    if seed:
        from index.ingest import analysis_outdated, ensure_glossary, ensure_seeded

        seeded = ensure_seeded(store)
        # ensure_glossary re-links the articles when the glossary changed
        for line in seeded.notices if seeded is not None else ensure_glossary(store):
            warn(line)
        if seeded is None:
            if analysis_outdated(store):
                warn("some articles were analysed by an older version — `reader reindex` upgrades them")
    return store


@contextmanager
def _progress(label: str) -> Iterator[Any]:
    """A progress bar on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int, path: str) -> None:
            bar.update(task, completed=done, total=total)

        yield update


# -- commands --------------------------------------------------------------


@contextmanager
def _stop_at_once_on_interrupt() -> Iterator[None]:
    """Ctrl-C during a long write ends the process at once.  Each batch of
    articles is committed atomically, so stopping anywhere is as safe as a
    kill, and it avoids waiting on analysis workers mid-chunk."""

    def stop(signum: int, frame: object) -> None:
        os.write(2, b"\nreader: interrupted - what was committed is kept; run the command again to finish\n")
        os._exit(130)

    previous = signal.signal(signal.SIGINT, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def cmd_add(args: argparse.Namespace) -> int:
    from index.ingest import add_paths

    with _stop_at_once_on_interrupt():
        store = _store(args, seed=False)
        with _progress("Analysing") as progress:
            report = add_paths(store, args.paths, progress=progress, follow_links=args.follow_links)
    for line in report.notices + report.failed + report.without_statements:
        warn(line)
    err.print(inert(f"{report.summary()} — index at ", str(store.path)))
    return 0 if report.ok else 1


def cmd_reindex(args: argparse.Namespace) -> int:
    from index.ingest import reindex
    from index.store import default_index_dir

    path = Path(args.index) if args.index else default_index_dir()
    with _stop_at_once_on_interrupt(), _progress("Re-analysing") as progress:
        count, errors = reindex(path, progress=progress)
    for line in errors:
        warn(line)
    err.print(inert(f"{count} articles re-analysed — index at ", str(path)))
    return 0 if not errors else 1


def cmd_search(args: argparse.Namespace) -> int:
    from index.query import search

    store = _store(args)
    text = " ".join(args.query)
    result = search(store, text, limit=max(1, args.limit), types=args.type)
    if args.json:
        print_json(result.to_json())
        return 1 if result.error else 0
    if result.error:
        warn(result.error)
        return 1
    if result.suggestion:
        out.print(inert("Did you mean: ", (result.suggestion, "bold"), "?"))
    if not result.hits:
        out.print(inert(f"No results for {text!r}."))
        return 0
    about = "" if result.exact else "about "
    showing = f", showing {len(result.hits)}" if result.total > len(result.hits) else ""
    out.print(inert(f"{about}{result.total:,} result{'s' if result.total != 1 else ''} for {text!r}{showing}"))
    for number, hit in enumerate(result.hits, 1):
        label = {"article": "", "statement": f"{hit.speaker} — ", "glossary": "glossary: "}[hit.type]
        out.print(inert(f"{number:>2}. ", (label + hit.title, "bold"), (f"  ({hit.score:.1f})", "dim")))
        snippet = inert(hit.snippet)  # one for one: the match offsets hold
        for m in hit.snippet_matches:
            snippet.stylize("bold yellow", m.start, m.end)
        out.print(Text("    ").append_text(snippet))
        if hit.path:
            out.print(inert((f"    {hit.path}", "dim")))
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    from index.glossary import GlossaryMatcher, load_glossary
    from index.linking import link
    from index.budgeted import Unanalysed
    from index.ingest import AddReport, collect_files, read_files, safe_analyses

    report = AddReport()
    files, errors = collect_files(args.paths, follow_links=args.follow_links)
    report.failed.extend(errors)
    sources = read_files(files, report)
    glossary = load_glossary()
    for line in glossary.errors:
        warn(line)
    matcher = GlossaryMatcher(glossary.entries)
    analyses = safe_analyses([(s.text, s.title_span) for s in sources], 2 if len(sources) >= 40 else 1)
    for source, analysis in zip(sources, analyses, strict=True):
        if isinstance(analysis, Unanalysed):
            report.failed.append(f"{source.path}: the analysis failed ({analysis.reason}) — please report this file")
            continue
        link(analysis, source.text, matcher, glossary.entries)
        if args.json:
            record = {
                "path": source.path,
                "title": source.title,
                "date": source.date,
                "source": source.source,
                "encoding": source.encoding,
                "text": source.text,
                **analysis.to_json(),
            }
            print(json_text(record), flush=True)
        else:
            _print_analysis(source.title, source.path, source.text, analysis)
    for line in report.failed:
        warn(line)
    return 0 if report.ok else 1


def _print_analysis(title: str, path: str, text: str, analysis: Any) -> None:
    out.print(inert((title, "bold")))
    out.print(inert((path, "dim")))
    names = {a.id: a for a in analysis.actors}
    out.print()
    out.print(Text(f"{len(analysis.actors)} actors", style="bold"))
    for actor in analysis.actors:
        extra = ", ".join(x for x in (actor.description, actor.affiliation) if x)
        out.print(inert(f"  {actor.name} ({actor.kind})" + (f" — {extra}" if extra else "")))
    out.print()
    out.print(Text(f"{len(analysis.statements)} statements", style="bold"))
    for number, st in enumerate(analysis.statements, 1):
        speaker = names[st.actor].name if st.actor in names else st.speaker
        cue = st.cue.text(text) if st.cue else ""
        content = st.content.text(text) if st.content else st.sentence.text(text)
        out.print(inert(f"{number:>3}. ", (speaker, "bold"), f" [{st.kind}] ", (cue, "italic"), ": ", " ".join(content.split())))
    if analysis.glossary:
        entries = sorted({g.entry for g in analysis.glossary})
        out.print()
        out.print(inert((f"glossary: {', '.join(entries)}", "dim")))
    out.print()


def cmd_actors(args: argparse.Namespace) -> int:
    from index.query import actors

    everyone = actors(_store(args))
    if args.json:
        print_json({"actors": [a.to_json() for a in everyone]})
        return 0
    for summary in everyone:
        actor = summary.actor
        extra = ", ".join(x for x in (actor.description, actor.affiliation) if x)
        out.print(
            inert(
                (actor.name, "bold"),
                f" ({actor.kind}) — {summary.statements} statement{'s' if summary.statements != 1 else ''}",
                f" in {len(summary.articles)} article{'s' if len(summary.articles) != 1 else ''}",
                (f" · {extra}" if extra else "", "dim"),
            )
        )
    return 0


def cmd_statements(args: argparse.Namespace) -> int:
    from index.query import find_actor, statements_of

    store = _store(args)
    found = find_actor(store, args.actor)
    if not found:
        warn(f"no actor matches {args.actor!r} — `reader actors` lists them")
        return 1
    if len(found) > 1 and args.json is False:
        others = ", ".join(a.actor.name for a in found[1:6])
        warn(f"{len(found)} actors match {args.actor!r}; showing {found[0].actor.name} (also: {others})")
    chosen = found[0]
    refs = statements_of(store, chosen.actor.id)
    if args.json:
        print_json(
            {
                "actor": chosen.to_json(),
                "statements": [
                    {"article": r.article, "title": r.title, "position": r.position, "sentence_text": r.text, **r.statement.to_json()}
                    for r in refs
                ],
            }
        )
        return 0
    out.print(inert((f"{chosen.actor.name} — {len(refs)} statements", "bold")))
    current = None
    for number, ref in enumerate(refs, 1):
        if ref.article != current:
            current = ref.article
            out.print()
            out.print(inert((ref.title, "underline")))
        out.print(inert(f"{number:>3}. ", (f"[{ref.statement.kind}] ", "dim"), " ".join(ref.text.split())))
    return 0


def cmd_glossary(args: argparse.Namespace) -> int:
    from index.glossary import entry_for_term
    from index.query import entry_occurrences

    store = _store(args)
    entries = store.glossary_entries()
    term = " ".join(args.term)
    if not term:
        if args.json:
            print_json({"entries": [e.to_json() for e in entries.values()]})
            return 0
        for entry in entries.values():
            out.print(inert((entry.term, "bold"), f" ({entry.category})", (f"  {entry.id}", "dim")))
        return 0
    entry = entry_for_term(term, entries)
    if entry is None:
        warn(f"no glossary entry matches {term!r} — `reader glossary` lists them")
        return 1
    occurrences = entry_occurrences(store, entry.id)
    if args.json:
        data = {**entry.to_json(), "occurrences": [{"article": h.id, "title": h.title, "path": h.path, "count": n} for h, n in occurrences]}
        print_json({"entries": [data]})
        return 0
    out.print(inert((entry.term, "bold"), f"  ({entry.category})"))
    if entry.aliases:
        out.print(inert((f"also: {', '.join(entry.aliases)}", "dim")))
    out.print()
    out.print(inert(entry.summary))
    if entry.dates:
        out.print()
        for date in entry.dates:
            out.print(inert((f"  {date.date:<12}", "bold"), date.event))
    if entry.related:
        names = [entries[r].term if r in entries else r for r in entry.related]
        out.print()
        out.print(inert(f"related: {', '.join(names)}"))
    if entry.reference:
        out.print(inert((f"reference: {entry.reference}", "dim")))
    out.print()
    out.print(Text(f"Occurs in {len(occurrences)} article{'s' if len(occurrences) != 1 else ''}:", style="bold"))
    for header, count in occurrences:
        out.print(inert(f"  {header.title} — {count}×"))
    return 0


def cmd_articles(args: argparse.Namespace) -> int:
    headers = _store(args).article_headers()
    if args.json:
        print_json({"articles": [_header_json(h) for h in headers]})
        return 0
    for h in headers:
        meta = " · ".join(x for x in (h.date, h.source) if x)
        out.print(inert(f"{h.seq:>5}. ", (h.title, "bold"), (f"  {meta}" if meta else "", "dim"), (f"  {h.statements} statements", "dim")))
    return 0


def _header_json(h: Any) -> dict[str, Any]:
    return {k: getattr(h, k) for k in ("id", "seq", "title", "path", "date", "source", "statements", "actors", "words")}


def _open_app(paths: list[str], index: str | None = None) -> int:
    try:
        from reader.app import run_app
    except ImportError as exc:  # the app is built in its own module
        warn(f"the app could not start ({exc})")
        return 2
    try:
        return run_app(paths, index=index)
    except StoreError as exc:
        warn(str(exc))
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
