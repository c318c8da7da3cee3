"""`python -m bench.actors`: speaker accuracy and "one actor per person",
measured against the hand-annotated actors yardstick (issue 12).

Within each article the statements are those of
``index.analysis.analyze(text, title_span)``; across articles they are read
back from a temporary index built with ``index.ingest.add_paths``, the same
path `reader add` takes, so the actor merging the app relies on is what is
measured.  Each annotated statement is found by its anchor; the system
statement whose sentence holds the anchor and whose cue covers the annotated
cue is its match (failing that, the one in that sentence with the nearest
cue).  Name matching is tolerant and documented in :mod:`bench.names`.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from index.models import Analysis, Statement

from .names import PRONOUNS, is_pronoun, is_unnamed, key, other_matches, person_matches, unnamed_matches, words
from .yardstick import ArticleRef, Located, Roots, YardstickError, check_article, count, locate, roots_of, yardstick_parser

DEFAULT_YARDSTICK = Path(__file__).parent / "data" / "actors_yardstick.toml"
SPEAKER_KINDS = ("person", "organization", "country", "group", "document")


# -- the yardstick ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Speaker:
    """A named speaker: canonical name, kind, other names, members of a group."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Expected:
    """One annotated statement."""

    article: ArticleRef
    anchor: str
    cue: str
    speaker: str
    n: int = 1
    written: str | None = None  # the source as written, when it differs
    kind: str | None = None  # for unnamed speakers
    also: tuple[str, ...] = ()


@dataclass(slots=True)
class ActorsYardstick:
    articles: list[tuple[ArticleRef, list[Expected]]]
    speakers: dict[str, Speaker]
    several: dict[str, list[str]]  # person -> article keys, as annotated


