"""Rules from the real corpus in session 19 (gate 42: German and French pages of trafilatura's
test cache): a court's citations and outline labels in a reprinted judgment."""

from __future__ import annotations

from pipeline_pages import PAGE_URL, extract, page, sentence, split, urls

from app.pipeline import run_pipeline


def test_a_german_court_citation_does_not_end_its_sentence() -> None:
    text = (
        "Der Betreiber haftet (vgl. BGH, Urt. v. 27.3.2007 – VI ZR 101/06, GRUR 2007, 724 "
        "Tz. 7; Härting, Internetrecht, 3. Aufl., Rdn. 1306; Heckmann, Kap. 1.7 Rdn. 15). "
        "Die Revision gegen das Urteil des Oberlandesgerichts Hamburg, 5. Zivilsenat, wird "
        "zurückgewiesen. Roe v. Wade was decided in 1973."
    )
    assert split(text) == [
        "Der Betreiber haftet (vgl. BGH, Urt. v. 27.3.2007 – VI ZR 101/06, GRUR 2007, 724 Tz. 7;"
        " Härting, Internetrecht, 3. Aufl., Rdn. 1306; Heckmann, Kap. 1.7 Rdn. 15).",
        "Die Revision gegen das Urteil des Oberlandesgerichts Hamburg, 5. Zivilsenat, wird "
        "zurückgewiesen.",
        "Roe v. Wade was decided in 1973.",
    ]


def test_a_number_still_ends_a_sentence_before_an_ordinary_noun() -> None:
    assert split("Die Zahl der Fälle stieg auf 5. Gerichte prüfen das.") == [
        "Die Zahl der Fälle stieg auf 5.",
        "Gerichte prüfen das.",
    ]


def test_outline_labels_of_a_judgment_are_no_part_of_its_sentences() -> None:
    body = (
        "<p>II. Die gegen diese Beurteilung gerichteten Angriffe der Revision haben keinen "
        "Erfolg.</p><p>a) Die Bereitstellung von Lichtbildern verletzt das Recht aus "
        '<a href="https://dejure.org/gesetze/UrhG/19a.html">§ 19a UrhG</a>.</p>'
        "<p>bb) Das Verwertungsrecht des Klägers ist dadurch verletzt worden.</p>"
        "<p>(1) Zwar hat die Beklagte die Lichtbilder nicht selbst heruntergeladen.</p>"
    )
    ext = extract(body)
    assert urls(sentence(ext, "Die Bereitstellung von Lichtbildern")) == {
        "https://dejure.org/gesetze/UrhG/19a.html"
    }
    for opening in ("Die gegen diese", "Das Verwertungsrecht", "Zwar hat die Beklagte"):
        assert sentence(ext, opening)


_BLOGROLL = """<footer id="site-footer"><section class="sources"><h3>Quellen</h3><ul>
<li><a href="http://www.heise.de/">heise online</a></li>
<li><a href="http://www.golem.de/internet/">Golem Internet</a></li>
<li><a href="http://www.iuwis.de/">IUWIS</a></li></ul></section></footer>"""


def test_the_sites_footer_holds_no_reference_list_of_the_story() -> None:
    body = "<p>The court ruled on Tuesday that the portal is liable for the photographs.</p>"
    html = page(body).replace("</body>", _BLOGROLL + "</body>")
    ext = run_pipeline(html, PAGE_URL)
    assert not [s for s in ext.sources if "heise" in (s.url or "") or "golem" in (s.url or "")]


def test_a_storys_own_footer_still_holds_its_sources() -> None:
    notes = (
        '<footer class="sources"><h3>Sources</h3><ol><li><a href="https://bgh.example/'
        'urteil-166-07">BGH, judgment I ZR 166/07</a></li></ol></footer>'
    )
    ext = extract(
        "<p>The court ruled that the portal is liable for the photographs.</p>", after=notes
    )
    assert "https://bgh.example/urteil-166-07" in {s.url for s in ext.sources}


def test_drupals_screen_reader_label_is_no_part_of_a_linked_sentence() -> None:
    body = (
        "<p>Der Kurs stieg seit März um mehr als das "
        '<a href="https://coinmarketcap.com/currencies/faircoin/" class="ext">Zehnfache'
        '<span class="ext"><span class="element-invisible"> (link is external)</span></span>'
        "</a>.</p>"
    )
    s = sentence(extract(body), "Der Kurs stieg")
    assert s.text == "Der Kurs stieg seit März um mehr als das Zehnfache."
    assert urls(s) == {"https://coinmarketcap.com/currencies/faircoin"}


