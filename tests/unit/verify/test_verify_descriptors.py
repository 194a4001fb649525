"""What a claim calls a person, against what the page calls them."""

from __future__ import annotations

from app.verify.descriptors import descriptor_clash
from app.verify.retrieval import index_passages
from app.verify.verdict import verify_claim

CLAIM = "The film follows the American DJ and producer Maria Lopez on her world tour."


def _clash(claim: str, passages: list[str]) -> tuple[int, str, str, str] | None:
    found = descriptor_clash(claim, index_passages(passages))
    return None if found is None else (found.passage, found.claim_span, found.page_span,
                                       found.reason)  # fmt: skip


def test_a_line_of_work_the_page_never_gives_the_person_clashes() -> None:
    page = ["The film follows a DJ on her world tour.", "Hosted by veteran journalist Maria Lopez."]
    assert _clash(CLAIM, page) == (
        1,
        "DJ and producer",
        "journalist",
        "the claim calls 'Maria Lopez' 'DJ and producer'; the page calls them 'journalist'",
    )
    verdict = verify_claim(CLAIM, page)
    assert verdict.status == "contradicted"
    assert verdict.reasons[0].startswith("the claim calls 'Maria Lopez'")


def test_words_of_the_same_line_of_work_agree() -> None:
    # a singer and a DJ both work in music; a director and a producer both on screen
    assert _clash(CLAIM, ["Famed singer Maria Lopez toured the world."]) is None
    claim = "The series was made by director Maria Lopez."
    assert _clash(claim, ["The series comes from producer Maria Lopez."]) is None


def test_one_shared_word_is_enough_whatever_else_the_page_says() -> None:
    page = ["Journalist and producer Maria Lopez.", "Veteran journalist Maria Lopez spoke."]
    assert _clash(CLAIM, page) is None


def test_a_page_that_says_nothing_of_the_persons_work_does_not_clash() -> None:
    assert _clash(CLAIM, ["Maria Lopez toured the world with her band."]) is None
    assert _clash(CLAIM, ["Veteran journalist Ana Ruiz toured the world."]) is None


def test_only_the_same_persons_words_count() -> None:
    # "journalist" belongs to Ana Ruiz here, not to Maria Lopez
    page = ["Veteran journalist Ana Ruiz met Maria Lopez."]
    assert _clash(CLAIM, page) is None


def test_a_capitalised_title_or_punctuation_ends_the_words_before_a_name() -> None:
    # "Senator" is part of the name run; "journalist," is parted from the name by a comma
    assert _clash("Senator Maria Lopez spoke.", ["Veteran journalist Maria Lopez."]) is None
    assert _clash(CLAIM, ["A famous journalist, Maria Lopez toured."]) is None
