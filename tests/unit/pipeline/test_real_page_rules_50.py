"""Rules from the real corpus in session 21: notices about the page itself (who paid for the
reporting, where a review copy came from, contributors' credits in other languages, the rest of
the piece in print) and a German CMS's in-story promo box."""

from __future__ import annotations

import pytest
from pipeline_pages import PAGE_URL, extract, page, sentence, urls

from app.pipeline import run_pipeline
from app.pipeline.document import parse_html
from app.pipeline.page.metadata import _names_site
from app.pipeline.types import Extraction
from app.urls import join_url

_FACT = "<p>Die Firma setzte 2019 rund 4,5 Milliarden Euro um, 12 Prozent mehr als 2018.</p>"


def _claims(ext: Extraction) -> list[str]:
    return [s.text for s in ext.sentences if s.is_claim]


@pytest.mark.parametrize(
    "line",
    [
        "Diese Recherche wurde mit der Unterstützung von Bürgerinnen und Bürgern realisiert.",
        "This reporting was supported by a grant from the Fund for Investigative Journalism.",
        "This project is funded by readers and by the Knight Foundation.",
        "Shovel Knight was reviewed using code provided by Yacht Club Games.",
        "The Pixel 4 was tested with a review unit provided by Google for two weeks.",
        "A review copy was provided by the publisher.",
        "Con información de Paloma Marín, Maryem Castillo y Elena G. Sevillano.",
        "Mit Material von dpa und AFP.",
        "Den kompletten Beitrag lesen Sie in der neuen Juli-Ausgabe der Technology Review "
        "(im Zeitschriftenhandel erhältlich).",
        "Read the full story in the March 2019 issue of Example Monthly, on newsstands now.",
    ],
)
def test_a_note_about_the_page_itself_is_no_claim(line: str) -> None:
    ext = extract(_FACT + f"<p>{line}</p>")
    assert sentence(ext, "Die Firma setzte").is_claim
    assert not [c for c in _claims(ext) if c.startswith(line[:25])]


@pytest.mark.parametrize(
    "line",
    [
        "This study was funded by the National Institutes of Health and ran for 12 years.",
        "The phone was reviewed by 40 testers at the company's lab in 2019, the firm said.",
        "Den kompletten Bericht hat das Ministerium am Montag mit 240 Seiten veröffentlicht.",
    ],
)
def test_the_stories_own_facts_about_funding_reviews_and_reports_stay_claims(line: str) -> None:
    ext = extract(_FACT + f"<p>{line}</p>")
    assert sentence(ext, line[:25]).is_claim


def test_a_german_cms_promo_box_inside_the_story_is_chrome() -> None:
    box = (
        '<div class="disturber"><div class="disturber__text"><h2>Wir sind spendenfinanziert!</h2>'
        "<p>Example Recherche ist das erste gemeinnützige Recherchezentrum im Land. Unser Ziel "
        "ist eine aufgeklärte Gesellschaft mit 100.000 Mitgliedern. "
        '<a href="/unterstuetzen">Jetzt unterstützen!</a></p></div></div>'
    )
    ext = extract(_FACT + box + "<p>Der Umsatz im Ausland stieg um 8 Prozent.</p>")
    assert "gemeinnützige Recherchezentrum" not in ext.text
    assert sentence(ext, "Der Umsatz im Ausland").is_claim


def test_a_heading_pointing_to_the_sites_other_stories_heads_no_story() -> None:
    for heading in ("Auch auf gofeminin.de", "Also on HuffPost"):
        teasers = (
            f"<h2>{heading}</h2><p>"
            '<a href="/abnehmen/s1.html">20 Kilo abnehmen: Mit DIESER Strategie klappt es!</a><br>'
            '<a href="/sport/s2.html">Endlich schlank! Mit diesen 8 Tipps erfolgreich '
            "abnehmen</a></p>"
        )
        ext = extract(_FACT + teasers)
        assert "DIESER Strategie" not in ext.text, heading
        assert sentence(ext, "Die Firma setzte").is_claim


def test_a_story_section_also_on_the_agenda_stays() -> None:
    body = _FACT + "<h2>Also on the agenda</h2><p>The board will vote on a 3 percent raise.</p>"
    assert sentence(extract(body), "The board will vote").is_claim


_SANIERT = "Schulen werden saniert"
_STORY = "".join(
    f"<p>Der Stadtrat hat am Montag {n} Millionen Euro für die Sanierung der Schulen "
    "bewilligt, wie die Verwaltung mitteilte.</p>"
    for n in range(10, 16)
)


def _doc(title: str, *, head: str = "", h1: str | None = None, before: str = "") -> str:
    """A council story's page: its <title>, more `head` markup, an <h1> if given, and
    `before` the story."""
    heading = f"<h1>{h1}</h1>" if h1 is not None else ""
    return (
        f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title}</title>'
        f"{head}</head><body><main><article>{heading}{before}{_STORY}</article></main></body>"
        "</html>"
    )