def test_a_line_saying_where_more_details_are_cites_nothing_and_claims_nothing() -> None:
    body = (
        "<p>Das HTC Touch kommt im Juli für 499 Euro in die Läden.</p>"
        "<p>Alle weiteren Details zu den technischen Daten gibt es in der "
        '<a href="https://www.computerbase.de/2007-06/htc-touch/">Vorstellungs-News</a>.</p>'
        '<p>For more details on the budget, see <a href="https://grants.example.org/b">this '
        "page</a>.</p><p>More details emerged on Tuesday about the budget, officials said.</p>"
    )
    ext = extract(body)
    for opening in ("Alle weiteren Details", "For more details"):
        pointer = sentence(ext, opening)
        assert not pointer.citations and not pointer.is_claim
    assert sentence(ext, "More details emerged").is_claim  # news, not a pointer


def test_a_picture_credit_glued_to_the_last_sentence_is_a_sentence_apart() -> None:
    assert split("Private Anbieter unterliegen der Aufsicht der Kartellbehörden.Foto: dpa") == [
        "Private Anbieter unterliegen der Aufsicht der Kartellbehörden.",
        "Foto: dpa",
    ]
    assert split("Die Seite example.de wurde 2019 gegründet.") == [
        "Die Seite example.de wurde 2019 gegründet."
    ]


def test_picture_credits_are_chrome() -> None:
    body = (
        "<p>Die FAZ druckte den Aufruf am 2. April 2019 auf ihrer Titelseite.</p>"
        '<p style="font-size:12px"><u>Beitragsbild:</u> Titelseite der FAZ vom 2.4.2019, '
        "Ausriss.</p>"
        '<p><small>Photo (cc) : <a href="http://www.flickr.com/photos/svenwerk/228">svenwerk'
        "</a></small></p>"
        "<p>Das Bildmaterial wurde von <b>The Machine Company</b> zur Verfügung gestellt.</p>"
    )
    ext = extract(body)
    assert "Titelseite der FAZ vom" not in ext.text
    assert "svenwerk" not in ext.text and "Bildmaterial" not in ext.text
    assert not [s for s in ext.sources if "flickr" in (s.url or "")]


def test_a_line_sending_the_reader_on_is_no_credit_of_the_quotation_above() -> None:
    body = (
        "<p>Über den Autor:</p><blockquote><div>Klaas Bollhoefer ist Chief Evangelist der "
        "Machine Company und lehrt seit 2015 Data Science an der Hochschule in Köln.</div>"
        '</blockquote><p><a href="/die-suche-im-webshop/">Lesen Sie hier einen weiteren '
        "spannenden Beitrag …</a></p>"
    )
    assert not sentence(extract(body), "Klaas Bollhoefer ist").citations


def test_a_kicker_inside_the_headline_is_left_out_when_the_title_names_the_story_without_it() -> (
    None
):
    html = """<html lang="de"><head><title>BMJV | Transparenz bei Preisanpassungen</title></head>
<body><h1 class="aural">Bundesministerium der Justiz</h1><h1>Verbraucherportal</h1>
<div id="content"><h1><span class="category"><span class="aural">Thema </span>Verbraucherschutz
</span>Mehr Transparenz bei Preisanpassungen</h1>
<p>Viele Verträge enthalten Klauseln, nach denen der Anbieter die Preise ändern darf, wenn
seine Kosten steigen, und die Gerichte prüfen solche Klauseln seit Jahren sehr genau.</p>
</div></body></html>"""
    ext = run_pipeline(html, "https://www.bmjv.example/verbraucher/preise.html")
    assert ext.title == "Mehr Transparenz bei Preisanpassungen"


def test_the_reporters_unanswered_question_is_no_claim() -> None:
    body = (
        "<p>The agency paid $4.2 million for the contract in 2019.</p>"
        "<p>Pacifica did not respond to a request for comment.</p>"
        "<p>We asked the post’s author where the 5,000 figure came from but did not receive a "
        "reply.</p><p>A representative for Altrix declined to comment.</p>"
    )
    ext = extract(body)
    assert sentence(ext, "The agency paid").is_claim
    for opening in ("Pacifica did not", "We asked the post", "A representative for"):
        assert not sentence(ext, opening).is_claim


def test_a_pointer_to_more_information_and_a_print_edition_notice_are_no_claims() -> None:
    body = (
        "<p>The studio laid off 40 people in March, the company said.</p>"
        '<p>You can find additional information about our ethics policy <a href="/ethics">'
        "here</a>.</p><p>Published in February 2017 issue of Prospect Magazine</p>"
    )
    ext = extract(body)
    assert not sentence(ext, "You can find additional").is_claim
    assert "Prospect Magazine" not in ext.text
