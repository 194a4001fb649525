"""Rules from the real corpus in session 18 (gates 36-37: French, Spanish and older English
pages): a list's numbers off its sentences, recirculation and reader comments named in French
and Spanish, dates in microdata, in the address and glued to a headline, and bracketed pointers
to the site's own pages."""

from __future__ import annotations

from lxml.html import document_fromstring
from pipeline_pages import extract, sentence, urls

from app.pipeline import run_pipeline
from app.pipeline.page.dates import published_date

_FR = "https://journal.example.fr/politique/2012/10/27/la-methode_856451"


def _french(body: str, after: str = "") -> str:
    return f"""<html lang="fr"><head><meta charset="utf-8"><title>La méthode - Journal</title>
</head><body><div id="core"><div class="col">
<div class="block block-item"><div class="article"><h1>La méthode</h1>
<p>Le Premier ministre a défendu samedi à Toulouse sa méthode devant 3000 militants du
parti.</p>{body}</div></div>{after}</div></div></body></html>"""


def test_a_lists_number_is_not_the_sentences() -> None:
    body = """<p><span class="num">2.</span> Vous rappellerez que la France a condamné l'ancien
ministre à deux ans de prison en 1996.</p>
<p>5. Mai 2019 war der Tag, an dem das Gericht in Berlin sein Urteil sprach.</p>
<p>1. FC Köln gewann am Samstag mit 3:1 gegen den Hamburger SV.</p>"""
    ext = run_pipeline(_french(body), _FR)
    assert sentence(ext, "Vous rappellerez que la France")
    assert not [s for s in ext.sentences if s.text.startswith("2.")]
    # a German date or a club's name opens with a number that is text, not a label
    assert sentence(ext, "5. Mai 2019 war der Tag")
    assert sentence(ext, "1. FC Köln gewann")


def test_french_recirculation_lines_and_boxes_are_not_the_story() -> None:
    body = """<p>Il a cité le mariage pour tous, <a href="/societe/2012/10/23/honoraires_855">
l'accord sur les dépassements d'honoraires</a> et le contrat de génération.</p>
<p class="others"><span>A lire aussi :</span> <a href="/politiques/2012/10/27/valls_856405">
La fierté de Manuel Valls d'être dans le gouvernement</a></p>
<p>Les ministres présents à Toulouse ont relayé ce plaidoyer devant 200 journalistes.</p>"""
    after = """<div class="block block-call-items block-item-read-more">
<div class="block-top"><span>À lire</span> aussi</div><div class="block-content">
<div class="item article"><a href="/politiques/2012/10/24/ayrault_855762"><h5>Ayrault en
flagrant délit ?</h5></a><p>Après avoir annoncé l'invalidation de la loi Duflot, le Premier
ministre a été la cible de la droite.</p></div></div></div>"""
    ext = run_pipeline(_french(body, after), _FR)
    assert urls(sentence(ext, "Il a cité le mariage")) == {
        "https://journal.example.fr/societe/2012/10/23/honoraires_855"
    }
    assert not [s for s in ext.sentences if "Valls" in s.text and (s.is_claim or s.citations)]
    assert not [s for s in ext.sentences if "loi Duflot" in s.text]
    assert sentence(ext, "Les ministres présents").is_claim


def test_spanish_reader_comments_are_not_the_story() -> None:
    page = """<html lang="es"><head><meta charset="utf-8"><title>Cae la jefa - Diario</title>
</head><body><div id="contenido"><div class="noticia"><h1>Cae la jefa</h1>
<p>La policía francesa detuvo el sábado en Mâcon a la dirigente, buscada desde 2004 por la
Audiencia Nacional.</p>
<p>Fue condenada en rebeldía en 2007 por un tribunal de París a cuatro años de prisión.</p>
<div id="comentarios"><div id="comentarios_lectores"><ol><li><p>Que la hagan un buen chequeo
médico porque seguro que tiene 3 enfermedades.</p></li></ol></div></div></div></div>
</body></html>"""
    ext = run_pipeline(page, "https://www.diario.example.es/espana/2012/10/28/1351388909.html")
    assert sentence(ext, "Fue condenada en rebeldía").is_claim
    assert not [s for s in ext.sentences if "chequeo" in s.text]


