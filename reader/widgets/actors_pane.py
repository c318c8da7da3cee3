"""The actors pane: who speaks in this article, or in the whole corpus."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from index.query import ActorSummary

from ..colors import ActorColours, rank, ranked_colours
from ..messages import ActorChosen
from .corpus import Corpus
from .list_pane import highlight_first
from .text_layout import display_text

CORPUS_LIMIT = 200  # the most quoted actors; a longer list helps nobody


class CorpusActorsLoaded(Message):
    """The most quoted actors of the corpus (options built off the UI thread)."""

    def __init__(self, shown: list[ActorSummary], total: int, options: list[Option | None]) -> None:
        super().__init__()
        self.shown = shown
        self.total = total
        self.options = options


def actor_prompt(summary: ActorSummary, color: str, *, corpus: bool) -> Text:
    """Name in the actor's colour; then counts, role and affiliation, dim."""
    actor = summary.actor
    text = Text(end="")
    text.append("● ", style=color)
    text.append(display_text(actor.name), style=f"bold {color}")
    count = summary.statements
    about = [f"{count} statement{'s' if count != 1 else ''}"]
    if corpus:
        articles = len(summary.articles)
        about[0] += f" in {articles} article{'s' if articles != 1 else ''}"
        if actor.scope == "article":
            about[0] += " (its own: never merged)"  # "Both sides", a role, a surname alone
    about += [x for x in (actor.description, actor.affiliation) if x]
    line = display_text(" · ".join(about))
    text.append("\n")
    text.append(line if len(line) <= 120 else line[:119] + "…", style="dim")
    return text


def summary_colours(summaries: list[ActorSummary]) -> ActorColours:
    """The colours of an article's actors, from its Actors list (the same as
    ``article_colours`` of the article); other actors get their preferred one."""
    return ranked_colours(rank((s.actor.id, s.actor.name, s.statements) for s in summaries))


def actor_options(summaries: list[ActorSummary], colours: ActorColours, *, dark: bool, corpus: bool) -> list[Option | None]:
    options: list[Option | None] = []
    for summary in summaries:
        if options:
            options.append(None)
        options.append(Option(actor_prompt(summary, colours.color(summary.actor.id, dark=dark), corpus=corpus), id=summary.actor.id))
    return options


class ActorsPane(Vertical):
    """Choosing an actor makes it the current actor (its statements light up)."""

    BINDINGS = [Binding("c", "toggle_scope", "Article/corpus actors")]

    corpus_wide: reactive[bool] = reactive(False, init=False)

    def __init__(self, corpus: Corpus, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.corpus = corpus
        self.border_title = "Actors"
        self._article: list[ActorSummary] = []
        self._shown: tuple[list[ActorSummary], bool] = ([], False)  # the list on screen, and whether corpus-wide
        self._current: str | None = None

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._recolour)

    def _recolour(self, _theme: object = None) -> None:
        """The theme changed: the same prompts in its actor colours."""
        summaries, corpus = self._shown
        colours, dark = summary_colours(self._article), self.app.current_theme.dark
        for summary in summaries:
            self.options.replace_option_prompt(summary.actor.id, actor_prompt(summary, colours.color(summary.actor.id, dark=dark), corpus=corpus))
        self.options.scroll_to_highlight()  # the rows were measured again: keep the highlight in view

    def compose(self) -> ComposeResult:
        yield Static("", id="actors-scope", markup=False)
        yield OptionList(id="actors-list", markup=False)

    @property
    def options(self) -> OptionList:
        return self.query_one("#actors-list", OptionList)

    def on_descendant_focus(self) -> None:
        highlight_first(self.options)

    def show_article(self, summaries: list[ActorSummary]) -> None:
        self._article = summaries
        if not self.corpus_wide:
            self._fill(summaries, corpus=False)

    def sync(self, actor_id: str | None) -> None:
        self._current = actor_id
        if actor_id is None:
            return
        try:
            self.options.highlighted = self.options.get_option_index(actor_id)
        except Exception:  # not in this list (another article's actor)
            pass

    def _fill(
        self, summaries: list[ActorSummary], *, corpus: bool, total: int | None = None, options: list[Option | None] | None = None
    ) -> None:
        scope = self.query_one("#actors-scope", Static)
        if corpus:
            shown = f"the {len(summaries)} most quoted of {total}" if total and total > len(summaries) else f"{len(summaries)}"
            scope.update(Text.assemble(("Whole corpus", "bold"), f" · {shown} · ", ("c", "bold"), ": this article"))
        else:
            scope.update(Text.assemble(("This article", "bold"), f" · {len(summaries)} · ", ("c", "bold"), ": whole corpus"))
        if options is None:
            options = actor_options(summaries, summary_colours(self._article), dark=self.app.current_theme.dark, corpus=corpus)
        self._shown = (summaries, corpus)
        if not options:
            options = [Option(Text("No actors quoted.", style="italic"), disabled=True)]
        self.options.set_options(options)
        self.options.highlighted = None
        self.sync(self._current)

    def action_toggle_scope(self) -> None:
        self.corpus_wide = not self.corpus_wide

    def watch_corpus_wide(self, corpus_wide: bool) -> None:
        if corpus_wide:
            self.query_one("#actors-scope", Static).update(Text("Whole corpus · loading…", style="italic"))
            self._load_corpus()
        else:
            self._fill(self._article, corpus=False)

    @work(thread=True, exclusive=True, group="corpus-actors", exit_on_error=False)
    def _load_corpus(self) -> None:
        everyone = self.corpus.corpus_actors()
        shown = everyone[:CORPUS_LIMIT]
        colours = summary_colours(self._article)  # this article's actors keep their colours in the corpus list
        options = actor_options(shown, colours, dark=self.app.current_theme.dark, corpus=True)  # built off the UI thread
        self.post_message(CorpusActorsLoaded(shown, len(everyone), options))

    @on(CorpusActorsLoaded)
    def _show_corpus(self, message: CorpusActorsLoaded) -> None:
        message.stop()
        if self.corpus_wide:
            self._fill(message.shown, corpus=True, total=message.total, options=message.options)

    @on(OptionList.OptionSelected, "#actors-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self._current = event.option.id
            self.post_message(ActorChosen(event.option.id))
