"""Habits of real pages, thirteenth batch (a report linked once and then called "the report",
a headline linked on a line of its own, pointers to the full interview, organisations linked
on their names, click redirectors, terms "known as", dates given only as "10.06.2013", a
masthead <h1>), each on minimal HTML of our own."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

from app.pipeline import run_pipeline
from app.urls import unwrap_redirect

REPORT = "https://union.example.org/media/second-class-citizens.pdf"


def test_the_report_the_article_links_once_backs_every_mention_of_it() -> None:
    ext = extract(
        "<p>Thousands of staff are on precarious contracts, says a report out on Monday.</p>"
        f'<p>The report by the <a href="{REPORT}">Staff Union</a> claims universities rely on '
        "low-paid staff. It calls on the regulator to publish the figures.</p>"
        "<p>Jo Reed, an MP who backs the report, said it showed a business model.</p>"
        "<p>One lecturer told the authors she was hired without an interview.</p>"
        "<p>The report explores data showing that 67,000 researchers were on fixed terms.</p>"
        "<p>The weather was mild all week in the capital, forecasters noted.</p>"
    )
    for opening in ("Thousands of staff", "It calls on", "One lecturer", "The report explores"):
        assert urls(sentence(ext, opening)) == {REPORT}, opening
    assert urls(sentence(ext, "Jo Reed")) == set()  # her own words, not the report's
    assert urls(sentence(ext, "The weather")) == set()


def test_no_report_is_meant_when_the_article_links_two() -> None:
    ext = extract(
        "<p>Thousands of staff are on precarious contracts, says a report out on Monday.</p>"
        f'<p>A <a href="{REPORT}">new report</a> counts 67,000 researchers on fixed terms. '
        'A rival <a href="https://employers.example.org/annual-report">annual report</a> '
        "counts fewer.</p>"
    )
    assert urls(sentence(ext, "Thousands of staff")) == set()


def test_an_organisation_linked_on_its_name_is_not_evidence() -> None:
    ext = extract(
        "<p>A spokesperson for the "
        '<a href="https://www.ucea.example.uk/">Universities and Colleges Employers’ '
        "Association</a> said its members had cut zero-hours contracts.</p>"
        '<p>When events are more diverse, the <a href="https://make.wordpress.example/">'
        "WordPress project</a> gets more diverse too.</p>"
        '<p>The association <a href="https://www.ucea.example.uk/news/2019/pay-offer">made '
        "its final pay offer</a> last week.</p>"
    )
    assert urls(sentence(ext, "A spokesperson")) == set()
    assert urls(sentence(ext, "When events")) == set()
    assert urls(sentence(ext, "The association")) == {"https://ucea.example.uk/news/2019/pay-offer"}


def test_a_repository_named_by_its_owner_and_name_is_not_evidence() -> None:
    ext = extract(
        "<p>A reader asked how simdjson compares with "
        '<a href="https://github.com/nlohmann/json">nlohmann/json</a>, a popular library.</p>'
    )
    assert urls(sentence(ext, "A reader")) == set()


def test_click_redirectors_are_unwrapped_to_the_page_they_send_to() -> None:
    wrapped = "https://href.li/?https%3A%2F%2Fmake.example.org%2Fhandbook%2Fworkshop%2F="
    assert unwrap_redirect(wrapped) == "https://make.example.org/handbook/workshop/"
    assert (
        unwrap_redirect("https://l.facebook.com/l.php?u=https%3A%2F%2Fa.example%2Fx&h=AT")
        == "https://a.example/x"
    )
    assert unwrap_redirect("https://www.google.com/url?q=https://b.example/y&sa=D") == (
        "https://b.example/y"
    )
    search = "https://www.google.com/search?q=https://b.example/y"
    assert unwrap_redirect(search) == search
    assert unwrap_redirect("https://href.li/?javascript:alert(1)").startswith("https://href.li")
    ext = extract(
        f'<p>The group wrote a <a href="{wrapped}">lesson plan</a> for new speakers in 2018.</p>'
    )
    assert urls(sentence(ext, "The group")) == {"https://make.example.org/handbook/workshop"}


def test_a_contact_link_and_a_pointer_to_the_full_interview() -> None:
    interview = "https://radio.example.de/sendungen/die-woche/commission.html"
    ext = extract(
        "<p>Automattic invites partners to pick up the other half of the costs. Get in touch "
        'with Jill <a href="https://diversein.example/sponsors/">today!</a></p>'
        "<p>Markus Jachtenfuchs, a professor of governance, spoke to Radio Eins about the "
        "challenges for the new Commission.</p>"
        f'<p><em>Listen to the full interview (in German) on <a href="{interview}">Radio '
        "Eins</a>.</em></p>"
    )
    assert urls(sentence(ext, "Get in touch")) == set()
    assert urls(sentence(ext, "Markus Jachtenfuchs")) == {interview.removesuffix("/")}
    assert urls(sentence(ext, "Listen to")) == set()


def test_a_headline_linked_under_the_paragraph_that_points_to_it() -> None:
    story = "https://cnn.example.com/2013/07/09/opinion/comic-strip"
    ext = extract(
        "<p>Cartoonist Matt Bors got a spot on CNN for his scathing critique of the narrative "
        "of the lazy, narcissistic millennials. Click through for the whole thing.</p>"
        f'<p><a href="{story}">The generation we love to dump on</a></p>'
        "<p>Readers wrote in by the hundreds to say that the strip had made their week.</p>"
        '<p><a href="https://other.example.net/2013/07/10/more-comics">More comics we liked '
        "this week</a></p>"
    )
    assert urls(sentence(ext, "Cartoonist")) == {story}
    assert urls(sentence(ext, "Click through")) == set()
    assert urls(sentence(ext, "Readers wrote")) == set()  # nothing points below it


def test_a_paragraph_under_its_picture_is_no_caption() -> None:
    ext = extract(
        '<p><img src="/strip.jpg"><br>Cartoonist Matt Bors drew a strip about millennials '
        "for a national news site in July. It was shared more than 40,000 times within a "
        "week, and the site asked him for three more strips.</p>"
        '<p><img src="/crowd.jpg"><br>Crowds gathered outside the hall on Tuesday. Photo: '
        "Jo Lens for Example News.</p>"
    )
    assert sentence(ext, "It was shared").is_claim
    assert not any(s.is_claim for s in ext.sentences if s.text.startswith("Crowds gathered"))


def test_a_masthead_h1_that_only_the_titles_site_part_names() -> None:
    html = """<html><head><title>Want a More Diverse Community? So Do We. — The Example.com
