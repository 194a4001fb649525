"""Rules from the real corpus in session 17 (gates 29 and 30): a story in chunks the later of
which add a class, paragraphs a stray closing tag spilt into <body>, a masthead or a rail's
heading taken for the title, a US date read day first, and a link to the page itself."""

from __future__ import annotations

from pipeline_pages import sentence

from app.pipeline import run_pipeline

_URL = "https://news.example.com/2009/oct/14/business/tv-rules"
_FACTS = [
    "The commission estimates that the rules would save consumers $912 million a year in power.",
    "State figures show televisions account for about 10% of household electricity use.",
    "A vote on the proposed standards could come as early as Nov. 4, officials said.",
    "Vizio, the top-selling brand, said 80% of its sets already meet the first tier of rules.",
    "The second tier would take effect in January 2013 and cut consumption by a further third.",
    "Retailers sold 4 million flat-panel sets in California last year, the association reported.",
]


def _paras(facts: list[str]) -> str:
    return "".join(f"<p>{fact}</p>" for fact in facts)


_LEDE = """<p>The influential lobby group is fighting what appears to be a losing battle to
dissuade state regulators from passing the first rules in the nation on the power drawn by
big-screen sets. On Tuesday its executives asked members of the commission to let consumers use
their own judgement instead. Those pleas did not appear to elicit much support at a public
hearing on the proposed rules, which would be phased in over two years from January 2011.</p>"""


def _chunked(later_class: str) -> str:
    return f"""<html><head><title>State set to rule on big TVs - Example Times</title></head>
<body><nav><a href="/">Home</a> <a href="/business">Business</a></nav>
<h1>State set to rule on big TVs</h1><p class="byline">By Marc Writer</p>
<div id="area"><div id="first" class="mod-articletext">{_paras(_FACTS[:2])}{_LEDE}</div>
<div class="ad"><iframe src="https://ads.example.net/slot"></iframe></div>
<div id="second" class="{later_class}">{_paras(_FACTS[2:4])}</div>
<div class="ad"><iframe src="https://ads.example.net/slot2"></iframe></div>
<div id="third" class="{later_class}">{_paras(_FACTS[4:])}</div></div>
<footer><p>Copyright 2009 Example Times. All rights reserved.</p></footer></body></html>"""


def test_later_chunks_of_the_story_that_add_a_class_are_kept() -> None:
    ext = run_pipeline(_chunked("mod-articletextwithad mod-articletext"), _URL)
    assert sentence(ext, "Retailers sold 4 million flat-panel sets").is_claim
    assert sentence(ext, "A vote on the proposed standards").is_claim


def test_a_later_block_sharing_only_a_generic_class_is_not_the_story() -> None:
    page = _chunked("mod-articletext").replace('class="mod-articletext"', 'class="row"', 1)
    page = page.replace('<div id="second" class="mod-articletext">', '<div id="second" class="row'
                        ' promo">')  # fmt: skip
    ext = run_pipeline(page, _URL)
    assert not [s for s in ext.sentences if s.text.startswith("A vote on the proposed")]


def test_paragraphs_a_stray_closing_tag_spilt_into_the_body_are_the_story() -> None:
    page = f"""<html><head><title>A long profile - Example Sports</title></head><body>
<header><a href="/">Example Sports</a> <a href="/nfl">NFL</a></header>
<div class="container"><main class="content article"><h1>A long profile</h1>
{_paras(_FACTS[:3])}</main></div></main></div>
<p>{_FACTS[3]} The club confirmed the figure on Tuesday, in a statement to season-ticket
holders.</p>
<div class="ad"><iframe src="https://ads.example.net/x"></iframe></div>
<div class="promo"><a href="/nfl/other-story">NFL: another story you may like</a></div>
<p>{_FACTS[4]}</p><p>{_FACTS[5]}</p>
<aside class="tags">Tags: <a href="/tag/nfl">nfl</a></aside>
<footer><p>Example Sports is part of Example Media. All rights reserved.</p></footer>
</body></html>"""
    ext = run_pipeline(page, "https://sports.example.com/nfl/2017/01/12/profile")
    assert sentence(ext, "Retailers sold 4 million flat-panel sets").is_claim
    assert sentence(ext, "Vizio, the top-selling brand").is_claim
    assert not [s for s in ext.sentences if "another story you may like" in s.text]


