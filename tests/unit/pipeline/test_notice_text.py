"""Notices about the page itself (credits, tips boxes), found in any letter case."""

from __future__ import annotations

import pytest

from app.pipeline.page.boilerplate import is_notice_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Correction: an earlier figure was wrong.", True),
        ("Reporters Ana Ruiz and Li Wei contributed to this report.", True),
        ("CORRESPONDENT Ana Ruiz CONTRIBUTED THIS STORY", True),
        ("Ana Ruiz contributed to this report.", False),  # no writer, reporter, correspondent
        ("Email the writer at ana@example.org.", True),
        ("To reach the NEWSROOM, contact the newsroom desk.", True),
        ("Use SecureDrop to reach us.", True),
        ("Use \u017fecuredrop to reach us.", True),  # a long s matches "s" in any case
        ("Send us your news tips.", True),
        ("The writer sent tips to the editor.", False),
        ("The reporter said the mayor resigned.", False),
    ],
)
def test_notice_text(text: str, expected: bool) -> None:
    assert is_notice_text(text) is expected
