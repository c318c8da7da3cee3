"""The glossary of background context: curated entries and where they occur.

Entries are plain TOML files (``seeds/glossary/*.toml``, one per theme) so a
reader can read, correct and extend them without code; a user's own folder
(``user_glossary_dir()``) is loaded after the bundled one and overrides it
entry by entry (same ``id``).  Loading never stops for a bad file: each
problem becomes one line in ``GlossaryLoad.errors`` naming the file and line.

Matching (``GlossaryMatcher.find``) follows these rules, which the tests pin:

* Names and aliases are found with one Aho-Corasick automaton over a
  case-folded copy of the text that has *exactly the same length* as the
  original, so offsets found in the copy are offsets in the article.  Curly
  quotes are straightened, Unicode dashes become ``-`` and no-break spaces
  become spaces in that copy; a hyphenated name also matches with a space
  ("Nagorno Karabakh").  A name broken across a line does not match.
* Case-insensitive, with two guards against false links: a name written with
  capitals in the glossary (a proper name: "Turkey", "Ganja") is not matched by
  an all-lower-case occurrence ("turkey" the bird, "ganja" the drug); an
  acronym written in capitals ("CSTO", "SVR") only matches in capitals.
* Never inside a word: the characters on both sides of a match must not be
  letters, digits, ``_`` or combining marks (so "Iran" does not match inside
  "Iranian").
* Plurals: a name followed directly by ``s`` or ``es`` matches and the link
  covers the plural ("cluster bombs").  Possessives: the ``'s``/``’s`` is *not*
  part of the link ("Amnesty International’s" links "Amnesty International").
* Patterns (regexes for phrasings such as "a ceasefire agreed in 1994") are
  compiled into one alternation with a named group per pattern and run
  case-insensitively over the case-preserved, punctuation-normalized copy;
  write ``'`` for any apostrophe, ``"`` for any double quote, ``-`` for any
  dash, and use ``(?-i:...)`` for a case-sensitive part.  A match must start
  where no letter or digit precedes it and must not end inside a word; it is
  not extended for plurals.  For speed, a pattern only joins the alternation
  for a text that contains its longest required literal (found by the same
  Aho-Corasick pass), so a large glossary costs little on unrelated text.
* Overlaps: leftmost-longest wins; on a tie, a name beats a pattern.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import ahocorasick
import platformdirs
import regex

try:  # the regex parser, to find the literals a pattern needs
    from re import _parser as _sre_parser  # Python 3.11+
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parser  # type: ignore[no-redef]

from .decoding import normalize
from .models import Actor, GlossaryEntry, GlossaryLink, KeyDate

BUNDLED_DIR = Path(__file__).resolve().parent.parent / "seeds" / "glossary"
ENV_DIR = "READER_GLOSSARY_DIR"
CATEGORIES = ("event", "place", "organization", "person", "weapon", "law", "concept")
KNOWN_KEYS = frozenset(
    {"id", "term", "aliases", "patterns", "category", "summary", "dates", "related", "reference", "topic", "general"}
)
GENERAL_KEYS = frozenset({"summary", "dates", "related", "reference"})
GENERAL_SUFFIX = "-general"  # the id of an entry's story-free variant: "russia-general"
DEFAULT_SCOPE_MIN = 2  # distinct topic terms a text must name, unless the topic says otherwise
# Bump when the matching rules change, so stored links are recomputed even if
# the entries did not change (the fingerprint includes it).
MATCHER_VERSION = 2
ACRONYM_MAX = 6  # an all-capitals alias up to this long is an acronym

# -- text normalization ------------------------------------------------------

_PUNCT_MAP = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    **dict.fromkeys("\u00a0\u2007\u2009\u200a\u202f\u3000", " "),
}
_PUNCT_CHARS = re.compile("[" + "".join(_PUNCT_MAP) + "]")


def straighten(text: str) -> str:
    """Curly quotes, Unicode dashes and no-break spaces to ASCII, one
    character for one, so patterns need not spell every typographic variant
    and offsets hold.  A regex substitution rather than ``str.translate``:
    these characters are rare, and ASCII text is returned untouched."""
    if text.isascii():
        return text
    return _PUNCT_CHARS.sub(lambda m: _PUNCT_MAP[m.group()], text)


def fold(text: str) -> str:
    """Lower-case ``straighten(text)`` without changing its length.

    ``str.lower`` only ever lengthens (``"İ".lower()`` is two characters), so
    when the lengths agree every character mapped to one; otherwise fold char
    by char and keep the first character of a longer mapping.
    """
    plain = straighten(text)
    lowered = plain.lower()
    if len(lowered) == len(plain):
        return lowered
    return "".join(c.lower()[:1] or c for c in plain)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or unicodedata.category(ch).startswith("M")


def _splits_word(text: str, pos: int) -> bool:
    """True when ``pos`` falls between two characters of the same word."""
    return 0 < pos < len(text) and _is_word_char(text[pos - 1]) and _is_word_char(text[pos])


def _squash(text: str) -> str:
    """Fold and collapse spaces: the form names are compared in (NFC, the
    form article texts are stored in)."""
    return " ".join(fold(normalize(text)).split())


# -- loading ---------------------------------------------------------------


@dataclass(slots=True)
class GlossaryLoad:
    """What ``load_glossary`` found: entries by id (ordered by term) and one
    line per problem, so the caller can show them without stopping."""

    entries: dict[str, GlossaryEntry] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    topics: dict[str, Topic] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Topic:
    """A story entries can be written for (``[[topic]]`` in a glossary file):
    a text is about it when it names at least ``min`` of its ``terms``."""

    id: str
    name: str
    terms: tuple[str, ...]
    min: int = DEFAULT_SCOPE_MIN
    origin: str = ""


def user_glossary_dir() -> Path:
    """Where a reader keeps their own entries; ``READER_GLOSSARY_DIR`` wins so
    tests and portable setups never touch the real config folder."""
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_config_path("guided-reader") / "glossary"


def load_glossary(dirs: Sequence[Path] | None = None) -> GlossaryLoad:
    """Load every ``*.toml`` of ``dirs`` in order; a later entry with the same
    id replaces an earlier one (the user's folder overrides the bundled one).
    Missing folders are skipped silently: an empty user folder is normal."""
    if dirs is None:
        dirs = [BUNDLED_DIR, user_glossary_dir()]
    found: dict[str, GlossaryEntry] = {}
    errors: list[str] = []
    topics: dict[str, Topic] = {}
    general: dict[str, tuple[dict[str, Any], str]] = {}  # entry id -> its general table, where
    for folder in dirs:
        folder = Path(folder)
        if not folder.is_dir():
            continue
        in_folder: dict[str, str] = {}  # id -> file, to catch duplicates within one folder
        for path in sorted(folder.glob("*.toml")):
            for entry, line, variant in _load_file(path, errors, topics):
                if entry.id in in_folder:
                    errors.append(
                        f"glossary: {path}:{line}: id {entry.id!r} is also used in {in_folder[entry.id]}"
                        " — give one of them another id; this one replaces the other."
                    )
                in_folder[entry.id] = str(path)
                found[entry.id] = entry
                general.pop(entry.id, None)
                if variant is not None:
                    general[entry.id] = (variant, f"{path}:{line}" if line else str(path))
    _apply_topics(found, topics, general, errors)
    ordered = dict(sorted(found.items(), key=lambda kv: (kv[1].term.casefold(), kv[0])))
    return GlossaryLoad(ordered, errors, topics)


def _apply_topics(
    found: dict[str, GlossaryEntry],
    topics: dict[str, Topic],
    general: dict[str, tuple[dict[str, Any], str]],
    errors: list[str],
) -> None:
    """Give each entry written for a topic that topic's terms as its scope,
    and add the story-free variants (``[entry.general]``) beside them."""
    for entry in list(found.values()):
        if not entry.topic:
            continue
        topic = topics.get(entry.topic)
        if topic is None:
            known = ", ".join(sorted(topics)) or "none"
            errors.append(
                f"glossary: {entry.origin}: entry {entry.id!r} has topic {entry.topic!r}, which no [[topic]] defines"
                f" (topics: {known}) — it is linked everywhere until one does."
            )
            entry.topic = ""
            continue
        entry.scope = list(topic.terms)
        entry.scope_min = topic.min
        raw = general.get(entry.id)
        if raw is None:
            continue
        data, place = raw
        variant_id = entry.id + GENERAL_SUFFIX
        if variant_id in found:
            errors.append(f"glossary: {place}: entry {entry.id!r}: its general variant's id {variant_id!r} is taken — rename that entry.")
            continue
        dates = _parse_dates(data.get("dates", []))
        related = data.get("related", [])
        if dates is None or not isinstance(related, list) or not isinstance(data.get("reference", ""), str):
            errors.append(f"glossary: {place}: entry {entry.id!r}: its [entry.general] table has wrong dates, related or reference — the general variant was skipped.")
            continue
        found[variant_id] = GlossaryEntry(
            id=variant_id,
            term=entry.term,
            category=entry.category,
            summary=" ".join(str(data["summary"]).split()),
            aliases=list(entry.aliases),
            patterns=list(entry.patterns),
            dates=dates,
            related=[str(r) for r in related],
            reference=str(data.get("reference") or entry.reference),
            origin=entry.origin,
            general_of=entry.id,
        )


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_ENTRY_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*entry[ \t]*\]\]", re.MULTILINE)


def _load_file(path: Path, errors: list[str], topics: dict[str, Topic] | None = None) -> list[tuple[GlossaryEntry, int | None, dict[str, Any] | None]]:
    """Entries of one file with their line numbers and general tables; its
    ``[[topic]]`` tables go to ``topics``; problems go to ``errors``."""
    if topics is None:
        topics = {}
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        errors.append(f"glossary: {path}:1: cannot read the file ({exc}) — save it as UTF-8 text; the other files were loaded.")
        return []
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = _TOML_POSITION.search(message)
        line = where.group(1) if where else "1"
        message = _TOML_POSITION.sub("", message).strip()
        errors.append(f"glossary: {path}:{line}: {message} — fix the TOML syntax; the other files were loaded.")
        return []
    _load_topics(path, data.get("topic"), topics, errors)
    file_topic = data.get("topic_of_entries", "")
    if not isinstance(file_topic, str):
        errors.append(f"glossary: {path}:1: topic_of_entries must be a topic id — write topic_of_entries = \"...\"; it was ignored.")
        file_topic = ""
    raw_entries = data.get("entry")
    if raw_entries is None:
        if data and "topic" not in data:
            errors.append(f"glossary: {path}:1: no [[entry]] tables — write each entry under a line [[entry]]; the other files were loaded.")
        return []
    if not isinstance(raw_entries, list):
        errors.append(f"glossary: {path}:1: 'entry' must be an array of tables — write each entry under a line [[entry]]; the other files were loaded.")
        return []
    header_lines = _line_numbers(text, (m.start() for m in _ENTRY_HEADER.finditer(text)))
    lines: list[int | None] = header_lines if len(header_lines) == len(raw_entries) else [None] * len(raw_entries)
    loaded = []
    for index, (raw, line) in enumerate(zip(raw_entries, lines, strict=True), 1):
        place = f"{path}:{line}" if line else f"{path}: entry {index}"
        entry = _parse_entry(raw, place, errors)
        if entry is not None:
            entry.origin = str(path)
            if "topic" not in raw:
                entry.topic = file_topic
            loaded.append((entry, line, _general_table(raw, place, errors)))
    return loaded


def _load_topics(path: Path, raw: Any, topics: dict[str, Topic], errors: list[str]) -> None:
    """``[[topic]]`` tables: id, name, terms, and min (how many must occur)."""
    if raw is None:
        return
    if not isinstance(raw, list):
        errors.append(f"glossary: {path}:1: 'topic' must be an array of tables — write each under a line [[topic]]; they were ignored.")
        return
    for table in raw:
        terms = table.get("terms") if isinstance(table, dict) else None
        topic_id = table.get("id") if isinstance(table, dict) else None
        minimum = table.get("min", DEFAULT_SCOPE_MIN) if isinstance(table, dict) else None
        if not isinstance(topic_id, str) or not topic_id.strip() or not isinstance(terms, list) or not terms or not all(isinstance(t, str) and t.strip() for t in terms):
            errors.append(f"glossary: {path}: a [[topic]] needs an id and a list of terms — write id = \"...\" and terms = [\"...\"]; it was skipped.")
            continue
        if not isinstance(minimum, int) or minimum < 1:
            errors.append(f"glossary: {path}: topic {topic_id!r}: min must be a whole number of at least 1 — it was set to {DEFAULT_SCOPE_MIN}.")
            minimum = DEFAULT_SCOPE_MIN
        name = table.get("name", topic_id)
        topics[topic_id.strip()] = Topic(topic_id.strip(), str(name), tuple(t.strip() for t in terms), minimum, str(path))


def _general_table(raw: Any, place: str, errors: list[str]) -> dict[str, Any] | None:
    """An entry's ``[entry.general]``: the summary (and dates, related,
    reference) shown for it outside its topic."""
    if not isinstance(raw, dict) or "general" not in raw:
        return None
    table = raw["general"]
    if not isinstance(table, dict) or not isinstance(table.get("summary"), str) or not table["summary"].strip():
        errors.append(f"glossary: {place}: [entry.general] needs a summary — write summary = \"...\" under it; the general variant was skipped.")
        return None
    unknown = sorted(set(table) - GENERAL_KEYS)
    if unknown:
        errors.append(f"glossary: {place}: [entry.general] has unknown key(s) {', '.join(unknown)} — use {', '.join(sorted(GENERAL_KEYS))}; they were ignored.")
    return table


def _line_numbers(text: str, offsets: Iterable[int]) -> list[int]:
    """1-based line numbers of increasing ``offsets``, counting each newline
    once (counting from the start for every entry was quadratic: 30,000
    entries took 18 s)."""
    lines: list[int] = []
    line, counted = 1, 0
    for offset in offsets:
        line += text.count("\n", counted, offset)
        counted = offset
        lines.append(line)
    return lines


def _parse_entry(raw: Any, place: str, errors: list[str]) -> GlossaryEntry | None:
    """One entry, or None (with one error line) when it cannot be used.
    Unknown keys are reported but do not drop the entry: a typo like
    ``alias =`` should be visible, not fatal."""

    def fail(problem: str, fix: str) -> None:
        errors.append(f"glossary: {place}: {problem} — {fix}; this entry was skipped, the rest were loaded.")

    if not isinstance(raw, dict):
        fail("an entry must be a table", "write it under a line [[entry]]")
        return None
    label = f"entry {raw['id']!r}" if isinstance(raw.get("id"), str) else "entry"
    for key in ("id", "term", "summary"):
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            fail(f"{label} has no {key}", f'add {key} = "..."')
            return None
    category = raw.get("category", "concept")
    if category not in CATEGORIES:
        fail(f"{label} has category {category!r}", f"use one of {', '.join(CATEGORIES)}")
        return None
    lists: dict[str, list[str]] = {}
    for key in ("aliases", "patterns", "related"):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            fail(f"{label}: {key} must be a list of strings", f'write {key} = ["...", "..."]')
            return None
        lists[key] = value
    for pattern in lists["patterns"]:
        problem = pattern_problem(pattern)
        if problem:
            fail(f"{label}: bad pattern {pattern!r}: {problem}", "fix the regular expression")
            return None
    dates = _parse_dates(raw.get("dates", []))
    if dates is None:
        fail(f"{label}: dates must be a list of {{date = \"1994-05-12\", event = \"...\"}}", "fix the dates")
        return None
    reference = raw.get("reference", "")
    if not isinstance(reference, str):
        fail(f"{label}: reference must be a string", 'write reference = "..."')
        return None
    topic = raw.get("topic", "")
    if not isinstance(topic, str):
        fail(f"{label}: topic must be a topic id", 'write topic = "..." (or topic = "" for none)')
        return None
    unknown = sorted(set(raw) - KNOWN_KEYS)
    if unknown:
        errors.append(
            f"glossary: {place}: {label} has unknown key(s) {', '.join(unknown)}"
            f" — use {', '.join(sorted(KNOWN_KEYS))}; the entry was loaded without them."
        )
    return GlossaryEntry(
        id=raw["id"].strip(),
        term=raw["term"].strip(),
        category=category,
        summary=" ".join(raw["summary"].split()),
        aliases=lists["aliases"],
        patterns=lists["patterns"],
        dates=dates,
        related=lists["related"],
        reference=reference.strip(),
        topic=topic.strip(),
    )


def _parse_dates(value: Any) -> list[KeyDate] | None:
    """TOML may give a bare date (1994-05-12) or a string; both become text."""
    if not isinstance(value, list):
        return None
    dates = []
    for item in value:
        if not isinstance(item, dict) or "date" not in item or not isinstance(item.get("event"), str):
            return None
        when = item["date"]
        dates.append(KeyDate(date=when.isoformat() if hasattr(when, "isoformat") else str(when), event=item["event"]))
    return dates


_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")


@lru_cache(maxsize=4096)  # checked at load and again when a matcher is built
def pattern_problem(pattern: str) -> str | None:
    """Why ``pattern`` cannot join the combined regex, or None.

    Each pattern becomes one named alternative of a single regex, so it must
    compile inside a group, must not use its own named groups or numbered
    back-references (their numbers shift), and must not match empty text.
    """
    try:
        compiled = re.compile(f"(?P<_probe>{pattern})", re.IGNORECASE)
    except re.error as exc:
        return str(exc)
    if len(compiled.groupindex) > 1:
        return "named groups are not allowed, use (?:...)"
    if _BACKREFERENCE.search(pattern):
        return "back-references are not allowed"
    if compiled.fullmatch("") is not None:
        return "it matches empty text"
    if _nested_repeat(pattern):
        return (
            "a repeat inside a repeat, like (a+)+ or (\\w+\\s?)+, can take exponential time on some texts"
            " — repeat the group once, or make the inner repeat possessive (a++) or atomic (?>...)"
        )
    try:
        regex.compile(f"(?P<_probe>{pattern})", regex.IGNORECASE)
    except regex.error as exc:
        return str(exc)
    return None


def _nested_repeat(pattern: str) -> bool:
    """Whether an unbounded repeat holds another repeat of more than one
    step, the shape behind catastrophic backtracking.  Possessive repeats and
    atomic groups never backtrack into themselves, so they are allowed."""
    try:
        parsed = _sre_parser.parse(pattern, re.IGNORECASE)
    except Exception:  # noqa: BLE001 - compile errors are reported elsewhere
        return False
    return _has_nested_repeat(list(parsed), inside=False)


def _has_nested_repeat(items: list[tuple[Any, Any]], inside: bool) -> bool:
    for op, av in items:
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT"):
            low, high, body = av
            many = high > 1
            if inside and many:
                return True
            if _has_nested_repeat(list(body), inside or (many and high > _BOUNDED_REPEAT)):
                return True
        elif name == "SUBPATTERN":
            if _has_nested_repeat(list(av[-1]), inside):
                return True
        elif name == "BRANCH":
            if any(_has_nested_repeat(list(alt), inside) for alt in av[1]):
                return True
        elif name == "ASSERT" or name == "ASSERT_NOT":
            if _has_nested_repeat(list(av[1]), inside):
                return True
        # ATOMIC_GROUP and POSSESSIVE_REPEAT: no backtracking into them
    return False


_BOUNDED_REPEAT = 10  # (\w+ ){1,3} is polynomial and fine; {1,100} is not


def required_literals(pattern: str) -> frozenset[str] | None:
    """Folded strings of which every match of ``pattern`` contains (or, in a
    lookaround, touches) at least one; None when none of 3+ characters can be
    proven.  Used only to skip patterns that cannot match a text, so when in
    doubt it answers None and the pattern always runs."""
    try:
        parsed = _sre_parser.parse(pattern, re.IGNORECASE)
    except Exception:  # noqa: BLE001 - any parser trouble just disables the shortcut
        return None
    found = _required(list(parsed))
    if not found or min(len(s) for s in found) < 3:
        return None
    return frozenset(fold(s) for s in found)


def _required(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The best required set of one sequence: a literal run, or the union over
    a branch whose every alternative has one; repeats count when min >= 1."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or _literal_score(found) > _literal_score(best)):
            best = found

    def flush() -> None:
        if run:
            consider(frozenset({"".join(run)}))
            run.clear()

    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(av))
            continue
        flush()
        if name == "SUBPATTERN":
            consider(_required(list(av[-1])))
        elif name == "ATOMIC_GROUP":
            consider(_required(list(av)))
        elif name == "ASSERT":
            consider(_required(list(av[1])))
        elif name == "BRANCH":
            alternatives = [_required(list(alt)) for alt in av[1]]
            if all(alternatives):
                consider(frozenset().union(*alternatives))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            consider(_required(list(av[2])))
    flush()
    return best


def _literal_score(found: frozenset[str]) -> tuple[int, int]:
    return (min(len(s.strip()) for s in found), -len(found))


# -- fingerprint -------------------------------------------------------------


def glossary_fingerprint(entries: Mapping[str, GlossaryEntry] | Iterable[GlossaryEntry]) -> str:
    """A stable hash of what the entries say and of the matching rules, so the
    index can tell the glossary changed and re-link its articles.  ``origin``
    is left out: moving an entry to another file changes no link."""
    values = entries.values() if isinstance(entries, Mapping) else entries
    payload = []
    for entry in sorted(values, key=lambda e: e.id):
        data = entry.to_json()
        data.pop("origin", None)
        payload.append(data)
    blob = json.dumps({"matcher": MATCHER_VERSION, "entries": payload}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


# -- matching --------------------------------------------------------------

ANY, PROPER, ACRONYM = 0, 1, 2  # how strictly a name's case must agree


def _case_rule(name: str) -> int:
    letters = [c for c in name if c.isalpha()]
    if not any(c.isupper() for c in letters):
        return ANY
    if len(name) <= ACRONYM_MAX and " " not in name and all(c.isupper() for c in letters):
        return ACRONYM
    return PROPER


def _case_ok(rule: int, written: str) -> bool:
    if rule == ACRONYM:
        return not any(c.islower() for c in written)
    if rule == PROPER:
        return any(c.isupper() for c in written)
    return True


def _variants(name: str) -> set[str]:
    """The folded name, and with hyphens as spaces ("Nagorno Karabakh")."""
    key = _squash(name)
    return {key, key.replace("-", " ")} if key else set()


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    entry: str
    rank: int  # 0 name, 1 pattern: a name wins a tie


class GlossaryMatcher:
    """Finds every glossary entry in a text; build once, call ``find`` often.

    Finding is one Aho-Corasick pass over the folded text (names, plus the
    literal "triggers" of the patterns) and, only when some trigger occurred,
    one pass of a regex combining the patterns that can match; so the BBC
    corpus (5 million characters) links in about a second.
    """

    def __init__(self, entries: Mapping[str, GlossaryEntry] | Iterable[GlossaryEntry], *, scoped: bool = True) -> None:
        """``scoped`` False finds every entry whatever the text is about
        (looking up a term a reader typed)."""
        values = list(entries.values() if isinstance(entries, Mapping) else entries)
        self.entries: dict[str, GlossaryEntry] = {e.id: e for e in values}
        self._scoped = scoped
        # a story-free variant is found through its entry, when the text is not about that story
        self._general = {e.general_of: e.id for e in values if e.general_of and e.general_of in self.entries}
        values = [e for e in values if not (e.general_of and e.general_of in self.entries)]
        self._patterns: list[tuple[str, str]] = [  # (entry id, pattern)
            (entry.id, pattern) for entry in values for pattern in entry.patterns if not pattern_problem(pattern)
        ]
        self._always: frozenset[int] = frozenset()  # patterns without a usable trigger
        self._automaton = self._build_automaton(values)
        self._regexes: dict[frozenset[int], Any] = {}
        self._switched_off: set[int] = set()  # patterns that ran out of time
        self._names: dict[tuple[str, str], str] | None = None
        #: One line per pattern switched off for running out of time.
        self.problems: list[str] = []

    def _build_automaton(self, values: list[GlossaryEntry]) -> ahocorasick.Automaton | None:
        """One automaton for names, pattern triggers and topic terms: values
        are ``(length, name options, pattern indices, topic term rule)``."""
        names: dict[str, dict[tuple[str, int], None]] = {}
        for entry in sorted(values, key=lambda e: not e.scope):  # a name's story-bound entry is tried first
            for name in [entry.term, *entry.aliases]:
                rule = _case_rule(name)
                for key in _variants(name):
                    names.setdefault(key, {})[(entry.id, rule)] = None
        topic_terms: dict[str, int] = {}
        for entry in values:
            for term in entry.scope:
                for key in _variants(term):
                    topic_terms.setdefault(key, _case_rule(term))
        triggers: dict[str, set[int]] = {}
        always = set()
        for index, (_, pattern) in enumerate(self._patterns):
            found = required_literals(pattern)
            if not found:
                always.add(index)
            for literal in found or ():
                triggers.setdefault(literal, set()).add(index)
        self._always = frozenset(always)
        keys = names.keys() | triggers.keys() | topic_terms.keys()
        if not keys:
            return None
        automaton = ahocorasick.Automaton()
        for key in keys:
            options = tuple(names.get(key, ()))
            automaton.add_word(key, (len(key), options, frozenset(triggers.get(key, ())), topic_terms.get(key)))
        automaton.make_automaton()
        return automaton

    def name_index(self) -> dict[tuple[str, str], str]:
        """(category, folded name) -> entry id, built once per matcher."""
        if self._names is None:
            self._names = _name_index(self.entries)
        return self._names

    def find(self, text: str) -> list[GlossaryLink]:
        """Every occurrence of every entry, sorted by start; ``term`` is the
        text as written and ``text[start:end] == term``."""
        plain = straighten(text)
        folded = fold(text)
        hits, live, named = self._scan(text, folded)
        in_scope = self._scope_check(named)
        candidates = [c for c in (self._choose(hit, in_scope) for hit in hits) if c is not None]
        for cand in self._pattern_candidates(plain, live | self._always):
            entry = self._in_scope(cand.entry, in_scope)
            if entry is not None:
                candidates.append(_Candidate(cand.start, cand.end, entry, cand.rank))
        candidates.sort(key=lambda c: (c.start, -(c.end - c.start), c.rank, c.entry))
        links: list[GlossaryLink] = []
        taken_until = 0
        for cand in candidates:
            if cand.start >= taken_until:
                links.append(GlossaryLink(cand.entry, text[cand.start : cand.end], cand.start, cand.end))
                taken_until = cand.end
        return links

    def _scan(self, text: str, folded: str) -> tuple[list[tuple[int, int, str, tuple]], frozenset[int], frozenset[str]]:
        """Name matches that respect word boundaries and plurals (start, end,
        as written, the entries the name may be), the patterns whose trigger
        occurs in the text, and the topic terms it names."""
        hits: list[tuple[int, int, str, tuple]] = []
        live: set[int] = set()
        topic_hits: list[tuple[int, int, str]] = []
        if self._automaton is None:
            return hits, frozenset(), frozenset()
        for last, (length, options, patterns, topic_rule) in self._automaton.iter(folded):
            live.update(patterns)
            if not options and topic_rule is None:
                continue
            start, end = last - length + 1, last + 1
            if _splits_word(folded, start):
                continue
            written = text[start:end]
            stop = _plural_end(folded, end)
            if topic_rule is not None and not _splits_word(folded, stop) and _case_ok(topic_rule, written):
                topic_hits.append((start, end, folded[start:end].replace("-", " ")))
            if options and not _splits_word(folded, stop):
                hits.append((start, stop, written, options))
        # a term inside a longer one ("Karabakh" in "Nagorno-Karabakh") is not named again
        named: set[str] = set()
        reach = -1
        for start, end, term in sorted(topic_hits, key=lambda h: (h[0], -h[1])):
            if end <= reach:
                continue
            named.add(term)
            reach = max(reach, end)
        return hits, frozenset(live), frozenset(named)

    def _scope_check(self, named: frozenset[str]) -> dict[str, bool]:
        """For each scoped entry, whether the text names enough of its topic's terms."""
        out: dict[str, bool] = {}
        by_scope: dict[tuple[tuple[str, ...], int], bool] = {}
        if not self._scoped:
            return out
        for entry in self.entries.values():
            if not entry.scope:
                continue
            key = (tuple(entry.scope), entry.scope_min)
            if key not in by_scope:
                terms = {v.replace("-", " ") for term in entry.scope for v in _variants(term)}
                by_scope[key] = len(terms & named) >= max(1, entry.scope_min)
            out[entry.id] = by_scope[key]
        return out

    def _in_scope(self, entry_id: str, in_scope: dict[str, bool]) -> str | None:
        """The entry itself where the text is about its story, else its
        story-free variant, else None."""
        if in_scope.get(entry_id, True):
            return entry_id
        return self._general.get(entry_id)

    def _choose(self, hit: tuple[int, int, str, tuple], in_scope: dict[str, bool]) -> _Candidate | None:
        start, end, written, options = hit
        for entry_id, rule in options:
            if _case_ok(rule, written):
                chosen = self._in_scope(entry_id, in_scope)
                if chosen is not None:
                    return _Candidate(start, end, chosen, 0)
        return None

    def entries_in_scope(self, text: str) -> set[str]:
        """The entries that may link in ``text`` (those without a story, and
        those whose story it is about): what actors may be linked to."""
        _, _, named = self._scan(text, fold(text))
        in_scope = self._scope_check(named)
        return {e for e in self.entries if in_scope.get(e, True) and not (self.entries[e].general_of in self.entries)} | {
            self._general[e] for e, ok in in_scope.items() if not ok and e in self._general
        }

    def _pattern_candidates(self, plain: str, live: frozenset[int]) -> list[_Candidate]:
        """Pattern matches, within a time limit: a pattern that backtracks
        for ever on this text (``(x|xx)+y`` passes the static check) is found
        by running the patterns one by one, switched off and reported, and
        the others still link."""
        live = live - self._switched_off
        if not live:
            return []
        limit = pattern_time_limit(len(plain))
        try:
            return self._run_patterns(plain, live, limit)
        except TimeoutError:
            pass
        for index in sorted(live):
            try:
                self._run_patterns(plain, frozenset({index}), limit)
            except TimeoutError:
                self._switch_off(index, len(plain), limit)
        live = live - self._switched_off
        return self._run_patterns(plain, live, limit) if live else []

    def _run_patterns(self, plain: str, live: frozenset[int], limit: float) -> list[_Candidate]:
        found = []
        for match in self._regex_for(live).finditer(plain, timeout=limit):
            group = match.lastgroup
            if group is None:
                continue
            start, end = match.span(group)
            if start == end or _splits_word(plain, start) or _splits_word(plain, end):
                continue
            found.append(_Candidate(start, end, self._patterns[int(group[1:])][0], 1))
        return found

    def _switch_off(self, index: int, size: int, limit: float) -> None:
        self._switched_off.add(index)
        self._regexes.clear()
        entry_id, pattern = self._patterns[index]
        origin = self.entries[entry_id].origin or "glossary"
        self.problems.append(
            f"glossary: {origin}: entry {entry_id!r}: pattern {pattern!r} took too long "
            f"(over {limit:.0f} s on a text of {size:,} characters) and was switched off — simplify it"
        )

    def _regex_for(self, live: frozenset[int]) -> Any:
        """The combined regex of the ``live`` patterns, one named group each
        (``g<index>``), compiled once per distinct set.  The leading
        ``(?<!\\w)`` lets the engine skip mid-word positions at once.  The
        ``regex`` module, because its matching takes a time limit."""
        compiled = self._regexes.get(live)
        if compiled is None:
            if len(self._regexes) >= 256:
                self._regexes.clear()
            body = "|".join(f"(?P<g{i}>{self._patterns[i][1]})" for i in sorted(live))
            compiled = self._regexes[live] = regex.compile(rf"(?<!\w)(?:{body})", regex.IGNORECASE)
        return compiled


