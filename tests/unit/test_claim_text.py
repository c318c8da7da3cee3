"""A claim that stands alone: what "Oslo denied this" denied (index/claim_text.py)."""

from __future__ import annotations

from index.claim_text import claim_texts
from index.models import Span, Statement

from .related_fixture import ramming, rejection, snow


def statement(text: str, sentence: str, cue: str, content: str, kind: str, source: str | None = None) -> Statement:
    start = text.index(sentence)
    whole = Span(start, start + len(sentence))

    def at(piece: str) -> Span:
        found = text.index(piece, start)
        return Span(found, found + len(piece))

    return Statement("x", source or "X", at(source) if source else None, at(cue), at(content), whole, kind, False)


def test_a_pointer_to_the_sentence_before_is_filled_in() -> None:
    article = rejection()
    claims = claim_texts(article.text, article.analysis.statements)
    assert claims[2].text == "denied [that the ramming was deliberate]"
    assert claims[2].refers_to == 1 and claims[2].resolved
    assert "ramming was deliberate" in claims[2].words


def test_a_claim_which_someone_denies_points_at_its_own_sentence() -> None:
    article = ramming()
    claims = claim_texts(article.text, article.analysis.statements)
    assert claims[1].text == "denies a claim [Iceland accused Norway of ramming two trawlers near the fishing grounds]"
    assert claims[1].refers_to == 0
    # the accusation's own claim stops where the denial begins
    assert claims[0].words == "Norway of ramming two trawlers near the fishing grounds"
    assert not claims[0].resolved


def test_contents_that_say_something_are_kept_as_they_are() -> None:
    for article in (ramming(), snow()):
        claims = claim_texts(article.text, article.analysis.statements)
        for statement, claim in zip(article.analysis.statements, claims, strict=True):
            if claim.resolved:
                continue
            assert claim.text in " ".join(article.text.split()), claim.text
    assert claim_texts(snow().text, snow().analysis.statements)[0].text == "heavy snow would fall in the mountains on Friday"


def test_the_term_points_at_the_clause_before_it() -> None:
    text = "Many states call the killings a genocide, although the government disputes the term."
    denial = statement(text, text, "disputes", "the term", "denial", "the government")
    claim = claim_texts(text, [denial])[0]
    assert claim.text == "disputes the term [Many states call the killings a genocide]"
    assert claim.refers_to is None


def test_a_named_claim_is_found_by_its_own_words_further_back() -> None:
    text = (
        "A tanker was hit by a drone near the port, the navy claimed.\n\n"
        "Storms closed the airport for a day.\n\n"
        "The ministry dismissed the drone claim as absolutely untrue."
    )
    earlier = statement(text, "A tanker was hit by a drone near the port, the navy claimed.", "claimed", "A tanker was hit by a drone near the port", "claim", "the navy")
    storms = statement(text, "Storms closed the airport for a day.", "closed", "the airport for a day", "report", "Storms")
    denial = statement(text, "The ministry dismissed the drone claim as absolutely untrue.", "dismissed the drone claim", "the drone claim as absolutely untrue", "denial", "The ministry")
    claims = claim_texts(text, [earlier, storms, denial])
    assert claims[2].refers_to == 0  # the statement that names the drone, not the nearest one
    assert claims[2].text.startswith("dismissed the drone claim [that A tanker was hit by a drone")
    assert claims[2].text.endswith("] as absolutely untrue")


def test_an_object_pointer_with_a_rejection_is_filled_in() -> None:
    text = "The rebels said the bridge was destroyed. The army described it as a lie."
    claim = statement(text, "The rebels said the bridge was destroyed.", "said", "the bridge was destroyed", "claim", "The rebels")
    lie = statement(text, "The army described it as a lie.", "described", "a lie", "claim", "The army")
    claims = claim_texts(text, [claim, lie])
    assert claims[1].text == "described it [that the bridge was destroyed] as a lie"
    assert claims[1].refers_to == 0


def test_an_appeal_to_them_is_not_a_pointer() -> None:
    text = "The rebels said the bridge was destroyed. The mayor urged them to stop."
    claim = statement(text, "The rebels said the bridge was destroyed.", "said", "the bridge was destroyed", "claim", "The rebels")
    appeal = statement(text, "The mayor urged them to stop.", "urged", "them", "appeal", "The mayor")
    assert not claim_texts(text, [claim, appeal])[1].resolved


def test_a_reciprocal_target_is_not_a_pointer() -> None:
    text = "Both sides blamed the other."
    blame = statement(text, text, "blamed", "the other", "accusation", "Both sides")
    assert not claim_texts(text, [blame])[0].resolved


def test_a_fragment_is_shown_with_its_whole_sentence() -> None:
    text = "The town reported photos of a jet which it claims was shot down by a missile. The army denied it."
    report = statement(text, "The town reported photos of a jet which it claims was shot down by a missile.", "claims", "was shot down by a missile", "claim", "it")
    denial = statement(text, "The army denied it.", "denied", "it", "denial", "The army")
    claims = claim_texts(text, [report, denial])
    assert claims[1].text == "denied [The town reported photos of a jet which it claims was shot down by a missile.]"
