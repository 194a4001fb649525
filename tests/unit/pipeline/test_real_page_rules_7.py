"""Habits of real pages, seventh batch (the site's own undated stories linked on a word or two,
contact forms), each on minimal HTML of our own."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

from app.pipeline.citations.sources import normalize_url

SITE = "https://news.example.org"


def test_an_own_story_at_an_undated_headline_address_is_cited_on_a_short_anchor() -> None:
    story = f"{SITE}/opinion/whats-behind-the-sudden-escalation-in-the-port-strike"
    ext = extract(
        "<p>The union's demands have achieved nothing but chaos, <a href="
        f'"{story}">agitating</a> the dock workers into a new walkout.</p>'
    )
    assert urls(sentence(ext, "The union's demands")) == {normalize_url(story)}


def test_a_term_page_and_a_name_link_stay_out_on_a_short_anchor() -> None:
    ext = extract(
        "<p>The harbour handles most of the region's <a href="
        f'"{SITE}/topics/container-shipping">container shipping</a>, and its owner <a href='
        f'"{SITE}/business/port-owner-ally-brooke-sells-her-stake-to-a-fund">Ally Brooke</a> '
        "bought it in 2004.</p>"
    )
    assert urls(sentence(ext, "The harbour handles")) == set()


def test_a_contact_form_link_is_no_source() -> None:
    ext = extract(
        "<p>The fund gave away $4 million in 2025. As always, you are welcome to email us or "
        f'to <a href="{SITE}/speak-to-our-team">request a call with our staff</a> if you have '
        "questions.</p>"
    )
    assert all(not s.citations for s in ext.sentences)
