"""Rules from the real corpus in session 19 (gate 44: German pages of trafilatura's test cache)."""

from __future__ import annotations

from pipeline_pages import extract, sentence


def test_a_section_with_ads_placed_in_it_is_no_ad() -> None:
    body = (
        '<section id="lieferumfang" class="TestReport__Section TestReport__Section--Ads">'
        '<div class="cf-t"><p class="TestReport__TextBlock">Der Keramikbrenner des Grills hat '
        "eine Leistung von 3,5 kW und erreicht bis zu 800 Grad.</p>"
        '<div class="ad ad--inline">Anzeige: Jetzt den Grill bei Amazon kaufen</div></div>'
        "</section>"
    )
    ext = extract(body)
    assert sentence(ext, "Der Keramikbrenner des Grills").is_claim
    assert "Anzeige" not in ext.text  # the ad inside keeps its own chrome name


def test_an_author_label_line_is_chrome_and_cites_nothing() -> None:
    body = (
        "<p>Die Sensoren messen die Leitfähigkeit der Milch bei jedem Melkvorgang.</p>"
        '<p>Autor: Angelika Leitner <a href="https://plus.google.com/1164958?rel=author">'
        "Google+</a> mehr</p>"
    )
    ext = extract(body)
    assert "Angelika Leitner" not in ext.text
    assert not [s for s in ext.sources if "plus.google" in (s.url or "")]
