"""Habits of real pages, tenth batch (a pointer line above embedded posts), each on minimal
HTML of our own."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

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
