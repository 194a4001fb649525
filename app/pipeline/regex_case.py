"""Lower-casing that agrees with case-insensitive regexes, for looking matched words up."""

from __future__ import annotations

__all__ = ["lower_as_regex"]

# Letters `re.IGNORECASE` matches to an ASCII letter that `str.lower()` leaves alone:
# long s, dotless and dotted i, the Kelvin and angstrom signs.
_FOLD = str.maketrans({"ſ": "s", "ı": "i", "İ": "i", "\u212a": "k", "\u212b": "å"})


def lower_as_regex(text: str) -> str:
    """`text.lower()`, with the letters a case-insensitive regex folds folded the same way
    ("thouſand" -> "thousand"), so a matched word is found in a table of lower-case words."""
    return text.translate(_FOLD).lower()
