"""Rules from the real corpus in session 17 (gates 31 and 32): a lone surname is a person's
before it is an organisation's first word, Chinese text split at its full stops, a Chinese
headline under the site's masthead, a how-to's steps, a summary set above the paragraph it
repeats, and a shopping list's lines."""

from __future__ import annotations

from pipeline_pages import sentence

from app.pipeline import run_pipeline
from app.pipeline.advice import is_imperative
from app.pipeline.attribution.names import resolve_short_name


def test_a_lone_surname_is_the_persons_not_a_place_named_after_him() -> None:
    earlier = ["Stephen Jones", "Texas Stadium", "Jones Mahal"]
    assert resolve_short_name("Jones", earlier) == "Stephen Jones"
    # an organisation's short name is still its first word; "CEO of Mozilla" is no person
    assert resolve_short_name("Coastline", ["Coastline Airways", "Mary Smith"]) == (
        "Coastline Airways"
    )
    assert resolve_short_name("Mozilla", ["Mozilla Corporation", "CEO of Mozilla"]) == (
        "Mozilla Corporation"
    )


_ZH_URL = "http://www.example.cn/articles/38282.html"
_ZH_TITLE = "这个约会软件，想用你和对方的相似好恶来帮你找对象"


def _chinese_page() -> str:
    body = (
        "<p>人们对于讨厌的事物总是能很有共同话题。约会软件也深谙这一点了，最近在美国，有一个"
        "叫做 Hater 的约会软件就是通过匹配用户共同讨厌的事情来帮你找对象。</p>"
        "<p>目前，Hater 拥有 31 万注册用户。平均有 3 万的日活量。创始人表示，接下来 Hater "
        "也想朝着社交平台的方向过渡！你会用吗？</p>"
    )
    return f"""<html lang="zh-CN"><head><meta charset="utf-8">
<title>{_ZH_TITLE}_智能_好奇心日报</title></head><body>
<h1 class="hidden">好奇心日报</h1><div class="com-article-detail"><div class="article-detail-hd">
<h2 class="title">{_ZH_TITLE}</h2></div><div class="article-detail-bd"><div class="detail">
{body}</div></div></div><footer><p>好奇心日报 版权所有</p></footer></body></html>"""


def test_chinese_text_is_split_at_its_full_stops() -> None:
    ext = run_pipeline(_chinese_page(), _ZH_URL)
    texts = [s.text for s in ext.sentences]
    assert "目前，Hater 拥有 31 万注册用户。" in texts
    assert "平均有 3 万的日活量。" in texts
    assert "你会用吗？" in texts


def test_a_chinese_headline_under_the_sites_masthead_is_the_title() -> None:
    assert run_pipeline(_chinese_page(), _ZH_URL).title == _ZH_TITLE


def test_the_steps_of_a_how_to_are_no_claims() -> None:
    assert is_imperative("Snip the spoons’ bowls from their stems using the snippers.")
    assert is_imperative("Using hot glue, attach the painted spoons to the outside.")
    assert is_imperative("Cut the bottle in half using the X-Acto knife.")
    claims = [
        "Paint sales rose 4% last year.",
        "Hang Seng index fell 2% on Monday.",
        "Season ticket sales rose 12%.",
        "Cut by 10% in 2019, the budget fell.",
    ]
    assert not [c for c in claims if is_imperative(c)]


def test_a_summary_set_above_the_paragraph_it_repeats_is_read_once() -> None:
    lede = (
        "September 11th has been designated as a National Day of Service and Remembrance. "
        "Americans across the country will take part in 2,000 service projects this weekend."
    )
    page = f"""<html><head><title>Serve and Remember | Example House</title></head><body>
<article><h1>Serve and Remember</h1>
<div class="field-summary"><div class="field-label">Summary:</div><div class="item">{lede}</div>
</div><div class="field-body"><p>{lede}</p>
<p>The President called on Americans in his weekly address to come together in service.</p>
<p>Cabinet secretaries have shared 12 videos about the anniversary this week.</p></div>
</article></body></html>"""
    ext = run_pipeline(page, "https://www.example.gov/blog/2011/09/10/serve-and-remember")
    assert [s.text for s in ext.sentences].count(
        "September 11th has been designated as a National Day of Service and Remembrance."
    ) == 1


def test_a_shopping_lists_lines_cite_nothing() -> None:
    items = "".join(
        f'<p>{n}. {item}, <a href="https://www.{shop}.com/p/{n}0341">{shop.title()}</a>, '
        f"${price}</p>"
        for n, (item, shop, price) in enumerate(
            [
                ("Wrap blouse", "netaporter", "167"),
                ("Wedgie fit jeans", "levi", "89.50"),
                ("Christmas tree mug", "etsy", "8"),
            ],
            1,
        )  # fmt: skip
    )
    page = f"""<html><head><title>Your holiday outfit, illustrated - Example Giggles</title>
</head><body><article><h1>Your holiday outfit, illustrated</h1>
<p>The illustrator Cindy Writer drew 12 outfits for the season, and sold 300 prints in 2016.</p>
<h2>Shop the illustration here:</h2>{items}</article></body></html>"""
    ext = run_pipeline(page, "https://giggles.example.com/fashion/holiday-outfit/")
    assert not [c for s in ext.sentences for c in s.citations if c.url]
    assert sentence(ext, "The illustrator Cindy Writer drew 12 outfits").is_claim


def test_a_sources_line_after_the_story_gives_each_named_outlet_its_link() -> None:
    examiner = "http://www.washingtonexaminer.com/icahn-to-advise-trump/article/2610198"
    page = f"""<html><head><title>Investor Icahn To Advise Trump - Example Views</title></head>
<body><main><article class="piece"><h1>Investor Icahn To Advise Trump</h1>
<section class="article-content"><div class="body"><div class="field field-name-body">
<div class="field-items"><div class="field-item">
<p>Investor Carl Icahn will advise the president-elect on regulation from January 2017.</p>
<p>The New York native has been interviewing candidates for the SEC chairman's post, notes the
Washington Examiner.</p>
<p>Icahn reportedly declined the Treasury post before it went to Steve Mnuchin in November.</p>
</div></div></div>
<div class="ad"><iframe src="https://ads.example.net/slot"></iframe></div>
<p>Sources: <a href="https://greatagain.example.gov/icahn-advisor">Great Again</a>,
<a href="{examiner}">Washington Examiner</a> / Photo Credit:
<a href="https://www.facebook.com/carlicahn/photos/1393749174222372">Carl Icahn/Facebook</a></p>
</div></section></article></main>
<footer><p>Copyright 2016 Example Views. All rights reserved.</p></footer></body></html>"""
    ext = run_pipeline(page, "http://www.example.com/news/investor-icahn-advise-trump")
    named = sentence(ext, "The New York native has been interviewing")
    assert [c.url for c in named.citations if c.url] == [
        "http://washingtonexaminer.com/icahn-to-advise-trump/article/2610198"
    ]
    # the line lists several sources: it cites no one paragraph above it
    assert not [c for c in sentence(ext, "Icahn reportedly declined").citations if c.url]
