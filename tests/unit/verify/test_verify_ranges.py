"""A claim's range with one end changed against the range its page states."""

from __future__ import annotations

from app.verify import verify_claim
from app.verify.clashes import PageValues
from app.verify.ranges import range_clash

_PAGE = [
    "Copy after Rogier van der Weyden, Saint Luke drawing the Madonna, ca. 1491-1510, Bruges.",
    "The panel in Bruges is in the best condition and of exceptional quality.",
]


def test_a_range_sharing_one_end_with_the_pages_clashes() -> None:
    for claim, said in (("dates from c. 1491–2567", "1491–2567"), ("from 596–1510", "596–1510")):
        found = range_clash(claim, PageValues(_PAGE))
        assert found is not None and (found.claim_span, found.page_span) == (said, "1491-1510")


def test_the_same_range_or_one_sharing_no_end_is_no_clash() -> None:
    assert range_clash("dates from c. 1491–1510", PageValues(_PAGE)) is None
    assert range_clash("dates from c. 1320–1340", PageValues(_PAGE)) is None


def test_a_range_with_one_end_changed_is_contradicted() -> None:
    claim = "The panel in Bruges is of exceptional quality, but dates from c. 1491–2567."
    assert verify_claim(claim, _PAGE).status == "contradicted"
    assert verify_claim(claim.replace("2567", "1510"), _PAGE).status != "contradicted"
