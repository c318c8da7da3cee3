"""The version of the analysis output (its own module: everything that
writes an ``Analysis`` needs it, and nothing else)."""

from __future__ import annotations

#: Bump when the output changes: the store re-analyses older articles.
#: 3: cue lexicon derived from annotated news, positions, praise, promises,
#: questions and refusals as kinds, relative-pronoun and possessive sources.
#: 4: actor resolution (issue 12): descriptions, documents, named groups with
#: members, article-scoped roles and generic groups, folded ids.
ANALYSIS_VERSION = 4
