"""Another owner or maker for a named thing: "Google's Mixtral 8x22B" where the page has
Mistral AI's (issue 11's own example)."""

from __future__ import annotations

import pytest

from app.verify.clashes import Clash
from app.verify.retrieval import bm25
from app.verify.swaps import owner_clash
from app.verify.terms import claim_terms
from app.verify.verdict import Page, verify_claim

PAGE = [
    "Mistral AI released Mixtral 8x22B, an open mixture-of-experts model, in April 2024.",
    "The company is based in Paris and employs about sixty people.",
    "Google released Gemma, a family of small open models, in February.",
]


def _owner(claim: str, passages: list[str]) -> Clash | None:
    page = Page(passages)
    return owner_clash(claim, page.index, bm25(claim_terms(claim), page.index))


def test_the_issues_example_is_contradicted() -> None:
    page = ["Mistral AI's Mixtral 8x22B is a sparse mixture-of-experts model.", PAGE[1]]
    verdict = verify_claim("Google's Mixtral 8x22B is a sparse mixture-of-experts model.", page)
    assert verdict.status == "contradicted"
    assert verdict.evidence_index == 0
    assert verdict.reasons[0] == 'the claim names "Google\'s" where the page has "Mistral AI\'s"'


@pytest.mark.parametrize(
    "claim",
    [
        "Google's Mixtral 8x22B is an open mixture-of-experts model.",
        "Google released Mixtral 8x22B, an open mixture-of-experts model, in April 2024.",
        "Gemma by Mistral AI is a family of small open models.",
    ],
)
def test_a_maker_the_page_names_in_another_form_clashes(claim: str) -> None:
    # the claim's maker is on the page, but as the maker of something else
    verdict = verify_claim(claim, PAGE)
    assert verdict.status == "contradicted"
    assert "where the page has" in verdict.reasons[0]


def test_the_right_maker_in_another_form_is_no_clash() -> None:
    for claim in [
        "Mistral AI's Mixtral 8x22B is an open mixture-of-experts model.",
        "Mixtral 8x22B by Mistral AI is an open mixture-of-experts model.",
        "Google released Gemma, a family of small open models.",
    ]:
        assert _owner(claim, PAGE) is None
        assert verify_claim(claim, PAGE).status != "contradicted"


def test_a_page_naming_both_makers_with_the_thing_is_no_clash() -> None:
    page = [*PAGE, "Google's cloud now hosts Mixtral 8x22B for its customers."]
    assert _owner("Google's Mixtral 8x22B is an open model.", page) is None


def test_a_name_after_a_verb_that_makes_nothing_is_no_owner() -> None:
    # "won" and "with" relate a player and a cup, but neither made nor owns it
    claim = "Mathis won the MLS Cup with Real Salt Lake in 2009 on penalty kicks."
    page = ["Real Salt Lake wins MLS Cup on penalty kicks", "Mathis scored the first kick."]
    assert _owner(claim, page) is None


def test_a_title_and_a_name_by_an_article_are_no_owner_pair() -> None:
    claim = "In 2018 the film was added to the National Film Registry by the Library of Congress."
    page = ['"They document our history," Carla Hayden, the Librarian of Congress, said.']
    assert _owner(claim, page) is None


def test_a_maker_further_from_the_thing_it_made_clashes_with_the_pages_author() -> None:
    page = [
        "THE RIGHT STUFF by Tom Wolfe; Farrar, Straus & Giroux; 436 pages.",
        "The test pilots wore Henry James' worsteds, a reviewer joked about the story.",
    ]
    claim = (
        "Henry James published a less sanitized version of the pilots' story in The Right Stuff."
    )
    found = _owner(claim, page)
    assert found is not None and (found.claim_span, found.page_span) == ("Henry James", "Tom Wolfe")
    right = "Tom Wolfe published a less sanitized version of the pilots' story in The Right Stuff."
    assert _owner(right, page) is None


def test_a_making_verb_far_from_the_maker_makes_no_pair() -> None:
    claim = "Henry James, who later lived in Rye, published a story about Daisy Miller."
    page = ["Daisy Miller by Henry James appeared in 1878.", "Rye is a town in Sussex."]
    assert _owner(claim, page) is None
