"""Citation habits of real publishers' pages, each on minimal HTML of our own."""

from __future__ import annotations

from pipeline_pages import PAGE_URL, extract, page, sentence, urls

from app.pipeline import run_pipeline
from app.urls import normalize_source_url

WIKI_URL = "https://en.wikipedia.org/wiki/Lake_Example"


def _wiki(notes: str, body: str) -> str:
    return f"""<html><head><title>Lake Example - Wikipedia</title>
<link rel="canonical" href="{WIKI_URL}"></head><body><div id="content">
<h1 id="firstHeading">Lake Example</h1><div id="mw-content-text">{body}
<h2>References</h2><ol class="references">{notes}</ol></div></div></body></html>"""


def _note(n: int, inner: str) -> str:
    return (
        f'<li id="cite_note-{n}"><span class="mw-cite-backlink"><a href="#cite_ref-{n}">^</a>'
        f'</span> <span class="reference-text">{inner}</span></li>'
    )


def _marker(n: int) -> str:
    return f'<sup class="reference"><a href="#cite_note-{n}">[{n}]</a></sup>'


def test_identifier_help_links_of_a_wiki_are_not_the_cited_work() -> None:
    notes = _note(
        1,
        'Hale, J. (1998). "Sediment of the lake". <i>Limnology</i>. '
        '<a href="/wiki/Digital_object_identifier">doi</a>:'
        '<a href="http://dx.doi.org/10.1000%2FLIMNO.1998.12">10.1000/limno.1998.12</a>.',
    ) + _note(
        2,
        'Ruiz, A. (2004). <i>Lakes</i>. <a href="/wiki/International_Standard_Book_Number">ISBN'
        '</a> <a href="/wiki/Special:BookSources/0-19-000000-0">0-19-000000-0</a>. '
        '<a href="/wiki/ArXiv">arXiv</a>:<a href="//arxiv.org/abs/1706.03762">1706.03762</a>',
    )
    body = (
        f"<p>The lake is 41 metres deep at its centre.{_marker(1)} "
        f"Its sediment holds pollen from 9,000 years ago.{_marker(2)}</p>"
    )
    ext = run_pipeline(_wiki(notes, body), WIKI_URL)
    assert urls(sentence(ext, "The lake is")) == {
        normalize_source_url("https://doi.org/10.1000/limno.1998.12")
    }
    assert urls(sentence(ext, "Its sediment")) == {"https://arxiv.org/abs/1706.03762"}


def test_a_note_whose_only_links_are_the_wikis_own_pages_has_no_url() -> None:
    isbn = '<a href="/wiki/International_Standard_Book_Number">ISBN</a>'
    notes = (
        _note(1, f"Hale, <i>Lakes</i>, {isbn} 0-19-000000-0.")
        + _note(2, 'See the poem <a href="/wiki/Tea_(poem)">"Tea"</a>.')
        + _note(3, '<a href="/files/survey-2001.pdf">Lake survey</a>.')
    )
    body = (
        f"<p>The lake froze in 1999.{_marker(1)} Poets wrote of it.{_marker(2)} "
        f"Its depth was surveyed in 2001.{_marker(3)}</p>"
    )
    ext = run_pipeline(_wiki(notes, body), WIKI_URL)
    assert urls(sentence(ext, "The lake froze")) == set()
    assert urls(sentence(ext, "Poets wrote")) == set()
    # a site's own document is still the work its note cites
    assert urls(sentence(ext, "Its depth")) == {"https://en.wikipedia.org/files/survey-2001.pdf"}


def test_identifier_urls_name_one_work_whatever_their_form() -> None:
    same = [
        "http://dx.doi.org/10.1175/JAS-D-12-0123.1",
        "https://doi.org/10.1175/jas-d-12-0123.1",
        "https://www.doi.org/10.1175/JAS-D-12-0123.1/",
    ]
    assert len({normalize_source_url(u) for u in same}) == 1
    assert normalize_source_url("http://arxiv.org/pdf/1706.03762v5.pdf") == normalize_source_url(
        "https://arxiv.org/abs/1706.03762v5"
    )
    assert normalize_source_url("http://www.ncbi.nlm.nih.gov/pmc/articles/PMC3159421/") == (
        "https://ncbi.nlm.nih.gov/pmc/articles/PMC3159421"
    )
    # other hosts keep their scheme: the URL is also what verification fetches
    assert normalize_source_url("http://example.com/a").startswith("http://")


