"""Rules the blind holdout4 pages taught, on small pages of their own: LaTeX-made citations,
section links that are not notes, footnotes beside a plain "Sources" list."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls


def _bib(n: int) -> str:
    return (
        f'<li id="bib.bib{n}" class="ltx_bibitem">[{n}] A. Author{n}. Paper {n}. '
        f'<a href="https://doi.org/10.9999/p.{n}">https://doi.org/10.9999/p.{n}</a></li>'
    )


def test_latex_citations_ranges_sections_notes_and_acknowledgements() -> None:
    ext = extract(
        '<section class="ltx_section" id="S1"><h2>1 Introduction</h2>'
        '<p>Early exiting cut inference cost by 40% <cite class="ltx_cite">[<a href="#bib.bib1">1'
        '</a>–<a href="#bib.bib3">3</a>]</cite>. Encoders take 80% of the cost <cite '
        'class="ltx_cite">[<a href="#bib.bib2">2</a>, <a href="#bib.bib4">4</a>]</cite>. We test '
        'it on phones (Section <a href="#S2">2</a>). Code is public.<span class="ltx_note">'
        '<sup>1</sup><a href="https://git.example/code">https://git.example/code</a></span></p>'
        '</section><section class="ltx_section" id="S2"><h2>2 Experiments</h2>'
        "<p>The controller saved 31% of compute on the LedgerSpeech corpus "
        '<cite class="ltx_cite">[<a href="#bib.bib4">4</a>]</cite>.</p></section>'
        "<h2>Acknowledgements</h2><p>This work was supported by the Halvard Fund in 2025.</p>"
        '<h2>References</h2><ul class="ltx_biblist">'
        + "".join(_bib(n) for n in range(1, 5))
        + "</ul>"
    )
    doi = "https://doi.org/10.9999/p.{}".format
    assert sentence(ext, "Early exiting").text == "Early exiting cut inference cost by 40%."
    assert urls(sentence(ext, "Early exiting")) == {doi(1), doi(2), doi(3)}
    assert urls(sentence(ext, "Encoders take")) == {doi(2), doi(4)}
    assert urls(sentence(ext, "We test it")) == set()  # a section link is no citation
    assert urls(sentence(ext, "The controller saved")) == {doi(4)}  # section 2 is not a note
    assert "git.example" not in {s.domain for s in ext.sources}
    assert not sentence(ext, "This work was supported").is_claim


def test_footnotes_win_their_numbers_over_a_plain_sources_list() -> None:
    ext = extract(
        '<p>Visits fell 35% between 2019 and 2024.<sup><a href="#fn1">1</a></sup></p>'
        '<aside class="box"><h3>Sources</h3><ul><li>Institute, <a href="https://stats.example/'
        'fy2024">Survey 2024</a></li></ul></aside>'
        '<section class="footnotes"><ol><li id="fn1">Counts come from the <a href="https://'
        'stats.example/fy2019.pdf">2019 summary report</a>.</li></ol></section>'
    )
    assert urls(sentence(ext, "Visits fell")) == {"https://stats.example/fy2019.pdf"}


SFN_PAGE = """<!DOCTYPE html><html class="client-nojs vector-toc-available"><head>
<title>Halden Viaduct - Wiki</title></head><body><main><h1>Halden Viaduct</h1>
<div class="mw-parser-output">
<p>The viaduct has 21 arches.<sup class="reference"><a href="#cite_note-P1-1">[1]</a></sup>
It was listed in 2004.<sup class="reference"><a href="#cite_note-M2-2">[2]</a></sup></p>
<div class="mw-heading mw-heading2"><h2 id="Notes">Notes</h2></div>
<div class="reflist"><ol class="references">
<li id="cite_note-P1-1"><a href="#cite_ref-P1">^</a> <a href="#CITEREFPennick1998">Pennick
1998</a>, p. 41.</li>
<li id="cite_note-M2-2"><a href="#cite_ref-M2">^</a> <a href="#CITEREFMarsh2011">Marsh
2011</a>, p. 9.</li></ol></div>
<div class="mw-heading mw-heading2"><h2 id="Sources">Sources</h2></div>
<div class="refbegin"><ul>
<li><cite id="CITEREFPennick1998">Pennick, Alan (1998). <a class="external text"
href="https://archive.example/details/railway"><i>The Railway</i></a>. Kendal.</cite></li>
<li><cite id="CITEREFMarsh2011">Marsh, Peter (2011). "Viaducts". <i>Heritage</i>.
<a href="/wiki/Doi_(identifier)">doi</a>:<a class="external text"
href="https://doi.org/10.9999/h.2011">10.9999/h.2011</a>.</cite></li></ul></div>
</div></main></body></html>"""


def test_short_footnotes_cite_the_full_source_they_link_to() -> None:
    from app.pipeline import run_pipeline

    ext = run_pipeline(SFN_PAGE, "https://wiki.example/wiki/Halden_Viaduct")
    assert urls(sentence(ext, "The viaduct has")) == {"https://archive.example/details/railway"}
    assert urls(sentence(ext, "It was listed")) == {"https://doi.org/10.9999/h.2011"}
    assert {s.url for s in ext.sources} == {
        "https://archive.example/details/railway",
        "https://doi.org/10.9999/h.2011",
    }


def test_the_pages_own_published_time_beats_dates_in_its_text() -> None:
    from pathlib import Path

    from app.pipeline import run_pipeline

    # The feature's JSON-LD and meta say 27 April; a print-edition link says 4 May.
    page = Path(__file__).parents[2] / "corpus" / "holdout4" / "holdout4-03.html"
    html = page.read_text(encoding="utf-8")
    assert run_pipeline(html, "https://mag.example/fire").published == "2026-04-27"


def test_police_said_and_what_a_local_story_does_not_claim() -> None:
    release = "https://mfpd.example/releases/0411-crash.pdf"
    ext = extract(
        f'<p>Four people were hurt on Saturday, according to <a href="{release}">a news release'
        "</a> from the Marlow Falls Police Department.</p>"
        "<p>The driver was heading north when his truck hit the curb, police said.</p>"
        "<p>It was not immediately clear whether the driver had an attorney.</p>"
        "<p>Police are asking anyone who saw the crash to call the traffic unit at 555-0142.</p>"
        "<p>We’ll update this story when the 2025 report is released in the fall.</p>"
        "<p>Editor’s note: An earlier version of this story, citing police, misstated the "
        "intersection where the crash happened.</p>"
    )
    said = sentence(ext, "The driver was heading")
    assert urls(said) == {release}
    assert said.attributed_to == ["Marlow Falls Police Department"]
    for start in ("It was not immediately", "Police are asking", "We’ll update", "Editor’s note"):
        assert not sentence(ext, start).is_claim, start
    assert "Editor’s note" in ext.text  # kept as text, only never a claim


def test_the_audit_is_the_auditors_report_and_his_lawyer_is_named() -> None:
    audit = "https://auditor.state.example/reports/2023/waste-tires.pdf"
    ext = extract(
        f'<p>The agency inspected the site twice between 2012 and 2023, according to <a href="'
        f'{audit}">a 2023 report by the state auditor</a>. The audit found a backlog of 214 '
        "complaints. His lawyer, Carla Mendes, said her client had complied with every order.</p>"
    )
    assert urls(sentence(ext, "The audit found")) == {audit}
    assert sentence(ext, "His lawyer").attributed_to == ["Carla Mendes"]


def test_it_after_a_sentence_with_one_source_is_that_source() -> None:
    audit = "https://auditor.state.example/reports/2023/waste-tires.pdf"
    ext = extract(
        f'<p>The agency had a backlog of 214 complaints, <a href="{audit}">a 2023 audit found'
        "</a>. It recommended doubling the program’s $4 million budget.</p><p>Tire fees rose to "
        '$1.50 in 2019 (<a href="https://a.example/fees">here</a>, <a href="https://b.example/'
        'fees">here</a>). It said the rise was the first since 1998.</p>'
    )
    assert urls(sentence(ext, "It recommended")) == {audit}
    assert urls(sentence(ext, "It said the rise")) == set()  # two sources before: ambiguous
