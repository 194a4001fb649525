"""The list of the latest reports, with a full-text search box."""

from __future__ import annotations

from app.models import Article
from app.report.layout import document
from app.report.markup import esc

__all__ = ["render_index"]


def _item(article: Article) -> str:
    """One article: its title linking to its report, where and when it comes from, its stats."""
    stats = article.stats or {}
    meta = [
        esc(article.site_name or article.domain or ""),
        esc(article.published_at.date().isoformat()) if article.published_at else "",
        f"{int(stats.get('claims', 0))} claims",
        f"{round(float(stats.get('citation_coverage', 0.0)) * 100)}% cited",
    ]
    spans = "".join(f"<span>{m}</span>" for m in meta if m)
    return (
        f'<li><a href="/report/{article.id}">{esc(article.title or article.url)}</a><br>'
        f'<span class="meta">{spans}</span></li>'
    )


def render_index(articles: list[Article], *, q: str | None, limit: int) -> str:
    """The page: a search form and the articles, newest first."""
    heading = (
        f'Articles matching “{esc(q)}” <a class="muted" href="/report">show all</a>'
        if q
        else f"Latest {limit} articles"
    )
    items = "\n".join(_item(a) for a in articles)
    listing = (
        f'<ul class="articles">\n{items}\n</ul>' if articles else '<p class="muted">None yet.</p>'
    )
    body = (
        "<h1>claimtrail reports</h1>\n"
        '<form method="get" action="/report" role="search">'
        f'<input type="search" name="q" value="{esc(q)}" maxlength="500" '
        'placeholder="Search titles and claims" aria-label="Search">'
        "<button>Search</button></form>\n"
        f"<h2>{heading}</h2>\n{listing}"
    )
    return document(title="claimtrail reports", body=body)