def test_one_doi_cited_over_http_and_https_is_one_source() -> None:
    body = """<p>Rainfall fell by a third, <a href="http://dx.doi.org/10.5555/rain.1">a study
found</a>. The drop was sharpest in May, <a href="https://doi.org/10.5555/RAIN.1">the authors
note</a>.</p>"""
    ext = run_pipeline(page(body), PAGE_URL)
    assert [s.url for s in ext.sources] == ["https://doi.org/10.5555/rain.1"]
    assert extract(body).sources[0].url == "https://doi.org/10.5555/rain.1"


def test_the_sites_own_earlier_story_in_a_sentence_is_a_citation() -> None:
    body = """<p>The council approved the budget on Monday, which follows <a
href="/2026/04/12/council-rejects-first-draft">last month's rejection of the first draft</a>.
I wrote about the old depot <a href="/2026/01/09/the-old-depot-story">back in January</a>, if
you want the history. More in <a href="/world">World</a> and <a href="/tags/budget">Budget</a>.
</p>"""
    ext = extract(body)
    assert urls(sentence(ext, "The council approved")) == {
        "https://news.example.org/2026/04/12/council-rejects-first-draft"
    }
    assert urls(sentence(ext, "I wrote about")) == set()  # a pointer to further reading
    assert urls(sentence(ext, "More in")) == set()  # sections and tags are navigation


def test_tag_hosts_and_wiki_terms_of_the_site_are_not_its_stories() -> None:
    body = """<p>Hiring slowed at the <a href="https://topics.example.org/federal-open-market-committee">
Federal Open Market Committee</a> meeting, said a staff economist.</p>"""
    html = page(body).replace("news.example.org", "www.example.org")
    ext = run_pipeline(html, "https://www.example.org/2026/05/story")
    assert urls(sentence(ext, "Hiring slowed")) == set()


def test_a_name_linked_to_its_home_page_is_not_evidence() -> None:
    body = """<p>Funding comes from <a href="https://goodventures.example/">Good Ventures</a>, a
foundation. Toolchains are managed with <a href="https://rustup.example/">rustup</a>. Kernels
are written in it, as <a href="https://os-blog.example/">one long tutorial series shows</a>.</p>"""
    ext = extract(body)
    assert urls(sentence(ext, "Funding comes")) == set()
    assert urls(sentence(ext, "Toolchains are")) == set()
    assert urls(sentence(ext, "Kernels are")) == {"https://os-blog.example"}


def test_a_credit_line_under_a_quotation_cites_every_sentence_of_it() -> None:
    body = """<p>Here is what the reviews say:</p>
<blockquote><p>The service launches today. It streams games at 4K.</p><p>Setup took ten
minutes.</p></blockquote>
<p><strong>[</strong><a href="https://reviews.example.com/stadia"><strong>Review Weekly</strong>
</a><strong>]</strong></p>
<p>The price is $129, the company said.</p>"""
    ext = extract(body)
    for start in ("The service launches", "It streams", "Setup took"):
        found = sentence(ext, start)
        assert urls(found) == {"https://reviews.example.com/stadia"}, start
        assert found.citations[0].attributed_to == "Review Weekly"
    assert urls(sentence(ext, "The price is")) == set()
    assert "[Review Weekly]" not in ext.text  # the credit line is not body text


def test_a_lead_in_that_links_its_source_covers_the_quotation_below() -> None:
    body = """<p>By 1963, as <a href="https://archive.example.com/1963/shelters.html">the Times
explains</a>:</p>
<blockquote><p>Shelters were stocked with water. Each held 50 people.</p></blockquote>
<p>Most were closed by 1990.</p>"""
    ext = extract(body)
    for start in ("Shelters were", "Each held"):
        assert urls(sentence(ext, start)) == {"https://archive.example.com/1963/shelters.html"}
    assert urls(sentence(ext, "Most were")) == set()


def test_each_credit_line_takes_only_the_quotation_above_it() -> None:
    body = """<blockquote><p>The controller is comfortable.</p></blockquote>
<p>[<a href="https://one.example.com/review">Outlet One</a>]</p>
<blockquote><p>Setup was easy.</p></blockquote>
<p>(via <a href="https://two.example.com/review">Outlet Two</a>)</p>"""
    ext = extract(body)
    assert urls(sentence(ext, "The controller")) == {"https://one.example.com/review"}
    assert urls(sentence(ext, "Setup was")) == {"https://two.example.com/review"}


