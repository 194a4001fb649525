"""The perturbation builder's name swaps follow issue 11's definition (bench/perturb_names.py)."""

from __future__ import annotations

import random

from bench.perturb_names import entity_swaps, name_kind, whole_names

PAGE = [
    "And cutting the ribbon will be Brian Wilkins, 82, who has been using the beach since 1938.",
    '"We are finally here," said Steve Elsworth from the Friends of the beach group.',
    "The steps were paid for by the council in North Devon after a long wait.",
    "Reply Cancel Create Account",
]
CLAIM = "It was officially opened by Brian Wilkins, who had been using the beach since 1938."


def _swaps(claim: str, page: list[str]) -> list[tuple[str, str]]:
    found = entity_swaps(claim, page, random.Random(11), [])
    return [(claim[start:end], new) for _, start, end, new in found]


def test_a_person_in_the_claims_role_is_swapped_for_another_person_the_page_names() -> None:
    assert _swaps(CLAIM, PAGE) == [("Brian Wilkins", "Steve Elsworth")]


def test_no_swap_for_another_type_or_for_page_chrome() -> None:
    page = [PAGE[0], PAGE[2], PAGE[3], "Visitors come from Bristol and Exeter to North Devon."]
    assert _swaps(CLAIM, page) == []  # North Devon is a place, Create Account is chrome


def test_no_swap_when_the_page_does_not_state_the_name_in_the_claims_role() -> None:
    page = ["Brian Wilkins, 82, spoke to us.", PAGE[1]]
    assert _swaps(CLAIM, page) == []


def test_no_swap_to_a_name_the_page_gives_the_claims_role_as_well() -> None:
    page = [*PAGE, "Steve Elsworth, who has been using the beach since 1938, opened it too."]
    assert _swaps(CLAIM, page) == []


def test_types_come_from_the_name_and_its_mentions() -> None:
    page = " ".join(
        PAGE + ["She moved to a farm in North Devon in 1990.", "The Shuttleworth Collection."]
    )
    assert name_kind("Brian Wilkins", page) == "person"
    assert name_kind("Shuttleworth Collection", page) == "org"
    assert name_kind("North Devon", page) == "place"
    assert name_kind("Create Account", page) is None


def test_fragments_of_longer_names_are_not_names() -> None:
    text = "He saw I'll Sleep When I'm Dead and the Centers for Medicare and Medicaid Services."
    assert [m.group() for m in whole_names(text)] == []
    assert [m.group() for m in whole_names("a poem by Maya Angelou, read aloud")] == [
        "Maya Angelou"
    ]