def _tree(head: str, body: str = "<p>Text.</p>"):  # noqa: ANN202 - lxml's element type
    return document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def test_microdata_publication_day_beats_the_update() -> None:
    head = """<meta itemprop="dateModified" content="2014-10-03T08:42:27.4030000"/>
<meta itemprop="datePublished" content="2014-10-02T14:52:39.4770000"/>"""
    assert published_date(_tree(head), lambda: "2014-10-03") == "2014-10-02"


def test_a_guess_from_another_year_than_the_address_gives_way_to_it() -> None:
    url = "http://www.news.example.com/2010/POLITICS/08/13/democrats.social.security/index.html"
    assert published_date(_tree(""), lambda: "1935-08-14", url) == "2010-08-13"
    # the same year: the guess (a time of day can move the day) stands
    assert published_date(_tree(""), lambda: "2010-08-14", url) == "2010-08-14"
    assert published_date(_tree(""), lambda: "1935-08-14", "http://x.example/a/b") == "1935-08-14"


def test_a_published_label_glued_to_the_headline_is_read() -> None:
    body = (
        "<div><h1>Fed's Statement with a Twist</h1></div><div class='tool_datetime'>Published:"
        "<span>Wednesday, 21 Sep 2011 | 4:35 PM ET</span></div><p>Text.</p>"
    )
    head = '<meta property="og:updated_time" content="2011-09-23T08:51:09">'
    assert published_date(_tree(head, body), lambda: "2011-09-23") == "2011-09-21"


def test_a_bracketed_pointer_to_the_sites_own_pages_is_no_claim_and_cites_nothing() -> None:
    body = """<p>Experts estimated that 74% of the oil had been captured, burned or had
evaporated.</p>
<p>(See the <a href="/2026/04/disasters">world's top 10 environmental disasters</a>.)</p>
<p>(Watch our video "Oil Spill Anxiety on the Bayou.")</p>
<p>Facebook uses this contact information to learn about people, even if those people
don't agree to participate. (See <a href="https://www.facebook.com/help/186325668085084">
Facebook's own description of this process</a>.)</p>"""
    ext = extract(body)
    for start in ("(See the world", "(Watch our video"):
        pointer = sentence(ext, start)
        assert not pointer.is_claim and not pointer.citations, start
    # an aside pointing at the evidence on another site still cites it
    assert urls(sentence(ext, "(See Facebook's own")) == {
        "https://facebook.com/help/186325668085084"
    }


def test_he_said_opening_the_next_paragraph_is_the_speaker_who_closed_the_last() -> None:
    body = """<p>Liberia's information minister, Lewis Brown, said stringent screening measures
at the airport had been in place since July.</p>
<p>"These screening programs are monitored regularly," he said.</p>"""
    ext = extract(body)
    assert sentence(ext, '"These screening programs').attributed_to == ["Lewis Brown"]


def test_spanish_and_french_speech_verbs_and_according_to_name_the_source() -> None:
    body = """<p>Carmen Flores, presidenta de la organización Defensor del Paciente, asegura que
cada día recibe 40 quejas sobre las listas de espera.</p>
<p>Le ministre Pierre Moscovici a déclaré que la croissance serait de 0,8 % cette année.</p>
<p>Según Europa Press, la detenida llevaba 8 años huida en Francia.</p>"""
    ext = extract(body)
    assert sentence(ext, "Carmen Flores, presidenta").attributed_to == ["Carmen Flores"]
    assert sentence(ext, "Le ministre Pierre Moscovici").attributed_to == ["Pierre Moscovici"]
    assert sentence(ext, "Según Europa Press").attributed_to == ["Europa Press"]
