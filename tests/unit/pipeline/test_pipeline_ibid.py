"""'Ibid.' notes carry the source of the work they repeat."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

from app.pipeline.citations.ibid import resolve_ibid
from app.pipeline.types import Reference

_NOTES = """<h3>Notes</h3><ol>
<li id="n1">Water Board, <em>Annual Return</em> (1850), p. 12,
<a href="https://archive.example.org/return">https://archive.example.org/return</a>.</li>
<li id="n2">Parish registers, transcribed online,
<a href="https://data.example.ac.uk/registers">https://data.example.ac.uk/registers</a>.</li>
<li id="n3">{third}</li></ol>"""


def _page(third: str) -> str:
    return (
        '<p>The board counted 146 deaths.<sup><a href="#n1">1</a></sup> The registers record '
        '311 burials.<sup><a href="#n2">2</a></sup> The board missed the riverside '
        'streets.<sup><a href="#n3">3</a></sup></p>' + _NOTES.format(third=third)
    )


def test_plain_ibid_repeats_the_previous_note() -> None:
    ext = extract(_page("Ibid."))
    assert urls(sentence(ext, "The board missed")) == {"https://data.example.ac.uk/registers"}


def test_ibid_with_a_page_needs_a_paginated_work() -> None:
    ext = extract(_page("Ibid., p. 214."))
    assert urls(sentence(ext, "The board missed")) == {"https://archive.example.org/return"}


def test_ibid_skips_explanatory_notes_and_leaves_notes_with_urls_alone() -> None:
    refs = [
        Reference("1", "https://a.example/x", text="A report, p. 3."),
        Reference("2", None, text="The rector kept no causes of death."),
        Reference("3", None, text="Id. at 9."),
        Reference("4", "https://b.example/y", text="Ibid. but see https://b.example/y"),
    ]
    resolve_ibid(refs)
    assert [r.url for r in refs] == [
        "https://a.example/x",
        None,
        "https://a.example/x",
        "https://b.example/y",
    ]
