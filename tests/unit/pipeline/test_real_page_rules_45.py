"""Rules from the real corpus in session 20 (gate 45: German and French pages of htmldate's
test cache)."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

from app.pipeline import run_pipeline
from app.pipeline.citations.reference_list import is_reference_heading

_ORIGINAL = "https://desarmons.example.net/2019/06/20/les-grenades-et-le-maintien-de-lordre"


def _excerpt(credit: str) -> str:
    return (
        "<p>Nous relayons ici un article paru la semaine dernière.</p>"
        "<blockquote><p>À 00h49, les gendarmes tirent les premières grenades lacrymogènes.</p>"
        "<p>Au cours de la nuit, les gendarmes lanceront 237 grenades lacrymogènes et 41 balles "
        "de LBD 40.</p></blockquote>" + credit
    )


def test_a_quoted_excerpt_rests_on_the_page_whose_rest_the_reader_is_sent_to() -> None:
    ext = extract(_excerpt(f'<div><strong>Lire la suite sur <a href="{_ORIGINAL}">Désarmons-les'
                           "<small> </small>!</a></strong></div>"))  # fmt: skip
    assert urls(sentence(ext, "À 00h49, les gendarmes")) == {_ORIGINAL}
    assert urls(sentence(ext, "Au cours de la nuit")) == {_ORIGINAL}
    assert "Lire la suite" not in ext.text


def test_continue_reading_in_english_and_german_credits_the_excerpt_too() -> None:
    for line in (f'<p>Continue reading at <a href="{_ORIGINAL}">Désarmons-les</a></p>',
                 f'<p>Weiterlesen bei <a href="{_ORIGINAL}">Désarmons-les</a></p>'):  # fmt: skip
        assert urls(sentence(extract(_excerpt(line)), "Au cours de la nuit")) == {_ORIGINAL}


def test_a_line_sending_the_reader_to_other_reading_credits_no_excerpt() -> None:
    line = f'<p>Lisez aussi <a href="{_ORIGINAL}">notre dossier sur les grenades</a></p>'
    assert not urls(sentence(extract(_excerpt(line)), "Au cours de la nuit"))


def test_a_story_that_is_one_long_quotation_keeps_the_line_crediting_it() -> None:
    facts = " ".join(
        f"<p>À 01h{m:02d}, les gendarmes tirent {m + 3} grenades lacrymogènes sur la zone de "
        f"Sivens, selon le rapport de l'inspection, qui détaille chaque tir de la nuit.</p>"
        for m in range(10, 40, 3)
    )
    body = (
        '<div class="texte-principal"><h3>Le déroulé des faits</h3>'
        f"<blockquote>{facts}</blockquote>"
        f'<div class="encadre"><div><strong>Lire la suite sur <a href="{_ORIGINAL}">'
        "Désarmons-les !</a></strong></div></div></div>"
    )
    ext = extract(body)
    assert urls(sentence(ext, "À 01h13, les gendarmes")) == {_ORIGINAL}
    assert urls(sentence(ext, "À 01h37, les gendarmes")) == {_ORIGINAL}


def test_a_range_of_days_before_a_month_ends_no_sentence() -> None:
    body = (
        "<p>Die 43-jährige Darstellerin sagte am Wochenende [15./16. Juni] in Bayern Ja zu ihrem "
        "Verlobten. Die Messe lief vom 3.–5. Mai in Köln mit 40.000 Besuchern.</p>"
    )
    ext = extract(body)
    assert sentence(ext, "Die 43-jährige").text.endswith("zu ihrem Verlobten.")
    assert sentence(ext, "Die Messe lief").text.endswith("40.000 Besuchern.")


def test_a_pages_legal_small_print_is_no_claim() -> None:
    body = (
        "<p>Der DOW Jones schloss am Freitag bei 13.190 Punkten, 120 Punkte unter dem Vortag.</p>"
        '<p><span style="font-size: xx-small;">Alle Angaben ohne Gewähr.</span><br>'
        '<span style="font-size: xx-small;">Der Kunde handelt in eigener Verantwortung und auf '
        "eigenes Risiko.<br>Kursdaten auf den Charts können um bis zu 2 Prozent vom realen "
        "Kurswert abweichen.</span></p>"
    )
    ext = extract(body)
    assert sentence(ext, "Der DOW Jones schloss").is_claim
    assert not sentence(ext, "Kursdaten auf den Charts").is_claim
    assert not sentence(ext, "Der Kunde handelt").is_claim


def test_a_note_on_which_version_of_an_interview_this_is_is_no_claim() -> None:
    body = (
        "<p>Forbes Media was valued at $475 million in a 2014 deal, the company said.</p>"
        "<p>This is the extended version of an interview that was first published in German "
        "translation in the print edition of 24 January 2019.</p>"
    )
    ext = extract(body)
    assert not sentence(ext, "This is the extended version").is_claim


def _titled(head: str, h1: str) -> str:
    story = " ".join(
        f"<p>Die Zahl der Beschäftigten in der Branche stieg {y} um {y - 2000} Prozent, wie das "
        "Statistische Bundesamt in Wiesbaden am Montag mitteilte.</p>"
        for y in range(2010, 2016)
    )
    return (
        f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">{head}</head><body>'
        f"<main><article><h1>{h1}</h1>{story}</article></main></body></html>"
    )


def test_a_kicker_the_titles_put_before_the_headline_is_left_out() -> None:
    html = _titled(
        '<meta property="og:title" content="Die Arbeitswelt von morgen: Sieben Berufe, die '
        'Zukunft haben"><title>Die Arbeitswelt von morgen: Sieben Berufe, die Zukunft haben - '
        "cp.example</title>",
        "Sieben Berufe, die Zukunft haben",
    )
    assert run_pipeline(html, "https://cp.example/a/sieben-berufe").title == (
        "Sieben Berufe, die Zukunft haben"
    )


def test_a_roofline_glued_to_the_headline_is_left_out() -> None:
    html = _titled(
        "<title>Manuela Reimann: Hochzeitsüberraschung in Bayern! | Wunder</title>",
        '<span class="article-header__roofline typo--roofline">Wow, wow, wow!</span>'
        "Manuela Reimann: Hochzeitsüberraschung in Bayern!",
    )
    assert run_pipeline(html, "https://wunder.example/manuela").title == (
        "Manuela Reimann: Hochzeitsüberraschung in Bayern!"
    )


def test_a_kicker_the_titles_carry_too_stays() -> None:
    html = _titled(
        "<title>Wow, wow, wow! Manuela Reimann: Hochzeitsüberraschung | Wunder</title>",
        '<span class="article-header__roofline">Wow, wow, wow! </span>'
        "Manuela Reimann: Hochzeitsüberraschung",
    )
    title = run_pipeline(html, "https://wunder.example/manuela").title
    assert title == "Wow, wow, wow! Manuela Reimann: Hochzeitsüberraschung"


def test_lines_sending_the_reader_on_are_neither_claims_nor_citations() -> None:
    body = (
        "<p>Bis 2045 sollen 80 Prozent des Stroms aus Wasserstoff und Wind kommen, so der Plan "
        "der Regierung vom März.</p>"
        '<p>Hier findest du alle Infos zu unserem Klimapaket! <a href="https://party.example/'
        'klima">Klimapaket</a></p>'
        '<p>Hier geht’s zur <a href="https://www.facebook.com/events/123">Facebook '
        "Veranstaltung</a> mit 500 Gästen.</p>"
        '<p>Voir en ligne : <a href="https://www.liberation.fr/debats/2019/05/02/pma_1724583">'
        "« PMA : de futurs enfants stigmatisés par le droit ? », tribune de 2019</a></p>"
    )
    ext = extract(body)
    for opening in ("Hier findest du", "Hier geht’s zur", "Voir en ligne"):
        found = sentence(ext, opening)
        assert not found.is_claim and not urls(found), opening
    assert sentence(ext, "Bis 2045 sollen").is_claim


def test_a_story_in_an_element_named_like_a_teaser_is_still_the_story() -> None:
    story = "".join(
        f"<p>Im Stadtrat wurde am {d}. Mai der Bebauungsplan für die Schule Nummer {d} mit "
        f"{20 + d} Stimmen beschlossen, teilte die Stadtverwaltung am Donnerstag mit.</p>"
        for d in range(2, 12)
    )
    body = (
        "<p>Die Fraktion begrüßt die Entscheidung des Rates ausdrücklich.</p>"
        f'<div id="blog_detail" class="blog_teaser_text">{story}</div>'
    )
    after = (
        "<p>Die Fraktion hatte den Antrag im März gemeinsam mit zwei weiteren Fraktionen "
        "eingebracht und im Ausschuss für Stadtentwicklung mehrfach beraten lassen.</p>"
    )
    ext = extract(body, after=after)
    assert sentence(ext, "Im Stadtrat wurde am 5. Mai").is_claim


def test_prose_pasted_with_a_chrome_named_span_around_it_is_kept() -> None:
    body = (
        '<p><span class="_4n-j _fbReactionComponent__eventDetailsContentTags fsl">Austragungsort '
        "ist der Straberger See bei Dormagen, wo Europas Miniramp-Elite um ein Preisgeld von "
        "5.000 Euro fährt.</span></p>"
        '<p>Die Afterparty beginnt um 23 Uhr im Club Veedel. <span class="post-tags">Tags: '
        "Miniramp, Köln</span></p>"
    )
    ext = extract(body)
    assert sentence(ext, "Austragungsort ist der Straberger See").is_claim
    assert "Miniramp, Köln" not in ext.text  # a short span named like chrome stays out


def test_a_map_of_the_office_is_no_source_and_the_way_there_no_claim() -> None:
    maps = "https://www.google.at/maps/place/Minoritenplatz+8,+1010+Wien/@48.20,16.36,17z"
    body = (
        f'<p>Das Treffen fand im Ministerium am <a href="{maps}">Minoritenplatz 8</a> statt, '
        "wo 40 Delegierte tagten.</p>"
        f'<p>Minoritenplatz 8, 1010 Wien<br><a href="{maps}">So finden Sie uns</a></p>'
    )
    ext = extract(body)
    assert not urls(sentence(ext, "Das Treffen fand"))
    way = sentence(ext, "So finden Sie uns")
    assert not way.is_claim and not urls(way)


def test_a_sources_label_over_a_picture_credit_is_chrome() -> None:
    body = (
        "<p>Die EZB senkte den Leitzins im September 2014 auf 0,05 Prozent.</p>"
        '<p><strong>Quellen</strong>\nBild: <a href="http://www.shutterstock.com/gallery-480532p1'
        '.html">S-F</a> / <a href="http://www.shutterstock.com/editorial">Shutterstock.com</a></p>'
    )
    ext = extract(body)
    assert "Shutterstock" not in ext.text
    assert not ext.sources


def _dated(line: str, *, lang: str = "de") -> str | None:
    story = "".join(
        f"<p>Die Landtagswahl brachte der Partei {n} Prozent der Stimmen, teilte der "
        "Landeswahlleiter am Abend in Kiel mit.</p>"
        for n in range(20, 26)
    )
    html = (
        f'<!DOCTYPE html><html lang="{lang}"><head><title>Der neue Trend</title></head><body>'
        f"<h2>Der neue Trend</h2>{line}<div>{story}</div></body></html>"
    )
    return run_pipeline(html, "https://carta.example/der-neue-trend/").published


def test_a_line_that_is_only_the_posts_date_dates_it() -> None:
    assert _dated('<p>von <a href="/author/ks/">Klaus Schöpp</a>, 8.5.12</p>') == "2012-05-08"
    assert _dated("<div>14.06.2019 (ch)<div>4 Sterne</div></div>") == "2019-06-14"
    assert _dated("<h5>23.01.2019</h5>", lang="") == "2019-01-23"  # no locale: day first
    assert _dated("<p>Seit dem 8.5.12 gilt das neue Wahlrecht in Kiel.</p>") is None  # prose


def test_a_venues_address_written_out_under_its_name_is_no_source() -> None:
    body = (
        "<p>Im Sommer ist Montauk voll, die Hochsaison reicht von Memorial Day bis Labor Day.</p>"
        '<p>Inlet Seafood<br><a href="http://inletseafood.com">http://inletseafood.com</a></p>'
        '<p>Navy Beach<br><a href="https://www.navybeach.com/">https://www.navybeach.com</a></p>'
    )
    assert not extract(body).sources


def test_a_plain_paragraph_naming_a_german_source_list_heads_it() -> None:
    body = (
        "<p>Im Volksmund heißen die Trassen auch Totenwege.<sup><strong>1</strong></sup></p>"
        "<p>Die erste Landhecke wird 1430 erwähnt.<sup><strong>2</strong></sup></p>"
        "<p><span>Quellenangabe</span></p>"
        '<p>[1] (<a href="https://de.wikipedia.org/wiki/Landwehr_(Befestigung)">Wikipedia: '
        "Landwehr</a>)</p>"
        "<p>[2] Josef Hesse, Geschichte des Kirchspiels Drolshagen (Seite 15).</p>"
    )
    ext = extract(body)
    assert urls(sentence(ext, "Im Volksmund heißen")) == {
        "https://de.wikipedia.org/wiki/Landwehr_(Befestigung)"
    }
    assert "Josef Hesse" not in ext.text  # the list is no part of the story


def test_german_and_french_reference_headings_are_known() -> None:
    for heading in ("Einzelnachweise", "Quellen", "Anmerkungen", "Notes et références"):
        assert is_reference_heading(heading), heading


def test_german_according_to_names_the_source_not_the_nouns_after_it() -> None:
    body = (
        "<p>Laut dem Robert Koch-Institut stieg die Zahl der Fälle um 20 Prozent.</p>"
        "<p>Der Studie des Imperial College zufolge müssten 30 Prozent der Patienten beatmet "
        "werden.</p>"
    )
    ext = extract(body)
    assert sentence(ext, "Laut dem Robert").attributed_to == ["Robert Koch-Institut"]
    assert sentence(ext, "Der Studie des").attributed_to == ["Imperial College"]


_POST = "https://www.instagram.com/p/ByzVwmRB0gM"


def test_sentences_under_an_embedded_post_that_speak_of_it_cite_it() -> None:
    body = (
        "<p>Beim ersten Blick auf das folgende Bild könnte man das fast denken:</p>"
        f'<blockquote class="instagram-media" data-instgrm-permalink="{_POST}/">'
        f'<p><a href="{_POST}/">Ein Beitrag geteilt von Manuela (@manuela)</a></p></blockquote>'
        "<p>Die beiden waren nur Gäste auf der Hochzeit von Freunden in Bayern.</p>"
        "<p>Manuela kommentierte ihren Post lediglich mit den Hashtags #wedding und #bayern.</p>"
        "<p>In den Kommentaren bestätigt sie dann auch, dass sie 2003 geheiratet haben.</p>"
        "<p>Der Minister hat seinen Posten 2019 verlassen, wie das Amt im Mai bestätigte.</p>"
    )
    ext = extract(body)
    post = "https://instagram.com/p/ByzVwmRB0gM"  # as normalised
    assert urls(sentence(ext, "Manuela kommentierte ihren Post")) == {post}
    assert urls(sentence(ext, "In den Kommentaren bestätigt")) == {post}
    assert not urls(sentence(ext, "Der Minister hat seinen Posten"))


def test_a_film_database_page_linked_on_a_name_is_no_source() -> None:
    body = (
        '<p>Wiig co-wrote the script with <a href="http://www.imdb.com/name/nm1754239/">Annie '
        'Mumolo</a> for <a href="http://www.imdb.com/title/tt1478338/">Bridesmaids</a>, which '
        "earned $286m worldwide.</p>"
        '<p>The <a href="https://www.imdb.com/title/tt0081150/">Oscar-winning</a> actress Mary '
        "Steenburgen wrote the song in 2009.</p>"
    )
    ext = extract(body)
    assert not urls(sentence(ext, "Wiig co-wrote"))
    assert urls(sentence(ext, "The Oscar-winning")) == {"https://imdb.com/title/tt0081150"}
