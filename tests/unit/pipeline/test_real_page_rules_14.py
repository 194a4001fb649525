"""Habits of real pages, fourteenth batch (a person linked on "had said", a subject linked to a
page about him, a paper behind a DOI resolver's query, "Hansen and his collaborators",
"according to the report" for the one paper, a story linked on what happened, story
addresses ending in /index.html), each on minimal HTML of our own."""

from __future__ import annotations

from pipeline_pages import PAGE_URL, extract, sentence, urls

from app.pipeline.citations.sources import is_scholarly

OWN = PAGE_URL.rsplit("/", 3)[0]  # "https://news.example.org"
TRANSCRIPT = "https://court.example.gov/transcripts/2022/20-1199.pdf"


def test_a_person_linked_on_had_said_is_not_quoted_from_it_everywhere() -> None:
    ext = extract(
        f'<p>“Diversity is essential,” <a href="{TRANSCRIPT}">Prelogar had said</a> as she '
        "concluded her arguments in the dispute.</p>"
        "<p>The court ruled against the university in June after months of deliberation.</p>"
        "<p>Justices asked about other agencies and how they had been funded over time.</p>"
        "<p>Critics on both sides watched the hearing closely for any sign of a shift.</p>"
        "<p>“That can be true,” Prelogar said in a later case about vaccines.</p>"
    )
    assert urls(sentence(ext, "“Diversity is")) == {TRANSCRIPT}
    assert urls(sentence(ext, "“That can be true")) == set()


def test_an_institutions_linked_statement_stays_its_name() -> None:
    release = "https://transport.example.gov/briefing-room/fines-three-airlines"
    ext = extract(
        "<p>The Department of Transportation fined three airlines $140 million on Monday.</p>"
        "<p>Coastline Airways will pay $64 million, "
        f'<a href="{release}">the department said in a statement</a>.</p>'
        "<p>Investigators found that refunds took 97 days on average.</p>"
        "<p>About half of each penalty will be credited back, officials noted.</p>"
        "<p>The department said it had received more than 11,000 complaints.</p>"
    )
    assert urls(sentence(ext, "The department said")) == {release}


def test_a_subject_linked_to_a_page_about_him_does_not_name_his_later_words() -> None:
    profile = "https://magazine.example.com/specials/packages/article/0,28804,1975813,00.html"
    paper = "https://doi.org/10.1093/oxfclm/kgad008"
    ext = extract(
        f'<p><a href="{profile}">James Hansen</a> first warned Congress of the threat in 1988.'
        "</p><p>Today, in a new peer-reviewed paper published in "
        f'<a href="{paper}">Oxford Open Climate Change</a>, he brings a new warning.</p>'
        "<p>Sulfur emissions have fallen fast, but, according to Hansen, the tradeoff has "
        "sped up warming.</p>"
    )
    assert urls(sentence(ext, "James Hansen first")) == {profile}
    assert profile not in urls(sentence(ext, "Sulfur emissions"))


def test_a_doi_resolvers_query_is_the_paper() -> None:
    assert is_scholarly(
        "https://apps.crossref.org/pendingpub/pendingpub.html?doi=10.1093%2Foxfclm%2Fkgad008"
    )
    assert not is_scholarly("https://news.example.org/search?q=doi")


def test_the_papers_authors_and_the_report_that_is_the_paper() -> None:
    paper = "https://apps.crossref.org/pendingpub/pendingpub.html?doi=10.1093%2Foxfclm%2Fkgad008"
    ext = extract(
        "<p>Today, in a controversial new paper published in "
        f'<a href="{paper}">Oxford Open Climate Change</a>, he brings a warning.</p>'
        "<p>According to the report, the planet will pass 1.5C of warming this decade.</p>"
        "<p>Emissions cuts alone will not be enough, according to Hansen and his "
        "collaborators.</p>"
        "<p>Governments will have to impose carbon fees, they argue.</p>"
        "<p>This report was updated on Friday with comment from the journal.</p>"
    )
    for opening in ("According to the report", "Emissions cuts", "Governments will"):
        assert urls(sentence(ext, opening)) == {paper}, opening
    assert urls(sentence(ext, "This report")) == set()  # the article itself


def test_the_sites_story_linked_on_what_happened_is_a_citation() -> None:
    story = f"{OWN}/story/israel-hamas-war-surveillance/"
    ext = extract(
        "<p>But on October 7, on the other side of the country, the famed surveillance network "
        f'<a href="{story}">apparently failed</a>.</p>'
    )
    assert urls(sentence(ext, "But on October 7")) == {story.removesuffix("/")}


def test_names_linked_to_stories_about_them_at_index_html_addresses() -> None:
    ext = extract(
        "<p>She was a law clerk to Justices "
        f'<a href="{OWN}/2020/09/19/politics/ruth-bader-ginsburg-interviews/index.html">Ruth '
        f'Bader Ginsburg</a> and <a href="{OWN}/2023/09/22/politics/elena-kagan-speech-ethics/'
        'index.html">Elena Kagan</a>.</p>'
        f'<p>The justices <a href="{OWN}/2023/06/29/politics/affirmative-action-ruling/'
        'index.html">struck down the admissions policy</a> in June.</p>'
    )
    assert urls(sentence(ext, "She was a law clerk")) == set()
    assert urls(sentence(ext, "The justices")) == {
        f"{OWN}/2023/06/29/politics/affirmative-action-ruling/index.html"
    }


def test_an_ellipsis_inside_a_quoted_title_ends_no_sentence() -> None:
    ext = extract(
        "<p>“I like to go in front of judges,” she said recently on NPR’s “Wait, Wait … Don’t "
        "Tell Me!” quiz show. “We tried … Nothing worked,” he said.</p>"
    )
    assert sentence(ext, "“I like to go").text.endswith("quiz show.")
    assert [s.text for s in ext.sentences if s.text.startswith("Nothing worked")]
