"""Is a decoded body a page of text? Binary bodies and wrong charsets fail as `not_text`.

A body of random bytes decodes, in any charset, to text full of control characters or
replacement characters; a page in an ASCII-compatible charset decoded as UTF-16 (a wrong
label) becomes CJK-looking text with no `<` left in it. Real pages have neither: markup,
and at most a stray control or replacement character here and there.
"""

from __future__ import annotations

import re

from app.fetch.errors import FetchError

__all__ = ["MAX_JUNK_SHARE", "check_page_text", "junk_share"]

# C0 controls but tab, LF, FF and CR; DEL and the C1 controls; U+FFFD and the noncharacters
# U+FFFE/U+FFFF: what a wrong decoding leaves behind.
_JUNK = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ufffe\uffff]")
_MARKUP = re.compile(r"<[A-Za-z!/?]")
MAX_JUNK_SHARE = 0.01  # random bytes leave 3 % (as UTF-16) to 55 % (as UTF-8)
_MIN_JUNK = 16  # a short page with a couple of bad bytes is still a page
_SAMPLE = 262_144  # characters looked at: enough to judge, cheap on a 5 MiB page


# The same characters counted in the UTF-8 bytes, which is faster than the regex: the C0
# controls and DEL are single bytes no other character's encoding contains; a C1 control is
# 0xC2 then 0x80-0x9F; U+FFFD/FFFE/FFFF are EF BF BD/BE/BF.
_JUNK_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
_SPECIALS_UTF8 = (b"\xef\xbf\xbd", b"\xef\xbf\xbe", b"\xef\xbf\xbf")


def junk_share(text: str) -> tuple[int, float]:
    """How many characters of the text's start are junk (`_JUNK`), and their share of it."""
    sample = text[:_SAMPLE]
    data = sample.encode("utf-8", "surrogatepass")
    junk = len(data) - len(data.translate(None, _JUNK_BYTES))
    if len(data) != len(sample):  # not all ASCII
        if b"\xc2" in data:
            junk += len(_C1_UTF8.findall(data))
        if b"\xef\xbf" in data:
            junk += sum(data.count(special) for special in _SPECIALS_UTF8)
    return junk, junk / max(len(sample), 1)


def check_page_text(text: str, encoding: str) -> None:
    """Raise `not_text` unless `text` (decoded with `encoding`) reads as an HTML page."""
    junk, share = junk_share(text)
    if junk >= _MIN_JUNK and share > MAX_JUNK_SHARE:
        raise FetchError(
            "not_text",
            f"the body is not text: {share:.1%} control or undecodable characters as {encoding}",
        )
    if text.strip() and _MARKUP.search(text, 0, _SAMPLE) is None:
        raise FetchError(
            "not_text", f"no HTML markup in the body decoded as {encoding} (a wrong charset?)"
        )
