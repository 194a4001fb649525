"""The verifier's features, offsets, evidence order and decision, pinned on handmade pages.

Every expected value is worked out by hand in the comments (stems, shares, logs), or from
the fitted weights read straight from params.json, never by calling the code under test.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from app.verify.clashes import Clash
from app.verify.scoring import FEATURES, Params
from app.verify.verdict import (
    Analysis,
    Page,
    Verdict,
    analyse,
    decide,
    verify_claim,
    verify_on_page,
)

# Stems: Councillors -> counci, approved -> approv, harbour -> harbou, budget, Marlow -> marlow
# (a capital mid-sentence: a name, weight 2); "the" and "in" are stopwords.
CLAIM = "Councillors approved the harbour budget in Marlow."
PASSAGES = [
    "Councillors approved the budget.",  # counci approv budget
    "Weather stayed calm.",  # nothing of the claim
    "The vote happened in Marlow town.",  # vot happen marlow town
]
# Greedy cover: passage 0 adds 3 (three words), then passage 2 adds 2 (the name); harbour is
# nowhere. Chosen: 0 and 2.
FEATURES_BY_HAND = {
    "words": 3 / 4,  # counci approv budget of counci approv harbou budget
    "names": 1.0,  # marlow
    "numbers": 1.0,  # no numbers: complete
    "best_passage": 3 / 6,  # passage 0 holds 3 of the weight 6 (4 words + a name of 2)
    "figures_stated": 1.0,  # no figures
    "figures_unstated": 0.0,
    "length": math.log(1 + 5),  # five content terms
    # claim pairs (counci approv) (approv harbou) (harbou budget) (budget marlow);
    # only (counci approv) is adjacent in a chosen passage
    "bigrams": 1 / 4,
    # three, ten or thirty passages in a row: all three, which state 5 of the weight 6
    # (harbour nowhere, nor a stem starting "harb"); the mean of three 5 / 6
    "section": 5 / 6,
}
WEIGHTS = json.loads(
    (Path(__file__).parents[3] / "app/verify/params.json").read_text(encoding="utf-8")
)


def _logistic(features: dict[str, float], weights: dict[str, float], intercept: float) -> float:
    z = intercept + sum(weights[name] * features[name] for name in weights)
    return 1 / (1 + math.exp(-z))


def test_features_of_a_claim_spread_over_two_passages() -> None:
    found = analyse(CLAIM, Page(PASSAGES))
    assert found is not None
    assert found.features == pytest.approx(FEATURES_BY_HAND, abs=1e-12)
    assert set(FEATURES) <= set(found.features)  # the score weighs some, the reasons show all
    assert found.clash is None and found.unstated == ()


def test_features_of_a_claim_with_a_number_and_no_name() -> None:
    # stems: rents rose 12 boroughs -> rent ros 12 borough; "12" a number of weight 2
    page = Page(["Rents rose sharply.", "There are 12 boroughs here."])
    found = analyse("Rents rose in 12 boroughs.", page)
    assert found is not None
    by_hand = {
        "words": 3 / 3,  # rent, ros (passage 0), borough (passage 1)
        "names": 1.0,  # none
        "numbers": 1.0,  # 12 is in passage 1
        "best_passage": 3 / 5,  # passage 1: 12 (2) + borough (1) of weight 5
        "length": math.log(1 + 4),
        # pairs (rent ros) (ros 12) (12 borough): the first in passage 0, the last in 1
        "bigrams": 2 / 3,
    }
    assert {k: found.features[k] for k in by_hand} == pytest.approx(by_hand, abs=1e-12)


def test_a_claim_of_one_word_has_no_pairs_to_miss() -> None:
    found = analyse("Budgets.", Page(["The budget passed.", "Rain fell."]))
    assert found is not None
    assert found.features["bigrams"] == 1.0
    assert found.features["length"] == pytest.approx(math.log(2))
    assert found.features["words"] == found.features["best_passage"] == 1.0


def test_a_claim_of_names_only_counts_its_words_as_complete() -> None:
    # "Marlow" and "Tilbury" mid-sentence are names; "Between" opens it and is a stopword
    found = analyse("Between Marlow and Tilbury.", Page(["Marlow lies far from Tilbury."]))
    assert found is not None
    assert (found.features["words"], found.features["names"]) == (1.0, 1.0)


def test_the_verdict_reports_every_feature_to_two_places_and_the_score_from_the_weights() -> None:
    verdict = verify_on_page(CLAIM, Page(PASSAGES))
    score = _logistic(FEATURES_BY_HAND, WEIGHTS["weights"], WEIGHTS["intercept"])
    assert verdict.score == round(score, 4)
    assert verdict.reasons == (
        "words=0.75", "names=1.00", "numbers=1.00", "best_passage=0.50", "figures_stated=1.00",
        "figures_unstated=0.00", "length=1.79", "bigrams=0.25", "section=0.83",
    )  # fmt: skip
    assert verdict.status == (
        "supported" if score >= WEIGHTS["thresholds"]["supported"] else "partially_supported"
    )
    assert (verdict.evidence_index, verdict.evidence) == (0, PASSAGES[0])


def test_offsets_point_into_the_text_even_when_passages_repeat() -> None:
    text = "Alpha beta gamma. Alpha beta gamma."
    page = Page(text)
    assert page.passages == ["Alpha beta gamma.", "Alpha beta gamma."]
    assert page.offsets == [(0, 17), (18, 35)]


def test_offsets_of_a_list_count_it_as_joined_by_newlines() -> None:
    # "ab cd" at 0..5, a newline, "ef" at 6..8, a newline, "ab cd" again at 9..14
    assert Page(["ab cd", "ef", "ab cd"]).offsets == [(0, 5), (6, 8), (9, 14)]


def test_a_verdict_carries_the_offsets_of_its_evidence_in_order() -> None:
    text = "Rain fell. " + " ".join(PASSAGES)
    # passages: "Rain fell." 0..10, then PASSAGES[0] at 11..43, [1] at 44..64, [2] at 65..98
    verdict = verify_claim(CLAIM, text)
    assert verdict.evidence_indices[:2] == (1, 3)
    assert verdict.offsets[:2] == ((11, 43), (65, 98))
    assert text[65:98] == PASSAGES[2]


def test_evidence_is_the_chosen_passages_then_the_best_ranked_others_three_in_all() -> None:
    page = Page([
        "Calm seas.",  # nothing
        "Harbour fees rose.",  # harbou: ranked, adds nothing once passage 3 is chosen
        "Quiet night.",  # nothing
        "Councillors approved the harbour budget.",  # every word
        "The budget passed.",  # budget: ranked
    ])  # fmt: skip
    found = analyse("Councillors approved the harbour budget.", page)
    assert found is not None
    assert found.order[0] == 3
    assert len(found.order) == 3
    assert set(found.order[1:]) == {1, 4}  # the two others that share a word, not 0 or 2


def _analysis(clash: Clash | None = None, unstated: tuple[str, ...] = ()) -> Analysis:
    features = dict.fromkeys(FEATURES, 1.0)
    return Analysis(features, [0], clash, unstated)


def _params(z: float, supported: float = 0.7, partially: float = 0.4) -> Params:
    """Weights of zero and an intercept of z: the score is the logistic of z."""
    return Params(dict.fromkeys(FEATURES, 0.0), z, supported, partially)


def test_decide_supports_at_the_threshold_and_not_below() -> None:
    at = math.log(0.7 / 0.3)  # logistic(at) == 0.7, to a few ulps
    status, score = decide(_analysis(), _params(at + 1e-9))
    assert (status, score) == ("supported", pytest.approx(0.7))
    assert decide(_analysis(), _params(at - 1e-6))[0] == "partially_supported"


def test_decide_partly_supports_down_to_its_own_threshold() -> None:
    at = math.log(0.4 / 0.6)
    assert decide(_analysis(), _params(at + 1e-9)) == ("partially_supported", pytest.approx(0.4))
    assert decide(_analysis(), _params(at - 1e-6))[0] == "not_found"


def test_a_figure_the_page_never_states_holds_a_claim_at_partly_supported() -> None:
    status, score = decide(_analysis(unstated=("$310 million",)), _params(3.0))
    assert status == "partially_supported"
    assert score == pytest.approx(1 / (1 + math.exp(-3.0)))


def test_a_partial_threshold_above_the_supported_one_is_capped_by_it() -> None:
    params = _params(math.log(0.5 / 0.5), supported=0.45, partially=0.6)  # score 0.5
    assert decide(_analysis(unstated=("x",)), params) == ("partially_supported", 0.5)


def test_a_clash_contradicts_at_half_the_score() -> None:
    clash = Clash(0, "14%", "4%", "the page says 4%")
    status, score = decide(_analysis(clash=clash), _params(2.0))
    assert status == "contradicted"
    assert score == pytest.approx(0.5 / (1 + math.exp(-2.0)))


NEGATES = "one side negates what the other states"


def test_a_negation_contradicts_when_the_page_shares_exactly_the_topic_share() -> None:
    # topic (no numbers): harbor fare increas (1 each) + Marlow (a name, 2) = 5; the page
    # has the three words: 3 / 5 = 0.6, the threshold itself
    found = analyse("Harbor fares increased in Marlow.", Page(["Harbor fares were not increased."]))
    assert found is not None and found.clash is not None
    assert (found.clash.passage, found.clash.reason) == (0, NEGATES)


def test_a_negation_on_a_page_about_something_else_does_not_contradict() -> None:
    # two names missing: 3 / 7 of the topic, below 0.6
    claim = "Harbor fares increased in Marlow and Tilbury."
    found = analyse(claim, Page(["Harbor fares were not increased.", "Rain fell."]))
    assert found is not None and found.clash is None
    assert verify_claim(claim, ["Harbor fares were not increased.", "Rain fell."]).status != (
        "contradicted"
    )


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Harbor fares increased.", "Harbor fares were not increased."),
        ("Harbor fares were not increased.", "Harbor fares increased."),
    ],
)
def test_a_negation_on_either_side_contradicts_and_leads_the_evidence(
    claim: str, passage: str
) -> None:
    verdict = verify_claim(claim, ["Rain fell.", passage])
    assert verdict.status == "contradicted"
    assert (verdict.evidence_index, verdict.evidence) == (1, passage)
    assert verdict.reasons[0] == NEGATES
    assert set(FEATURES) <= {r.split("=")[0] for r in verdict.reasons[1:]}
    assert verdict.score <= 0.5  # half a support score


def test_another_name_in_a_ranked_passage_that_cover_did_not_choose_contradicts() -> None:
    claim = "The festival was founded by Maria Lopez in the old harbour town."
    passages = [
        "The festival was founded by Maria Lopez.",  # chosen: every name and three words
        "Harbour town is old.",  # chosen: the rest of the words
        "A festival was founded by Carlos Diaz in the old harbour town.",  # ranked, not chosen
        "Rain.",
    ]
    found = analyse(claim, Page(passages))
    assert found is not None and found.clash is not None
    assert found.clash.passage == 2
    assert found.clash.reason == "the claim names 'Maria Lopez' where the page has 'Carlos Diaz'"
    assert found.order == [2, 0, 1]  # the clashing passage first, three in all
    verdict = verify_claim(claim, passages)
    assert verdict.status == "contradicted"
    assert verdict.reasons[0] == found.clash.reason
    assert verdict.offsets[0] == (
        len(passages[0]) + len(passages[1]) + 2,
        len(passages[0]) + len(passages[1]) + 2 + len(passages[2]),
    )


def test_a_name_the_page_lacks_off_topic_does_not_contradict() -> None:
    # the claim's names are missing from the page: 5 / 9 of its topic, below 0.6
    claim = "The festival was founded by Maria Lopez in the old harbour town."
    page = ["Tickets sold out.", "The festival was founded by Carlos Diaz in the old harbour town."]
    found = analyse(claim, Page(page))
    assert found is not None and found.clash is None


def test_nothing_to_compare_gives_the_bare_not_found_verdict() -> None:
    expected = Verdict("not_found", "", 0.0, None, reasons=("no passage shares a word",))
    assert verify_claim("Ridership rose.", "") == expected
    assert verify_claim("The of and.", ["Ridership rose."]) == expected  # stopwords only


def test_a_name_clash_is_found_in_a_top_ranked_passage_that_adds_nothing_to_the_cover() -> None:
    claim = "The festival was founded by Maria Lopez in the old harbour town."
    passages = [
        "A festival was founded by Carlos Diaz in the town.",  # ranked; its words are covered
        "Rain.", "Snow.", "Fog.",  # nothing: ranked last
        "The festival was founded by Maria Lopez.",  # chosen first: both names, two words
        "Harbour town is old.",  # chosen next: the three words left
    ]  # fmt: skip
    found = analyse(claim, Page(passages))
    assert found is not None and found.clash is not None
    assert (found.clash.passage, found.clash.claim_span, found.clash.page_span) == (
        0, "Maria Lopez", "Carlos Diaz",
    )  # fmt: skip
    assert found.order == [0, 4, 5]
    # pairs festiv-found found-maria maria-lopez lopez-old old-harbou harbou-town: the chosen
    # passages 4 and 5 hold the first three and the last; passage 0 is not among them
    assert found.features["bigrams"] == pytest.approx(4 / 6)


def test_a_negation_clash_spans_the_claim_and_the_passage() -> None:
    found = analyse("Harbor fares increased.", Page(["Rain.", "Harbor fares were not increased."]))
    assert found is not None and found.clash is not None
    assert (found.clash.claim_span, found.clash.page_span) == (
        "Harbor fares increased.", "Harbor fares were not increased.",
    )  # fmt: skip


def test_offsets_skip_whatever_separates_the_passages() -> None:
    text = "Alpha beta gamma.  Alpha beta gamma."  # two spaces between
    assert Page(text).offsets == [(0, 17), (19, 36)]


def test_a_missing_number_counts_against_the_claim() -> None:
    # rent ros borough (words, all on the page); 12 (a number, weight 2) nowhere
    found = analyse("Rents rose in 12 boroughs.", Page(["Rents rose sharply.", "Many boroughs."]))
    assert found is not None
    assert (found.features["words"], found.features["numbers"]) == (1.0, 0.0)
    assert found.features["figures_unstated"] == 1.0
    assert found.unstated == ("12 boroughs",)


def test_half_the_figures_stated_and_the_other_named_as_unstated() -> None:
    claim = "The extension cost $310 million and took 4 years."
    page = Page(["The extension cost $310 million.", "Rain."])
    found = analyse(claim, page)
    assert found is not None
    assert (found.features["figures_stated"], found.features["figures_unstated"]) == (0.5, 1.0)
    assert found.unstated == ("4 years",)
    reasons = verify_on_page(claim, page).reasons
    assert reasons[0] == "the page never states '4 years'"
    assert reasons[1].startswith("words=")


def test_a_clashing_figure_among_two_unstated_ones_contradicts() -> None:
    claim = "The extension cost $310 million and took 4 years."
    page = Page(["The extension cost $200 million.", "Rain."])
    found = analyse(claim, page)
    assert found is not None and found.clash is not None
    assert (found.clash.claim_span, found.clash.page_span) == ("$310 million", "$200 million")
    verdict = verify_on_page(claim, page)
    assert verdict.status == "contradicted"
    assert verdict.reasons[:2] == (
        "the claim says '$310 million' (money); the page says '$200 million'",
        "the page never states '$310 million', '4 years'",
    )
    assert verdict.reasons[2].startswith("words=")


def test_a_score_equal_to_a_threshold_meets_it() -> None:
    # weights 0 and intercept 0: the score is exactly 1 / (1 + e^0) = 0.5
    assert decide(_analysis(), _params(0.0, supported=0.5, partially=0.1)) == ("supported", 0.5)
    assert decide(_analysis(), _params(0.0, supported=0.9, partially=0.5)) == (
        "partially_supported", 0.5,
    )  # fmt: skip


FOUR = "the claim says '14%' (percent); the page says '4%'"


def test_a_lone_unstated_figure_near_a_differing_one_on_the_page_contradicts() -> None:
    # 14% is nowhere; 4% sits in the last passage, outside the three best-ranked ones, and
    # the claim's words are all on the page: 14% was stated differently
    passages = ["Bus ridership fell over the year.", "Bus fares rose.", "Ridership data.",
                "Year in review.", "Other things: 4% of staff left."]  # fmt: skip
    found = analyse("Bus ridership fell 14% over the year.", Page(passages))
    assert found is not None and found.clash is not None
    assert (found.clash.passage, found.clash.reason) == (4, FOUR)
    assert found.order[0] == 4


def test_a_differing_figure_on_a_page_that_lacks_the_words_does_not_contradict() -> None:
    # one of the four words (bus) on the page: 0.25, below the 0.6 that makes a suspect count
    found = analyse(
        "Bus ridership fell 14% over the year.",
        Page(["Bus services ended.", "Rain.", "Other things: 4% of staff left."]),
    )
    assert found is not None and found.clash is None and found.unstated == ("14%",)


def test_a_differing_figure_counts_from_exactly_the_share_of_words() -> None:
    # bus riders fell wet year: the page has three of five, 0.6 exactly
    found = analyse(
        "Bus ridership fell 14% over the wet year.",
        Page(["Bus ridership fell.", "Rain.", "Other things: 4% of staff left."]),
    )
    assert found is not None and found.features["words"] == 0.6
    assert found.clash is not None and found.clash.reason == FOUR


def test_two_unstated_figures_are_not_one_misstated() -> None:
    found = analyse(
        "Bus ridership fell 14% and 7% over the year.",
        Page(["Bus ridership fell over the year.", "Rain.", "Other things: 4% of staff left."]),
    )
    assert found is not None and found.clash is None
    assert found.unstated == ("14%", "7%")


def test_numbers_the_page_lacks_do_not_take_a_negation_off_topic() -> None:
    # topic without numbers: harbor fare increas time town, all on the page; counting the
    # two numbers (weight 2 each) it would be 5 / 9, below 0.6
    claim = "Harbor fares increased 12 times in 9 towns."
    found = analyse(claim, Page(["Harbor fares were not increased several times in towns."]))
    assert found is not None and found.clash is not None
    assert found.clash.reason == NEGATES


def test_a_figure_clash_in_a_near_passage_weighs_its_words_without_the_numbers() -> None:
    # The 4% passage states bus and ridership, 2 of the claim's 5 plain words (0.4); counted
    # with the two numbers (weight 2 each) it would state 2 of 9, too few to back the clash.
    # Two figures unstated: no lone suspect could stand in for it.
    claim = "Bus ridership fell 14% as rail use fell 9%."
    found = analyse(claim, Page(["A 4% drop hit bus ridership.", "Rail use fell."]))
    assert found is not None and found.unstated == ("14%", "9%")
    assert found.clash is not None
    assert (found.clash.passage, found.clash.claim_span, found.clash.page_span) == (0, "14%", "4%")
