"""Source verification: does the cited page say what the claim says?"""

from app.verify.page_text import source_text_from_html
from app.verify.verdict import (
    SUPPORT_THRESHOLD,
    Page,
    Verdict,
    verify_claim,
    verify_claims,
    verify_on_page,
)

__all__ = [
    "SUPPORT_THRESHOLD",
    "Page",
    "Verdict",
    "source_text_from_html",
    "verify_claim",
    "verify_claims",
    "verify_on_page",
]
