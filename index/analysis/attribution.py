"""Statements of an article: the sentences' statements, headlines, run-ons.

The attribution component (``components.py``) has already put each parsed
sentence's statements on ``doc._.statements``; this module lifts them to
article offsets and adds what only the article shows:

* headline attribution ("Nagorno-Karabakh could become extremist
  stronghold: Russia") on a title or headline line, and a speaker's name
  and a colon opening a paragraph ("Rubio: I still believe …", "TAPPER:
  Do you think …"), found by patterns;
* a quotation that runs on into sentences without a cue of their own keeps
  the speaker of the statement it continues.

No spaCy import.
"""

from __future__ import annotations

from . import cues, places
from .quotes import Quote, quoted_chars, quotes_between
from .sentence_rules import strip_chars
from .syntax import np_tokens
from .types import Article, RawStatement, Sentence, SentenceStatement


def _lift(sent: Sentence, st: SentenceStatement) -> RawStatement:
    """A sentence's statement in article offsets."""
    base = sent.start

    def shift(span):
        return (base + span[0], base + span[1]) if span else None

    raw = RawStatement(
        sentence=sent,
        kind=st.kind,
        via=st.via,
        cue=shift(st.cue),
        content=shift(st.content),
        quote=st.quote,
        source=shift(st.source),
        source_head=st.source_head,
        inherited_subject=st.inherited_subject,
        cue_token=st.cue_token,
        clause_start=st.clause_start,
        refers_back=st.refers_back,
        speaker=shift(st.speaker),
    )
    raw.needs_ner = _needs_ner(raw)
    return raw


def _needs_ner(r: RawStatement) -> bool:
    """Only names need the NER: not pronouns, bare nouns or known countries."""
    head = r.source_head
    if head is None or (r.speaker or r.source) is None:
        return r.via in ("headline", "label")
    if head.tag_ in ("PRP", "WP", "DT") or head.lower_ in cues.PRONOUNS:
        return False
    toks = np_tokens(head)
    # capitalised words, and a capitalised bare subject opening the sentence
    # ("Macron on Wednesday pledged …", which the tagger calls NN)
    if not any(
        t.tag_ in ("NNP", "NNPS") or (t.i > 0 and t.text[:1].isupper())
        or (t is head and t.i == 0 and t.text[:1].isupper() and not any(c.dep_ == "det" for c in t.children))
        for t in toks
    ):
        return False
    text = head.doc[min(t.i for t in toks) : max(t.i for t in toks) + 1].text
    return not places.is_country(text)


def headline_statement(sent: Sentence, text: str, quotes: list[Quote]) -> RawStatement | None:
    """“Nagorno-Karabakh could become extremist stronghold: Russia”."""
    line = text[sent.start : sent.end]
    m = cues.HEADLINE_SOURCE_RE.match(line)
    if not m:
        m = cues.HEADLINE_COMMON_SOURCE_RE.match(line)
        if not m or m.group("source") not in cues.HEADLINE_COMMON_SOURCES:
            return None
    source = m.group("source")
    words = source.split()
    if len(words) > 3 or source.lower() in cues.HEADLINE_LABELS or words[0].lower() in cues.HEADLINE_LABELS:
        return None
    if len(m.group("content").split()) < 3:
        return None
    return _colon_statement(sent, text, quotes, m, "headline")


def label_statement(sent: Sentence, text: str, quotes: list[Quote]) -> RawStatement | None:
    """A paragraph opened by a speaker's name and a colon: "Rubio: I still
    believe …", "TAPPER: Do you think …" (headlines and transcripts)."""
    line = text[sent.start : sent.end]
    m = cues.SPEAKER_LABEL_RE.match(line)
    if not m:
        return None
    source = m.group("source")
    words = source.split()
    if len(words) > 6 or words[0].lower().strip(".") in cues.LABEL_WORDS or source.lower() in cues.LABEL_WORDS:
        return None
    said = m.group("content").split()
    if places.is_place(source) or len(said) < 4:
        return None  # "Rubio: Finish second." is a note, not something said
    if m.group("content").count(",") >= 3 and sum(w[:1].isupper() for w in said) > 0.6 * len(said):
        return None  # "Iowa: Tim Albrecht, Brad Anderson, …": a list of names
    return _colon_statement(sent, text, quotes, m, "label")


