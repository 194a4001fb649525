"""Habits of real pages, tenth batch (a pointer line above embedded posts, product-name links,
republishing notices), each on minimal HTML of our own."""

from __future__ import annotations

import pytest
from pipeline_pages import extract, sentence, urls

from app.pipeline import run_pipeline
from app.pipeline.page.boilerplate import is_boilerplate_text, is_notice_text
from app.pipeline.sentences import split_sentences
from app.pipeline.types import Block

POST_A = "https://chirp.example/CityCouncil/status/1049648215035924480"
POST_B = "https://chirp.example/CityCouncil/status/1049647975235022853"


def _post(text: str, url: str) -> str:
    return (
        f'<blockquote class="twitter-tweet"><p lang="en">{text}</p><p>— City Council '
        f'(@CityCouncil) <a href="{url}?ref_src=twsrc">October 9, 2026</a></p></blockquote>'
        '<p><script async src="https://platform.chirp.example/widgets.js"></script></p>'
    )


def test_posts_under_a_see_tweets_pointer_rest_on_the_sentence_above_it() -> None:
    ext = extract(
        "<p>The council resumed from its summer recess on Tuesday with a vote on the budget.</p>"
        "<p>The details of the session were shared on the council's Chirp account.</p>"
        "<p>See posts:</p>"
        + _post("Council votes 7-2 to approve the 2027 budget.", POST_A)
        + _post("Councillor Diaz moves to adjourn until next week.", POST_B)
    )
    assert urls(sentence(ext, "The details of the session")) == {POST_A, POST_B}
    assert urls(sentence(ext, "The council resumed")) == set()


def test_a_pointer_under_a_sentence_that_reports_no_post_cites_nothing() -> None:
    ext = extract(
        "<p>The council resumed from its summer recess on Tuesday with a vote on the budget.</p>"
        "<p>Watch:</p>" + _post("Council votes 7-2 to approve the 2027 budget.", POST_A)
    )
    assert [s.text for s in ext.sentences if s.citations] == []


def test_a_products_name_linked_to_its_makers_page_about_it_is_no_source() -> None:
    story = "https://www.courier.example/2026/11/28/smart-speakers-sales"
    ext = extract(
        '<p><a href="https://www.orionlabs.example/onyx/">Orion Labs Onyx</a>, a $129 '
        "walkie-talkie, pairs with any phone.</p>"
        '<p>For $160, <a href="https://www.jamaudio.example/jam-voice-portable-speaker">Jam '
        "Voice</a> adds stereo sound.</p>"
        '<p>The <a href="http://www.invoxia.example/triby/">Triby</a> costs $199 and sticks '
        "to the fridge.</p>"
        f'<p>Smart speaker sales doubled this year, <a href="{story}">The Courier '
        "reported</a>.</p>"
        '<p>Sales rose 40%, according to <a href="https://www.cbsnews.example/news/'
        'speaker-sales-2026-11-07">CBS News</a>.</p>'
    )
    assert [urls(s) for s in ext.sentences if urls(s)] == [
        {story.replace("www.", "")},
        {"https://cbsnews.example/news/speaker-sales-2026-11-07"},
    ]


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("For more, read: This Resort Is Installing Smart Speakers in Every Room", True),
        ("For more on the trial, see: The jury's verdict", True),
        ("For more than a decade, the firm grew every year.", False),
    ],
)
def test_a_for_more_read_line_is_chrome(text: str, chrome: bool) -> None:
    assert is_boilerplate_text(text, link_texts=[]) is chrome


def test_where_a_republished_article_first_appeared_is_a_notice() -> None:
    assert is_notice_text("This article originally appeared on Time.com.")
    assert is_notice_text("This story first ran in The Courier.")
    assert not is_notice_text("This article appeared to convince the board.")


ADVISORY = "https://blog.example.net/server-vulnerability-advisory"


