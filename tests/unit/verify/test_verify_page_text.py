"""source_text_from_html: the main text as sentences, chrome left out."""

from __future__ import annotations

from app.verify import source_text_from_html, verify_claim

ARTICLE = """<html><head><title>Rail ridership report | Harbor City Transit</title></head><body>
<nav><a href="/">Home</a> <a href="/fares">Fares</a></nav>
<main><article><h1>Rail ridership report</h1>
<p>Ridership on the light rail rose to 48 million trips in 2024. That is a record for the
line, which opened in 1998 and now runs 26 stations across the city and its suburbs.</p>
<p>Bus ridership fell 4% over the same period, the agency said in its annual report to the
board, citing driver shortages and the closure of two depots for renovation work.</p>
</article></main><footer>Cookie settings · Privacy policy</footer></body></html>"""


def test_main_text_comes_back_as_sentences() -> None:
    passages = source_text_from_html(ARTICLE, "https://transit.example/report")
    assert "Ridership on the light rail rose to 48 million trips in 2024." in passages
    assert not any("Cookie settings" in p for p in passages)


def test_a_page_trafilatura_finds_too_short_falls_back_to_its_blocks() -> None:
    html = "<html><body><nav>Menu</nav><p>Fares stay at $2.</p><td>Ridership 48 million</td>"
    passages = source_text_from_html(html, "https://transit.example/")
    assert "Fares stay at $2." in passages
    assert "Menu" not in passages


def test_html_passages_feed_the_verifier() -> None:
    passages = source_text_from_html(ARTICLE, "https://transit.example/report")
    assert verify_claim(
        "Light rail ridership reached 48 million trips in 2024.", passages
    ).status == ("supported")


def test_an_empty_or_broken_page_has_no_passages() -> None:
    assert source_text_from_html("", "https://x.example/") == []
    assert source_text_from_html("<<<>", "https://x.example/") == []
