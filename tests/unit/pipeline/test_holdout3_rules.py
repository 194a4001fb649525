"""Rules the holdout3 pages taught, on small pages of their own: Harvard author-year with
page numbers, scholarly meta dates, and a press release's tail (disclaimers, profile, links
to the company's site)."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

from app.pipeline import run_pipeline

HARVARD_BIB = """<h2>Bibliography</h2>
<p class="bib">Okafor, C. (2021) ‘Silences in the harbour archive’, <i>Past Seas</i>, 3(1),
pp. 1–20. <a href="https://doi.org/10.9999/ps.2021.1">https://doi.org/10.9999/ps.2021.1</a></p>
<p class="bib">Duarte, M. (2020a) ‘Credit in the fish market’, <i>Iberian Review</i>, 14(2),
pp. 101–129. <a href="https://doi.org/10.9999/ir.2020.2">https://doi.org/10.9999/ir.2020.2</a></p>
<p class="bib">Duarte, M. (2020b) <i>Women of the Quay</i>. Coimbra: Nova. Available at:
<a href="https://nova.example/quay">https://nova.example/quay</a> (Accessed: 2 May 2026).</p>"""


def test_harvard_citations_with_pages_and_year_suffixes() -> None:
    ext = extract(
        "<p>Fishwives lent to forty households each (Duarte 2020a, pp. 112–115). "
        "Such credit passed from mother to daughter (Duarte 2020a; Duarte 2020b). "
        "Okafor (2021) argues that the ledgers left women out. "
        "The ledger is a record of what the town chose to count (Okafor 2021: 7).</p>" + HARVARD_BIB
    )
    first, second = "https://doi.org/10.9999/ir.2020.2", "https://nova.example/quay"
    assert urls(sentence(ext, "Fishwives lent")) == {first}
    assert urls(sentence(ext, "Such credit")) == {first, second}
    okafor = sentence(ext, "Okafor argues")
    assert urls(okafor) == {"https://doi.org/10.9999/ps.2021.1"}
    assert okafor.attributed_to == ["Okafor"]
    assert urls(sentence(ext, "The ledger is")) == {"https://doi.org/10.9999/ps.2021.1"}


def test_scholarly_meta_date_wins_over_dates_in_the_text() -> None:
    head = '<meta name="citation_online_date" content="2026/03/15">'
    ext = extract("<p>Ledgers were kept from 1851 (Accessed: 14 January 2026).</p>", head=head)
    assert ext.published == "2026-03-15"


RELEASE = """<!DOCTYPE html><html lang="en"><head><title>Acme launches Pods</title></head>
<body><article><h1>Acme launches Pods</h1><section class="release-body">
<p>SPRINGFIELD, Ill., March 3, 2026 /PRNewswire/ -- Acme Grain, Inc. today launched Pods.</p>
<p>According to <a href="https://research.example/reports/grain-2031">a report by Meridian
Research</a>, the market will grow to $3.4 billion by 2031. The report attributes the growth
to stricter insurance rules.</p>
<p>Pods cost $2,450 per bin. To learn more, visit
<a href="https://www.acmegrain.example/pods?utm_source=prnewswire">www.acmegrain.example/pods</a>.
</p>
<p><b>Forward-Looking Statements</b></p>
<p>This press release contains forward-looking statements about sales of 2 million pods.</p>
<p><strong>About Acme Grain</strong></p>
<p>Founded in 2011, Acme Grain makes sensors used on 2,300 farms.</p>
<p>View original content:<a href="https://prnewswire.example/news/acme-pods">link</a></p>
<p>SOURCE Acme Grain, Inc.</p>
</section></article></body></html>"""


def test_press_release_tail_and_calls_to_action_are_not_the_article() -> None:
    ext = run_pipeline(RELEASE, "https://prnewswire.example/news/acme-pods")
    # The standing notices stay in the text (main-text extraction counts them), never as claims.
    assert "forward-looking statements" in ext.text and "Founded in 2011" in ext.text
    claims = " ".join(s.text for s in ext.sentences if s.is_claim)
    assert "forward-looking" not in claims and "Founded in 2011" not in claims
    assert "SOURCE" not in ext.text and "View original" not in ext.text
    assert [s.url for s in ext.sources] == ["https://research.example/reports/grain-2031"]
    report = sentence(ext, "The report attributes")
    assert urls(report) == {"https://research.example/reports/grain-2031"}
    assert urls(sentence(ext, "Pods cost")) == set()


def test_unicode_superscript_group_is_two_notes_unless_the_page_has_that_note() -> None:
    notes = "".join(f"<p>{n}. Panel, “Data {n},” https://panel.example/d{n}</p>" for n in (1, 3, 4))
    ext = extract(
        "<p>Rents rose 14% in ten years.¹ The share of burdened renters rose to 47%.³⁴</p>"
        f'<h2>Notes</h2><div class="notes">{notes}</div>'
    )
    assert urls(sentence(ext, "Rents rose")) == {"https://panel.example/d1"}
    burdened = sentence(ext, "The share of burdened")
    assert urls(burdened) == {"https://panel.example/d3", "https://panel.example/d4"}


def test_embedded_post_is_a_source_its_author_and_the_sentences_about_it_cite() -> None:
    ext = extract(
        "<p>The mayor of Deepford, Ruth Agyeman, has posted a video from the flood barrier.</p>"
        '<blockquote class="twitter-tweet"><p>The barrier is holding. Stay away from the river '
        'tonight.</p>— Ruth Agyeman (@MayorRuthA) <a href="https://x.com/MayorRuthA/status/'
        '1890234455120">February 14, 2026</a></blockquote>'
        "<p>In the post, Agyeman wrote that council teams had worked there since 4am. "
        "Deepford police said 40 homes were evacuated.</p>"
        "<p>Please turn on JavaScript to use this feature</p>"
    )
    post = "https://x.com/MayorRuthA/status/1890234455120"
    assert [(s.url, s.publisher) for s in ext.sources] == [(post, "X")]
    assert urls(sentence(ext, "The mayor of Deepford")) == {post}
    wrote = sentence(ext, "In the post")
    assert urls(wrote) == {post} and wrote.attributed_to == ["Ruth Agyeman"]
    assert "JavaScript" not in ext.text
    assert sentence(ext, "Deepford police said").attributed_to == ["Deepford police"]


def test_definitions_and_road_maps_are_not_claims() -> None:
    ext = extract(
        "<p>Mid-sized metros are defined here as those with 250,000 to one million residents. "
        "This article proceeds in three parts. "
        "Rents in mid-sized metros rose 14% between 2015 and 2025.</p>"
    )
    assert not sentence(ext, "Mid-sized metros").is_claim
    assert not sentence(ext, "This article proceeds").is_claim
    assert sentence(ext, "Rents in mid-sized").is_claim
