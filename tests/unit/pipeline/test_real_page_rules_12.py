"""Habits of real pages, twelfth batch (a timeline linked on its dates, a person's name linked
to what they wrote on the site, pleas for support, byline and caption lines, a "Related" box
inside the story, what a paper's authors believe and note), each on minimal HTML of our own."""

from __future__ import annotations

from pipeline_pages import PAGE_URL, extract, sentence, urls

from app.pipeline.page.boilerplate import is_boilerplate_text

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


def test_a_plea_for_support_and_its_membership_link_are_no_claim() -> None:
    ext = extract(
        "<p>The court ruled on Monday that the block was unlawful.</p>"
        "<p>Do you enjoy reading us? If you do, please "
        '<a href="https://steadyhq.com/en/ourblog">support</a> us so that we can keep up our '
        "work and stay independent.</p>"
    )
    plea = sentence(ext, "If you do")
    assert not plea.is_claim
    assert urls(plea) == set()


def test_a_byline_line_and_a_caption_paragraph_are_chrome() -> None:
    assert is_boilerplate_text("Written by: Julie Mollins", link_texts=["Julie Mollins"])
    assert is_boilerplate_text(
        "Header Image: People have lived in these forests for thousands of years. Credit: A. "
        "Photographer",
        link_texts=[],
    )
    assert not is_boilerplate_text(
        "The image shows people who have lived in these forests for centuries.", link_texts=[]
    )


def test_a_related_box_between_paragraphs_does_not_end_the_story() -> None:
    ext = extract(
        "<p>The firm said on Thursday it aims to remove more carbon than it emits by 2030.</p>"
        '<h2 class="cat-head"><span>Related</span></h2><ul class="related_links">'
        f'<li><a href="{OWN}/2026/01/10/how-one-company-turns-co2-into-soap">How one company '
        "turns CO2 into soap</a></li></ul>"
        "<p>The firm plans to cut its carbon emissions by more than half by 2030 across its "
        "supply chain.</p>"
    )
    texts = [s.text for s in ext.sentences]
    assert any(t.startswith("The firm plans to cut") for t in texts)
    assert not any("into soap" in t for t in texts)


def test_a_related_heading_after_the_story_still_ends_it() -> None:
    ext = extract(
        "<p>The firm said on Thursday it aims to remove more carbon than it emits by 2030.</p>"
        f'<h2>Related</h2><ul><li><a href="{OWN}/2026/01/10/soap">How one company turns CO2 '
        "into soap</a></li></ul><p>Short teaser line.</p>"
    )
    assert not any("into soap" in s.text or "teaser" in s.text for s in ext.sentences)


PAPER = "https://doi.org/10.1073/pnas.0000001"


def test_what_the_authors_believe_and_note_rests_on_the_paper_linked_after_the_body() -> None:
    ext = extract(
        "<p>A team of archaeologists has found a flint tool partly covered in birch tar.</p>"
        "<p>In their paper published in Proceedings of the National Academy of Sciences, the "
        "group describes the tool and what it suggests about its makers.</p>"
        "<p>The researchers believe the tool was used for cutting plants. They note that making "
        "such a tool took days of work.</p>"
        f'<p>More information: A. Author et al. A flint tool, PNAS (2026). DOI: <a href="{PAPER}">'
        "10.1073/pnas.0000001</a></p>"
    )
    for start in ("In their paper", "The researchers believe", "They note"):
        assert urls(sentence(ext, start)) == {PAPER}, start


NEW_PAPER = "https://onlinelibrary.wiley.com/doi/abs/10.1002/fee.0001"
OLD_PAPER = "https://advances.sciencemag.org/content/3/1/e0000001"


def test_the_paper_states_means_the_new_paper_not_a_background_study() -> None:
    ext = extract(
        f'<p>A new research paper published in <a href="{NEW_PAPER}">Frontiers in Ecology</a> '
        "journal suggests that land rights protect forests.</p>"
        "<p>Scientists used an existing definition of intact forests for their study, as "
        f'<a href="{OLD_PAPER}">described in earlier work</a> on forest landscapes.</p>'
        "<p>Indigenous peoples manage or hold rights over 25 percent of the world's land "
        "surface, the paper states.</p>"
    )
    assert urls(sentence(ext, "Indigenous peoples manage")) == {NEW_PAPER}
