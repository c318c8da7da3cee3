"""Statements and actors (index.analysis) on short texts of our own and the seed.

spaCy is loaded once for the module (``nlp`` fixture); every test after
that costs milliseconds.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from index.models import STATEMENT_KINDS, ACTOR_KINDS, Analysis, Span

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_ebbc1b3b34e9d41b.txt"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    from index.analysis import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="module")
def run(nlp):
    from index.analysis import analyze

    def _run(text: str, title: Span | None = None) -> Analysis:
        analysis = analyze(text, title)
        _check_offsets(text, analysis)
        return analysis

    return _run


def _check_offsets(text: str, analysis: Analysis) -> None:
    """Every span lies in the text, inside its sentence, and is trimmed."""
    for s in analysis.statements:
        assert s.kind in STATEMENT_KINDS
        assert 0 <= s.sentence.start < s.sentence.end <= len(text)
        sent = s.sentence.text(text)
        assert sent == sent.strip() and "\n" not in sent
        for span in (s.source, s.cue, s.content):
            if span is None:
                continue
            assert s.sentence.start <= span.start < span.end <= s.sentence.end
            piece = span.text(text)
            assert piece == piece.strip()
        if s.actor is not None:
            assert s.actor in {a.id for a in analysis.actors}
    for a in analysis.actors:
        assert a.kind in ACTOR_KINDS


def _by_speaker(text: str, analysis: Analysis) -> list[tuple[str, str, str | None, str | None]]:
    """(speaker, kind, cue, content) per statement."""
    return [
        (s.speaker, s.kind, s.cue.text(text) if s.cue else None, s.content.text(text) if s.content else None)
        for s in analysis.statements
    ]


def _one(text: str, analysis: Analysis):
    assert len(analysis.statements) == 1, _by_speaker(text, analysis)
    return analysis.statements[0]


# --------------------------------------------------------------------------
# the package itself
# --------------------------------------------------------------------------


def test_import_does_not_load_spacy():
    code = "import sys, index.analysis as a; print('spacy' in sys.modules, a.ANALYSIS_VERSION >= 1)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


def test_pipeline_is_cached_and_trimmed(nlp):
    from index.analysis import load_pipeline

    assert load_pipeline() is nlp
    assert "lemmatizer" not in nlp.pipe_names and "parser" in nlp.pipe_names and "ner" in nlp.pipe_names


def test_cue_lexicon_lookups():
    from index.analysis import lexicon

    lex = lexicon.load()
    assert lex.lookup("warned", "verb").lemma == "warn"
    assert lex.lookup("denied", "verb").lemma == "deny"
    assert lex.lookup("said", "verb").lemma == "say"
    assert lex.lookup("urging", "verb").lemma == "urge"
    assert lex.lookup("said", "noun") is None
    assert lexicon.has_trigger("Officials said so.") and not lexicon.has_trigger("The cat sat on the mat.")


def test_sentences_split_on_lines_and_not_on_abbreviations():
    from index.analysis.pipeline import split_sentences

    text = "Storm hits coast\nMr. Hale met U.S. officials on Monday. “We are ready.” Then he left.\n\nEnd of story"
    got = [text[s.start : s.end] for s in split_sentences(text)]
    assert got == ["Storm hits coast", "Mr. Hale met U.S. officials on Monday.", "“We are ready.”", "Then he left.", "End of story"]
    heads = [s.headline for s in split_sentences(text)]
    assert heads == [True, False, False, False, True]


def test_quotes_run_on_paragraph_style_and_apostrophes():
    from index.analysis.quotes import find_quotes

    text = 'He said: "First part. "Second part." Karabakh’s people and the voters\' choice \'matter here\'.'
    inner = [text[q.inner_start : q.inner_end] for q in find_quotes(text, 0, len(text))]
    assert inner == ["First part.", "Second part.", "matter here"]


# --------------------------------------------------------------------------
# constructions
# --------------------------------------------------------------------------


def test_said_that_with_apposition_name(run):
    text = "The mayor of Springfield, Ana Torres, said that the bridge would reopen in May."
    a = run(text)
    s = _one(text, a)
    assert (s.speaker, s.kind, s.cue.text(text), s.content.text(text)) == (
        "Ana Torres", "claim", "said", "the bridge would reopen in May"
    )
    assert not s.quote
    actor = a.actors[0]
    assert actor.id == "ana-torres" and actor.kind == "person"
    assert actor.description == "The mayor of Springfield" and actor.affiliation == "Springfield"


def test_quote_then_speaker_then_cue(run):
    text = "“We will not give up,” Maria Lopez said."
    s = _one(text, run(text))
    assert (s.speaker, s.kind, s.quote) == ("Maria Lopez", "claim", True)
    assert s.content.text(text) == "We will not give up"
    assert s.source.text(text) == "Maria Lopez"


def test_quote_then_cue_then_speaker(run):
    text = "“The talks have failed,” said Tomas Berg, a negotiator for the union."
    a = run(text)
    s = _one(text, a)
    assert (s.speaker, s.quote, s.content.text(text)) == ("Tomas Berg", True, "The talks have failed")
    assert a.actors[0].description == "a negotiator for the union"


def test_name_comma_title_says(run):
    text = "Lena Fischer, the agency's chief economist, says growth will slow next year."
    a = run(text)
    s = _one(text, a)
    assert (s.speaker, s.cue.text(text), s.content.text(text)) == ("Lena Fischer", "says", "growth will slow next year")
    assert a.actors[0].description == "the agency's chief economist"


def test_according_to(run):
    text = "Prices rose sharply in March, according to the Federal Statistics Office."
    s = _one(text, run(text))
    assert s.cue.text(text) == "according to"
    assert s.content.text(text) == "Prices rose sharply in March"
    assert s.speaker == "Federal Statistics Office" and s.kind == "report"


def test_in_a_statement_x_said(run):
    text = "In a statement on Monday, Oxfam said that aid convoys had been blocked at the border."
    s = _one(text, run(text))
    assert (s.speaker, s.actor, s.cue.text(text)) == ("Oxfam", "oxfam", "said")
    assert s.content.text(text) == "aid convoys had been blocked at the border"


def test_nominal_cue_is_a_reference_not_a_statement(run):
    text = "The charity's warning came after reports of heavy flooding in the valley."
    assert run(text).statements == []


@pytest.mark.parametrize(
    "text",
    [
        "The so-called term refers to a deal signed in 2010.",
        "The reported killing of two guards shocked the town.",
        "The territory declared independence in 1991.",
        "Company profits rose by a third, and the shares added 5%.",
        "The minister did not deny that he would resign.",
    ],
)
def test_not_attributions(run, text):
    assert run(text).statements == []


@pytest.mark.parametrize(
    "text, kind, cue",
    [
        ("The company denied that it had misled investors.", "denial", "denied"),
        ("The firm rejected claims that it had avoided tax.", "denial", "rejected claims"),
        ("The opposition accused the government of hiding the figures.", "accusation", "accused"),
        ("The central bank has warned that inflation could rise again.", "warning", "has warned"),
        ("Aid groups urged both governments to open the border.", "appeal", "urged"),
        ("The ministry called for calm after the clashes.", "appeal", "called for"),
        ("The regulator expressed concern about the merger.", "concern", "expressed concern"),
        ("The minister acknowledged that mistakes had been made.", "acknowledgement", "acknowledged"),
        ("The coach conceded that his team had played badly.", "concession", "conceded"),
        ("Police reported that three people had been arrested.", "report", "reported"),
        ("Ana Torres claimed that the vote was rigged.", "claim", "claimed"),
        ("Ana Torres said her party could make concessions on the budget.", "concession", "said"),
        ("The minister did not say whether he would resign.", "refusal", "did not say"),
    ],
)
def test_kinds_from_cues(run, text, kind, cue):
    s = _one(text, run(text))
    assert (s.kind, s.cue.text(text)) == (kind, cue)


def test_pronoun_resolves_to_the_person_named_before(run):
    text = "Carlos Mendez, the union leader, criticised the plan. “It is a disaster for workers,” he said."
    a = run(text)
    assert [(s.speaker, s.kind) for s in a.statements] == [("Carlos Mendez", "accusation"), ("Carlos Mendez", "claim")]
    assert a.statements[1].source.text(text) == "he" and a.statements[1].actor == "carlos-mendez"


def test_she_skips_a_man(run):
    text = "Mr Cole said the deal was dead. Ms Ortiz said talks would go on. She added that she was hopeful."
    a = run(text)
    assert [s.speaker for s in a.statements][-1] == a.statements[1].speaker
    assert a.statements[2].actor == a.statements[1].actor


def test_unresolved_pronoun_keeps_the_source(run):
    text = "Shelling hit Stepanakert overnight. “The city is burning,” he said."
    s = _one(text, run(text))
    assert (s.actor, s.speaker) == (None, "he")


def test_run_on_quote_keeps_its_speaker(run):
    text = "“We are ready to talk,” Mendez said. “But we will not accept these terms.”"
    a = run(text)
    assert [(s.speaker, s.quote) for s in a.statements] == [("Mendez", True), ("Mendez", True)]
    second = a.statements[1]
    assert second.cue is None and second.content.text(text) == "But we will not accept these terms."
    assert second.sentence.text(text) == "“But we will not accept these terms.”"


def test_headline_attribution_and_no_merging(run):
    text = "New tariffs will hurt exporters: Canada\nCanada has warned that new tariffs will hurt its exporters."
    a = run(text, Span(0, 39))
    got = [(s.speaker, s.kind, s.sentence.text(text)) for s in a.statements]
    assert got[0] == ("Canada", "claim", "New tariffs will hurt exporters: Canada")
    assert a.statements[0].content.text(text) == "New tariffs will hurt exporters"
    assert got[1][:2] == ("Canada", "warning")
    assert a.statements[0].actor == a.statements[1].actor == "canada"
    assert [x.kind for x in a.actors] == ["country"]


def test_headline_role_resolves_to_the_next_speaker(run):
    text = (
        "Half of the city is under water: Official\n"
        "Jonas Weber, the city's emergency coordinator, says half of the city is flooded."
    )
    a = run(text)
    assert [s.speaker for s in a.statements] == ["Jonas Weber", "Jonas Weber"]


def test_headline_line_without_period_is_its_own_sentence(run):
    text = "Ministry rejected claims that it hid the report\nThe report was published on Friday."
    s = _one(text, run(text))
    assert s.sentence.text(text) == "Ministry rejected claims that it hid the report"
    assert s.kind == "denial"


def test_group_sources(run):
    text = (
        "Both sides said the other had broken the truce. Each denied firing first. "
        "The foreign ministers of France and Spain have also expressed concern about the violence."
    )
    a = run(text)
    got = [(s.speaker, s.kind) for s in a.statements]
    assert got == [
        ("Both sides", "claim"),
        ("Both sides", "denial"),
        ("foreign ministers of France and Spain", "concern"),
    ]
    assert {x.id: x.kind for x in a.actors} == {"both-sides": "group", "foreign-ministers-of-france-and-spain": "group"}


def test_coordinated_cue_inherits_its_subject(run):
    text = "Peru shares a long border with Chile, and has warned its neighbour against new mining near the frontier."
    s = _one(text, run(text))
    assert (s.speaker, s.kind, s.cue.text(text)) == ("Peru", "warning", "has warned")
    assert s.content.text(text) == "its neighbour against new mining near the frontier"


def test_participle_cue_takes_the_speaker(run):
    text = "Norway has warned that the talks could collapse, issuing a new appeal for restraint."
    a = run(text)
    assert [(s.speaker, s.kind) for s in a.statements] == [("Norway", "warning"), ("Norway", "appeal")]
    assert a.statements[0].content.text(text) == "the talks could collapse"


def test_actor_merging_description_and_affiliation(run):
    text = (
        "Finance Minister Olga Petrova said taxes would rise. "
        "Jan Novak, a spokesman for the World Health Organization, said the virus was spreading. "
        "Petrova said the budget was balanced. “We have no choice,” she said."
    )
    a = run(text)
    assert [s.actor for s in a.statements] == ["olga-petrova", "jan-novak", "olga-petrova", "olga-petrova"]
    petrova = next(x for x in a.actors if x.id == "olga-petrova")
    assert petrova.name == "Olga Petrova" and petrova.kind == "person"
    assert petrova.description == "Finance Minister"
    assert "Petrova" in petrova.aliases and "Finance Minister Olga Petrova" in petrova.aliases
    novak = next(x for x in a.actors if x.id == "jan-novak")
    assert novak.affiliation == "World Health Organization"


def test_place_ruler_fixes_the_small_models_slips(nlp, run):
    names = nlp.pipe_names
    assert names.index("place_ruler") == names.index("ner") - 1
    text = "Shells hit Stepanakert, the ombudsman told reporters in Nagorno-Karabakh."
    with nlp.select_pipes(disable=["place_ruler"]):
        model = {e.text: e.label_ for e in nlp(text).ents}
    assert model == {"Stepanakert": "PERSON", "Nagorno-Karabakh": "ORG"}  # the slips
    assert {e.text: e.label_ for e in nlp(text).ents} == {"Stepanakert": "GPE", "Nagorno-Karabakh": "GPE"}
    # a listed place inside a longer name is left to the model
    ents = {e.text: e.label_ for e in nlp("Jordan Henderson said Real Madrid had played in Stepanakert.").ents}
    assert ents["Jordan Henderson"] == "PERSON" and ents["Stepanakert"] == "GPE" and "Jordan" not in ents
    assert "Madrid" not in ents
    # in an analysis the place is never a speaker
    text = "A resident of Stepanakert said the shelling had stopped. Stepanakert was shelled overnight, Arayik Harutyunyan said."
    analysis = run(text)
    assert [s.speaker for s in analysis.statements] == ["resident of Stepanakert", "Arayik Harutyunyan"]
    assert "stepanakert" not in {a.id for a in analysis.actors}
    assert "arayik-harutyunyan" in {a.id for a in analysis.actors}


def test_same_name_same_id_across_articles(run):
    one = run("Nikos Alexiou said the port would close.")
    two = run("“The port will close,” said Nikos Alexiou.")
    assert one.actors[0].id == two.actors[0].id == "nikos-alexiou"


def test_analyze_many_keeps_order_and_matches_analyze(run):
    from index.analysis import analyze_many

    texts = [
        "Ana Torres said the vote was rigged.",
        "Nothing to see here.",
        "“We are ready,” said Maria Lopez.",
    ]
    single = [run(t).to_json() for t in texts]
    assert [a.to_json() for a in analyze_many(((t, None) for t in texts), batch_size=2)] == single
    assert [a.to_json() for a in analyze_many(((t, None) for t in texts), processes=2, batch_size=1)] == single


# --------------------------------------------------------------------------
# the seed article
# --------------------------------------------------------------------------

AMNESTY = "Amnesty International"
BEGLARYAN = "Artak Beglaryan"
NARYSHKIN = "Sergei Naryshkin"
PASHINYAN = "Nikol Pashinyan"

#: (line, start of the sentence) -> {(speaker, kind)}; sentences not listed hold no statement.
SEED_EXPECTED = {
    (1, "Fighting between"): {("Both sides", "accusation")},
    (2, "Armenia claimed"): {("Armenia", "claim")},
    (3, "Ethnic Armenian"): {("Ethnic Armenian officials in Nagorno-Karabakh", "claim")},
    (4, "Azerbaijan claimed"): {("Azerbaijan", "claim")},
    (5, "Both sides said"): {("Both sides", "claim")},
    (5, "Each denied"): {("Both sides", "denial")},
    (6, "The Nagorno-Karabakh"): {("Nagorno-Karabakh administration’s Defense Ministry", "claim")},
    (7, "The recent clashes"): {("Both sides", "accusation")},
    (9, "Azerbaijan using"): {(AMNESTY, "claim")},
    (10, "Meanwhile, Amnesty"): {(AMNESTY, "warning")},
    (12, "Amnesty said"): {(AMNESTY, "claim")},
    (13, "“The use"): {("Denis Krivosheev", "claim")},
    (14, "Azerbaijani Defense"): {("Azerbaijani Defense Ministry", "denial")},
    (15, "Half of"): {(BEGLARYAN, "claim")},
    (16, "Artak Beglaryan"): {(BEGLARYAN, "claim")},
    (17, "“According"): {(BEGLARYAN, "claim")},
    (18, "Beglaryan said"): {(BEGLARYAN, "claim")},
    (19, "Nagorno-Karabakh could"): {("Russia", "claim")},
    (20, "Russia has warned"): {("Russia", "warning"), ("Russia", "appeal")},
    (21, "In a statement"): {(NARYSHKIN, "claim")},
    (22, "“We are talking"): {(NARYSHKIN, "claim")},
    (23, "He further warned"): {(NARYSHKIN, "warning")},
    (24, "Kremlin spokesman"): {("Dmitry Peskov", "appeal")},
    (25, "Meanwhile, the foreign"): {("foreign ministers of Russia and Iran", "concern")},
    (26, "Russia’s Foreign"): {("Russia’s Foreign Ministry", "claim")},
    (27, "Iran borders"): {("Iran", "warning")},
    (28, "Turkey seeks"): {("Armenia", "claim")},
    (29, "Armenian Prime"): {(PASHINYAN, "claim")},
    (30, "“What we are"): {(PASHINYAN, "claim")},
    (30, "“To me"): {(PASHINYAN, "claim")},
    (31, "Turkey acknowledges"): {("Turkey", "acknowledgement"), ("Turkey", "denial"), ("Turkey", "claim")},
    (32, "Pashinyan said"): {(PASHINYAN, "concession")},
    (33, "Azerbaijan has said"): {("Azerbaijan", "claim")},
}


@pytest.fixture(scope="module")
def seed(nlp):
    from index.analysis import analyze

    text = SEED.read_text(encoding="utf-8")
    analysis = analyze(text)
    _check_offsets(text, analysis)
    return text, analysis


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def test_seed_statements_per_sentence(seed):
    from index.analysis.pipeline import split_sentences

    text, analysis = seed
    got: dict[tuple[int, str], set] = {}
    for s in analysis.statements:
        got.setdefault((s.sentence.start, s.sentence.end), set()).add((s.speaker, s.kind))
    seen = set()
    for sent in split_sentences(text):
        key = next(
            (k for k in SEED_EXPECTED if k[0] == _line_of(text, sent.start) and text.startswith(k[1], sent.start)),
            None,
        )
        actual = got.get((sent.start, sent.end), set())
        expected = SEED_EXPECTED.get(key, set()) if key else set()
        assert actual == expected, (text[sent.start : sent.end][:60], actual)
        if key:
            seen.add(key)
    assert seen == set(SEED_EXPECTED)


def test_seed_quotes_cues_and_sources(seed):
    text, analysis = seed
    rows = {
        (_line_of(text, s.sentence.start), s.sentence.text(text)[:12]): s for s in analysis.statements if s.quote
    }
    assert set(rows) == {
        (12, "Amnesty said"),  # … which it said “appear to have been fired by Azerbaijani forces”
        (13, "“The use of "),
        (17, "“According t"),
        (22, "“We are talki"[:12]),
        (26, "Russia’s For"),  # mostly quoted: “serious concern about …”
        (30, "“What we are"),
        (30, "“To me, ther"),
    }
    runon = rows[(30, "“To me, ther")]
    assert runon.cue is None and runon.actor == "nikol-pashinyan"
    by_line = {(_line_of(text, s.sentence.start), s.kind): s for s in analysis.statements}
    assert by_line[(17, "claim")].source.text(text) == "he"
    assert by_line[(23, "warning")].source.text(text) == "He"
    assert by_line[(14, "denial")].cue.text(text) == "rejected claims"
    assert by_line[(25, "concern")].cue.text(text) == "have also expressed concern"
    assert by_line[(24, "appeal")].cue.text(text) == "called for"
    assert by_line[(13, "claim")].source.text(text) == (
        "Denis Krivosheev, Amnesty International’s deputy director for Eastern Europe and Central Asia"
    )
    assert by_line[(19, "claim")].content.text(text) == "Nagorno-Karabakh could become extremist stronghold"
    assert by_line[(27, "warning")].cue.text(text) == "has warned"


def test_seed_actors(seed):
    text, analysis = seed
    actors = {a.id: a for a in analysis.actors}
    pashinyan = actors["nikol-pashinyan"]
    assert pashinyan.name == PASHINYAN and pashinyan.kind == "person"
    assert {"Armenian Prime Minister Nikol Pashinyan", "Pashinyan"} <= set(pashinyan.aliases)
    assert pashinyan.description == "Armenian Prime Minister"
    assert actors["denis-krivosheev"].affiliation == "Amnesty International"
    assert actors["denis-krivosheev"].description == (
        "Amnesty International’s deputy director for Eastern Europe and Central Asia"
    )
    assert actors["sergei-naryshkin"].affiliation == "Russia’s Foreign Intelligence Service"
    assert actors["sergei-naryshkin"].description == "the head of Russia’s Foreign Intelligence Service (FIS)"
    assert actors["dmitry-peskov"].affiliation == "the Kremlin"
    assert actors["dmitry-peskov"].description == "Kremlin spokesman"
    assert actors["artak-beglaryan"].kind == "person"
    assert actors["artak-beglaryan"].description == "the region’s rights ombudsman"
    assert "Amnesty" in actors["amnesty-international"].aliases
    assert actors["amnesty-international"].kind == "organization"
    for country in ("russia", "armenia", "azerbaijan", "turkey", "iran"):
        assert actors[country].kind == "country"
    assert actors["both-sides"].kind == "group"
    # places are never speakers
    assert not {"stepanakert", "nagorno-karabakh", "karabakh"} & set(actors)
    # every actor speaks
    assert set(actors) == {s.actor for s in analysis.statements if s.actor}
