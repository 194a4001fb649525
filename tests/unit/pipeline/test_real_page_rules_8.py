"""Habits of real pages, eighth batch (a surname linked to the player's profile, a wire
story's graphic pointers, a deck and a trust badge), each on minimal HTML of our own."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

from app.pipeline.citations.sources import normalize_url


def test_a_surname_linked_to_a_profile_page_named_after_the_person_is_no_source() -> None:
    ext = extract(
        "<p>Ogunjobi played 61 snaps on Sunday, more than any other lineman. Fortunately, "
        '<a href="https://network.example.com/nfl/players/255902/damarious-randall">Randall'
        "</a> will be back next week after a one-game ban.</p>"
    )
    assert all(not s.citations for s in ext.sentences)


def test_a_surname_linked_to_a_story_still_cites_it() -> None:
    story = "https://network.example.com/2019/11/18/randall-ejected-after-hit-on-receiver"
    ext = extract(
        f'<p>Randall was <a href="{story}">ejected in the second quarter</a> for a hit on a '
        "receiver, the league said on Monday.</p>"
    )
    assert urls(sentence(ext, "Randall was ejected")) == {normalize_url(story)}


def test_a_graphic_pointer_in_parentheses_is_no_source() -> None:
    ext = extract(
        "<p>Oil fell 2% on Tuesday as traders weighed a glut of supply.</p>"
        '<p>(Graphic: Emerging markets in 2019 - <a href="https://graphics.example.net/gfx/'
        'em-2019/index.html">here</a>)</p>'
    )
    assert all(not s.citations for s in ext.sentences)


def test_a_source_named_before_here_still_cites() -> None:
    report = "https://stats.example.gov/reports/oil-2019.pdf"
    ext = extract(
        f"<p>Oil stocks rose by 3.6 million barrels, the agency's weekly report (<a href=\""
        f'{report}">here</a>) shows.</p>'
    )
    assert urls(sentence(ext, "Oil stocks rose")) == {normalize_url(report)}


def test_a_deck_and_a_trust_badge_are_chrome() -> None:
    ext = extract(
        "<p>Stadia launched on Tuesday in 14 countries, Google said.</p>",
        after=(
            '<h2 class="article__deck">"You will see things Stadia can do that no other '
            'platform can," says the director for games at the company.</h2>'
            '<div class="StandardArticleBody_trustBadgeContainer"><span>Our Standards:</span>'
            '<a href="https://corp.example.com/trust-principles.html">The Trust Principles.'
            "</a></div>"
        ),
    )
    texts = " ".join(s.text for s in ext.sentences)
    assert "director for games" not in texts and "Trust Principles" not in texts
