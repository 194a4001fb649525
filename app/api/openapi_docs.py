"""What the OpenAPI document says beyond the code: short operationIds, examples, field docs."""

from __future__ import annotations

from typing import Any

from fastapi.routing import APIRoute

__all__ = ["ERROR_CODES", "FIELD_DOCS", "example_for", "operation_id"]

# Every `error.code` a job can end with (fetch, extraction and worker failures).
ERROR_CODES = (
    "invalid_url",
    "blocked_address",
    "dns_error",
    "connect_error",
    "fetch_timeout",
    "host_busy",
    "robots_disallowed",
    "too_many_redirects",
    "http_status",
    "too_large",
    "not_html",
    "decode_error",
    "not_text",
    "truncated",
    "no_article",
    "extract_timeout",
    "extract_crashed",
    "interrupted",
    "too_many_attempts",
    "storage_refused",
    "internal",
    "merged",
)

OPERATION_IDS = {
    "submit_article": "createArticleJob",
    "read_job": "getJob",
    "read_jobs": "listJobs",
    "job_events": "streamJobEvents",
    "submit_batch": "createBatch",
    "read_batch": "getBatch",
    "read_batches": "listBatches",
    "read_articles": "listArticles",
    "read_article": "getArticle",
    "read_article_text": "getArticleText",
    "verify_article_sources": "verifyArticle",
    "read_claims": "listClaims",
    "read_article_sources": "listArticleSources",
    "read_source_provenance": "getArticleSource",
    "read_provenance": "getArticleProvenance",
    "read_sources": "listSources",
    "read_source": "getSource",
    "read_latest_snapshot": "getSourceSnapshot",
    "read_snapshot": "getSourceSnapshotById",
    "healthz": "getHealth",
    "readyz": "getReadiness",
    "metrics": "getMetrics",
    "report_index": "getReportIndexPage",
    "report_page": "getReportPage",
}


def operation_id(route: APIRoute) -> str:
    """A short, stable operationId: a named one, else the handler's name in camelCase."""
    if route.name in OPERATION_IDS:
        return OPERATION_IDS[route.name]
    head, *rest = route.name.split("_")
    return head + "".join(part.title() for part in rest)


