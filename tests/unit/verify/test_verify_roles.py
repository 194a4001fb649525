"""Role alignment: a claim's name where the passage that tells the claim has another name."""

from __future__ import annotations

from app.verify.clashes import Clash
from app.verify.entities import name_span, names, tokens_of
from app.verify.retrieval import bm25
from app.verify.roles import role_clash
from app.verify.terms import claim_terms
from app.verify.verdict import Page, verify_claim


def _role(claim: str, passages: list[str]) -> Clash | None:
    page = Page(passages)
    return role_clash(claim, page.index, bm25(claim_terms(claim), page.index))


OPENING = [
    "The council paid for the new steps.",
    "And cutting the ribbon will be Brian Wilkins, 82, who has been using the beach since 1938.",
    "Steve Elsworth from the Friends of the beach thanked the council.",
]


def test_another_name_between_the_same_governing_words_clashes() -> None:
    claim = "It was opened by Steve Elsworth, who had been using the beach since 1938."
    found = _role(claim, OPENING)
    assert found == Clash(
        1, "Steve Elsworth", "Brian Wilkins",
        "the claim names 'Steve Elsworth' where the page has 'Brian Wilkins'",
    )  # fmt: skip
    verdict = verify_claim(claim, OPENING)
    assert verdict.status == "contradicted"
    assert verdict.evidence_index == 1 and "'Brian Wilkins'" in verdict.reasons[0]


def test_the_right_name_is_not_a_clash() -> None:
    claim = "It was opened by Brian Wilkins, who had been using the beach since 1938."
    assert _role(claim, OPENING) is None
    assert verify_claim(claim, OPENING).status != "contradicted"


def test_a_passage_naming_the_claims_name_that_tells_the_claim_as_well_prevents_a_clash() -> None:
    page = [*OPENING, "Steve Elsworth, who has been using the beach since 1938, opened it."]
    claim = "It was opened by Steve Elsworth, who had been using the beach since 1938."
    assert _role(claim, page) is None


def test_a_name_the_page_lacks_with_no_name_in_its_slot_is_not_contradicted() -> None:
    claim = "It was opened by Steve Elsworth, who had been using the beach since 1938."
    page = ["The council paid for the steps.", "It was opened by a man using the beach since 1938."]
    assert _role(claim, page) is None
    assert verify_claim(claim, page).status != "contradicted"


def test_the_nearest_governing_word_must_be_the_same() -> None:
    # "store" and "eyeglass" are near both names, but the name nearest "increase" is no store
    claim = "He hoped his online eyeglass store would increase its Google PageRank."
    page = ["He threatened customers of his online eyeglass store, DecorMyEyes, last year."]
    assert _role(claim, page) is None


def test_a_subject_never_fills_the_slot_of_a_prepositions_object() -> None:
    claim = "She bowls for the club in North Cardiff and became the first club member capped."
    page = ["Nina Shipperlee became the first club member capped for the country."]
    assert _role(claim, page) is None


def test_an_organisation_does_not_clash_with_a_person() -> None:
    claim = "The short film about the harbour was directed by Acme Studios in the spring."
    page = ["The short film about the harbour was directed by Jane Okafor in the spring."]
    assert _role(claim, page) is None
    person = "The short film about the harbour was directed by Paul Mensah in the spring."
    found = _role(person, page)
    assert found is not None and (found.claim_span, found.page_span) == (
        "Paul Mensah",
        "Jane Okafor",
    )


def test_the_claims_own_words_in_capitals_are_not_a_name() -> None:
    claim = "Todd Watson is the head coach of the Saginaw Spirit in the hockey league."
    page = ["Jackalopes hire Todd Watson as new Head Coach of the hockey league"]
    assert _role(claim, page) is None


def test_an_organisation_word_shared_is_not_the_claims_name_on_the_page() -> None:
    # "museums" on the page is not the Munnings Museum
    claim = 'Museums celebrate "making, debating and exhibiting art at the Munnings Museum".'
    page = ["Museums celebrate making, debating and exhibiting art at the Royal Academy."]
    found = _role(claim, page)
    assert found is not None and found.page_span == "Royal Academy"


def test_a_clash_names_the_part_of_a_capitalised_run_in_the_slot() -> None:
    claim = "Arnold is the publisher and editorial director of Acme Weekly News, a trade paper."
    page = ["He was the Publisher and Editorial Director of Home Media Magazine, a trade paper."]
    found = _role(claim, page)
    assert found is not None and found.page_span == "Home Media Magazine"


def test_punctuation_ends_a_name_and_an_initial_does_not() -> None:
    text = "It is popular in Iraq, Libya and Nepal; William J. Seymour said so (TEF): LIPA won."
    toks = tokens_of(text)
    spans = [name_span(text, toks, n) for n in names(toks)]
    assert spans == ["Iraq", "Libya and Nepal", "William J. Seymour", "TEF", "LIPA"]


def test_words_around_a_name_across_punctuation_are_no_anchor() -> None:
    claim = "It is also popular in Iraq, Libya and Nepal."
    page = ["Israel struck targets in Iraq 'Using F-35' jets, officials said."]
    assert verify_claim(claim, page).status != "contradicted"


def test_every_passage_about_as_close_as_the_best_is_aligned() -> None:
    claim = (
        "Todd Watson is the head coach of the Saginaw Spirit in the North American Hockey League."
    )
    page = [
        "Jackalopes hire Todd Watson as head coach | North American Hockey League",
        "The Odessa Jackalopes, proud members of the North American Hockey League, hired Todd"
        " Watson as their sixth head coach in team history.",
    ]
    found = _role(claim, page)
    assert found is not None and (found.passage, found.page_span) == (1, "Odessa Jackalopes")


def test_numbers_around_a_name_do_not_tell_the_claim_elsewhere() -> None:
    # the "2nd" of another unit is no sign that the passage naming Cape Helles tells the claim
    claim = "It then became the 2nd (Cape Helles) Battalion, London Regiment (Royal Fusiliers)."
    page = [
        "2/2nd (Tower Hamlets) Battalion (Royal Fusiliers)",
        "They landed on 13 October 1915 at Cape Helles, joining the 2nd Brigade of the Royal"
        " Naval Division.",
    ]
    found = _role(claim, page)
    assert found is not None and (found.passage, found.page_span) == (0, "Tower Hamlets")


def test_another_name_in_a_passage_about_another_year_is_no_clash() -> None:
    claim = "On 20 October 2015, Reyes signed to the Harbor Hawks practice squad for the season."
    page = [
        "Reyes was signed to the Mill City practice squad on 29 October 2013 for the season.",
        "He joined the Harbor Hawks in 2015 after a trial.",
    ]
    assert verify_claim(claim, page).status != "contradicted"
    same_year = [page[0].replace("29 October 2013", "20 October 2015"), page[1]]
    verdict = verify_claim(claim, same_year)
    assert verdict.status == "contradicted" and "'Mill City'" in verdict.reasons[0]
