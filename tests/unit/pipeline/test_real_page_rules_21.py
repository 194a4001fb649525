"""Habits of real pages, twenty-first batch (after the twentieth blind gate), each on minimal
HTML of our own."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

from app.pipeline import run_pipeline


def test_a_site_that_tags_its_own_links_still_cites_its_own_stories() -> None:
    own = "https://news.example.org/279290/the-speaker-is-what-makes-smart-homes-worthwhile/"
    ext = extract(
        "<p>The speaker controls 40 brands of lights and locks, "
        f'<a href="{own}?tag=823814-20">which is what makes smart homes worthwhile</a>.</p>'
    )
    assert urls(sentence(ext, "The speaker controls")) == {
        "https://news.example.org/279290/the-speaker-is-what-makes-smart-homes-worthwhile"
        "?tag=823814-20"
    }


def test_reporting_contributed_by_is_a_credit_not_a_claim() -> None:
    ext = extract(
        "<p>The ambassador will resign at the end of the year, she said on Tuesday.</p>"
        "<p>Reporting was contributed by Julie Davis, Jonathan Martin and Eileen Sullivan.</p>"
    )
    assert not sentence(ext, "Reporting was contributed").is_claim


def test_a_person_linked_on_announced_is_not_quoted_from_it_everywhere() -> None:
    story = "https://paper.example.net/2018/04/15/us/politics/sanctions-syria.html"
    ext = extract(
        "<p>Ms. Haley said on Tuesday that she had no intention of running in 2020.</p>"
        "<p>She was praised for her work at the United Nations by diplomats of 20 countries.</p>"
        f'<p>In April, <a href="{story}">Ms. Haley announced</a> that the administration '
        "would impose sanctions on Russian companies.</p>"
    )
    assert urls(sentence(ext, "In April")) == {story}
    assert urls(sentence(ext, "Ms. Haley said on Tuesday")) == set()


def test_the_letter_a_link_names_is_what_the_letter_said_means() -> None:
    letter = "https://storage.example.org/uploads/2018/10/haley-gifts-flights.pdf"
    ext = extract(
        f'<p>On Monday, the group <a href="{letter}">sent a letter</a> to '
        '<a href="https://oig.example.gov/about/ig">the inspector general</a>, asking for an '
        "investigation.</p><p>The letter said the couple accepted seven free flights in 2017."
        "</p>"
    )
    assert urls(sentence(ext, "The letter said")) == {letter}


def test_a_line_wrapped_with_a_break_goes_on_as_one_sentence() -> None:
    spec = "https://spec.example.org/#filtered-response"
    ext = extract(
        "<p>The details of how each guard affects the headers are<br />\n  in the "
        f'<a href="{spec}">specification</a>. Download: <a href="https://po.example/dl">'
        'https://po.example/dl</a><br />iTunes: <a href="https://po.example/it">'
        "https://po.example/it</a></p>"
    )
    whole = sentence(ext, "The details of how")
    assert whole.text.endswith("in the specification.")
    assert urls(whole) == {"https://spec.example.org"}
    assert sentence(ext, "iTunes:")  # a new line that starts with a name stays apart


def _dated(head: str, body: str, lang: str = "") -> str | None:
    html = f"""<html{lang}><head><title>Speaker guide</title>{head}</head><body><article>
<ul><li>{body}</li></ul><h1>Which speaker should you buy?</h1>
<p>The first speaker controls 40 brands of lights and locks in the house.</p>
<p>The second one plays music from three services and costs less than the first.</p>
</article></body></html>"""
    return run_pipeline(html, "https://howto.example.com/282568/which-speaker/").published


def test_a_published_label_with_a_slashed_date_reads_by_the_pages_country() -> None:
    assert _dated("", "Published 12/10/16") == "2016-12-10"
    assert _dated("", "Published 12/10/16", ' lang="en-GB"') == "2016-10-12"
    assert _dated("", "Published 25/10/16") == "2016-10-25"  # no 25th month


def test_where_the_slides_can_be_downloaded_is_no_claim() -> None:
    ext = extract(
        "<p>Up to 47% of tasks could be automated by 2030. The slides from my talk can be "
        '<a href="https://slides.example.com/talk/whats-next">downloaded from SlideShare</a>.'
        "</p>"
    )
    found = sentence(ext, "The slides from my talk")
    assert urls(found) == set() and not found.is_claim


def test_a_lower_case_term_linked_to_its_own_page_is_what_the_term_is() -> None:
    ext = extract(
        "<p>Like any pure "
        '<a href="https://homes.example.com/blog/mid-century-modern/">mid-century modern</a>'
        ", the 1958 home has walls of windows. The breath test was taken an hour later, "
        'according to a <a href="https://courts.example.gov/records/2026-CR-00418/probable-'
        'cause-statement.pdf">probable cause statement</a>. '
        '<a href="https://tools.example.net/man/1/strace">Strace</a> reports every call a '
        "process makes to the kernel.</p><p>Hat tip to Curbed for the timely find.</p>"
    )
    assert urls(sentence(ext, "Like any pure")) == set()
    assert urls(sentence(ext, "The breath test")) == {
        "https://courts.example.gov/records/2026-CR-00418/probable-cause-statement.pdf"
    }
    assert urls(sentence(ext, "Strace reports")) == {"https://tools.example.net/man/1/strace"}
    assert not sentence(ext, "Hat tip to Curbed").is_claim


def test_a_home_page_whose_domain_spells_the_persons_name_is_whose_site_it_is() -> None:
    ext = extract(
        "<p>“It's OK to just say thank you,” says "
        '<a href="http://www.shemiahderrick.example/">mental health therapist Shemiah R. '
        "Derrick</a>. Praise for an "
        "action works better than praise for a person, according to the "
        '<a href="https://www.parentcoach.example/">parent coaches</a> of a 2019 survey.</p>'
    )
    assert urls(sentence(ext, "“It's OK")) == set()


def test_the_sentence_that_says_someone_took_to_the_posts_platform_cites_it() -> None:
    post = "https://www.instagram.com/p/BNpLF8LD0GD/"
    ext = extract(
        "<p>The singer, 30, took to Instagram on Monday to share a photo of the actor with her "
        "mother.</p><p>The pair smiled as they dropped letters into a mailbox for her charity."
        f'</p><blockquote class="instagram-media"><p>My mom sent letters today.</p>'
        f'<p>A photo posted by Jo (@jo) on <a href="{post}">Dec 5, 2016</a></p></blockquote>'
        "<p>The charity was founded in 2012.</p>"
    )
    assert urls(sentence(ext, "The singer, 30")) == {"https://instagram.com/p/BNpLF8LD0GD"}
    assert urls(sentence(ext, "The pair smiled")) == set()