def test_only_the_lead_ins_last_sentence_introduces_the_quotation() -> None:
    body = """<p>Officials now advise sheltering in place, as <a href="https://agency.example.gov/
plan.pdf">the plan</a> says. For <a href="https://guide.example.org/guide.pdf">example</a>:</p>
<blockquote><p>Early evacuation should be discouraged.</p></blockquote>"""
    ext = extract(body)
    assert urls(sentence(ext, "Early evacuation")) == {"https://guide.example.org/guide.pdf"}


def test_a_pictures_credit_closing_a_caption_is_not_a_citation() -> None:
    body = """<p>Shelters were common by 1963.</p><div><i>A still from a 1957 TV movie about an
attack on Portland. (<a href="https://blog.example.net/2015/02/a-day-called-x">Boing Boing</a>)</i>
</div><p>Few remain, <a href="https://records.example.net/2016/shelters">records show</a>.</p>"""
    ext = extract(body)
    assert all(urls(s) == set() for s in ext.sentences if "Boing" in s.text or "1957" in s.text)
    assert urls(sentence(ext, "Few remain")) == {"https://records.example.net/2016/shelters"}


def test_wiki_user_pages_and_other_hosts_of_the_same_domain() -> None:
    body = """<p>Thanks to <a href="https://wiki.example.org/wiki/User:Abbe98">Abbe98</a> and
<a href="https://wiki.example.org/w/index.php?title=User:X&amp;action=edit&amp;redlink=1">X</a>
for the code. The fix is tracked in <a href="https://tasks.example.org/T191583">a task</a>.</p>"""
    ext = extract(body)
    assert urls(sentence(ext, "Thanks to")) == set()
    # another host of the page's own domain is another site: the task tracker is a source
    assert urls(sentence(ext, "The fix")) == {"https://tasks.example.org/T191583"}


def test_pt_abbreviates_part() -> None:
    ext = extract("<p>This is not Cold War Pt. II, but it is close.</p>")
    assert [s.text for s in ext.sentences][-1] == "This is not Cold War Pt. II, but it is close."


def test_a_name_linked_to_a_page_named_after_it_is_not_evidence() -> None:
    body = """<p>In the lab of <a href="https://www.hsph.example.edu/wendy-garrett/">Wendy
Garrett</a>, the team found 40 cell types. <a href="https://apnews.example/6097d0d7">David
Holmes</a> testified on Thursday. Reporting by <a href="https://blogs.example.com/search/
journalist.php?n=dean.yates">Dean Yates</a> and colleagues was honoured.</p>"""
    ext = extract(body)
    assert urls(sentence(ext, "In the lab")) == set()
    assert urls(sentence(ext, "David Holmes")) == {"https://apnews.example/6097d0d7"}
    assert urls(sentence(ext, "Reporting by")) == set()  # a journalist's profile


def test_recirculation_links_are_not_citations() -> None:
    body = """<p>Neo-banks grew 40% in 2019, and some will fail, <a href="https://other.example.com/
2019/11/story?itm_campaign=BottomRelatedStories">as one review argues</a>.</p>"""
    assert urls(sentence(extract(body), "Neo-banks grew")) == set()


def test_a_credit_notice_cites_nothing() -> None:
    body = """<p>The jet crashed at 6:17 a.m., the navy said.</p><p>(Additional reporting by
<a href="https://wire.example.com/journalists/ann-lee">Ann Lee</a>; Editing by Tom Hogue)</p>"""
    ext = extract(body)
    assert all(s.citations == [] for s in ext.sentences if "Additional" in s.text)


def test_a_person_said_to_the_reporter_is_not_their_embedded_post() -> None:
    body = """<p>The air is toxic this week, experts said.</p>
<blockquote class="twitter-tweet"><p>Masks help, but only the good ones.</p>— Josh Apte
(@joshapte) <a href="https://twitter.com/joshapte/status/1191110529592496130">November 3,
2019</a></blockquote>
<p>“It is like pouring stuff into a plugged sink,” Apte said.</p>"""
    ext = extract(body)
    assert urls(sentence(ext, "“It is like")) == set()
    assert any(s.url.endswith("1191110529592496130") for s in ext.sources)


