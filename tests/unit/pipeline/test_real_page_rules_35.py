"""Rules from the real corpus in session 17 (gate 35, German and French pages): modals and
hedges the English-trained scorer cannot read, a picture's Creative Commons credit line, and a
sidebar's "Im Web:" list."""

from __future__ import annotations

from pipeline_pages import sentence

from app.pipeline import run_pipeline

_URL = "https://futurezone.example.at/netzpolitik/wie-creative-commons-richtig-genutzt-wird"


def _page(body: str, after: str = "") -> str:
    return f"""<html lang="de"><head><meta charset="utf-8">
<title>Wie Creative Commons richtig genutzt wird - Example Zone</title></head><body>
<div id="main"><div id="content"><h1>Wie Creative Commons richtig genutzt wird</h1>
<p>Bei der Fotowebsite Flickr gibt es aktuell mehr als 260 Millionen Fotos unter einer
CC-Lizenz, rund 40 Prozent mehr als im Jahr 2011.</p>{body}{after}</div></div>
<footer><p>Example Zone ist ein Angebot der Example Media GmbH.</p></footer></body></html>"""


def test_german_and_french_advice_and_guesses_are_no_claims() -> None:
    body = """<p>Im Zweifel sollte man solche Werke nicht verwenden.</p>
<p>Vielleicht werden aber auch Nutzer die Links ignorieren, weil sie ihnen nicht trauen.</p>
<p>Il faudrait que la presse consacre 20 pages à ces violences.</p>"""
    ext = run_pipeline(_page(body), _URL)
    assert sentence(ext, "Bei der Fotowebsite Flickr gibt es aktuell").is_claim
    for text in ("Im Zweifel sollte man", "Vielleicht werden aber", "Il faudrait que"):
        assert not sentence(ext, text).is_claim, text


def test_a_pictures_creative_commons_credit_is_no_claim_and_cites_nothing() -> None:
    licence = '<a href="http://creativecommons.org/licenses/by/2.0/deed.de">CC BY 2.0</a>'
    body = f"""<p>Die Lizenz erlaubt es, das Bild zu verbreiten, solange der Urheber genannt
wird.</p>
<p>Bilder in diesem Artikel: <br/><a href="https://secure.flickr.com/photos/christinamari76/58943">
Austria</a> von Chrstinamari {licence}<br/> <a
href="https://secure.flickr.com/photos/15175220@N05/47919">La primera camiseta de Creative Commons
Colombia</a> von Colores Mari {licence}</p>"""
    ext = run_pipeline(_page(body), _URL)
    credits = [s for s in ext.sentences if "Chrstinamari" in s.text or "Colores Mari" in s.text]
    assert credits
    assert not [s for s in credits if s.is_claim or s.citations]


def test_a_sidebars_im_web_list_is_not_the_story() -> None:
    items = "".join(
        f'<li><a target="_blank" href="https://www.{site}.example/{n}/report.htm">{title}; '
        f"{name} {n}. Feb. 2016</a></li>"
        for n, (site, title, name) in enumerate(
            [
                ("fli", "Afrikanische Schweinepest: Lage in Europa", "FLI"),
                ("sueddeutsche", "Erreicht die Schweinepest bald Deutschland?", "SZ"),
                ("sciencedaily", "Pigs' genetic code altered in bid to tackle deadly virus",
                 "Science Daily"),
                ("ed", "Edinburgh researchers edit pig genome to beat the virus", "Edinburgh"),
            ],
            20,
        )
    )  # fmt: skip
    after = f"""<div class="r28"><h4>Themen</h4><div class="layoutbox"><ul>
<li><a href="/topic/494">Genome Editing bei Tieren</a></li></ul></div>
<h4>Im Web:</h4><div class="layoutbox"><ul>{items}</ul></div></div>"""
    ext = run_pipeline(_page("", after), _URL)
    assert not [s for s in ext.sentences if "genetic code" in s.text and s.is_claim]
    assert not [c for s in ext.sentences for c in s.citations if c.url]


def test_accents_written_as_a_letter_and_a_combining_mark_come_out_composed() -> None:
    decomposed = "La pre\u0301fecture a recense\u0301 1 407 blesse\u0301s en de\u0301cembre 2018."
    page = f"""<html lang="fr"><head><meta charset="utf-8"><title>Violences - Le Club</title>
</head><body><article><h1>Violences</h1><p>{decomposed}</p>
<p>Le ministère a compté 6 morts, selon un bilan publié le 11 décembre.</p></article>
</body></html>"""
    ext = run_pipeline(page, "https://blogs.example.fr/elba/blog/270619/violences")
    composed = "La préfecture a recensé 1 407 blessés en décembre 2018."
    assert composed in [s.text for s in ext.sentences]
    assert composed in ext.text
