"""Habits of real pages, ninth batch (shop buttons and disclosures, magazine plugs, the page
announcing what follows, a linked short sentence, a truncated link), each on minimal HTML of
our own."""

from __future__ import annotations

import pytest
from pipeline_pages import extract, page, sentence, urls

from app.pipeline import run_pipeline
from app.pipeline.citations.sources import normalize_url
from app.pipeline.page.boilerplate import is_notice_text


def test_a_shop_button_and_a_click_here_plug_are_no_sources() -> None:
    ext = extract(
        "<p>The phone has three cameras and a battery that lasts two days.</p>"
        '<p>See it now:\u00a0<a href="https://shop.example.com/c/1?u=https%3A%2F%2Fmaker.example'
        '%2Fphone">Maker</a></p><p>Get <a href="http://magazines.example.co.uk/mcm43">Bike '
        "Monthly</a> delivered every month. 12 issues for £11.99. "
        '<a href="http://magazines.example.co.uk/mcm43">Click here</a> for more information.</p>'
    )
    assert [s.text for s in ext.sentences if s.citations] == []


@pytest.mark.parametrize(
    ("text", "notice"),
    [
        ("Disclosure:\u00a0ZDNet\u00a0may earn a commission from some of the products featured "
         "on this page.", True),
        ("BGR may receive a commission on orders placed through this article.", True),
        ("We may earn a commission when you buy through links on our site.", True),
        ("Prices are subject to change without notice and coupons may expire at any time.", True),
        ("The company may earn a commission of 3% on each sale, its filing shows.", False),
        ("Analysts said the firm could receive compensation from the state.", False),
    ],
)  # fmt: skip
def test_a_shops_disclosure_is_a_notice(text: str, notice: bool) -> None:
    assert is_notice_text(text) is notice


def test_the_page_announcing_what_follows_is_no_claim() -> None:
    ext = extract(
        "<p>The team allowed 21 points in Week 11. Below, we analyze the snap counts on defense "
        "for the game. Check out our picks for the 10 best deals of 2019 below. Below are all the "
        "teams that qualified. Temperatures fell to 5 degrees below zero.</p>"
    )
    for intro in ("Below, we analyze", "Check out our picks", "Below are all"):
        assert not sentence(ext, intro).is_claim, intro
    assert sentence(ext, "The team allowed 21 points").is_claim
    assert sentence(ext, "Temperatures fell").is_claim


def test_a_short_linked_sentence_reporting_an_event_cites_the_own_story() -> None:
    story = "https://news.example.org/news/local/Chief-Fires-Officer-Who-Missed-Girl-511541991.html"
    ext = extract(
        "<p>Earlier that night, a police sergeant searched the same hotel room but did not find "
        f'the girl. <a href="{story}">He was later fired</a>.</p>'
    )
    assert urls(sentence(ext, "He was later fired")) == {normalize_url(story)}


def test_a_truncated_relative_link_beneath_the_article_is_no_source() -> None:
    html = page(
        "<p>The palace announced the interview on Monday. His mother was <a href="
        '"lly-screwed-queen-did-not-sign-off-on-the-interview/">said to have been against</a> '
        "the idea.</p>"
    )
    ext = run_pipeline(html, "https://news.example.org/columnists/2019-royal-arrogance/")
    assert all(not s.citations for s in ext.sentences)
