"""PDF sources: their text is read within bounds; what cannot be read says so."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter

from app.verify import PdfUnreadable, source_text_from_pdf, verify_claims
from app.verify.pdf_text import MAX_PAGES
from tests.pdf_bytes import pdf_with_pages

REPORT = pdf_with_pages(
    [
        "Annual report of the water board",
        "",
        "The board spent $2.8 million on new pipes in 2025, up from",
        "$1.9 million the year before. Leaks fell by a third after the re-",
        "placement of the oldest mains.",
    ],
    ["Customers paid 4.5 percent more for water than in 2024."],
)


def test_lines_broken_by_the_layout_are_sentences_again() -> None:
    passages = source_text_from_pdf(REPORT)
    assert passages == [
        "Annual report of the water board",
        "The board spent $2.8 million on new pipes in 2025, up from $1.9 million the year before.",
        "Leaks fell by a third after the replacement of the oldest mains.",
        "Customers paid 4.5 percent more for water than in 2024.",
    ]


def test_claims_are_checked_against_a_pdf_like_a_page() -> None:
    right, wrong = verify_claims(
        [
            "The board spent $2.8 million on new pipes in 2025.",
            "The board spent $8.2 million on new pipes in 2025.",
        ],
        source_text_from_pdf(REPORT),
    )
    assert right.status == "supported", right
    assert wrong.status == "contradicted", wrong


def test_only_the_first_pages_are_read() -> None:
    pages = [[f"Page {n} of the filing reports item {n}."] for n in range(MAX_PAGES + 3)]
    passages = source_text_from_pdf(pdf_with_pages(*pages))
    assert len(passages) == MAX_PAGES
    assert passages[-1] == f"Page {MAX_PAGES - 1} of the filing reports item {MAX_PAGES - 1}."


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"%PDF-1.7", "not a readable PDF"),
        (b"<html>not a pdf</html>", "not a readable PDF"),
        (pdf_with_pages([]), "no text"),
    ],
)
def test_unreadable_pdfs_are_refused_with_a_reason(data: bytes, why: str) -> None:
    with pytest.raises(PdfUnreadable, match=why):
        source_text_from_pdf(data)


def test_an_encrypted_pdf_is_refused() -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(REPORT)))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    locked = io.BytesIO()
    writer.write(locked)
    with pytest.raises(PdfUnreadable, match="encrypted"):
        source_text_from_pdf(locked.getvalue())