def load_yardstick(path: Path) -> ActorsYardstick:
    """Read and check a yardstick file; any inconsistency is a YardstickError."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise YardstickError(f"{path}: cannot be read ({exc})") from None
    speakers: dict[str, Speaker] = {}
    for name, info in (data.get("speakers") or {}).items():
        kind = info.get("kind", "")
        if kind not in SPEAKER_KINDS:
            raise YardstickError(f"{path}: speaker {name!r} has kind {kind!r} — use one of {', '.join(SPEAKER_KINDS)}")
        speakers[name] = Speaker(name, kind, tuple(info.get("aliases") or ()), tuple(info.get("members") or ()))
    articles: list[tuple[ArticleRef, list[Expected]]] = []
    for raw in data.get("article") or []:
        ref = ArticleRef(raw["root"], raw["path"], raw.get("sha256"))
        expected = []
        for item in raw.get("statements") or []:
            entry = Expected(
                article=ref,
                anchor=item["anchor"],
                cue=item["cue"],
                speaker=item["speaker"],
                n=int(item.get("n", 1)),
                written=item.get("as"),
                kind=item.get("kind"),
                also=tuple(item.get("also") or ()),
            )
            if is_unnamed(entry.speaker):
                if entry.kind not in SPEAKER_KINDS:
                    raise YardstickError(f"{path}: {ref.path}: {entry.anchor!r}: an unnamed speaker needs a kind")
            elif entry.speaker not in speakers:
                raise YardstickError(f"{path}: {ref.path}: speaker {entry.speaker!r} is not under [speakers]")
            expected.append(entry)
        articles.append((ref, expected))
    several = {name: list(keys) for name, keys in (data.get("several") or {}).items()}
    yardstick = ActorsYardstick(articles, speakers, several)
    derived = speakers_in_several(yardstick)
    if several and several != derived:
        raise YardstickError(f"{path}: [several] does not match the annotations — it should be {derived}")
    return yardstick


def speakers_in_several(yardstick: ActorsYardstick) -> dict[str, list[str]]:
    """Named non-group speakers annotated in more than one article."""
    seen: dict[str, list[str]] = {}
    for ref, expected in yardstick.articles:
        for entry in expected:
            speaker = yardstick.speakers.get(entry.speaker)
            if speaker is None or speaker.kind == "group":
                continue
            keys = seen.setdefault(speaker.name, [])
            if ref.key not in keys:
                keys.append(ref.key)
    return {name: keys for name, keys in sorted(seen.items()) if len(keys) > 1}


# -- matching a statement ---------------------------------------------------


@dataclass(slots=True)
class Shown:
    """What the system shows for one statement."""

    actor_id: str | None
    name: str | None  # the actor's name; None when unresolved
    written: str  # the source as the system wrote it


def shown(statement: Statement, analysis: Analysis) -> Shown:
    names = {a.id: a.name for a in analysis.actors}
    name = names.get(statement.actor or "")
    return Shown(statement.actor if name is not None else None, name, statement.speaker)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def matching_statements(analysis: Analysis, where: Located) -> tuple[list[Statement], list[Statement]]:
    """Statements whose cue covers the annotated cue (wherever the system
    ends the sentence), and all those whose sentence holds the anchor
    (nearest cue first)."""
    in_sentence = [
        s for s in analysis.statements if s.sentence.start <= where.anchor[0] and where.anchor[1] <= s.sentence.end
    ] or [s for s in analysis.statements if _overlaps((s.sentence.start, s.sentence.end), where.anchor)]
    # the cue decides even when the system split the sentence elsewhere ("'…!' X said")
    exact = [s for s in analysis.statements if s.cue is not None and _overlaps((s.cue.start, s.cue.end), where.cue)]

    def distance(s: Statement) -> int:
        at = s.cue.start if s.cue else s.sentence.start
        return abs(at - where.cue[0])

    return exact, sorted(in_sentence, key=distance)


def speaker_right(entry: Expected, got: Shown, speakers: dict[str, Speaker]) -> bool:
    """Does the shown speaker answer the annotation (see bench.names)?"""
    if is_unnamed(entry.speaker):
        return unnamed_matches(got.name, entry.speaker)
    if got.name is None or is_pronoun(got.name):
        return False
    for name in (entry.speaker, *entry.also):
        speaker = speakers.get(name)
        if speaker is None:  # an `also` name outside [speakers]: the same words
            if other_matches(got.name, [name]):
                return True
        elif speaker.kind == "person":
            if person_matches(got.name, speaker.names):
                return True
        elif other_matches(got.name, speaker.names):
            return True
    return False


def members_covered(entry: Expected, shown_all: list[Shown], speakers: dict[str, Speaker]) -> bool:
    """A group statement split into one statement per member, each right."""
    group = speakers.get(entry.speaker)
    if group is None or not group.members:
        return False
    names = [s.name for s in shown_all if s.name]
    for member in group.members:
        known = speakers.get(member)
        candidates = known.names if known else (member,)
        matcher = person_matches if known and known.kind == "person" else other_matches
        if not any(matcher(n, candidates) for n in names):
            return False
    return True


def failure_kind(entry: Expected, got: Shown, speakers: dict[str, Speaker]) -> str:
    """A short name for how a found statement went wrong."""
    if is_unnamed(entry.speaker):
        return "pronoun actor for an unnamed speaker" if got.name and is_pronoun(got.name) else "unnamed speaker given a name"
    if got.name is None:
        first = words(got.written)
        if first and all(w in PRONOUNS for w in first):
            return "pronoun left unresolved"
        return "speaker left unresolved"
    if is_pronoun(got.name):
        return "pronoun as actor"
    if entry.written and key(got.name) == key(entry.written):
        return "left as written (description, not resolved)"
    group = speakers.get(entry.speaker)
    if group is not None and group.members and any(other_matches(got.name, [m]) or person_matches(got.name, [m]) for m in group.members):
        return "group given to one member"
    if got.name.isupper() and len(got.name) > 2:
        return "dateline as speaker"
    return "wrong speaker"


@dataclass(slots=True)
class Outcome:
    """One annotated statement against the system's output."""

    entry: Expected
    found: bool = False
    cue_matched: bool = False
    right: bool = False
    got: Shown | None = None
    failure: str | None = None
    actor_ids: set[str] = field(default_factory=set)  # ids holding it, when right


