"""Rules from the real corpus in session 18 (gate 40: German and French pages of trafilatura's
test cache): German and French abbreviations, soft hyphens, a reading list under its label,
bracketed pointers to the site's own pages and picture-credit labels."""

from __future__ import annotations

from pipeline_pages import extract, sentence, split, urls

from app.evaluation.markers import normalize_sentence
from app.pipeline import run_pipeline

_BLOG = "https://blog.example.fr/turpitude-et-architecture"


def test_german_and_french_abbreviations_do_not_end_a_sentence() -> None:
    text = (
        "Verstößt das gegen § 13 Abs. 6 TMG? Die Frage stellt sich seit Jahren, vgl. Nr. 5 der "
        "Leitlinien. Mme. Dupont a confirmé la décision."
    )
    assert split(text) == [
        "Verstößt das gegen § 13 Abs. 6 TMG?",
        "Die Frage stellt sich seit Jahren, vgl. Nr. 5 der Leitlinien.",
        "Mme. Dupont a confirmé la décision.",
    ]


def test_soft_hyphens_are_no_part_of_the_text() -> None:
    body = "<p>L’avan\u00adcée de la recherche repose sur 3&shy;000 éva&#173;lua&#xAD;tions.</p>"
    ext = extract(body)
    assert sentence(ext, "L’avancée de la recherche repose sur 3000 évaluations.")
    assert "\u00ad" not in ext.text
    # the scorer compares a gold sentence copied with its soft hyphens to the same words
    assert normalize_sentence("a\u00advan\u00adcée") == normalize_sentence("avancée")


def _french(body: str) -> str:
    return f"""<html lang="fr"><head><meta charset="utf-8"><title>Turpitude - Le blog</title>
<link rel="canonical" href="{_BLOG}"></head><body><main><article><h1>Turpitude</h1>
<div class="content">{body}</div></article></main></body></html>"""


def test_a_reading_list_under_its_label_is_not_the_story() -> None:
    body = """<p>La dernière livraison de la revue, animée par 30 étudiants du CELSA, analyse la
fabrique d’une voix radiophonique dans les années 70.</p>
<p>Par <strong>Jacques Munier</strong></p>
<p>A lire aussi :</p>
<p>Revue <em>Esprit</em> : <a href="https://esprit.example.fr/numeros/884">Quand le langage
travaille</a>. Là où nos sociétés connaissent des tensions, là aussi travaille le langage.</p>
<p>Revue <em>Projet</em> : <a href="https://projet.example.com/debat/340">Savons-nous encore
débattre ?</a> Tout le monde s’accorde sur l’importance de débattre.</p>"""
    ext = run_pipeline(_french(body), _BLOG)
    assert sentence(ext, "La dernière livraison").is_claim
    assert not [s for s in ext.sentences if "Esprit" in s.text or "Projet" in s.text]
    assert not [s for s in ext.sentences if "nos sociétés" in s.text]


def test_pointers_to_the_sites_own_reading_and_picture_credits_cite_nothing() -> None:
    own = "https://blog.example.fr/2013-08-19-Hwang-Sok-yong-un-romancier-hors-norme"
    body = f"""<p>D’une plume alerte, l’auteur mêle les trajectoires personnelles et l’évolution
d’un pays qui a connu 3 régimes en 40 ans (lire « <a href="{own}">Hwang Sok-yong, un romancier
hors norme</a> »).</p>
<p>Lire aussi <a href="https://www.example.fr/58769">Martine Bulard, « En Corée, la politique du
rayon de soleil »</a>, juin 2018.</p>
<p>Image illustrative : <a href="https://www.flickr.com/photos/1608@N05/4178">Lots of Lego
Minifigures</a> by Ninja Brick, en licence Creative Commons by</p>"""
    ext = run_pipeline(_french(body), _BLOG)
    assert not urls(sentence(ext, "D’une plume alerte"))
    assert not [s for s in ext.sentences if s.text.startswith("Lire aussi") and s.citations]
    credits = [s for s in ext.sentences if "Ninja Brick" in s.text]
    assert not [s for s in credits if s.is_claim or s.citations]
    assert not ext.sources


def test_an_aside_pointing_at_another_sites_page_still_cites_it() -> None:
    paper = "https://www.nature.example.com/articles/s41586-019-1234"
    ext = extract(
        f"<p>Ice loss tripled between 2012 and 2017 (see <a href='{paper}'>the study</a>).</p>"
    )
    assert urls(sentence(ext, "Ice loss tripled")) == {paper.replace("www.", "")}


def test_a_german_date_or_ordinal_does_not_end_a_sentence() -> None:
    text = (
        "Am 13. Mai 2014 hat der Europäische Gerichtshof entschieden. Im 19. Jahrhundert war "
        "das anders. Die Zahl stieg auf 13. Danach fiel sie wieder."
    )
    assert split(text) == [
        "Am 13. Mai 2014 hat der Europäische Gerichtshof entschieden.",
        "Im 19. Jahrhundert war das anders.",
        "Die Zahl stieg auf 13.",
        "Danach fiel sie wieder.",
    ]


