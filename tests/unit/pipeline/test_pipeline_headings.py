"""A heading labels a section; it is a claim only when it carries a citation."""

from __future__ import annotations

from app.pipeline import run_pipeline
from app.pipeline.checkworthiness.assessment import assess

PAGE = """<html><head><title>Grid report</title></head><body><article>
<h1>Grid report</h1>
<p>The utility said demand rose 12% in 2025 to 4.1 gigawatts across the region.</p>
<h2>The $2.8 Billion Buildout Behind the 2026 Forecast</h2>
<p>The co-op plans 14 new substations and 220 miles of line by 2030, officials said.</p>
<h2>Peak Load Hit 3.9 GW Last Summer [1]</h2>
<p>Regulators approved a 9.4% rate rise on July 1, according to the filing.</p>
<h2>References</h2>
<ol><li>[1] Regional Grid Operator — Summer peak — https://grid.example.org/peak</li></ol>
</article></body></html>"""


def test_headings_are_not_claims_unless_cited() -> None:
    extraction = run_pipeline(PAGE, "https://news.example.com/grid")
    by_text = {s.text: s for s in extraction.sentences}
    heading = by_text["The $2.8 Billion Buildout Behind the 2026 Forecast"]
    # its words would make a claim as a sentence of the body; as a heading they are none
    assert assess(heading.text + ".", cited=False).checkworthiness >= 0.5
    assert not heading.is_claim
    cited = next(s for s in extraction.sentences if s.text.startswith("Peak Load Hit 3.9 GW"))
    assert cited.citations and cited.is_claim
    body = next(s for s in extraction.sentences if s.text.startswith("The co-op plans"))
    assert body.is_claim
