"""The reading screen: the text and its three side panes, and the state that
ties them together (open article, current actor and statement, search hits,
the reader's selection and highlights).

That state is held in reactive attributes; their watchers hand it down to
the panes (one repaint per change, however many attributes changed).  Panes
post messages (:mod:`reader.messages`); this screen decides what they mean.
Anything that touches the index runs in a thread worker, which reports with
a message, so a key press never waits for the disk.

Every move to another article or place (a jump, a search result, a card's
link, a tour step, the articles list, a bookmark) is recorded in the
reader's history (:mod:`reader.userstate`); back and forward return to the
exact place, and the place under the history's cursor is where the app
reopens.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import OptionList
from textual.worker import get_current_worker

from index.models import Article, GlossaryEntry, Span
from index.query import ActorSummary, StatementRef, text_matches
from index.related import ArticleLinks
from index.schema import ORDER_STRIDE
from index.store import content_hash

from ..inert import notify_inert
from ..messages import (
    ActorChosen,
    ArticleChosen,
    ArticleLoaded,
    ArticleMissing,
    EntryChosen,
    IndexingDone,
    IndexingFailed,
    GlossaryRelinked,
    LinksBuilt,
    LinksLoaded,
    Notice,
    OpenRequested,
    RelatedChosen,
    SeedNeeded,
    StatementChosen,
    StatementFound,
    StatementsCounted,
    StatusNote,
    TextScrolled,
    TextSelected,
    TourClosed,
)
from ..speaker_labels import jointly, speaker_label
from ..userstate import BOOKMARK, HIGHLIGHT, Annotation, ArticleRef, Place, UserState
from .annotations_screen import AnnotationsScreen
from .article_view import ArticleView, Marks
from .articles_screen import ArticlesScreen
from .actors_pane import ActorsPane
from .claims_pane import ClaimsPane, speaker_name
from .corpus import Corpus
from .entry_card import EntryCardScreen
from .glossary_pane import GlossaryPane
from .indexing_panel import IndexingPanel
from .key_bar import KeyBar
from .related_list import RelatedTarget
from .related_screen import RelatedScreen
from .search_screen import SearchChoice, SearchScreen
from .side_panes import SidePanes
from .status_line import StatusLine
from .text_layout import display_text, shorten
from .text_prompt import TextPrompt
from .tour_panel import TourPanel

NARROW_WIDTH = 100  # below this (or NARROW_HEIGHT) the side panes fold into tabs
NARROW_HEIGHT = 30
TINY_WIDTH = 60  # below this only the text shows; 2/3/4 swap a pane in
FOLLOW_DELAY = 0.1  # the claims pane follows the text once scrolling pauses
SAVE_DELAY = 1.0  # and the place is saved a little later
BOOKMARK_CHARS = 120  # a bookmark quotes about this much of the top of the screen


def merge_adjacent(text: str, spans: list[tuple[int, int]]) -> list[Span]:
    """Join matches separated only by spaces: "cluster bombs" is one hit."""
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start >= merged[-1][1] and not text[merged[-1][1] : start].strip():
            merged[-1][1] = max(merged[-1][1], end)
        elif merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [Span(start, end) for start, end in merged]


@dataclass(slots=True)
class Target:
    """Where to land when an article opens, and whether history records it."""

    offset: int | None = None  # scroll this character to the top row
    statement: int | None = None
    actor: str | None = None
    entry: str | None = None  # first mention of this glossary entry
    search: SearchChoice | None = None
    at: int | None = None  # bring this character into view (a bookmark, a highlight)
    record: bool = True  # False when history itself moves (back, forward, restart)


@dataclass(frozen=True, slots=True)
class SearchState:
    """The last query, and where it matched in the open article."""

    query: str = ""
    hits: tuple[Span, ...] = ()


def article_ref(article: Article) -> ArticleRef:
    return ArticleRef(content_hash(article.text), article.path, article.title)


class ReaderScreen(Screen[None]):
    """Read one article; jump through an actor's statements across articles."""

    BINDINGS = [
        Binding("slash", "search", "Search"),
        Binding("o", "articles", "Articles"),
        Binding("t", "tour", "Tour"),
        Binding("r", "related", "What others said"),
        Binding("right_square_bracket", "jump(1)", "Next by actor", key_display="]"),
        Binding("left_square_bracket", "jump(-1)", "Prev by actor", key_display="[", show=False),
        Binding("n", "hit(1)", "Next hit", show=False),  # the status line says so when there are hits
        Binding("N", "hit(-1)", "Previous hit", show=False),
        Binding("alt+left,backspace", "back", "Back", key_display="⌫"),
        Binding("alt+right", "forward", "Forward", show=False, key_display="alt+→"),
        Binding("b", "bookmark", "Bookmark"),
        Binding("h", "highlight", "Highlight"),
        Binding("B", "bookmarks", "Bookmarks list", show=False),
        Binding("H", "highlights", "Highlights and notes", show=False),
        Binding("greater_than_sign", "neighbour(1)", "Next article", show=False, key_display=">"),
        Binding("less_than_sign", "neighbour(-1)", "Previous article", show=False, key_display="<"),
        Binding("1", "focus_pane('text')", "Text pane", show=False),
        Binding("2", "focus_pane('claims')", "Claims pane", show=False),
        Binding("3", "focus_pane('actors')", "Actors pane", show=False),
        Binding("4", "focus_pane('glossary')", "Glossary pane", show=False),
        Binding("escape", "clear", "Clear marks", show=False),
    ]

    article: reactive[Article | None] = reactive(None, init=False, always_update=True)
    actor: reactive[str | None] = reactive(None, init=False)
    current: reactive[int | None] = reactive(None, init=False)  # current statement
    search: reactive[SearchState] = reactive(SearchState, init=False)
    hit: reactive[int | None] = reactive(None, init=False)  # current search hit
    selected: reactive[Span | None] = reactive(None, init=False)
    highlights: reactive[tuple[Annotation, ...]] = reactive(tuple, init=False)

    def __init__(
        self,
        corpus: Corpus,
        userstate: UserState,
        history_key: str,
        *,
        paths: list[str] | None = None,
        article: str | None = None,
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self.userstate = userstate
        self.history_key = history_key
        self.actors: list[ActorSummary] = []
        self.entries: dict[str, GlossaryEntry] = {}
        self._paths = list(paths or [])
        self._start_article = article  # `reader open ID`
        self._refs: dict[str, list[StatementRef]] = {}
        self._sync_pending = False
        self._wrapped = False  # the last n/N went round the end
        self._follow_timer: Timer | None = None
        self._save_timer: Timer | None = None
        self.last_ingest: str | None = None  # what the last indexing run did
        self.links = ArticleLinks("")  # the open article's claims and link counts

    # -- layout --------------------------------------------------------
    def compose(self) -> ComposeResult:
        self._view = ArticleView(id="text")
        with Horizontal(id="main"):
            with Vertical(id="text-column"):
                yield IndexingPanel(self.corpus, id="indexing")
                yield self._view
            yield SidePanes(self.corpus, id="side")
            yield TourPanel(self.corpus, id="tour")
        yield StatusLine(id="status")
        yield KeyBar(id="keys")

    @property
    def view(self) -> ArticleView:
        return self._view

    @property
    def side(self) -> SidePanes:
        return self.query_one(SidePanes)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    def on_mount(self) -> None:
        self.query_one("#text-column").border_title = "Text"
        self.view.focus()
        if self._paths:
            self.index_paths(self._paths)
        else:
            self._open_start()

    def on_resize(self) -> None:
        width, height = self.size
        self.set_class(width < NARROW_WIDTH or height < NARROW_HEIGHT, "-narrow")
        self.set_class(width < TINY_WIDTH, "-tiny")

    # -- state → panes (watchers) ---------------------------------------
    def watch_article(self, article: Article | None) -> None:
        if article is None:
            return
        self.view.show_article(article, self._marks())
        self.call_after_refresh(self._fill_panes, article)  # the text paints first
        self.app.sub_title = display_text(article.title)

    def watch_actor(self) -> None:
        self._state_changed()

    def watch_current(self) -> None:
        self._state_changed()

    def watch_search(self) -> None:
        self._state_changed()

    def watch_hit(self) -> None:
        self._state_changed()

    def watch_selected(self) -> None:
        self._state_changed()

    def watch_highlights(self) -> None:
        self._state_changed()

    def _state_changed(self) -> None:
        """Several attributes often change together: repaint once, after them."""
        if not self._sync_pending:
            self._sync_pending = True
            self.call_after_refresh(self._sync)

    def _sync(self) -> None:
        if not self._sync_pending:
            return  # applied already, before the frame (``_sync_now``)
        self._sync_pending = False
        self.view.set_marks(self._marks())
        self._sync_panes()
        self._say_where()

    def _marks(self) -> Marks:
        return Marks(
            self.actor,
            self.current,
            self.search.hits,
            self.hit,
            tuple(Span(a.start, a.end) for a in self.highlights if not a.orphaned),
            self.selected,
        )

    def _sync_panes(self) -> None:
        """Move the panes' highlights to the current statement and actor."""
        self.side.query_one(ClaimsPane).sync(self.current)
        self.side.query_one(ActorsPane).sync(self.actor)

    # -- opening -------------------------------------------------------
    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _open_start(self, seed: bool = True) -> None:
        """Reopen where the reader left off (or the article asked for); index
        the seed on a first run."""
        store = self.corpus.store
        if store.is_empty():
            if seed:
                self.post_message(SeedNeeded())
            else:
                self.post_message(StatusNote("The index holds no articles yet: run `reader PATH…` to add some."))
            return
        if self._start_article is not None:
            self.post_message(ArticleChosen(self._start_article))
        else:
            place = self.userstate.current_place(self.history_key)
            aid = self._find(place) if place is not None else None
            if aid is None:
                first = self.corpus.first_article()
                if first is not None:
                    self.post_message(ArticleChosen(first))
            else:
                assert place is not None
                self.post_message(OpenRequested(aid, Target(offset=place.offset, statement=place.statement, actor=place.actor, record=False)))
        self._check_glossary()

    def _find(self, place: Place) -> str | None:
        """The article of a place: by id, else the newer version of its file."""
        if self.corpus.store.header(place.article) is not None:
            return place.article
        return self.corpus.article_for_path(place.path) if place.path else None

    def _check_glossary(self) -> None:
        """Re-link indexed articles when the glossary files changed (a user's
        own entries, say); runs in the start-up worker, after the article."""
        from index.ingest import ensure_glossary
        from index.store import StoreError

        store = self.corpus.store
        before = store.state().get("glossary")
        try:
            errors = ensure_glossary(store)
        except StoreError as exc:
            self.post_message(Notice(str(exc), "warning"))
            return
        for line in errors:
            self.post_message(Notice(line, "warning", 10))
        if store.state().get("glossary") != before:
            self.corpus.invalidate()
            self.post_message(GlossaryRelinked())
        self._link_missing()

    def _link_missing(self) -> None:
        """Build the links between statements that an older index lacks
        (the start-up worker, after the article is on screen)."""
        from index.store import StoreError

        try:
            problems = self.corpus.link_missing()
        except StoreError as exc:
            problems = [str(exc)]
        for line in problems:
            self.post_message(Notice(line, "warning", 10))
        if not problems and self.corpus.links_built:
            self.post_message(LinksBuilt())

    @on(Notice)
    def _notice(self, message: Notice) -> None:
        notify_inert(self, message.text, severity=message.severity, timeout=message.timeout)

    @on(GlossaryRelinked)
    def _glossary_relinked(self) -> None:
        self.app.notify("The glossary changed: every article was linked to it again.")
        article = self.article
        if article is not None:
            self.open_article(article.id, Target(offset=self.view.top_offset(), record=False))

    @on(LinksBuilt)
    def _links_built(self) -> None:
        article = self.article
        if article is not None:
            self._load_links(article)

    @on(OpenRequested)
    def _open_requested(self, message: OpenRequested) -> None:
        self.open_article(message.article_id, message.target)

    def open_article(self, aid: str, target: Target | None = None) -> None:
        """Open an article (loaded in a worker)."""
        target = target or Target()
        if target.record:
            self._save_place()
        if self.article is None:
            self.view.show_message("Opening the article…")
        self._load(aid, target)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _load(self, aid: str, target: Target) -> None:
        article = self.corpus.article(aid)
        if article is None:
            self.post_message(ArticleMissing(aid))
            return
        actors = self.corpus.article_actors(article)
        entries = self.corpus.entries()
        ref = article_ref(article)
        store = self.corpus.store
        anchored = self.userstate.reanchor(ref, article.text, in_index=lambda other: store.header(other) is not None)
        highlights = self.userstate.annotations(HIGHLIGHT, article=ref.hash)
        # the claims' links come with the article: the claims pane is built
        # once, not built and then recoloured when a second worker answers
        links = self.corpus.article_links(article)
        if not get_current_worker().is_cancelled:  # a newer choice replaced this one
            self.post_message(
                ArticleLoaded(article, actors, entries, target, highlights, len(anchored.moved), len(anchored.orphaned), links)
            )

    @on(ArticleMissing)
    def _missing(self, message: ArticleMissing) -> None:
        self.status.say(("That article is no longer in the index.", "bold"))

    @on(ArticleLoaded)
    def _loaded(self, message: ArticleLoaded) -> None:
        article, target = message.article, message.target
        self.actors, self.entries = message.actors, message.entries
        self.view.clear_selection()
        self.selected = None
        self.hit = None
        self.current = None
        self.search = SearchState(self.search.query)
        self.highlights = tuple(message.highlights)
        if message.links is not None:
            self.links = message.links
        if target.actor is not None:
            self.actor = target.actor
        statements = article.analysis.statements
        if target.statement is not None and 0 <= target.statement < len(statements):
            self.current = target.statement
            if target.actor is None and statements[target.statement].actor:
                self.actor = statements[target.statement].actor
        if target.search is not None:
            self._apply_search(article, target.search)
        self.article = article
        if target.entry is not None:
            self._land_on_entry(target.entry)
        elif self.hit is not None:
            self.view.scroll_to_offset(self.search.hits[self.hit].start)
        elif target.offset is not None:  # where the reader was (history, card)
            self.view.scroll_to_offset(target.offset, top=True)
        elif target.at is not None:
            self.view.scroll_to_offset(target.at)
        elif self.current is not None:
            self.view.scroll_to_offset(statements[self.current].sentence.start)
        tour = self.query_one(TourPanel)
        if tour.display:
            if self.current is not None:  # a tour's "what others said" went there (or back): tour on from it
                tour.start(article, self.actors, self.entries, self.current, self.links, move=False)
            else:
                self._close_tour()
        if message.orphaned:
            count = message.orphaned
            self.notify(
                f"{count} highlight{'s' if count != 1 else ''} could not be found in this version of the article: "
                "they are kept, and listed under H (highlights)",
                severity="warning",
                timeout=8,
            )
        if message.moved:
            self.notify(f"{message.moved} highlight{'s' if message.moved != 1 else ''} found again in the changed text.", timeout=5)
        self._state_changed()
        if target.record:
            self.call_after_refresh(self._record_visit)
        else:
            self.call_after_refresh(self._save_place)

    def _fill_panes(self, article: Article) -> None:
        if article is not self.article:
            return  # another article opened meanwhile
        self.side.query_one(ClaimsPane).show_article(article, self.links)
        self.side.query_one(ActorsPane).show_article(self.actors)
        self.side.query_one(GlossaryPane).show_article(article, self.entries)
        self._sync_panes()
        if self.links.article == article.id:
            self.query_one(TourPanel).set_links(self.links)
        else:
            self._load_links(article)

    @work(thread=True, exclusive=True, group="links", exit_on_error=False)
    def _load_links(self, article: Article) -> None:
        self.post_message(LinksLoaded(article.id, self.corpus.article_links(article)))

    @on(LinksLoaded)
    def _links_loaded(self, message: LinksLoaded) -> None:
        article = self.article
        if article is None or message.article_id != article.id:
            return
        self.links = message.links
        self.side.query_one(ClaimsPane).show_links(message.links)
        self.query_one(TourPanel).set_links(message.links)

    # -- what others said ----------------------------------------------------
    def action_related(self) -> None:
        """What others said on the subject of the current statement."""
        article = self.article
        if article is None:
            return
        if self.current is None:
            self.app.bell()
            self.status.say(("No statement chosen: ", "bold"), "click a coloured statement, or choose one in Claims (2), then press r.")
            return
        statement = article.analysis.statements[self.current]
        claim = self.links.claims.get(self.current) if self.links.article == article.id else None
        words = claim.text if claim else (statement.content or statement.sentence).text(article.text)
        screen = RelatedScreen(self.corpus, article.id, self.current, speaker_name(article, statement), words)
        self.app.push_screen(screen, self._related_chosen)

    def _related_chosen(self, target: RelatedTarget | None) -> None:
        if target is not None:
            self.go_to_statement(target.article, target.position)

    @on(RelatedChosen)
    def _related_from_tour(self, message: RelatedChosen) -> None:
        message.stop()
        self.go_to_statement(message.article_id, message.position)

    def go_to_statement(self, aid: str, position: int) -> None:
        """Go to a statement (recorded in history, so Back returns)."""
        article = self.article
        if article is not None and aid == article.id:
            if self.query_one(TourPanel).display:
                self._moved_within(lambda: self.query_one(TourPanel).show(position))
                return
            statement = article.analysis.statements[position]

            def move() -> None:
                self.current = position
                self.actor = statement.actor
                self.view.scroll_to_offset(statement.sentence.start)

            self._moved_within(move)
            return
        self.open_article(aid, Target(statement=position))

    def _land_on_entry(self, entry_id: str) -> None:
        view = self.view
        for index, link in enumerate(sorted(self.article.analysis.glossary, key=lambda g: (g.start, g.end))):  # type: ignore[union-attr]
            if link.entry == entry_id:
                view.term_index = index
                view.scroll_to_offset(link.start)
                return

    # -- history --------------------------------------------------------
    def place(self) -> Place | None:
        """Where the reader is now."""
        article = self.article
        if article is None:
            return None
        return Place(article.id, self.view.top_offset(), self.actor, self.current, article.path, article.title, time.time())

    def _save_place(self) -> None:
        """Remember where the reader is in the place under the history's cursor."""
        place = self.place()
        if place is not None:
            self.userstate.update_place(self.history_key, place)

    def _record_visit(self) -> None:
        place = self.place()
        if place is not None:
            self.userstate.visit(self.history_key, place)

    def _moved_within(self, move: Callable[[], None]) -> None:
        """A move inside the open article: remember the place left, then the
        place reached (once the text has scrolled there)."""
        self._save_place()
        move()
        self.call_after_refresh(self._record_visit)

    def action_back(self) -> None:
        self._step_history(-1)

    def action_forward(self) -> None:
        self._step_history(1)

    def _step_history(self, step: int) -> None:
        self._save_place()
        place = self.userstate.step(self.history_key, step)
        if place is None:
            self.app.bell()
            self.status.say("Nothing further " + ("back" if step < 0 else "forward") + " in your history.")
            return
        article = self.article
        if article is not None and place.article == article.id:
            self.actor, self.current = place.actor, place.statement
            self.view.scroll_to_offset(place.offset, top=True)
            return
        self._open_place(place)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _open_place(self, place: Place) -> None:
        aid = self._find(place)
        if aid is None:
            self.post_message(StatusNote(f"“{shorten(place.title or place.article, 60)}” is no longer in the index."))
            return
        self.post_message(OpenRequested(aid, Target(offset=place.offset, statement=place.statement, actor=place.actor, record=False)))

    def on_unmount(self) -> None:
        self._save_place()

    @on(TextScrolled)
    def _scrolled(self, message: TextScrolled) -> None:
        message.stop()
        for timer in (self._follow_timer, self._save_timer):
            if timer is not None:
                timer.stop()
        self._follow_timer = self.set_timer(FOLLOW_DELAY, self._follow_text)
        self._save_timer = self.set_timer(SAVE_DELAY, self._save_place)

    def _follow_text(self) -> None:
        """The claims pane follows the text: when the current statement is
        off screen (or there is none), it shows the first statement on screen."""
        article = self.article
        if article is None:
            return
        statements = article.analysis.statements
        if self.current is not None and self.view.shows(statements[self.current].sentence.start):
            return
        top = self.view.top_offset()
        position = next((i for i, s in enumerate(statements) if s.sentence.end > top), None)
        if position is not None and self.view.shows(statements[position].sentence.start):
            self.side.query_one(ClaimsPane).sync(position)

    # -- indexing ------------------------------------------------------
    @on(SeedNeeded)
    def _seed(self) -> None:
        self.view.show_message("Indexing the bundled article…")
        self.status.say("First run: indexing the bundled article.")
        self.query_one(IndexingPanel).seed()

    def index_paths(self, paths: list[str]) -> None:
        if self.article is None:
            self.view.show_message("Adding your articles to the index…")
        self.query_one(IndexingPanel).add(paths)

    @on(IndexingDone)
    def _indexed(self, message: IndexingDone) -> None:
        self.last_ingest = message.summary
        self.status.say(("Index: ", "bold"), message.summary)
        notify_inert(self, f"Index: {message.summary}", timeout=5)
        for line in message.problems[:5]:
            notify_inert(self, line, severity="warning", timeout=8)
        if message.article is not None:
            self.open_article(message.article)
        elif self.article is None:
            self._open_start(seed=False)

    @on(IndexingFailed)
    def _indexing_failed(self, message: IndexingFailed) -> None:
        self.status.say(("Indexing failed: ", "bold red"), message.reason)
        notify_inert(self, f"Indexing failed: {message.reason}", severity="error", timeout=10)
        if self.article is None:
            self._open_start(seed=False)  # read what the index already holds

    @on(StatusNote)
    def _status_note(self, message: StatusNote) -> None:
        if self.article is None:
            self.view.show_message(message.text)
        else:
            self.status.say(message.text)

    # -- choices from the panes ---------------------------------------
    @on(StatementChosen)
    def _statement_chosen(self, message: StatementChosen) -> None:
        message.stop()
        article = self.article
        if article is None or not 0 <= message.position < len(article.analysis.statements):
            return
        statement = article.analysis.statements[message.position]

        def choose() -> None:
            self.current = message.position
            self.actor = statement.actor
            if message.origin != "text":
                self.view.ensure_visible(statement.sentence.start)

        if message.move:
            self._moved_within(choose)
        else:
            choose()

    @on(ActorChosen)
    def _actor_chosen(self, message: ActorChosen) -> None:
        message.stop()
        article = self.article
        self.actor = message.actor_id
        self.current = None
        if article is not None:
            groups = {a.id for a in article.analysis.actors if message.actor_id in a.members}
            for position, statement in enumerate(article.analysis.statements):
                if statement.actor == message.actor_id or statement.actor in groups:
                    self.current = position
                    self.view.ensure_visible(statement.sentence.start)
                    break

    @on(EntryChosen)
    def _entry_chosen(self, message: EntryChosen) -> None:
        message.stop()
        self.show_entry(message.entry_id)

    def show_entry(self, entry_id: str) -> None:
        aid = self.article.id if self.article else None
        self.app.push_screen(EntryCardScreen(self.corpus, entry_id, current_article=aid), self._card_closed)

    def _card_closed(self, choice: ArticleChosen | None) -> None:
        if choice is None:
            return
        if self.article is not None and choice.article_id == self.article.id and choice.entry_id:
            entry = choice.entry_id
            self._moved_within(lambda: self._land_on_entry(entry))
            return
        self.open_article(choice.article_id, Target(offset=choice.offset, entry=choice.entry_id))

    @on(ArticleChosen)
    def _article_chosen(self, message: ArticleChosen) -> None:
        message.stop()
        self._card_closed(message)

    # -- jumping through an actor's statements ------------------------
    def action_jump(self, step: int) -> None:
        article = self.article
        if article is None:
            return
        actor = self.actor
        if actor is None:
            self.app.bell()
            self.status.say(("No current actor: ", "bold"), "click a coloured statement, or choose one in Actors (3).")
            return
        statements = article.analysis.statements
        if self.current is not None:
            position = self.current
        else:
            top = self.view.top_offset()
            after = next((i for i, s in enumerate(statements) if s.sentence.start >= top), len(statements))
            position = after - 1 if step > 0 else after
        self._jump(actor, article.seq * ORDER_STRIDE + position, step > 0)

    @work(thread=True, exclusive=True, group="jump", exit_on_error=False)
    def _jump(self, actor: str, order: int, forward: bool) -> None:
        refs = self.corpus.statements_of(actor)
        ref = self.corpus.next_statement(actor, order, forward=forward)
        if not get_current_worker().is_cancelled:
            self.post_message(StatementFound(actor, ref, refs, forward))

    @on(StatementFound)
    def _jumped(self, message: StatementFound) -> None:
        actor, ref = message.actor, message.ref
        self._refs[actor] = message.refs
        if ref is None:
            self.app.bell()
            name = self._actor_name(actor)
            self.status.say((name, "bold"), f" — no {'later' if message.forward else 'earlier'} statement in the corpus ({len(message.refs)} in all).")
            return
        article = self.article
        if article is not None and ref.article == article.id:

            def move() -> None:
                self.actor = actor
                self.current = ref.position
                self.view.scroll_to_offset(ref.statement.sentence.start)
                self._sync()  # marks and panes in the same frame as the scroll, not one frame later

            self._moved_within(move)
        else:
            self.open_article(ref.article, Target(statement=ref.position, actor=actor))

    def _actor_name(self, actor: str) -> str:
        for summary in self.actors:
            if summary.actor.id == actor:
                return summary.actor.name
        refs = self._refs.get(actor)
        if refs:
            return refs[0].statement.speaker
        return actor

    # -- search ---------------------------------------------------------
    def action_search(self) -> None:
        self.app.push_screen(SearchScreen(self.corpus, self.search.query), self._searched)

    def _searched(self, choice: SearchChoice | None) -> None:
        if choice is None:
            return
        self.search = SearchState(choice.query, self.search.hits)
        hit = choice.hit
        if hit.type == "glossary" and hit.entry:
            self.show_entry(hit.entry)
            return
        if hit.article is None:
            return
        target = Target(search=choice, statement=hit.position if hit.type == "statement" else None)
        self.open_article(hit.article, target)

    def _apply_search(self, article: Article, choice: SearchChoice) -> None:
        hit = choice.hit
        found = text_matches(choice.query, article.text, hit.matches)
        hits = tuple(merge_adjacent(article.text, [(s.start, s.end) for s in found]))
        index = None
        if hits:
            anchor = hit.matches[0].start if hit.matches else 0
            if hit.statement is not None and not hit.matches:
                anchor = hit.statement.sentence.start
            index = next((i for i, h in enumerate(hits) if h.end > anchor), 0)
        self.search = SearchState(choice.query, hits)
        self.hit = index

    def action_hit(self, step: int) -> None:
        hits = self.search.hits
        if not hits:
            self.app.bell()
            self.status.say("No search hits in this article — press / to search.")
            return
        index = 0 if self.hit is None else self.hit + step
        self._wrapped = not 0 <= index < len(hits) and len(hits) > 1
        self.hit = index % len(hits)
        self.view.scroll_to_offset(hits[self.hit].start)

    # -- bookmarks, highlights, notes ------------------------------------
    def action_bookmark(self) -> None:
        """Mark the place on screen: the start of the top line's sentence."""
        article = self.article
        if article is None:
            return
        text = article.text
        start = self.view.top_offset()
        while start < len(text) and text[start].isspace():
            start += 1
        end = min(len(text), start + BOOKMARK_CHARS)
        newline = text.find("\n", start, end)
        if newline > start:
            end = newline
        elif end < len(text) and " " in text[start + BOOKMARK_CHARS // 2 : end]:
            end = text.rindex(" ", start + BOOKMARK_CHARS // 2, end)
        if end <= start:
            return
        mark = self.userstate.add_bookmark(article_ref(article), text, start, end)
        notify_inert(self, f"Bookmarked: “{shorten(mark.quote.exact, 60)}” — B lists your bookmarks.", timeout=4)

    def action_highlight(self) -> None:
        """Save the selection (or the current statement) as a highlight, with
        a note if the reader writes one."""
        article = self.article
        if article is None:
            return
        span = self.selected
        if span is None and self.current is not None:
            span = article.analysis.statements[self.current].sentence
        if span is None:
            self.app.bell()
            self.status.say(
                ("Nothing to highlight: ", "bold"),
                "drag over text with the mouse, or press v (shift+arrows to grow it), or click a statement first.",
            )
            return
        quote = span.text(article.text)
        chosen = span

        def save(note: str | None) -> None:
            if note is None:
                return
            self.userstate.add_highlight(article_ref(article), article.text, chosen.start, chosen.end, note.strip())
            self.view.clear_selection()
            self.selected = None
            self._reload_highlights()
            self.notify("Highlight saved" + (" with your note" if note.strip() else "") + " — H lists highlights and notes.", timeout=4)

        self.app.push_screen(TextPrompt("Highlight", quote, "Note (optional) — Enter saves, Esc cancels"), save)

    def _reload_highlights(self) -> None:
        article = self.article
        if article is not None:
            self.highlights = tuple(self.userstate.annotations(HIGHLIGHT, article=content_hash(article.text)))

    def action_bookmarks(self) -> None:
        self.app.push_screen(AnnotationsScreen(self.userstate, BOOKMARK, self.corpus.store), self._annotation_chosen)

    def action_highlights(self) -> None:
        self.app.push_screen(AnnotationsScreen(self.userstate, HIGHLIGHT, self.corpus.store), self._annotation_chosen)

    def _annotation_chosen(self, chosen: Annotation | None) -> None:
        self._reload_highlights()  # notes may have been edited or deleted
        if chosen is None:
            return
        self._open_annotation(chosen)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _open_annotation(self, chosen: Annotation) -> None:
        aid = self._find(Place(chosen.article, path=chosen.path))
        if aid is None:
            self.post_message(StatusNote(f"“{shorten(chosen.title, 60)}” is no longer in the index."))
            return
        if chosen.orphaned:
            self.post_message(OpenRequested(aid, Target(offset=0)))
            self.post_message(StatusNote("That highlight's text is no longer in this version of the article."))
        elif chosen.kind == BOOKMARK:
            self.post_message(OpenRequested(aid, Target(offset=chosen.start)))
        else:
            self.post_message(OpenRequested(aid, Target(at=chosen.start)))

    @on(TextSelected)
    def _text_selected(self, message: TextSelected) -> None:
        message.stop()
        self.selected = message.span

    # -- other actions --------------------------------------------------
    def action_articles(self) -> None:
        aid = self.article.id if self.article else None
        self.app.push_screen(ArticlesScreen(self.corpus, current=aid), self._article_picked)

    def _article_picked(self, aid: str | None) -> None:
        if aid is not None:
            self.open_article(aid)

    def action_neighbour(self, step: int) -> None:
        if self.article is not None:
            self._neighbour(self.article.seq, step)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _neighbour(self, seq: int, step: int) -> None:
        aid = self.corpus.neighbour(seq, step)
        if aid is None:
            self.post_message(StatusNote(f"This is the {'last' if step > 0 else 'first'} article."))
        else:
            self.post_message(ArticleChosen(aid))

    def action_clear(self) -> None:
        if self.selected is not None:
            self.view.clear_selection()
            self.selected = None
        elif self.search.hits:
            self.search = SearchState(self.search.query)
            self.hit = None
        else:
            self.current = None
            self.actor = None
        self.view.term_index = None

    def action_focus_pane(self, name: str) -> None:
        tiny = self.has_class("-tiny")
        self.set_class(tiny and name != "text", "-side-open")
        if name == "text":
            self.view.focus()
            return
        self.side.show_pane(name)
        self.side.query_one(f"#{name} OptionList", OptionList).focus()

    def action_export_notes(self) -> None:
        """Write this article's highlights and notes to a Markdown file."""
        from ..export import export_to_file

        article = self.article
        if article is None:
            return
        try:
            path, count = export_to_file(self.userstate, self.corpus.store, article=content_hash(article.text))
        except OSError as exc:
            notify_inert(self, f"Could not write the notes: {exc.strerror or exc}", severity="error")
            return
        notify_inert(self, f"{count} highlight{'s' if count != 1 else ''} written to {path}", timeout=8)

    # -- the guided tour -------------------------------------------------
    def action_tour(self) -> None:
        article = self.article
        if article is None:
            return
        if not article.analysis.statements:
            self.status.say("This article has no attributed statements to tour.")
            return
        tour = self.query_one(TourPanel)
        self.add_class("-touring")
        tour.display = True
        tour.start(article, self.actors, self.entries, self.current or 0, self.links)
        tour.focus_card()

    @on(TourClosed)
    def _tour_closed(self, message: TourClosed) -> None:
        message.stop()
        self._close_tour()

    def _close_tour(self) -> None:
        self.remove_class("-touring")
        self.query_one(TourPanel).display = False
        self.view.focus()

    # -- the status line -------------------------------------------------
    def _say_where(self) -> None:
        article = self.article
        if article is None:
            return
        search = self.search
        if search.hits and self.hit is not None:
            self.status.show_hit(search.query, self.hit, len(search.hits), wrapped=self._wrapped)
            self._wrapped = False
        elif self.selected is not None:
            self.status.say(("Selected: ", "bold"), f"“{shorten(display_text(self.selected.text(article.text)), 80)}”", ("  ·  h highlight, Esc clears", "dim"))
        elif self.actor is not None:
            refs = self._refs.get(self.actor)
            if refs is None:
                self._fetch_refs(self.actor)
            self._say_actor(self.actor, refs)
        else:
            self.status.show_article(article.title, len(article.analysis.statements))

    def _say_actor(self, actor: str, refs: list[StatementRef] | None) -> None:
        article, current = self.article, self.current
        number = None
        if refs is not None and article is not None and current is not None:
            number = next((i + 1 for i, r in enumerate(refs) if r.article == article.id and r.position == current), None)
        joint = None
        if article is not None and current is not None and current < len(article.analysis.statements):
            here = article.analysis.statements[current]
            if jointly(here, actor) and any(a.id == here.actor and actor in a.members for a in article.analysis.actors):
                joint = speaker_label(here)  # "Turkey and Azerbaijan have denied", reached from Turkey
        self.status.show_actor(
            self._actor_name(actor),
            number=number,
            total=len(refs) if refs is not None else None,
            articles=len({r.article for r in refs}) if refs is not None else 0,
            jointly=joint,
        )

    @work(thread=True, group="refs", exit_on_error=False)
    def _fetch_refs(self, actor: str) -> None:
        self.post_message(StatementsCounted(actor, self.corpus.statements_of(actor)))

    @on(StatementsCounted)
    def _refs_fetched(self, message: StatementsCounted) -> None:
        actor = message.actor
        self._refs[actor] = message.refs
        if self.actor == actor and not (self.search.hits and self.hit is not None) and self.selected is None:
            self._say_actor(actor, message.refs)