# Descriptions for properties the models leave undescribed: "Model.field", then "field".
FIELD_DOCS = {
    "items": "This page's items.",
    "next_cursor": "Pass as `cursor` for the next page; null on the last page.",
    "id": "Its id (a UUID).",
    "created_at": "When it was created (RFC 3339, UTC).",
    "url": "Its URL.",
    "title": "Its title, when known.",
    "domain": "Registrable domain (bbc.co.uk for news.bbc.co.uk).",
    "publisher": "Who published it, when known.",
    "label": "Its reference label in the article ('4' for [4]), when it has one.",
    "claim_count": "Claims resting on it.",
    "article_count": "Articles citing it.",
    "claims": "The claims.",
    "source": "The source.",
    "ArticleStats.sentences": "Sentences in the extracted text.",
    "ArticleStats.claims": "Check-worthy sentences and cited sentences.",
    "ArticleStats.cited_claims": "Claims resting on at least one linked source.",
    "ArticleStats.citation_coverage": "cited_claims / claims (0 when no claims).",
    "ArticleStats.sources": "Distinct sources the article cites.",
    "ArticleSummary.url": "The submitted URL, normalised (the article's identity).",
    "ArticleSummary.final_url": "Where the fetch ended after redirects.",
    "ArticleSummary.canonical_url": "The page's own canonical URL, when it declares one.",
    "ArticleSummary.byline": "Author(s) as the page gives them.",
    "ArticleSummary.published_at": "Publication time, when the page says.",
    "ArticleSummary.site_name": "The site's name, when the page says.",
    "ArticleSummary.language": "Language code of the page (e.g. en).",
    "ArticleSummary.fetched_at": "When the page was fetched.",
    "ArticleSummary.content_sha256": "SHA-256 of the fetched body.",
    "ArticleSummary.word_count": "Words in the extracted text.",
    "ArticleSummary.pipeline_version": "Version of the extraction pipeline that produced it.",
    "ArticleSummary.stats": "Counts of sentences, claims and sources.",
    "ArticleSummary.sources": "The article's sources in reference order.",
    "ArticleSummary.claims_url": "Its claims.",
    "ArticleSummary.provenance_url": "Its W3C PROV document.",
    "ArticleText.article_id": "The article.",
    "BatchItemError.url": "The rejected URL as submitted (at most 2,100 characters).",
    "BatchItemError.error": "The RFC 9457 problem saying why it was rejected.",
    "BatchOut.jobs": "One item per submitted URL, in order: a job, or a rejection.",
    "CitationOut.source_id": "The linked source; null for a named, unlinked one.",
    "CitationOut.marker": "The printed marker ('[4]', '¹', 'Ruiz 2023'), if any.",
    "CitationOut.attributed_to": "Who the sentence credits ('TechCrunch'), if anyone.",
    "CitingArticle.article_id": "The citing article.",
    "CitingArticle.url": "The citing article's URL.",
    "CitingArticle.title": "The citing article's title.",
    "CitingArticle.claims": "Its claims resting on the source.",
    "ClaimOut.id": "The claim's id.",
    "ClaimOut.sentence_index": "Position of the sentence in the article (0-based).",
    "ClaimOut.char_start": "Start offset in the article text (code points; see /text).",
    "ClaimOut.char_end": "End offset (exclusive) in the article text.",
    "ClaimOut.checkworthiness": "Check-worthiness score from 0 to 1.",
    "ClaimOut.kinds": "What the claim does: numeric, quote, attribution, prediction, …",
    "ClaimOut.quantities": "Figures the claim states, parsed.",
    "ClaimOut.citations": "Every citation of the sentence, in order.",
    "ClaimOut.attributed_to": "Names the sentence credits.",
    "ClaimOut.cited": "Rests on at least one linked source (citation_state == cited).",
    "ClaimOut.verification": "The verdict against one source (per-source views only).",
    "JobError.code": "Stable error code.",
    "JobError.message": "What went wrong, for people.",
    "JobError.retryable": "Whether the failure was passing (the job retried it).",
    "JobOut.url": "The URL as submitted.",
    "JobOut.status": "queued, running, succeeded or failed.",
    "JobOut.stage": "Where a running job is: queued, fetching, extracting, done (storing is one"
    " transaction with finishing, so a client never sees the older `storing`).",
    "JobOut.attempts": "Attempts started so far.",
    "JobOut.article_id": "The stored article, once succeeded.",
    "JobOut.batch_id": "The batch it belongs to, if any.",
    "JobOut.error": "Why it failed (or why its last attempt did).",
    "JobOut.started_at": "When its first attempt started.",
    "JobOut.finished_at": "When it ended.",
    "JobOut.links": "Related resources: self, article.",
    "Problem.type": "A URI naming the kind of problem.",
    "Problem.title": "The HTTP status phrase.",
    "Problem.status": "The HTTP status code.",
    "Problem.detail": "What went wrong, in one plain line.",
    "Problem.instance": "The request path.",
    "Problem.errors": "Per-field errors of a 422: loc, field, msg, type.",
    "QuantityOut.text": "The figure as written ('$6.4 billion').",
    "QuantityOut.value": "Its value (6400000000), when it has one.",
    "QuantityOut.unit": "Its unit (USD, percent, …), when it has one.",
    "QuantityOut.low": "Lower bound of a range.",
    "QuantityOut.high": "Upper bound of a range.",
    "SourceDetail.articles": "Articles citing the source, newest first.",
    "SourceProvenance.claims": "Every claim of the article resting on the source.",
    "SubmitArticle.url": "The article to fetch (http or https, at most 2,048 characters).",
    "SubmitBatch.urls": "1 to 1,000 URLs; each is validated on its own.",
    "SubmitBatch.force": "Fetch again even if stored.",
    "VerificationOut.evidence": "The passage of the source the verdict rests on.",
    "VerificationOut.score": "How well the best passage covers the claim (0 to 1).",
    "VerificationOut.checked_at": "When the verdict was reached.",
    "SnapshotOut.id": "The snapshot's id (a verdict's `snapshot_id`).",
    "SnapshotOut.source_id": "The source it is a snapshot of.",
    "SnapshotOut.fetched_at": "When the page was fetched.",
    "SnapshotOut.http_status": "The HTTP status the page was fetched with.",
    "SnapshotOut.content_type": "The page's Content-Type.",
}

