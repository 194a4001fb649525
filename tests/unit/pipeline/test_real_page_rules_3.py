"""Citation habits of real pages, third batch (the site's own explainers and sister domains,
advice to the reader, paid links), each on minimal HTML of our own."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

from app.pipeline import run_pipeline

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