def score_statement(entry: Expected, text: str, analysis: Analysis, speakers: dict[str, Speaker]) -> Outcome:
    outcome = Outcome(entry)
    where = locate(text, entry.anchor, entry.cue, entry.n)
    if where is None:
        outcome.failure = "anchor not in the text"
        return outcome
    exact, near = matching_statements(analysis, where)
    chosen = exact or near[:1]
    if not chosen:
        outcome.failure = "statement not found"
        return outcome
    outcome.found = True
    outcome.cue_matched = bool(exact)
    shown_all = [shown(s, analysis) for s in chosen]
    right = [s for s in shown_all if speaker_right(entry, s, speakers)]
    outcome.got = right[0] if right else shown_all[0]
    if right:
        outcome.right = True
        outcome.actor_ids = {s.actor_id for s in right if s.actor_id}
    elif members_covered(entry, shown_all, speakers):
        outcome.right = True
        outcome.actor_ids = {s.actor_id for s in shown_all if s.actor_id}
    else:
        outcome.failure = failure_kind(entry, outcome.got, speakers)
    return outcome


def score_article(expected: list[Expected], text: str, analysis: Analysis, speakers: dict[str, Speaker]) -> list[Outcome]:
    return [score_statement(entry, text, analysis, speakers) for entry in expected]


# -- running the system -----------------------------------------------------


@dataclass(slots=True)
class ArticleResult:
    ref: ArticleRef
    outcomes: list[Outcome] = field(default_factory=list)
    problem: str | None = None  # why it could not be scored (or a warning)


@dataclass(slots=True)
class PersonResult:
    name: str
    articles: list[str]
    statements: int  # annotated
    right: int  # found with the right speaker (in the index)
    actor_ids: list[str]  # distinct ids holding those, most statements first
    by_name: int | None  # annotated statements `reader statements --actor NAME` reaches


@dataclass(slots=True)
class Report:
    articles: list[ArticleResult]
    people: list[PersonResult]

    def totals(self) -> dict[str, Any]:
        outcomes = [o for a in self.articles for o in a.outcomes]
        found = sum(o.found for o in outcomes)
        right = sum(o.right for o in outcomes)
        one = sum(len(p.actor_ids) == 1 for p in self.people)
        split = sum(len(p.actor_ids) > 1 for p in self.people)
        return {
            "articles": len(self.articles),
            "statements": len(outcomes),
            "found": found,
            "cue_matched": sum(o.cue_matched for o in outcomes),
            "right": right,
            "speaker_accuracy": right / found if found else None,
            "right_of_all": right / len(outcomes) if outcomes else None,
            "people": len(self.people),
            "one_actor": one,
            "split": split,  # people whose right statements sit under several actor ids
            "none_right": len(self.people) - one - split,  # none of their statements right: nothing to merge
            "failures": dict(Counter(o.failure for o in outcomes if o.failure).most_common()),
        }


def run(yardstick: ActorsYardstick, roots: Roots, workdir: Path) -> Report:
    """Analyse the yardstick's articles, index them, and score both."""
    from index.analysis import analyze
    from index.sources import SourceError, read_source

    results: list[ArticleResult] = []
    paths: dict[str, Path] = {}
    for ref, expected in yardstick.articles:
        result = ArticleResult(ref)
        results.append(result)
        path, problem = check_article(ref, roots)
        result.problem = problem
        if path is None:
            continue
        try:
            source = read_source(path)
        except SourceError as exc:
            result.problem = str(exc)
            continue
        paths[ref.key] = path
        analysis = analyze(source.text, source.title_span)
        result.outcomes = score_article(expected, source.text, analysis, yardstick.speakers)
    people = _people(yardstick, results, paths, workdir)
    return Report(results, people)


