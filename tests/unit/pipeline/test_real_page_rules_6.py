"""Habits of real pages, sixth batch (a headline marked up as the article's, text hidden by a
CSS framework's class, an update stamp, the writer's guesses), each on minimal HTML of our own."""

from __future__ import annotations

import pytest
from pipeline_pages import extract, sentence

from app.pipeline import run_pipeline
from app.pipeline.page.boilerplate import is_notice_text

URL = "https://mag.example.com/culture/2019/11/story.html"
_BODY = """<p>The council met on Monday and approved the plan for the new depot by a vote of six
to one.</p><p>Work starts in May, and the depot should open in the spring, officials said.</p>"""


def _page(head: str, header: str) -> str:
    return f"""<html><head>{head}</head><body><article itemscope
itemtype="http://schema.org/Article">{header}{_BODY}</article></body></html>"""


def test_an_h1_marked_as_the_articles_headline_is_the_title() -> None:
    head = "<title>Depot plan approved, but will the buses come?</title>"
    head += '<meta property="og:title" content="The depot nobody wanted is finally coming">'
    html = _page(head, '<h1 itemprop="headline" class="article__hed">The Return of the Depot</h1>')
    assert run_pipeline(html, URL).title == "The Return of the Depot"


def test_a_marked_headline_that_links_elsewhere_is_a_card_not_the_title() -> None:
    head = '<meta property="og:title" content="Depot plan approved by the council">'
    card = (
        '<div class="card"><h1 itemprop="headline"><a href="https://other.example.org/reindeer">'
        "Why Don't You Go Fight For The Reindeer?</a></h1></div>"
    )
    assert run_pipeline(_page(head, card), URL).title == "Depot plan approved by the council"


@pytest.mark.parametrize(
    "classes", ["hide", "error hidden", "d-none", "is-hidden", "msg invisible"]
)
def test_text_a_framework_class_hides_is_not_read(classes: str) -> None:
    ext = extract(
        "<p>The plant employs 1,200 people and shipped 40,000 cars in 2025.</p>"
        f'<form class="share-by-mail"><p class="{classes}">An error has occurred, please try '
        "again later.</p></form>"
    )
    assert [s.text for s in ext.sentences if "error" in s.text] == []


@pytest.mark.parametrize("classes", ["hidden md:block", "d-none d-lg-block", "hide visible-lg"])
def test_text_shown_again_at_some_screen_size_is_read(classes: str) -> None:
    ext = extract(
        "<p>The plant employs 1,200 people.</p>"
        f'<p class="{classes}">It shipped 40,000 cars in 2025, the company said.</p>'
    )
    assert sentence(ext, "It shipped 40,000 cars").is_claim


@pytest.mark.parametrize(
    ("text", "notice"),
    [
        ("Updated at 1:23 p.m.", True),
        ("Last updated: Nov. 19, 2019 10:02 ET", True),
        ("Updated on 19 November 2019.", True),
        ("Updated figures show inflation at 5% in May.", False),
        ("Updated at 1:23 p.m. with a statement from the mayor's office and new figures.", False),
    ],
)
def test_an_update_stamp_is_a_notice(text: str, notice: bool) -> None:
    assert is_notice_text(text) is notice


def test_an_update_stamp_in_the_body_is_no_claim() -> None:
    ext = extract(
        "<p>The plant employs 1,200 people and shipped 40,000 cars in 2025.</p>"
        "<p><em>Updated at 1:23 p.m.</em></p>"
    )
    assert not sentence(ext, "Updated at 1:23").is_claim


def test_the_writers_guess_is_no_claim_unless_a_source_is_cited() -> None:
    ext = extract(
        "<p>The laptop sold 2 million units in its first year. Maybe its designers were too busy "
        "with the phone to fix the keyboard. It also seems like the team was cutting costs in "
        "2015. Presumably, other laptops also have the flaw. Perhaps, <a href="
        '"https://labs.example.org/keyboards-2025">a lab test found</a>, 30% of keyboards fail '
        "within two years.</p><p>Most repair shops seem to have seen the same fault, which "
        "costs $300 to fix.</p>"
    )
    for guess in ("Maybe its designers", "It also seems like", "Presumably, other"):
        assert not sentence(ext, guess).is_claim, guess
    assert sentence(ext, "The laptop sold").is_claim
    assert sentence(ext, "Perhaps, a lab test found").is_claim  # it cites a source
    assert sentence(ext, "Most repair shops seem").is_claim  # "seem" inside: still reported
