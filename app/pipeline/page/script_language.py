"""The language of a page that declares none, where its writing system names it: kana is
Japanese, Hangul Korean, Han without kana Chinese, Thai, Arabic script without Persian or Urdu
letters Arabic, Hebrew, Burmese."""

from __future__ import annotations

__all__ = ["language_of_script"]

# (first code point, last code point, language); Han is Chinese unless kana is present
_SCRIPTS = (
    (0x3040, 0x30FF, "ja"),  # hiragana and katakana
    (0xAC00, 0xD7AF, "ko"),  # Hangul syllables
    (0x0E00, 0x0E7F, "th"),
    (0x0600, 0x06FF, "ar"),
    (0x0590, 0x05FF, "he"),
    (0x1000, 0x109F, "my"),  # Burmese
)
_HAN = (0x4E00, 0x9FFF)
_SHARE = 0.5  # of the text's letters
_SAMPLE = 4000  # characters: enough to tell, cheap on long pages


def language_of_script(text: str) -> str | None:
    """ "zh", "ja", "ko", "th", "ar", "he" or "my" when most letters are in that script; None
    for Latin, Cyrillic or mixed text, whose script names no one language."""
    letters = [c for c in text[:_SAMPLE] if c.isalpha()]
    if not letters:
        return None
    counts: dict[str, int] = {}
    han = 0
    for c in letters:
        code = ord(c)
        if _HAN[0] <= code <= _HAN[1]:
            han += 1
            continue
        for first, last, language in _SCRIPTS:
            if first <= code <= last:
                counts[language] = counts.get(language, 0) + 1
                break
    if han and counts.get("ja", 0):  # kanji with kana
        counts["ja"] += han
    elif han:
        counts["zh"] = han
    if not counts:
        return None
    language, most = max(counts.items(), key=lambda kv: kv[1])
    if language == "ar" and any(c in _PERSIAN_URDU for c in letters):
        return None  # Persian or Urdu in the same script: the script names no one language
    return language if most >= _SHARE * len(letters) else None


_PERSIAN_URDU = frozenset("پچژگکیٹڈڑںے")
