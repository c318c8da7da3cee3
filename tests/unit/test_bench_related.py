"""The related-claims scorer (bench.related) on a synthetic case: a fake
adapter in the shape `reader related --text WORDS --json` will print."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench import related
from bench.related import (
    DEFAULT_YARDSTICK,
    Claim,
    NotAvailable,
    Related,
    RelatedYardstick,
    load_yardstick,
    run,
    score_claim,
)
from bench.yardstick import ArticleRef, YardstickError

ACCUSATION = "Armenia accused Turkey of shooting down a jet."
DENIAL = "Turkish officials denied it."
SAME = "Both countries declared martial law."
OTHER = "Pipelines run near the front line."

YARDSTICK = RelatedYardstick(
    articles={"A": ArticleRef("corpora", "a.txt")},
    claims=[
        Claim(
            "A",
            "Armenia accused Turkey",
            (Related("A", "Turkish officials denied", "denies"), Related("A", "declared martial law", "same subject")),
        ),
        Claim("A", "Turkish officials denied", (Related("A", "Armenia accused Turkey", "accuses"),)),
    ],
)


def _item(sentence: str, relation: str = "same subject") -> dict[str, Any]:
    return {"relation": relation, "speaker": "x", "article": "a1", "title": "t", "date": None, "sentence_text": sentence}


def fake_adapter(words: str) -> dict[str, Any]:
    """The first claim gets its denial, a repeat of it, and an unannotated
    statement; the second gets nothing."""
    if words.startswith("Armenia"):
        return {
            "statement": {"sentence_text": ACCUSATION},
            "related": [_item(" Turkish  officials denied it. ", "denies"), _item(DENIAL, "denies"), _item(OTHER), _item(SAME)],
        }
    return {"statement": {"sentence_text": "Something else entirely."}, "related": []}


def test_top3_precision_and_recall_of_answers_on_a_synthetic_case() -> None:
    report = run(YARDSTICK, fake_adapter)
    totals = report.totals()
    # top 3 of the first claim: the denial (credited), its repeat (not), an unannotated one
    assert (totals["relevant_top3"], totals["shown_top3"]) == (1, 3)
    assert totals["precision_top3"] == pytest.approx(1 / 3)
    # answers: the denial (found) and the accusation the second claim answers (missed)
    assert (totals["answers_found"], totals["answers"]) == (1, 2)
    assert totals["statements_found"] == 1
    first, second = report.results
    assert first.unexpected == ["pipelines run near the front line."] and first.repeats == 1
    assert second.missed_answers == [Related("A", "Armenia accused Turkey", "accuses")]
    text = related.render(report, failures=True)
    assert "top-3 precision: 1/3 (0.33)" in text and "recall of the answers" in text and "1/2 (0.50)" in text
    assert "another statement was taken for the claim" in text


def test_an_answer_below_the_top_three_still_counts_for_recall() -> None:
    claim = YARDSTICK.claims[0]
    output = {"statement": {"sentence_text": ACCUSATION}, "related": [_item(OTHER)] * 3 + [_item(DENIAL, "denies")]}
    result = score_claim(claim, output)
    assert result.relevant == 0 and result.shown == 3 and result.answers_found == 1


def test_a_failing_query_is_reported_and_the_run_goes_on() -> None:
    def broken(words: str) -> dict[str, Any]:
        if words.startswith("Turkish"):
            raise RuntimeError("index busy")
        return fake_adapter(words)

    report = run(YARDSTICK, broken)
    assert report.totals()["errors"] == 1 and report.results[1].error == "RuntimeError: index busy"


def test_without_the_command_it_says_so_and_prints_no_figures(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    def unavailable() -> None:
        raise NotAvailable("reader related not available: the `reader` CLI has no `related` command yet")

    monkeypatch.setattr(related.ReaderRelated, "check_available", staticmethod(unavailable))
    assert related.main(["--corpora", str(tmp_path)]) == 3
    out = capsys.readouterr().out
    assert "reader related not available" in out and "precision" not in out


def test_the_yardstick_refuses_unknown_relations_and_articles(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_text('[articles]\nA = { root = "corpora", path = "a.txt" }\n[[claim]]\narticle = "A"\nanchor = "x"\nrelated = [{ article = "A", anchor = "y", relation = "likes" }]\n')
    with pytest.raises(YardstickError, match="relation"):
        load_yardstick(path)
    path.write_text('[articles]\nA = { root = "corpora", path = "a.txt" }\n[[claim]]\narticle = "B"\nanchor = "x"\nrelated = []\n')
    with pytest.raises(YardstickError, match="not under"):
        load_yardstick(path)


def test_the_project_yardstick_has_thirty_claims_with_answers_and_short_anchors() -> None:
    yardstick = load_yardstick(DEFAULT_YARDSTICK)
    assert len(yardstick.claims) >= 30
    assert sum(len(c.answers) for c in yardstick.claims) >= 60
    assert all(ref.sha256 for ref in yardstick.articles.values())
    for claim in yardstick.claims:
        for anchor in [claim.anchor, *(r.anchor for r in claim.related)]:
            assert len(anchor.split()) <= 10, anchor
