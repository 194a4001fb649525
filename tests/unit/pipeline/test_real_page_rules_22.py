"""Habits of real pages, twenty-second batch (after the twenty-first blind gate), each on
minimal HTML of our own."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline_pages import extract, sentence, urls

from app.fetch.charset import decode_html
from app.pipeline import run_pipeline


def test_pointers_to_documentation_and_calls_for_feedback_are_no_claims() -> None:
    ext = extract(
        "<p>The preview adds Bluetooth pairing APIs and 40 new device drivers. For all the "
        "details of what's included, see the "
        '<a href="https://dev.example.com/things/releases.html">release notes</a>. See the new '
        '<a href="https://dev.example.com/things/bluetooth.html">Bluetooth API guide</a> for '
        "more details. Please send us your feedback by "
        '<a href="https://issues.example.com/new">filing bug reports</a>. You can also join '
        'our <a href="https://community.example.com/iot">developer community</a>.</p>'
        "<p>See the drop in sales, 40% in a year, the "
        '<a href="https://stats.example.org/2019/retail-sales">census data shows</a>.</p>'
    )
    assert sentence(ext, "The preview adds").is_claim
    for start in ("For all the details", "See the new", "Please send us", "You can also join"):
        found = sentence(ext, start)
        assert urls(found) == set() and not found.is_claim, start
    assert urls(sentence(ext, "See the drop")) == {"https://stats.example.org/2019/retail-sales"}


def test_a_feeds_other_posts_are_no_continuation_of_the_one_the_url_names() -> None:
    """On a "minutes" page (g21-04 of the real corpus: one post, then ten others, each an
    <article>), the body is the post the page is titled after, not the feed."""
    page = Path(__file__).resolve().parents[2] / "corpus" / "real" / "g21-04.html"
    gold = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    ext = run_pipeline(decode_html(page.read_bytes(), None)[0], gold["original_url"])
    assert "Do millennials hate democracy" not in ext.text
    assert "Fidel Castro" not in ext.text
    assert not any(s.text.startswith("Trump’s entire political career") for s in ext.sentences)
    assert len(ext.text.split()) > 150  # the post itself is kept


def test_a_masthead_that_only_the_titles_site_prefix_names_is_not_the_title() -> None:
    html = """<html><head><title>Example Developers Blog: Things Developer Preview 7</title>
<meta property="og:title" content="Things Developer Preview 7"></head><body>
<header><h1 class="blog-title">Developers Blog</h1></header><article>
<h2 class="title">Things Developer Preview 7</h2>
<p>The preview adds Bluetooth pairing APIs and 40 new device drivers for boards.</p>
<p>It is based on version 8.1 and supports version 11.8 of the services library.</p>
</article></body></html>"""
    ext = run_pipeline(html, "https://blog.example.com/2018/03/things-preview-7.html")
    assert ext.title == "Things Developer Preview 7"


def test_a_video_players_teaser_headline_is_chrome() -> None:
    ext = extract(
        "<p>The 1958 home sold for $969,000 in December, the listing shows.</p>"
        '<figure class="player-tease"><img src="v.jpg" alt=""></figure>'
        '<h2 class="player-tease-headline">Kathie and Hoda look back at all the fun they had '
        "on the show in 2016</h2><p>The house has four bedrooms and a pool.</p>"
    )
    assert "look back at all the fun" not in ext.text


def _timed(head: str, body: str) -> str | None:
    html = f"""<html><head><title>A post</title>{head}</head><body><article>{body}
<h1>The singer shares a photo of her former fiancé</h1>
<p>The singer shared a photo of the actor with her mother on Monday in New York.</p>
<p>The pair ended their engagement in July after five years together, she said.</p>
<blockquote class="instagram-media"><p>Letters to soldiers.</p><p>A photo posted by Jo on
<time datetime="2016-12-05T17:10:10+00:00">Dec 5, 2016</time></p></blockquote>
</article></body></html>"""
    return run_pipeline(html, "https://mag.example.com/news/singer-photo-w454419").published


def test_a_time_the_page_marks_as_its_publication_is_its_date() -> None:
    published = '<time class="article-published-date">December 7, 2016 @ 3:53 PM</time>'
    assert _timed("", published) == "2016-12-07"
    header = '<time class="content-header__publish-date">09.30.2016 07:00 AM</time>'
    assert _timed("", header) == "2016-09-30"
