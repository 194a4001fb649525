"""verify_claim and source_text_from_html never raise, whatever the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.verify import SUPPORT_THRESHOLD, source_text_from_html, verify_claim

_WORDS = st.sampled_from(
    ["rose", "fell", "not", "12%", "$3.5 billion", "in", "2021", "Ashford", "GW", "the", "co-op",
     "never", "1,200", "miles", ".", ",", "according to", "said", "[3]", "\u00a0", "—", "50–60"]
)  # fmt: skip
_TEXT = st.one_of(st.text(max_size=300), st.lists(_WORDS, max_size=40).map(" ".join))


@settings(max_examples=200, deadline=None)
@given(claim=_TEXT, source=st.one_of(_TEXT, st.lists(_TEXT, max_size=6)))
def test_verify_claim_never_raises(claim: str, source: str | list[str]) -> None:
    verdict = verify_claim(claim, source)
    assert verdict.status in {"supported", "partially_supported", "contradicted", "not_found"}
    assert 0.0 <= verdict.score <= 1.0
    assert len(verdict.evidence) <= 500
    assert (verdict.status == "supported") <= (verdict.score >= SUPPORT_THRESHOLD)
    if isinstance(source, list) and verdict.evidence_index is not None:
        assert 0 <= verdict.evidence_index < len(source)


@settings(max_examples=50, deadline=None)
@given(html=st.one_of(st.text(max_size=400), _TEXT.map(lambda t: f"<html><p>{t}</p></html>")))
def test_source_text_from_html_never_raises(html: str) -> None:
    passages = source_text_from_html(html, "https://example.org/page")
    assert all(isinstance(p, str) and p for p in passages)
