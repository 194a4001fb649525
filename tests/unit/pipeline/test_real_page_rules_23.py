"""Rules from the real corpus after gates 21 and 22: a date or a headline the page shows only
in its body, where its metadata says nothing or something else; a linked book's author and
title named again."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

from app.pipeline import run_pipeline
from app.pipeline.citations.link_filter import is_source_link
from app.pipeline.citations.sources import normalize_url
from app.pipeline.types import Extraction

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


_BOOK = "https://www.amazon.com/dp/B009F7CVP6"
_HISTORY = "https://www.amazon.com/dp/1416596585"


def _books() -> Extraction:
    return extract(
        "<p>The company's human resources chief thought the plan was unwise, according to "
        f"“<a href=\"{_BOOK}\">I'm Feeling Lucky</a>,” Douglas Edwards' inside view of its early "
        "years.</p><p>As Steven Levy detailed in his own history of the company, "
        f'“<a href="{_HISTORY}">In the Plex</a>,” the chairman argued with the founder about '
        "the plan one evening.</p>"
        "<p>The founder hired 130 engineers in the following year, records show.</p>"
        "<p>“No one held back when fighting the founders for the puck,” Douglas Edwards wrote."
        "</p><p>In “In the Plex,” Steven Levy tells how the company hired a product manager "
        "in 2000 to build a toolbar.</p><p>A college friend told Levy that the founder was "
        "controlling even at university.</p><p>The board met twice a month in 2001, the "
        "minutes show.</p><p>Later the founder fired half of the managers, as Levy tells it.</p>"
    )


def test_a_linked_books_author_and_title_later_cite_the_book() -> None:
    ext = _books()
    assert urls(sentence(ext, "“No one held back")) == {normalize_url(_BOOK)}
    assert urls(sentence(ext, "In “In the Plex,”")) == {normalize_url(_HISTORY)}
    assert urls(sentence(ext, "A college friend told Levy")) == {normalize_url(_HISTORY)}
    assert urls(sentence(ext, "Later the founder fired")) == {normalize_url(_HISTORY)}
    assert not urls(sentence(ext, "The board met twice"))


def test_a_quoted_term_is_no_title_and_an_unknown_hearer_no_writer() -> None:
    ext = extract(
        '<p>Researchers studied <a href="https://www.ncbi.nlm.nih.gov/books/NBK538131">'
        "cannabis use disorder</a> in teenagers across 12 states in 2019.</p>"
        '<p>Dr. Silvia Martins said: "Cannabis use disorder in adolescence is associated '
        'with long-term harm."</p><p>A colleague told Martins that the figures were low.</p>'
    )
    assert not urls(sentence(ext, "Dr. Silvia Martins said"))
    assert not urls(sentence(ext, "A colleague told Martins"))


def test_a_block_quotation_under_a_pointer_rests_on_the_link_before_it() -> None:
    cnn = "https://money.cnn.com/2006/biz2/people-who-dont-matter/"
    ext = extract(
        "<p>The founder turned 21 that summer and the site had reached 800 schools.</p>"
        f'<p>How else do you explain him making this CNN <a href="{cnn}">list of people who '
        "don't matter</a> in 2006. Hilarious copy, below.</p><blockquote><p>Last spring, "
        "the company reportedly turned down a $750 million buyout offer.</p></blockquote>"
        "<p>The company had 11 million users by the end of 2006.</p>"
    )
    assert urls(sentence(ext, "Last spring, the company")) == {normalize_url(cnn)}
    assert not urls(sentence(ext, "The company had 11 million"))


def test_a_link_offering_a_media_file_to_play_is_no_source() -> None:
    audio = "https://cdn.example.com/uploads/2013/06/big-media-ep-38.mp3"

    def source(text: str) -> bool:
        return is_source_link(audio, audio, text=text, rel="", own_domains={"example.org"})

    assert not source("Big Media, Episode 38 (MP3 format)")
    assert not source("Download the episode")
    assert source("the recording")  # the file a sentence rests on


def test_a_word_linked_to_a_hub_named_after_it_is_a_topic() -> None:
    ext = extract(
        "<p>The carrier is building a live TV app for "
        '<a href="https://reviews.example.com/tablets/">tablet</a> computers, it said on '
        "Tuesday.</p><p>The apps will run on phones with Google "
        '<a href="https://www.example.com/android-atlas/">Android</a> software by June.</p>'
    )
    assert not urls(sentence(ext, "The carrier is building"))
    assert not urls(sentence(ext, "The apps will run"))


def test_a_place_named_in_passing_and_linked_to_its_page_is_no_source() -> None:
    ext = extract(
        "<p>Marines are handy early in wars -- "
        '<a href="https://www.ww2db.example.com/html/guadalcanal.htm">Guadalcanal</a> in 1942, '
        "a historian said on Monday.</p><p>The review asked whether landings like "
        '<a href="https://www.marines.example.com/history/missions/inchon_landing">Inchon</a> '
        "are still feasible, the secretary said.</p>"
        '<p><a href="https://linux.die.example.net/man/1/strace">Strace</a> is a Linux utility '
        "that reports every system call a process makes.</p>"
    )
    assert not urls(sentence(ext, "Marines are handy"))
    assert not urls(sentence(ext, "The review asked"))
    assert urls(sentence(ext, "Strace is a Linux utility"))  # what the sentence describes


def test_a_line_a_br_breaks_after_a_comma_runs_on() -> None:
    ext = extract(
        "<p>The fundraiser caused a lot of discussion in the community regarding PyPy, NumPy,"
        "<br />SciPy and the future of numeric computing in Python.</p>"
    )
    assert [s.text for s in ext.sentences] == [
        "The fundraiser caused a lot of discussion in the community regarding PyPy, NumPy, "
        "SciPy and the future of numeric computing in Python."
    ]


def test_a_blogs_post_title_outranks_its_masthead() -> None:
    html = """<html><head><title>Lost in JIT: PyPy and the road towards SciPy</title></head>
