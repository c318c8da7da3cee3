"""Reading article files (.txt, .md, .html) into :class:`SourceText`.

One function per format; each returns the text that every offset will point
into, and the title and metadata the format offers.  Errors are raised as
:class:`SourceError` with a one-line reason naming the file.
"""

from __future__ import annotations

import datetime
import errno
import os
import re
import stat
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .decoding import DecodeError, decode_bytes, normalize, path_text
from .models import SourceText, Span

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES

# A sidecar file beside an article gives metadata the article lacks
# (the bundled seed has no headline line, so its title lives there).
SIDECAR_SUFFIX = ".meta.toml"

MAX_TITLE = 120
# A file this large is a book or a dump, not an article: analysing it would
# hold the index for many minutes, so it is skipped with a reason.
MAX_ARTICLE_BYTES = int(os.environ.get("READER_MAX_ARTICLE_BYTES", str(5 * 1024 * 1024)))

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_MD_HEADING = re.compile(r"\A[ \t]*#{1,6}[ \t]+(.+?)[ \t#]*$", re.M)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s")


class SourceError(ValueError):
    """A file that cannot be read as an article; ``str()`` is one line."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path_text(path)}: {reason}")
        self.path = path_text(path)
        self.reason = reason


def read_source(path: Path) -> SourceText:
    """Read one article file; raise :class:`SourceError` with a reason."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise SourceError(path, f"unsupported file type '{suffix or 'none'}' — use .txt, .md or .html")
    try:
        data = read_article_bytes(path)
    except _TooLarge as exc:
        raise SourceError(
            path,
            f"skipped: {exc.size / 1e6:.1f} MB is too large for one article "
            f"(the limit is {exc.limit / 1e6:.0f} MB) — split it into articles",
        ) from None
    except PermissionError:
        raise SourceError(path, "permission denied — make the file readable") from None
    except IsADirectoryError:
        raise SourceError(path, "is a folder, not a file") from None
    except FileNotFoundError:
        raise SourceError(path, "no such file") from None
    except OSError as exc:
        raise SourceError(path, f"cannot be read ({exc.strerror or exc})") from None
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        raise SourceError(path, f"skipped: {exc}") from None
    meta = _read_sidecar(path)
    if suffix in MARKDOWN_SUFFIXES:
        source = _from_markdown(path, text, meta)
    elif suffix in HTML_SUFFIXES:
        source = _from_html(path, text, meta)
    else:
        source = _from_text(path, text, meta)
    source.encoding = encoding
    return source


_SPECIAL_FILES = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _not_regular(mode: int) -> str | None:
    """What a file that is not a regular file is, or None for a regular one."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder")
    return next((what for test, what in _SPECIAL_FILES if test(mode)), "not a regular file")


def read_article_bytes(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    The file is looked at (``stat``) before it is opened, so a FIFO, a
    socket or a device (``/dev/zero`` saved as ``.txt``) is never opened:
    opening a FIFO blocks until a writer comes, and a device reads forever.
    It is then opened without blocking and checked again, in case it was
    swapped meanwhile, and never more than ``limit`` + 1 bytes are read.
    """
    limit = MAX_ARTICLE_BYTES if limit is None else limit
    kind = _not_regular(os.stat(path).st_mode)
    if kind is None:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as stream:
            info = os.fstat(stream.fileno())
            kind = _not_regular(info.st_mode)
            if kind is None:
                if info.st_size > limit:
                    raise _TooLarge(info.st_size, limit)
                data = stream.read(limit + 1)
                if len(data) > limit:  # it grew while we read
                    raise _TooLarge(len(data), limit)
                return data
    raise SourceError(path, f"skipped: this is {kind}, not a regular file — only files are read")


class _TooLarge(OSError):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, f"{size / 1e6:.1f} MB")
        self.size = size
        self.limit = limit


def _read_sidecar(path: Path) -> dict[str, str]:
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    # os.path.isfile answers False for any OSError: a name too long to have
    # a sidecar (ENAMETOOLONG) simply has none
    if not os.path.isfile(sidecar):
        return {}
    try:
        data = tomllib.loads(read_article_bytes(sidecar, MAX_META_BYTES).decode("utf-8"))
    except _TooLarge:
        raise SourceError(sidecar, "metadata file is larger than 64 KB — it holds only title, date, source and url") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        raise SourceError(sidecar, f"metadata file is not valid TOML ({_one_line(str(exc))}) — fix or remove it") from None
    return _metadata(sidecar, data, "metadata")