def _people(yardstick: ActorsYardstick, results: list[ArticleResult], paths: dict[str, Path], workdir: Path) -> list[PersonResult]:
    """One actor per person, read back from an index built as `reader add` builds it."""
    from index.ingest import add_paths
    from index.query import find_actor, statements_of
    from index.store import Store, content_hash

    several = yardstick.several or speakers_in_several(yardstick)
    if not several or not paths:
        return []
    os.environ.setdefault("READER_GLOSSARY_DIR", str(workdir / "no-user-glossary"))
    store = Store(workdir / "index")
    try:
        report = add_paths(store, list(paths.values()), processes=1)
        for line in report.failed:
            print(f"bench.actors: {line}", file=sys.stderr)
        by_path, _ = store.known_sources()
        stored: dict[str, tuple[str, str, Analysis]] = {}
        for key, path in paths.items():
            digest = by_path.get(str(path.resolve())) or by_path.get(str(path))
            article = store.article(digest[:16]) if digest else None
            if article is not None and content_hash(article.text) == digest:
                stored[key] = (article.id, article.text, article.analysis)
        wanted = {name for name in several}
        per_person: dict[str, list[Outcome]] = {name: [] for name in wanted}
        positions: dict[str, list[tuple[str, int]]] = {name: [] for name in wanted}
        for result in results:
            if result.ref.key not in stored:
                continue
            aid, text, analysis = stored[result.ref.key]
            for outcome in result.outcomes:
                entry = outcome.entry
                if entry.speaker not in wanted:
                    continue
                again = score_statement(entry, text, analysis, yardstick.speakers)
                per_person[entry.speaker].append(again)
                where = locate(text, entry.anchor, entry.cue, entry.n)
                if again.right and where is not None:
                    exact, near = matching_statements(analysis, where)
                    for statement in exact or near[:1]:
                        positions[entry.speaker].append((aid, analysis.statements.index(statement)))
        people = []
        for name in sorted(wanted):
            outcomes = per_person[name]
            ids = Counter(i for o in outcomes for i in o.actor_ids)
            found = find_actor(store, name)
            by_name = None
            if found:
                reached = {(r.article, r.position) for r in statements_of(store, found[0].actor.id)}
                by_name = sum(1 for p in positions[name] if p in reached)
            people.append(
                PersonResult(
                    name=name,
                    articles=several[name],
                    statements=len(outcomes),
                    right=sum(o.right for o in outcomes),
                    actor_ids=[i for i, _ in ids.most_common()],
                    by_name=by_name,
                )
            )
        return people
    finally:
        store.close()


# -- the report -------------------------------------------------------------


def _ratio(a: int, b: int) -> str:
    return f"{a}/{b} ({a / b:.2f})" if b else "0/0"


def render(report: Report, *, failures: bool = False) -> str:
    lines = ["Actors yardstick: speaker accuracy within articles", ""]
    lines.append("| article | statements | found | right speaker | accuracy (of found) |")
    lines.append("|---|---|---|---|---|")
    for result in report.articles:
        outcomes = result.outcomes
        found = sum(o.found for o in outcomes)
        right = sum(o.right for o in outcomes)
        accuracy = f"{right / found:.2f}" if found else "—"
        name = result.ref.path if not result.problem else f"{result.ref.path} ({result.problem})"
        lines.append(f"| {name} | {len(outcomes)} | {found} | {right} | {accuracy} |")
    totals = report.totals()
    lines += [
        "",
        f"statements found: {_ratio(totals['found'], totals['statements'])}; cue matched exactly: {totals['cue_matched']}",
        f"speaker accuracy (right of found): {_ratio(totals['right'], totals['found'])}",
        f"right of all annotated: {_ratio(totals['right'], totals['statements'])}",
        "",
        "One actor per person (index built as `reader add` builds it)",
        "",
        "| person | articles | statements | right | actor ids | reached by `--actor NAME` |",
        "|---|---|---|---|---|---|",
    ]
    for person in report.people:
        ids = ", ".join(person.actor_ids) or "—"
        reached = "—" if person.by_name is None else f"{person.by_name}/{person.right}"
        lines.append(f"| {person.name} | {len(person.articles)} | {person.statements} | {person.right} | {len(person.actor_ids)}: {ids} | {reached} |")
    lines += [
        "",
        f"people with one actor: {_ratio(totals['one_actor'], totals['people'])}; "
        f"split over several actors: {totals['split']}; none of their statements right: {totals['none_right']}",
    ]
    if totals["failures"]:
        lines += ["", "failure kinds: " + "; ".join(f"{kind} {n}" for kind, n in totals["failures"].items())]
    if failures:
        lines += ["", "Failures", ""]
        if all(o.right for r in report.articles for o in r.outcomes):
            lines.append("none")
        for result in report.articles:
            for o in result.outcomes:
                if o.right:
                    continue
                got = "—" if o.got is None else (o.got.name or f"unresolved ({o.got.written})")
                lines.append(f"- {result.ref.path}: “{o.entry.anchor}” [{o.entry.cue}] expected {o.entry.speaker}, got {got} — {o.failure}")
    return "\n".join(lines)


