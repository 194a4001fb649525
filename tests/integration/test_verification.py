"""Source verification through the service: dev-08's cited pages checked claim by claim."""

from __future__ import annotations

import json

import httpx
from pytest_httpserver import HTTPServer

from app.evaluation.corpus import normalize_sentence
from app.urls import normalize_source_url
from tests.conftest import DEV
from tests.integration.conftest import process_url


async def test_dev08_verdicts_match_the_gold(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer
) -> None:
    base = corpus_server.url_for("/").rstrip("/")
    gold = json.loads((DEV / "dev-08.json").read_text(encoding="utf-8"))
    article = await process_url(api, worker, f"{base}/dev-08.html", verify=True)
    by_url = {s["url"]: s for s in article["sources"]}

    for case in gold["verification"]:
        source = by_url[normalize_source_url(case["url"].replace("{{BASE}}", base))]
        provenance = (await api.get(f"/v1/articles/{article['id']}/sources/{source['id']}")).json()
        claims = {normalize_sentence(c["text"]): c for c in provenance["claims"]}
        claim = claims[normalize_sentence(case["sentence"])]
        assert claim["verification"]["status"] == case["verdict"], (case, claim["verification"])
        assert sum(provenance["verification_counts"].values()) == len(provenance["claims"])


async def test_without_verify_every_claim_is_unchecked(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer
) -> None:
    article = await process_url(api, worker, corpus_server.url_for("/dev-08.html"))
    source = article["sources"][0]
    provenance = (await api.get(f"/v1/articles/{article['id']}/sources/{source['id']}")).json()
    assert provenance["verification_counts"] == {"unchecked": len(provenance["claims"])}


async def test_a_source_that_cannot_be_read_leaves_its_claims_unchecked(
    api: httpx.AsyncClient, worker, httpserver: HTTPServer
) -> None:
    # Verification asked for, but one source is a broken PDF and the other is gone: the
    # PDF's claim stays `unchecked` (nothing to read, not a failure), the missing page's
    # `unreachable`.
    httpserver.expect_request("/minutes.pdf").respond_with_data(
        b"%PDF-1.7", content_type="application/pdf"
    )
    httpserver.expect_request("/gone").respond_with_data("gone", status=404)
    pdf, gone = httpserver.url_for("/minutes.pdf"), httpserver.url_for("/gone")
    httpserver.expect_request("/article").respond_with_data(
        "<html><head><title>Budget vote</title></head><body><article>"
        f'<p>The council approved a budget of $4 million on Tuesday, <a href="{pdf}">the '
        "minutes show</a>.</p>"
        f'<p>The plan cuts bus fares by 20 percent from March, <a href="{gone}">the transit '
        "agency said</a>.</p></article></body></html>",
        content_type="text/html",
    )
    article = await process_url(api, worker, httpserver.url_for("/article"), verify=True)
    by_url = {normalize_source_url(s["url"]): s for s in article["sources"]}
    expected = {pdf: ("unchecked", "pdf_unreadable"), gone: ("unreachable", "http_status")}
    assert set(by_url) == {normalize_source_url(u) for u in expected}
    for url, (status, evidence) in expected.items():
        source = by_url[normalize_source_url(url)]
        path = f"/v1/articles/{article['id']}/sources/{source['id']}"
        provenance = (await api.get(path)).json()
        assert len(provenance["claims"]) == 1, provenance
        verification = provenance["claims"][0]["verification"]
        assert (verification["status"], verification["evidence"]) == (status, evidence)
        assert provenance["verification_counts"] == {status: 1}


async def test_a_product_put_under_another_company_is_contradicted(
    api: httpx.AsyncClient, worker, httpserver: HTTPServer
) -> None:
    # The source says Mistral AI's Mixtral 8x22B; the article cites it for Google's.
    httpserver.expect_request("/mixtral").respond_with_data(
        "<html><head><title>Mixtral 8x22B | Mistral AI</title></head><body><article>"
        "<h1>Cheaper, better, faster, stronger</h1>"
        "<p>Mistral AI's Mixtral 8x22B demonstrated that sparse activation patterns can deliver "
        "GPT-4-class performance at a fraction of the inference cost.</p>"
        "<p>Mixtral 8x22B is a sparse mixture-of-experts model that uses only 39 billion active "
        "parameters out of 141 billion, released under the Apache 2.0 licence.</p>"
        "</article></body></html>",
        content_type="text/html",
    )
    source = httpserver.url_for("/mixtral")
    httpserver.expect_request("/article").respond_with_data(
        "<html><head><title>Sparse models</title></head><body><article>"
        "<p>Google’s Mixtral 8x22B demonstrated that sparse activation patterns can deliver "
        f'GPT-4-class performance at a fraction of the inference cost, <a href="{source}">the '
        "launch post said</a>.</p>"
        "<p>Open models have become a serious option for companies that want to run their own "
        "systems, and the gap to closed models keeps shrinking every quarter.</p>"
        "</article></body></html>",
        content_type="text/html",
    )
    article = await process_url(api, worker, httpserver.url_for("/article"), verify=True)
    (cited,) = [
        s
        for s in article["sources"]
        if normalize_source_url(s["url"]) == normalize_source_url(source)
    ]
    provenance = (await api.get(f"/v1/articles/{article['id']}/sources/{cited['id']}")).json()
    (claim,) = [c for c in provenance["claims"] if "Mixtral" in c["text"]]
    assert claim["verification"]["status"] == "contradicted", claim
    assert "Mistral AI" in claim["verification"]["evidence"]


async def test_a_partly_stated_claim_is_stored_as_partially_supported(
    api: httpx.AsyncClient, worker, httpserver: HTTPServer
) -> None:
    # "partially_supported" is longer than the 16 characters the status column first held.
    # The claim's second half (a stadium for the team) is plain words the page lacks: a claim
    # whose only name is missing scores too low for partly supported (names=0).
    httpserver.expect_request("/minutes").respond_with_data(
        "<html><head><title>Budget vote</title></head><body><article><h1>Budget vote</h1>"
        "<p>The city council approved a budget of $4 million on Tuesday for road repairs.</p>"
        "<p>The vote was unanimous.</p></article></body></html>",
        content_type="text/html",
    )
    minutes = httpserver.url_for("/minutes")
    httpserver.expect_request("/article").respond_with_data(
        "<html><head><title>Council</title></head><body><article>"
        "<p>The city council approved a $4 million budget for road repairs and a new stadium "
        f'for the local football team, <a href="{minutes}">the minutes show</a>.</p>'
        "<p>Residents have asked for better roads for years, and the council has listened to "
        "them at last, several of its members said after the meeting.</p>"
        "</article></body></html>",
        content_type="text/html",
    )
    article = await process_url(api, worker, httpserver.url_for("/article"), verify=True)
    (cited,) = [
        s
        for s in article["sources"]
        if normalize_source_url(s["url"]) == normalize_source_url(minutes)
    ]
    provenance = (await api.get(f"/v1/articles/{article['id']}/sources/{cited['id']}")).json()
    (claim,) = [c for c in provenance["claims"] if "football team" in c["text"]]
    assert claim["verification"]["status"] == "partially_supported", claim
    assert 0.0 < claim["verification"]["score"] < 1.0
    assert provenance["verification_counts"] == {"partially_supported": 1}
