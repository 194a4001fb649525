"""Sentences in writing systems the check-worthiness scorer never learnt (Arabic, Thai, Chinese,
Japanese, Korean…): its words and n-grams are English, so it cannot weigh them."""

from __future__ import annotations

import re

__all__ = ["UNREAD_FEATURE", "unread_score"]

# Latin, Greek, Cyrillic and their punctuation lie below Hebrew's first code point
_FIRST_UNREAD = 0x0590
_UNREAD_SHARE = 0.5  # of the sentence's letters
_MIN_CHARS = 8  # "是的。" is no statement worth checking
_STATEMENT = 0.6  # above the claim threshold: every statement is worth a check
_OTHER = 0.1  # a question or an exclamation
_ASKS = ("?", "？", "؟", "!", "！")
UNREAD_FEATURE = (
    "written in a script the scorer was not trained on: a statement that gives a number is a claim"
)


def unread_score(text: str) -> float | None:
    """The score of a sentence mostly in an unread script (None for any other): a statement
    that gives a number is a claim to check; a question, an exclamation or a statement without
    a number is not."""
    letters = [c for c in text if c.isalpha()]
    unread = sum(1 for c in letters if ord(c) >= _FIRST_UNREAD)
    if not letters or unread < _UNREAD_SHARE * len(letters):
        return None
    bare = text.strip().rstrip(" \"'”’」』）)")
    if len(bare) < _MIN_CHARS or bare.endswith(_ASKS) or not _counts(bare):
        return _OTHER
    return _STATEMENT


# Chinese numerals that count: two or more together ("三十", "一百"), or one before a measure
# word ("三个", "五年"); a lone 一 is mostly a word of its own ("一样", "一些", "一个" as "a")
_CJK_NUMBER = re.compile(
    r"[〇二三四五六七八九十百千万萬亿億兆两][个年月日号人名岁次项家位万亿千百十倍元分成座条]"
    r"|[〇一二三四五六七八九十百千万萬亿億兆两]{2,}"
)


def _counts(text: str) -> bool:
    """Whether the sentence gives a number, in any digits or in Chinese numerals: what makes a
    statement checkable where its words cannot be read ("31 万注册用户", "สุรชัย (78 ปี)"); a
    paywall's or a comment policy's notice gives none."""
    return any(c.isdigit() for c in text) or _CJK_NUMBER.search(text) is not None
