"""Attribution against an annotated corpus: precision, recall, F1, by cue class.

    python -m bench.attribution CORPUS_DIR GOLD_JSONL [--misses N] [--json | --markdown]
                                [--pred PRED_JSONL] [--save PRED_JSONL]
                                [--limit N] [--offset N] [--processes P] [--class NAME]

Analyses every ``NAME.txt`` of CORPUS_DIR that the gold file annotates (the
files are read as ``reader add`` reads them, title included) and scores the
statements with the lenient rule of ``attribution_scoring.py``: detection
(the cue, or for a cue-less statement the content, overlaps the gold) and
detection + source (the source span overlaps the gold source too).  Prints
the figures overall, on the common reporting verbs (recall on plain speech),
and by cue class (``cue_classes.py``).

``--pred`` scores predictions saved before (``reader analyze --json`` output,
or ``--save``) instead of analysing; ``--misses N`` lists N missed, N
spurious and N wrongly sourced statements with their sentences;
``--class`` narrows that list to one cue class.  ``--json`` prints the
figures as one JSON object, ``--markdown`` as a table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

from .attribution_scoring import (
    ArticleResult,
    GoldAttribution,
    Prediction,
    Score,
    match_article,
    read_gold,
    read_predictions,
    score,
)
from .cue_classes import CLASSES


def analyse(corpus: Path, names: list[str], processes: int) -> tuple[dict[str, tuple[str, list[dict]]], float, int]:
    """Predictions for the named articles of ``corpus`` (name -> (text, statements)),
    the seconds the analysis took and the words it read."""
    from index.analysis import analyze_many
    from index.ingest import AddReport, read_files

    files = [corpus / f"{name}.txt" for name in names if (corpus / f"{name}.txt").is_file()]
    report = AddReport()
    sources = read_files(files, report)
    for line in report.failed:
        print(f"bench.attribution: {line}", file=sys.stderr)
    t0 = time.perf_counter()
    out: dict[str, tuple[str, list[dict]]] = {}
    analyses = analyze_many(((s.text, s.title_span) for s in sources), processes=processes)
    for source, analysis in zip(sources, analyses, strict=True):
        out[Path(source.path).stem] = (source.text, [st.to_json() for st in analysis.statements])
    seconds = time.perf_counter() - t0
    return out, seconds, sum(len(s.text.split()) for s in sources)


def evaluate(
    gold: dict[str, list[GoldAttribution]],
    preds: dict[str, tuple[str, list[dict[str, Any]]]],
    corpus: Path | None,
) -> tuple[Score, list[ArticleResult]]:
    results, missing = [], []
    for name, atts in gold.items():
        if name not in preds:
            missing.append(name)
            continue
        text, statements = preds[name]
        if not text and corpus is not None and (corpus / f"{name}.txt").is_file():
            text = (corpus / f"{name}.txt").read_text(encoding="utf-8")
        results.append(match_article(name, text, atts, [Prediction.from_json(s, text) for s in statements]))
    return score(results, missing), results


# --------------------------------------------------------------------------
# Printing
# --------------------------------------------------------------------------


def _fmt(fig: dict[str, Any]) -> str:
    d, s = fig["detection"], fig["source"]
    return (
        f"detection P {d['p']:.3f} R {d['r']:.3f} F1 {d['f1']:.3f}; "
        f"detection+source P {s['p']:.3f} R {s['r']:.3f} F1 {s['f1']:.3f}"
    )


def figures(main: Score, reporting: Score) -> dict[str, Any]:
    return {
        "articles": main.articles,
        "missing_predictions": len(main.missing),
        "continuations": main.continuations,
        "overall": main.overall.figures(),
        "reporting": reporting.overall.figures(),
        "by_class": {c: main.by_class[c].figures() for c in CLASSES if c in main.by_class},
    }


def print_figures(fig: dict[str, Any]) -> None:
    o = fig["overall"]
    print(
        f"articles {fig['articles']} (no prediction for {fig['missing_predictions']}); gold {o['gold']}, "
        f"predicted {o['predicted']} (+{fig['continuations']} quote continuations)"
    )
    print(f"overall    {_fmt(o)}")
    r = fig["reporting"]
    print(f"reporting  gold {r['gold']}: recall detection {r['detection']['r']:.3f}, detection+source {r['source']['r']:.3f}")
    print()
    print(f"{'cue class':22} {'gold':>5} {'R det':>6} {'R src':>6} | {'pred':>5} {'P det':>6} {'P src':>6}")
    for cls, f in fig["by_class"].items():
        print(
            f"{cls:22} {f['gold']:5d} {f['detection']['r']:6.3f} {f['source']['r']:6.3f} | "
            f"{f['predicted']:5d} {f['detection']['p']:6.3f} {f['source']['p']:6.3f}"
        )


def markdown(fig: dict[str, Any]) -> str:
    """The figures as Markdown table rows (for BENCHMARKS.md)."""
    o, r = fig["overall"], fig["reporting"]
    lines = [
        "| cue class | gold | recall det. | recall det.+source | predicted | precision det. | precision det.+source |",
        "|---|---|---|---|---|---|---|",
    ]

    def row(name: str, f: dict[str, Any]) -> str:
        d, s = f["detection"], f["source"]
        return (
            f"| {name} | {f['gold']} | {d['r']:.3f} | {s['r']:.3f} | {f['predicted']} | {d['p']:.3f} | {s['p']:.3f} |"
        )

    lines.append(row("**all**", o))
    lines += [row(cls, f) for cls, f in fig["by_class"].items()]
    lines.append(
        f"\nOverall F1: detection {o['detection']['f1']:.3f}, detection + source {o['source']['f1']:.3f}. "
        f"Common reporting verbs ({r['gold']} gold): recall {r['detection']['r']:.3f} detection, "
        f"{r['source']['r']:.3f} detection + source. {fig['continuations']} quote continuations counted neither way."
    )
    return "\n".join(lines)


def _window(text: str, spans: list[tuple[int, int]], marks: list[tuple[list[tuple[int, int]], str, str]]) -> str:
    """The line around ``spans`` with marked parts, on one line, at most ~300 chars."""
    if not spans:
        return ""
    a = min(s for s, _ in spans)
    b = max(e for _, e in spans)
    start = text.rfind("\n", 0, a) + 1
    end = text.find("\n", b)
    end = len(text) if end < 0 else end
    start, end = max(start, a - 180), min(end, b + 180)
    inserts: list[tuple[int, str]] = []
    for ss, left, right in marks:
        for s, e in ss:
            if start <= s and e <= end:
                inserts += [(s, left), (e, right)]
    out = text[start:end]
    for pos, mark in sorted(inserts, key=lambda x: -x[0]):
        out = out[: pos - start] + mark + out[pos - start :]
    return " ".join(out.split())


def print_misses(results: list[ArticleResult], n: int, only: str | None, seed: int = 0) -> None:
    missed, spurious, wrong = [], [], []
    for r in results:
        matched_gold = {i: k for k, (i, _) in r.matches.items()}
        for i, g in enumerate(r.gold):
            if i not in matched_gold and (only is None or g.cls == only):
                missed.append((r, g))
        for k, p in enumerate(r.preds):
            if k in r.continuations:
                continue
            if k not in r.matches and (only is None or p.cls == only):
                spurious.append((r, p))
            elif k in r.matches and not r.matches[k][1]:
                g = r.gold[r.matches[k][0]]
                if only is None or g.cls == only:
                    wrong.append((r, p, g))
    rng = random.Random(seed)
    print(f"\n== missed ({len(missed)}) — [[cue]] {{{{source}}}}")
    for r, g in rng.sample(missed, min(n, len(missed))):
        spans = g.cue or g.content
        print(f"- [{g.cls}] {r.name}: {_window(r.text, spans, [(g.cue, '[[', ']]'), (g.source, '{{', '}}')])}")
    print(f"\n== spurious ({len(spurious)}) — [[cue]] {{{{source}}}}")
    for r, p in rng.sample(spurious, min(n, len(spurious))):
        spans = p.cue or p.content or p.sentence
        print(f"- [{p.cls}/{p.kind}] {r.name}: {_window(r.text, spans, [(p.cue, '[[', ']]'), (p.source, '{{', '}}')])}")
    print(f"\n== wrong source ({len(wrong)}) — predicted {{{{source}}}}, gold <<source>>")
    for r, p, g in rng.sample(wrong, min(n, len(wrong))):
        spans = (p.cue or p.content) + g.cue
        print(
            f"- [{g.cls}] {r.name}: "
            f"{_window(r.text, spans, [(p.cue, '[[', ']]'), (p.source, '{{', '}}'), (g.source, '<<', '>>')])}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="folder of NAME.txt articles")
    ap.add_argument("gold", type=Path, help="JSON Lines of attributions (primary annotation per article)")
    ap.add_argument("--pred", type=Path, help="score these saved predictions instead of analysing")
    ap.add_argument("--save", type=Path, help="also write the predictions as JSON Lines")
    ap.add_argument("--misses", type=int, default=0, metavar="N", help="list N missed, spurious and wrongly sourced")
    ap.add_argument("--class", dest="only", choices=CLASSES, help="list misses of this cue class only")
    ap.add_argument("--limit", type=int, help="only N annotated articles (sorted by name)")
    ap.add_argument("--offset", type=int, default=0, help="skip the first N annotated articles")
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0, help="which misses are sampled")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--markdown", action="store_true", help="print the figures as a Markdown table")
    args = ap.parse_args(argv)

    try:
        gold = read_gold(args.gold)
        reporting_gold = read_gold(args.gold, reporting_only=True)
    except (OSError, ValueError) as exc:
        print(f"bench.attribution: {exc}", file=sys.stderr)
        return 2
    names = sorted(gold)
    if args.limit or args.offset:
        names = names[args.offset : args.offset + args.limit if args.limit else None]
        gold = {n: gold[n] for n in names}
        reporting_gold = {n: reporting_gold[n] for n in names}
    timing: dict[str, Any] = {}
    if args.pred:
        preds = read_predictions(args.pred)
    else:
        preds, seconds, words = analyse(args.corpus, names, args.processes)
        timing = {"seconds": seconds, "words": words}
    if args.save:
        with open(args.save, "w", encoding="utf-8") as fh:
            for name, (_, statements) in preds.items():
                fh.write(json.dumps({"path": str(args.corpus / f"{name}.txt"), "statements": statements}) + "\n")
    main_score, results = evaluate(gold, preds, args.corpus)
    reporting_score, _ = evaluate(reporting_gold, preds, args.corpus)
    fig = figures(main_score, reporting_score)
    fig.update(timing)
    if args.json:
        print(json.dumps(fig, indent=1))
    elif args.markdown:
        print(markdown(fig))
    else:
        print_figures(fig)
        if timing:
            print(f"\nanalysis: {timing['seconds']:.1f} s for {timing['words']:,} words")
    if args.misses:
        print_misses(results, args.misses, args.only, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
