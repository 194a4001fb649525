"""Habits of real pages, twelfth batch (a timeline linked on its dates, a person's name linked
to what they wrote on the site), each on minimal HTML of our own."""

from __future__ import annotations

from pipeline_pages import PAGE_URL, extract, sentence, urls

OWN = PAGE_URL.rsplit("/", 3)[0]  # "https://news.example.org"


def test_a_timeline_entry_linked_on_its_date_rests_on_the_sites_post() -> None:
    ext = extract(
        f'<p><a href="{OWN}/why-we-need-a-new-constitution/">10 May 2010</a>: The euro crisis '
        "breaks out, stirring concern over the court.</p>"
        f'<p><a href="{OWN}/tag/courts/">Courts</a>: our coverage of the courts.</p>'
    )
    assert urls(sentence(ext, "10 May 2010")) == {f"{OWN}/why-we-need-a-new-constitution"}
    assert urls(sentence(ext, "Courts")) == set()


def test_a_persons_name_linked_to_their_piece_on_the_site_is_a_citation() -> None:
    ext = extract(
        "<p>The ruling has a blind spot according to "
        f'<a href="{OWN}/judges-depending-on-judges/">MATEJ AVBELJ</a>, namely the internal '
        "independence of the judiciary.</p>"
        "<p>The former star of the show was voted off on Monday, says "
        f'<a href="{OWN}/entertainment/jo-lee-dawsons-creek-reboot-waving-that-flag">Dawson’s '
        "Creek</a> fans.</p>"
        f'<p>The council met, and <a href="{OWN}/people/sam-okafor/">Sam Okafor</a> chaired the '
        "long meeting.</p>"
    )
    assert urls(sentence(ext, "The ruling has")) == {f"{OWN}/judges-depending-on-judges"}
    assert urls(sentence(ext, "The former star")) == set()  # a show named in the slug
    assert urls(sentence(ext, "The council met")) == set()  # a profile
