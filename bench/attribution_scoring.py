"""Scoring predicted statements against attribution-annotated gold (lenient).

The gold format is PolNeAR's JSON Lines (one line per article and
annotator; the ``"primary": true`` line counts): each attribution has a
``source``, a ``cue`` and ``content`` given as character fragments.

Matching, per article (the usual lenient rule):

* a predicted statement *detects* a gold attribution when their cues
  overlap, or when their contents overlap by at least half of the shorter
  of the two;
* it is *sourced right* when, in addition, its source span overlaps the
  gold source;
* every gold attribution matches at most one prediction; statements with a
  cue claim their gold first, in the order given, and a prediction takes
  the first free gold it detects, preferring one it is also sourced right
  for;
* a prediction without a cue whose content lies at least half inside the
  content of an already matched attribution continues that quotation (one
  statement per sentence of a multi-sentence quote) and counts neither way.

This module only compares spans: it imports nothing from the analysis.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cue_classes import cue_class, is_reporting

Spans = list[tuple[int, int]]


def gold_spans(obj: dict[str, Any] | None) -> Spans:
    """Fragments of a gold part (``{"fragments": [[s, e], ...]}``)."""
    if not obj:
        return []
    return [(int(a), int(b)) for a, b in obj.get("fragments") or []]


def pred_span(obj: dict[str, Any] | None) -> Spans:
    """A predicted part (``{"start", "end"}``) as a one-fragment list."""
    if not obj:
        return []
    return [(int(obj["start"]), int(obj["end"]))]


def overlap(a: Spans, b: Spans) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def length(a: Spans) -> int:
    return sum(e - s for s, e in a)


@dataclass(slots=True)
class GoldAttribution:
    cue: Spans
    source: Spans
    content: Spans
    cue_text: str
    source_text: str
    cls: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> GoldAttribution:
        content: Spans = []
        for part in data.get("content") or []:
            content += gold_spans(part)
        cue = data.get("cue") or {}
        source = data.get("source") or {}
        g = cls(gold_spans(cue), gold_spans(source), content, cue.get("text", "") or "", source.get("text", "") or "")
        g.cls = cue_class(g.cue_text, g.source_text)
        return g


@dataclass(slots=True)
class Prediction:
    cue: Spans
    source: Spans
    content: Spans
    cue_text: str
    source_text: str
    sentence: Spans
    kind: str = ""
    cls: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any], text: str = "") -> Prediction:
        cue, source = pred_span(data.get("cue")), pred_span(data.get("source"))
        p = cls(
            cue,
            source,
            pred_span(data.get("content")),
            _text(text, cue),
            _text(text, source),
            pred_span(data.get("sentence")),
            data.get("kind", ""),
        )
        p.cls = cue_class(p.cue_text, p.source_text) if cue else "no-cue"
        return p


def _text(text: str, spans: Spans) -> str:
    return " ".join(text[a:b] for a, b in spans)


@dataclass(slots=True)
class ArticleResult:
    """How one article's predictions met its gold."""

    name: str
    text: str
    gold: list[GoldAttribution]
    preds: list[Prediction]
    #: index of a prediction -> (index of its gold, sourced right)
    matches: dict[int, tuple[int, bool]] = field(default_factory=dict)
    continuations: set[int] = field(default_factory=set)