def test_a_block_quotation_announced_without_a_link_rests_on_the_writers_document() -> None:
    ext = extract(
        f'<p>"I thought a lot before writing this post," developer Sam Okafor wrote in a <a '
        f'href="{ADVISORY}">blog post published Thursday</a>. "On the one hand I do not want '
        'to expose thousands of servers, yet the vendor has failed to act on it."</p>'
        '<p>Okafor has released <a href="https://code.example.net/okafor/exploit">attack '
        "code</a> he said crashes any server. Here's how it works.</p>"
        "<blockquote><p>The flaw stems from the client sending the server nested lists.</p>"
        "<p>The payload holds 30,000,000 lists in 39 kilobytes.</p></blockquote>"
        "<p>The vendor did not answer a request for comment on Friday.</p>"
    )
    assert urls(sentence(ext, '"On the one hand')) == {ADVISORY}
    assert urls(sentence(ext, "The flaw stems")) == {ADVISORY}
    assert urls(sentence(ext, "The payload holds")) == {ADVISORY}
    assert urls(sentence(ext, "The vendor did not")) == set()


def test_a_block_quotation_after_a_plain_sentence_takes_no_writers_document() -> None:
    ext = extract(
        f'<p>Developer Sam Okafor wrote in a <a href="{ADVISORY}">blog post</a> that the flaw '
        "is two years old.</p><p>Other researchers have looked at the protocol before.</p>"
        "<blockquote><p>The protocol was never meant to carry nested lists.</p></blockquote>"
    )
    assert urls(sentence(ext, "The protocol was never")) == set()


def test_a_masthead_h1_that_no_title_names_is_not_the_headline() -> None:
    html = (
        "<!DOCTYPE html><html lang='en'><head><title>Get your Frontend Code Covered | Code | "
        "Sam Okafor</title></head><body><header><h1><a href='/'>Hi, I'm <strong>Sam."
        "</strong></a></h1></header><article><h2><a itemprop='name' href='/code/covered/'>Get "
        "your Frontend Code Covered</a></h2><p>Code coverage tells which lines your tests "
        "ran, and a report shows the lines they never reached.</p></article></body></html>"
    )
    ext = run_pipeline(html, "https://okafor.example/code/covered/")
    assert ext.title == "Get your Frontend Code Covered"


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, [Block("paragraph", 0, len(text))])]


def test_an_elision_before_the_editors_bracket_or_a_new_quoted_sentence() -> None:
    assert _sentences(
        "He said: “Calling me names, asking if I have children ... [saying] I better watch "
        "out.” Then he left."
    ) == [
        "He said: “Calling me names, asking if I have children ... [saying] I better watch out.”",
        "Then he left.",
    ]
    assert _sentences("“We act on abuse. ... The rules apply to all accounts.”") == [
        "“We act on abuse.",
        "The rules apply to all accounts.”",
    ]
    assert _sentences("Prices fell ... and then rose.") == ["Prices fell ... and then rose."]


STORY_A = "https://www.capitalpost.com/politics/2026/12/08/a-student-attacked-online"
STORY_B = "https://www.capitalpost.com/news/2026/11/16/the-platform-suspends-accounts"


def test_words_told_to_an_outlet_rest_on_its_story_the_article_cited_last() -> None:
    ext = extract(
        f'<p>The platform <a href="{STORY_B}">suspended several accounts</a> last month.</p>'
        f'<p>A new <a href="{STORY_A}">article from the Capital Post</a> shows what one '
        "post did to a student.</p><p>Over a year later, Lee told the Post she still receives "
        "threats.</p><p>Her lawyer described the threats to the Capital Post as "
        "relentless.</p><p>Her classmate told the Tribune she was scared.</p>"
    )
    story = STORY_A.replace("www.", "")
    assert urls(sentence(ext, "Over a year later")) == {story}
    assert urls(sentence(ext, "Her lawyer described")) == {story}
    assert urls(sentence(ext, "Her classmate told")) == set()  # no Tribune story linked
