"""The headline as shown and the day a page says it was published, on real pages' habits."""

from __future__ import annotations

import pytest

from app.pipeline import run_pipeline

URL = "https://news.example.com/2019/11/18/story"


def _page(head: str, body: str) -> str:
    return f"""<html><head>{head}</head><body><article>{body}<p>The council met on Monday
and approved the plan for the new depot by a vote of six to one.</p><p>Work starts in May,
and the depot should open in the spring of the following year, officials said.</p>
</article></body></html>"""


def test_the_shown_headline_beats_a_reworded_og_title() -> None:
    head = "<title>Julian Assange: Sweden drops rape investigation - BBC News</title>"
    head += '<meta property="og:title" content="Sweden drops Assange rape investigation">'
    ext = run_pipeline(_page(head, "<h1>Julian Assange: Sweden drops rape investigation</h1>"), URL)
    assert ext.title == "Julian Assange: Sweden drops rape investigation"


def test_an_h1_that_is_the_sites_name_is_not_the_headline() -> None:
    head = '<meta property="og:title" content="A grant to scale programs - The Giving Blog">'
    head += '<meta property="og:site_name" content="The Giving Blog">'
    ext = run_pipeline(_page(head, "<h1>The Giving Blog</h1><h2>A grant</h2>"), URL)
    assert ext.title == "A grant to scale programs"


def test_a_section_label_before_the_headline_is_not_part_of_it() -> None:
    head = '<meta property="og:title" content="Opinion | Republicans Follow the Leader">'
    head += "<title>Opinion | Republicans Follow the Leader - The Daily Example</title>"
    ext = run_pipeline(_page(head, "<h1><span>Republicans Follow the Leader</span></h1>"), URL)
    assert ext.title == "Republicans Follow the Leader"


def test_a_site_suffix_named_like_the_domain_is_dropped() -> None:
    head = '<meta property="og:title" content="Reviews Are Here — And Not Great - Example">'
    head += f'<meta property="og:url" content="{URL}">'
    ext = run_pipeline(
        _page(head, "<h1><a href='/other'>Another story entirely here</a></h1>"), URL
    )
    assert ext.title == "Reviews Are Here — And Not Great"


def test_a_wiki_article_has_no_publication_day() -> None:
    head = '<meta name="generator" content="MediaWiki 1.28.0"><title>Mozilla - Wikipedia</title>'
    body = "<h1>Mozilla</h1><p>Mozilla was founded on February 28, 1998.</p>"
    assert (
        run_pipeline(_page(head, body), "https://en.wikipedia.org/wiki/Mozilla").published is None
    )


def test_a_published_label_beats_other_dates_in_the_text() -> None:
    body = """<h1>What value of drugs comes across the border?</h1><p>The claim was made on
Sunday, October 13th, 2019 in a local newspaper.</p><p>Published: Monday, November 18th, 2019 at
11:08 a.m.</p>"""
    assert run_pipeline(_page("<title>Drugs</title>", body), URL).published == "2019-11-18"


@pytest.mark.parametrize(
    ("label", "day"),
    [
        ("POSTED ON 3 May 2026", "2026-05-03"),
        ("First published: May 3, 2026", "2026-05-03"),
        ("Publi\u017fhed: May 3, 2026", "2026-05-03"),  # a long s matches "s" in any case
        ("Pub. May 3, 2026", "2019-11-18"),  # no label: htmldate's guess (from the URL)
        ("Reposted on 3 May 2026", "2019-11-18"),  # a label starts a word
    ],
)
def test_a_published_label_in_any_case(label: str, day: str) -> None:
    page = _page("<title>Depot</title>", f"<h1>Depot</h1>\n<p>{label}</p>")
    assert run_pipeline(page, URL).published == day


def test_the_pages_one_time_element_dates_it() -> None:
    head = '<title>Doctors offer flu shots</title><meta name="x" content="2019-11-20T04:07:50Z">'
    body = (
        '<h1>Doctors offer flu shots</h1><time datetime="2019-11-19T10:36:00.000Z">1 day ago</time>'
    )
    assert run_pipeline(_page(head, body), URL).published == "2019-11-19"