<body><div class="header"><h1 class="title"><a href="http://lostinjit.example.com/">Lost in
JIT</a></h1></div><div class="post"><h3 class="post-title entry-title">PyPy and the road
towards SciPy</h3><div class="post-body"><p>The project raised $40,000 for its NumPy port in
October 2011, the developers said.</p><p>The port covers about 60 percent of the array API so
far, according to the team.</p></div></div></body></html>"""
    ext = run_pipeline(html, "http://lostinjit.example.com/2011/10/pypy-and-road.html")
    assert ext.title == "PyPy and the road towards SciPy"


def test_a_newspapers_compact_publication_meta_gives_the_day() -> None:
    head = '<meta name="pdate" content="20160729"><meta name="utime" content="20160801013024">'
    modified = '<h1>League fines player</h1><time datetime="2016-08-01T01:30:24-04:00"></time>'
    assert _dated(modified, head) == "2016-07-29"


def test_a_podcast_call_opening_a_paragraph_leaves_its_description_prose() -> None:
    story = "https://www.example.org/2013/06/microsoft-chiefs-urge-tv-execs-produce-xbox-one/"
    ext = extract(
        "<p>Listen to episode 38 of our audio podcast Big Media. The editor talks with the host "
        f'about the trip by <a href="{story}">Microsoft’s chief executive</a> to Hollywood '
        "ahead of next week’s convention.</p><p>Listen to the podcast here.</p>"
    )
    assert urls(sentence(ext, "The editor talks")) == {normalize_url(story)}
    assert not any(s.is_claim for s in ext.sentences if s.text.startswith("Listen to"))


def test_the_report_opening_the_next_sentence_is_the_one_just_linked() -> None:
    report = "https://stackoverflow.blog/2017/03/09/developer-hiring-trends-2017/"
    ext = extract(
        f'<p>Stack Overflow <a href="{report}">published its analysis</a> of 2017 hiring trends '
        "based on what employers selected when posting jobs. The report, which compares data "
        "from 200 companies since 2015, ranks ReactJS at the top of the fastest growing "
        "skills.</p><p>The report on salaries came out in 2016 with 56,000 answers.</p>"
    )
    assert urls(sentence(ext, "The report, which compares")) == {normalize_url(report)}


def test_a_pointer_to_read_more_and_a_pinned_encyclopedia_term_cite_nothing() -> None:
    repo = "https://github.com/andrewhayden/archive-patcher"
    deflate = "https://en.wikipedia.org/w/index.php?title=DEFLATE&oldid=735386036"
    ext = extract(
        "<p>Most of the content within the zip files is compressed using a technology called "
        f'<a href="{deflate}">deflate</a>.</p><p>If you’d like to know more about file-by-file '
        f'patching, including the technical details, head over to the <a href="{repo}">'
        "archive patcher project</a> where you can find the source code.</p>"
        "<p>The new approach cut the size of updates by 65% on average in 2016.</p>"
    )
    assert not urls(sentence(ext, "Most of the content"))
    pointer = sentence(ext, "If you’d like to know more")
    assert not urls(pointer) and not pointer.is_claim
