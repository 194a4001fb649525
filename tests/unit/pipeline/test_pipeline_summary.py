"""Key-point bullets that open an article and repeat its body are not body sentences."""

from __future__ import annotations

from pipeline_pages import extract


def _texts(body: str) -> list[str]:
    return [s.text for s in extract(body).sentences]


def test_leading_bullets_that_repeat_the_body_are_dropped() -> None:
    texts = _texts(
        "<ul><li>more than 100,000 homes insulated since April 2024</li>"
        "<li>grant extended to private renters from June</li></ul>"
        "<p>More than 100,000 homes have been insulated since the scheme opened in April 2024. "
        "From June, the grant will be open to tenants who rent privately.</p>"
    )
    assert not any(t.startswith(("more than", "grant extended")) for t in texts)
    assert texts[0].startswith("More than 100,000 homes")


def test_a_list_that_says_something_new_stays() -> None:
    texts = _texts(
        "<ul><li>Ferries stop running at midnight</li><li>Trains are cheaper on Sundays</li></ul>"
        "<p>The council voted to raise parking fees by 12% from May.</p>"
    )
    assert "Ferries stop running at midnight" in texts
