"""Source verification: does the cited page say what the claim says?"""

from app.verify.nearest import nearest_sources
from app.verify.page_text import source_text_from_html
from app.verify.pdf_text import PdfUnreadable, source_text_from_pdf
from app.verify.verdict import (
    SUPPORT_THRESHOLD,
    Page,
    Verdict,
    verify_claim,
    verify_claims,
    verify_on_page,
)

__all__ = [
    "nearest_sources",
    "PdfUnreadable",
    "source_text_from_pdf",
    "SUPPORT_THRESHOLD",
    "Page",
    "Verdict",
    "source_text_from_html",
    "verify_claim",
    "verify_claims",
    "verify_on_page",
]