_HEADLINE = "U.S. Stocks Rise to Records, Bonds Gain on ECB Stimulus Optimism"


def test_a_title_that_only_adds_the_sites_name_does_not_make_the_headline_the_site() -> None:
    page = f"""<html><head><title>{_HEADLINE} - Bloomberg</title>
<meta name="og:title" value="{_HEADLINE}"></head><body>
<header><h2 class="nav-title">Bloomberg</h2><h1 class="nav-logo">MENU</h1></header>
<article><h1 class="lede-hed">{_HEADLINE}</h1>{_paras(_FACTS)}</article>
<footer><h2>Bloomberg</h2><p>Terms of service. Trademarks. Privacy policy.</p></footer>
</body></html>"""
    ext = run_pipeline(page, "https://www.example.com/news/articles/2016-12-06/stocks")
    assert ext.title == _HEADLINE


def test_a_headline_written_as_a_paragraph_inside_the_h1_is_the_title() -> None:
    shown = "Jennifer Aniston on Leaving the Tags on Her Céline Coat: 'I Wore It Four Times!'"
    page = f"""<html><head><title>Jennifer Aniston on Leaving the Tags on Her Coat</title>
<meta name="og:title" value="Jennifer Aniston on Leaving the Tags on Her Celine Coat: 'I
Wore It Four Times!'"></head><body>
<div class="rail"><h3 class="rail-title">See Also</h3><ul><li><a href="/a">Another story</a></li>
</ul></div>
<article><header class="article-header"><h2>Fashion</h2><h1 class="article-header__title"><p>{shown}
</p></h1><p class="article-header__byline">By Emily Writer</p></header>
<div class="article-body">{_paras(_FACTS)}</div></article></body></html>"""
    ext = run_pipeline(page, "http://people.example.com/style/jennifer-aniston-coat/")
    assert ext.title == shown


def test_a_us_date_read_day_first_is_put_back() -> None:
    stamps = "".join(
        f'<li><p class="timestamp"><time datetime="2016-10-04T0{n}:29-0400">10/04/16 0{n}:29 PM'
        f' EDT</time></p><a href="/story/{n}">Another story number {n}</a></li>'
        for n in range(1, 6)
    )  # fmt: skip
    page = f"""<html lang="en-US"><head><title>Insiders: a debate preview - Example</title></head>
<body><article><h1>Insiders: a debate preview</h1>
<p class="byline">By Steven Writer</p><p class="timestamp">
<time datetime="2016-10-04T05:07-0400">10/04/16 05:07 AM EDT</time></p>
{_paras(_FACTS)}</article><aside><ul>{stamps}</ul></aside></body></html>"""
    ext = run_pipeline(page, "https://www.example.com/story/2016/10/debate-229079")
    assert ext.published == "2016-10-04"


def test_a_link_to_the_page_itself_is_no_citation() -> None:
    url = "http://www.example.co.uk/magazine/anglosphere-old-dream-brexit-role-in-the-world"
    page = f"""<html><head><title>The Anglosphere: an old dream - Example Magazine</title></head>
<body><article><h1>The Anglosphere: an old dream</h1>
<p class="meta">by Duncan Writer / January 19, 2017 / <a href="{url}#respond">Leave a
comment</a></p>{_paras(_FACTS)}
<p>The 1918 union, as <a href="{url}">this essay</a> shows, had 40 branches by 1930.</p>
</article></body></html>"""
    ext = run_pipeline(page, url)
    assert not [c for s in ext.sentences for c in s.citations if c.url]
    assert not [s for s in ext.sources if s.url]
