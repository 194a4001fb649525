"""Rules from the real corpus in session 16: the standfirst that shares the headline's box,
a headline written with a no-break space, and a profile box's blurb cut off by a length
limit."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

from app.pipeline import run_pipeline
from app.pipeline.citations.sources import is_scholarly, normalize_url

_URL = "https://blog.example.com/2019/06/19/more-diverse-speakers/"
_STORY = """<p>The group trained 120 new speakers in 2018, and 40% of them spoke at a
WordCamp within the year, its organisers reported.</p>
<p>Its workshops now run in 14 countries, up from three when the programme began in 2017.</p>"""


def _blog(title_box: str) -> str:
    return f"""<html><head><title>More Diverse Speakers? So Do We. &#8211; The Example Blog</title>
<meta property="og:title" content="More Diverse Speakers? So Do We."></head><body>
<div id="content"><div class="post">{title_box}
<div class="post-meta"><span class="date">June 19, 2019</span> by Jo Writer</div>
<div class="post-content">{_STORY}</div></div></div>
<footer>Powered by Example. Privacy policy.</footer></body></html>"""


def test_the_standfirst_in_the_headlines_box_is_shown_but_no_claim() -> None:
    dek = (
        "More diverse speakers at WordCamps means 30% more contributors to WordPress, and that "
        "results in better software for everyone."
    )
    box = f"""<div class="post-title-top"><h2 class="post-title">More Diverse Speakers? So
Do&nbsp;We.</h2><div class="entry"><p>{dek}</p></div></div>"""
    ext = run_pipeline(_blog(box), _URL)
    assert not sentence(ext, "More diverse speakers at WordCamps").is_claim
    assert sentence(ext, "The group trained 120 new speakers").is_claim
    # the headline, written with a no-break space, is the title and not a sentence of the body
    assert not [s for s in ext.sentences if s.text.startswith("So Do")]


def test_a_first_paragraph_after_the_byline_stays_the_stories_lede() -> None:
    box = (
        '<div class="post-title-top"><h2 class="post-title">More Diverse Speakers? So Do We.</h2>'
        "</div>"
    )
    ext = run_pipeline(_blog(box), _URL)
    assert sentence(ext, "The group trained 120 new speakers").is_claim


def test_a_headline_box_holding_the_whole_story_keeps_it() -> None:
    box = f"""<div class="post-title-top"><h2 class="post-title">More Diverse Speakers? So Do
We.</h2><div class="entry">{_STORY}<p>Organisers said 2020 would add 300 more seats.</p>
<p>Applications open in March, and past speakers will mentor each of the new ones.</p></div>
</div>"""
    ext = run_pipeline(_blog(box), _URL)
    assert sentence(ext, "Its workshops now run in 14 countries").is_claim


def test_a_blurb_cut_off_mid_sentence_is_no_claim() -> None:
    ext = extract(
        """<p>The company filed for a listing on Friday, valuing it at $50 billion.</p>
<hr><div class="module-profile"><div class="info"><strong>Company:</strong> Acme</div>
<div class="body-copy"><p>Acme is the world's largest maker of widgets, with over 500 million
sold.

Acme was founded by Ann Lee in February 2004, initially as a shop for students. It...</p>
</div></div>"""
    )
    assert sentence(ext, "The company filed for a listing").is_claim
    assert not sentence(ext, "Acme is the world's largest maker").is_claim
    assert not sentence(ext, "Acme was founded by Ann Lee").is_claim


def test_a_sentence_trailing_off_in_an_ellipsis_stays_a_claim() -> None:
    ext = extract(
        """<p>The city's repair budget rose by $2 million to $14 million in 2025, and the council
approved 40 new road jobs for the winter, the spring and the summer...</p>"""
    )
    assert sentence(ext, "The city's repair budget rose").is_claim


def _dated(meta_line: str, lang: str = "en") -> str | None:
    html = f"""<html lang="{lang}"><head><title>Stop buying what you don't need</title></head>
<body><article><h1>Stop buying what you don't need</h1><div class="post-meta">{meta_line}</div>
{_STORY}</article></body></html>"""
    return run_pipeline(html, "https://life.example.com/stop-buying-1690268064").published


def test_an_element_marked_as_the_publish_time_gives_the_day() -> None:
    shown = '<span class="published">3/09/15 8:00am</span>'
    assert _dated(
        f'<span data-publishtime="1425913200851" class="publish-time">{shown}</span>'
    ) == ("2015-03-09")
    assert _dated(f'<span class="publish-time">{shown}</span>') == "2015-03-09"  # month first
    stamped = (
        '<li class="date-published"><time datetime="2019-11-19 02:24:00 UTC">Nov 18, 2019 at '
        "9:24 pm ET</time></li>"
    )
    assert _dated(stamped) == "2019-11-19"  # the stamp it holds, not the local day it shows


def test_a_publisher_is_no_publication_date() -> None:
    assert _dated('<span class="publisher">Example Media 3/09/15</span>') != "2015-03-09"


_SPEECH = "https://docs.example.net/docs/5020/Hard-Choices-Speech-by-Thomas-Hoenig"


def _reported_speech(offer: str) -> str:
    return f"""<p>Federal Reserve Bank of Kansas City President Thomas M. Hoenig criticized the
