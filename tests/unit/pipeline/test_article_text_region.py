"""trafilatura reads only the page's prose region: the same article words for less work."""

from __future__ import annotations

import trafilatura
from lxml import etree

from app.pipeline.document import parse_html
from app.pipeline.page.article_text import (
    _prose_outside_paragraphs,
    _prose_region,
    find_article_text,
    tokens,
)

_PARAGRAPH = (
    "<p>The harbour authority dredged the channel to {n} metres last spring, and container "
    "traffic rose by a fifth in the first quarter, the port said in its bulletin on Tuesday. "
    "Shipping lines added three weekly calls from Asia, and the terminal operator hired {n} "
    "more crane drivers to keep the quays moving through the night shifts of the summer.</p>"
)
_NAV = "".join(f'<li><a href="/s{i}">Section number {i} of the site</a></li>' for i in range(60))
_PAGE = (
    "<!DOCTYPE html><html><head><title>Port traffic rises</title></head><body>"
    f"<header><ul>{_NAV}</ul></header>"
    '<main id="content" class="site-main"><article class="post">'
    "<h1>Port traffic rises</h1><h2>Dredging done</h2>"
    + "".join(_PARAGRAPH.format(n=n) for n in range(12, 20))
    + "</article></main>"
    f'<footer class="site-footer"><ul>{_NAV}</ul><p>Copyright the Port Gazette.</p></footer>'
    "</body></html>"
)
_URL = "https://news.example.org/port"


def test_the_region_is_the_story_inside_copies_of_its_ancestors() -> None:
    tree = parse_html(_PAGE)
    assert tree is not None
    region, words = _prose_region(tree)
    assert words > 300
    assert region is not tree and region.tag == "html"
    assert [el.tag for el in region.iter("body", "main", "article")] == ["body", "main", "article"]
    assert region.find(".//main").get("id") == "content"  # trafilatura's body XPaths read these
    assert region.find(".//header") is None and region.find(".//footer") is None
    assert "Section number" not in region.text_content()
    assert "Dredging done" in region.text_content()  # headings between the paragraphs stay


def test_trafilatura_finds_the_same_article_words_in_the_region_as_in_the_page() -> None:
    tree = parse_html(_PAGE)
    before = etree.tostring(tree)
    found = find_article_text(_PAGE, _URL, tree)
    whole = trafilatura.bare_extraction(
        parse_html(_PAGE), url=_URL, include_tables=False, include_comments=False, fast=True
    )
    assert found.found
    assert found.words == set(tokens(" ".join(whole.body.itertext())))
    assert etree.tostring(tree) == before  # the page itself is left as it was


def test_a_page_with_little_prose_or_no_smaller_region_is_read_whole() -> None:
    short = parse_html(
        "<html><body><div><p>Two short lines.</p><p>Nothing more.</p></div></body></html>"
    )
    assert _prose_region(short)[0] is short
    spread = parse_html(
        "<html><body>" + "".join(_PARAGRAPH.format(n=n) for n in range(12, 20)) + "</body></html>"
    )
    assert _prose_region(spread)[0] is spread  # the paragraphs' region is <body> itself


def test_an_ancestor_whose_tag_lxml_cannot_make_leaves_the_page_whole() -> None:
    tree = parse_html(_PAGE.replace("<main", "<ma\x01in").replace("</main>", "</ma\x01in>"))
    assert tree is not None
    assert _prose_region(tree)[0] is tree


def test_prose_outside_paragraphs_counts_a_story_told_in_divs() -> None:
    sentence = (
        "Der Reporter hat über Jahre Texte geschrieben, die ganz oder teilweise erfunden waren,"
        " und die Redaktion hat sie in dieser Woche alle geprüft."
    )
    script = f"<script>var promo = '{sentence} {sentence}';</script>"
    divs = "".join(f'<div class="dig-absatz">\n {sentence}\n</div>' for _ in range(10))
    paragraphs = f"<p>{sentence}<b>fett</b> {sentence}</p>" * 3
    tree = parse_html(
        f"<html><body>{script}<div>{divs}</div>{paragraphs}<nav>Start Politik</nav></body></html>"
    )
    assert _prose_outside_paragraphs(tree) == 10 * len(sentence.split())
