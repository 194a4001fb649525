"""HTML reports: a processed article as a page people read, escaped, linked and searchable."""

from __future__ import annotations

import re

import httpx
from pytest_httpserver import HTTPServer

from tests.integration.conftest import process_url

HOSTILE = (
    "<html><head><title>Budget &lt;script&gt;alert(1)&lt;/script&gt; vote</title></head>"
    "<body><article><h1>Budget &lt;script&gt;alert(1)&lt;/script&gt; vote</h1>"
    "<p>The council approved a budget of $4 million on Tuesday, up 12% from 2024 "
    "&lt;img src=x onerror=alert(2)&gt;. It passed by 7 votes to 2, according to the "
    '<a href="https://example.org/minutes?a=1&amp;b=&quot;2&quot;">official minutes</a>.</p>'
    "<p>Officials said the plan would cost $3 billion over 10 years.</p>"
    "</article></body></html>"
)


async def test_dev01_report_highlights_every_claim_and_links_its_sources(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer
) -> None:
    article_id = (await process_url(api, worker, corpus_server.url_for("/dev-01.html")))["id"]
    article = (await api.get(f"/v1/articles/{article_id}")).json()
    assert article["report_url"] == f"/report/{article_id}"
    claims = (await api.get(article["claims_url"], params={"limit": 500})).json()["items"]

    response = await api.get(article["report_url"])
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src" not in response.headers["content-security-policy"]
    page = response.text
    assert "Grok’s $6.4 Billion Bet" in page
    assert "<script" not in page.lower()

    anchors = re.findall(
        r'<details class="claim (cited|attributed|uncited)[^"]*" id="claim-(\d+)"', page
    )
    assert sorted(int(i) for _, i in anchors) == sorted(c["sentence_index"] for c in claims)
    text = page[page.index('<h2 id="text">') : page.index('<h2 id="sources">')]
    for state in ("cited", "attributed", "uncited"):
        expected = sum(c["citation_state"] == state for c in claims)
        assert [s for s, _ in anchors].count(state) == expected
        if state != "cited":  # told apart by a label too, not by colour alone
            assert text.count(f'<sup class="tag {state}">{state}</sup>') == expected

    sources = re.findall(r'<li id="(source-\d+)"', page)
    assert len(sources) == len(article["sources"]) == 4
    for source in article["sources"]:
        assert f'href="{source["url"]}" rel="nofollow noopener" target="_blank"' in page
        assert f'href="/report/{article_id}?source={source["id"]}#text"' in page
        assert f'href="/sources/{source["id"]}"' in page
    footnotes = re.findall(r'<sup class="fn">((?:<a href="#source-\d+"[^>]*>\d+</a>)+)</sup>', page)
    targets = set(re.findall(r'<a href="#(source-\d+)"', "".join(footnotes)))
    assert len(footnotes) == sum(c["cited"] for c in claims) and targets == set(sources)
    for link in ("", "/claims?format=csv", "/provenance"):
        assert f'href="/v1/articles/{article_id}{link}"' in page

    unlinked = re.search(r'<ul class="unlinked">(.*?)</ul>', page, re.S)
    assert unlinked is not None
    assert unlinked.group(1).count("<li>") == article["stats"]["uncited_claims"]


async def test_report_filtered_to_one_source_highlights_only_its_claims(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer
) -> None:
    article = await process_url(api, worker, corpus_server.url_for("/dev-01.html"))
    for source in article["sources"]:
        citing = (
            await api.get(article["claims_url"], params={"source_id": source["id"], "limit": 500})
        ).json()["items"]
        page = (await api.get(article["report_url"], params={"source": source["id"]})).text
        shown = re.findall(r'<details class="claim [^"]*" id="claim-(\d+)"', page)
        assert sorted(map(int, shown)) == sorted(c["sentence_index"] for c in citing)
        assert f"Showing the {len(citing)} claim" in page
    other = "00000000-0000-4000-8000-000000000000"
    missing = await api.get(article["report_url"], params={"source": other})
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"


async def test_pages_load_only_their_own_stylesheet_and_script(api: httpx.AsyncClient) -> None:
    css = await api.get("/static/report.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    script = await api.get("/static/live.js")
    assert script.status_code == 200 and "EventSource" in script.text
    assert (await api.get("/static/../config.py")).status_code == 404
    assert (await api.get("/static/secrets.txt")).status_code == 404
    home = await api.get("/")
    policy = home.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    assert 'href="/static/report.css"' in home.text and "style=" not in home.text


async def test_report_escapes_what_comes_from_the_page(
    api: httpx.AsyncClient, worker, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/hostile").respond_with_data(HOSTILE, content_type="text/html")
    article_id = (await process_url(api, worker, httpserver.url_for("/hostile")))["id"]
    article = (await api.get(f"/v1/articles/{article_id}")).json()
    assert "<script>" in article["title"]

    page = (await api.get(f"/report/{article_id}")).text
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page

    listing = (await api.get("/report")).text
    assert "<script" not in listing and "&lt;script&gt;" in listing
    source_id = article["sources"][0]["id"]
    source_page = (await api.get(f"/sources/{source_id}", follow_redirects=True)).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in source_page  # the citing article's title
    assert "<script" not in source_page and "<img" not in source_page


async def test_unknown_report_is_a_problem(api: httpx.AsyncClient) -> None:
    missing = await api.get("/report/00000000-0000-4000-8000-000000000000")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.json()["type"].endswith("/not-found")
    invalid = await api.get("/report/not-a-uuid")
    assert invalid.status_code == 422
    assert invalid.headers["content-type"] == "application/problem+json"


async def test_report_list_searches_titles_and_claims(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer
) -> None:
    article_id = (await process_url(api, worker, corpus_server.url_for("/dev-01.html")))["id"]
    link = f'href="/report/{article_id}"'

    latest = await api.get("/report")
    assert latest.status_code == 200 and link in latest.text
    assert '<form method="get" action="/report"' in latest.text

    found = await api.get("/report", params={"q": "Grok billion"})
    assert link in found.text and "Grok billion" in found.text
    assert link not in (await api.get("/report", params={"q": "zzyzx platypus"})).text
    echoed = (await api.get("/report", params={"q": '"><script>x</script>'})).text
    assert "<script>x" not in echoed


async def test_report_list_pages_through_every_article(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer
) -> None:
    ids = [
        (await process_url(api, worker, corpus_server.url_for(f"/dev-0{n}.html")))["id"]
        for n in (1, 2, 3)
    ]
    seen: list[str] = []
    url: str | None = "/report?limit=2"
    while url:
        page = (await api.get(url)).text
        seen += re.findall(r'<li><a href="/report/([0-9a-f-]{36})">', page)
        older = re.search(r'<a rel="next" href="([^"]+)">', page)
        url = older.group(1).replace("&amp;", "&") if older else None
    assert seen == ids[::-1]
