"""The actors yardstick's scorer (bench.actors): name matching, anchors,
scoring on hand-built analyses, and one end-to-end run on invented articles."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.actors import (
    DEFAULT_YARDSTICK,
    Expected,
    Speaker,
    load_yardstick,
    score_statement,
)
from bench.names import is_pronoun, other_matches, person_matches, unnamed_matches
from bench.yardstick import ArticleRef, Roots, YardstickError, check_article, locate
from index.models import Actor, Analysis, Span, Statement
from tests.conftest import FIXTURES

ACTORS = FIXTURES / "actors"
REF = ArticleRef("corpora", "a.txt")


def test_a_person_matches_on_full_name_surname_title_and_accents() -> None:
    assert person_matches("Mr Straw", ["Jack Straw"])
    assert person_matches("Straw", ["Jack Straw"])
    assert person_matches("Recep Tayyip Erdoğan", ["Recep Tayyip Erdogan"])
    assert person_matches("President Donald Trump", ["Donald Trump"])
    assert person_matches("Pashinian", ["Nikol Pashinyan", "Pashinian"])
    assert not person_matches("Michael Howard", ["Sandra Howard"])
    assert not person_matches("Jack", ["Jack Straw"])  # a first name alone is not the surname
    assert not person_matches("he", ["Jack Straw"])


def test_other_speakers_match_on_their_words() -> None:
    assert other_matches("Azerbaijan's defence ministry", ["Azerbaijan's Defense Ministry"])
    assert other_matches("Russia’s Foreign Ministry", ["Russia's Foreign Ministry"])
    assert other_matches("Azerbaijan and Armenia", ["Armenia and Azerbaijan"])
    assert not other_matches("Belgium", ["Belgium, Estonia, France, Germany and Britain"])
    assert not other_matches("WASHINGTON", ["Barack Obama"])


def test_an_unnamed_speaker_is_right_unresolved_or_described_never_as_a_pronoun_or_a_name() -> None:
    assert unnamed_matches(None, "unnamed: officials")
    assert unnamed_matches("Armenian officials", "unnamed: ethnic Armenian officials in Nagorno-Karabakh")
    assert not unnamed_matches("he", "unnamed: he")
    assert not unnamed_matches("Jack Straw", "unnamed: the prime minister's spokesman")
    assert is_pronoun("The two") is False and is_pronoun("They")


def test_locate_finds_the_nth_anchor_and_its_cue() -> None:
    text = 'He said yes. "No," she said. He said yes.'
    first, second = locate(text, "He said yes", "said"), locate(text, "He said yes", "said", n=2)
    assert first is not None and second is not None
    assert text[first.cue[0] : first.cue[1]] == "said" and first.cue[0] == 3
    assert second.anchor[0] == text.rindex("He said yes")
    outside = locate(text, '"No,"', "said")  # the cue after the anchor
    assert outside is not None and outside.cue[0] == text.index("she said") + 4
    assert locate(text, "nowhere", "said") is None


def _analysis(text: str, *spans: tuple[str, str, str | None]) -> Analysis:
    """Statements over ``text``: (sentence, cue, actor name or None)."""
    actors: dict[str, Actor] = {}
    statements = []
    for sentence, cue, name in spans:
        start = text.index(sentence)
        cue_at = text.index(cue, start)
        actor_id = None
        if name is not None:
            actor_id = name.lower().replace(" ", "-")
            actors.setdefault(actor_id, Actor(actor_id, name, "person"))
        statements.append(
            Statement(
                actor=actor_id,
                speaker=name or "he",
                source=None,
                cue=Span(cue_at, cue_at + len(cue)),
                content=None,
                sentence=Span(start, start + len(sentence)),
                kind="claim",
                quote=False,
            )
        )
    return Analysis(actors=list(actors.values()), statements=statements)


SPEAKERS = {
    "Jack Straw": Speaker("Jack Straw", "person"),
    "Turkey": Speaker("Turkey", "country"),
    "Azerbaijan": Speaker("Azerbaijan", "country"),
    "Turkey and Azerbaijan": Speaker("Turkey and Azerbaijan", "group", members=("Turkey", "Azerbaijan")),
}


def test_a_statement_is_scored_by_its_cue_and_speaker() -> None:
    text = "Jack Straw said it was fine. He later said it was not."
    analysis = _analysis(text, ("Jack Straw said it was fine.", "said", "Jack Straw"), ("He later said it was not.", "said", "He"))
    right = score_statement(Expected(REF, "Jack Straw said it", "said", "Jack Straw"), text, analysis, SPEAKERS)
    assert right.found and right.cue_matched and right.right and right.actor_ids == {"jack-straw"}
    pronoun = score_statement(Expected(REF, "He later said", "said", "Jack Straw", written="He"), text, analysis, SPEAKERS)
    assert pronoun.found and not pronoun.right and pronoun.failure == "pronoun as actor"


def test_unresolved_missing_and_wrongly_named_statements_are_told_apart() -> None:
    text = "He said it was fine. Officials said nothing. Nobody asked."
    analysis = _analysis(text, ("He said it was fine.", "said", None), ("Officials said nothing.", "said", "Jack Straw"))
    unresolved = score_statement(Expected(REF, "He said it", "said", "Jack Straw", written="He"), text, analysis, SPEAKERS)
    assert unresolved.found and unresolved.failure == "pronoun left unresolved"
    named = score_statement(Expected(REF, "Officials said", "said", "unnamed: officials", kind="group"), text, analysis, SPEAKERS)
    assert named.failure == "unnamed speaker given a name"
    missing = score_statement(Expected(REF, "Nobody asked", "asked", "unnamed: nobody", kind="person"), text, analysis, SPEAKERS)
    assert not missing.found and missing.failure == "statement not found"
    gone = score_statement(Expected(REF, "not in the text", "said", "Jack Straw"), text, analysis, SPEAKERS)
    assert gone.failure == "anchor not in the text"


def test_a_group_statement_is_right_as_the_group_or_as_every_member_never_as_one() -> None:
    text = "The claim, which Turkey and Azerbaijan have denied, stands."
    entry = Expected(REF, "which Turkey and Azerbaijan have denied", "denied", "Turkey and Azerbaijan")
    sentence = text
    one = _analysis(text, (sentence, "denied", "Turkey"))
    assert score_statement(entry, text, one, SPEAKERS).failure == "group given to one member"
    both = _analysis(text, (sentence, "denied", "Turkey"), (sentence, "denied", "Azerbaijan"))
    assert score_statement(entry, text, both, SPEAKERS).right
    group = _analysis(text, (sentence, "denied", "Turkey and Azerbaijan"))
    assert score_statement(entry, text, group, SPEAKERS).right


def test_the_yardstick_refuses_unknown_speakers_and_a_wrong_list_of_people(tmp_path: Path) -> None:
    path = tmp_path / "y.toml"
    path.write_text('[[article]]\nroot = "corpora"\npath = "a.txt"\nstatements = [{ anchor = "x", cue = "said", speaker = "Nobody" }]\n')
    with pytest.raises(YardstickError, match="not under"):
        load_yardstick(path)
    path.write_text('[[article]]\nroot = "corpora"\npath = "a.txt"\nstatements = [{ anchor = "x", cue = "said", speaker = "unnamed: he" }]\n')
    with pytest.raises(YardstickError, match="needs a kind"):
        load_yardstick(path)
    fixture = (ACTORS / "yardstick.toml").read_text()
    path.write_text(fixture.replace('"Tom Reyes" = ["corpora:ferry_closes.txt", "corpora:ferry_protest.txt"]\n', ""))
    with pytest.raises(YardstickError, match="does not match"):
        load_yardstick(path)


def test_a_changed_article_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some text.")
    _, problem = check_article(ArticleRef("corpora", "a.txt", "0" * 64), Roots(tmp_path))
    assert problem is not None and "changed since it was annotated" in problem
    path, missing = check_article(ArticleRef("corpora", "b.txt"), Roots(tmp_path))
    assert path is None and missing is not None and "not found" in missing


def test_the_project_yardstick_is_consistent_and_keeps_only_short_anchors() -> None:
    yardstick = load_yardstick(DEFAULT_YARDSTICK)
    assert len(yardstick.articles) >= 12
    paths = [ref.path for ref, _ in yardstick.articles]
    assert any(p.startswith("bbc/") for p in paths) and any(p.startswith("karabakh/") for p in paths)
    assert any(ref.root == "seeds" for ref, _ in yardstick.articles)
    for ref, expected in yardstick.articles:
        assert ref.sha256 and len(ref.sha256) == 64, ref.path
        for entry in expected:
            assert len(entry.anchor.split()) <= 10, entry.anchor
    assert len(yardstick.several) >= 8


@pytest.mark.slow
def test_the_scorer_runs_end_to_end_on_invented_articles(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable, "-m", "bench.actors",
            "--corpora", str(ACTORS),
            "--yardstick", str(ACTORS / "yardstick.toml"),
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "READER_GLOSSARY_DIR": str(tmp_path / "glossary")},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout)
    totals = report["totals"]
    assert totals["articles"] == 2 and totals["statements"] == 8
    assert totals["right"] <= totals["found"] <= totals["statements"]
    # the resolver gets every speaker of these invented articles right, one actor per person
    assert totals["right"] == totals["found"] == 8, report["articles"]
    assert totals["one_actor"] == 2 and totals["split"] == 0
    first = report["articles"][0]["statements"][0]
    assert first["anchor"] == "Jane Ormsby, said on Monday" and first["right"], first
    people = {p["name"]: p for p in report["people"]}
    assert set(people) == {"Jane Ormsby", "Tom Reyes"}
    assert people["Jane Ormsby"]["actor_ids"] == ["jane-ormsby"]
    assert people["Jane Ormsby"]["by_name"] == people["Jane Ormsby"]["right"]


def test_the_table_lists_articles_people_and_failures(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from bench.actors import main

    monkeypatch.setattr("bench.actors.run", lambda yardstick, roots, work: _report(yardstick))
    assert main(["--corpora", str(ACTORS), "--yardstick", str(ACTORS / "yardstick.toml"), "--failures"]) == 0
    out = capsys.readouterr().out
    assert "| ferry_closes.txt | 4 | 1 | 0 | 0.00 |" in out
    assert "| Jane Ormsby | 2 | 4 | 0 | 0: — | — |" in out
    assert "statement not found 7" in out and "wrong speaker 1" in out
    assert "expected Jane Ormsby, got Tom Reyes — wrong speaker" in out


def _report(yardstick):  # type: ignore[no-untyped-def]
    """A report without spaCy: one found statement, given to the wrong person."""
    from bench.actors import ArticleResult, Outcome, PersonResult, Report, Shown

    results = []
    for ref, expected in yardstick.articles:
        outcomes = [Outcome(e, failure="statement not found") for e in expected]
        results.append(ArticleResult(ref, outcomes))
    first = results[0].outcomes[0]
    first.found, first.got, first.failure = True, Shown("tom-reyes", "Tom Reyes", "Tom Reyes"), "wrong speaker"
    people = [PersonResult(name, keys, 4 if name == "Jane Ormsby" else 2, 0, [], None) for name, keys in yardstick.several.items()]
    return Report(results, people)