Fed's policy of near-zero rates on Friday.</p>
<p>"Of course the market wants zero rates to continue indefinitely," Hoenig said in prepared
remarks. "Banks are earning a guaranteed return of 3 percent on free money from the Fed."</p>
<p>Consumption rose to 70 percent of output during the boom, he said, and that needs to come
back down.</p>
<p>The economy was "out of balance," Hoenig said. Among the factors he listed:</p>
<blockquote><p>Gross federal debt increased from 60 percent to 75 percent of GDP.</p></blockquote>
<p>"I wish free money was really free," said Hoenig, a longtime critic of the plan.</p>
<p>The Fed's board voted 9 to 1 on Tuesday to keep its zero-rate policy, officials said.</p>
{offer}"""


def test_remarks_offered_whole_under_the_story_carry_its_retelling() -> None:
    ext = extract(
        _reported_speech(
            f"""<p><strong>READ Hoenig's full remarks:</strong></p>
<p><object data="viewer.swf"></object><a href="{_SPEECH}">"Hard Choices" - Speech by Thomas
Hoenig of the Kansas City Fed</a></p>"""
        )
    )
    for start in (
        '"Of course the market wants',
        '"Banks are earning a guaranteed return',  # his next quotation
        "Consumption rose to 70 percent",  # "he said"
        "The economy was",
        "Gross federal debt increased",  # the passage quoted under his words
    ):
        assert urls(sentence(ext, start)) == {normalize_url(_SPEECH)}, start
    assert not urls(sentence(ext, "The Fed's board voted 9 to 1"))  # another speaker's
    assert not urls(sentence(ext, '"I wish free money was really free,"'))  # a wish, no claim


def test_a_link_under_no_offer_of_remarks_is_no_speakers_source() -> None:
    ext = extract(
        _reported_speech(
            f"""<p><strong>More from the Fed:</strong></p>
<p><a href="{_SPEECH}">"Hard Choices" - Speech by Thomas Hoenig of the Kansas City Fed</a></p>"""
        )
    )
    assert not urls(sentence(ext, '"Of course the market wants'))


def test_an_app_stores_listing_is_where_the_app_is_got_not_a_source() -> None:
    store = "https://itunes.apple.com/us/app/evernote/id281796108?mt=8"
    review = "https://reviews.example.com/2013/08/evernote-review"
    ext = extract(
        f"""<p>Evernote (<a href="{store}">iOS</a>) syncs notes across 4 devices for free, and
its <a href="{review}">review found</a> it the fastest of 12 apps tested.</p>"""
    )
    assert urls(sentence(ext, "Evernote (iOS) syncs notes")) == {normalize_url(review)}


def test_a_closing_bracket_of_credits_names_sources_but_claims_nothing() -> None:
    ext = extract(
        """<p>Students spent $1,200 on gear on average last year, a survey of 2,000 found.</p>
<p>Now all you need is a charger. [<a href="https://guide.example.com/apps">Technology
Guide</a> - <a href="https://www.fastcompany.example.com/3000980/5-apps-help-you-swing-back">
FastCo</a> <em>Top Image: <a href="https://stock.example.com/gallery-63814">Creativa</a>,
Notes Image: <a
href="https://stock.example.com/gallery-76219">wavebreakmedia</a> / Stock</em>]</p>"""
    )
    credits = sentence(ext, "[Technology Guide")
    assert not credits.is_claim and not credits.citations
    listed = {s.url for s in ext.sources}
    assert (
        normalize_url("https://www.fastcompany.example.com/3000980/5-apps-help-you-swing-back")
        in listed
    )  # drawn on
    assert normalize_url("https://stock.example.com/gallery-63814") not in listed  # a picture's


def test_a_follow_line_of_the_publications_accounts_is_chrome() -> None:
    ext = extract(
        """<p>The lab shipped 300 orders in 2014, the forum's records show.</p>
<p>Follow Backchannel: <a href="https://twitter.com/backchnnl">Twitter</a> |<a
href="https://facebook.com/backchannel">Facebook</a></p>"""
    )
    assert not [s for s in ext.sentences if s.text.startswith("Follow Backchannel")]


def test_the_sites_click_counter_to_another_sites_document_is_a_citation() -> None:
    plan = "https://www.whitehouse.gov/sites/default/files/docs/national_action_plan.pdf"
    click = f"/click?url={plan.replace(':', '%3A').replace('/', '%2F')}"
    ext = extract(
        f"""<p>The White House released a <a href="{click}">plan</a> in March to cut