def to_json(report: Report) -> dict[str, Any]:
    return {
        "totals": report.totals(),
        "articles": [
            {
                "article": r.ref.key,
                "problem": r.problem,
                "statements": [
                    {
                        "anchor": o.entry.anchor,
                        "expected": o.entry.speaker,
                        "found": o.found,
                        "cue_matched": o.cue_matched,
                        "right": o.right,
                        "got": None if o.got is None else (o.got.name or None),
                        "written": None if o.got is None else o.got.written,
                        "failure": o.failure,
                    }
                    for o in r.outcomes
                ],
            }
            for r in report.articles
        ],
        "people": [
            {"name": p.name, "articles": p.articles, "statements": p.statements, "right": p.right, "actor_ids": p.actor_ids, "by_name": p.by_name}
            for p in report.people
        ],
    }


def check_anchors(yardstick: ActorsYardstick, roots: Roots) -> list[str]:
    """Every anchor found exactly as often as its ``n`` needs (for annotators)."""
    problems = []
    for ref, expected in yardstick.articles:
        path, problem = check_article(ref, roots)
        if problem:
            problems.append(problem)
        if path is None:
            continue
        text = path.read_text(encoding="utf-8")
        for entry in expected:
            seen = count(text, entry.anchor)
            if seen < entry.n:
                problems.append(f"{ref.path}: anchor {entry.anchor!r} occurs {seen} time(s), n = {entry.n}")
            elif entry.n == 1 and seen > 1 and not any(e.anchor == entry.anchor and e.n > 1 for e in expected):
                problems.append(f"{ref.path}: anchor {entry.anchor!r} occurs {seen} times — make it unique or give n")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = yardstick_parser("python -m bench.actors", __doc__.split("\n\n")[0], DEFAULT_YARDSTICK, "list every statement scored wrong")
    args = parser.parse_args(argv)
    try:
        yardstick = load_yardstick(args.yardstick)
    except YardstickError as exc:
        print(f"bench.actors: {exc}", file=sys.stderr)
        return 2
    roots = roots_of(args)
    if args.check:
        problems = check_anchors(yardstick, roots)
        for line in problems:
            print(f"bench.actors: {line}", file=sys.stderr)
        return 1 if problems else 0
    with tempfile.TemporaryDirectory(prefix="bench-actors-") as work:
        report = run(yardstick, roots, Path(work))
    for result in report.articles:
        if result.problem:
            print(f"bench.actors: {result.problem}", file=sys.stderr)
    if args.json:
        print(json.dumps(to_json(report), ensure_ascii=False, indent=1))
    else:
        print(render(report, failures=args.failures))
    return 1 if any(r.problem and not r.outcomes for r in report.articles) else 0


if __name__ == "__main__":
    raise SystemExit(main())