def _headed(h1: str, title: str) -> str:
    return _doc(title, head=f'<meta property="og:title" content="{title}">', h1=h1)


def test_a_subscribers_badge_and_a_hidden_stop_in_the_headline_are_left_out() -> None:
    badge = _headed(
        'Le maire souhaite la santé à Balkany <span class="label abo">Abonnés</span>',
        "Le maire souhaite la santé à Balkany | Chroniques | Là-bas",
    )
    assert run_pipeline(badge, "https://la-bas.example/a").title == (
        "Le maire souhaite la santé à Balkany"
    )
    pretitle = _headed(
        '<span class="pretitle">KNOWHOW</span><span><span itemprop="headline">Wie Creative '
        'Commons richtig genutzt wird</span><span class="hide">.</span></span>',
        "Wie Creative Commons richtig genutzt wird - futurezone.at",
    )
    assert run_pipeline(pretitle, "https://futurezone.example/a").title == (
        "Wie Creative Commons richtig genutzt wird"
    )


def test_a_label_the_titles_carry_stays_in_the_headline() -> None:
    page = _headed(
        'Live <span class="label">Le conseil vote le budget des écoles</span>',
        "Live Le conseil vote le budget des écoles",
    )
    assert run_pipeline(page, "https://example.fr/a").title == (
        "Live Le conseil vote le budget des écoles"
    )


def test_a_date_in_iso_basic_form_is_read_as_written_not_moved_to_utc() -> None:
    page = _headed("Le conseil vote le budget des écoles", "Le conseil vote le budget des écoles")
    stamp = '{"@type": "NewsArticle", "datePublished": "20180619T055000+0900"}'
    page = page.replace("</head>", f'<script type="application/ld+json">{stamp}</script></head>')
    assert run_pipeline(page, "https://example.fr/a").published == "2018-06-19"


def test_a_date_line_earlier_than_the_pages_creation_stamp_is_its_publication() -> None:
    stamp = '<meta itemprop="dateCreated" content="2019-05-07T17:00:52+02:00">'
    page = _doc(
        _SANIERT, head=stamp, h1=_SANIERT, before='<div class="ar-date">12.10.2015, 19:16 Uhr</div>'
    )
    assert run_pipeline(page, "https://example.de/schulen").published == "2015-10-12"


def test_a_date_line_later_than_the_stamp_leaves_the_stamp() -> None:
    stamp = '<meta itemprop="dateCreated" content="2019-05-07T17:00:52+02:00">'
    page = _doc(
        _SANIERT, head=stamp, h1=_SANIERT, before='<div class="ar-date">12.10.2020, 19:16 Uhr</div>'
    )
    assert run_pipeline(page, "https://example.de/schulen").published == "2019-05-07"


def test_a_cms_item_name_in_og_title_is_no_title() -> None:
    head = '<meta property="og:title" content="schulen-sanierung-herbst-2018">'
    page = _doc(_SANIERT, head=head)
    assert run_pipeline(page, "https://example.de/schulen").title == "Schulen werden saniert"


def test_a_published_label_in_german_dates_the_page() -> None:
    line = "<div><strong>Quelle</strong><br>\n        VERÖFFENTLICHT AM 07.06.2019</div>"
    page = _doc(
        _SANIERT, head='<meta name="last-modified" content="2019-12-09">', h1=_SANIERT, before=line
    )
    assert run_pipeline(page, "https://example.de/schulen").published == "2019-06-07"


def test_a_title_that_puts_the_sites_address_or_name_first_loses_it() -> None:
    head = (
        '<meta property="og:url" content="http://www.heimicke.example/chronik/zahlen-und-daten/">'
    )
    page = _doc("www.Heimicke.example - Zahlen und Daten", head=head)
    assert run_pipeline(page, "http://www.heimicke.example/x").title == "Zahlen und Daten"
    shown = '<div id="blog_headline" class="blog_teaser_headline">Schulen werden saniert</div>'
    page = _doc("CDU-Fraktion im Stadtrat - Schulen werden saniert", before=shown)
    assert run_pipeline(page, "https://cdu.example/x").title == "Schulen werden saniert"


def test_a_shows_section_in_the_address_names_the_site_part_and_the_slug_does_not() -> None:
    head = (
        '<meta property="og:url" content="http://radio.example/shows/heresthething/2013/may/27/">'
    )
    page = _doc("Here's The Thing - Stacy Keach", head=head)
    assert run_pipeline(page, "http://radio.example/x").title == "Stacy Keach"
    tree = parse_html(
        _doc(
            "Schulen werden saniert - Politik",
            head=head.replace(
                "radio.example/shows/heresthething/2013/may/27/",
                "news.example/politik/schulen-werden-saniert/",
            ),
        )
    )
    assert _names_site("Politik", set(), tree)
    assert not _names_site("Schulen werden saniert", set(), tree)


