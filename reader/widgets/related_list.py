"""What others said on a statement's subject, as options of a list: the
denials and answers first, then agreements, then the rest; each with who
said it, how it stands to the statement, where and when.  Shared by the
tour and the `r` list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.widgets.option_list import Option

from index.dates import shown_date
from index.related import GROUP, RelatedItem

from .choice import Choice
from .text_layout import display_text, shorten

GROUP_TITLES = ("Denials and answers", "Saying the same", "On the same subject")
# how the other statement stands to this one, in words
RELATION_WORDS = {
    "denies": "denies it",
    "rejects": "rejects it",
    "accuses": "the claim it answers",
    "is accused": "the accused answers",
    "agrees": "says the same",
    "same subject": "same subject",
}


@dataclass(frozen=True, slots=True)
class RelatedTarget:
    """A related statement to go to (an option's value)."""

    article: str
    position: int


ActorColour = Callable[[RelatedItem], str | None]


def related_options(
    items: Sequence[RelatedItem], *, here: str | None = None, claim_chars: int = 200, colour: ActorColour | None = None
) -> list[Option]:
    """Headings and one option per related statement, in the list's order;
    ``here`` is the open article's id ("this article" instead of its title);
    ``colour`` gives a speaker's actor colour, when it has one here."""
    options: list[Option] = []
    group = None
    for item in items:
        if GROUP[item.relation] != group:
            group = GROUP[item.relation]
            options.append(Option(Text(GROUP_TITLES[group], style="bold dim"), disabled=True))
        prompt = related_prompt(item, here=here, claim_chars=claim_chars, colour=colour(item) if colour else None)
        options.append(Choice(prompt, RelatedTarget(item.article, item.position)))
    return options


def related_prompt(item: RelatedItem, *, here: str | None = None, claim_chars: int = 200, colour: str | None = None) -> Text:
    """"● Speaker  denies it · Title · 2020-09-28", then the claim; the
    speaker in its actor ``colour`` when it has one."""
    text = Text(end="")
    answer = GROUP[item.relation] == 0
    text.append("● ", style=colour or ("bold" if answer else "dim"))
    text.append(display_text(item.speaker), style=f"bold {colour}" if colour else "bold")
    text.append(f"  {RELATION_WORDS.get(item.relation, item.relation)}", style="bold italic" if answer else "italic")
    where = "this article" if item.article == here else shorten(display_text(item.title), 60)
    date = shown_date(item.date)
    text.append(f" · {where}" + (f" · {date}" if date else ""), style="dim")
    if item.copies:
        text.append(f" (+{item.copies} repeat{'s' if item.copies != 1 else ''})", style="dim")
    text.append("\n" + shorten(display_text(" ".join(item.claim.split())), claim_chars))
    return text