def test_the_sites_own_story_linked_in_a_lead_in_is_not_the_quoted_speakers_words() -> None:
    story = "/88130432/urteil-des-eugh-suchmaschinen-betreiber-google-muss-loeschen/"
    report = "/2019/11/10/how-the-ruling-was-reached/"
    body = f"""<p>Der Jurist Dr. Thomas Schulte schätzt die Bedeutung des
<a href="{story}">EuGH-Urteils</a> zu Google wie folgt ein:</p>
<blockquote><p>Google muss seit 2004 nach einem Urteil des Landgerichts Berlin Links auf
ehrverletzende Inhalte löschen.</p></blockquote>
<p>The case began in 2010, when a Spanish lawyer asked for two old notices to be removed.</p>
<p>As we <a href="{report}">reported last week</a>:</p>
<blockquote><p>The court ruled 5-4 that the search engine must delete the links within 30
days.</p></blockquote>"""
    ext = extract(body)
    assert not urls(sentence(ext, "Google muss seit 2004"))
    assert urls(sentence(ext, "The court ruled 5-4")) == {
        f"https://news.example.org{report}".rstrip("/")
    }


def test_german_advice_to_the_reader_is_no_claim() -> None:
    body = """<p>Im Test fielen 4 von 18 Kindersitzen durch, zwei wegen Schadstoffen im Bezug.</p>
<p>Achten Sie darauf, dass die Gurte geradlinig verlaufen und keine Falten werfen.</p>
<p>Nehmen Sie das Kind mit zum Geschäft, um 3 Modelle vor dem Kauf auszuprobieren.</p>
<p>Ihr müsst keine Kalorien zählen, aber ihr müsst wissen, was ihr esst.</p>
<p>Haben Sie den Test gelesen, bevor Sie 2019 einen Sitz kauften?</p>"""
    ext = extract(body)
    assert sentence(ext, "Im Test fielen").is_claim
    for start in ("Achten Sie", "Nehmen Sie", "Ihr müsst", "Haben Sie"):
        assert not sentence(ext, start).is_claim, start


def test_a_label_drops_only_the_linked_lines_right_under_it() -> None:
    body = """<p>The council approved the budget of $4 million on Tuesday after a 3-hour debate.</p>
<p>Related:</p>
<p><a href="/2026/04/council-budget-preview">What the council's budget holds</a></p>
<p>The vote was 7 to 2, and the mayor said the plan <a href="https://city.example.gov/budget">
follows the audit</a> the city published in March.</p>"""
    ext = extract(body)
    assert sentence(ext, "The vote was 7 to 2").is_claim
    assert not [s for s in ext.sentences if s.text.startswith("What the council")]


def test_of_a_list_of_whole_stories_the_one_the_address_names_is_the_article() -> None:
    def story(slug: str, title: str, fact: str, link: str) -> str:
        return f"""<article class="list__item" id="{slug}"><h2>{title}</h2>
<p>{fact} <a href="https://www.example.org/{link}">The report</a> was published in 2019.</p>
<p>{fact} Officials confirmed the figures to reporters on Tuesday in Berlin.</p></article>"""

    url = "https://correctiv.example.org/aktuelles/2019/05/14/wir-haben-bereits-die-zusage/"
    page = f"""<html lang="de"><head><title>Wir haben bereits die Zusage</title>
<link rel="canonical" href="{url}"></head><body><main><h1>Aktuelle Artikel</h1>
{
        story(
            "wir-haben-bereits-die-zusage",
            "Wir haben bereits die Zusage",
            "Die Partei erhielt 2017 Spenden über 50.000 Euro.",
            "zusage",
        )
    }
{
        story(
            "geldstrafe-fuer-die-partei",
            "Geldstrafe für die Partei",
            "Die Bundestagsverwaltung verhängte 2018 eine Strafe von 400.000 Euro.",
            "strafe",
        )
    }
{
        story(
            "die-angst-vor-neuwahlen",
            "Die Angst vor Neuwahlen",
            "Die Umfragen sahen die Partei 2017 bei 12 Prozent.",
            "umfrage",
        )
    }
</main></body></html>"""
    ext = run_pipeline(page, url)
    assert sentence(ext, "Die Partei erhielt 2017 Spenden").is_claim
    assert not [
        s for s in ext.sentences if "Bundestagsverwaltung" in s.text or "Umfragen" in s.text
    ]
    assert {s.url for s in ext.sources} == {"https://example.org/zusage"}


def test_a_container_whose_tag_broken_markup_garbled_is_still_walked() -> None:
    """A control character inside a tag name ("<di\x01v>") makes a tag lxml will not look up
    by name; the search for the story's later chunks must not crash on it (found by the
    fuzz test)."""
    from lxml.html import document_fromstring

    from app.pipeline.page.article_location import continuations

    tree = document_fromstring(
        '<html><body><di\x01v class="story-body"><p>' + "word " * 30 + "</p></di\x01v>"
        '<di\x01v class="story-body"><p>' + "more " * 30 + "</p></di\x01v></body></html>"
    )
    located = next(e for e in tree.iter() if e.get("class") == "story-body")
    assert continuations(tree, located) == []