#: Seconds the glossary patterns may take on one text: generous for a text
#: of any size (the BBC corpus links at 5 million characters a second).
PATTERN_SECONDS = float(os.environ.get("READER_PATTERN_SECONDS", "2"))


def pattern_time_limit(size: int) -> float:
    return PATTERN_SECONDS + size / 200_000


def _plural_end(folded: str, end: int) -> int:
    """Extend a name over a plural ``s``/``es`` ending when it ends the word."""
    if not folded[end - 1 : end].isalpha():
        return end
    for suffix in ("s", "es"):
        stop = end + len(suffix)
        if folded.startswith(suffix, end) and not _splits_word(folded, stop):
            return stop
    return end


# -- actors and look-up ------------------------------------------------------

_ACTOR_CATEGORIES = {
    "person": {"person"},
    "organization": {"organization"},
    "group": {"organization"},
    "country": {"place"},
    "document": set(),
}


def link_actors(
    actors: list[Actor],
    entries: Mapping[str, GlossaryEntry],
    matcher: GlossaryMatcher | None = None,
    allowed: set[str] | None = None,
) -> None:
    """Set ``Actor.entry`` when the actor's name or an alias is an entry's
    term or alias (an actor "Nikol Pashinyan" gets "nikol-pashinyan").

    Only entries of a fitting category count, so the country "Armenia" never
    becomes the person "Pashinyan".  When no name matches exactly, a name that
    *ends* with an entry's name ("Armenian Prime Minister Nikol Pashinyan")
    is accepted, since the head of an English noun phrase comes last.

    Pass the ``matcher`` built for ``entries`` when linking many articles:
    its name index is built once, not once per article.  ``allowed`` (the
    matcher's ``entries_in_scope`` of the article) keeps an entry written for
    one story off an actor of another: its story-free variant is used, or none.
    """
    if matcher is None or matcher.entries.keys() != entries.keys():
        matcher = None
        index = _name_index(entries)
    else:
        index = matcher.name_index()
    for actor in actors:
        categories = _ACTOR_CATEGORIES.get(actor.kind, {"person", "organization"})
        names = [actor.name, *actor.aliases]
        found = _exact_entry(names, categories, index)
        if found is None:
            matcher = matcher or GlossaryMatcher(entries)
            found = _tail_entry(names, categories, matcher)
        if found is not None and allowed is not None and found not in allowed:
            variant = found + GENERAL_SUFFIX
            found = variant if variant in allowed and entries.get(variant) is not None else None
        if found is not None:
            actor.entry = found


