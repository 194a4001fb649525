"""Citations through the running service: the same figures as `claimtrail eval`, and dev-01."""

from __future__ import annotations

import json
import re

import httpx
from pytest_httpserver import HTTPServer

from app.evaluation.corpus import evaluate, score_article, summarize
from app.pipeline.types import Citation, Extraction, Sentence, Source
from tests.conftest import DEV
from tests.floors import MEASURED, f1_one_miss_below
from tests.integration.conftest import process_url

FIGURES = (
    "citation",
    "sources",
    "title_accuracy",
    "date_accuracy",
    "uncited_claim_recall",
    "not_claim_fp_rate",
    "boilerplate_leaks",
)


async def _claims(api: httpx.AsyncClient, article: dict, **params: str) -> list[dict]:  # type: ignore[type-arg]
    response = await api.get(article["claims_url"], params={"limit": "500", **params})
    assert response.status_code == 200, response.text
    return response.json()["items"]  # type: ignore[no-any-return]


def _as_extraction(article: dict, claims: list[dict]) -> Extraction:  # type: ignore[type-arg]
    """What the API serves, in the shape the scorer reads (its URLs are the matching keys)."""
    sentences = [
        Sentence(
            index=c["sentence_index"],
            start=c["char_start"],
            end=c["char_end"],
            text=c["text"],
            attributed_to=c["attributed_to"],
            is_claim=True,
            citations=[Citation(url=x["normalized_url"], via=x["via"]) for x in c["citations"]],
        )
        for c in claims
    ]
    published = article["published_at"][:10] if article["published_at"] else None
    return Extraction(
        url=article["url"],
        text="",
        word_count=article["word_count"],
        title=article["title"],
        published=published,
        sentences=sentences,
        sources=[Source(url=s["normalized_url"], raw_url=s["url"]) for s in article["sources"]],
    )


async def test_service_figures_agree_with_eval(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer
) -> None:
    base = corpus_server.url_for("/").rstrip("/")
    scored = []
    for gold_path in sorted(DEV.glob("dev-*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = await process_url(api, worker, f"{base}/{gold_path.stem}.html")
        extraction = _as_extraction(article, await _claims(api, article))
        scored.append(score_article(gold, extraction, base=base) | {"ms": 0.0})
    service = summarize(scored)
    offline = evaluate(DEV)["overall"]
    for figure in FIGURES:
        assert service[figure] == offline[figure], figure
    dev = MEASURED["dev"]
    assert service["citation"]["f1"] >= f1_one_miss_below(*dev.citation), service
    assert service["sources"]["f1"] >= f1_one_miss_below(*dev.sources), service


async def test_dev01_markers_provenance_and_attribution(
    api: httpx.AsyncClient, worker, corpus_server: HTTPServer
) -> None:
    article = await process_url(api, worker, corpus_server.url_for("/dev-01.html"))
    gold = json.loads((DEV / "dev-01.json").read_text(encoding="utf-8"))
    by_label = {s["label"]: s for s in article["sources"]}
    techcrunch = by_label["4"]
    assert "techcrunch" in techcrunch["domain"]

    def carries_4(sentence: str) -> bool:
        return any("4" in re.split(r"[,\s–-]+", m) for m in re.findall(r"\[([^\]]+)\]", sentence))

    expected = {
        " ".join(re.sub(r"\s*\[[^\]]+\]", "", c["sentence"]).split())
        for c in gold["cited"]
        if carries_4(c["sentence"])
    }
    citing = await _claims(api, article, source_id=techcrunch["id"])
    marked = {
        " ".join(c["text"].split())
        for c in citing
        if any(x["via"] == "marker" and x["source_id"] == techcrunch["id"] for x in c["citations"])
    }
    assert marked == expected

    provenance = (await api.get(f"/v1/articles/{article['id']}/sources/{techcrunch['id']}")).json()
    assert {c["id"] for c in provenance["claims"]} == {c["id"] for c in citing}
    assert provenance["source"]["claim_count"] == len(citing)

    verge = next(s for s in article["sources"] if s["domain"] == "theverge.com")
    verge_claims = await _claims(api, article, source_id=verge["id"])
    according = [c for c in await _claims(api, article) if "according to The Verge" in c["text"]]
    assert according and {c["id"] for c in according} <= {c["id"] for c in verge_claims}

    across = (await api.get("/v1/sources", params={"url": techcrunch["url"]})).json()["items"]
    assert across[0]["id"] == techcrunch["id"] and across[0]["article_count"] == 1
    detail = (await api.get(f"/v1/sources/{techcrunch['id']}")).json()
    assert len(detail["articles"][0]["claims"]) == len(citing)
