"""Inline hyperlinks as citations, and the links that are not."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls


def test_links_inside_sentences_cite_their_targets() -> None:
    ext = extract(
        '<p>Freight rates fell 40%, <a href="https://www.wire.example.com/freight?utm_source=x">'
        "according to a report from Wire News</a>. The index hit a record, "
        '<a href="https://stats.example.gov/index">official figures</a> show.</p>'
    )
    assert urls(sentence(ext, "Freight rates")) == {"https://wire.example.com/freight"}
    assert sentence(ext, "Freight rates").citations[0].via == "hyperlink"
    assert urls(sentence(ext, "The index")) == {"https://stats.example.gov/index"}
    assert {s.url for s in ext.sources} == {
        "https://wire.example.com/freight",
        "https://stats.example.gov/index",
    }


def test_navigation_share_subscribe_author_tag_and_sponsor_links_are_not_sources() -> None:
    body = """<p>If you are new here, <a href="#/portal/signup">subscribe</a> for weekly notes.
I wrote about ports <a href="https://news.example.org/2026/01/ports">last month</a>.
Follow me <a href="https://bsky.app/profile/jo.example">on Bluesky</a> for charts.
Prices rose 3% in May, <a href="/2026/05/prices">as we reported</a>.</p>
<div class="sponsor-note"><p>This issue is supported by
<a href="https://ledger.example.io/?utm_source=news">Ledger</a>, the app for importers.</p></div>
<p>See <a href="https://twitter.com/intent/tweet?url=x">Share on X</a> or
<a href="https://shop.example.com/p/1" rel="sponsored">Buy the shoe</a>.</p>"""
    ext = extract(body, after='<p class="tags"><a href="https://tags.example.com/tag/x">x</a></p>')
    assert ext.sources == []
    assert "Ledger" not in ext.text


def test_image_credit_and_caption_links_are_outside_the_body() -> None:
    ext = extract(
        '<figure><img src="a.jpg"><figcaption>Photo: <a href="https://photos.example.com/1">'
        "Agency</a></figcaption></figure><p>The bridge opened in 1932 after six years.</p>"
    )
    assert ext.sources == []
    assert "Photo" not in ext.text
