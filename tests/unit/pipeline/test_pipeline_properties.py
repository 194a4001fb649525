"""Property tests: any page, however broken, yields consistent offsets and never crashes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pipeline_pages import page

from app.pipeline import run_pipeline
from app.pipeline.document import parse_document

FRAGMENTS = [
    "<p>", "</p>", "<div>", "</div>", "<h2>", "</h2>", "<ul><li>", "</li></ul>", "<sup>",
    "</sup>", '<a href="https://src.example.com/a">', '<a href="#fn1">', '<a href="/x">', "</a>",
    "[1]", "[2–4]", "[1, 3]", "(Smith, 2020)", "Smith (2021)", "according to Reuters", " said ",
    "U.S.", "$6.4", ". ", "? ", "“", "”", "\u00a0", "&nbsp;", "&#91;1&#93;", "<br>", "\n",
    '<ol class="references"><li id="cite_note-1">', '<section class="footnotes"><ol><li id="fn1">',
    "<h2>References</h2>", "<blockquote>", "</blockquote>", "<script>x</script>", "<!-- c -->",
    "The Agency", "it added", "<table><tr><td>", "</td></tr></table>", "&", "<", ">", "]", "[",
]  # fmt: skip
html_soup = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=60).map(
    "".join
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(html: str) -> None:
    ext = run_pipeline(html, "https://news.example.org/p")
    for s in ext.sentences:
        assert ext.text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
    assert [s.index for s in ext.sentences] == list(range(len(ext.sentences)))
    doc = parse_document(html, "https://news.example.org/p")
    assert doc.text == ext.text
    for link in doc.links:
        assert 0 <= link.start <= link.end <= len(doc.text)
    for marker in doc.markers:
        assert 0 <= marker.start <= len(doc.text)
    for block in doc.blocks:
        assert 0 <= block.start < block.end <= len(doc.text)


@SETTINGS
@given(html_soup)
def test_random_html_never_crashes(html: str) -> None:
    _check(html)


@SETTINGS
@given(html_soup)
def test_random_bodies_inside_a_real_page_keep_offsets(body: str) -> None:
    _check(page(body))


@SETTINGS
@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes(text: str) -> None:
    _check(text)


@SETTINGS
@given(st.binary(max_size=200).map(lambda b: b.decode("latin-1")))
def test_control_characters_never_crash(text: str) -> None:
    _check(f"<html><body><p>{text}</p></body></html>")
