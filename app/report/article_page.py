"""The report page of one article: header, stats, highlighted text, sources, uncited claims."""

from __future__ import annotations

import uuid

from app.articles.schemas import ArticleSourceOut, ArticleStats
from app.claims.schemas import ClaimOut
from app.models import Article
from app.report.highlight import claim_anchor, highlighted_text, source_anchor
from app.report.layout import document
from app.report.markup import esc, external_link
from app.report.service import Report

__all__ = ["render_report"]


def _header(article: Article) -> str:
    """Title, byline, date, site and the linked URL."""
    meta = [
        esc(article.byline) if article.byline else "",
        esc(article.published_at.date().isoformat()) if article.published_at else "",
        esc(article.site_name or article.domain) if (article.site_name or article.domain) else "",
    ]
    spans = "".join(f"<span>{m}</span>" for m in meta if m)
    url = article.final_url or article.url
    return (
        f'<nav><a href="/report">All reports</a> · '
        f'<a href="/v1/articles/{article.id}">JSON</a></nav>\n'
        f"<header><h1>{esc(article.title or url)}</h1>\n"
        f'<p class="meta">{spans}</p>\n<p class="url">{external_link(url)}</p></header>'
    )


def _stats(stats: ArticleStats) -> str:
    """The counts and the citation coverage as a bar."""
    percent = round(min(max(stats.citation_coverage, 0.0), 1.0) * 100)
    figures = [
        (stats.sentences, "sentences"),
        (stats.claims, "claims"),
        (stats.cited_claims, "cited"),
        (stats.uncited_claims, "uncited"),
        (stats.sources, "sources"),
    ]
    items = "".join(f"<li><b>{n}</b>{label}</li>" for n, label in figures)
    return (
        f'<section aria-label="Statistics"><ul class="stats">{items}</ul>\n'
        f'<p class="muted">Citation coverage {percent}% of claims</p>\n'
        f'<div class="bar" role="img" aria-label="Citation coverage {percent}%">'
        f'<span style="width:{percent}%"></span></div>\n'
        '<p class="legend"><mark class="claim cited">cited claim</mark> '
        '<mark class="claim uncited">uncited claim</mark> '
        '<span class="muted">hover a claim for its score and kinds</span></p></section>'
    )


def _source(number: int, source: ArticleSourceOut) -> str:
    """One entry of the sources list, anchored for the footnotes."""
    name = source.title or source.publisher or source.domain or "Untitled source"
    details = [
        esc(source.publisher) if source.publisher else "",
        esc(source.domain) if source.domain else "",
        f"label {esc(source.label)}" if source.label else "",
        f"{source.claim_count} claim{'s' if source.claim_count != 1 else ''}",
    ]
    meta = "".join(f"<span>{d}</span>" for d in details if d)
    return (
        f'<li id="{source_anchor(number)}"><span class="num">{number}</span>'
        f'<strong>{esc(name)}</strong><br><span class="meta">{meta}</span><br>'
        f'<span class="url">{external_link(source.url)}</span></li>'
    )


def _sources(sources: list[ArticleSourceOut]) -> str:
    """The sources in reference order."""
    if not sources:
        return '<h2 id="sources">Sources</h2>\n<p class="muted">No sources found.</p>'
    items = "\n".join(_source(n, s) for n, s in enumerate(sources, start=1))
    return f'<h2 id="sources">Sources</h2>\n<ol class="sources">\n{items}\n</ol>'


def _uncited(claims: list[ClaimOut]) -> str:
    """The claims that rest on no source, most check-worthy first, for quick review."""
    uncited = sorted((c for c in claims if not c.cited), key=lambda c: -c.checkworthiness)
    if not uncited:
        return '<h2 id="uncited">Uncited claims</h2>\n<p class="muted">Every claim is cited.</p>'
    items = "\n".join(
        f'<li><span class="score">{c.checkworthiness:.2f}</span>'
        f'<a href="#{claim_anchor(c)}">{esc(c.text)}</a> '
        f'<span class="muted">{esc(", ".join(c.kinds))}</span></li>'
        for c in uncited
    )
    heading = f'<h2 id="uncited">Uncited claims ({len(uncited)})</h2>'
    note = '<p class="muted">Most check-worthy first; each links to its place in the text.</p>'
    return f'{heading}\n{note}\n<ul class="uncited">\n{items}\n</ul>'


def render_report(report: Report) -> str:
    """The whole report page."""
    article, claims, sources = report.article, report.claims, report.sources
    numbers: dict[uuid.UUID, int] = {s.id: n for n, s in enumerate(sources, start=1)}
    text = highlighted_text(article.text or "", claims, numbers)
    lang = f' lang="{esc(article.language)}"' if article.language else ""
    body = "\n".join(
        [
            _header(article),
            _stats(report.stats),
            f'<h2 id="text">Article</h2>\n<div class="text"{lang}>'
            f"{text or '<p class=muted>No stored text.</p>'}</div>",
            _sources(sources),
            _uncited(claims),
        ]
    )
    return document(title=f"Report: {article.title or article.url}", body=body)
