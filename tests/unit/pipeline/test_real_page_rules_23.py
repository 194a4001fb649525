"""Rules from the real corpus after gate 21: a date or a headline the page shows only in its
body, where its metadata says nothing or something else."""

from __future__ import annotations

from app.pipeline import run_pipeline

_BODY = """<p>The league fined the player on Monday for his part in the fight, a spokesman said.</p>
<p>He will miss the rest of the season after the ruling, the team confirmed on Tuesday.</p>
<p>The club said it would appeal the decision to the league's review board this week.</p>"""


def _dated(header: str, head: str = "") -> str | None:
    html = f"""<html><head><title>League fines player</title>{head}</head><body>
<nav><a href="/">Home</a> <a href="/sports">Sports</a></nav><article>{header}{_BODY}</article>
<footer>Copyright 2013 Example Media. Posted in Sports.</footer></body></html>"""
    return run_pipeline(html, "https://news.example.com/league-fines-player").published


def test_a_date_on_its_own_line_under_the_headline_is_the_pages_date() -> None:
    assert _dated("<h1>League fines player</h1><p>January 22, 2014</p>") == "2014-01-22"
    byline = (
        "<h1>League fines player</h1><div>Max Jones<br><a href='https://a.example.org/'>"
        "The Example</a><br>Thu, 14 May 2020 17:55 UTC</div>"
    )
    assert _dated(byline) == "2020-05-14"


def test_a_headline_that_names_its_day_gives_it() -> None:
    assert _dated("<h1>Weekly Edition for March 26, 2015</h1><p>By Nathan Willis</p>") == (
        "2015-03-26"
    )


def test_no_date_by_the_headline_and_no_markup_leave_the_date_unknown() -> None:
    assert _dated("<h1>League fines player</h1><p>By Max Jones</p>") is None


def test_a_revision_line_under_the_headline_is_no_publication_date() -> None:
    assert _dated("<h1>League fines player</h1><p>Updated March 3, 2015</p>") is None


def test_a_date_far_below_the_headline_is_no_dateline() -> None:
    header = (
        "<h1>League fines player</h1><p>By Max Jones</p><p>Staff writer</p><p>Sports desk</p>"
        "<p>Share this</p><p>Print</p><p>Email</p><p>Comments</p><p>March 3, 2015</p>"
    )
    assert _dated(header) is None


def test_a_date_the_markup_states_outranks_the_line_under_the_headline() -> None:
    meta = '<meta property="article:published_time" content="2019-11-19T02:24:00Z">'
    assert _dated("<h1>League fines player</h1><p>Nov 18, 2019</p>", meta) == "2019-11-19"


def _titled(header: str) -> str | None:
    social = "As The League Acts, The Player Is Embarrassed In A HUGE Way!"
    html = f"""<html><head><title>{social}</title><meta property="og:title" content="{social}">
</head><body><nav><a href="/">Home</a></nav><div class="logo">The Example Insider</div>
<article>{header}{_BODY}</article></body></html>"""
    return run_pipeline(html, "https://news.example.com/league-fines-player").title


def test_the_headline_the_story_header_shows_outranks_a_social_title() -> None:
    shown = "League Fines Player After Brawl"
    assert _titled(f'<header class="article-header"><h2>{shown}</h2></header>') == shown
    assert _titled(f'<h1 class="entry-title">{shown}</h1>') == shown


def test_an_unmarked_heading_leaves_the_pages_title() -> None:
    title = _titled("<h2>More from the sports desk</h2>")
    assert title == "As The League Acts, The Player Is Embarrassed In A HUGE Way!"
