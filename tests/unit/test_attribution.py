"""Attribution on sentences of our own: the constructions of issue 11, the
spaCy component's Doc extensions, the lexicon's data and its derivation.

spaCy is loaded once for the module; each sentence costs milliseconds.
"""

from __future__ import annotations

import json

import pytest

from index.models import STATEMENT_KINDS, Statement, StatementKind, Span

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def run():
    from index.analysis import analyze, load_pipeline

    load_pipeline()

    def _run(text: str, title: Span | None = None):
        return analyze(text, title)

    return _run


def _rows(text, analysis):
    return [
        (
            s.speaker,
            str(s.kind),
            s.cue.text(text) if s.cue else None,
            s.source.text(text) if s.source else None,
        )
        for s in analysis.statements
    ]


@pytest.mark.parametrize(
    "text, row",
    [
        # reporting verbs in several tenses, voices and positions
        ("“The bridge will open in May,” said Mayor Lina Okafor.", ("Lina Okafor", "claim", "said", "Mayor Lina Okafor")),
        ("Lina Okafor has said that the bridge will open in May.", ("Lina Okafor", "claim", "has said", "Lina Okafor")),
        ("The delay was announced by the harbour authority on Monday.", ("harbour authority", "report", "was announced", "the harbour authority")),
        ("Tomas Brandt wrote that the plan was too expensive.", ("Tomas Brandt", "claim", "wrote", "Tomas Brandt")),
        # data and documents as sources
        ("A new survey shows that most residents back the bridge.", ("new survey", "report", "shows", "A new survey")),
        ("The study found that younger people were more supportive.", ("The study", "report", "found", "The study")),
        # evaluative and directive speech acts
        ("The union blasted the pension plan on Wednesday.", ("The union", "accusation", "blasted", "The union")),
        ("The employers praised the reform as overdue.", ("The employers", "praise", "praised", "The employers")),
        ("Eva Lind urged the unions to return to talks.", ("Eva Lind", "appeal", "urged", "Eva Lind")),
        ("The unions vowed to strike in May.", ("The unions", "promise", "vowed", "The unions")),
        ("The prime minister's office declined to comment.", ("prime minister's office", "refusal", "declined", "The prime minister's office")),
        # stated positions, a kind of their own
        ("Tomas Brandt believes the project is too expensive.", ("Tomas Brandt", "position", "believes", "Tomas Brandt")),
        ("The weather service expects the wind to ease by Friday.", ("weather service", "position", "expects", "The weather service")),
        # "according to X"
        ("The bridge would cost 40 million euros, according to the council.", ("the council", "report", "according to", "the council")),
    ],
)
def test_constructions(run, text, row):
    analysis = run(text)
    assert _rows(text, analysis) == [row]


def test_relative_pronoun_source_keeps_its_span_and_names_the_speaker(run):
    text = "The plan was criticised by Ana Torres, who said it would cost jobs."
    analysis = run(text)
    said = next(s for s in analysis.statements if s.cue and s.cue.text(text) == "said")
    assert said.source.text(text) == "who"
    assert said.speaker == "Ana Torres" and said.actor == "ana-torres"


def test_source_span_is_as_written_when_the_actor_has_a_fuller_name(run):
    text = "Senator James Clyburn spoke first. “We will not wait,” said Mr. Clyburn."
    analysis = run(text)
    last = analysis.statements[-1]
    assert last.source.text(text) == "Mr. Clyburn"
    assert last.speaker == "James Clyburn"


def test_speaker_label_and_headline_colon(run):
    text = "Okafor: The bridge will open in May\n\nThe council met on Tuesday."
    analysis = run(text, Span(0, 35))
    assert _rows(text, analysis) == [("Okafor", "claim", ":", "Okafor")]


def test_nominal_cue_with_possessor(run):
    text = "Lind's claim that the plan saves money was disputed."
    analysis = run(text)
    assert [(s.cue.text(text), s.source.text(text), s.content.text(text)) for s in analysis.statements] == [
        ("claim", "Lind's", "the plan saves money")
    ]


def test_one_statement_per_cue_and_speaker(run):
    text = "Ana Torres said the vote was rigged and added that she would appeal."
    analysis = run(text)
    cues = [s.cue.text(text) for s in analysis.statements]
    assert cues == ["said", "added"]
    assert len({(s.sentence, s.cue, s.source) for s in analysis.statements}) == len(analysis.statements)