antibiotic-resistant infections by 50% by 2020.</p>
<p>Read more in our <a href="/click?url=%2Fguides%2Fantibiotics">guide to antibiotics</a>
and how 23,000 people die of them each year.</p>"""
    )
    assert urls(sentence(ext, "The White House released a plan")) == {
        normalize_url(f"https://news.example.org{click}")
    }
    assert not urls(sentence(ext, "Read more in our guide"))


def test_a_dateline_opening_the_story_gives_its_day() -> None:
    html = f"""<html><head><title>Superbugs: what they are</title></head><body>
<div class="nav"><p>See what your medical symptoms could mean, and learn about conditions.</p>
</div><article><h1>Superbugs: what they are</h1><p> </p>
<p>April 17, 2015 -- Imagine being sick in the hospital with an infection no drug can
treat.</p>{_STORY}</article></body></html>"""
    assert run_pipeline(html, "https://health.example.com/superbugs").published == "2015-04-17"


def test_a_linked_speech_carries_to_the_sentences_that_retell_it() -> None:
    speech = "https://www.cia.gov/news-information/speeches-testimony/2017/pompeo-remarks-at-csis"
    ext = extract(
        f"""<p>Pompeo's first public speech as CIA Director, hosted at the Center for Strategic
and International Studies on April 13, 2017, was <a href="{speech}">a declaration of war</a>
on WikiLeaks.</p>
<p>The former congressman from Kansas opened his speech with a long attack on the agency's
critics of the 1970s, calling them a danger to 300 officers.</p>
<p>For the next several minutes, Pompeo ranted against Assange, branding him a fraud and a
coward in front of 200 guests.</p>
<p>Pompeo was promoted to secretary of state in 2018, and Assange was arrested in 2019.</p>"""
    )
    for start in ("The former congressman from Kansas", "For the next several minutes"):
        assert urls(sentence(ext, start)) == {normalize_url(speech)}, start
    assert not urls(sentence(ext, "Pompeo was promoted"))


_FILING = "https://apps.example.com/g/documents/politics/foundation-2015-tax-filing/2223"


def test_a_linked_tax_filing_carries_to_what_it_lists() -> None:
    ext = extract(
        f"""<p>The admission was contained in the foundation's IRS <a href="{_FILING}">tax
filings for 2015</a>, which were posted online this week.</p>
<p>In the new 2015 tax filing, the foundation acknowledged for the first time that it owned
the items.</p>
<p>But it listed market values far below what the foundation had paid: the helmet was valued
at $475.</p>
<p>The foundation's tax filing also shows a donation from an entity controlled by its
founder.</p>
<p>It lists a donation of $566,370 from the founder's company.</p>
<p>The town agreed to waive $120,000 in unpaid fines in 2007, records show.</p>"""
    )
    for start in (
        "In the new 2015 tax filing",
        "But it listed market values",
        "The foundation's tax filing also shows",
        "It lists a donation",
    ):
        assert urls(sentence(ext, start)) == {normalize_url(_FILING)}, start
    assert not urls(sentence(ext, "The town agreed"))


def test_a_bracketed_related_headline_between_paragraphs_is_no_claim() -> None:
    related = "https://news.example.org/2016/10/29/boasts-of-philanthropy-story.html"
    ext = extract(
        f"""<p>The foundation gave away $896,000 in grants during 2015, its filing shows.</p>
<p>[<a href="{related}">Trump boasts about his philanthropy. But his giving falls short of his
words.</a>]</p>
<p>It took in $781,000 in the same year, according to the filing.</p>"""
    )
    assert not [s for s in ext.sentences if "boasts about his philanthropy" in s.text]
    assert normalize_url(related) not in {s.url for s in ext.sources}


def test_a_twitter_sign_off_on_social_accounts_is_chrome() -> None:
    ext = extract(
        """<p>Women prefer offices about 3 degrees warmer than men do, the 2015 study found.</p>
<p>On Twitter: Follow Wendy Koch and get more environment and energy coverage at
NatGeoEnergy.</p>"""
    )
    assert not [s for s in ext.sentences if s.text.startswith("On Twitter")]


def _tweet(user: str, n: int, kind: str = "twitter-tweet") -> str:
    return f"""<blockquote class="{kind}"><p>A plane is circling Manhattan right now, photo
{n}</p>&mdash; {user} (@{user}) <a href="https://twitter.com/{user}/status/80878{n}">December
13, 2016</a></blockquote>"""


def test_a_gallery_of_embedded_posts_under_one_sentence_is_no_source_of_it() -> None:
    tweets = "".join(_tweet(u, n) for n, u in enumerate(("ann", "bob", "cy", "dee")))
    ext = extract(
        f"""<p>A military plane circled Manhattan for 30 minutes on Tuesday, officials said.</p>
