"""`python -m bench.related`: how well the statements said to answer or address
a claim match the hand-annotated related-claims yardstick (issue 13).

The scorer reads the system through one function, an *adapter*: given the
words of an annotated claim it returns what `reader related --text WORDS
--json` prints, ``{"statement": {..., "sentence_text"}, "related": [{"relation",
"speaker", "article", "title", "date", "sentence_text", ...}]}``, best first.
The real adapter runs that command against a temporary index of the bundled
article and the karabakh corpus; until the command exists the scorer says
"reader related not available" and prints no figures.

Figures: top-3 precision (of the first three related statements shown, how
many the annotators listed; each annotated statement is credited once, so a
repeated copy from a rolling-update article earns nothing) and recall of the
answers (of the annotated denials, rejections and the accusations they
answer, how many appear anywhere in the list).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .yardstick import ArticleRef, Roots, YardstickError, check_article, count, roots_of, yardstick_parser

DEFAULT_YARDSTICK = Path(__file__).parent / "data" / "related_yardstick.toml"
RELATIONS = ("denies", "rejects", "accuses", "agrees", "same subject")
ANSWERS = frozenset({"denies", "rejects", "accuses"})
TOP = 3
COMMAND_TIMEOUT = 120.0

Adapter = Callable[[str], dict[str, Any]]


class NotAvailable(RuntimeError):
    """The system has no related-claims output yet; ``str()`` says why."""


# -- the yardstick ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Related:
    article: str  # a key of [articles]
    anchor: str
    relation: str


@dataclass(frozen=True, slots=True)
class Claim:
    article: str
    anchor: str
    related: tuple[Related, ...]

    @property
    def answers(self) -> tuple[Related, ...]:
        return tuple(r for r in self.related if r.relation in ANSWERS)


@dataclass(slots=True)
class RelatedYardstick:
    articles: dict[str, ArticleRef]
    claims: list[Claim]


def load_yardstick(path: Path) -> RelatedYardstick:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise YardstickError(f"{path}: cannot be read ({exc})") from None
    articles = {
        key: ArticleRef(info["root"], info["path"], info.get("sha256")) for key, info in (data.get("articles") or {}).items()
    }
    claims = []
    for raw in data.get("claim") or []:
        related = []
        for item in raw.get("related") or []:
            if item["relation"] not in RELATIONS:
                raise YardstickError(f"{path}: {raw['anchor']!r}: relation {item['relation']!r} — use one of {', '.join(RELATIONS)}")
            related.append(Related(item["article"], item["anchor"], item["relation"]))
        claim = Claim(raw["article"], raw["anchor"], tuple(related))
        for key in [claim.article, *(r.article for r in related)]:
            if key not in articles:
                raise YardstickError(f"{path}: {claim.anchor!r}: article {key!r} is not under [articles]")
        claims.append(claim)
    return RelatedYardstick(articles, claims)


def check_anchors(yardstick: RelatedYardstick, roots: Roots) -> list[str]:
    """Every anchor is in its article (for annotators)."""
    problems: list[str] = []
    texts: dict[str, str] = {}
    for key, ref in yardstick.articles.items():
        path, problem = check_article(ref, roots)
        if problem:
            problems.append(problem)
        if path is not None:
            texts[key] = path.read_text(encoding="utf-8")
    for claim in yardstick.claims:
        for key, anchor in [(claim.article, claim.anchor), *((r.article, r.anchor) for r in claim.related)]:
            if key in texts and count(texts[key], anchor) == 0:
                problems.append(f"{yardstick.articles[key].path}: anchor {anchor!r} is not in the text")
    return problems


# -- scoring ----------------------------------------------------------------


def normal(text: str) -> str:
    """Text compared as a reader reads it: straight quotes, single spaces, no case."""
    for curly, straight in (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(curly, straight)
    return " ".join(text.split()).casefold()


@dataclass(slots=True)
class ClaimResult:
    claim: Claim
    statement_found: bool = False  # the adapter's statement holds the claim's anchor
    shown: int = 0  # related statements in the top 3
    relevant: int = 0  # of those, annotated ones (each credited once)
    answers_found: int = 0
    missed_answers: list[Related] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)  # top-3 sentences nobody annotated
    repeats: int = 0  # top-3 copies of a statement already credited
    error: str | None = None


def score_claim(claim: Claim, output: dict[str, Any]) -> ClaimResult:
    result = ClaimResult(claim)
    statement = output.get("statement") or {}
    result.statement_found = normal(claim.anchor) in normal(str(statement.get("sentence_text", "")))
    items = [normal(str(item.get("sentence_text", ""))) for item in output.get("related") or []]
    wanted = [normal(r.anchor) for r in claim.related]
    credited: set[int] = set()
    for sentence in items[:TOP]:
        result.shown += 1
        matches = [i for i, anchor in enumerate(wanted) if anchor in sentence]
        hit = next((i for i in matches if i not in credited), None)
        if not matches:
            result.unexpected.append(sentence)
        elif hit is None:
            result.repeats += 1
        else:
            credited.add(hit)
            result.relevant += 1
    for related in claim.answers:
        anchor = normal(related.anchor)
        if any(anchor in sentence for sentence in items):
            result.answers_found += 1
        else:
            result.missed_answers.append(related)
    return result


@dataclass(slots=True)
class Report:
    results: list[ClaimResult]

    def totals(self) -> dict[str, Any]:
        shown = sum(r.shown for r in self.results)
        relevant = sum(r.relevant for r in self.results)
        answers = sum(len(r.claim.answers) for r in self.results)
        found = sum(r.answers_found for r in self.results)
        return {
            "claims": len(self.results),
            "statements_found": sum(r.statement_found for r in self.results),
            "shown_top3": shown,
            "relevant_top3": relevant,
            "precision_top3": relevant / shown if shown else None,
            "answers": answers,
            "answers_found": found,
            "recall_answers": found / answers if answers else None,
            "errors": sum(r.error is not None for r in self.results),
        }


def run(yardstick: RelatedYardstick, adapter: Adapter) -> Report:
    results = []
    for claim in yardstick.claims:
        try:
            output = adapter(claim.anchor)
        except NotAvailable:
            raise
        except Exception as exc:  # one failing claim never stops the run
            result = ClaimResult(claim, missed_answers=list(claim.answers), error=f"{type(exc).__name__}: {exc}"[:200])
            results.append(result)
            continue
        results.append(score_claim(claim, output))
    return Report(results)


def _ratio(a: int, b: int) -> str:
    return f"{a}/{b} ({a / b:.2f})" if b else "0/0 (—)"


def render(report: Report, *, failures: bool = False) -> str:
    totals = report.totals()
    lines = [
        "Related-claims yardstick",
        "",
        f"claims: {totals['claims']}; the claim itself found by its words: {totals['statements_found']}",
        f"top-{TOP} precision: {_ratio(totals['relevant_top3'], totals['shown_top3'])}",
        f"recall of the answers (denials, rejections, accusations answered): {_ratio(totals['answers_found'], totals['answers'])}",
    ]
    if totals["errors"]:
        lines.append(f"claims whose query failed: {totals['errors']}")
    if failures:
        lines += ["", "Failures", ""]
        for r in report.results:
            where = f"{r.claim.article}: “{r.claim.anchor}”"
            if r.error:
                lines.append(f"- {where}: {r.error}")
                continue
            if not r.statement_found:
                lines.append(f"- {where}: another statement was taken for the claim")
            for missed in r.missed_answers:
                lines.append(f"- {where}: answer not listed: {missed.relation} {missed.article}: “{missed.anchor}”")
            for sentence in r.unexpected:
                lines.append(f"- {where}: in the top {TOP} but not annotated: “{sentence[:90]}”")
    return "\n".join(lines)


# -- the real adapter: `reader related --text WORDS --json` ----------------------


class ReaderRelated:
    """Runs `reader related` in a fresh process against an index of the set."""

    def __init__(self, workdir: Path) -> None:
        self.index = workdir / "index"
        self.env = {
            **os.environ,
            "READER_INDEX": str(self.index),
            "READER_GLOSSARY_DIR": str(workdir / "no-user-glossary"),
            "READER_STATE_DIR": str(workdir / "state"),
        }

    def _reader(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "reader", *args],
            capture_output=True,
            text=True,
            env=self.env,
            stdin=subprocess.DEVNULL,
            timeout=COMMAND_TIMEOUT,
        )

    @staticmethod
    def check_available() -> None:
        # Asking `reader related --help` is no test: `reader WORD` with an
        # unknown WORD opens the app on a file of that name.
        from reader.cli import COMMANDS

        if "related" not in COMMANDS:
            raise NotAvailable("reader related not available: the `reader` CLI has no `related` command yet")

    def build(self, paths: list[Path]) -> None:
        done = self._reader("add", *map(str, paths))
        if done.returncode not in (0, 1):  # 1: some file failed, the rest is indexed
            raise RuntimeError(f"reader add failed: {done.stderr.strip()[-300:]}")

    def __call__(self, words: str) -> dict[str, Any]:
        done = self._reader("related", "--text", words, "--json")
        if done.returncode != 0:
            raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}")
        return json.loads(done.stdout)


def set_paths(yardstick: RelatedYardstick, roots: Roots) -> list[Path]:
    """The bundled article and the karabakh corpus: every article the claims
    may be answered in, not only the annotated ones."""
    paths: list[Path] = []
    for ref in yardstick.articles.values():
        if ref.root == "seeds":
            paths.append(roots.file(ref))
    karabakh = roots.corpora / "karabakh"
    paths.append(karabakh)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = yardstick_parser("python -m bench.related", __doc__.split("\n\n")[0], DEFAULT_YARDSTICK, "list missed answers and unannotated top-3 statements")
    args = parser.parse_args(argv)
    try:
        yardstick = load_yardstick(args.yardstick)
    except YardstickError as exc:
        print(f"bench.related: {exc}", file=sys.stderr)
        return 2
    roots = roots_of(args)
    problems = check_anchors(yardstick, roots)
    for line in problems:
        print(f"bench.related: {line}", file=sys.stderr)
    if args.check:
        return 1 if problems else 0
    with tempfile.TemporaryDirectory(prefix="bench-related-") as work:
        adapter = ReaderRelated(Path(work))
        try:
            adapter.check_available()
        except NotAvailable as exc:
            print(str(exc))
            return 3
        adapter.build(set_paths(yardstick, roots))
        report = run(yardstick, adapter)
    if args.json:
        print(json.dumps(report.totals(), indent=1))
    else:
        print(render(report, failures=args.failures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