def test_the_study_is_the_one_paper_the_article_links_even_after_the_body() -> None:
    body = """<p>Hibernating crews would need a third less food on the way to Mars.</p>
<p>The study found that pods could cut the ship's mass by 30%.</p>
<p>More information: Petit et al., Hibernation in space, <a href="https://doi.org/10.5555/
hib.2019">DOI: 10.5555/hib.2019</a></p>"""
    ext = extract(body)
    assert urls(sentence(ext, "The study found")) == {"https://doi.org/10.5555/hib.2019"}
    assert urls(sentence(ext, "Hibernating crews")) == set()


def test_the_study_has_no_source_when_the_article_links_two_papers() -> None:
    body = """<p>One team <a href="https://doi.org/10.5555/a.1">reported</a> a 10% drop. Another
<a href="https://www.nature.com/articles/b-2">found</a> a rise.</p>
<p>The study found that pods could cut the ship's mass by 30%.</p>"""
    assert urls(sentence(extract(body), "The study found")) == set()


def test_the_sites_explainer_of_a_linked_term_is_not_a_story_it_cites() -> None:
    term = '<a href="/28402-what-is-dark-matter.html">dark matter</a>'
    story = '<a href="/2019/10/03/supercomputer-record-broken">last month\'s record run</a>'
    body = f"""<p>The simulation tracked 20 billion particles of {term} and gas, a record, the
team said. It beat the mark set in {story}.</p>
<p>Originally published on Example News.</p>
<p>Listen to Example Radio live at 12:45 weekdays - or listen back <a href="/radio/episodes">here
</a>.</p>"""
    ext = extract(body)
    assert urls(sentence(ext, "The simulation")) == set()
    assert urls(sentence(ext, "It beat")) == {
        "https://news.example.org/2019/10/03/supercomputer-record-broken"
    }
    assert not any(s.is_claim for s in ext.sentences if s.text.startswith(("Originally", "Listen")))


def test_a_company_database_profile_is_not_a_source() -> None:
    body = """<p>Investor <a href="https://www.crunchbase.example/organization/softbank">SoftBank
</a> put in up to $8 billion.</p>"""
    assert urls(sentence(extract(body), "Investor")) == set()


def test_notices_licences_and_media_links_are_no_sources() -> None:
    body = """<p>The probe found 2,000 kg of water a second, NASA said.</p>
<p>This article was originally published by <a href="https://futurism.example/europa-water">
Futurism</a>.</p>
<p>The map shows 40 languages (<a href="https://creativecommons.org/licenses/by-sa/4.0/">CC
BY-SA</a>, <a href="https://commons.wikimedia.org/wiki/File:Map.png">file</a>, <a
href="https://t.co/MYwRz9euaq">pic</a>).</p>"""
    ext = extract(body)
    assert {s.url for s in ext.sources} == set()


def test_a_note_without_a_url_is_a_source_named_by_its_text() -> None:
    notes = _note(1, "Hale, J. (1998). <i>Sediment of the lake</i>. Lake Press.") + _note(
        2, "Counted by the author on a visit in 2001; the figure excludes winter visitors."
    )
    body = (
        f"<p>The lake is 41 metres deep at its centre.{_marker(1)} "
        f"Maybe a hundred people live on its shore.{_marker(2)}</p>"
    )
    ext = run_pipeline(_wiki(notes, body), WIKI_URL)
    deep = sentence(ext, "The lake is")
    assert [(c.url, c.via, c.marker) for c in deep.citations] == [(None, "marker", "[1]")]
    assert deep.citations[0].attributed_to == "Sediment of the lake"
    assert deep.is_claim
    # the writer's aside in a note names no work: no source, and the guess is no claim
    guess = sentence(ext, "Maybe a hundred")
    assert guess.citations == []
    assert not guess.is_claim


def test_a_marker_after_a_capital_letters_full_stop_ends_the_sentence() -> None:
    notes = _note(1, '<a href="https://data.example.org/planet">Planet data</a>')
    body = (
        f"<p>Its surface is about 315 K.{_marker(1)} Its year lasts 12.76 days. "
        "The probe was built by Lin J. Chen and her team.</p>"
    )
    ext = run_pipeline(_wiki(notes, body), WIKI_URL)
    assert sentence(ext, "Its surface").text == "Its surface is about 315 K."
    assert urls(sentence(ext, "Its surface")) == {"https://data.example.org/planet"}
    assert urls(sentence(ext, "Its year")) == set()
    assert sentence(ext, "The probe").text.endswith("her team.")
