"""Properties: assess and parse_quantities never raise, and quantity texts come from the input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.pipeline.checkworthiness.assessment import CLAIM_THRESHOLD, assess
from app.pipeline.checkworthiness.kinds import KINDS
from app.pipeline.checkworthiness.quantities import parse_quantities

FRAGMENTS = [
    "$", "€", "£", "US$", "%", " percent", "-", "–", " to ", " and ", "between ", "10^", "**",
    "0.5T", "405B", "6.4", "1,200", ",", ".", " ", "\u00a0", "billion", "million", "half-",
    "trillion", " MW", "°C", " per ", "/", "2025", "Top ", "555-123-4567", "(", ")", "+44 ",
    "1e", "e999", "?", "’s", "“", "”", "I ", "you ", "said ", "will ", "than ", "the largest",
    "May 20, ", "1920s", "x", "k", "m", "B", "tens of ", "hundreds of ", "millions",
]  # fmt: skip

texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=30).map("".join),
)


@settings(max_examples=400, database=None, deadline=None)
@given(texts)
def test_parse_quantities_never_raises_and_texts_are_substrings(text: str) -> None:
    for quantity in parse_quantities(text):
        assert quantity.text and quantity.text in text
        if quantity.low is not None:
            assert quantity.value == quantity.low and quantity.high is not None


@settings(max_examples=300, database=None, deadline=None)
@given(texts, st.booleans(), st.lists(st.text(max_size=10), max_size=2))
def test_assess_never_raises_and_is_well_formed(
    text: str, cited: bool, attributed_to: list[str]
) -> None:
    assessment = assess(text, cited=cited, attributed_to=attributed_to)
    assert 0.0 <= assessment.checkworthiness <= 1.0
    assert set(assessment.kinds) <= set(KINDS)
    assert all(q.text in text for q in assessment.quantities)
    if cited:
        assert assessment.checkworthiness > 0.0
    assert isinstance(CLAIM_THRESHOLD, float)
