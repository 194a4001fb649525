"""Sentence segmentation and the document's structure and metadata."""

from __future__ import annotations

from pipeline_pages import extract, split


def test_abbreviations_decimals_initials_and_quotes_do_not_split() -> None:
    text = (
        "Dr. Lin J. Chen of the U.S. Geological Survey said losses hit $6.4 billion, e.g. in "
        "Texas. “Is it over?” she asked. “No.” Prices rose 2.5% vs. last year. xAI said no."
    )
    assert split(text) == [
        "Dr. Lin J. Chen of the U.S. Geological Survey said losses hit $6.4 billion, "
        "e.g. in Texas.",
        "“Is it over?” she asked.",
        "“No.”",
        "Prices rose 2.5% vs. last year.",
        "xAI said no.",
    ]


def test_numbered_lead_in_stays_with_its_sentence() -> None:
    # not split after "2.", and the list's number is not the sentence's (rules_36)
    assert split("2. Tariffs ate the savings. On May 1, tariffs rose.") == [
        "Tariffs ate the savings.",
        "On May 1, tariffs rose.",
    ]


def test_metadata_blocks_and_chrome_free_body() -> None:
    ext = extract(
        "<p>The port handled 9 million boxes in 2025.</p><h2>Why</h2><p>Ships got bigger.</p>"
        '<div class="inline-promo"><p>Sign up for our newsletter. '
        '<a href="/nl">Sign up</a></p></div>'
        "<p><strong>Related:</strong> <a href='/x'>Another story</a></p>"
        '<p class="sign-off">Reporting by Jo Writer; Editing by Sam Editor</p>'
    )
    assert ext.title == "A test story"
    assert ext.site_name == "Example News"
    assert ext.language == "en"
    assert ext.published == "2026-05-02"
    assert ext.canonical_url == "https://news.example.org/2026/05/story"
    assert ext.text == "The port handled 9 million boxes in 2025.\n\nWhy\n\nShips got bigger."
    assert ext.word_count == 12
    for banned in ("cookies", "Related", "Reporting by", "Inflation hit", "newsletter", "©"):
        assert banned not in ext.text


def test_a_footnote_asterisk_after_the_full_stop_ends_the_sentence() -> None:
    assert split("Access is being restored.* The ruling came in December. Rates *fell* by 2%.") == [
        "Access is being restored.*",
        "The ruling came in December.",
        "Rates *fell* by 2%.",
    ]
