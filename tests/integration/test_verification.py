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
