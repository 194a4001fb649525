"""Small hand-written article pages for the pipeline tests (not copies of the corpus)."""

from __future__ import annotations

from app.pipeline import run_pipeline
from app.pipeline.sentences import split_sentences
from app.pipeline.types import Block, Extraction, Sentence

PAGE_URL = "https://news.example.org/2026/05/story"

_CHROME_TOP = """
<header class="site-header"><nav class="main-nav"><a href="/">Home</a> <a href="/world">World</a>
<a href="/newsletter">Newsletter</a></nav></header>
<div class="cookie-banner"><p>We use cookies to measure traffic and show relevant ads.</p></div>
"""
_CHROME_BOTTOM = """
<section class="related"><h2>Related stories</h2><ul>
<li><a href="/2026/04/other">Prices rose 12% at the pump last week, analysts estimate</a>
</li></ul></section>
<section class="comments"><h2>Comments</h2><div class="comment"><p>Inflation hit 9% in my town
last year, according to my neighbour.</p></div></section>
<footer class="site-footer"><p>© 2026 Example News. All rights reserved.</p></footer>
"""


def page(body: str, *, title: str = "A test story", head: str = "", after: str = "") -> str:
    """A full page: chrome around an <article> whose body is `body`."""
    return f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>{title} | Example News</title>
<link rel="canonical" href="{PAGE_URL}">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2026-05-02T08:00:00Z">
{head}</head><body>{_CHROME_TOP}
<main><article><h1>{title}</h1>
<p class="byline">By <a href="/author/jo">Jo Writer</a></p>
<div class="story-body">{body}</div>{after}</article></main>{_CHROME_BOTTOM}</body></html>"""


def extract(body: str, **kwargs: str) -> Extraction:
    """Run the pipeline over `page(body)`."""
    return run_pipeline(page(body, **kwargs), PAGE_URL)


def sentence(ext: Extraction, start: str) -> Sentence:
    """The sentence that starts with `start`."""
    matches = [s for s in ext.sentences if s.text.startswith(start)]
    assert matches, f"no sentence starts with {start!r}: {[s.text for s in ext.sentences]}"
    return matches[0]


def urls(s: Sentence) -> set[str]:
    """Linked source URLs of one sentence."""
    return {c.url for c in s.citations if c.url}


def split(text: str) -> list[str]:
    """The sentences of `text` taken as one paragraph."""
    return [text[s:e] for s, e in split_sentences(text, [Block("paragraph", 0, len(text))])]