def match_article(name: str, text: str, gold: list[GoldAttribution], preds: list[Prediction]) -> ArticleResult:
    """Pair predictions with gold by the lenient rule (module docstring)."""
    result = ArticleResult(name, text, gold, preds)
    used: set[int] = set()
    order = sorted(range(len(preds)), key=lambda k: not preds[k].cue)  # stable: cue-bearing first
    for k in order:
        p = preds[k]
        best: tuple[int, bool] | None = None
        for i, g in enumerate(gold):
            if i in used:
                continue
            by_cue = bool(p.cue and g.cue) and overlap(p.cue, g.cue) > 0
            by_content = bool(p.content and g.content) and overlap(p.content, g.content) >= 0.5 * min(
                length(p.content), length(g.content)
            )
            if not (by_cue or by_content):
                continue
            sourced = bool(p.source and g.source) and overlap(p.source, g.source) > 0
            if best is None or (sourced and not best[1]):
                best = (i, sourced)
            if sourced:
                break
        if best is not None:
            used.add(best[0])
            result.matches[k] = best
        elif not p.cue and p.content and any(
            overlap(p.content, gold[i].content) >= 0.5 * length(p.content) for i in used
        ):
            result.continuations.add(k)
    return result


@dataclass(slots=True)
class Tally:
    gold: int = 0
    gold_found: int = 0  # recall side: gold detected
    gold_sourced: int = 0
    pred: int = 0
    pred_right: int = 0  # precision side: predictions that detect a gold
    pred_sourced: int = 0

    def figures(self) -> dict[str, float | int]:
        def prf(tp_pred: int, tp_gold: int) -> tuple[float, float, float]:
            p = tp_pred / self.pred if self.pred else 0.0
            r = tp_gold / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return p, r, f

        d, s = prf(self.pred_right, self.gold_found), prf(self.pred_sourced, self.gold_sourced)
        return {
            "gold": self.gold,
            "predicted": self.pred,
            "detection": {"p": d[0], "r": d[1], "f1": d[2]},
            "source": {"p": s[0], "r": s[1], "f1": s[2]},
        }


@dataclass(slots=True)
class Score:
    overall: Tally = field(default_factory=Tally)
    by_class: dict[str, Tally] = field(default_factory=dict)
    continuations: int = 0
    articles: int = 0
    missing: list[str] = field(default_factory=list)

    def cls(self, name: str) -> Tally:
        return self.by_class.setdefault(name, Tally())


def score(results: Iterable[ArticleResult], missing: Iterable[str] = ()) -> Score:
    """Totals over articles, overall and by cue class.

    Recall of a class counts gold attributions of that class; precision of a
    class counts predictions whose own cue falls in it.
    """
    out = Score(missing=list(missing))
    out.overall.gold += 0
    for r in results:
        out.articles += 1
        for g in r.gold:
            out.overall.gold += 1
            out.cls(g.cls).gold += 1
        for i, sourced in r.matches.values():
            g = r.gold[i]
            for t in (out.overall, out.cls(g.cls)):
                t.gold_found += 1
                t.gold_sourced += sourced
        for k, p in enumerate(r.preds):
            if k in r.continuations:
                out.continuations += 1
                continue
            for t in (out.overall, out.cls(p.cls)):
                t.pred += 1
                if k in r.matches:
                    t.pred_right += 1
                    t.pred_sourced += r.matches[k][1]
    return out


# --------------------------------------------------------------------------
# Reading gold and predictions
# --------------------------------------------------------------------------


def _json_lines(path: Path):
    """The objects of a JSON Lines file; a bad line is an error naming it."""
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not JSON ({exc.msg}); fix or remove the line") from None


def read_gold(path: Path, reporting_only: bool = False) -> dict[str, list[GoldAttribution]]:
    """Article name -> its primary annotation's attributions."""
    gold: dict[str, list[GoldAttribution]] = {}
    for data in _json_lines(path):
        if not data.get("primary"):
            continue
        atts = [GoldAttribution.from_json(a) for a in data.get("attributions") or []]
        if reporting_only:
            atts = [a for a in atts if a.cue and is_reporting(a.cue_text)]
        gold[data["article"]] = atts
    return gold


def article_name(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]


def read_predictions(path: Path) -> dict[str, tuple[str, list[dict[str, Any]]]]:
    """Article name -> (its text when given, its statements as JSON)."""
    return {
        article_name(data["path"]): (data.get("text", ""), data.get("statements") or [])
        for data in _json_lines(path)
    }
