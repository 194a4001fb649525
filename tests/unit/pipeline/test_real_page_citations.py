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


def test_a_wiki_note_with_only_its_own_links_keeps_them() -> None:
    notes = _note(1, '<a href="/wiki/Lake_Example_Survey">Lake Example Survey</a>, 2001.')
    ext = run_pipeline(_wiki(notes, f"<p>The lake froze in 1999.{_marker(1)}</p>"), WIKI_URL)
    assert urls(sentence(ext, "The lake froze")) == {
        "https://en.wikipedia.org/wiki/Lake_Example_Survey"
    }


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
