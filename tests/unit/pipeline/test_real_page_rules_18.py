"""Habits of real pages, eighteenth batch (a print-issue note, a post's label lines, a hashtag
page), each on minimal HTML of our own."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

from app.pipeline.page.boilerplate import is_boilerplate_text, is_notice_text


def test_the_print_issue_a_story_appears_in_is_a_notice() -> None:
    ext = extract(
        "<p>Toys were marketed by gender far more in 2016 than in 1975.</p>"
        '<p>This story appears in the <a href="https://news.example.org/magazine/2017/01">'
        "January 2017 issue</a> of Example magazine.</p>"
    )
    note = sentence(ext, "This story appears")
    assert urls(note) == set()
    assert not note.is_claim
    assert is_notice_text("This article appeared in the March issue of Example Monthly.")
    assert not is_notice_text("This story appears to have been written by a bot.")


def test_a_posts_label_lines_are_chrome() -> None:
    assert is_boilerplate_text("Buyer's Guide: 12.9\" iPad Pro (Caution)", link_texts=[])
    assert is_boilerplate_text("Related Roundup: iPad Pro", link_texts=["iPad Pro"])
    assert not is_boilerplate_text("Buyers paid 12% more for the iPad Pro in 2016.", link_texts=[])


def test_a_hashtag_page_is_no_source() -> None:
    ext = extract(
        '<p>The lander touched down in 2014. And now, to the bitter end: <a href="https://'
        'twitter.com/hashtag/CometLanding?src=hash">#CometLanding</a>.</p>'
    )
    assert urls(sentence(ext, "And now, to the bitter end")) == set()
