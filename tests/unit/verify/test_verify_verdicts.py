"""verify_claim on small handmade pages: supported, contradicted, not found."""

from __future__ import annotations

from app.verify import SUPPORT_THRESHOLD, verify_claim, verify_claims
from app.verify.claim_text import strip_attribution
from app.verify.passages import trim_evidence

PAGE = (
    "Harbor City Transit Annual Report 2024. "
    "Ridership on the Harbor City light rail rose to 48 million trips in 2024, up from "
    "41 million in 2023. The agency opened the Eastside extension in March. "
    "Fares were not increased during the year. Bus ridership fell 4% over the same period."
)


def test_a_claim_the_page_states_is_supported() -> None:
    verdict = verify_claim(
        "Harbor City light rail ridership rose to 48 million trips in 2024.", PAGE
    )
    assert verdict.status == "supported"
    assert verdict.score >= SUPPORT_THRESHOLD
    assert "48 million" in verdict.evidence


def test_an_attribution_clause_does_not_count_against_the_claim() -> None:
    claim = "Bus ridership fell 4%, according to the agency's annual report."
    assert strip_attribution(claim) == "Bus ridership fell 4%."
    assert verify_claim(claim, PAGE).status == "supported"


def test_a_different_figure_in_the_same_unit_contradicts() -> None:
    verdict = verify_claim("Bus ridership in Harbor City fell 14% over the year.", PAGE)
    assert verdict.status == "contradicted"
    assert "4%" in verdict.evidence
    assert verdict.score < SUPPORT_THRESHOLD


def test_a_different_count_contradicts() -> None:
    claim = "Ridership on the Harbor City light rail rose to 52 million trips in 2024."
    assert verify_claim(claim, PAGE).status == "contradicted"


def test_a_negated_statement_contradicts() -> None:
    verdict = verify_claim("Harbor City Transit increased fares during the year.", PAGE)
    assert verdict.status == "contradicted"
    assert "not increased" in verdict.evidence


def test_an_unrelated_claim_is_not_found() -> None:
    verdict = verify_claim("The city council approved a new stadium for the Harbor Hawks.", PAGE)
    assert verdict.status == "not_found"
    assert verdict.score < SUPPORT_THRESHOLD


def test_a_figure_missing_from_the_page_is_not_found() -> None:
    verdict = verify_claim("The Eastside extension cost $310 million to build.", PAGE)
    assert verdict.status == "not_found"


def test_a_claim_spread_over_two_sentences_is_supported() -> None:
    claim = "The agency opened the Eastside extension in 2024, when light rail ridership rose."
    assert verify_claim(claim, PAGE).status == "supported"


def test_passages_given_as_a_list_keep_their_indices() -> None:
    passages = ["Title: Transit report", "Fares were cut.", "Ridership rose to 48 million."]
    verdict = verify_claim("Ridership rose to 48 million.", passages)
    assert verdict.evidence_index == 2
    assert verdict.evidence == passages[2]


def test_an_empty_page_or_claim_is_not_found() -> None:
    assert verify_claim("Ridership rose.", "").status == "not_found"
    assert verify_claim("", PAGE).status == "not_found"
    assert verify_claim("Ridership rose.", []).evidence_index is None


def test_evidence_is_trimmed_to_500_characters() -> None:
    long = "word " * 300
    assert len(trim_evidence(long)) <= 500
    assert trim_evidence("  a   b ") == "a b"


def test_several_claims_on_one_source_match_one_at_a_time() -> None:
    claims = ["Bus ridership fell 4%.", "Bus ridership fell 14%.", "A stadium was approved."]
    assert verify_claims(claims, PAGE) == [verify_claim(c, PAGE) for c in claims]
