"""Citation habits of real pages, third batch (the site's own explainers and sister domains,
advice to the reader, paid links), each on minimal HTML of our own."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

from app.pipeline import run_pipeline
from app.pipeline.attribution.names import find_names, resolve_short_name
from app.pipeline.attribution.quoted_runs import (
    QuotedSentence,
    opened_quotation_sources,
    quoted_run_sources,
)

SISTER_PAGE = "https://www.news.example.de/2026/05/story"


def _sister(body: str) -> str:
    return f"""<html><head><title>A story</title><link rel="canonical" href="{SISTER_PAGE}">
</head><body><article><h1>A story</h1>{body}</article></body></html>"""


def test_the_sites_how_to_and_what_is_pages_are_explainers_not_reporting() -> None:
    ext = extract(
        "<p>Savers poured $40 billion into "
        '<a href="/how-to-open-a-retirement-account-2019-5">retirement accounts last year</a>, '
        "the bureau estimates.</p><p>Fees on "
        '<a href="/what-is-an-index-fund-and-how-does-it-work">low-cost index funds</a> fell '
        "to 0.1% this year.</p><p>The regulator fined "
        '<a href="/pension-regulator-fines-three-funds-for-late-filings-2019-4">three pension '
        "funds for late filings</a> in April.</p>"
    )
    assert urls(sentence(ext, "Savers poured")) == set()
    assert urls(sentence(ext, "Fees on")) == set()
    # the site's own earlier story stays a citation
    assert urls(sentence(ext, "The regulator fined")) == {
        "https://news.example.org/pension-regulator-fines-three-funds-for-late-filings-2019-4"
    }


def test_the_same_site_under_another_countrys_domain_is_the_site_itself() -> None:
    html = _sister(
        "<p>Early savers retire sooner, and the "
        '<a href="https://www.news.example.com/how-to-retire-early-2017-8">path to retiring '
        "early</a> takes discipline.</p><p>Last month, "
        '<a href="https://www.news.example.com/news/uk-49689167">a judge rejected the appeal '
        "against the ruling</a>, which was filed in May.</p>"
    )
    ext = run_pipeline(html, SISTER_PAGE)
    assert urls(sentence(ext, "Early savers")) == set()  # the sister site's how-to
    # its story, opening the sentence in running text, is its own earlier reporting
    assert urls(sentence(ext, "Last month")) == {"https://news.example.com/news/uk-49689167"}


def test_the_sites_pages_on_advice_to_the_reader_are_further_reading() -> None:
    ext = extract(
        "<p>To reach your target, you should "
        '<a href="/start-saving-max-out-retirement-accounts-2019-5">max out your retirement '
        "accounts</a> every year.</p><p>It is wise to "
        '<a href="/retire-rich-live-below-your-means-2017-8">live below your means</a> while '
        "working.</p><p>Or markets could fall 30% in a year — would you "
        '<a href="/early-retiree-stock-market-crash-loss-2018-11">cut your spending by half'
        "</a>?</p><p>You can earn more by "
        '<a href="/increase-income-or-cut-expenses-planner-2019-3">increasing your income</a>, '
        "the planner Eric Roberge explained.</p><p>In the book &quot;Everything You Will Ever "
        'Need&quot;, the author <a href="/book-author-savings-formula-target-number-2019-2">'
        "shares a formula</a> for a savings target.</p>"
    )
    for start in ("To reach your target", "It is wise", "Or markets could"):
        assert urls(sentence(ext, start)) == set(), start
    # a speaker's advice rests on the story that reported it; a title's "you" is no advice
    assert urls(sentence(ext, "You can earn more")) == {
        "https://news.example.org/increase-income-or-cut-expenses-planner-2019-3"
    }
    assert urls(sentence(ext, "In the book")) == {
        "https://news.example.org/book-author-savings-formula-target-number-2019-2"
    }


def test_another_publishers_page_on_advice_stays_a_citation() -> None:
    ext = extract(
        "<p>You can write very low-level code in it, such as "
        '<a href="https://os.example.net/kernels-in-the-language">operating system kernels'
        "</a>.</p>"
    )
    assert urls(sentence(ext, "You can write")) == {
        "https://os.example.net/kernels-in-the-language"
    }


def test_a_paid_placement_is_no_source() -> None:
    ext = extract(
        '<p>A planner (<a href="https://planners.example.com/find-a-planner?utm_source=news'
        '&utm_medium=cpc">a free matching tool can help find one</a>) charges about $2,000 '
        "for a plan.</p>"
    )
    assert urls(sentence(ext, "A planner")) == set()


STATEMENT = "https://agency.example.gov/press-release/new-partners-for-the-moon-program"


def test_a_statement_quoted_over_several_sentences_rests_on_it_throughout() -> None:
    ext = extract(
        '<p>"Companies of all sizes are joining the program," the administrator '
        f'<a href="{STATEMENT}">said in a statement</a>. "Adding bidders drives innovation.'
        ' We expect to deliver 40 payloads by 2028."</p>'
        '<p>"Prices fell 30% since the first round."</p>'
        "<p>The agency picked five companies in 2018.</p>"
    )
    for start in ('"Adding bidders', "We expect", '"Prices fell'):
        assert urls(sentence(ext, start)) == {STATEMENT}, start
    assert urls(sentence(ext, "The agency picked")) == set()


def test_words_at_a_rally_and_a_closed_quotation_pass_nothing_on() -> None:
    rally = "https://news.example.com/2019/11/14/rally-in-lake-city-report"
    ext = extract(
        f'<p>"The betrayal is over," the president said at <a href="{rally}">a rally in Lake '
        'City</a>. "The country is no longer for sale."</p>'
        '<p>The chairwoman announced the move in <a href="https://blog.example.net/2014/04/'
        'chair-steps-down">a post</a>: "We believe in both. And you need both to fight for '
        'either." The resignation drew a backlash from 3,000 donors.</p>'
    )
    assert urls(sentence(ext, '"The country')) == set()
    assert urls(sentence(ext, "The resignation drew")) == set()


def test_a_quotation_closed_with_straight_quotes_is_not_left_open() -> None:
    post = "https://blog.example.net/2014/04/chair-steps-down"
    run = [
        QuotedSentence('She wrote: "We believe in both.', 0, (), True),
        QuotedSentence('And you need both to fight for either."', 0, (post,), False),
        QuotedSentence("The resignation drew a backlash.", 0, (), False),
        QuotedSentence('"We are pleased," the firm said in a statement.', 1, (post,), True,
                       ("statement",)),
        QuotedSentence('"Sales rose.', 1, (), False),
        QuotedSentence('They will rise again."', 1, (), False),
        QuotedSentence("Analysts were unmoved.", 1, (), False),
    ]  # fmt: skip
    assert quoted_run_sources(run) == [(), (), (), (), (post,), (post,), ()]


def test_an_insider_who_told_the_outlet_rests_on_the_outlets_story() -> None:
    story = "https://gossip.example.com/news/1094226/producer-is-frustrated-source-says"
    ext = extract(
        "<p>The producer is unhappy with his partner, according to a new report by "
        f'<a href="{story}">Daily Buzz</a>.</p><p>"He is frustrated," an insider told the '
        'outlet on Monday. "He has no say in the company.</p><p>The label signed 12 acts in '
        '2018.</p><p>"This fight is not his," the insider added.</p>'
        '<p>"It is over," a source told reporters.</p>'
    )
    for start in ('"He is frustrated', '"He has no say', '"This fight'):
        assert urls(sentence(ext, start)) == {
            "https://gossip.example.com/news/1094226/producer-is-frustrated-source-says"
        }, start
    assert urls(sentence(ext, "The label signed")) == set()
    assert urls(sentence(ext, '"It is over')) == set()  # words to the reporter


def test_a_linked_name_with_an_exclamation_mark_ends_no_sentence() -> None:
    story = "https://buzz.example.com/news/1094226/producer-unhappy"
    ext = extract(
        f'<p>The producer is unhappy, according to <a href="{story}">Buzz! News</a>. The label '
        "declined to comment. Wow! News travels fast.</p>"
    )
    assert urls(sentence(ext, "The producer is unhappy")) == {story}
    assert sentence(ext, "The producer").text.endswith("Buzz! News.")
    assert sentence(ext, "News travels").text == "News travels fast."  # unlinked: a break


RELEASE = "https://justice.example.gov/usao/pr/county-man-pleads-guilty-to-threats"


def test_an_institutions_plain_said_lines_rest_on_its_one_linked_statement() -> None:
    ext = extract(
        "<p>A man pleaded guilty to threatening a lawmaker in March, prosecutors said.</p>"
        "<p>He pleaded guilty to two counts, the U.S. Attorney’s Office for the Western "
        f'District <a href="{RELEASE}">said in a statement</a>.</p>'
        '<p>He called the office, said "she should go" and hung up, the prosecutor’s office '
        "said.</p><p>He owned six rifles, the U.S. attorney's office said.</p>"
        "<p>The city gave the court $5 million in 2018, Mayor Alicia Brandt’s office said.</p>"
    )
    for start in ("A man pleaded", "He called the office", "He owned six"):
        assert urls(sentence(ext, start)) == {RELEASE}, start
    # another body's office speaks for itself
    assert urls(sentence(ext, "The city gave")) == set()


def test_plain_said_lines_point_nowhere_when_two_statements_are_linked() -> None:
    other = "https://union.example.org/news/statement-on-the-vote"
    ext = extract(
        f'<p>The office <a href="{RELEASE}">said in a statement</a> that he pleaded guilty.</p>'
        f'<p>The union <a href="{other}">said in a statement</a> that it would appeal.</p>'
        "<p>He owned six rifles, prosecutors said.</p>"
    )
    assert urls(sentence(ext, "He owned six")) == set()


def test_a_short_anchor_that_reports_an_event_is_own_reporting_not_a_term() -> None:
    ext = extract(
        '<p>The app <a href="/story/app-hiding-likes-test-results">began testing</a> hidden '
        "like counts in 12 countries on Thursday.</p><p>The rival also released a beta of "
        '<a href="/story/rival-website-redesign">its app</a> in May.</p><p>It joins a move '
        'toward <a href="/story/experiment-social-media-demetricators">demetrication</a> '
        "among 4 platforms.</p>"
    )
    assert urls(sentence(ext, "The app began")) == {
        "https://news.example.org/story/app-hiding-likes-test-results"
    }
    assert urls(sentence(ext, "The rival")) == {
        "https://news.example.org/story/rival-website-redesign"
    }
    assert urls(sentence(ext, "It joins")) == set()  # a term the site explains


def test_the_study_is_the_paper_the_article_presents_among_background_papers() -> None:
    ext = run_pipeline(
        _sister(
            "<p>In a new case study out Monday, they detail how a man fell ill from his "
            "duvet.</p><p>According to the study, published in "
            '<a href="https://doi.org/10.1136/bcr-2019-231237">Case Reports</a>, he was 43.</p>'
            '<p>The condition strikes <a href="https://doi.org/10.1000/birds.2008.1">bird '
            "keepers</a> most often.</p><p>The researchers think 1 in 10,000 people have it."
            "</p><p>Rates rose 4% in 2018, a new study reports.</p><p>The researchers found "
            "12 more cases in 2019.</p>"
        ),
        SISTER_PAGE,
    )
    paper = {"https://doi.org/10.1136/bcr-2019-231237"}
    for start in ("In a new case study", "The researchers think", "Rates rose"):
        assert urls(sentence(ext, start)) == paper, start
    assert urls(sentence(ext, "The researchers found")) == set()  # actors, not tellers


def test_a_company_named_with_its_form_or_its_base_goes_by_its_domain() -> None:
    release = "https://investors.ridgeline.com/news-releases/third-quarter-2019-results"
    ext = extract(
        "<p>Public chains such as Ridgeline Co. cut costs.</p><p>Denver-based Ridgeline, a "
        "chain of 30 papers, may be next.</p><p>Ridgeline reported a loss of $304.7 million "
        "in the quarter.</p><p>Ridgeline said its cash would run short, "
        f'<a href="{release}">in its results</a>.</p>'
    )
    assert urls(sentence(ext, "Ridgeline reported")) == {release}
    assert find_names("Denver-based Ridgeline rose.")[0].text == "Ridgeline"


def test_a_question_or_a_fragment_in_a_credited_quotation_takes_no_source() -> None:
    review = "https://reviews.example.com/2019/11/18/console-review"
    ext = extract(
        "<p>Here is what the reviews say:</p><blockquote><p>The console costs $129 and ships "
        "with 3 games. Is it the future? Possibly.</p></blockquote>"
        f'<p>[<a href="{review}">Review Weekly</a>]</p>'
        '<p>Remember <a href="/2008/04/the-slogan-contest-story">the state’s epic quest for a '
        "slogan</a>?</p>"
    )
    assert urls(sentence(ext, "The console costs")) == {review}
    assert urls(sentence(ext, "Is it the future")) == set()
    assert urls(sentence(ext, "Possibly")) == set()
    # a link of its own stays: the question points at the site's earlier story
    assert urls(sentence(ext, "Remember the")) == {
        "https://news.example.org/2008/04/the-slogan-contest-story"
    }


def test_an_aside_in_parentheses_is_no_picture_credit() -> None:
    timeline = "https://www.tv.example.net/politics/complete-timeline-took-longer"
    ext = extract(
        "<p>The inquiry may run into 2020. (The last one, remember, "
        f'<a href="{timeline}">took more than two years</a> to unfold.)</p>'
        '<p>The river froze in March. (<a href="https://photos.example.com/jo">Jo Lee/Flickr'
        "</a>)</p>"
    )
    assert urls(sentence(ext, "(The last one")) == {
        "https://tv.example.net/politics/complete-timeline-took-longer"
    }
    assert urls(sentence(ext, "The river froze")) == set()


def test_the_sites_results_pages_are_data_it_publishes() -> None:
    ext = extract(
        "<p>Democrats beat the governor in a state the president won by "
        '<a href="/elections/2016/results/kentucky?module=inline">30 points</a> in 2016.</p>'
    )
    assert urls(sentence(ext, "Democrats beat")) == {
        "https://news.example.org/elections/2016/results/kentucky?module=inline"
    }


def test_see_here_is_a_pointer_not_a_source() -> None:
    ext = extract(
        "<p>We forecast a 55% chance of success. (For more forecasts we made, see "
        '<a href="https://other.example.org/research/forecasts-2018">here</a>.)</p>'
    )
    assert urls(sentence(ext, "(For more forecasts")) == set()


def test_shares_of_respondents_report_the_poll_just_cited() -> None:
    poll = "https://tv.example.com/politics/poll-majority-back-inquiry/story?id=67088534"
    ext = extract(
        f'<p>A new <a href="{poll}">TV News poll</a> shows majority support for the inquiry. '
        "Fifty-one percent say the president should be removed. And an overwhelming 70 percent "
        "of Americans say that the call was wrong.</p><p>The House voted 232 to 196 on Oct. 31."
        "</p><p>Turnout rose, and 40% of voters said the economy came first.</p>"
    )
    expected = {"https://tv.example.com/politics/poll-majority-back-inquiry/story?id=67088534"}
    for start in ("Fifty-one percent", "And an overwhelming"):
        assert urls(sentence(ext, start)) == expected, start
    assert urls(sentence(ext, "Turnout rose")) == set()  # too far from the poll


def test_that_report_is_the_document_the_sentence_before_cited() -> None:
    audit = "https://oig.example.gov/sites/default/files/assets/2019-07/OIG-19-51.pdf"
    ext = extract(
        "<p>The doctors noted findings of "
        f'<a href="{audit}">overcrowded conditions in five facilities</a>. That report found '
        "children had no showers for 9 days.</p><p>The report on staffing found 40 vacancies."
        "</p>"
    )
    assert urls(sentence(ext, "That report found")) == {audit}
    assert urls(sentence(ext, "The report on staffing")) == set()  # two sentences on


def test_a_term_linked_to_any_sites_explainer_is_no_source() -> None:
    ext = extract(
        "<p>Winds formed around the central "
        '<a href="https://www.space.example.com/15421-black-holes-facts-formation">black holes'
        "</a> within 2 billion years.</p><p>Many farmers in the state belong to the "
        '<a href="https://www.tv.example.com/2012/08/05/us/religion-what-is-a-sikh/index.html">'
        "Sikh religious minority</a>, 58% by one count.</p><p>It arose from the chaos of "
        '<a href="/25126-big-bang-theory.html">the Big Bang</a> 13.8 billion years ago.</p>'
        "<p>Deaths fell 12%, according to a "
        '<a href="https://www.wire.example.com/article/plague-explainer/explainer-dont-panic">'
        "wire explainer</a>.</p>"
    )
    for start in ("Winds formed", "Many farmers", "It arose"):
        assert urls(sentence(ext, start)) == set(), start
    # a news explainer on the events the sentence reports is its source
    assert urls(sentence(ext, "Deaths fell")) == {
        "https://wire.example.com/article/plague-explainer/explainer-dont-panic"
    }


def test_a_project_linked_to_its_repository_is_no_source() -> None:
    ext = extract(
        "<p>Some libraries, such as the "
        '<a href="https://github.com/rust-lang/regex">regex</a> crate, are 3 times faster.</p>'
        '<p>The <a href="https://github.com/rust-lang/rust/issues/57640">tracking issue</a> '
        "lists 12 open bugs.</p>"
    )
    assert urls(sentence(ext, "Some libraries")) == set()
    assert urls(sentence(ext, "The tracking issue")) == {
        "https://github.com/rust-lang/rust/issues/57640"
    }


def test_a_shops_link_on_the_book_a_sentence_names_is_the_book() -> None:
    book = "https://www.shop.example.com/Financial-Freedom/dp/0525540881?tag=news-20"
    ext = extract(
        f'<p>In his book "<a href="{book}">Financial Freedom</a>," he sets a target of 25 '
        'times annual spending.</p><p>The kettle costs <a href="https://www.shop.example.com/'
        'kettle/dp/B000123?tag=news-20">$39</a> this week.</p>'
    )
    assert urls(sentence(ext, "In his book")) == {
        "https://shop.example.com/Financial-Freedom/dp/0525540881?tag=news-20"
    }
    assert urls(sentence(ext, "The kettle")) == set()


def test_a_link_no_sentence_ends_up_citing_is_no_source() -> None:
    ext = extract(
        "<p>You should "
        '<a href="/start-saving-max-out-retirement-accounts-2019-5">max out your accounts</a>'
        ' first.</p><p>Savings rose 4%, <a href="https://stats.example.gov/reports/savings-2019">'
        "the bureau reported</a>.</p>"
    )
    assert {s.url for s in ext.sources} == {"https://stats.example.gov/reports/savings-2019"}


def test_a_surveys_respondents_rest_on_the_survey_linked_earlier() -> None:
    survey = "https://insights.devs.example.com/survey/2019"
    ext = extract(
        f'<p>The language has been <a href="{survey}">the most loved for four years</a>.</p>'
        "<p>It has 12 official teams.</p><p>It runs on 3 platforms.</p><p>It ships every 6 "
        "weeks.</p><p>The 97% of survey respondents who have not used it may wonder why.</p>"
        '<p>For the full budget, see <a href="/research/grants/budget-2018">this page.</a></p>'
    )
    assert urls(sentence(ext, "The 97% of survey")) == {survey}
    assert urls(sentence(ext, "For the full budget")) == set()


def test_a_wire_is_its_own_story_before_a_copy_linked_on_its_name() -> None:
    explainer = "https://www.wirely.com/article/plague-explainer-idUSKBN1XS0S6"
    copy = "https://www.paper.example.org/world/2019/nov/18/third-case-of-plague"
    ext = extract(
        f'<p>The disease came from China, <a href="{explainer}">one account</a> says.</p>'
        "<p>There is no link between the cases, the commission said, according to "
        f'<a href="{copy}">Wirely</a>.</p><p>China had 26 cases in 9 years, reports Wirely.</p>'
    )
    assert urls(sentence(ext, "There is no link")) == {copy.replace("www.", "")}
    assert urls(sentence(ext, "China had 26")) == {explainer.replace("www.", "")}


def test_according_to_an_outlet_holds_whatever_medium_the_speaker_used() -> None:
    npr = "https://www.radioone.org/sections/2019/11/15/779526827/two-cases-of-plague"
    ext = extract(
        f'<p>As Emily Feng reports for <a href="{npr}">Radio One</a>, two cases came to light.'
        "</p><p>But according to Radio One’s Feng, Li Jifeng, a doctor, wrote in a blog post "
        "that the couple had been ill for 10 days.</p>"
    )
    assert npr.replace("www.", "") in urls(sentence(ext, "But according to"))


def test_the_outlets_reporter_opening_the_sentence_tells_it_from_the_story() -> None:
    story = "https://www.nytimes.com/2019/11/13/world/asia/plague-china.html"
    ext = extract(
        "<p>Twelve contacts were isolated, according to Sui-Lee Wee of the "
        f'<a href="{story}">New York Times</a>.</p><p>Wee of the Times reports that censors '
        "blocked 4 posts.</p><p>Li of the Ministry says that 3 more cases are likely.</p>"
    )
    assert urls(sentence(ext, "Wee of the Times")) == {story.replace("www.", "")}
    assert urls(sentence(ext, "Li of the Ministry")) == set()


def test_a_starred_sentence_rests_on_the_links_of_its_note() -> None:
    task = "https://tracker.example.org/T191583"
    ext = extract(
        "<p>Maps now display in the reader’s language on almost all 300 wikis.*</p>"
        "<p>Editors placed 10,000 maps in May.</p><p>———</p>"
        f'<p>*The exceptions are <a href="{task}">nine wikis</a> with strict review.</p>'
    )
    assert urls(sentence(ext, "Maps now display")) == {task}
    assert urls(sentence(ext, "*The exceptions")) == set()
    assert urls(sentence(ext, "Editors placed")) == set()


def test_a_speaker_named_after_a_possessive_role_is_who_the_link_quotes() -> None:
    story = "https://apnews.com/7adc2ae1aefe45bea5d6cba15fc04443"
    ext = extract(
        "<p>Carlineo’s attorney, Sonya Zoghlin, "
        f'<a href="{story}">said in an email to The Associated Press</a> that he meant no harm.'
        '</p><p>"He has taken responsibility for his words," Zoghlin said.</p>'
    )
    assert sentence(ext, "Carlineo’s attorney").attributed_to == ["Sonya Zoghlin"]
    assert urls(sentence(ext, '"He has taken')) == {story}


def test_in_the_statement_and_in_the_paper_are_the_ones_the_article_linked() -> None:
    release = "https://www.agency.example.gov/feature/2019/scientists-confirm-water-vapor"
    paper = "https://doi.org/10.1038/s41550-019-0933-6"
    ext = extract(
        '<p>"We found water," Lucas Paganini said in an agency '
        f'<a href="{release}">statement</a>.</p><p>The team reported it in '
        f'<a href="{paper}">the journal</a> on Monday.</p><p>"We suggest the outgassing is '
        'rare," Paganini and his team wrote in the paper.</p><p>"We made 40 checks," Avi '
        "Mandell said of the discovery in the statement.</p>"
    )
    assert urls(sentence(ext, '"We suggest')) == {paper}
    assert urls(sentence(ext, '"We made 40')) == {release.replace("www.", "")}


def test_a_topic_hub_running_the_anchor_together_is_no_source() -> None:
    ext = extract(
        "<p>The ambassador, the key witness in "
        '<a href="https://wire.example.com/Trumpimpeachmentinquiry">the impeachment inquiry</a>'
        ", testified for 9 hours.</p><p>He met the president on "
        '<a href="https://wire.example.com/cd45ec8474fb4df080f5d98c1ecfba79">July 10</a>.</p>'
    )
    assert urls(sentence(ext, "The ambassador")) == set()
    assert urls(sentence(ext, "He met")) == {
        "https://wire.example.com/cd45ec8474fb4df080f5d98c1ecfba79"
    }


def test_the_marker_closing_a_quotation_covers_the_sentence_that_opens_it() -> None:
    post = "https://blog.example.org/2014/04/03/chief-steps-down"
    run = [
        QuotedSentence('She posted a statement: "We moved too slowly.', 0, (), True),
        QuotedSentence("We believe in both.", 0, (), False),
        QuotedSentence('And you need both."', 0, (post,), False),
        QuotedSentence("He left in April.", 0, (), False),
        QuotedSentence('"It was time," he said.', 1, (), True),
    ]
    marked = [(), (), (post,), (), ()]
    assert opened_quotation_sources(run, marked) == [(post,), (), (), (), ()]


def test_the_statement_continued_and_the_source_added_point_back() -> None:
    story = "https://www.gossipdaily.com/news/1094226/producer-frustrated-source-says"
    variety = "https://www.tradepaper.com/2019/music/news/label-reach-agreement-1203408043"
    rival = "https://www.musicmag.com/music/music-news/label-denies-914127"
    ext = extract(
        f'<p>The producer is unhappy, according to <a href="{story}">Gossip Daily</a>.</p>'
        '<p>"He is frustrated," an insider told the outlet.</p><p>He has tried to call the '
        'singer, who <a href="/2019/11/singer-claims-label-blocks-her">has not called back</a>,'
        " the source further explained.</p><p>The statement, which was obtained by "
        f'<a href="{variety}">Trade Paper</a>, claimed a deal for 2 shows.</p><p>"Approval is '
        'only needed for recordings," the statement continued.</p><p>The producers said '
        f'<a href="{rival}">in a separate statement</a> that no deal was signed.</p><p>The '
        'label denied it in a statement on its website.</p><p>"We never blocked her," the '
        "statement read.</p>"
    )
    assert story.replace("www.", "") in urls(sentence(ext, "He has tried"))
    assert urls(sentence(ext, '"Approval is')) == {variety.replace("www.", "")}
    assert urls(sentence(ext, '"We never blocked')) == set()  # the label's own, unlinked


def test_a_quotation_the_statement_closes_rests_on_it_from_its_first_sentence() -> None:
    statement = "https://www.tradepaper.com/2019/music/news/label-reach-agreement-1203408043"
    ext = extract(
        f'<p>The statement, which was obtained by <a href="{statement}">Trade Paper</a>, '
        'claimed a deal for 2 shows.</p><p>"Artists need no approval for live shows. Approval '
        "is only needed for recordings,” the statement continued.</p>"
    )
    assert urls(sentence(ext, '"Artists need')) == {statement.replace("www.", "")}


def test_a_quotation_closed_by_it_says_continues_in_the_next_quote() -> None:
    post = "https://twitter.com/Label/status/1196529376915066881"
    ext = extract(
        f'<p>Now they have put out <a href="{post}">another statement</a>.</p><p>"We have agreed '
        'to grant all licences," it says. "Artists need no approval for live shows."</p>'
    )
    assert urls(sentence(ext, '"Artists need')) == {post}


def test_they_wrote_after_a_linked_paper_is_its_authors_writing_in_it() -> None:
    paper = "https://doi.org/10.1001/jamapsychiatry.2019.3254"
    ext = extract(
        "<p>The authors of the research published in the journal "
        f'<a href="{paper}">Psychiatry</a> argued that occasional use is common.</p><p>But '
        "heavy use is linked to 4 kinds of harm, they wrote.</p><p>Sales rose 9% in 2018, "
        "they wrote in a newsletter.</p>"
    )
    assert urls(sentence(ext, "But heavy use")) == {paper}
    assert urls(sentence(ext, "Sales rose")) == set()  # not right after the paper


def test_one_of_a_joint_name_is_not_the_joint_name() -> None:
    wrap = "https://www.thewrap.com/director-star-film-sequel-talks"
    deadline = "https://deadline.com/2019/11/director-star-film-sequel-1202785280/"
    ext = extract(
        "<p>The director is in talks to write the film, according to reports from "
        f'<a href="{wrap}">The Wrap</a> and <a href="{deadline}">Deadline</a>.</p><p>Deadline '
        "reports that a second film is also in the works for 2021.</p>"
    )
    assert urls(sentence(ext, "Deadline reports")) == {deadline.rstrip("/")}
    assert resolve_short_name("Deadline", ["The Wrap and Deadline"]) == "Deadline"


def test_it_does_not_mention_speaks_of_the_report_just_cited() -> None:
    report = "https://www.thewrap.com/director-star-film-sequel-talks"
    ext = extract(
        f'<p><a href="{report}">The Wrap’s report</a> claims 3 stars will return.</p>'
        "<p>It doesn’t mention the fourth.</p><p>It rained for 3 days in May.</p>"
    )
    assert urls(sentence(ext, "It doesn’t mention")) == {report.replace("www.", "")}
    assert urls(sentence(ext, "It rained")) == set()


def test_the_sites_page_on_advice_in_the_imperative_is_further_reading() -> None:
    ext = extract(
        "<p>Aim to sleep at least 8 hours a night to keep your "
        '<a href="/nutrition/10-reasons-why-good-sleep-is-important">appetite in check</a>.'
        '</p><p>Remember <a href="/2008/04/the-slogan-contest-story">the state’s epic quest '
        "for a slogan</a>? It cost $2 million.</p>"
    )
    assert urls(sentence(ext, "Aim to sleep")) == set()
    assert urls(sentence(ext, "Remember")) == {
        "https://news.example.org/2008/04/the-slogan-contest-story"
    }


def test_another_study_showed_rests_on_the_source_of_the_sentence_going_on_about_it() -> None:
    study = "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC535701/"
    ext = extract(
        "<p>Another large study showed that short sleep raised the hunger hormone by 15%.</p>"
        f'<p>Additionally, sleeping less than 8 hours was linked to weight gain (<a href="{study}">'
        "25</a>).</p><p>One trial found 3 kg of weight loss.</p><p>Sleep also matters for "
        f'mood (<a href="{study}">25</a>).</p>'
    )
    assert urls(sentence(ext, "Another large study")) == {study.replace("www.", "").rstrip("/")}
    assert urls(sentence(ext, "One trial found")) == set()  # the next one does not go on


def test_police_tags_do_not_take_a_companys_statement() -> None:
    company = "https://www.acmeair.com/news/statement-on-flight-212"
    ext = extract(
        f'<p>The airline <a href="{company}">said in a statement</a> that 3 crew were hurt.</p>'
        "<p>Two passengers were arrested at the gate, police said.</p>"
    )
    assert urls(sentence(ext, "Two passengers")) == set()


def test_as_you_may_recall_the_sites_story_is_still_cited() -> None:
    ext = extract(
        "<p>As you may recall, "
        '<a href="/2019/05/council-votes-to-close-the-library">the council voted to close the '
        "library</a> in May by 7 votes to 2.</p>"
    )
    assert urls(sentence(ext, "As you may recall")) == {
        "https://news.example.org/2019/05/council-votes-to-close-the-library"
    }


def test_a_fact_check_on_a_short_anchor_stays_a_source() -> None:
    check = "https://www.checkers.example.org/fact-check-senator-claim-false-2019"
    ext = extract(f'<p>Fact-checkers <a href="{check}">rated the claim false</a> in 2019.</p>')
    assert urls(sentence(ext, "Fact-checkers")) == {check.replace("www.", "")}
