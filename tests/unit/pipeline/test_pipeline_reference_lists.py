"""Reference sections: Wikipedia lists, footnotes, headings, and what is not a reference."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls


def test_wikipedia_sup_markers_named_refs_and_archive_links() -> None:
    body = """<p>The dam is 120&nbsp;m tall.<sup id="cite_ref-a_1-0" class="reference">
<a href="#cite_note-a-1">&#91;1&#93;</a></sup> It opened in 1990.<sup class="reference">
<a href="#cite_note-2">&#91;2&#93;</a></sup><sup class="reference"><a href="#cite_note-a-1">
&#91;1&#93;</a></sup> Locals opposed it.<sup class="noprint Inline-Template"><span>&#91;<i>
<a href="/wiki/Wikipedia:Citation_needed">citation needed</a></i>&#93;</span></sup></p>
<h2>References</h2><div class="reflist"><ol class="references">
<li id="cite_note-a-1"><span class="mw-cite-backlink">^ <a href="#cite_ref-a_1-0">a</a></span>
<span class="reference-text"><a class="external text" href="https://dams.example.org/x">
"Dam facts"</a>. <i>Dam Register</i>.</span></li>
<li id="cite_note-2"><span class="mw-cite-backlink"><a href="#cite_ref-2">^</a></span>
<span class="reference-text"><a href="https://news.example.net/opening">"Dam opens"</a>.
<i>Valley News</i>. <a href="https://web.archive.org/web/2016/https://news.example.net/opening">
Archived</a> from the original.</span></li></ol></div>
<h2>External links</h2><ul><li><a href="https://dam-official.example.com/">Official website</a>
</li></ul>"""
    ext = extract(body)
    assert urls(sentence(ext, "The dam is")) == {"https://dams.example.org/x"}
    assert urls(sentence(ext, "It opened")) == {
        "https://dams.example.org/x",
        "https://news.example.net/opening",
    }
    needed = sentence(ext, "Locals opposed")
    assert needed.citations == [] and needed.text == "Locals opposed it."
    assert {s.url for s in ext.sources} == {
        "https://dams.example.org/x",
        "https://news.example.net/opening",
    }
    assert "\u00a0" in sentence(ext, "The dam is").text


def test_markdown_footnotes_stuck_to_the_full_stop() -> None:
    body = """<p>Cases tripled in five years.<sup><a href="#fn1" id="fnref1">1</a></sup> I call
it the surge.<sup><a href="#fn2" id="fnref2">2</a></sup> Deaths rose too.<sup>
<a href="#fn1" id="fnref1-2">1</a></sup></p>
<div class="footnotes" role="doc-endnotes"><hr><ol>
<li id="fn1"><p>Health Agency, “Annual cases,” 2025.
<a href="https://health.example.gov/cases">https://health.example.gov/cases</a>
<a href="#fnref1" class="footnote-backref">↩</a></p></li>
<li id="fn2"><p>A name of my own, not a source.<a href="#fnref2" class="footnote-backref">↩</a></p>
</li></ol></div>"""
    ext = extract(body)
    assert urls(sentence(ext, "Cases tripled")) == {"https://health.example.gov/cases"}
    assert sentence(ext, "Cases tripled").citations[0].via == "footnote"
    assert urls(sentence(ext, "Deaths rose")) == {"https://health.example.gov/cases"}
    assert sentence(ext, "I call it").citations == []
    assert [s.url for s in ext.sources] == ["https://health.example.gov/cases"]
    assert ext.sources[0].publisher == "Health Agency"


def test_further_reading_and_related_lists_are_not_references() -> None:
    body = """<p>Rainfall fell 20% in 2024.</p>
<h2>Further reading</h2><ul><li><a href="https://books.example.com/rain">A book on rain</a>
</li></ul>
<h2>Related articles</h2><ul><li><a href="https://other.example.com/drought">Drought</a></li></ul>"""
    ext = extract(body)
    assert ext.sources == []
    assert "A book on rain" not in ext.text


def test_footnotes_outside_any_list_are_found_through_their_numbers() -> None:
    body = """<p>Output doubled in 2024.<a class="footnote-anchor" id="footnote-anchor-1"
href="#footnote-1">1</a> Exports were flat.</p>
<div class="footnote"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-number">1</a>
<div class="footnote-content"><p>Trade Office, “Output in 2024.”
<a href="https://trade.example.gov/output">trade.example.gov</a></p></div></div>"""
    ext = extract(body)
    assert urls(sentence(ext, "Output doubled")) == {"https://trade.example.gov/output"}
    assert sentence(ext, "Exports were flat").citations == []
    assert "Trade Office" not in ext.text


def test_bold_paragraph_titled_sources_opens_a_reference_list() -> None:
    body = """<p>Ridership rose 8% last year [1].</p><p><strong>Sources:</strong></p>
<ol><li>Transit Board, “Ridership 2025.” <a href="https://transit.example.org/r">link</a></li></ol>"""
    ext = extract(body)
    assert urls(sentence(ext, "Ridership rose")) == {"https://transit.example.org/r"}
    assert "Transit Board" not in ext.text


def test_a_note_number_links_forward_to_the_first_element_with_that_id() -> None:
    from app.pipeline.citations.reference_list import find_references
    from app.pipeline.document import parse_html

    tree = parse_html(
        """<html><body><div id="n2">Trade Office, Exports in 2023, a report.</div>
<p>Output doubled.<a href="#n1">1</a> Exports were flat.<a href="#n2">2</a></p>
<div id="n1">Trade Office, Output in 2024, a report.</div>
<div id="n1">A second element with the same id, never the note.</div></body></html>"""
    )
    assert tree is not None
    found = find_references(tree, base_url="https://example.org/story")
    assert [(r.label, r.text) for r in found.references] == [
        ("1", "Trade Office, Output in 2024, a report.")
    ]


def test_a_broken_ipv6_address_in_a_note_is_passed_over_not_a_crash() -> None:
    notes = (
        '<h2>References</h2><ol class="references"><li id="n1">Mirror at http://[2001:db8/q1 and '
        '<a href="https://stats.example.gov/q1">Quarterly bulletin</a></li></ol>'
    )
    ext = extract(
        '<p>Traffic rose by a fifth in the first quarter.<sup><a href="#n1">[1]</a></sup></p>',
        after=notes,
    )
    assert urls(sentence(ext, "Traffic rose")) == {"https://stats.example.gov/q1"}
