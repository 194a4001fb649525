"""A claim's measure and its bracketed conversion that disagree, told by the page."""

from __future__ import annotations

from app.verify import verify_claim
from app.verify.clashes import PageValues
from app.verify.conversions import conversion_clash

_PAGE = [
    "In measurements, the palace is 108 metres long across the front and 24 metres high.",
    "The palace was built in stone between 1760 and 1785.",
]


def test_the_side_of_a_pair_its_conversion_and_the_page_contradict_clashes() -> None:
    found = conversion_clash("The front measures 355 feet (43 m) across.", PageValues(_PAGE))
    assert found is not None
    assert (found.claim_span, found.page_span) == ("43 m", "108 metres")
    found = conversion_clash("It stands 80 ft (72 m) high.", PageValues(_PAGE))
    assert found is not None and found.claim_span == "72 m"


def test_a_pair_that_agrees_or_a_page_that_states_neither_is_no_clash() -> None:
    assert conversion_clash("The front measures 355 feet (108 m).", PageValues(_PAGE)) is None
    assert conversion_clash("The hall is 30 feet (43 m) long.", PageValues(_PAGE)) is None


def test_a_misstated_conversion_makes_the_claim_contradicted() -> None:
    claim = "The front of the palace measures 355 feet (43 m) across and 80 ft (24 m) high."
    verdict = verify_claim(claim, _PAGE)
    assert verdict.status == "contradicted"
    assert "'43 m'" in verdict.reasons[0]
    right = "The front of the palace measures 355 feet (108 m) across and 80 ft (24 m) high."
    assert verify_claim(right, _PAGE).status != "contradicted"