META_KEYS = ("title", "date", "source", "url", "author")
MAX_META_BYTES = 64 * 1024  # front matter or a sidecar: a few lines of metadata
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")


def _metadata(path: Path, data: dict[Any, Any], where: str) -> dict[str, str]:
    """The known keys of front matter or a sidecar, checked: a value of the
    wrong type or a date that does not exist is reported, not stored."""
    found: dict[str, str] = {}
    for key, value in data.items():
        key = str(key).lower()
        key = "author" if key == "authors" else key
        if key not in META_KEYS or value is None:
            continue
        if isinstance(value, (datetime.date, datetime.time)) and key == "date":
            text = value.isoformat()
        elif key == "author" and isinstance(value, list) and all(isinstance(v, str) for v in value):
            text = ", ".join(v.strip() for v in value if v.strip())  # `authors: [A, B]` in front matter
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            text = str(value).strip()
        else:
            raise SourceError(
                path, f"{where} '{key}' must be text, not {_kind(value)} — write {key} = \"...\" or remove it"
            )
        if key == "date":
            _check_date(path, text, where)
        if text:
            found[key] = normalize(text)
    return found


def _kind(value: Any) -> str:
    return {list: "a list", dict: "a table", bool: "true/false"}.get(type(value), f"a {type(value).__name__}")


def _check_date(path: Path, text: str, where: str) -> None:
    match = _ISO_DATE.match(text)
    if match:
        try:
            datetime.date(*(int(part) for part in match.groups()))
        except ValueError:
            raise SourceError(path, f"{where} date {text!r} is not a real date — write it as YYYY-MM-DD") from None


_NAME_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?=[_\W]|$)")


def date_in_name(path: Path) -> str | None:
    """A file named "2020-09-28_turkey_is_accused….txt" says when it was
    published: the date its name starts with, when it is a real one."""
    match = _NAME_DATE.match(path.name)
    if not match:
        return None
    try:
        return datetime.date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None


def _headline(text: str) -> Span | None:
    """The first line is a headline when a blank line follows it."""
    match = re.match(r"[ \t]*([^\r\n]+?)[ \t]*\r?\n[ \t]*\r?\n", text)
    if match and len(match.group(1)) <= 300:
        return Span(match.start(1), match.end(1))
    return None