def test_nested_speech_is_one_statement(run):
    text = "Ana Torres said that the mayor had warned of floods."
    assert [s.cue.text(text) for s in run(text).statements] == ["said"]


def test_component_writes_doc_extensions():
    from index.analysis import load_pipeline
    from index.analysis.pipeline import sentence_doc

    nlp = load_pipeline()
    assert "attribution" in nlp.pipe_names
    assert nlp.pipe_names.index("attribution") == nlp.pipe_names.index("parser") + 1
    text = "Tomas Brandt wrote that the plan was too expensive."
    doc = sentence_doc(nlp, text)
    with nlp.select_pipes(disable=["place_ruler", "ner"]):
        doc = nlp(doc)
    (st,) = doc._.statements
    assert (text[slice(*st.cue)], text[slice(*st.source)], text[slice(*st.content)]) == (
        "wrote",
        "Tomas Brandt",
        "the plan was too expensive",
    )
    cue, source, content = doc._.statement_spans[0]
    assert (cue.text, source.text, content.text) == ("wrote", "Tomas Brandt", "the plan was too expensive")


# --------------------------------------------------------------------------
# data
# --------------------------------------------------------------------------


def test_lexicon_entries_carry_their_evidence():
    from index.analysis import lexicon

    data = json.loads(lexicon.LEXICON_FILE.read_text(encoding="utf-8"))
    entries = data["entries"]
    assert {e["kind"] for e in entries} <= set(STATEMENT_KINDS)
    derived = [e for e in entries if e["origin"] != "curated"]
    assert derived and all(e["train"]["cues"] >= data["thresholds"]["min_cues"] for e in derived)
    say = next(e for e in entries if e["lemma"] == "say")
    assert {"ccomp", "quote"} <= set(say["accepts"]) and "nsubj" in say["sources"]
    lex = lexicon.load()
    assert lex.lookup("believes", "verb").kind == StatementKind.POSITION
    assert lex.lookup("praised", "verb").kind == StatementKind.PRAISE
    assert lex.lookup("criticised", "verb").lemma == lex.lookup("criticized", "verb").lemma


def test_lexicon_derivation_keeps_precise_structures_only():
    from bench.attribution_lexicon import build

    row = {
        "lemma": "say", "pos": "verb", "cues": 40, "seen": 60, "articles": 9, "data_sources": 0,
        # structure -> [annotated, occurrences, dependent inside content, annotated with a findable source]
        "frames": {"ccomp": [30, 32, 29, 30], "dobj": [3, 20, 1, 3], "quote": [10, 11, 0, 9]},
        "sources": {"nsubj": 35, "up:conj": 3, "other": 2},
        "forms": {"said": 30, "says": 10}, "phrases": {"said": 30},
    }
    rare = dict(row, lemma="mutter", cues=2, articles=1)
    entries, unkinded = build([row, rare], 0.5)
    say = next(e for e in entries if e["lemma"] == "say")
    assert "ccomp" in say["accepts"] and "quote" in say["accepts"]
    assert "mutter" not in {e["lemma"] for e in entries} and not unkinded


def test_every_kind_reads_back_and_older_json_still_reads():
    for kind in StatementKind:
        st = Statement(None, "x", None, None, None, Span(0, 1), kind, False)
        assert Statement.from_json(json.loads(json.dumps(st.to_json()))).kind is kind
    old = {"actor": None, "speaker": "x", "sentence": {"start": 0, "end": 1}, "kind": "warning", "quote": False}
    assert Statement.from_json(old).kind == StatementKind.WARNING
    assert Statement.from_json({**old, "kind": "a kind from a later version"}).kind == StatementKind.CLAIM


def test_every_kind_has_a_meaning_in_the_reader():
    from reader.widgets.cues import KIND_MEANING

    assert set(KIND_MEANING) == set(STATEMENT_KINDS)


def test_headline_ending_in_a_document_is_not_given_to_a_person(run):
    text = "Most residents back the bridge: survey\n\nTomas Brandt believes the project is too expensive."
    analysis = run(text, Span(0, 38))
    first = analysis.statements[0]
    assert (first.cue.text(text), first.source.text(text), first.speaker) == (":", "survey", "survey")
