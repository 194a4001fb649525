"""Chrome blocks recognised by their words: author plugs and contact lines, in any case."""

from __future__ import annotations

import pytest

from app.pipeline.page.boilerplate import is_boilerplate_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her novel Tidewater is OUT NOW from Acme Press.", True),
        ("His book is out in paperbac\u212a.", True),  # the Kelvin sign matches "k" in any case
        ("FOLLOW HIM ON TWITTER for more.", True),
        ("Write to ana@example.org with questions.", True),
        ("The novel was a hit, and the sequel is due now that filming ended.", False),
        ("The council voted to follow the plan on Monday.", False),
    ],
)
def test_boilerplate_text(text: str, expected: bool) -> None:
    assert is_boilerplate_text(text, link_texts=[]) is expected
