"""The guided tour: the article's statements one by one, each with a card —
who speaks, what kind of statement it is and how the cue commits the
writer, the claim as it stands alone, the background of the terms in it,
and what others said on the same subject across the index (denials and
answers first, then agreements, then the rest; Enter goes there)."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from index.models import Article, GlossaryEntry, Span, Statement
from index.query import ActorSummary, StatementRef
from index.related import ArticleLinks, RelatedItem

from ..colors import article_colours
from ..messages import EntryChosen, RelatedChosen, RelatedLoaded, StatementChosen, StatementsCounted, TourClosed
from .choice import Choice, value_of
from .claims_pane import excerpt, speaker_name
from .corpus import Corpus
from .cues import COMMITMENT_MEANING, KIND_MEANING, commitment
from .related_list import RelatedTarget, related_options
from .text_layout import display_text

def entries_in(article: Article, span: Span) -> list[str]:
    """Glossary entries mentioned inside ``span``, in order, each once."""
    found: list[str] = []
    for link in sorted(article.analysis.glossary, key=lambda g: g.start):
        if span.start <= link.start and link.end <= span.end and link.entry not in found:
            found.append(link.entry)
    return found


class TourPanel(Vertical):
    """Shown in place of the side panes while touring."""

    BINDINGS = [
        Binding("right,l", "step(1)", "Next statement", key_display="→"),
        Binding("left,h", "step(-1)", "Previous statement", key_display="←"),
        Binding("escape,t", "close", "End tour", key_display="esc"),
    ]

    def __init__(self, corpus: Corpus, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.corpus = corpus
        self.article: Article | None = None
        self.actors: dict[str, ActorSummary] = {}
        self.entries: dict[str, GlossaryEntry] = {}
        self.position = 0
        self.refs: list[StatementRef] | None = None  # the speaker's statements in the corpus, once counted
        self.related: list[RelatedItem] | None = None  # what others said, once found
        self.links = ArticleLinks("")  # the article's claims as they stand alone
        self.display = False

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._recolour)

    def _colour(self, actor: str | None) -> str:
        assert self.article is not None
        return article_colours(self.article).color(actor, dark=self.app.current_theme.dark)

    def _related_colour(self, item: RelatedItem) -> str | None:
        """A related speaker's colour: its actor's in the open article, when
        it speaks here too (colours are given per article)."""
        assert self.article is not None
        actor = item.statement.actor
        if not actor or not any(a.id == actor for a in self.article.analysis.actors):
            return None
        return self._colour(actor)

    def _recolour(self, _theme: object = None) -> None:
        """The theme changed: the card and links again, in its actor colours."""
        if self.article is None or not self.display:
            return
        statement = self.article.analysis.statements[self.position]
        self.query_one("#tour-card", Static).update(self.card(statement, self.refs))
        links = self.query_one("#tour-links", OptionList)
        highlighted = links.highlighted
        self._fill_links(statement, self.position)
        links.highlighted = highlighted

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="tour-scroll"):
            yield Static("", id="tour-card", markup=False)
        yield OptionList(id="tour-links", markup=False)

    def start(
        self,
        article: Article,
        actors: list[ActorSummary],
        entries: dict[str, GlossaryEntry],
        position: int = 0,
        links: ArticleLinks | None = None,
        *,
        move: bool = True,
    ) -> None:
        """Tour ``article`` from ``position``; ``move`` False when the reader
        is there already (history recorded the move that brought them)."""
        self.article = article
        self.actors = {s.actor.id: s for s in actors}
        self.entries = entries
        self.links = links if links is not None and links.article == article.id else ArticleLinks(article.id)
        self.show(max(0, min(position, len(article.analysis.statements) - 1)), move=move)

    def set_links(self, links: ArticleLinks) -> None:
        """The article's claims arrived: show the current one as it stands alone."""
        if self.article is None or links.article != self.article.id:
            return
        self.links = links
        if self.display:
            statement = self.article.analysis.statements[self.position]
            self.query_one("#tour-card", Static).update(self.card(statement, self.refs))

    def focus_card(self) -> None:
        self.query_one("#tour-links", OptionList).focus()

    def show(self, position: int, *, move: bool = True) -> None:
        article = self.article
        if article is None:
            return
        self.position = position
        self.refs = None
        self.related = None
        statement = article.analysis.statements[position]
        total = len(article.analysis.statements)
        self.border_title = f"Tour · statement {position + 1} of {total}"
        self.border_subtitle = "← → step · Esc end"
        self.query_one("#tour-card", Static).update(self.card(statement, None))
        self.query_one("#tour-scroll").scroll_home(animate=False)
        self._fill_links(statement, position)
        self.post_message(StatementChosen(position, "tour", move=move))
        if statement.actor:
            self._count(statement.actor, position)
        self._find_related(article.id, position)

    # -- the card ------------------------------------------------------
    def card(self, statement: Statement, refs: list[StatementRef] | None) -> Text:
        article = self.article
        assert article is not None
        color = self._colour(statement.actor)
        text = Text(end="")
        text.append("Who speaks\n", style="bold dim")
        text.append("● ", style=color)
        text.append(display_text(speaker_name(article, statement)), style=f"bold {color}")
        summary = self.actors.get(statement.actor or "")
        if summary is not None:
            actor = summary.actor
            text.append(f"  {actor.kind}", style="dim")
            for line in (actor.description, actor.affiliation):
                if line:
                    text.append("\n" + display_text(line))
            here = summary.statements - 1
            text.append("\n" + (f"{here} other statement{'s' if here != 1 else ''} here" if here else "no other statement here"), style="dim")
            if refs is not None:
                elsewhere = [r for r in refs if r.article != article.id]
                places = len({r.article for r in elsewhere})
                if elsewhere:
                    text.append(f" · {len(elsewhere)} in {places} other article{'s' if places != 1 else ''} (] to go on)", style="dim")
                else:
                    text.append(" · not quoted in other articles", style="dim")
        elif not statement.actor:
            text.append("\nthe source is not resolved to a known actor", style="dim italic")
        text.append("\n\nWhat kind\n", style="bold dim")
        text.append(statement.kind, style="bold")
        text.append(f" — {KIND_MEANING.get(statement.kind, '')}")
        text.append("\n" + ("a direct quotation" if statement.quote else "reported speech"), style="dim")
        cue = statement.cue.text(article.text) if statement.cue else None
        if cue:
            level = commitment(cue)
            text.append("\ncue “")
            text.append(display_text(" ".join(cue.split())), style="bold italic")
            text.append("”: ")
            text.append(level or "unclassified", style="bold")
            text.append(f" — {COMMITMENT_MEANING[level]}", style="dim")
        text.append("\n\nThe claim\n", style="bold dim")
        claim = self.links.claims.get(self.position)
        text.append(excerpt(article, statement, 400, claim.text if claim else None))
        return text

    def _fill_links(self, statement: Statement, position: int) -> None:
        article = self.article
        assert article is not None
        options: list[Option] = []
        if self.related is None:
            options.append(Option(Text("What others said — looking across the index…", style="italic dim"), disabled=True))
        elif self.related:
            options.append(Option(Text("What others said — Enter to go there, Backspace to come back", style="bold dim"), disabled=True))
            options.extend(related_options(self.related, here=article.id, claim_chars=160, colour=self._related_colour))
        else:
            options.append(Option(Text("No other statement in the index speaks to this one.", style="italic dim"), disabled=True))
        background = entries_in(article, statement.sentence)
        if background:
            options.append(Option(Text("Background — Enter for the card", style="bold dim"), disabled=True))
            for entry_id in background:
                entry = self.entries.get(entry_id)
                label = Text(end="")
                label.append(display_text(entry.term if entry else entry_id), style="bold underline")
                if entry:
                    summary = " ".join(entry.summary.split())
                    first = summary.split(". ", 1)[0].rstrip(".") + "."
                    label.append("\n" + display_text(first if len(first) <= 220 else first[:219] + "…"), style="dim")
                options.append(Choice(label, entry_id, id=f"entry:{entry_id}"))
        links = self.query_one("#tour-links", OptionList)
        links.set_options(options)
        links.highlighted = next((i for i, o in enumerate(links.options) if not o.disabled), None)

    @work(thread=True, exclusive=True, group="tour-related", exit_on_error=False)
    def _find_related(self, aid: str, position: int) -> None:
        self.post_message(RelatedLoaded(aid, position, self.corpus.related(aid, position)))

    @on(RelatedLoaded)
    def _related_found(self, message: RelatedLoaded) -> None:
        message.stop()
        article = self.article
        if article is None or (message.article_id, message.position) != (article.id, self.position):
            return  # the tour moved on meanwhile
        self.related = message.items
        links = self.query_one("#tour-links", OptionList)
        highlighted = links.highlighted
        self._fill_links(article.analysis.statements[self.position], self.position)
        if highlighted is not None and highlighted < links.option_count and not links.get_option_at_index(highlighted).disabled:
            links.highlighted = highlighted

    @work(thread=True, exclusive=True, group="tour-count", exit_on_error=False)
    def _count(self, actor: str, position: int) -> None:
        self.post_message(StatementsCounted(actor, self.corpus.statements_of(actor)))

    @on(StatementsCounted)
    def _counted(self, message: StatementsCounted) -> None:
        message.stop()  # the tour's own count; the screen counts for itself
        if self.article is None:
            return
        statement = self.article.analysis.statements[self.position]
        if statement.actor == message.actor:
            self.refs = message.refs
            self.query_one("#tour-card", Static).update(self.card(statement, message.refs))

    # -- keys ----------------------------------------------------------
    def action_step(self, step: int) -> None:
        if self.article is None:
            return
        position = self.position + step
        if not 0 <= position < len(self.article.analysis.statements):
            self.app.bell()
            return
        self.show(position)

    def action_close(self) -> None:
        self.post_message(TourClosed())

    @on(OptionList.OptionSelected, "#tour-links")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        value = value_of(event.option)
        if isinstance(value, str):
            self.post_message(EntryChosen(value))
        elif isinstance(value, RelatedTarget):
            self.post_message(RelatedChosen(value.article, value.position))
