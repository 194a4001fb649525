"""The report's pure HTML pieces: links only to http(s), highlights that slice the text exactly."""

from __future__ import annotations

import uuid

import pytest

from app.claims.schemas import CitationOut, ClaimOut
from app.report.highlight import claim_spans, highlighted_text
from app.report.markup import external_link, safe_href

SOURCE = uuid.uuid4()


def claim(index: int, start: int, end: int, *, cited: bool = False) -> ClaimOut:
    citations = [CitationOut(source_id=SOURCE, url="https://a.example/", via="marker")]
    return ClaimOut(
        id=uuid.uuid4(),
        text="",
        sentence_index=index,
        char_start=start,
        char_end=end,
        checkworthiness=0.9,
        features=[],
        kinds=["numeric"],
        quantities=[],
        citations=citations if cited else [],
        attributed_to=[],
        cited=cited,
    )


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", " JavaScript:x", "data:text/html,x", "/relative", "http://", "", None],
)
def test_only_http_urls_become_links(url: str | None) -> None:
    assert safe_href(url) is None
    assert "<a" not in external_link(url, "label")


def test_links_are_escaped_and_marked_external() -> None:
    link = external_link('https://x.example/?a=1&b="2"', "<b>hi</b>")
    assert link == (
        '<a href="https://x.example/?a=1&amp;b=&quot;2&quot;" rel="nofollow noopener" '
        'target="_blank">&lt;b&gt;hi&lt;/b&gt;</a>'
    )


def test_highlights_slice_the_text_and_split_paragraphs() -> None:
    text = "Tax rose 5% <fast>. Nobody knows.\n\nIt cost $3 billion."
    html = highlighted_text(text, [claim(0, 0, 19, cited=True), claim(2, 35, 54)], {SOURCE: 1})
    assert html == (
        '<p><mark class="claim cited" id="claim-0" title="check-worthiness 0.90 · '
        'kinds: numeric · cited">Tax rose 5% &lt;fast&gt;.</mark>'
        '<sup class="fn"><a href="#source-1">1</a></sup> Nobody knows.</p>\n'
        '<p><mark class="claim uncited" id="claim-2" title="check-worthiness 0.90 · '
        'kinds: numeric · uncited">It cost $3 billion.</mark></p>'
    )


def test_bad_offsets_are_clipped_not_trusted() -> None:
    claims = [claim(0, -3, 2), claim(1, 1, 4), claim(2, 5, 99), claim(3, 9, 12)]
    spans = claim_spans("abcdef", claims)
    assert [(s, e) for s, e, _ in spans] == [(0, 2), (2, 4), (5, 6)]


def test_a_claim_across_paragraphs_keeps_one_anchor_and_its_notes_at_the_end() -> None:
    html = highlighted_text("One two.\n\nThree.", [claim(0, 0, 16, cited=True)], {SOURCE: 1})
    assert html.count('id="claim-0"') == 1 and html.count("<mark") == 2
    assert html.endswith('Three.</mark><sup class="fn"><a href="#source-1">1</a></sup></p>')