Blog</title><meta property="og:title" content="Want a More Diverse Community? So Do We.">
</head><body><header><h1 class="site-title">Example.com</h1></header><article>
<h2 class="post-title">Want a More Diverse Community? So Do We.</h2>
<p>More diverse speakers at meetups mean a more diverse community of contributors.</p>
<p>In 2018, the group advised 55 communities in 26 countries on their speaker rosters.</p>
</article></body></html>"""
    ext = run_pipeline(html, "https://example.com/2019/06/19/diverse/")
    assert ext.title == "Want a More Diverse Community? So Do We."


def _dated(head: str, body: str) -> str | None:
    html = f"""<html><head><title>A column</title>{head}</head><body><article>{body}
<h1>What is on the cards for the Commission</h1>
<p>The new Commission took office on Sunday after the Parliament confirmed it.</p>
<p>Its first task is a climate plan due within a hundred days of taking office.</p>
</article></body></html>"""
    return run_pipeline(html, "https://school.example.org/en/debate/cards/").published


def test_a_date_the_page_gives_only_as_day_month_year_with_dots() -> None:
    assert _dated('<meta property="og:title" content="A column | DW | 10.06.2013">', "") == (
        "2013-06-10"
    )
    assert _dated("", "<ul><li><strong>Date</strong> 10.06.2013</li></ul>") == "2013-06-10"
    assert _dated("", "<span>02.12.19</span>") == "2019-12-02"
    # a version in the title is no date
    assert _dated('<meta property="og:title" content="Release notes | 4.2.11">', "") != (
        "2011-02-04"
    )


def test_a_term_known_as_its_link_is_explained_not_cited() -> None:
    ext = extract(
        "<p>The telescope will probe fleeting blasts of radiation known as "
        '<a href="/articles/d41586-019-02455-1">fast radio bursts</a>.</p>'
        '<p>So-called <a href="https://times.example.com/2018/11/20/neo-banks.html">neo-banks'
        "</a> have been all the rage in Europe for years.</p>"
    )
    assert urls(sentence(ext, "The telescope")) == set()
    assert urls(sentence(ext, "So-called")) == {
        "https://times.example.com/2018/11/20/neo-banks.html"
    }


def test_the_person_whose_post_was_just_cited_shows_it_again() -> None:
    post = "https://twitter.com/schukin/status/1146359923158089728"
    ext = extract(
        "<p>On Twitter, Dave Schukin explains that the effect uses a depth map of the face.</p>"
        '<blockquote class="twitter-tweet"><p>How the correction works: it warps the eyes.</p>'
        f'— Dave Schukin (@schukin) <a href="{post}">July 3, 2019</a></blockquote>'
        "<p>Using the arm of a pair of glasses, Schukin shows how the software warps the eye "
        "area.</p>"
        "<p>Later that day, Schukin said on a podcast that he had not expected the reaction.</p>"
    )
    assert urls(sentence(ext, "On Twitter")) == {post}
    assert urls(sentence(ext, "Using the arm")) == {post}
    assert urls(sentence(ext, "Later that day")) == set()  # no longer the sentence after it


def test_a_speaker_who_wrote_the_linked_analysis_is_quoted_from_it_later() -> None:
    analysis = "https://research.example.com/2019/07/29/android-ransomware-back"
    ext = extract(
        "<p>“The impact of this new ransomware is limited,” said Lukas Stefanko with ESET in a "
        f'Monday <a href="{analysis}">analysis</a> of the ransomware.</p>'
        "<p>The malware spreads through links posted on online forums and sent by text.</p>"
        "<p>“These messages include links to the ransomware,” Stefanko said.</p>"
        "<p>“We expect more of this,” said Maria Lopez, a police spokeswoman.</p>"
    )
    assert urls(sentence(ext, "“These messages")) == {analysis}
    assert urls(sentence(ext, "The malware spreads")) == set()
    assert urls(sentence(ext, "“We expect")) == set()
