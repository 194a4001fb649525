"""Back-references to a document, speakers in appositives, offices, and the medium of a quote."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

_REVIEW = "https://birds.example.org/reports/review-2025"
_REPORT = "https://harrowdalewater.co.uk/media/annual-report-2025.pdf"


def test_the_same_review_points_to_the_review_linked_before() -> None:
    ext = extract(
        f'<p>A <a href="{_REVIEW}">national review published in 2025</a> put turbine deaths at '
        "5,000 a year. Cats kill 27 million birds, according to the same review. "
        "The review found gulls most at risk.</p>"
    )
    cats = sentence(ext, "Cats kill")
    assert urls(cats) == {_REVIEW}
    assert cats.attributed_to == []
    assert urls(sentence(ext, "The review found")) == {_REVIEW}


def test_a_document_noun_with_nothing_like_it_earlier_links_nothing() -> None:
    ext = extract(
        f'<p>Spills fell, according to the <a href="{_REVIEW}">national review</a>.</p>'
        "<p>Fines doubled, the audit found.</p>"
    )
    assert urls(sentence(ext, "Fines doubled")) == set()


def test_person_in_an_appositive_is_the_speaker() -> None:
    ext = extract(
        "<p>An ornithologist at the Northern Bird Trust, Dr Amira Haddad, told Example News "
        "that the estimate was normal.</p>"
        '<p>The <a href="https://northernbirdtrust.org/reports/c">trust’s report</a> is out.</p>'
    )
    told = sentence(ext, "An ornithologist")
    assert told.attributed_to == ["Dr Amira Haddad"]
    assert urls(told) == set()


def test_an_office_named_by_its_role_is_a_source_and_a_bare_company_is_not() -> None:
    ext = extract(
        "<p>The city auditor put the subsidy at $3.10 per trip. "
        "The company said bikes were popular.</p>"
    )
    assert sentence(ext, "The city auditor").attributed_to == ["the city auditor"]
    assert sentence(ext, "The company said").attributed_to == []


def test_a_statement_is_not_the_annual_report_of_the_same_company() -> None:
    ext = extract(
        "<p>In a statement, Harrowdale Water said it regretted the spills.</p>"
        "<p>Its chief executive got a £410,000 bonus, according to the company’s "
        f'<a href="{_REPORT}">annual report</a>.</p>'
        "<p>Harrowdale Water said profits rose 8%.</p>"
    )
    statement = sentence(ext, "In a statement")
    assert urls(statement) == set()
    assert statement.attributed_to == ["Harrowdale Water"]
    assert sentence(ext, "Its chief executive").attributed_to == []
    assert urls(sentence(ext, "Harrowdale Water said profits")) == {_REPORT}
