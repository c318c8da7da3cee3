"""The reading screen: the text and its three side panes, and the state that
ties them together (open article, current actor and statement, search hits).

Panes post messages (:mod:`reader.messages`); this screen decides what they
mean and hands the new state back down.  Anything that touches the index
runs in a thread worker, so a key press never waits for the disk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import OptionList
from textual.worker import get_current_worker

from index.models import Article, GlossaryEntry, Span
from index.query import ActorSummary, StatementRef, find_terms
from index.schema import ORDER_STRIDE

from ..inert import notify_inert
from ..messages import ActorChosen, ArticleChosen, EntryChosen, IndexingDone, IndexingFailed, StatementChosen, TourClosed
from ..session import Position
from .article_view import ArticleView, Marks
from .articles_screen import ArticlesScreen
from .actors_pane import ActorsPane
from .claims_pane import ClaimsPane
from .corpus import Corpus
from .entry_card import EntryCardScreen
from .glossary_pane import GlossaryPane
from .indexing_panel import IndexingPanel
from .key_bar import KeyBar
from .search_screen import SearchChoice, SearchScreen, query_terms
from .side_panes import SidePanes
from .status_line import StatusLine
from .text_layout import display_text
from .tour_panel import TourPanel

NARROW_WIDTH = 100  # below this (or NARROW_HEIGHT) the side panes fold into tabs
NARROW_HEIGHT = 30
TINY_WIDTH = 60  # below this only the text shows; 2/3/4 swap a pane in


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
    """Where to land when an article opens."""

    offset: int | None = None  # scroll this character to the top row
    statement: int | None = None
    actor: str | None = None
    entry: str | None = None  # first mention of this glossary entry
    search: SearchChoice | None = None


@dataclass(slots=True)
class SearchState:
    query: str = ""
    hits: tuple[Span, ...] = ()
    index: int | None = None


@dataclass(slots=True)
class ReaderState:
    article: Article | None = None
    actors: list[ActorSummary] = field(default_factory=list)
    entries: dict[str, GlossaryEntry] = field(default_factory=dict)
    actor: str | None = None
    current: int | None = None
    search: SearchState = field(default_factory=SearchState)


class ReaderScreen(Screen[None]):
    """Read one article; jump through an actor's statements across articles."""

    BINDINGS = [
        Binding("slash", "search", "Search"),
        Binding("o", "articles", "Articles"),
        Binding("t", "tour", "Tour"),
        Binding("right_square_bracket", "jump(1)", "Next by actor", key_display="]"),
        Binding("left_square_bracket", "jump(-1)", "Prev by actor", key_display="[", show=False),
        Binding("n", "hit(1)", "Next hit"),
        Binding("N", "hit(-1)", "Previous hit", show=False),
        Binding("greater_than_sign", "neighbour(1)", "Next article", show=False, key_display=">"),
        Binding("less_than_sign", "neighbour(-1)", "Previous article", show=False, key_display="<"),
        Binding("1", "focus_pane('text')", "Text pane", show=False),
        Binding("2", "focus_pane('claims')", "Claims pane", show=False),
        Binding("3", "focus_pane('actors')", "Actors pane", show=False),
        Binding("4", "focus_pane('glossary')", "Glossary pane", show=False),
        Binding("escape", "clear", "Clear marks", show=False),
    ]

    def __init__(
        self,
        corpus: Corpus,
        *,
        paths: list[str] | None = None,
        start: Position | None = None,
        remember: Callable[[Position], None] | None = None,
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self.state = ReaderState()
        self._paths = list(paths or [])
        self._start = start or Position()
        self._remember = remember or (lambda position: None)
        self._refs: dict[str, list[StatementRef]] = {}
        self.last_ingest: str | None = None  # what the last indexing run did

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

    # -- opening -------------------------------------------------------
    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _open_start(self, seed: bool = True) -> None:
        """Reopen where the reader left off; index the seed on a first run."""
        store = self.corpus.store
        if store.is_empty():
            if seed:
                self.app.call_from_thread(self._seed)
            else:
                self.app.call_from_thread(self.view.show_message, "The index holds no articles yet: run `reader PATH…` to add some.")
            return
        start = self._start
        aid = start.article if start.article and store.header(start.article) else None
        if aid is None:
            aid = self.corpus.first_article()
            target = Target()
        else:
            target = Target(offset=start.offset, statement=start.statement, actor=start.actor)
        if aid is not None:
            self.app.call_from_thread(self.open_article, aid, target)
        self._check_glossary()

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
            self.app.call_from_thread(notify_inert, self.app, str(exc), severity="warning")
            return
        for line in errors:
            self.app.call_from_thread(notify_inert, self.app, line, severity="warning", timeout=10)
        if store.state().get("glossary") != before:
            self.corpus.invalidate()
            self.app.call_from_thread(self._glossary_relinked)

    def _glossary_relinked(self) -> None:
        self.app.notify("The glossary changed: every article was linked to it again.")
        article = self.state.article
        if article is not None:
            self.open_article(article.id, Target(offset=self.view.top_offset()))

    def open_article(self, aid: str, target: Target | None = None) -> None:
        if self.state.article is None:
            self.view.show_message("Opening the article…")
        self._load(aid, target or Target())

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _load(self, aid: str, target: Target) -> None:
        article = self.corpus.article(aid)
        if article is None:
            self.app.call_from_thread(self.status.say, ("That article is no longer in the index.", "bold"))
            return
        actors = self.corpus.article_actors(article)
        entries = self.corpus.entries()
        if not get_current_worker().is_cancelled:  # a newer choice replaced this one
            self.app.call_from_thread(self._loaded, article, actors, entries, target)

    def _loaded(self, article: Article, actors: list[ActorSummary], entries: dict[str, GlossaryEntry], target: Target) -> None:
        state = self.state
        state.article, state.actors, state.entries = article, actors, entries
        state.current = None
        state.search = SearchState(query=state.search.query)
        if target.actor is not None:
            state.actor = target.actor
        statements = article.analysis.statements
        if target.statement is not None and 0 <= target.statement < len(statements):
            state.current = target.statement
            if target.actor is None and statements[target.statement].actor:
                state.actor = statements[target.statement].actor
        if target.search is not None:
            self._apply_search(article, target.search)
        self.view.show_article(article, self._marks())
        self.call_after_refresh(self._fill_panes, article)  # the text paints first
        if target.entry is not None:
            self._land_on_entry(target.entry)
        elif state.search.index is not None:
            self.view.scroll_to_offset(state.search.hits[state.search.index].start)
        elif target.offset is not None:  # where the reader was (session, card)
            self.view.scroll_to_offset(target.offset, top=True)
        elif state.current is not None:
            self.view.scroll_to_offset(statements[state.current].sentence.start)
        self.app.sub_title = display_text(article.title)
        self._say_where()
        if self.query_one(TourPanel).display:
            self._close_tour()
        self.call_after_refresh(self.remember)

    def _fill_panes(self, article: Article) -> None:
        if article is not self.state.article:
            return  # another article opened meanwhile
        self.side.query_one(ClaimsPane).show_article(article)
        self.side.query_one(ActorsPane).show_article(self.state.actors)
        self.side.query_one(GlossaryPane).show_article(article, self.state.entries)
        self._sync_panes()

    def _land_on_entry(self, entry_id: str) -> None:
        view = self.view
        for index, link in enumerate(sorted(self.state.article.analysis.glossary, key=lambda g: (g.start, g.end))):  # type: ignore[union-attr]
            if link.entry == entry_id:
                view.term_index = index
                view.scroll_to_offset(link.start)
                return

    def remember(self) -> None:
        """Tell the app where the reader is (it keeps the session file)."""
        article = self.state.article
        if article is None:
            return
        self._remember(Position(article.id, self.view.top_offset(), self.state.actor, self.state.current))

    def on_unmount(self) -> None:
        self.remember()

    # -- indexing ------------------------------------------------------
    def _seed(self) -> None:
        self.view.show_message("Indexing the bundled article…")
        self.status.say("First run: indexing the bundled article.")
        self.query_one(IndexingPanel).seed()

    def index_paths(self, paths: list[str]) -> None:
        if self.state.article is None:
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
        elif self.state.article is None:
            self._open_start(seed=False)

    @on(IndexingFailed)
    def _indexing_failed(self, message: IndexingFailed) -> None:
        self.status.say(("Indexing failed: ", "bold red"), message.reason)
        notify_inert(self, f"Indexing failed: {message.reason}", severity="error", timeout=10)
        if self.state.article is None:
            self._open_start(seed=False)  # read what the index already holds

    # -- marks ---------------------------------------------------------
    def _marks(self) -> Marks:
        state = self.state
        return Marks(state.actor, state.current, state.search.hits, state.search.index)

    def _sync_panes(self, origin: str = "") -> None:
        """Move the panes' highlights to the current statement and actor —
        except in the pane the choice came from: its cursor is the reader's."""
        if origin != "claims":
            self.side.query_one(ClaimsPane).sync(self.state.current)
        if origin != "actors":
            self.side.query_one(ActorsPane).sync(self.state.actor)

    def _refresh_marks(self, origin: str = "") -> None:
        self.view.set_marks(self._marks())
        self._sync_panes(origin)

    # -- choices from the panes ---------------------------------------
    @on(StatementChosen)
    def _statement_chosen(self, message: StatementChosen) -> None:
        message.stop()
        article = self.state.article
        if article is None or not 0 <= message.position < len(article.analysis.statements):
            return
        statement = article.analysis.statements[message.position]
        self.state.current = message.position
        self.state.actor = statement.actor
        self._refresh_marks(message.origin)
        if message.origin != "text":
            self.view.ensure_visible(statement.sentence.start)
        self._say_where()

    @on(ActorChosen)
    def _actor_chosen(self, message: ActorChosen) -> None:
        message.stop()
        article = self.state.article
        self.state.actor = message.actor_id
        self.state.current = None
        if article is not None:
            for position, statement in enumerate(article.analysis.statements):
                if statement.actor == message.actor_id:
                    self.state.current = position
                    self.view.ensure_visible(statement.sentence.start)
                    break
        self._refresh_marks("actors")
        self._say_where()

    @on(EntryChosen)
    def _entry_chosen(self, message: EntryChosen) -> None:
        message.stop()
        self.show_entry(message.entry_id)

    def show_entry(self, entry_id: str) -> None:
        aid = self.state.article.id if self.state.article else None
        self.app.push_screen(EntryCardScreen(self.corpus, entry_id, current_article=aid), self._card_closed)

    def _card_closed(self, choice: ArticleChosen | None) -> None:
        if choice is None:
            return
        if self.state.article is not None and choice.article_id == self.state.article.id and choice.entry_id:
            self._land_on_entry(choice.entry_id)
            return
        self.open_article(choice.article_id, Target(offset=choice.offset, entry=choice.entry_id))

    @on(ArticleChosen)
    def _article_chosen(self, message: ArticleChosen) -> None:
        message.stop()
        self._card_closed(message)

    # -- jumping through an actor's statements ------------------------
    def action_jump(self, step: int) -> None:
        state = self.state
        article = state.article
        if article is None:
            return
        actor = state.actor
        if actor is None:
            self.app.bell()
            self.status.say(("No current actor: ", "bold"), "click a coloured statement, or choose one in Actors (3).")
            return
        statements = article.analysis.statements
        if state.current is not None:
            position = state.current
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
            self.app.call_from_thread(self._jumped, actor, ref, refs, forward)

    def _jumped(self, actor: str, ref: StatementRef | None, refs: list[StatementRef], forward: bool) -> None:
        self._refs[actor] = refs
        if ref is None:
            self.app.bell()
            name = self._actor_name(actor)
            self.status.say((name, "bold"), f" — no {'later' if forward else 'earlier'} statement in the corpus ({len(refs)} in all).")
            return
        article = self.state.article
        if article is not None and ref.article == article.id:
            self.state.actor = actor
            self.state.current = ref.position
            self._refresh_marks()
            self.view.scroll_to_offset(ref.statement.sentence.start)
            self._say_where()
        else:
            self.open_article(ref.article, Target(statement=ref.position, actor=actor))

    def _actor_name(self, actor: str) -> str:
        for summary in self.state.actors:
            if summary.actor.id == actor:
                return summary.actor.name
        refs = self._refs.get(actor)
        if refs:
            return refs[0].statement.speaker
        return actor

    # -- search ---------------------------------------------------------
    def action_search(self) -> None:
        self.app.push_screen(SearchScreen(self.corpus, self.state.search.query), self._searched)

    def _searched(self, choice: SearchChoice | None) -> None:
        if choice is None:
            return
        self.state.search.query = choice.query
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
        spans = {(m.start, m.end) for m in hit.matches}
        terms = query_terms(choice.query) | {m.text(article.text).lower() for m in hit.matches}
        spans |= {(s.start, s.end) for s in find_terms(article.text, terms)}
        hits = tuple(merge_adjacent(article.text, sorted(spans)))
        index = None
        if hits:
            anchor = hit.matches[0].start if hit.matches else 0
            if hit.statement is not None and not hit.matches:
                anchor = hit.statement.sentence.start
            index = next((i for i, h in enumerate(hits) if h.start >= anchor), 0)
        self.state.search = SearchState(choice.query, hits, index)

    def action_hit(self, step: int) -> None:
        search = self.state.search
        if not search.hits:
            self.app.bell()
            self.status.say("No search hits in this article — press / to search.")
            return
        index = 0 if search.index is None else search.index + step
        wrapped = not 0 <= index < len(search.hits) and len(search.hits) > 1
        search.index = index % len(search.hits)
        self.view.set_marks(self._marks())
        self.view.scroll_to_offset(search.hits[search.index].start)
        self._say_where(wrapped=wrapped)

    # -- other actions --------------------------------------------------
    def action_articles(self) -> None:
        aid = self.state.article.id if self.state.article else None
        self.app.push_screen(ArticlesScreen(self.corpus, current=aid), self._article_picked)

    def _article_picked(self, aid: str | None) -> None:
        if aid is not None:
            self.open_article(aid)

    def action_neighbour(self, step: int) -> None:
        if self.state.article is not None:
            self._neighbour(self.state.article.seq, step)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _neighbour(self, seq: int, step: int) -> None:
        aid = self.corpus.neighbour(seq, step)
        if aid is None:
            self.app.call_from_thread(self.status.say, f"This is the {'last' if step > 0 else 'first'} article.")
        else:
            self.app.call_from_thread(self.open_article, aid)

    def action_clear(self) -> None:
        state = self.state
        if state.search.hits:
            state.search.hits, state.search.index = (), None
        else:
            state.current = None
            state.actor = None
        self.view.term_index = None
        self._refresh_marks()
        self._say_where()

    def action_focus_pane(self, name: str) -> None:
        tiny = self.has_class("-tiny")
        self.set_class(tiny and name != "text", "-side-open")
        if name == "text":
            self.view.focus()
            return
        self.side.show_pane(name)
        self.side.query_one(f"#{name} OptionList", OptionList).focus()

    # -- the guided tour -------------------------------------------------
    def action_tour(self) -> None:
        article = self.state.article
        if article is None:
            return
        if not article.analysis.statements:
            self.status.say("This article has no attributed statements to tour.")
            return
        tour = self.query_one(TourPanel)
        self.add_class("-touring")
        tour.display = True
        tour.start(article, self.state.actors, self.state.entries, self.state.current or 0)
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
    def _say_where(self, *, wrapped: bool = False) -> None:
        state = self.state
        article = state.article
        if article is None:
            return
        search = state.search
        if search.hits and search.index is not None:
            self.status.show_hit(search.query, search.index, len(search.hits), wrapped=wrapped)
        elif state.actor is not None:
            refs = self._refs.get(state.actor)
            if refs is None:
                self._fetch_refs(state.actor)
            self._say_actor(state.actor, refs)
        else:
            self.status.show_article(article.title, len(article.analysis.statements))

    def _say_actor(self, actor: str, refs: list[StatementRef] | None) -> None:
        article, current = self.state.article, self.state.current
        number = None
        if refs is not None and article is not None and current is not None:
            number = next((i + 1 for i, r in enumerate(refs) if r.article == article.id and r.position == current), None)
        self.status.show_actor(
            self._actor_name(actor),
            number=number,
            total=len(refs) if refs is not None else None,
            articles=len({r.article for r in refs}) if refs is not None else 0,
        )

    @work(thread=True, group="refs", exit_on_error=False)
    def _fetch_refs(self, actor: str) -> None:
        refs = self.corpus.statements_of(actor)
        self.app.call_from_thread(self._refs_fetched, actor, refs)

    def _refs_fetched(self, actor: str, refs: list[StatementRef]) -> None:
        self._refs[actor] = refs
        if self.state.actor == actor and not (self.state.search.hits and self.state.search.index is not None):
            self._say_actor(actor, refs)
