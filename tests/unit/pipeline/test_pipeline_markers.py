"""Numbered markers in text: `[4]`, `[2][3]`, `[1, 4]`, `[2–4]`, before and after the stop."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

from app.pipeline.citations.markers import expand_labels

REFS = """<h2>Sources</h2><ol>
<li>Alpha Agency. “First report.” <a href="https://alpha.example.com/r1">alpha.example.com</a></li>
<li>Beta Lab. “Second study.” <a href="https://beta.example.net/s2/">beta.example.net</a></li>
<li>Gamma Times. “Third story.” <a href="https://www.gamma.example/3">gamma.example</a></li>
<li>Delta Office. “Fourth table.” <a href="https://delta.example.gov/t4">delta.example.gov</a></li>
</ol>"""
A, B, C, D = (
    "https://alpha.example.com/r1",
    "https://beta.example.net/s2",
    "https://gamma.example/3",
    "https://delta.example.gov/t4",
)


def test_expand_labels_handles_lists_and_ranges() -> None:
    assert expand_labels("2–4") == ["2", "3", "4"]
    assert expand_labels("1, 4") == ["1", "4"]
    assert expand_labels("7") == ["7"]


def test_markers_after_and_before_the_full_stop() -> None:
    ext = extract(
        "<p>Output rose 4.2% in March.[1] Exports fell by a third in April [2]. "
        "Imports were flat in May [1][3].</p>" + REFS
    )
    assert urls(sentence(ext, "Output rose")) == {A}
    assert urls(sentence(ext, "Exports fell")) == {B}
    assert urls(sentence(ext, "Imports were flat")) == {A, C}
    assert "[" not in ext.text


def test_lists_and_ranges_expand_to_every_reference() -> None:
    ext = extract("<p>Wages grew 3% a year [1, 4]. Rents grew faster [2–4].</p>" + REFS)
    assert urls(sentence(ext, "Wages grew")) == {A, D}
    assert urls(sentence(ext, "Rents grew")) == {B, C, D}


def test_unnumbered_sources_list_labels_by_position_and_marks_headings_and_items() -> None:
    ext = extract(
        "<h2>Costs doubled in a decade [3]</h2><ul><li>Fuel costs rose 40% in 2024 [4].</li>"
        "<li>Labour costs rose 12% [2].</li></ul>" + REFS
    )
    assert urls(sentence(ext, "Costs doubled")) == {C}
    assert urls(sentence(ext, "Fuel costs")) == {D}
    assert urls(sentence(ext, "Labour costs")) == {B}
    assert {s.url for s in ext.sources} == {A, B, C, D}


def test_marker_text_is_removed_and_kept_as_marker_offsets() -> None:
    ext = extract("<p>Sales hit $6.4 billion in 2025 [1]. That is a record.</p>" + REFS)
    s = sentence(ext, "Sales hit")
    assert s.text == "Sales hit $6.4 billion in 2025."
    assert s.citations[0].marker == "[1]"
    assert s.citations[0].via == "marker"


def test_numbered_plain_text_reference_lines() -> None:
    ext = extract(
        "<p>The deal was worth $2 billion [2]. Talks began in 2023 [1].</p>"
        "<h2>References</h2><p>[1] Reuters — Talks begin — https://www.reuters.com/a/talks<br>"
        "[2] Financial Daily — Deal signed — https://fd.example.com/deal</p>"
    )
    assert urls(sentence(ext, "The deal")) == {"https://fd.example.com/deal"}
    assert urls(sentence(ext, "Talks began")) == {"https://reuters.com/a/talks"}
    publishers = {s.url: s.publisher for s in ext.sources}
    assert publishers["https://reuters.com/a/talks"] == "Reuters"
