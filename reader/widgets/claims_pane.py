"""The claims pane: the article's statements in reading order, each claim as
it stands alone, and how many statements across the index answer it."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from index.models import Article, Statement
from index.related import ArticleLinks

from ..colors import article_colours
from ..messages import StatementChosen
from ..speaker_labels import speaker_label
from .list_pane import highlight_first
from .text_layout import display_text

EXCERPT = 160


def excerpt(article: Article, statement: Statement, limit: int = EXCERPT, claim: str | None = None) -> str:
    """The claim itself (or the whole sentence), on one line, shortened;
    ``claim`` is the claim as it stands alone ("denied [that …]") when its
    content points elsewhere."""
    span = statement.content or statement.sentence
    words = " ".join(display_text(claim if claim else span.text(article.text)).split())
    return words if len(words) <= limit else words[: limit - 1].rsplit(" ", 1)[0] + "…"


def speaker_name(article: Article, statement: Statement) -> str:
    """The actor's name, or "unnamed: he" for a source not resolved."""
    return speaker_label(statement, {a.id: a for a in article.analysis.actors})


class ClaimsPane(Vertical):
    """Speaker, kind and excerpt of every statement; choosing one (or moving
    the highlight onto it) takes the text there."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.border_title = "Claims"
        self._synced: int | None = None
        self._article: Article | None = None
        self._links = ArticleLinks("")  # the article's claims and link counts

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._recolour)

    def compose(self) -> ComposeResult:
        yield OptionList(id="claims-list", markup=False)

    @property
    def options(self) -> OptionList:
        return self.query_one("#claims-list", OptionList)

    def on_descendant_focus(self) -> None:
        if highlight_first(self.options):
            self._synced = 0

    def show_article(self, article: Article, links: ArticleLinks | None = None) -> None:
        """The article's claims; with ``links`` (its claims' link counts)
        when they are known already."""
        statements = article.analysis.statements
        self._article = article
        self._links = links if links is not None and links.article == article.id else ArticleLinks(article.id)
        self.border_title = f"Claims ({len(statements)})"
        options: list[Option | None] = []
        for position, prompt in enumerate(self._prompts(article)):
            if options:
                options.append(None)  # a rule between claims; not an option, positions stay aligned
            options.append(Option(prompt, id=f"s{position}"))
        if not options:
            options = [Option(Text("No attributed statements in this article.", style="italic"), disabled=True)]
        self._synced = None
        self.options.set_options(options)
        self.options.highlighted = None

    def show_links(self, links: ArticleLinks) -> None:
        """Each claim as it stands alone, and how many statements across the
        index answer it, agree with it or speak to its subject."""
        if self._article is None or links.article != self._article.id:
            return
        self._links = links
        self._recolour()

    def _recolour(self, _theme: object = None) -> None:
        """The theme changed: the same prompts in its actor colours."""
        article = self._article
        if article is None:
            return
        for position, prompt in enumerate(self._prompts(article)):
            self.options.replace_option_prompt(f"s{position}", prompt)
        self.options.scroll_to_highlight()  # the rows were measured again: keep the highlight in view

    def _prompts(self, article: Article) -> list[Text]:
        colours, dark = article_colours(article), self.app.current_theme.dark
        links = self._links if self._links.article == article.id else ArticleLinks(article.id)
        return [self._prompt(article, s, colours.color(s.actor, dark=dark), links, i) for i, s in enumerate(article.analysis.statements)]

    @staticmethod
    def _prompt(article: Article, statement: Statement, color: str, links: ArticleLinks, position: int) -> Text:
        text = Text(no_wrap=False, end="")
        text.append("● ", style=color)
        text.append(display_text(speaker_name(article, statement)), style=f"bold {color}")
        text.append(f"  {statement.kind}", style="dim")
        if statement.quote:
            text.append(" · quote", style="dim")
        counts = links.counts(position)
        if counts:
            text.append(f"  {counts.words()}", style="bold" if counts.answers else "dim")
        text.append("\n")
        claim = links.claims.get(position)
        text.append(excerpt(article, statement, claim=claim.text if claim else None))
        return text

    def sync(self, position: int | None) -> None:
        """Follow the current statement without choosing it again."""
        if position is None or position >= self.options.option_count or position < 0:
            return
        self._synced = position
        self.options.highlighted = position

    @on(OptionList.OptionHighlighted, "#claims-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id and event.option_index != self._synced and self.options.has_focus:
            self._synced = event.option_index
            self.post_message(StatementChosen(event.option_index, "claims"))

    @on(OptionList.OptionSelected, "#claims-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self._synced = event.option_index
            self.post_message(StatementChosen(event.option_index, "claims", move=True))
