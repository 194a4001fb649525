"""Habits of real pages, sixteenth batch (a reviewer's reactions quoted in a run after the linked
review), each on minimal HTML of our own."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

REVIEW = "https://reviews.example.com/2026/05/console-review"


def test_a_quoted_reaction_rests_on_no_source_while_the_reviews_findings_do() -> None:
    ext = extract(
        f'<p>Here is what <a href="{REVIEW}">the Example Review</a> found:</p>'
        "<blockquote><p>The console streams games at 4K and 60 frames per second over a "
        "35 Mbps connection. I have my doubts. I think it's fascinating.</p></blockquote>"
    )
    assert urls(sentence(ext, "The console streams")) == {REVIEW}
    for reaction in ("I have my doubts", "I think it's fascinating"):
        assert urls(sentence(ext, reaction)) == set(), reaction
        assert not sentence(ext, reaction).is_claim, reaction


def test_a_long_name_linked_to_its_home_page_is_no_evidence() -> None:
    study = "https://journals.example.org/doi/10.1002/ecs2.2947"
    ext = extract(
        "<p>The research, supported by the "
        '<a href="https://www.agency.example.gov/">U.S. Agency for International Development</a>'
        f', <a href="{study}">reveals</a> that hunting fell by half.</p>'
        '<p>I heard the same at the <a href="https://www.fintech.example.com/">Money 20/20 '
        "conference</a> in October.</p>"
        '<p>Rust runs <a href="https://os.example.com/">operating system kernels</a> today.</p>'
    )
    assert urls(sentence(ext, "The research, supported")) == {study}
    assert urls(sentence(ext, "I heard the same")) == set()
    assert urls(sentence(ext, "Rust runs")) == {"https://os.example.com"}