_SURVEY = "https://devtools.example/developer-survey"


def _survey_post(extra: str = "") -> str:
    return (
        f'<p>This year’s <a href="{_SURVEY}/">survey of more than 5,000 DevSecOps professionals '
        "worldwide</a> suggests that teams are reevaluating their investment priorities.</p>"
        "<p>Here's a look at three of the more surprising results from this year's survey.</p>"
        "<p>Nearly three-quarters (74%) of respondents said they wanted to consolidate their "
        "toolchain.</p>"
        "<p>In our survey, cloud computing has ranked as a top IT investment priority for "
        "years.</p>"
        f"{extra}"
    )


def test_the_sites_own_survey_is_a_source_and_the_survey_it_speaks_of() -> None:
    ext = run_pipeline(
        page(_survey_post(), title="Three findings"), "https://devtools.example/blog/x"
    )
    assert urls(sentence(ext, "This year’s survey")) == {_SURVEY}
    assert urls(sentence(ext, "Nearly three-quarters")) == {_SURVEY}
    assert urls(sentence(ext, "In our survey")) == {_SURVEY}
    assert not urls(sentence(ext, "Here's a look"))  # a preview of the post rests on nothing


def test_a_section_of_the_site_and_a_term_page_stay_no_sources() -> None:
    body = (
        '<p>We have covered the <a href="/reports/">reports</a> before, and <a href="/data-'
        'stewards/">data stewards</a> enforce 12 compliance rules in every one of 40 teams.</p>'
    )
    ext = run_pipeline(page(body), "https://devtools.example/blog/x")
    assert not urls(sentence(ext, "We have covered"))


def test_a_pointer_to_the_full_report_is_no_claim() -> None:
    line = (
        f'<p>Read the full <a href="{_SURVEY}">2024 Global DevSecOps Report</a> for more '
        "insights on AI.</p>"
    )
    ext = run_pipeline(page(_survey_post(line)), "https://devtools.example/blog/x")
    pointer = sentence(ext, "Read the full")
    assert not pointer.is_claim and not urls(pointer)


def test_an_address_pasted_after_zero_width_spaces_is_the_address() -> None:
    target = "https://devtools.example/blog/2024/04/18/chat-now-generally-available/"
    assert join_url("https://devtools.example/blog/x/", f"%E2%80%8B%E2%80%8B{target}") == target
    assert join_url("https://devtools.example/blog/x/", f"\u200b{target}") == target
    assert join_url("https://devtools.example/a/", "%E2%80%8Bnotes") == (
        "https://devtools.example/a/%E2%80%8Bnotes"
    )


def test_a_term_linked_to_an_explainer_of_how_it_works_is_no_citation() -> None:
    body = (
        "<p>The thaw worried the deputy commissioner for the city's "
        '<a href="https://news.example/interactive/2016/03/24/nyregion/how-nyc-gets-its-water-new-'
        'york-101.html">water system</a>, which broke 75 mains in January.</p>'
        '<p>The <a href="https://news.example/2019/02/01/nyregion/water-mains-broke.html">city '
        "reported 75 water-main breaks</a> in January, the most in 20 years.</p>"
    )
    ext = extract(body)
    assert not urls(sentence(ext, "The thaw worried"))
    assert urls(sentence(ext, "The city reported"))


def test_json_ld_wrapped_in_cdata_or_a_comment_is_read() -> None:
    """A wiki's page is dated by its JSON-LD alone (htmldate's guess is no day of a wiki)."""
    stamp = '{"@type": "Article", "datePublished": "2003-02-28T21:51:08Z"}'
    for wrapped in (f"<![CDATA[ {stamp} ]]>", f"<!-- {stamp} -->"):
        head = (
            '<meta name="generator" content="MediaWiki 1.35.0-wmf.19">'
            f'<script type="application/ld+json">\n  {wrapped}\n</script>'
        )
        page = _doc(_SANIERT, head=head, h1=_SANIERT)
        assert run_pipeline(page, "https://example.de/schulen").published == "2003-02-28"


def test_a_date_line_that_agrees_with_the_guess_beats_one_time_element_elsewhere() -> None:
    line = "<div class='date'><date>19.11.2012</date></div>"
    sidebar = '<aside><time datetime="2014-11-05">5. November 2014</time></aside>'
    page = _doc(_SANIERT, head='<meta name="date" content="2012-11-19">', h1=_SANIERT, before=line)
    page = page.replace("</article>", f"</article>{sidebar}")
    assert run_pipeline(page, "https://example.de/schulen").published == "2012-11-19"


