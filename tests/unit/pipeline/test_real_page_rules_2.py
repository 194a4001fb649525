"""More citation habits of real pages (embedded posts, hover cards, tips boxes, study authors), each
on minimal HTML of our own."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

from app.urls import normalize_source_url

TWEET = "https://twitter.com/someone/status/1196540095848996871"
PAPER = "https://doi.org/10.1000/example.2019.1"


def _tweet(url: str = TWEET) -> str:
    return (
        '<blockquote class="twitter-tweet"><p lang="en">Why trademark a slogan nobody wants?'
        f'</p>— Some One (@someone) <a href="{url}?ref_src=twsrc">November 18, 2019</a>'
        "</blockquote>"
    )


def test_an_embedded_post_cites_the_sentence_that_introduces_it() -> None:
    ext = extract(
        "<p>The state paid $449,000 for the campaign. Another user wondered why the state "
        f"bothered to trademark the tagline.</p>{_tweet()}<p>The governor defended it.</p>"
    )
    assert urls(sentence(ext, "Another user wondered")) == {normalize_source_url(TWEET)}
    assert urls(sentence(ext, "The state paid")) == set()
    # the post's words and its signature line stay text, but are no claims and cite nothing
    post = [s for s in ext.sentences if "@someone" in s.text or "nobody wants" in s.text]
    assert post and not [s for s in post if s.is_claim or s.citations]
    assert normalize_source_url(TWEET) in {s.url for s in ext.sources}


def test_an_embedded_post_after_an_unrelated_sentence_cites_nothing() -> None:
    ext = extract(
        "<p>The festival, which typically runs five days, began on October 27 this year.</p>"
        f"{_tweet()}<p>Smog levels peaked a week later.</p>"
    )
    assert urls(sentence(ext, "The festival")) == set()


def test_a_hover_card_is_not_part_of_the_sentence_it_sits_in() -> None:
    ext = extract(
        '<p>South Dakota Gov. <span class="rollover-people"><a href="/people/noem">Kristi Noem'
        '</a><span class="rollover-people-block"><a class="name" href="/people/noem">Kristi '
        'Lynn Noem</a> <a href="/news/1-pipeline-law">South Dakota drops pipeline laws</a>'
        "</span></span> on Tuesday defended the campaign, which cost $449,000.</p>"
    )
    lead = sentence(ext, "South Dakota Gov.")
    assert "Kristi Noem on Tuesday defended" in lead.text
    assert "pipeline" not in lead.text and "Lynn" not in lead.text


def test_a_tips_box_is_no_claim() -> None:
    ext = extract(
        "<p>Instagram hides like counts in 12 countries.</p><blockquote><p>Is there something "
        'you think we should know? Email the writer at <a href="mailto:w@example.org">'
        "w@example.org</a>. We protect the confidentiality of our sources; here are the "
        'instructions for using <a href="https://news.example.org/securedrop/">SecureDrop</a>. '
        "You can also mail us materials at 520 Third Street, Suite 350.</p></blockquote>"
    )
    assert not [s for s in ext.sentences if s.is_claim and "Third Street" in s.text]
    assert not [s for s in ext.sentences if "confidentiality" in s.text and s.citations]


def test_the_study_authors_speaking_rest_on_the_paper() -> None:
    ext = extract(
        f'<p>The work appeared in the journal <a href="{PAPER}">Psychiatry Today</a>.</p>'
        "<p>Occasional use is not thought to cause problems, the authors said.</p>"
        "<p>Heavy use is linked to lower attainment, say the researchers.</p>"
        "<p>As the authors explain, the data come from a national survey of 505,796 people.</p>"
        "<p>The researchers found that 25 percent more teens were affected.</p>"
        "<p>Existing research into the drug shows it raises the heart rate by 20%.</p>"
    )
    paper = {normalize_source_url(PAPER)}
    for start in ("Occasional use", "Heavy use", "As the authors", "Existing research"):
        assert urls(sentence(ext, start)) == paper, start
    # "the researchers found" makes them actors: what they did, not what they say
    assert urls(sentence(ext, "The researchers found")) == set()


def test_a_reference_book_on_a_scholarly_site_is_not_the_study() -> None:
    book = "https://www.ncbi.nlm.nih.gov/books/NBK538131/"
    ext = extract(
        f'<p>The findings were published in <a href="{PAPER}">Psychiatry Today</a>.</p>'
        f'<p>The disorder <a href="{book}">affects daily life</a> over a year or more.</p>'
        "<p>Occasional use is not thought to cause problems, the authors said.</p>"
    )
    assert urls(sentence(ext, "Occasional use")) == {normalize_source_url(PAPER)}


def test_a_bare_identifier_line_and_a_dotless_host_cite_nothing() -> None:
    ext = extract(
        "<p>Hibernation would cut the spacecraft's mass by a third, the agency said.</p>"
        f'<p>DOI: <a href="{PAPER}">10.1000/example.2019.1</a></p>'
        '<p>Any user can convert a profile into a business one, <a href="http://says">says</a> '
        "the company.</p>"
    )
    assert not [s for s in ext.sentences if s.text.startswith("DOI") and s.citations]
    assert urls(sentence(ext, "Any user can")) == set()


def test_a_quoted_question_and_its_speech_tag_are_one_sentence() -> None:
    story = "https://wire.example.com/holmes-testimony"
    ext = extract(
        f'<p>State Department official David Holmes <a href="{story}">testified</a> that he '
        "recalled the call vividly.</p><p>“I then heard the president ask, quote, ‘So he’s "
        "going to do the investigation?’” Holmes testified.</p>"
    )
    quoted = sentence(ext, "“I then heard")
    assert quoted.text.endswith("Holmes testified.")
    assert urls(quoted) == {normalize_source_url(story)}


def test_a_quote_closed_by_writes_the_outlet_rests_on_its_story() -> None:
    story = "https://www.washingtonpost.com/world/2019/11/18/plague-case/"
    ext = extract(
        f'<p>A third case was confirmed, <a href="{story}">The Associated Press reports</a>.'
        "</p><p>After that outbreak, China “vastly improved its detection of infectious "
        "diseases,” writes the Associated Press.</p>"
    )
    assert urls(sentence(ext, "After that outbreak")) == {normalize_source_url(story)}


def test_a_reporter_named_with_the_linked_outlet_stands_for_its_story() -> None:
    story = "https://www.nytimes.com/2019/11/13/world/asia/plague-china.html"
    ext = extract(
        "<p>The couple was quarantined, according to Sui-Lee Wee of the "
        f'<a href="{story}">New York Times</a>.</p>'
        "<p>All 28 contacts were also disinfected and released, reports Wee.</p>"
    )
    assert urls(sentence(ext, "All 28 contacts")) == {normalize_source_url(story)}


def test_a_linked_video_is_a_source_and_a_chat_room_is_not() -> None:
    video = "https://www.youtube.com/watch?v=A3AdN7U24iU"
    ext = extract(
        f'<p>The team has kept every release compatible since 2015, <a href="{video}">as '
        "its lead explained in a 2019 talk</a>.</p><p>Help is at hand in the "
        '<a href="https://discord.gg/rust-lang">chat</a>, the '
        '<a href="https://www.reddit.com/r/rust/">subreddit</a> and '
        '<a href="https://stackoverflow.com/questions/tagged/rust">Stack Overflow</a>, '
        "where 3,000 questions are asked every year.</p>"
    )
    assert urls(sentence(ext, "The team has kept")) == {normalize_source_url(video)}
    assert urls(sentence(ext, "Help is at hand")) == set()


def test_a_figure_lead_in_and_a_fact_checks_rating_are_no_claims() -> None:
    chart = "https://charts.example.com/chartoftheday"
    ext = extract(
        "<p>Seizures of fentanyl rose 40% in fiscal year 2019.</p>"
        f'<p>This graphic, provided by <a href="{chart}">Statcharts</a>, shows the 11 states '
        "where recreational marijuana is legal.</p><p>The following chart summarizes the "
        "approximate value of the 2019 seizures.</p><p>We rate the statement Mostly True.</p>"
    )
    assert sentence(ext, "Seizures of fentanyl").is_claim
    for start in ("This graphic", "The following chart", "We rate the statement"):
        s = sentence(ext, start)
        assert not s.is_claim and not s.citations, start


def test_these_sites_point_back_at_the_sources_cited_together() -> None:
    one, two = "https://archive.example.org/a4FCe", "https://archive.example.org/EEoGj"
    ext = extract(
        f'<p>Some users pointed to articles on <a href="{one}">Walikali</a> and '
        f'<a href="{two}">Gossipgist</a> that put her net worth at $6 million.</p>'
        "<p>However, these sites offered no evidence to support their estimates. They do not "
        "describe any investment she made. Her salary was $180,000 a year, records show.</p>"
        "<p>Are these accounts real businesses?</p>"
    )
    both = {normalize_source_url(one), normalize_source_url(two)}
    assert urls(sentence(ext, "However, these sites")) == both
    assert urls(sentence(ext, "They do not")) == both
    assert urls(sentence(ext, "Her salary")) == set()
    assert urls(sentence(ext, "Are these accounts")) == set()


def test_advice_in_the_imperative_is_no_claim_even_when_cited() -> None:
    study = "https://www.ncbi.nlm.nih.gov/pubmed/12345"
    ext = extract(
        f'<p>Aim to sleep at least 8 hours a night to cut your risk (<a href="{study}">12</a>).'
        "</p><p>Additionally, try to eat slowly and enjoy food.</p>"
        "<p>Use of the drug rose 40% in 2019, the agency said.</p>"
    )
    aim = sentence(ext, "Aim to sleep")
    assert not aim.is_claim and urls(aim) == {normalize_source_url(study)}
    assert not sentence(ext, "Additionally, try").is_claim
    assert sentence(ext, "Use of the drug").is_claim


def test_a_story_card_and_an_authors_plug_are_chrome() -> None:
    ext = extract(
        "<p>Nearly 150 Indians returned home on Wednesday after being deported.</p>"
        '<ul><li><a href="/2019/11/other">Internet in Kashmir soon: minister</a> <span>NEW '
        "DELHI: The minister said on Wednesday that 98 per cent of the connections will be "
        "restored as soon as the local administration feels it is...</span></li></ul>"
        '<p><em>Jo Writer\'s book about alien life, "Out There" (2018), is out now. Follow '
        "her on Twitter @jowriter.</em></p>"
    )
    texts = " ".join(s.text for s in ext.sentences)
    assert "Nearly 150 Indians" in texts
    assert "98 per cent" not in texts and "is out now" not in texts


def test_a_term_linked_to_the_sites_own_explainer_is_no_citation() -> None:
    explainer = "https://news.example.org/nutrition/22-high-fiber-foods"
    story = "https://news.example.org/2019/11/12/fiber-study-results"
    ext = extract(
        f'<p>Eating <a href="{explainer}">fiber-rich foods</a> can keep you full for hours.</p>'
        f'<p>Last week we <a href="{story}">reported that a trial of 200 adults</a> found fiber '
        "cut cravings by 20%.</p>"
    )
    assert urls(sentence(ext, "Eating fiber-rich")) == set()
    assert urls(sentence(ext, "Last week we")) == {normalize_source_url(story)}


def test_said_in_the_statement_points_at_the_statement_already_linked() -> None:
    release = "https://www.agency.example.gov/press-release/new-partners"
    ext = extract(
        f'<p>"Companies of all sizes are joining," the administrator <a href="{release}">said in '
        'a statement</a>.</p><p>"The initiative was designed to get to the moon by 2024," '
        "Thomas Zurbuchen, the agency's science chief, said in the statement.</p>"
        '<p>"We are 14 firms now," Steve Clarke said in a call with reporters.</p>'
    )
    assert urls(sentence(ext, '"The initiative')) == {normalize_source_url(release)}
    assert urls(sentence(ext, '"We are 14')) == set()


def test_studies_show_rests_on_the_cited_examples_that_follow() -> None:
    one, two = "https://www.ncbi.nlm.nih.gov/pubmed/111", "https://www.ncbi.nlm.nih.gov/pubmed/222"
    ext = extract(
        "<p>Studies indicate that yoga can reduce the risk of emotional eating.</p>"
        f'<p>One small study in 50 people showed a 30% drop (<a href="{one}">1</a>).</p>'
        f'<p>Another study in 20 girls found a similar effect (<a href="{two}">2</a>).</p>'
        "<p>Research suggests that sleep matters too.</p><p>Most adults need 8 hours.</p>"
    )
    lead = sentence(ext, "Studies indicate")
    assert urls(lead) == {normalize_source_url(one), normalize_source_url(two)}
    assert urls(sentence(ext, "Research suggests")) == set()


def test_a_list_intro_and_an_uncited_what_if_are_no_claims() -> None:
    poll = "https://poll.example.com/2019/11/impeachment"
    ext = extract(
        "<p>Here are 15 tips to help overcome binge eating.</p>"
        "<p>Voters could have shown they were tired of the investigations in 2019.</p>"
        f'<p>The fine could be as large as $5 billion, <a href="{poll}">the filing shows</a>.</p>'
        "<p>Turnout rose 12% over 2015 in the state's 64 parishes.</p>"
    )
    assert not sentence(ext, "Here are 15").is_claim
    assert not sentence(ext, "Voters could have").is_claim
    assert sentence(ext, "The fine could be").is_claim
    assert sentence(ext, "Turnout rose").is_claim


def test_an_embedded_post_cites_the_sentence_that_quotes_it_in_a_chrome_wrapper() -> None:
    post = "https://twitter.com/govnoem/status/1196553520201248768"
    ext = extract(
        "<p>“Hey Twitter, the whole point of this ad campaign is to raise awareness,” Noem "
        "said online.</p><p>The state spent $449,000 on it.</p>"
        '<p>“South Dakota has a problem,” the site says.</p><div class="social-media-embed">'
        '<blockquote class="twitter-tweet"><p>Hey Twitter, the whole point of this ad campaign '
        "is to raise awareness. So I think that’s working...</p>— Governor Noem (@govnoem) "
        f'<a href="{post}">November 18, 2019</a></blockquote></div>'
    )
    assert urls(sentence(ext, "“Hey Twitter")) == {normalize_source_url(post)}
    assert urls(sentence(ext, "“South Dakota")) == set()
