"""'Source:' lines under a paragraph, and the site's own publications as sources."""

from __future__ import annotations

from pipeline_pages import PAGE_URL, extract, sentence, urls

from app.pipeline.citations.link_filter import is_source_link
from app.pipeline.citations.source_notes import is_source_line

_EVAL = "https://news.example.org/publications/grant-evaluation"


def test_source_line_cites_the_attributed_sentence_of_the_paragraph_above() -> None:
    ext = extract(
        "<p>Homes saved £310 a year, according to an evaluation published today. "
        "The scheme is popular.</p>"
        f'<p>Source: <a href="{_EVAL}">Grant scheme: interim evaluation report</a></p>'
        "<p>Installers hired 3,800 staff, the evaluation found.</p>"
    )
    assert urls(sentence(ext, "Homes saved")) == {_EVAL}
    assert urls(sentence(ext, "The scheme is")) == set()
    assert urls(sentence(ext, "Installers hired")) == {_EVAL}
    assert not any(s.text.startswith("Source:") for s in ext.sentences)
    assert _EVAL in {s.url for s in ext.sources}


def test_source_line_without_attribution_cites_the_whole_paragraph() -> None:
    ext = extract(
        "<p>Rents rose 9% in 2025. Wages rose 4%.</p>"
        '<p>Sources: <a href="https://stats.example.gov/rents">Rent index 2025</a></p>'
    )
    assert urls(sentence(ext, "Rents rose")) == {"https://stats.example.gov/rents"}
    assert urls(sentence(ext, "Wages rose")) == {"https://stats.example.gov/rents"}


def test_prose_that_opens_with_source_is_not_a_source_line() -> None:
    assert not is_source_line("Source: officials said the deal was close, citing a memo", ["memo"])
    assert is_source_line("Source: Rent index 2025", ["Rent index 2025"])


def test_same_site_links_count_for_publications_stories_or_when_cited() -> None:
    own = {"example.org"}

    def ok(href: str, *, cited: bool = False, before: str = "") -> bool:
        return is_source_link(
            href, href, text="x", rel="", own_domains=own, cited=cited, before=before
        )

    assert ok("https://news.example.org/research/heat-study")
    assert ok("https://news.example.org/files/budget-2026.pdf")
    # the site's own earlier reporting is a source, unless the author only points back to it
    story = "https://news.example.org/2026/04/our-earlier-story"
    assert ok(story, before="The vote follows ")
    assert not ok(story, before="I wrote about it ")
    assert not ok(story)  # a headline alone in a list of the site's stories
    assert not ok("https://news.example.org/world")
    assert ok("https://news.example.org/2026/04/our-earlier-story", cited=True)
    assert not ok("https://news.example.org/newsletter/publications/x", cited=True)
    assert PAGE_URL.startswith("https://news.example.org")