def test_advance_locals_original_date_meta_dates_the_page() -> None:
    head = '<meta name="article_date_original" value="Tuesday, December 13, 2016,  4:51 PM">'
    page = _doc(_SANIERT, head=head, h1=_SANIERT)
    assert run_pipeline(page, "https://www.nj.example/news/x.html").published == "2016-12-13"


def test_a_slashed_date_in_an_element_named_for_the_time_dates_the_page() -> None:
    line = '<span class="time">9/21/2016</span> <span class="author">Medical Daily</span>'
    page = _doc(_SANIERT, h1=_SANIERT, before=f"<div>{line}</div>").replace('lang="de"', "")
    assert run_pipeline(page, "https://www.msn.example/x").published == "2016-09-21"


def test_a_german_wordpress_post_line_dates_the_post() -> None:
    line = (
        '<p class="postmetadata"><small>Dieser Beitrag wurde am Samstag, 3. Dezember 2011 um '
        "10:12 Uhr veröffentlicht und unter News abgelegt.</small></p>"
    )
    modified = '<meta name="date" content="2019-01-07">'  # what htmldate would take
    page = _doc(_SANIERT, head=modified, h1=_SANIERT).replace("</article>", f"{line}</article>")
    assert run_pipeline(page, "https://blog.example.de/news/x/").published == "2011-12-03"


_LIST_URL = "https://wiki.example/wiki/List_of_films_featuring_time_loops"


def _film_list(rows: str, notes: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>List of films '
        'featuring time loops - Wiki</title></head><body><main><div class="mw-parser-output">'
        "<h1>List of films featuring time loops</h1><p>This is a list of films in which "
        "characters relive the same period of time over and over, each entry with its source."
        '</p><table class="wikitable sortable"><tr><th>Film</th><th>Year</th><th>Description'
        f"</th></tr>{rows}</table><h2>References</h2><ol class='references'>{notes}</ol></div>"
        "</main></body></html>"
    )


def _film(n: int, film: str, year: int, text: str) -> str:
    marker = f'<sup class="reference"><a href="{_LIST_URL}#cite_note-{n}">[{n}]</a></sup>'
    return f"<tr><th>{film}</th><td>{year}</td><td>{text}{marker}</td></tr>"


def _note(n: int) -> str:
    return (
        f'<li id="cite_note-{n}"><a href="{_LIST_URL}#cite_ref-{n}">^</a> '
        f'<a class="external text" href="https://reviews.example/film-{n}">Review of film {n}'
        "</a>. Example Reviews. Retrieved 2024-04-02.</li>"
    )


def test_a_list_articles_table_of_descriptions_is_its_text_and_its_markers_cite() -> None:
    rows = "".join(
        _film(
            n,
            f"Film {n}",
            1990 + n,
            f"A man is forced to relive the same day {n} times over and over.",
        )
        for n in range(1, 5)
    )
    ext = run_pipeline(_film_list(rows, "".join(_note(n) for n in range(1, 5))), _LIST_URL)
    cited = sentence(ext, "A man is forced to relive the same day 3 times")
    assert urls(cited) == {"https://reviews.example/film-3"}
    assert "Film 3" not in ext.text  # the names and years are not sentences


def test_a_table_of_figures_stays_out_of_the_text() -> None:
    rows = "".join(
        f"<tr><th>Region {n}</th><td>{n * 1000}</td><td>{n * 3}.5%</td></tr>" for n in range(1, 8)
    )
    body = (
        "<p>Sales rose in every region last year, the company said on Monday.</p>"
        f"<table><tr><th>Region</th><th>Units</th><th>Growth</th></tr>{rows}</table>"
    )
    assert "Region 3" not in extract(body).text


def test_a_comment_count_linking_this_page_is_no_marker() -> None:
    count = f'<p>By Jo Writer <a class="bycount" href="{PAGE_URL}#disqus_thread">651</a></p>'
    ext = extract(count + _FACT)
    assert not [s for s in ext.sources if s.label == "651"]


def test_a_lists_ref_column_cites_the_description_in_its_row() -> None:
    def film(n: int) -> str:
        marker = f'<sup class="reference"><a href="#cite_note-{n}">[{n}]</a></sup>'
        return (
            f"<tr><th>Film {n}</th><td>{1990 + n}</td><td>A man is forced to relive the same "
            f"day {n} times over and over.</td><td>{marker}</td></tr>"
        )

    page = _film_list("".join(film(n) for n in range(1, 5)), "".join(_note(n) for n in range(1, 5)))
    page = page.replace(f"{_LIST_URL}#cite_ref", "#cite_ref")
    ext = run_pipeline(page, _LIST_URL)
    cited = sentence(ext, "A man is forced to relive the same day 2 times")
    assert urls(cited) == {"https://reviews.example/film-2"}
    assert ext.text.count("same day 2 times") == 1
