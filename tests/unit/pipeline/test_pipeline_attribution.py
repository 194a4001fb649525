"""Named attribution: matched to a source of the article, or kept as an unlinked name."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

REFS = """<section class="references"><h2>References</h2><ul>
<li id="ref-1">[1] The Verge — Phones are boring now — https://www.theverge.com/phones/1</li>
<li id="ref-2">[2] Ars Technica — Chips are hard — https://arstechnica.com/chips/2</li>
</ul></section>"""


def test_named_publisher_matches_the_reference_by_domain() -> None:
    ext = extract(
        "<p>Sales of folding phones fell 12% in 2025, according to The Verge. "
        "The Ars Technica report found chip yields near 60% [2]. "
        "The Verge and Ars Technica paint a grim picture of the market.</p>" + REFS
    )
    verge = sentence(ext, "Sales of folding")
    assert urls(verge) == {"https://theverge.com/phones/1"}
    assert verge.attributed_to == ["The Verge"]
    assert verge.citations[0].via == "attribution"
    assert urls(sentence(ext, "The Verge and Ars")) == {
        "https://theverge.com/phones/1",
        "https://arstechnica.com/chips/2",
    }


def test_statement_pronoun_and_unnamed_person() -> None:
    ext = extract(
        "<p>The Federal Energy Agency fined two utilities $80 million on Monday.</p>"
        "<p>Northgrid will pay $50 million, "
        '<a href="https://www.fea.example.gov/press/fines">the agency said in a statement</a>.</p>'
        "<p>The utilities missed 40% of inspections, the agency said. Half of each fine is "
        "suspended, it added.</p><p>A third utility is under review, according to a person "
        "familiar with the matter. Northgrid did not respond to a request for comment.</p>"
    )
    press = "https://fea.example.gov/press/fines"
    assert urls(sentence(ext, "Northgrid will pay")) == {press}
    assert urls(sentence(ext, "The utilities missed")) == {press}
    added = sentence(ext, "Half of each fine")
    assert urls(added) == {press}
    assert added.attributed_to == ["Federal Energy Agency"]
    person = sentence(ext, "A third utility")
    assert person.attributed_to == ["a person familiar with the matter"]
    assert [c.url for c in person.citations] == [None]
    assert sentence(ext, "Northgrid did not respond").citations == []


def test_actor_is_not_a_source() -> None:
    ext = extract(
        "<p>Alpha Energy bought the lease in 2019 and built the plant [1].</p>"
        '<h2>Notes</h2><ol><li>Alpha Energy. “Plant history.” <a href="https://alpha.example.com/h">'
        "alpha.example.com</a></li></ol>"
    )
    s = sentence(ext, "Alpha Energy bought")
    assert s.attributed_to == []
    assert urls(s) == {"https://alpha.example.com/h"}


def test_cited_publisher_named_beside_its_marker_is_the_teller() -> None:
    ext = extract(
        "<p>The Verge [1] and Ars Technica [2] focus on adoption metrics. "
        "Ars Technica [2] takes a more nuanced view of the chip shortage. "
        "But the Ars Technica report suggests yields will recover by 2027 [2]. "
        "Verge Labs shipped 40,000 folding phones in 2025 [1].</p>" + REFS
    )
    both = sentence(ext, "The Verge and Ars")
    assert both.attributed_to == ["The Verge", "Ars Technica"]
    assert {c.attributed_to for c in both.citations} == {"The Verge", "Ars Technica"}
    assert sentence(ext, "Ars Technica takes").attributed_to == ["Ars Technica"]
    assert sentence(ext, "But the Ars Technica report").attributed_to == ["Ars Technica"]
    # A name that only shares a word with the cited publisher tells nothing.
    assert sentence(ext, "Verge Labs shipped").attributed_to == []


def test_short_form_of_an_earlier_name_is_that_name() -> None:
    ext = extract(
        "<p>Coastline Airways cancelled 1,200 flights in March. Coastline said in a statement "
        "that refunds were complete by April. Airlines have said the storms cost them $40 "
        "million; most airlines have not published figures.</p>"
    )
    assert sentence(ext, "Coastline said").attributed_to == ["Coastline Airways"]
    assert sentence(ext, "Airlines have said").attributed_to == []


def test_the_company_is_the_subject_of_its_own_sentence() -> None:
    ext = extract(
        "<p>SANTIAGO, June 3 (Northwire) - Kestrel Resources cut its copper forecast by 12% "
        "after floods shut two of its Chilean mines, the company said in a statement. "
        "Output fell 9% in May, the company said.</p>"
    )
    assert sentence(ext, "SANTIAGO").attributed_to == ["Kestrel Resources"]
    # No subject of its own and no earlier company name: "the company" credits nobody.
    assert sentence(ext, "Output fell").attributed_to == []


def test_sentence_opening_according_to_and_bodies_spoken_for() -> None:
    report = "https://health.example.gov/inspections/2025/greenhaven.pdf"
    ext = extract(
        f'<p>Inspectors cited the home 14 times in 2025, <a href="{report}">inspection records '
        "show</a>. A spokesperson for the Ohio Department of Health said the agency could not "
        "comment. According to The Verge, sales fell 12% in 2025. Researchers at Fenwick "
        "University estimate that rents fall 0.8% for each 1% of new housing. A person familiar "
        "with the talks said a deal was close. Roads flooded, according to a report by Chile’s "
        "National Geology and Mining Service. The union for its drivers, Amalgamated Transit "
        "Workers Local 409, said it would not strike.</p>" + REFS
    )
    spokesperson = sentence(ext, "A spokesperson")
    assert spokesperson.attributed_to == ["Ohio Department of Health"]
    assert urls(spokesperson) == set()  # a spoken comment does not rest on the inspection PDF
    assert urls(sentence(ext, "According to The Verge")) == {"https://theverge.com/phones/1"}
    assert sentence(ext, "Researchers at").attributed_to == ["Fenwick University"]
    familiar = sentence(ext, "A person familiar")
    assert familiar.attributed_to == ["a person familiar with the talks"]
    chile = sentence(ext, "Roads flooded")
    assert chile.attributed_to[0] == "National Geology and Mining Service"
    union = sentence(ext, "The union for its drivers")
    assert union.attributed_to == ["Amalgamated Transit Workers Local"]