JOB: dict[str, Any] = {
    "id": "0b6f7c1e-2d4a-4c1b-9a55-3f1e8f0c2d11",
    "url": "https://example.com/news/story.html",
    "status": "succeeded",
    "stage": "done",
    "attempts": 1,
    "article_id": "5d2c9a7e-8b1f-4e3a-a0c4-6f7e1d2b3c44",
    "batch_id": None,
    "error": None,
    "created_at": "2026-12-01T09:00:00Z",
    "started_at": "2026-12-01T09:00:01Z",
    "finished_at": "2026-12-01T09:00:03Z",
    "callback_status": None,
    "links": {"self": "/v1/jobs/0b6f7c1e-2d4a-4c1b-9a55-3f1e8f0c2d11"},
}
SOURCE = {
    "id": "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
    "url": "https://www.bbc.co.uk/news/articles/c4g7x2vq1e9o",
    "normalized_url": "https://bbc.co.uk/news/articles/c4g7x2vq1e9o",
    "domain": "bbc.co.uk",
    "publisher": "BBC News",
    "title": "Tidal lagoon approved",
    "label": "4",
    "claim_count": 3,
}
CLAIM = {
    "id": "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d",
    "text": "xAI raised $6.4 billion in its latest round.",
    "sentence_index": 12,
    "char_start": 3456,
    "char_end": 3500,
    "checkworthiness": 0.87,
    "features": ["number:+1.36", "cited:+3.00"],
    "kinds": ["numeric"],
    "quantities": [{"text": "$6.4 billion", "value": 6.4e9, "unit": "USD"}],
    "citations": [
        {
            "source_id": SOURCE["id"],
            "url": SOURCE["url"],
            "normalized_url": SOURCE["normalized_url"],
            "via": "marker",
            "marker": "[4]",
            "attributed_to": None,
        }
    ],
    "attributed_to": [],
    "cited": True,
    "citation_state": "cited",
}
STATS = {
    "sentences": 80,
    "claims": 41,
    "cited_claims": 19,
    "uncited_claims": 22,
    "attributed_claims": 5,
    "citation_coverage": 0.46,
    "sources": 4,
}
ARTICLE = {
    "id": JOB["article_id"],
    "url": JOB["url"],
    "title": "Tidal lagoon approved",
    "byline": "A. Writer",
    "published_at": "2026-11-30T08:00:00Z",
    "word_count": 1234,
    "stats": STATS | {"verdicts": {"supported": 14, "contradicted": 1, "not_found": 4}},
    "verification": "done",
    "verified_at": "2026-12-01T09:00:09Z",
    "sources": [SOURCE],
    "claims_url": f"/v1/articles/{JOB['article_id']}/claims",
}
COUNTS = {"queued": 0, "running": 1, "succeeded": 997, "failed": 2}
BATCH = {
    "id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
    "created_at": "2026-12-01T09:00:00Z",
    "total": 1000,
    "counts": COUNTS,
    "done": False,
    "jobs_url": "/v1/jobs?batch_id=1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
}
SOURCE_OUT = {
    k: v for k, v in SOURCE.items() if k not in ("label", "publisher", "url", "claim_count")
} | {"url": SOURCE["normalized_url"], "publisher": "BBC News", "article_count": 2, "claim_count": 5}
SNAPSHOT = {
    "id": 42,
    "source_id": SOURCE["id"],
    "final_url": "https://www.bbc.co.uk/news/articles/c4g7x2vq1e9o",
    "fetched_at": "2026-12-01T09:00:05Z",
    "http_status": 200,
    "content_type": "text/html",
    "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "text": "Tidal lagoon approved\nThe council approved the lagoon on Tuesday.\n…",
}
VERDICT = {
    "status": "contradicted",
    "evidence": "The council approved the lagoon on Tuesday.",
    "score": 0.12,
    "reasons": ["the page says 'Tuesday' where the claim says 'Monday'"],
    "snapshot_id": SNAPSHOT["id"],
    "evidence_start": 22,
    "evidence_end": 65,
    "checked_at": "2026-12-01T09:00:06Z",
}
EXAMPLES: dict[str, Any] = {
    "createArticleJob": JOB | {"status": "queued", "stage": "queued", "article_id": None},
    "getJob": JOB,
    "listJobs": {"items": [JOB], "next_cursor": None},
    "createBatch": {"id": BATCH["id"], "created_at": BATCH["created_at"], "jobs": [JOB]},
    "getBatch": BATCH | {"jobs": [JOB], "next_cursor": "eyJr…"},
    "listBatches": {"items": [BATCH], "next_cursor": None},
    "listArticles": {"items": [ARTICLE], "next_cursor": None},
    "getArticle": ARTICLE,
    "verifyArticle": {
        "article_id": ARTICLE["id"],
        "verification": "pending",
        "requested_at": "2026-12-01T10:00:00Z",
        "refresh": False,
        "article_url": f"/v1/articles/{ARTICLE['id']}",
    },
    "getArticleText": {
        "article_id": ARTICLE["id"],
        "text": "Tidal lagoon approved. …",
        "length": 7012,
    },
    "listClaims": {"items": [CLAIM], "next_cursor": None},
    "listArticleSources": {"items": [SOURCE], "next_cursor": None},
    "getArticleSource": {
        "source": SOURCE,
        "claims": [CLAIM | {"verification": VERDICT}],
        "verification_counts": {"supported": 1},
    },
    "listSources": {"items": [SOURCE_OUT], "next_cursor": None},
    "getSource": {"source": SOURCE_OUT, "articles": []},
    "getSourceSnapshot": SNAPSHOT,
    "getSourceSnapshotById": SNAPSHOT,
    "getHealth": {"status": "ok"},
    "getReadiness": {"status": "ready", "database": True, "redis": True},
    "getArticleProvenance": {"@context": {"prov": "http://www.w3.org/ns/prov#"}, "@graph": []},
}
BY_MEDIA_TYPE = {
    "text/html": "<!doctype html><html lang=en><title>claimtrail</title>…</html>",
    "text/event-stream": 'event: job\ndata: {"status": "running", "stage": "fetching"}\n\n',
    "text/plain": "# HELP claimtrail_jobs_total Jobs by outcome\n",
    "text/csv": "article_id,article_url,claim_id,…\r\n",
    "application/x-ndjson": '{"article_id": "…", "id": "…", "text": "…"}\n',
    "application/ld+json": {"@context": {"prov": "http://www.w3.org/ns/prov#"}, "@graph": []},
}


def example_for(op_id: str, media_type: str) -> Any:
    """The example body of an operation's success response in this media type, or None."""
    if media_type == "application/json" and op_id in EXAMPLES:
        return EXAMPLES[op_id]
    return BY_MEDIA_TYPE.get(media_type)
