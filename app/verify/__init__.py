"""Source verification: does the cited page say what the claim says?"""

from app.verify.page_text import source_text_from_html
from app.verify.verdict import SUPPORT_THRESHOLD, Verdict, verify_claim, verify_claims

__all__ = [
    "SUPPORT_THRESHOLD",
    "Verdict",
    "source_text_from_html",
    "verify_claim",
    "verify_claims",
]
