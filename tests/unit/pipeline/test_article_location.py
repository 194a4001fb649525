"""Trafilatura's choice of article text, mapped back onto our tree and our blocks."""

from __future__ import annotations

from lxml import etree
from trafilatura.utils import INVALID_XML_CHARS, load_html

from app.pipeline.blocks import walk_body
from app.pipeline.document import parse_document, parse_html
from app.pipeline.page.article_location import locate_article
from app.pipeline.page.article_text import (
    XML_FORBIDDEN,
    ArticleText,
    find_article_text,
    shingles,
    tokens,
)

_PAGE = """<html><body>
<nav><p>World news and business headlines every morning for readers</p></nav>
<div id="wrap"><div id="story">
<p>The harbour authority dredged the channel to fourteen metres last spring.</p>
<p>Container traffic rose by a fifth in the first quarter of the year.</p>
<p>Order a print of this photograph from our online shop today.</p>
<p>The port cited a <a href="https://stats.example.gov/q1">quarterly bulletin</a> for
figures that nobody else has published so far.</p>
</div><aside><p>Most read stories from across the site this week for you</p></aside></div>
</body></html>"""

_CHOSEN = (
    "The harbour authority dredged the channel to fourteen metres last spring. "
    "Container traffic rose by a fifth in the first quarter of the year."
)


def _article(text: str) -> ArticleText:
    words = tokens(text)
    return ArticleText(shingles(words), set(words))


def _walk(keep_share: float = 0.5) -> str:
    tree = parse_html(_PAGE)
    assert tree is not None
    article = _article(_CHOSEN)
    container = locate_article(tree, article)
    assert container is not None
    body = walk_body(
        [container],
        base_url="https://news.example.org/story",
        own_domains=["example.org"],
        own_hosts=["news.example.org"],
        anchor_labels={},
        excluded=(),
        title=None,
        keep=lambda text: article.covers(tokens(text)) >= keep_share,
    )
    return body.text


def test_the_container_is_the_smallest_element_holding_the_chosen_text() -> None:
    tree = parse_html(_PAGE)
    assert tree is not None
    container = locate_article(tree, _article(_CHOSEN))
    assert container is not None and container.get("id") == "story"


def test_text_not_on_the_page_locates_nothing() -> None:
    tree = parse_html(_PAGE)
    assert tree is not None
    elsewhere = _article("entirely different words that the page never says")
    assert locate_article(tree, elsewhere) is None


def test_blocks_trafilatura_left_out_are_dropped_unless_they_cite_a_source() -> None:
    text = _walk()
    assert "dredged the channel" in text and "Container traffic" in text
    assert "print of this photograph" not in text
    assert "quarterly bulletin" in text  # a source link outweighs trafilatura's omission
    assert "Most read" not in text


def test_short_blocks_are_kept_when_all_their_words_are_in_the_article() -> None:
    article = _article(_CHOSEN)
    assert article.covers(tokens("Container traffic")) == 1.0
    assert article.covers(tokens("Order a print")) == 0.0


def test_pages_too_short_for_trafilatura_fall_back_to_our_containers() -> None:
    html = "<html><body><div><p>Rates rose 3% in May, the bureau said.</p></div></body></html>"
    assert not find_article_text(html, "https://news.example.org/s").found
    assert parse_document(html, "https://news.example.org/s").text == (
        "Rates rose 3% in May, the bureau said."
    )


def test_the_forbidden_characters_are_those_trafilaturas_loader_deletes() -> None:
    deleted = {chr(c) for c in range(0x10000) if INVALID_XML_CHARS.match(chr(c))}
    assert set(XML_FORBIDDEN) == deleted


_ARTICLE_PAGE = """<!DOCTYPE html><html><head><title>Port traffic rises</title></head><body>
<!-- header --><div class="story"><?php echo 1; ?><p>The harbour authority dredged the
channel<!-- ad --> to fourteen metres last spring, and container traffic rose by a fifth in
the first quarter of the year, the port said on Tuesday in its quarterly bulletin.</p>
<p>Shipping lines added three weekly calls, and the port expects more next year as the new
cranes arrive from the yard that built them.</p></div><div class="author">Ana Ruiz</div>
<time datetime="2024-05-02">May 2</time></body></html>"""


def test_trafilatura_reads_our_tree_as_its_loader_parses_and_leaves_it_as_it_was() -> None:
    tree = parse_html(_ARTICLE_PAGE)
    assert tree is not None
    assert tree.xpath("//comment()|//processing-instruction()") == []
    before = etree.tostring(tree)
    assert before == etree.tostring(load_html(_ARTICLE_PAGE))  # trafilatura's own parse
    found = find_article_text(_ARTICLE_PAGE, "https://news.example.org/story", tree)
    assert found.found and found.metadata is not None
    assert found.metadata.author == "Ana Ruiz"  # its author search, and htmldate, on our tree
    assert found.metadata.date == "2024-05-02"
    assert etree.tostring(tree) == before