def _first_sentence(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    match = _SENTENCE_END.search(line + " ")
    sentence = line[: match.start()] if match else line
    sentence = " ".join(sentence.split())
    if len(sentence) > MAX_TITLE:
        sentence = sentence[: MAX_TITLE - 1].rsplit(" ", 1)[0] + "…"
    return sentence or "(untitled)"


def _titled(path: Path, text: str, span: Span | None, meta: dict[str, str]) -> SourceText:
    """The metadata's title, else the headline line, else the first sentence."""
    title = meta.get("title") or (span.text(text) if span else _first_sentence(text))
    return SourceText(
        path=path_text(path),
        text=text,
        title=_one_line(title),
        title_span=span,
        date=meta.get("date") or date_in_name(path),
        source=meta.get("source"),
        url=meta.get("url"),
        author=meta.get("author"),
    )


def _from_text(path: Path, text: str, meta: dict[str, str]) -> SourceText:
    return _titled(path, text, _headline(text), meta)


def _from_markdown(path: Path, text: str, meta: dict[str, str]) -> SourceText:
    front: dict[str, str] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        front = _parse_front_matter(path, match.group(1))
        text = text[match.end() :]
        if not text.strip():
            raise SourceError(path, "skipped: the file has front matter but no article text")
    front = {**front, **meta}
    span: Span | None = None
    heading = _MD_HEADING.match(text.lstrip("\r\n"))
    if heading:
        offset = len(text) - len(text.lstrip("\r\n"))
        span = Span(offset + heading.start(1), offset + heading.end(1))
    else:
        span = _headline(text)
    return _titled(path, text, span, front)


def _parse_front_matter(path: Path, block: str) -> dict[str, str]:
    import yaml

    if len(block) > MAX_META_BYTES:
        raise SourceError(path, "front matter is larger than 64 KB — it holds only title, date, source and url")
    try:
        data = yaml.load(block, Loader=_front_matter_loader())  # noqa: S506 - a SafeLoader without aliases
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        where = f" (front matter line {line + 2})" if line is not None else ""
        problem = getattr(exc, "problem", None)
        why = f": {problem}" if problem and "alias" in problem else ""
        raise SourceError(path, f"front matter is not valid YAML{where}{why} — fix it or remove it") from None
    except RecursionError:
        raise SourceError(path, "front matter is nested too deeply — fix it or remove it") from None
    if not isinstance(data, dict):
        return {}
    return _metadata(path, data, "front matter")


@lru_cache(maxsize=1)
def _front_matter_loader() -> type:
    """A YAML SafeLoader that refuses aliases and keeps dates as text.

    An alias (``*a``) repeats a node without copying it, so 447 bytes of
    nested aliases describe billions of strings ("billion laughs"): turning
    them into text once took 19.5 GB.  Front matter never needs one.
    Timestamps are left as text so that a date that does not exist
    (2020-10-32) is reported by ``_check_date`` instead of raising.
    """
    import yaml

    class BoundedLoader(yaml.SafeLoader):
        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise yaml.composer.ComposerError(
                    None, None, "aliases (*name) are not allowed in front matter", event.start_mark
                )
            return super().compose_node(parent, index)

    BoundedLoader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return BoundedLoader


#: More elements than this and trafilatura's extraction grows out of bounds
#: (120,000 paragraphs in 4.9 MB: 238 s and 2 GB), so such a page is read
#: by a plain linear strip of its text instead.
MAX_HTML_ELEMENTS = int(os.environ.get("READER_MAX_HTML_ELEMENTS", "20000"))
_HTML_TAG = re.compile(r"<[A-Za-z]")


def _from_html(path: Path, html: str, meta: dict[str, str]) -> SourceText:
    elements = sum(1 for _ in _HTML_TAG.finditer(html))
    if elements > MAX_HTML_ELEMENTS:
        doc = _plain_html(html)
    else:
        import trafilatura
        from trafilatura.settings import set_date_params

        # dates only from the page's markup: the free-text search read
        # "2003 members" as 2003-01-01
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, favor_recall=True, date_extraction_params=set_date_params(extensive=False)
        )
    body = normalize((getattr(doc, "text", None) or "") if doc is not None else "")
    if not body.strip():
        raise SourceError(path, "skipped: no article text found in this web page")
    # trafilatura separates paragraphs with one newline; a blank line reads
    # better and matches the layout of our other formats.
    text = "\n\n".join(line.strip() for line in body.splitlines() if line.strip())
    title = meta.get("title") or (normalize(doc.title) if doc is not None and doc.title else None)
    span = None
    first = text.split("\n", 1)[0]
    if title and first.strip() == title.strip():
        span = Span(0, len(first))
    return SourceText(
        path=path_text(path),
        text=text,
        title=_one_line(title or _first_sentence(text)),
        title_span=span,
        date=meta.get("date") or getattr(doc, "date", None) or date_in_name(path),
        source=meta.get("source") or getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        url=meta.get("url") or getattr(doc, "url", None),
        author=meta.get("author") or getattr(doc, "author", None),
    )


@dataclass(slots=True)
class _PlainPage:
    """What the plain strip of a huge page gives (trafilatura's fields)."""

    text: str
    title: str | None
    date: str | None = None
    sitename: str | None = None
    hostname: str | None = None
    url: str | None = None


_NOT_TEXT = ("script", "style", "noscript", "template", "head", "nav", "footer", "aside", "form", "svg")
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "section", "article")


def _plain_html(html: str) -> _PlainPage:
    """The text of a page, one line per block element: linear in the page."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return _PlainPage("", None)
    title = root.findtext(".//title")
    for node in list(root.iter(*_NOT_TEXT)):
        node.drop_tree()
    for node in root.iter(*_BLOCKS):
        node.tail = "\n" + (node.tail or "")
    text = "\n".join(" ".join(line.split()) for line in root.text_content().splitlines())
    return _PlainPage(text, " ".join(title.split()) if title else None)


def _one_line(title: str) -> str:
    title = " ".join(title.split())
    return title if len(title) <= MAX_TITLE * 2 else title[: MAX_TITLE * 2 - 1] + "…"
