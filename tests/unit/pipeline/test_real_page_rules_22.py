"""Habits of real pages, twenty-second batch (after the twenty-first blind gate), each on
minimal HTML of our own."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls


def test_pointers_to_documentation_and_calls_for_feedback_are_no_claims() -> None:
    ext = extract(
        "<p>The preview adds Bluetooth pairing APIs and 40 new device drivers. For all the "
        "details of what's included, see the "
        '<a href="https://dev.example.com/things/releases.html">release notes</a>. See the new '
        '<a href="https://dev.example.com/things/bluetooth.html">Bluetooth API guide</a> for '
        "more details. Please send us your feedback by "
        '<a href="https://issues.example.com/new">filing bug reports</a>. You can also join '
        'our <a href="https://community.example.com/iot">developer community</a>.</p>'
        "<p>See the drop in sales, 40% in a year, the "
        '<a href="https://stats.example.org/2019/retail-sales">census data shows</a>.</p>'
    )
    assert sentence(ext, "The preview adds").is_claim
    for start in ("For all the details", "See the new", "Please send us", "You can also join"):
        found = sentence(ext, start)
        assert urls(found) == set() and not found.is_claim, start
    assert urls(sentence(ext, "See the drop")) == {"https://stats.example.org/2019/retail-sales"}
