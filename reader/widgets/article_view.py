"""The text pane: the article as a reader expects it, with its claims in colour.

A Line-API widget: the article is laid out into rows of character offsets
(``text_layout``), and each visible row is rendered from a ``rich.text.Text``
styled from those offsets — article text is never parsed as markup.  Knowing
the offsets of every row lets a click find the statement or glossary term
under the mouse and a jump scroll to any character, and a selection (the
mouse's, or the keyboard's: ``v`` then shift and the arrows) map back to
the article's characters for a highlight.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from index.dates import shown_date
from index.models import Article, GlossaryLink, Span

from ..colors import ActorColours, article_colours, blend, text_on, tint
from ..messages import EntryChosen, StatementChosen, TextScrolled, TextSelected
from . import text_layout as tl

GUTTER = 2  # a mark for the current statement, then a space
HIGHLIGHT_TINT = 0.3  # how much of the highlight colour shows over the background
MAX_MEASURE = 92  # longer lines are hard to read


@dataclass(slots=True)
class Marks:
    """What the reader has singled out: drawn over the article."""

    actor: str | None = None  # current actor: its statements light up
    current: int | None = None  # current statement (position)
    hits: tuple[Span, ...] = ()
    hit: int | None = None  # current hit (index into hits)
    highlights: tuple[Span, ...] = ()  # the reader's saved highlights
    selection: Span | None = None  # text selected with the mouse or keys


class ArticleView(ScrollView, can_focus=True):
    """The article text with statements, cues, terms and hits marked."""

    COMPONENT_CLASSES = {
        "article-view--title",
        "article-view--heading",
        "article-view--meta",
        "article-view--cue",
        "article-view--term",
        "article-view--term-cursor",
        "article-view--hit",
        "article-view--hit-current",
        "article-view--highlight",
        "article-view--selection",
        "article-view--placeholder",
        "article-view--highlight",  # reserved for reader highlights (issue 14): see reader.tcss
    }

    BINDINGS = [
        Binding("e", "next_term", "Next term"),
        Binding("E", "previous_term", "Previous term", show=False),
        Binding("enter", "open_term", "Term card", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("shift+space", "page_up", "Page up", show=False),
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "End", show=False),
        Binding("v", "select_sentence", "Select a sentence", show=False),
        Binding("shift+right", "extend(1, 'word')", "Select one more word", show=False),
        Binding("shift+left", "extend(-1, 'word')", "Select one word less", show=False),
        Binding("shift+down", "extend(1, 'sentence')", "Select one more sentence", show=False),
        Binding("shift+up", "extend(-1, 'sentence')", "Select one sentence less", show=False),
    ]

    term_index: reactive[int | None] = reactive(None, init=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self.marks = Marks()
        self._display = ""
        self._blocks: list[tl.Block] = []
        self._rows: list[tl.Row] = []
        self._row_starts: list[int] = []  # start offset of each text row …
        self._row_numbers: list[int] = []  # … and its row number
        self._links: list[GlossaryLink] = []
        self._spans: list[tuple[int, int, Style]] = []
        self._colours: ActorColours | None = None
        self._block_cache: dict[int, Text] = {}
        self._strip_cache: dict[int, Strip] = {}
        self._width = 0
        self._left = 0
        self._pending: tuple[int, bool] | None = None
        self._message = "Opening the article…"
        self._sentences: list[Span] = []  # for selecting with the keyboard
        self._selection: Span | None = None

    # -- what the screen hands down ------------------------------------
    def show_message(self, message: str) -> None:
        """Show a line of text instead of an article (loading, indexing)."""
        self.article = None
        self._message = message
        self._rows = []
        self._row_starts = []
        self._row_numbers = []
        self._forget()
        self.virtual_size = Size(self.size.width, 1)
        self.refresh()

    def show_article(self, article: Article, marks: Marks | None = None) -> None:
        self.article = article
        self.marks = marks or Marks()
        self._display = tl.display_text(article.text)
        span = (article.title_span.start, article.title_span.end) if article.title_span else None
        self._blocks = tl.find_blocks(article.text, span)
        self._links = sorted(article.analysis.glossary, key=lambda link: (link.start, link.end))
        self._sentences = tl.sentences(article.text, self._blocks)
        self._selection = None
        self.term_index = None
        self._width = 0
        self._relayout()
        self._restyle()
        self.scroll_to(y=0, animate=False, immediate=True, force=True)

    def set_marks(self, marks: Marks) -> None:
        self.marks = marks
        self._restyle()

    def scroll_to_offset(self, offset: int, *, top: bool = False) -> None:
        """Bring the character at ``offset`` into view, a third from the top
        (or on the top row with ``top``)."""
        if not self._rows:
            self._pending = (offset, top)
            return
        row = self.row_of(offset)
        y = row if top else max(0, row - max(1, self.scrollable_content_region.height) // 3)
        self.scroll_to(y=y, animate=False, immediate=True, force=True)  # force: the scrollbar of a new text is not shown yet

    def shows(self, offset: int) -> bool:
        """Whether the character at ``offset`` is on one of the rows shown."""
        top = round(self.scroll_y)
        return top <= self.row_of(offset) < top + self.scrollable_content_region.height

    def ensure_visible(self, offset: int) -> None:
        """Scroll only when ``offset`` is off screen."""
        if not self._rows:
            self._pending = (offset, False)
            return
        if not self.shows(offset):
            self.scroll_to_offset(offset)

    def top_offset(self) -> int:
        """The first character shown on the top row (for the session)."""
        if not self._row_numbers:
            return 0
        index = bisect_right(self._row_numbers, round(self.scroll_y) - 1)
        if index >= len(self._row_starts):
            return self._row_starts[-1]
        return self._row_starts[index]

    def row_of(self, offset: int) -> int:
        if not self._row_starts:
            return 0
        index = max(0, bisect_right(self._row_starts, offset) - 1)
        return self._row_numbers[index]

    def visible_text(self) -> str:
        """The rows on screen as plain text (what a reader sees; for tests)."""
        top = round(self.scroll_y)
        height = self.scrollable_content_region.height
        return "\n".join(self.row_plain(y) for y in range(top, min(len(self._rows), top + height)))

    def row_plain(self, index: int) -> str:
        row = self._rows[index]
        if row.literal or row.kind == "blank":
            return row.literal
        return self._display[row.start : row.end]

    # -- layout --------------------------------------------------------
    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        if self.article is None or width <= 0:
            return
        top = self.top_offset() if self._rows and self._width else None
        measure = max(8, min(width - GUTTER - 1, MAX_MEASURE))
        self._left = max(0, (width - GUTTER - measure) // 2) if width > MAX_MEASURE + 30 else 0
        article = self.article
        title = None if any(b.kind == tl.TITLE for b in self._blocks[:1]) else tl.display_text(article.title)
        self._rows = tl.layout(self._display, self._blocks, measure, title=title, meta=self._meta(article))
        self._row_starts = [r.start for r in self._rows if r.start >= 0]
        self._row_numbers = [i for i, r in enumerate(self._rows) if r.start >= 0]
        self._width = width
        self._strip_cache.clear()
        self.virtual_size = Size(width, len(self._rows))
        if self._pending is not None:
            offset, at_top = self._pending
            self._pending = None
            self.call_after_refresh(self.scroll_to_offset, offset, top=at_top)
        elif top is not None:
            self.call_after_refresh(self.scroll_to_offset, top, top=True)
        self.refresh()

    @staticmethod
    def _meta(article: Article) -> str:
        """Source, author and date when the article gives them — never the
        file name, which says nothing a reader needs."""
        author = f"by {article.author}" if article.author else None
        parts = [p for p in (article.source, author, shown_date(article.date)) if p]
        statements = len(article.analysis.statements)
        parts.append(f"{statements} statement{'s' if statements != 1 else ''}")
        return tl.display_text(" · ".join(parts))

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._width:
            self._relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget()
        if self.article is not None:
            self._restyle()

    # -- styling -------------------------------------------------------
    def _forget(self) -> None:
        self._block_cache.clear()
        self._strip_cache.clear()

    def _restyle(self) -> None:
        """Turn the marks into styled spans; rows are re-rendered lazily."""
        article = self.article
        if article is None:
            return
        marks = self.marks
        background = self._background()
        spans: list[tuple[int, int, Style]] = []
        statements = article.analysis.statements
        colours = self._colours = article_colours(article)
        dark = self.app.current_theme.dark
        for statement in statements:
            color = colours.color(statement.actor, dark=dark)
            span = statement.sentence
            if marks.actor and statement.actor == marks.actor:
                spans.append((span.start, span.end, Style(color=color, bgcolor=tint(color, background))))
            else:
                spans.append((span.start, span.end, Style(color=color)))
        cue = self.get_component_rich_style("article-view--cue", partial=True)
        for statement in statements:
            if statement.cue:
                spans.append((statement.cue.start, statement.cue.end, cue))
        term = self.get_component_rich_style("article-view--term", partial=True)
        for link in self._links:
            spans.append((link.start, link.end, term))
        if marks.current is not None and 0 <= marks.current < len(statements):
            statement = statements[marks.current]
            color = colours.color(statement.actor, dark=dark)
            spans.append((statement.sentence.start, statement.sentence.end, Style(color=text_on(color), bgcolor=color)))
        highlight = self.highlight_tint(background)
        for span in marks.highlights:
            spans.append((span.start, span.end, highlight))
        hit_style = self.get_component_rich_style("article-view--hit", partial=True)
        for hit in marks.hits:
            spans.append((hit.start, hit.end, hit_style))
        if marks.hit is not None and 0 <= marks.hit < len(marks.hits):
            hit = marks.hits[marks.hit]
            spans.append((hit.start, hit.end, self.get_component_rich_style("article-view--hit-current", partial=True)))
        if self.term_index is not None and 0 <= self.term_index < len(self._links):
            link = self._links[self.term_index]
            spans.append((link.start, link.end, self.get_component_rich_style("article-view--term-cursor", partial=True)))
        if marks.selection is not None:
            spans.append((marks.selection.start, marks.selection.end, self.get_component_rich_style("article-view--selection", partial=True)))
        self._spans = spans
        self._forget()
        self.refresh()

    def highlight_tint(self, background: str | None = None) -> Style:
        """The reader's highlights: the stylesheet's colour as a light tint of
        the text's own background (the same in the dark and light themes)."""
        background = background or self._background()
        style = self.get_component_rich_style("article-view--highlight", partial=True)
        hue = style.bgcolor.get_truecolor().hex if style.bgcolor is not None else None
        if hue is None:
            return style
        return style + Style(bgcolor=blend(hue, background, HIGHLIGHT_TINT))

    def _background(self) -> str:
        _, background = self.background_colors
        return background.hex6 if background.a else "#000000"

    def watch_term_index(self) -> None:
        self._restyle()

    def _block_text(self, index: int) -> Text:
        cached = self._block_cache.get(index)
        if cached is not None:
            return cached
        block = self._blocks[index]
        base = Style()
        if block.kind == tl.TITLE:
            base = self.get_component_rich_style("article-view--title")
        elif block.kind == tl.HEADING:
            base = self.get_component_rich_style("article-view--heading")
        text = Text(self._display[block.start : block.end], no_wrap=True, end="")
        text.stylize(base)  # Text.render ignores the base style: make it a span
        for start, end, style in self._spans:
            if start < block.end and end > block.start:
                text.stylize(style, max(start, block.start) - block.start, min(end, block.end) - block.start)
        self._block_cache[index] = text
        return text

    def _gutter(self, row: tl.Row) -> list[Segment]:
        article = self.article
        marks = self.marks
        if article is not None and row.start >= 0:
            if marks.hit is not None and 0 <= marks.hit < len(marks.hits):
                hit = marks.hits[marks.hit]
                if hit.start < row.end and hit.end > row.start:
                    return [Segment("▶ ", self.get_component_rich_style("article-view--hit-current", partial=True))]
            if marks.current is not None and 0 <= marks.current < len(article.analysis.statements):
                statement = article.analysis.statements[marks.current]
                if statement.sentence.start < row.end and statement.sentence.end > row.start and self._colours is not None:
                    return [Segment("▌ ", Style(color=self._colours.color(statement.actor, dark=self.app.current_theme.dark)))]
            if any(span.start < row.end and span.end > row.start for span in marks.highlights):
                hue = self.get_component_rich_style("article-view--highlight", partial=True).bgcolor
                return [Segment("▍ ", Style(color=hue, bold=True))]
        return [Segment(" " * GUTTER)]

    # -- rendering -----------------------------------------------------
    def render_line(self, y: int) -> Strip:
        _, scroll_y = self.scroll_offset
        width = self.size.width
        base = self.rich_style
        index = scroll_y + y
        if self.article is None:
            if y == 1:
                style = self.get_component_rich_style("article-view--placeholder")
                return Strip([Segment("  "), Segment(self._message, style)]).crop_extend(0, width, base)
            return Strip.blank(width, base)
        if index >= len(self._rows):
            return Strip.blank(width, base)
        strip = self._strip_cache.get(index)
        if strip is None:
            strip = self._render_row(index)
            self._strip_cache[index] = strip
        return strip.crop_extend(0, width, base).apply_offsets(0, index)

    def _render_row(self, index: int) -> Strip:
        row = self._rows[index]
        segments = [Segment(" " * self._left)] if self._left else []
        segments += self._gutter(row)
        if row.literal:
            name = "article-view--title" if row.kind == tl.TITLE else "article-view--meta"
            text = Text(row.literal, end="")
            text.stylize(self.get_component_rich_style(name))  # full: muted colours blend
        elif row.kind == "blank":
            text = Text("", end="")
        else:
            block = self._blocks[row.block]
            text = self._block_text(row.block)[row.start - block.start : row.end - block.start]
        segments += list(text.render(self.app.console))
        return Strip(segments).apply_style(self.rich_style)

    # -- mouse and keys ------------------------------------------------
    def offset_at(self, x: int, y: int) -> int | None:
        """The character offset under content coordinates (x, y), if any."""
        index = y + round(self.scroll_y)
        if not 0 <= index < len(self._rows):
            return None
        row = self._rows[index]
        if row.start < 0:
            return None
        column = x - self._left - GUTTER
        if column < 0:
            return None
        used = 0
        for offset in range(row.start, row.end):
            used += tl.cell_width(self._display[offset])
            if used > column:
                return offset
        return None

    def statement_at(self, offset: int) -> int | None:
        if self.article is None:
            return None
        best: tuple[int, int] | None = None
        for position, statement in enumerate(self.article.analysis.statements):
            span = statement.sentence
            if span.start <= offset < span.end:
                size = span.end - span.start
                if best is None or size < best[0]:
                    best = (size, position)
        return best[1] if best else None

    def link_at(self, offset: int) -> int | None:
        for index, link in enumerate(self._links):
            if link.start <= offset < link.end:
                return index
        return None

    def on_click(self, event: events.Click) -> None:
        where = event.get_content_offset(self)
        if where is None or self.article is None:
            return
        offset = self.offset_at(where.x, where.y)
        if offset is None:
            return
        event.stop()
        link = self.link_at(offset)
        if link is not None:
            self.term_index = link
            self.post_message(EntryChosen(self._links[link].entry))
            return
        position = self.statement_at(offset)
        if position is not None:
            self.post_message(StatementChosen(position, "text"))

    def _move_term(self, step: int) -> None:
        if not self._links:
            self.notify("This article has no glossary terms.", timeout=3)
            return
        if self.term_index is not None and not self.shows(self._links[self.term_index].start):
            self.term_index = None  # the reader scrolled away: start from what they see
        if self.term_index is None:
            top = self.top_offset()
            following = [i for i, link in enumerate(self._links) if link.start >= top]
            if step > 0:
                index = following[0] if following else 0
            else:
                index = (following[0] - 1) % len(self._links) if following else len(self._links) - 1
        else:
            index = (self.term_index + step) % len(self._links)
        self.term_index = index
        self.ensure_visible(self._links[index].start)

    def action_next_term(self) -> None:
        self._move_term(1)

    def action_previous_term(self) -> None:
        self._move_term(-1)

    def action_open_term(self) -> None:
        if self.term_index is None or not 0 <= self.term_index < len(self._links):
            self.notify("No term chosen: press e to move to the next glossary term.", timeout=3)
            return
        self.post_message(EntryChosen(self._links[self.term_index].entry))

    @property
    def current_term(self) -> GlossaryLink | None:
        if self.term_index is None or not 0 <= self.term_index < len(self._links):
            return None
        return self._links[self.term_index]

    # -- scrolling and selecting ----------------------------------------
    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self.article is not None and round(old_value) != round(new_value):
            self.post_message(TextScrolled(self.top_offset()))

    def _point(self, x: int, y: int, *, end: bool) -> int | None:
        """The article offset at a selection point (a column in characters of
        the rendered row, and a row); title and blank rows snap to the
        nearest text."""
        if not self._rows:
            return None
        y = max(0, min(y, len(self._rows) - 1))
        row = self._rows[y]
        if row.start < 0:  # a literal or blank row: the next (or previous) text
            numbers = self._row_numbers
            index = bisect_right(numbers, y)
            if end:
                return self._rows[numbers[index - 1]].end if index > 0 else None
            return self._rows[numbers[index]].start if index < len(numbers) else None
        column = max(0, x - self._left - GUTTER)
        return min(row.start + column, row.end)

    def span_of_selection(self, selection: Selection) -> Span | None:
        """The characters of the article a Textual selection covers."""
        if self.article is None:
            return None
        if selection.start is None and selection.end is None:
            return Span(0, len(self.article.text))
        start = 0 if selection.start is None else self._point(selection.start.x, selection.start.y, end=False)
        end = len(self.article.text) if selection.end is None else self._point(selection.end.x, selection.end.y, end=True)
        if start is None or end is None or end <= start:
            return None
        text = self.article.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Span(start, end) if end > start else None

    def selection_updated(self, selection: Selection | None) -> None:
        self._select(self.span_of_selection(selection) if selection is not None else None)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        span = self.span_of_selection(selection)
        if span is None or self.article is None:
            return None
        return span.text(self.article.text), "\n"

    def _select(self, span: Span | None) -> None:
        if span != self._selection:
            self._selection = span
            self.post_message(TextSelected(span))

    def clear_selection(self) -> None:
        self._selection = None
        if self.is_attached and self.screen.selections:
            self.screen.clear_selection()

    def action_select_sentence(self) -> None:
        """Select the first sentence on screen (pressed again: the next one);
        shift and the arrows then grow or shrink the selection."""
        if not self._sentences:
            return
        if self._selection is not None and self.shows(self._selection.start):
            index = bisect_right([s.start for s in self._sentences], self._selection.start)
        else:
            top = self.top_offset()
            index = next((i for i, s in enumerate(self._sentences) if s.end > top), len(self._sentences) - 1)
        sentence = self._sentences[min(index, len(self._sentences) - 1)]
        self._select(sentence)
        self.ensure_visible(sentence.start)

    def action_extend(self, step: int, unit: str) -> None:
        article = self.article
        if article is None:
            return
        if self._selection is None:
            self.action_select_sentence()
            return
        start, end = self._selection.start, self._selection.end
        if unit == "word":
            end = tl.next_word_end(article.text, end) if step > 0 else tl.previous_word_end(article.text, end, start)
        else:
            ends = [s.end for s in self._sentences]
            if step > 0:
                index = bisect_right(ends, end)
                end = ends[index] if index < len(ends) else end
            else:
                earlier = [e for e in ends if start < e < end]
                end = earlier[-1] if earlier else end
        if end > start:
            self._select(Span(start, end))
            self.ensure_visible(end - 1)