def _colon_statement(sent: Sentence, text: str, quotes: list[Quote], m, via: str) -> RawStatement | None:
    """The statement of a ``source``/``colon``/``content`` match on a line."""
    content = strip_chars(text, sent.start + m.start("content"), sent.start + m.end("content"))
    if content is None:
        return None
    frac = quoted_chars(quotes, *content) / max(1, content[1] - content[0])
    head = None
    if sent.doc is not None:
        end = m.end("source")
        toks = [t for t in sent.doc if m.start("source") <= t.idx and t.idx + len(t.text) <= end]
        head = toks[-1] if toks else None
    source = m.group("source")
    return RawStatement(
        sentence=sent,
        kind=cues.HEADLINE_KIND,
        via=via,
        cue=(sent.start + m.start("colon"), sent.start + m.end("colon")),
        content=content,
        quote=frac >= 0.6,
        source=(sent.start + m.start("source"), sent.start + m.end("source")),
        source_head=head,
        source_text=source,
        needs_ner=not places.is_country(source),
    )


def _runons(art: Article, raws: list[RawStatement]) -> list[RawStatement]:
    """Quoted sentences without a cue of their own keep the last speaker."""
    by_sent: dict[int, list[RawStatement]] = {}
    for r in raws:
        by_sent.setdefault(r.sentence.index, []).append(r)
    text = art.text
    overlapping = quotes_between(art.quotes)
    added: list[RawStatement] = []
    last: RawStatement | None = None
    last_index = -10
    for s in art.sentences:
        mine = by_sent.get(s.index)
        if mine:
            last = mine[-1]
            last_index = s.index
            continue
        if s.headline:
            last = None
            continue
        qs = [q for q in overlapping(s.start, s.end) if q.overlap(s.start, s.end) > 0]
        if not qs:
            continue
        length = sum(1 for ch in text[s.start : s.end] if not ch.isspace())
        inside = quoted_chars(qs, s.start, s.end)
        inside_nonspace = sum(
            1 for q in qs for ch in text[max(q.inner_start, s.start) : min(q.inner_end, s.end)] if not ch.isspace()
        )
        del inside
        if inside_nonspace < 0.6 * length:
            continue
        speaker = None
        # a quotation crossing into a sentence with its own quoted statement
        for q in qs:
            for r in raws:
                if r.quote and r.content and r.sentence.index != s.index and q.overlap(*r.content) > 0:
                    speaker = r
                    break
            if speaker:
                break
        if speaker is None and last is not None and s.index - last_index <= 2 and s.para == last.sentence.para:
            # a quotation of its own later in the same paragraph (a new
            # paragraph without a cue is left alone: it is as often someone
            # else's, or the writer's)
            speaker = last
        if speaker is None:
            continue
        content = None
        a = max(s.start, min(q.inner_start for q in qs))
        b = min(s.end, max(q.inner_end for q in qs))
        content = strip_chars(text, a, b)
        r = RawStatement(
            sentence=s,
            kind=speaker.kind,
            via="runon",
            cue=None,
            content=content,
            quote=True,
            inherit=speaker,
            needs_ner=False,
        )
        added.append(r)
        last = r
        last_index = s.index
    return added


def find_all(art: Article) -> list[RawStatement]:
    raws: list[RawStatement] = []
    overlapping = quotes_between(art.quotes)
    for s in art.sentences:
        quotes = overlapping(s.start, s.end)
        if s.headline:
            h = headline_statement(s, art.text, quotes)
            if h is not None:
                raws.append(h)
                continue
        if s.index == 0 or art.sentences[s.index - 1].para != s.para:
            label = label_statement(s, art.text, quotes)
            if label is not None:
                raws.append(label)  # what the speaker says is one statement
                continue
        if s.parsed:
            raws.extend(_lift(s, st) for st in s.doc._.statements or ())
    raws.extend(_runons(art, raws))
    raws.sort(key=lambda r: (r.sentence.start, r.cue[0] if r.cue else r.sentence.start))
    return raws
