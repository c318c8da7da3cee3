"""The whoosh schema: one index holds every kind of document.

Articles, their statements and actors, glossary entries and a small state
record live side by side, told apart by ``doctype``.  One index means one
writer and one commit per batch of whole articles, so an interrupted run
never leaves an article without what was derived from it.
"""

from __future__ import annotations

from whoosh.analysis import SpaceSeparatedTokenizer, StandardAnalyzer, StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

SCHEMA_VERSION = 4  # 3: statements' speakers (an actor and a group's members); 4: statements' claims (`claim`) and their subject links (`links` documents)

# doctype values
ARTICLE = "article"
TEXT_DOC = "text"  # an article's full text and analysis, read only when opened
STATEMENT = "statement"
ACTOR = "actor"
GLOSSARY = "glossary"
STATE = "state"
LINKS = "links"  # one per article: its statements' claims and subject links (index.related)

SEARCHABLE_TYPES = (ARTICLE, STATEMENT, GLOSSARY)

# Statements are ordered corpus-wide by ``seq * ORDER_STRIDE + position``,
# so "the next statement by this actor" is one range query.
ORDER_STRIDE = 100_000


def make_schema() -> Schema:
    """Build the schema; field names are also the query language's fields."""
    words = StemmingAnalyzer()  # lower-cases, drops stop words, stems
    names = StandardAnalyzer(stoplist=None)  # actor names: no stemming
    return Schema(
        id=ID(unique=True, stored=True),
        doctype=ID(stored=True),
        article=ID(stored=True),
        # Numbers are indexed at several precisions (whoosh's shift_step, 4
        # bits by default: 8 terms for a 32-bit number, 16 for 64) so that
        # range queries touch few terms.  Only the articles' ``seq`` is
        # range-queried (the next article), and rarely: 4 terms.  ``order`` is
        # only sorted on and read from its column: one term.  Each term is a
        # posting written for every statement, a large share of ingest time.
        seq=NUMERIC(int, stored=True, sortable=True, shift_step=8),
        order=NUMERIC(int, bits=64, stored=True, sortable=True, shift_step=0),
        title=TEXT(analyzer=words, stored=True, field_boost=2.0, spelling=True),
        body=TEXT(analyzer=words, spelling=True),
        # statements' sentences: a field of their own, so searching articles
        # never walks the statements' postings
        said=TEXT(analyzer=words),
        # what a statement claims, standing alone ("denied [that …]"), with
        # the countries it names spelled as names: the words statements are
        # compared on when their subject links are built (index.related).
        # Written already analysed (index.related_words.claim_terms), so the
        # words are analysed once for the index and the links alike.
        claim=TEXT(analyzer=SpaceSeparatedTokenizer()),
        path=ID(stored=True),
        pathhash=ID(),
        hash=ID(stored=True),
        date=ID(stored=True, sortable=True),
        source=TEXT(analyzer=names, stored=True),
        url=STORED(),
        actor=TEXT(analyzer=names),
        actor_id=ID(stored=True),
        # a statement's speakers: its actor and, for a group said together
        # ("Turkey and Azerbaijan have denied"), each member: what `]`,
        # `reader statements --actor` and `actor:NAME` look up
        speakers=KEYWORD(),
        kind=KEYWORD(lowercase=True, stored=True),
        entry=KEYWORD(lowercase=True, stored=True),
        data=STORED(),
    )
