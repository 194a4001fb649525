"""Citation habits of real pages, fourth batch (words relayed "via" an outlet, findings of a
linked social post, a case report linked once, the writer's own earlier review, a linked press
release, newsletter sign-ups and headline credit lines), each on minimal HTML of our own."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

from app.pipeline.citations.sources import SourceIndex

STORY = "https://www.nytimes.com/2026/04/30/sports/coach-interview.html"
POST = "https://twitter.com/benchlab/status/1234567890123456789"
PAPER = "https://doi.org/10.1136/bcr-2026-000001"
RELEASE = "https://www.justice.example.gov/usao-ed/pr/man-sentenced-for-fraud-scheme"


def test_an_outlet_named_by_its_initials_and_last_word_is_its_domain() -> None:
    index = SourceIndex()
    url = index.add(STORY)
    assert index.match("New York Times") == [url]
    assert index.match("New York Post") == []  # nypost is another domain
    assert index.match("Kansas City Star") == []


def test_words_relayed_via_an_outlet_rest_on_its_linked_story() -> None:
    ext = extract(
        "<p>Coach Dana Reyes said after the game that the team saw the win as the key to the "
        "season. They lost 20-17 instead.</p><p>“We always knew it was in front of us,” "
        "Reyes said, via the New York Times. “We needed "
        f'<a href="{STORY}">to win this one</a> today.”</p>'
    )
    story = "https://nytimes.com/2026/04/30/sports/coach-interview.html"
    assert urls(sentence(ext, "“We always knew")) == {story}
    # her paraphrase just before rests on the same story, the unattributed score does not
    assert urls(sentence(ext, "Coach Dana Reyes said")) == {story}
    assert urls(sentence(ext, "They lost")) == set()


def test_via_an_outlet_the_article_does_not_link_cites_nothing() -> None:
    ext = extract(
        "<p>“We always knew it was in front of us,” Reyes said, via the Boston Globe.</p>"
        f'<p>The <a href="{STORY}">Times</a> reported the loss.</p>'
    )
    assert urls(sentence(ext, "“We always knew")) == set()


def test_findings_of_a_linked_posts_author_rest_on_the_post() -> None:
    ext = extract(
        f'<p><a href="{POST}">Posted on social media by the testers at Bench Lab</a>, the new '
        "console port does not run smoothly.</p><p>Owners of the cheaper model get 30 frames a "
        "second.</p><p>Early tests by Bench Lab reveal that the frame rate drops below 40 in "
        "cities.</p><p>The group state that the two modes match those of older consoles.</p>"
        "<p>The group state that nothing else changed.</p>"
    )
    post = "https://twitter.com/benchlab/status/1234567890123456789"
    assert urls(sentence(ext, "Early tests by Bench Lab")) == {post}
    assert urls(sentence(ext, "The group state that the two")) == {post}
    assert urls(sentence(ext, "Owners of the cheaper model")) == set()


def test_the_group_with_no_post_named_before_cites_nothing() -> None:
    ext = extract(
        "<p>The group state that the two modes match those of older consoles.</p>"
        f'<p>Prices fell, <a href="{STORY}">the paper reported</a>.</p>'
    )
    assert urls(sentence(ext, "The group state")) == set()


def test_a_case_report_linked_once_at_the_end_carries_the_patients_words() -> None:
    ext = extract(
        "<p>A 40-year-old woman fell ill after moving house, according to a new case report."
        "</p><p>The doctor first suspected an infection.</p><p>“Climbing the stairs took half "
        "an hour,” the patient described in the case report. “I slept most of the day.”</p>"
        "<p>“I am fully well now,” the patient wrote in the case study.</p>"
        "<p>“I sleep well,” the man wrote in a patient perspective accompanying the case report."
        "</p>"
        "<p>The findings were published today in the journal "
        f'<a href="{PAPER}">Case Reports Example</a>.</p>'
    )
    paper = "https://doi.org/10.1136/bcr-2026-000001"
    for start in ("A 40-year-old", "“Climbing", "“I slept", "“I am fully", "“I sleep well"):
        assert urls(sentence(ext, start)) == {paper}, start
    assert urls(sentence(ext, "The doctor first")) == set()  # the narrative names no report


def test_the_writers_own_earlier_review_backs_we_called_it() -> None:
    ext = extract(
        "<p>We tried the service in London last week. We called it “a feat when it works.” "
        "It is peak Silicon Valley. "
        '<a href="/review-the-streaming-service-is-a-feat-when-it-works/">Read our review '
        "here</a>.</p>"
    )
    review = "https://news.example.org/review-the-streaming-service-is-a-feat-when-it-works"
    assert urls(sentence(ext, "We called it")) == {review}
    assert urls(sentence(ext, "We tried")) == set()
    assert review in {s.url for s in ext.sources}


def test_a_clause_long_own_link_opening_a_later_sentence_is_a_citation() -> None:
    ext = extract(
        "<p>Owners of the cheaper model get 30 frames a second. "
        '<a href="/2026/04/next-consoles-aim-higher-than-the-streaming-service">While not '
        "ideal for a service that boasts such power</a>, early impressions say the rate holds."
        '</p><p>Cheap plans sell. <a href="/2026/04/plans">Prices</a> vary.</p>'
    )
    assert urls(sentence(ext, "While not ideal")) == {
        "https://news.example.org/2026/04/next-consoles-aim-higher-than-the-streaming-service"
    }


def test_according_to_the_release_takes_the_press_release_linked_before() -> None:
    ext = extract(
        "<p>A local man pleaded guilty to fraud, the U.S. Attorney’s Office "
        f'<a href="{RELEASE}">announced</a> Monday.</p><p>He faces up to 20 years in prison. '
        "His sentencing is scheduled for May 4, according to the office release.</p>"
    )
    release = "https://justice.example.gov/usao-ed/pr/man-sentenced-for-fraud-scheme"
    assert urls(sentence(ext, "His sentencing")) == {release}
    assert urls(sentence(ext, "He faces")) == set()


def test_according_to_the_release_without_a_linked_release_cites_nothing() -> None:
    ext = extract(
        f'<p>Prices fell, <a href="{STORY}">the paper reported</a>.</p>'
        "<p>His sentencing is scheduled for May 4, according to the office release.</p>"
    )
    assert urls(sentence(ext, "His sentencing")) == set()


def test_an_own_story_linked_on_an_arrest_is_the_sites_earlier_reporting() -> None:
    ext = extract(
        "<p>The man was "
        '<a href="/news/437672-local-man-arrested-for-threats">arrested</a> in April for a '
        "phone call to the mayor’s office.</p>"
    )
    assert urls(sentence(ext, "The man was")) == {
        "https://news.example.org/news/437672-local-man-arrested-for-threats"
    }


def test_a_newsletter_sign_up_is_never_a_citation() -> None:
    ext = extract(
        "<p>Markets rose 2% on Monday, traders said. There's more where that came from. Sign "
        'up for <a href="https://www.morningbrief.example.com/">The Morning Brief</a> today to '
        "get the free daily newsletter.</p>"
        '<p>Subscribe to <a href="https://eepurl.com/abc123">our letter</a> for 40% off.</p>'
    )
    assert urls(sentence(ext, "Sign up for")) == set()
    assert urls(sentence(ext, "Subscribe to")) == set()
    assert not ext.sources


def test_a_headline_credit_line_is_a_reference_not_a_claims_citation() -> None:
    story = "https://www.wire.example.com/news/2026-05-01/why-the-singer-cannot-perform"
    ext = extract(
        "<p>The label bought the catalog for $300 million in June.</p>"
        "<p>Why Can’t the Singer Perform Her Songs? It’s Complicated "
        f'[<a href="{story}">Wire</a>]</p>'
    )
    assert all(not urls(s) for s in ext.sentences)
    assert not sentence(ext, "It’s Complicated").is_claim
    assert {s.url for s in ext.sources} == {
        "https://wire.example.com/news/2026-05-01/why-the-singer-cannot-perform"
    }


def test_a_bracketed_link_inside_a_paragraph_of_reporting_stays_a_citation() -> None:
    story = "https://www.wire.example.com/news/2026-05-01/why-the-singer-cannot-perform"
    ext = extract(
        "<p>The label bought the catalog for $300 million in June, and the singer says she "
        "cannot perform her old songs at the awards show next week, which her fans dispute "
        f'loudly on every platform they use [<a href="{story}">Wire</a>]</p>'
    )
    assert urls(sentence(ext, "The label bought")) == {
        "https://wire.example.com/news/2026-05-01/why-the-singer-cannot-perform"
    }


def test_read_it_here_is_a_pointer_not_a_citation() -> None:
    ext = extract(
        "<p>One of the cards, a poem, went on to win a prize in 1990. (You can read it "
        '<a href="https://poems.example.net/2014/12/21/the-winter-poem">here</a>.)</p>'
    )
    assert all(not urls(s) for s in ext.sentences)
    assert not ext.sources


def test_a_letter_posted_on_twitter_rests_on_the_embedded_post_of_its_author() -> None:
    tweet = "https://twitter.com/RepLee/status/1196847767764815872"
    ext = extract(
        "<p>Lee asked for mercy at the sentencing in a letter posted on Twitter Tuesday, "
        "saying a harsh sentence would not help.</p><p>Lee also met the judge in March.</p>"
        '<blockquote class="twitter-tweet"><p>Sharing my letter on the sentencing of a man who '
        "threatened my life. Mercy is our answer.</p>— Rep. Dana Lee (@RepLee) "
        f'<a href="{tweet}">November 19, 2026</a></blockquote>'
    )
    assert urls(sentence(ext, "Lee asked for mercy")) == {tweet}
    assert urls(sentence(ext, "Lee also met")) == set()
