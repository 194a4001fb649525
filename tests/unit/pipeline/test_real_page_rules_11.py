"""Habits of real pages, eleventh batch (a capital abbreviation ending a sentence, "it" in a
sentence that opens with a name, addresses written out in a list), each on minimal HTML of our
own."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

from app.pipeline.sentences import split_sentences
from app.pipeline.types import Block


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, [Block("paragraph", 0, len(text))])]


def test_a_capital_abbreviation_ends_a_sentence_before_a_word_that_opens_one() -> None:
    assert _sentences("Heat spread across the U.S. This year it stayed local.") == [
        "Heat spread across the U.S.",
        "This year it stayed local.",
    ]
    assert _sentences("The U.S. Treasury said so in 2001.") == [
        "The U.S. Treasury said so in 2001."
    ]
    assert _sentences("Use tools, e.g. The Times index.") == ["Use tools, e.g. The Times index."]


RELEASE = "https://www.orbitcomputing.com/press/1000-qubit-machine"


def test_it_in_a_sentence_that_opens_with_a_company_is_that_company() -> None:
    ext = extract(
        "<p>The machines have a few qubits. The firm expects fifty within a decade, short of "
        "the thousand that Pat Quinlan estimates would be a threat. (Orbit Computing, a "
        f'Canadian company that caused a stir when it <a href="{RELEASE}">announced a '
        "thousand-qubit computer</a> last year, uses another approach.)</p>"
    )
    cited = sentence(ext, "(Orbit Computing")
    assert urls(cited) == {RELEASE.replace("www.", "")}
    sources = {s.url: s for s in ext.sources}
    assert sources[RELEASE.replace("www.", "")].publisher != "Pat Quinlan"


def test_an_address_written_out_in_a_list_is_no_citation() -> None:
    tool = "https://github.com/sam-okafor/tsne/blob/main/src/TSNE.java"
    ext = extract(
        "<h2>Software</h2><ul><li>Sam Okafor's t-SNE page "
        '<a class="external free" href="https://okafor.example.org/tsne/">'
        "https://okafor.example.org/tsne/</a></li>"
        f'<li>ELKI contains t-SNE, also with a fast approximation. <a href="{tool}">{tool}</a>'
        "</li></ul>"
        '<p>The method was introduced in 2008 (<a href="https://jmlr.example.org/v9/okafor08a.'
        'pdf">https://jmlr.example.org/v9/okafor08a.pdf</a>).</p>'
    )
    cited = {u for s in ext.sentences for u in urls(s)}
    assert cited == {"https://jmlr.example.org/v9/okafor08a.pdf"}  # not the list's addresses
