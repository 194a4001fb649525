"""Shares of respondents: "Fifty-one percent say that…", right after "A new poll shows…",
report the poll the article just cited."""

from __future__ import annotations

import re

__all__ = ["POLL_NOUNS", "names_respondents", "reports_shares"]

POLL_NOUNS = ("poll", "survey")
_SHARE = r"(?:\d+(?:\.\d+)?\s*(?:%|percent|per cent)|[a-z]+(?:-[a-z]+)?\s+(?:percent|per cent))"
# "51 percent say", "an overwhelming 70 percent of Americans say that", "a third of voters want"
_SHARES_SAY = re.compile(
    rf"\b{_SHARE}(?:\s+of\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?(?:\s+(?:also|now|still))?\s+"
    r"(?:say|said|says|support|supported|oppose|opposed|believe|believed|think|thought|want|"
    r"wanted|approve|approved|disapprove|disapproved|agree|agreed|favou?r|favou?red)\b",
    re.IGNORECASE,
)


def reports_shares(text: str) -> bool:
    """Whether the sentence reports what a share of people say, think or want."""
    # every share holds "%" or "cent" (in any case: no letter of it folds apart from lower())
    return ("%" in text or "cent" in text.lower()) and bool(_SHARES_SAY.search(text))


# "97% of survey respondents", "those polled"; the survey itself, named as the article's:
# "In our survey, …", "in this year’s survey", "the same survey found"
_RESPONDENTS = re.compile(
    r"\b(?:respondents|those (?:polled|surveyed))\b"
    r"|\b(?:our|the|this|that|the same|this year['’]s|last year['’]s)\s+(?:\w+\s+)?"
    r"(?:survey|poll)\b",
    re.IGNORECASE,
)


def names_respondents(text: str) -> bool:
    """Whether the sentence speaks of a survey's respondents ("97% of survey respondents") or
    of the survey itself ("in our survey")."""
    return bool(_RESPONDENTS.search(text))
