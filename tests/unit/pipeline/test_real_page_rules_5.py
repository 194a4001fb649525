"""Citation habits of real pages, fifth batch (a newsletter of the site's own headlines,
labelled bare addresses), each on minimal HTML of our own."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

from app.pipeline.sentences import split_sentences
from app.pipeline.types import Block

OWN = "https://news.example.org/2026/05/01/city-council-votes-to-close-the-old-bridge"
SISTER = "https://www.news.example.com/mayor-resigns-after-budget-row-2026-5?r=US&IR=T"


def test_a_newsletter_item_rests_on_the_own_story_its_headline_links() -> None:
    ext = extract(
        "<p>Good morning! Here is the news you need today.</p><ol>"
        f'<li><strong><a href="{OWN}">The city council voted to close the old bridge for '
        "repairs</a>.</strong> The council confirmed that the works will take two years. "
        "Buses will run a longer route.</li>"
        f'<li><strong><a href="{SISTER}">The mayor resigned after a row over the city '
        "budget</a>.</strong> She will stay on until a successor is chosen in June.</li></ol>"
    )
    own = "https://news.example.org/2026/05/01/city-council-votes-to-close-the-old-bridge"
    sister = "https://news.example.com/mayor-resigns-after-budget-row-2026-5?r=US&IR=T"
    assert urls(sentence(ext, "The city council voted")) == {own}
    assert urls(sentence(ext, "The council confirmed")) == {own}  # it reports a source
    assert urls(sentence(ext, "Buses will run")) == set()  # it names none
    assert urls(sentence(ext, "The mayor resigned")) == {sister}  # the site's other domain
    assert urls(sentence(ext, "She will stay on")) == set()


def test_a_list_of_bare_own_headlines_cites_nothing() -> None:
    ext = extract(
        "<p>The council met on Monday to vote on the bridge, which opened in 1932.</p>"
        f'<ul><li><a href="{OWN}">The city council voted to close the old bridge for '
        "repairs</a></li></ul>"
    )
    assert all(not s.citations for s in ext.sentences)


def test_a_label_and_a_bare_address_is_a_pointer_not_a_source() -> None:
    ext = extract(
        "<p>The final is played in the national stadium, which holds 80,000 fans. Ticket "
        'details: <a href="http://www.finals.example.com/">http://www.finals.example.com/</a>'
        '</p><p><strong>Listen:</strong> <a href="http://po.example/ep12">'
        'http://po.example/ep12</a><br><strong>iTunes:</strong> <a href="http://po.example/'
        'ep12apple">http://po.example/ep12apple</a></p>'
    )
    assert all(not s.citations for s in ext.sentences), [
        (s.text, urls(s)) for s in ext.sentences if s.citations
    ]


def test_a_source_line_with_a_bare_address_still_cites() -> None:
    ext = extract(
        "<p>Unemployment fell to 3.9% in April, the lowest figure in a decade.</p>"
        '<p>Source: <a href="https://stats.example.gov/labour/april-2026">'
        "https://stats.example.gov/labour/april-2026</a></p>"
    )
    assert urls(sentence(ext, "Unemployment fell")) == {
        "https://stats.example.gov/labour/april-2026"
    }


GAZETTE = "https://www.ledger-gazette.com/sports/2026/05/01/coach-heyward-on-the-loss/stories/1"


def test_via_a_reporter_of_an_outlet_credits_the_outlets_linked_story() -> None:
    ext = extract(
        f'<p>Heyward said that he is <a href="{GAZETTE}">focused on the next game</a> after the '
        "loss.</p><p>“The most important thing is we lost,” Heyward said, via Dana Cole of the "
        "Springfield Ledger-Gazette.</p><p>“We move on,” Heyward said, via Dana Cole of the "
        "Springfield Herald.</p>"
    )
    story = "https://ledger-gazette.com/sports/2026/05/01/coach-heyward-on-the-loss/stories/1"
    assert urls(sentence(ext, "“The most important thing")) == {story}
    assert urls(sentence(ext, "“We move on")) == set()  # another outlet, never linked


REVIEW = "https://www.reviews.example.com/2026/05/01/20970297/cloud-console-review"
TWEET = "https://twitter.com/cityfc/status/1197040181657784320"


def test_a_paragraph_opening_with_a_linked_clause_and_ending_in_dots_is_no_story_card() -> None:
    ext = extract(
        f'<p><a href="{REVIEW}">According to the Daily Review’s test</a>, the console does '
        "not run its launch title in native 4K. The maker confirmed this in a statement…</p>"
        "<blockquote><p>When streaming at 4K, we render at 1080p and then upsample the "
        "picture.</p></blockquote><p>The console launches tomorrow in 14 countries.</p>"
    )
    review = "https://reviews.example.com/2026/05/01/20970297/cloud-console-review"
    assert urls(sentence(ext, "According to the Daily Review")) == {review}
    # "confirmed this" refers back to what the review reported, and the statement it quotes
    assert urls(sentence(ext, "The maker confirmed this")) == {review}
    assert urls(sentence(ext, "When streaming at 4K")) == {review}
    assert urls(sentence(ext, "The console launches")) == set()


def test_confirmed_this_to_another_outlet_or_after_an_unsourced_sentence_cites_nothing() -> None:
    ext = extract(
        "<p>The console does not run its launch title in native 4K. The maker confirmed this "
        f'in a statement.</p><p><a href="{REVIEW}">The Daily Review found</a> that the picture '
        "is soft. The maker confirmed this to The Courier.</p>"
    )
    assert urls(sentence(ext, "The maker confirmed this in")) == set()
    assert urls(sentence(ext, "The maker confirmed this to")) == set()


OLD_STORY = "https://news.example.org/story/coach-sacked-by-city-11865134"


def test_the_sites_own_story_linked_on_a_paragraphs_opening_words_is_a_citation() -> None:
    ext = extract(
        "<p>City have appointed a new manager until the end of the 2028 season.</p>"
        f'<p><strong><a href="{OLD_STORY}">The coach was sacked</a> </strong>last night after '
        "five years in charge.</p>"
        f'<ul><li><a href="{OLD_STORY}">The coach was sacked</a></li></ul>'
    )
    assert urls(sentence(ext, "The coach was sacked last night")) == {OLD_STORY}


def test_a_statement_by_the_author_of_an_embedded_post_rests_on_the_post() -> None:
    ext = extract(
        '<p>City said in a statement: "Jo is one of the most accomplished managers in the '
        'game.</p><p>"She is known for her tactics and has managed four clubs.</p>'
        '<div class="article-widget article-tweet">'
        '<blockquote class="twitter-tweet"><p lang="en">Club '
        f'statement</p>— City Football Club (@CityFC) <a href="{TWEET}?ref_src=twsrc">May 1, '
        '2026</a></blockquote><script async src="https://platform.twitter.com/widgets.js">'
        "</script></div>"
        '<p>"She has won the league in three different countries."</p>'
        "<p>The club's owner said in a statement that the budget will not change.</p>"
    )
    assert urls(sentence(ext, "City said in a statement")) == {TWEET}
    assert urls(sentence(ext, '"She is known')) == {TWEET}  # the quotation runs on
    assert urls(sentence(ext, '"She has won')) == {TWEET}
    assert urls(sentence(ext, "The club's owner said")) == set()  # not the post's author


def test_a_newsletter_headline_that_addresses_the_reader_still_cites_its_story() -> None:
    story = "https://news.example.org/2026/05/02/the-library-now-lets-you-borrow-e-books-free"
    ext = extract(
        f'<ol><li><strong><a href="{story}">The city library now lets you borrow e-books free '
        "on phones and tablets</a>.</strong> The library published a notice that said members "
        "need only their card number.</li></ol>"
    )
    assert urls(sentence(ext, "The city library now lets you")) == {story}
    assert urls(sentence(ext, "The library published")) == {story}


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, [Block("paragraph", 0, len(text))])]


def test_a_capital_letter_ends_a_sentence_before_a_word_that_opens_one() -> None:
    assert _split("It matches the Series X. So, a little better than before.") == [
        "It matches the Series X.",
        "So, a little better than before.",
    ]
    assert _split("Malcolm X. Jones spoke first.") == ["Malcolm X. Jones spoke first."]


def test_an_elision_between_quoted_sentences_ends_one_and_is_no_sentence() -> None:
    assert _split("He said \"you can't claim that. … You get what's coming.\"") == [
        "He said \"you can't claim that.",
        "You get what's coming.\"",
    ]
    assert _split("Prices fell … and then rose.") == ["Prices fell … and then rose."]


def test_a_caption_the_embedded_post_does_not_carry_is_another_post() -> None:
    embed = (
        '<div class="article-widget article-tweet"><blockquote class="twitter-tweet">'
        '<p lang="en">Club statement</p>— Harbury Hotspur (@HarburyFC) '
        f'<a href="{TWEET}">May 1, 2026</a></blockquote>'
        '<script async src="https://platform.twitter.com/widgets.js"></script></div>'
    )
    ext = extract(
        f"<p>Harbury announced the new manager on Wednesday morning.</p>{embed}"
        "<p>Harbury posted a photo of the manager from its Twitter account, with the caption: "
        '"Welcome Jo".</p><p>Harbury posted the news on its Twitter account, with the caption: '
        '"Club statement".</p>'
    )
    assert urls(sentence(ext, "Harbury posted a photo")) == set()
    assert urls(sentence(ext, "Harbury posted the news")) == {TWEET}
