"""Author-year citations into an APA bibliography."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

from app.pipeline.citations.author_year import bibliography_label

BIBLIOGRAPHY = """<h2>Works cited</h2><ul>
<li>Nakamura, K., Osei, B., &amp; Lund, T. (2024). Soil carbon after fire. <em>Soil Letters</em>,
3(2), 1–9. <a href="https://doi.org/10.1000/soil.1">https://doi.org/10.1000/soil.1</a></li>
<li>Nakamura, K., &amp; Osei, B. (2021). Measuring char. <em>Methods in Soil</em>, 8, 4–5.
https://doi.org/10.1000/soil.2</li>
<li>Park, J. (2022). Fire weather trends. <em>Climate Notes</em>, 1, 2.
<a href="https://doi.org/10.1000/clim.3">https://doi.org/10.1000/clim.3</a></li>
</ul>"""
S1, S2, S3 = (
    "https://doi.org/10.1000/soil.1",
    "https://doi.org/10.1000/soil.2",
    "https://doi.org/10.1000/clim.3",
)


def test_bibliography_labels_follow_apa_author_counts() -> None:
    assert bibliography_label("Park, J. (2022). Fire weather trends.") == "Park, 2022"
    assert bibliography_label("Nakamura, K., & Osei, B. (2021). X.") == "Nakamura & Osei, 2021"
    assert bibliography_label("Nakamura, K., Osei, B., & Lund, T. (2024). X.") == (
        "Nakamura et al., 2024"
    )


def test_parenthetical_narrative_and_grouped_citations() -> None:
    ext = extract(
        "<p>Burned soils lost 30% of their carbon (Nakamura et al., 2024). Char was measured "
        "by image analysis (Nakamura &amp; Osei, 2021). Park (2022) found fire weather days "
        "doubled since 1980. Both trends agree (Nakamura et al., 2024; Park, 2022).</p>"
        + BIBLIOGRAPHY
    )
    first = sentence(ext, "Burned soils")
    assert urls(first) == {S1} and first.citations[0].via == "author-year"
    assert urls(sentence(ext, "Char was measured")) == {S2}
    narrative = sentence(ext, "Park found")
    assert urls(narrative) == {S3}
    assert urls(sentence(ext, "Both trends")) == {S1, S3}
    assert "(Nakamura" not in ext.text


def test_narrative_citation_after_a_sentence_opening_word_credits_the_author() -> None:
    ext = extract(
        "<p>When Brandt (2022) asked 96 volunteers to read before bed, the tablet group slept "
        "later. As Okafor and Lindqvist (2024) showed, heat matters.</p>"
        "<h2>References</h2><ul>"
        "<li>Brandt, L. (2022). Evening reading and sleep. <em>Journal of Sleep</em>, 14, 2–9. "
        '<a href="https://doi.org/10.1/brandt">https://doi.org/10.1/brandt</a></li>'
        "<li>Okafor, N., &amp; Lindqvist, E. (2024). Heat and bees. <em>Ecology</em>, 3, 1–9. "
        '<a href="https://doi.org/10.1/okafor">https://doi.org/10.1/okafor</a></li></ul>'
    )
    brandt = sentence(ext, "When Brandt")
    assert urls(brandt) == {"https://doi.org/10.1/brandt"}
    assert brandt.attributed_to == ["Brandt"]
    assert urls(sentence(ext, "As Okafor")) == {"https://doi.org/10.1/okafor"}
