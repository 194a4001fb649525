"""Check-worthiness: factual assertions score high, asides and opinions low, and say why."""

from __future__ import annotations

import math

import pytest

from app.pipeline.checkworthiness.assessment import CLAIM_THRESHOLD, assess


def _score(text: str) -> float:
    return assess(text, cited=False).checkworthiness


def test_threshold_is_exported() -> None:
    assert CLAIM_THRESHOLD == 0.5


@pytest.mark.parametrize(
    "text",
    [
        "The company employs roughly 12,000 people across 40 countries.",
        "Unemployment in the eurozone fell to 6.1 percent in April.",
        "The vaccine was approved by the European Medicines Agency last December.",
        "The startup raised $45 million in a Series B round led by Sequoia.",
        "The mayor resigned in March amid a corruption investigation.",
        "Microsoft said it would invest $10 billion in the venture.",
        "Rents in the city have risen faster than wages for most of the past decade.",
        "The species is found only on two small islands off the coast of Madagascar.",
        "Two men were arrested.",
        "So far, 40 people have died.",
        "Antibiotics do not work against viral infections such as the common cold.",
        "Smaller workers also tend to forage over shorter distances.",
    ],
)
def test_factual_assertions_are_claims(text: str) -> None:
    assert _score(text) >= CLAIM_THRESHOLD


@pytest.mark.parametrize(
    "text",
    [
        "Why does this matter?",
        "So how do you square a $6.4 billion loss with a plan to build the largest model?",
        "Sign up for our newsletter to get the latest updates.",
        "Subscribe to get The Spread in your inbox every Thursday.",
        "Let’s start with what we actually know.",
        "Here is what you need to know.",
        "I’ve been wrong about this before.",
        "You might be wondering what happens next.",
        "In my opinion, the plan is deeply flawed.",
        "Apple's new headset is a masterpiece of industrial design.",
        "The truth, as always, lies somewhere in between.",
        "Time will tell whether the gamble pays off.",
        "Pacifica did not respond to a request for comment.",
        "Perhaps the real lesson is about patience.",
        "This matters more than ever.",
        "So would treating the shortage as an emergency.",
        "Questions remain.",
        "Related Articles",
        "Purchase Licensing Rights",
        "© 2026 Example Media. All rights reserved.",
    ],
)
def test_asides_questions_and_opinions_are_not(text: str) -> None:
    assert _score(text) < CLAIM_THRESHOLD


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def _weights(features: list[str]) -> dict[str, float]:
    return {name: float(weight) for name, weight in (f.rsplit(":", 1) for f in features)}


EXPLAINED = [
    "OpenAI reportedly spent around $5 billion in 2024.",
    "The council approved a budget of $4 million on Tuesday.",
    "Is it?",
    "In my opinion, the plan is deeply flawed.",
    "Sign up for our newsletter to get the latest updates.",
    "Two men were arrested.",
]


def test_features_explain_the_score_with_signed_weights() -> None:
    assessment = assess(EXPLAINED[0], cited=False)
    weights = _weights(assessment.features)
    assert {"number", "date", "reporting", "entity"} <= set(weights)
    assert all(weights[name] > 0 for name in ("number", "date", "reporting", "entity"))
    named = [abs(w) for f, w in weights.items() if not f.startswith(("ngram", "chars"))]
    assert named == sorted(named, reverse=True)  # strongest first, then the n-grams
    grams = [f for f in assessment.features if f.startswith(("ngram:", "chars:"))]
    assert 0 < len(grams) <= 4 and all("'" in f for f in grams)  # named by their text


def test_the_listed_weights_are_the_ones_that_made_the_score() -> None:
    # Text without a closing stop is scored on its named features alone, so its logit is a
    # constant plus the listed weights: what is left once they are taken off must be the
    # same for every such text. A listed weight that differs from the one used (or a fired
    # feature left unlisted) breaks this.
    fragments = [text.rstrip(".?!") for text in EXPLAINED]
    first = assess(fragments[0], cited=False)
    first_rest = _logit(first.checkworthiness) - sum(_weights(first.features).values())
    for text in fragments[1:]:
        assessment = assess(text, cited=False)
        weights = _weights(assessment.features)
        rest = _logit(assessment.checkworthiness) - sum(weights.values())
        # Each listed weight is rounded to two decimals: 0.005 of slack per feature.
        slack = 0.005 * (len(weights) + len(first.features)) + 1e-9
        assert rest == pytest.approx(first_rest, abs=slack), (text, assessment.features)


def test_question_feature_fires_and_is_negative() -> None:
    (question,) = [f for f in assess("Is it?", cited=False).features if f.startswith("question")]
    assert question.startswith("question:-")


def test_cited_and_attributed_raise_the_score() -> None:
    text = "The co-op estimates the cost at $2.8 billion."
    plain = assess(text, cited=False).checkworthiness
    assert assess(text, cited=True).checkworthiness > plain
    assert assess(text, cited=False, attributed_to=["the co-op"]).checkworthiness > plain


def test_empty_sentence_scores_low() -> None:
    assessment = assess("", cited=False)
    assert assessment.checkworthiness < CLAIM_THRESHOLD
    assert assessment.quantities == [] and assessment.kinds == []


@pytest.mark.parametrize(
    "text",
    [
        "It was the third bailout in five years.",
        "It is the largest penalty ever imposed on a utility in the region.",
        "Most teenagers do not get enough sleep.",
        "The report names every site where the spill reached the river.",
        "The council must publish the results each quarter.",
        "He edited the charters of King Henry I of England.",
    ],
)
def test_anaphoric_openers_ranks_and_general_facts_are_claims(text: str) -> None:
    assert _score(text) >= CLAIM_THRESHOLD


@pytest.mark.parametrize(
    "text",
    [
        "Homeowners can check whether they qualify at example.org/grants.",
        "We asked the author where the figure came from but did not receive a reply.",
        "For more information, contact the press office.",
        "It is what it is.",
    ],
)
def test_directions_to_readers_and_newsroom_process_are_not(text: str) -> None:
    assert _score(text) < CLAIM_THRESHOLD


def test_anaphoric_opener_counts_only_without_specifics() -> None:
    plain = assess("It was a setback.", cited=False).features
    ranked = assess("It was the third setback.", cited=False).features
    assert any(f.startswith("deictic_start") for f in plain)
    assert not any(f.startswith("deictic_start") for f in ranked)
    assert any(f.startswith("ranking") for f in ranked)


def test_a_bare_date_line_is_not_a_claim() -> None:
    assert _score("21 April 2026") < CLAIM_THRESHOLD


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("“We are very proud of our team,” Smith said.", False),
        ("“This is a terrible idea,” the mayor said.", False),
        ("“Crime fell 12 percent last year,” the mayor said.", True),
        ("“The plant will close in March and 400 jobs will go,” the company said.", True),
    ],
)
def test_a_direct_quotation_is_as_check_worthy_as_its_words(text: str, claim: bool) -> None:
    # whoever says it, an opinion in quotation marks asserts nothing to check
    assert (assess(text, cited=False, attributed_to=["Smith"]).checkworthiness >= 0.5) is claim
