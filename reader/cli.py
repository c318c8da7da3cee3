"""The `reader` command line: the app, and commands scripts and tests drive.

`reader` alone opens the app; `reader PATH...` adds files and opens the
first; the sub-commands below print plain text, or JSON with ``--json``.
Every failure a person can fix is one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
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

from .inert import inert, json_text
from .speaker_labels import jointly, speaker_label
from .userstate import UserStateError

COMMANDS = ("add", "search", "analyze", "actors", "statements", "related", "glossary", "reindex", "articles", "open", "notes", "serve")

# what `reader search` looks for unless --type says otherwise: the same as the app
SEARCH_TYPES = ("article", "statement", "glossary")

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
    index_help = "index folder (default: $READER_INDEX or the user data dir)"
    # `--index` is taken before or after the command; the command's copy must not
    # reset what was given before it (argparse applies a subparser's defaults last)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--index", metavar="DIR", default=argparse.SUPPRESS, help=index_help)
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Guided Reader: news articles with their claims, actors and background made visible.",
        epilog="Run `reader` with no command to open the app; `reader FILE...` adds files and opens the first.",
    )
    parser.add_argument("--index", metavar="DIR", help=index_help)
    parser.add_argument("--article", metavar="ID", help="open the app on this article (an id from `reader articles`)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("open", parents=[common], help="open the app on one article")
    p.add_argument("article", metavar="ID", help="an article id (or the start of one) from `reader articles`")

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

    p = sub.add_parser("actors", parents=[common], help="actors across the index, the most quoted first")
    p.add_argument("name", nargs="*", metavar="NAME", help="only actors whose name or alias contains these words")
    p.add_argument("--limit", type=int, metavar="N", help="at most N actors")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("statements", parents=[common], help="an actor's statements in reading order")
    p.add_argument("--actor", required=True, metavar="NAME")
    p.add_argument("--format", choices=("text", "md", "json"), default="text", help="md: a dossier in Markdown")
    p.add_argument("--json", action="store_true", help="the same as --format json")

    p = sub.add_parser(
        "related",
        parents=[common],
        help="what others said on the subject of a statement: denials and answers first",
        description="What others said on the subject of one statement, across the index: denials, rejections "
        "and the accusations answered first, then agreements, then the rest. Name the statement by its id "
        "(ARTICLE:N, as this command and `reader statements --json` print them; N counts from 0) or by words of its sentence.",
    )
    p.add_argument("statement", nargs="?", metavar="STATEMENT_ID", help="ARTICLE:N (the article id may be shortened)")
    p.add_argument("--text", nargs="+", metavar="WORDS", help="words of the statement's sentence: the best-matching statement")
    p.add_argument("--limit", type=int, metavar="N", help="at most N related statements")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("glossary", parents=[common], help="list glossary entries, or show one")
    p.add_argument("term", nargs="*", metavar="TERM")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("articles", parents=[common], help="list the indexed articles: id, date, source, title")
    p.add_argument("--sort", choices=("order", "date"), default="order", help="order added (default) or date, newest first")
    p.add_argument("--source", metavar="NAME", help="only articles whose source contains NAME")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("notes", parents=[common], help="your highlights and notes")
    notes = p.add_subparsers(dest="notes_command", metavar="ACTION", required=True)
    e = notes.add_parser("export", parents=[common], help="print highlights and notes, per article")
    e.add_argument("--article", metavar="ID", help="only this article (an id from `reader articles`)")
    e.add_argument("--format", choices=("md", "json"), default="md")

    sub.add_parser("reindex", parents=[common], help="re-analyse every article from the text the index keeps")

    from reader.serve import add_arguments

    add_arguments(sub.add_parser("serve", parents=[common], help="serve the app to web browsers (this machine only, unless --host and --public)"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    except BrokenPipeError:  # `reader … | head`: the reader of our output left
        _silence_stdout()
        return 1  # as rich's console does when it meets the closed pipe


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush into the
    closed pipe does not print a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _main(args_list: list[str]) -> int:
    if args_list and not args_list[0].startswith("-") and args_list[0] not in COMMANDS:
        problem = _not_a_path(args_list[0])
        if problem:
            warn(problem)
            return 2
        return _open_app(args_list)
    if args_list and args_list[0] == "--index" and len(args_list) > 2 and args_list[2] not in COMMANDS and not args_list[2].startswith("-"):
        problem = _not_a_path(args_list[2])
        if problem:
            warn(problem)
            return 2
        return _open_app(args_list[2:], index=args_list[1])
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.command is None:
        return _open_app([], index=args.index, article=args.article)
    try:
        return int(globals()[f"cmd_{args.command}"](args) or 0)
    except StoreError as exc:
        warn(str(exc))
        return 2
    except BrokenPipeError:  # `reader … | head`: not a disk problem; main() ends quietly
        raise
    except OSError as exc:  # a disk or file problem outside the index: still one line
        where = f"{exc.filename}: " if exc.filename else ""
        warn(f"{where}{exc.strerror or exc} — check the path, the free space and the permissions")
        return 2
    except UserStateError as exc:
        warn(str(exc))
        return 2
    except KeyboardInterrupt:
        warn("interrupted — what was committed is kept; run the command again to finish")
        return 130


def _not_a_path(word: str) -> str | None:
    """Why ``word`` (the first argument, not a command) cannot be a file to
    add: a mistyped command names the nearest one."""
    if os.path.lexists(word):
        return None
    import difflib

    nearest = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.75)
    if nearest:
        return f"unknown command {word!r} — did you mean `reader {nearest[0]}`? (`reader --help` lists the commands)"
    return f"no such file, folder or command: {word!r} — give files or folders to add, or one of: {', '.join(COMMANDS)}"


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
    result = search(store, text, limit=max(1, args.limit), types=args.type or SEARCH_TYPES)
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
        if hit.type == "statement":
            speaker = speaker_label(hit.statement) if hit.statement is not None else (hit.speaker or "?")
            head = inert(("statement  ", "dim"), (speaker, "bold"), (" in ", "dim"), (hit.title, "italic"))
        else:
            head = inert((f"{hit.type}  ", "dim"), (hit.title, "bold"))
        out.print(Text.assemble(f"{number:>2}. ", head, (f"  ({hit.score:.1f})", "dim")))
        snippet = inert(hit.snippet)  # one for one: the match offsets hold
        for m in hit.snippet_matches:
            snippet.stylize("bold yellow", m.start, m.end)
        out.print(Text("    ").append_text(snippet))
        if hit.claim:
            out.print(Text("    ").append_text(inert(("claim: ", "dim"), " ".join(hit.claim.split()))))
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
        speaker = speaker_label(st, names)
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

    store = _store(args)
    everyone = actors(store)
    words = [w.lower() for w in args.name]
    if words:
        everyone = [
            a for a in everyone if all(w in " ".join([a.actor.id, a.actor.name, *a.actor.aliases]).lower() for w in words)
        ]
    if args.limit is not None:
        everyone = everyone[: max(0, args.limit)]
    if not everyone and words:
        warn(f"no actor matches {' '.join(args.name)!r} — `reader actors` lists them")
        return 1
    if args.json:
        print_json({"actors": [a.to_json() for a in everyone]})
        return 0
    for summary in everyone:
        actor = summary.actor
        extra = ", ".join(x for x in (actor.description, actor.affiliation) if x)
        where = f" in {len(summary.articles)} article{'s' if len(summary.articles) != 1 else ''}"
        if actor.scope == "article" and (header := store.header(summary.articles[0])) is not None:
            where = f" in “{header.title}” only"  # "Both sides" of that article, never merged with another's
        out.print(
            inert(
                (actor.name, "bold"),
                f" ({actor.kind}) — {summary.statements} statement{'s' if summary.statements != 1 else ''}",
                where,
                (f" · {extra}" if extra else "", "dim"),
            )
        )
    return 0


def _actor_where(store: Store, summary: Any) -> str:
    """An actor's name, with its article's title when it belongs to one article only."""
    header = store.header(summary.articles[0]) if summary.actor.scope == "article" and summary.articles else None
    return f"{summary.actor.name} (in “{header.title}”)" if header is not None else summary.actor.name


def cmd_statements(args: argparse.Namespace) -> int:
    from index.query import find_actor, statements_of

    store = _store(args)
    found = find_actor(store, args.actor)
    if not found:
        warn(f"no actor matches {args.actor!r} — `reader actors` lists them")
        return 1
    args.json = args.json or args.format == "json"
    if len(found) > 1 and args.json is False:
        others = ", ".join(_actor_where(store, a) for a in found[1:6])
        warn(f"{len(found)} actors match {args.actor!r}; showing {_actor_where(store, found[0])} (also: {others})")
    chosen = found[0]
    refs = statements_of(store, chosen.actor.id)
    if args.format == "md":
        from .export import dossier_markdown

        headers = {aid: h for aid in {r.article for r in refs} if (h := store.header(aid)) is not None}
        sys.stdout.write(dossier_markdown(chosen, refs, headers))
        return 0
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
        joint = (f"(jointly: {ref.statement.speaker}) ", "italic") if jointly(ref.statement, chosen.actor.id) else ""
        out.print(inert(f"{number:>3}. ", (f"[{ref.statement.kind}] ", "dim"), joint, " ".join(ref.text.split())))
    return 0


def cmd_related(args: argparse.Namespace) -> int:
    from index.related import ensure_links, find_statement, related_to

    if bool(args.statement) == bool(args.text):
        warn("name one statement: `reader related ARTICLE:N` or `reader related --text WORDS` (`reader related --help`)")
        return 2
    store = _store(args)
    for line in ensure_links(store):
        warn(line)
    if args.text:
        words = " ".join(args.text)
        found = find_statement(store, words)
        if found is None:
            warn(f"no statement's sentence holds {words!r} — try fewer or other words (`reader search --type statement WORDS`)")
            return 1
        aid, position = found
    else:
        aid, position = _statement_id(store, args.statement)
    chosen = _statement_json(store, aid, position)
    if chosen is None:
        raise StoreError(f"article {aid} has no statement {position} — `reader statements --json` lists the positions")
    items = related_to(store, aid, position, limit=max(0, args.limit) if args.limit is not None else None)
    if args.json:
        print_json({"statement": chosen, "related": [item.to_json() for item in items]})
        return 0
    out.print(inert((chosen["speaker"], "bold"), (f" [{chosen['kind']}] ", "dim"), " ".join(chosen["claim_text"].split())))
    out.print(inert((f"{chosen['id']}  {chosen['title']}" + (f" · {chosen['date']}" if chosen["date"] else ""), "dim")))
    out.print()
    if not items:
        out.print("No other statement in the index speaks to this one.")
        return 0
    for item in items:
        where = f"{item.title}" + (f" · {item.date}" if item.date else "")
        copies = f" (and {item.copies} cop{'ies' if item.copies != 1 else 'y'} elsewhere)" if item.copies else ""
        out.print(inert((f"{item.relation:<13}", "bold"), (item.speaker, "bold"), f": {' '.join(item.claim.split())}"))
        out.print(inert((f"{'':13}{item.article[:12]}:{item.position}  {where}{copies}", "dim")))
    return 0


def _statement_id(store: Store, written: str) -> tuple[str, int]:
    """``ARTICLE:N`` as the user wrote it; StoreError with one line if wrong."""
    article, sep, number = written.strip().rpartition(":")
    if not sep or not article or not number.isdigit():
        raise StoreError(f"{written!r} is not a statement id — write ARTICLE:N, e.g. `reader related ba20c339:5`")
    return resolve_article(store, article), int(number)


def _statement_json(store: Store, aid: str, position: int) -> dict[str, Any] | None:
    from index.models import Statement

    with store.searcher() as searcher:
        doc = searcher.document(id=f"s:{aid}:{position:05d}")
        head = searcher.document(id=f"a:{aid}")
    if not doc:
        return None
    data = doc["data"]
    statement = Statement.from_json(data)
    content = statement.content or statement.sentence
    offset = statement.sentence.start
    sentence = data.get("text", "")
    own = sentence[content.start - offset : content.end - offset] if content.start >= offset else sentence
    return {
        "id": f"{aid}:{position}",
        "article": aid,
        "position": position,
        "title": (head or {}).get("title", ""),
        "date": (head or {}).get("date") or None,
        "sentence_text": sentence,
        "claim_text": data.get("claim_text") or " ".join(own.split()),
        **statement.to_json(),
    }


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
    from index.dates import date_sort_key, shown_date

    from .widgets.text_layout import shorten

    headers = _store(args).article_headers()
    if args.source:
        headers = [h for h in headers if args.source.lower() in (h.source or "").lower()]
    if args.sort == "date":
        dated = [h for h in headers if not date_sort_key(h.date)[0]]
        headers = sorted(dated, key=lambda h: date_sort_key(h.date), reverse=True) + [h for h in headers if date_sort_key(h.date)[0]]
    if args.json:
        print_json({"articles": [_header_json(h) for h in headers]})
        return 0
    for h in headers:
        source = shorten(h.source, 18) if h.source else "—"
        out.print(
            inert(
                (h.id, "dim"),
                f"  {shown_date(h.date) or '—':<10}  {source:<18}  ",
                (h.title, "bold"),
                (f"  {h.statements} statement{'s' if h.statements != 1 else ''}", "dim"),
            )
        )
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from reader.serve import run

    def open_index() -> Path:
        store = _store(args)  # seeded and linked to the glossary here, once: the browser tabs only read
        store.close()
        return store.path

    return run(args, open_index)


def _header_json(h: Any) -> dict[str, Any]:
    return {k: getattr(h, k) for k in ("id", "seq", "title", "path", "date", "source", "author", "statements", "actors", "words")}


def cmd_notes(args: argparse.Namespace) -> int:
    from .export import collect_notes, notes_json, notes_markdown
    from .userstate import UserState

    store = _store(args)
    article = resolve_article(store, args.article) if args.article else None
    state = UserState()
    try:
        notes = collect_notes(state, store, article=article)
    finally:
        state.close()
    sys.stdout.write(notes_json(notes) + "\n" if args.format == "json" else notes_markdown(notes))
    if not notes:
        err.print("reader: no highlights yet — in the app, select text (or click a statement) and press h")
    return 0


def cmd_open(args: argparse.Namespace) -> int:
    return _open_app([], index=args.index, article=args.article)


def resolve_article(store: Store, wanted: str) -> str:
    """The id of the one article whose id starts with ``wanted``; raises
    StoreError with a one-line reason otherwise."""
    wanted = wanted.strip().lower()
    if store.header(wanted) is not None:
        return wanted
    found = [h.id for h in store.article_headers() if h.id.startswith(wanted)] if len(wanted) >= 4 else []
    if len(found) == 1:
        return found[0]
    if found:
        raise StoreError(f"{len(found)} articles have ids starting with {wanted!r} — give more of the id")
    raise StoreError(f"no article with the id {wanted!r} — `reader articles` lists the ids")


def _open_app(paths: list[str], index: str | None = None, article: str | None = None) -> int:
    try:
        from reader.app import run_app
    except ImportError as exc:  # the app is built in its own module
        warn(f"the app could not start ({exc})")
        return 2
    try:
        if article is not None:
            store = Store(Path(index) if index else None)
            try:
                article = resolve_article(store, article)
            finally:
                store.close()
        return run_app(paths, index=index, article=article)
    except (StoreError, UserStateError) as exc:
        warn(str(exc))
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
