"""The report's pure pieces: links only to http(s), highlights that slice the text exactly."""

from __future__ import annotations

import uuid

import pytest

from app.articles.schemas import ArticleSourceOut
from app.claims.schemas import CitationOut, ClaimOut, VerificationOut, citation_state
from app.report.highlight import ClaimView, SourceView, claim_spans, paragraphs
from app.report.markup import safe_href
from app.report.templating import macros

SOURCE = SourceView(
    number=1,
    source=ArticleSourceOut(
        id=uuid.uuid4(),
        url="https://a.example/",
        normalized_url="https://a.example",
        domain="a.example",
        publisher=None,
        title="<b>A</b>",
        label=None,
        claim_count=1,
    ),
    verdicts={},
)


def claim(index: int, start: int, end: int, *, cited: bool = False) -> ClaimOut:
    citations = [CitationOut(source_id=SOURCE.source.id, url="https://a.example/", via="marker")]
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
        citation_state=citation_state(cited, citations if cited else []),
    )


def view(c: ClaimOut, *, shown: bool = True, verdict: str = "unchecked") -> ClaimView:
    sources = [SOURCE] if c.cited else []
    verdicts = [(SOURCE, VerificationOut(status=verdict, evidence="It <i>was</i> 4%."))]
    return ClaimView(
        claim=c,
        sources=sources,
        verdicts=verdicts if c.cited else [],
        shown=shown,
        colour=0 if c.cited else None,
    )


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", " JavaScript:x", "data:text/html,x", "/relative", "http://", "", None],
)
def test_only_http_urls_become_links(url: str | None) -> None:
    assert safe_href(url) is None
    assert "<a" not in str(macros().link(url, "label"))


def test_links_are_escaped_and_marked_external() -> None:
    link = str(macros().link('https://x.example/?a=1&b="2"', "<b>hi</b>"))
    assert link == (
        '<a href="https://x.example/?a=1&amp;b=&#34;2&#34;" rel="nofollow noopener" '
        'target="_blank">&lt;b&gt;hi&lt;/b&gt;</a>'
    )


def test_highlights_slice_the_text_and_split_paragraphs() -> None:
    text = "Tax rose 5% <fast>. Nobody knows.\n\nIt cost $3 billion."
    views = [view(claim(0, 0, 19, cited=True)), view(claim(2, 35, 54))]
    paras = paragraphs(text, views)
    assert ["".join(p.text for p in para) for para in paras] == [
        "Tax rose 5% <fast>. Nobody knows.",
        "It cost $3 billion.",
    ]
    first, rest = paras[0]
    assert (first.claim, first.first, first.last) == (views[0], True, True)
    assert rest.claim is None
    html = "".join(str(macros().piece(p)) for p in paras[0])
    assert html.startswith(
        '<details class="claim cited s0" id="claim-0" data-state="cited"><summary>'
        "<mark>Tax rose 5% &lt;fast&gt;.</mark>"
        '<sup class="fn"><a href="#source-1" aria-label="source 1">1</a></sup>'
    )
    assert "&lt;b&gt;A&lt;/b&gt;" in html and "It &lt;i&gt;was&lt;/i&gt; 4%." in html
    assert html.endswith("</details> Nobody knows.")
    uncited = str(macros().piece(paras[1][0]))
    assert 'class="claim uncited" id="claim-2"' in uncited
    assert '<sup class="tag uncited">uncited</sup>' in uncited


def test_a_contradicted_claim_is_flagged_in_words() -> None:
    (piece,) = paragraphs(
        "Tax rose 5%.", [view(claim(0, 0, 12, cited=True), verdict="contradicted")]
    )[0]
    html = str(macros().piece(piece))
    assert 'class="claim cited s0 contradicted"' in html
    assert '<sup class="tag contradicted">contradicted</sup>' in html
    assert '<span class="verdict contradicted">contradicted</span>' in html


def test_a_filtered_out_claim_is_plain_text() -> None:
    (piece,) = paragraphs("Tax rose 5%.", [view(claim(0, 0, 12), shown=False)])[0]
    assert piece.claim is None and str(macros().piece(piece)) == "Tax rose 5%."


def test_bad_offsets_are_clipped_not_trusted() -> None:
    claims = [claim(0, -3, 2), claim(1, 1, 4), claim(2, 5, 99), claim(3, 9, 12)]
    spans = claim_spans("abcdef", claims)
    assert [(s, e) for s, e, _ in spans] == [(0, 2), (2, 4), (5, 6)]


def test_a_claim_across_paragraphs_has_one_details_and_its_notes_at_the_end() -> None:
    paras = paragraphs("One two.\n\nThree.", [view(claim(0, 0, 16, cited=True))])
    html = "".join(str(macros().piece(p)) for para in paras for p in para)
    assert html.count('id="claim-0"') == 1 and html.count("<details") == 1
    assert html.count("<mark") == 2 and html.count('<sup class="fn">') == 1
    assert html.endswith(
        'Three.</mark><sup class="fn"><a href="#source-1" aria-label="source 1">1</a></sup>'
    )
