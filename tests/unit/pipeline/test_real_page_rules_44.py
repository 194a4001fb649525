"""Rules from the real corpus in session 19 (gate 44: German pages of trafilatura's test cache)."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls


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


_JUDGMENT = "https://blog.example.de/uploads/2018/06/Urteil-vom-24.05.2018-anonymisiert.pdf"


def _ruling_page(extra: str = "") -> str:
    return (
        f'<p>Es lohnt sich, <a href="{_JUDGMENT}">das Urteil des Landgerichts in voller Länge'
        "</a> zu lesen.</p>"
        '<p>Andere fanden es <a href="https://news.example.com/absurdes-urteil-instagram/">'
        "absurd</a>, wie der Bericht zeigt.</p>"
        "<p>Die Influencerin hat 50.000 Follower auf Instagram.</p>"
        "<p>Dennoch nennt das Gericht die Zahl der Follower als entscheidenden Faktor.</p>"
        "<p>Die Postings seien darum keine redaktionellen Inhalte.</p>"
        "<p>Ich halte das für falsch, und die Branche sei verunsichert, sagen viele.</p>" + extra
    )


def test_what_the_court_says_rests_on_the_one_ruling_the_article_links() -> None:
    ext = extract(_ruling_page())
    assert urls(sentence(ext, "Dennoch nennt das Gericht")) == {_JUDGMENT}
    # German indirect speech goes on reporting the court
    assert urls(sentence(ext, "Die Postings seien")) == {_JUDGMENT}
    assert not urls(sentence(ext, "Die Influencerin hat"))
    assert not urls(sentence(ext, "Ich halte das"))  # the writer's own word


def test_a_story_about_a_ruling_is_not_the_ruling() -> None:
    body = (
        '<p>Andere fanden <a href="https://news.example.com/absurdes-urteil-instagram/">es '
        "absurd</a>, wie der Bericht zeigt.</p>"
        "<p>Dennoch nennt das Gericht die Zahl der Follower als entscheidenden Faktor.</p>"
    )
    assert not urls(sentence(extract(body), "Dennoch nennt das Gericht"))


def test_the_court_in_english_rests_on_the_linked_opinion() -> None:
    body = (
        '<p>Read <a href="https://www.supremecourt.example.gov/opinions/22-451.pdf">the '
        "court's ruling</a> here.</p><p>The court wrote that the agency had exceeded its "
        "authority under the 1970 act.</p>"
    )
    ext = extract(body)
    assert urls(sentence(ext, "The court wrote")) == {
        "https://supremecourt.example.gov/opinions/22-451.pdf"
    }


def test_a_german_sentence_reporting_the_post_below_cites_it() -> None:
    post = "https://twitter.com/RobertHabeck/status/1002930867692597250"
    body = (
        "<p>Der Grünen-Vorsitzende nahm die Meldung auf und retweetete sie mit einem "
        "Kommentar zum Zitat des Fraktionschefs.</p>"
        '<blockquote class="twitter-tweet"><p lang="de">Das ist keine Entgleisung, das ist '
        "Methode.</p>— Robert Habeck (@RobertHabeck) "
        f'<a href="{post}">June 2, 2018</a></blockquote>'
        "<p>Die Partei hat derzeit rund 75.000 Mitglieder.</p>"
    )
    ext = extract(body)
    assert urls(sentence(ext, "Der Grünen-Vorsitzende")) == {post}
    assert not urls(sentence(ext, "Die Partei hat"))