def _name_index(entries: Mapping[str, GlossaryEntry]) -> dict[tuple[str, str], str]:
    """(category, folded name) -> entry id, for every term and alias (an
    entry's own, not its story-free variant's)."""
    index: dict[tuple[str, str], str] = {}
    for entry in entries.values():
        if entry.general_of and entry.general_of in entries:
            continue
        for name in [entry.term, *entry.aliases]:
            for key in _variants(name):
                index.setdefault((entry.category, key), entry.id)
    return index


def _exact_entry(names: list[str], allowed: set[str], index: dict[tuple[str, str], str]) -> str | None:
    for name in names:
        for category in sorted(allowed):
            for key in _variants(name):
                if (category, key) in index:
                    return index[(category, key)]
    return None


def _tail_entry(names: list[str], allowed: set[str], matcher: GlossaryMatcher) -> str | None:
    for name in names:
        name = name.strip()
        for link in reversed(matcher.find(name)):
            if link.end == len(name) and matcher.entries[link.entry].category in allowed:
                return link.entry
    return None


def entry_for_term(query: str, entries: Mapping[str, GlossaryEntry]) -> GlossaryEntry | None:
    """The entry a reader means by ``query`` (``reader glossary TERM``).

    In order: an id, a term or alias (any case, hyphen or space); a phrasing
    the entry's patterns recognise ("1994 ceasefire"); a close spelling
    ("Pashinian"); a name containing the query or contained in it.
    """
    wanted = _squash(query)
    if not wanted:
        return None
    if query.strip() in entries:
        return entries[query.strip()]
    names: dict[str, str] = {}  # folded name -> entry id
    for entry in entries.values():
        for name in [entry.id, entry.term, *entry.aliases]:
            for key in _variants(name):
                names.setdefault(key, entry.id)
    for key in _variants(query):
        if key in names:
            return entries[names[key]]
    found = _by_matcher(query, entries) or _by_spelling(wanted, names) or _by_substring(wanted, names)
    return entries[found] if found else None


def _by_matcher(query: str, entries: Mapping[str, GlossaryEntry]) -> str | None:
    """The entry whose link covers most of the query."""
    links = GlossaryMatcher(entries, scoped=False).find(query)
    if not links:
        return None
    best = max(links, key=lambda link: link.end - link.start)
    covered = best.end - best.start
    return best.entry if covered >= 0.6 * len(query.strip()) else None


def _by_spelling(wanted: str, names: dict[str, str]) -> str | None:
    close = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.8)
    return names[close[0]] if close else None


def _by_substring(wanted: str, names: dict[str, str]) -> str | None:
    if len(wanted) < 3:
        return None
    hits = [key for key in names if wanted in key or (len(key) >= 4 and key in wanted)]
    if not hits:
        return None
    # The closest in length is the most specific: "minsk" -> "minsk group".
    return names[min(hits, key=lambda key: (abs(len(key) - len(wanted)), key))]
