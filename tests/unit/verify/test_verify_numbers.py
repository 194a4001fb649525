"""Numbers outside typed figures ("G7", "2018–19") on handmade pages: never supported unstated."""

from __future__ import annotations

from app.verify import verify_claim

SAID = (
    "A 2016 report by the Chief Public Health Officer of Canada found that 88% of Canadians,"
    " one of the highest proportions among G7 countries, said they had good health."
)
PAGE = [SAID]


def test_a_claim_number_the_page_never_states_is_not_supported() -> None:
    claim = SAID.replace("G7", "G21")  # every word on the page: supported but for "21"
    verdict = verify_claim(claim, PAGE)
    assert verdict.status != "supported"
    assert "the page never states '21'" in verdict.reasons


def test_the_same_claim_with_the_pages_number_is_supported() -> None:
    assert verify_claim(SAID, PAGE).status == "supported"


def test_a_season_written_short_is_not_a_number_the_page_lacks() -> None:
    page = ["The name change takes full effect during the 2018-2019 academic year."]
    claim = "The name change takes full effect during the 2018–19 academic year."
    assert not any("never states '19'" in r for r in verify_claim(claim, page).reasons)