<p>Curious New Yorkers began posting photos and video of the plane on Twitter.</p>{tweets}
<p>The Air National Guard later said the flight was a training exercise.</p>"""
    )
    assert not urls(sentence(ext, "Curious New Yorkers began posting"))


def test_a_video_tweet_is_an_embedded_post_too() -> None:
    ext = extract(
        f"""<p>A military plane circled Manhattan for 30 minutes on Tuesday, officials said.</p>
{_tweet("alp", 7, "twitter-video")}
<p>The Air National Guard later said the flight was a training exercise.</p>"""
    )
    assert not [s for s in ext.sentences if s.is_claim and s.text.startswith("— alp")]
    assert not [s for s in ext.sentences if s.is_claim and "photo 7" in s.text]


def test_a_java_printed_publish_time_in_meta_gives_its_day() -> None:
    html = f"""<html><head><title>Why your office is too cold</title>
<meta value="Mon Aug 03 12:45:00 EDT 2015" name="article:published_time"></head><body>
<article><h1>Why your office is too cold</h1>{_STORY}</article></body></html>"""
    assert run_pipeline(html, "https://news.example.com/office-cold").published == "2015-08-03"


def test_a_link_written_without_its_scheme_is_no_citation() -> None:
    op_ed = "www.washingtonpost.com/opinions/something-is-deeply-broken-at-the-fbi/2016/12/15/"
    ext = extract(
        f"""<p>Podesta wrote in <a href="{op_ed}">an op-ed</a> on Thursday that the FBI
treated 2 cases differently.</p>
<p>Aides said in <a href="https://news.example.org/2026/05/{op_ed}">a statement</a> that 3
lawyers had reviewed the case.</p>
<p>Archived guidance from 2015 <a href="https://web.archive.org/web/2015/http://www.example.gov/x/">
set the limit at 40 days</a>.</p>"""
    )
    assert not urls(sentence(ext, "Podesta wrote in an op-ed"))
    assert not urls(sentence(ext, "Aides said in a statement"))
    assert urls(sentence(ext, "Archived guidance from 2015"))  # an archive keeps the scheme


def test_a_linked_interview_clip_carries_to_what_she_said_in_it() -> None:
    clip = "https://tv.example.com/videos/first-lady-on-husbands-legacy-of-hope"
    ext = extract(
        f"""<p>In an interview with Oprah Winfrey, Michelle Obama <a href="{clip}">said</a> the
administration kept the promise of hope it made in 2008 to 70 million voters.</p>
<p>"Now we are feeling what not having hope feels like," Obama said in a clip that aired on
Friday, ahead of the full interview on Monday.</p>
<p>Michelle Obama insisted that she and her husband believe hope is what 2 generations of
children need from their leaders.</p>"""
    )
    for start in ('"Now we are feeling', "Michelle Obama insisted"):
        assert urls(sentence(ext, start)) == {normalize_url(clip)}, start


def test_sentences_that_send_the_reader_to_more_reading_cite_nothing() -> None:
    review = "https://films.example.com/reviews/1600290/passengers"
    column = "https://opinion.example.com/2018/02/parkland-hoax-and-the-right"
    ext = extract(
        f"""<p>Just to be clear, we won't be reviewing the movie itself, so if you're looking for
more talk about the actual film, take a look at our official review <a href="{review}">here</a>.
</p>
<p>(For an excellent takedown of the right's Soros obsession, read <a href="{column}">Kevin D.
Williamson</a> on the topic.)</p>
<p>The film earned $14 million in its first 5 days, its <a href="{review}">review</a>
noted.</p>"""
    )
    assert not urls(sentence(ext, "Just to be clear"))
    assert not urls(sentence(ext, "(For an excellent takedown"))
    assert urls(sentence(ext, "The film earned $14 million")) == {normalize_url(review)}


def test_a_royal_society_journal_page_is_a_paper() -> None:
    assert is_scholarly("http://rsos.royalsocietypublishing.org/content/3/9/160288")
    assert is_scholarly("https://journals.sagepub.com/doi/10.1177/0093650212437758")
    assert not is_scholarly("https://royalsociety.org/news/2016/09/sad-films/")


def test_production_credits_and_a_print_issue_line_are_no_claims() -> None:
    ext = extract(
        """<p>The museum holds 37,000 objects, 3,000 of them on show when it opened in 2016.</p>
<p>Additional editing and production by Jon Huang, Laura O'Neill and Jeremy White.</p>
<p>*This article appears in the September 5, 2016 issue of New York Magazine.</p>"""
    )
    assert not sentence(ext, "Additional editing and production").is_claim
    assert not sentence(ext, "*This article appears").is_claim
    assert sentence(ext, "The museum holds 37,000 objects").is_claim
