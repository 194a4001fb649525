"""Embedded social posts in the article: the post is a source, and its author the name it
goes by, so "In the post, Agyeman wrote…" links to it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from app.pipeline.types import Reference
from app.urls import join_url, registrable_domain

__all__ = ["Embed", "embedded_post_url", "find_embeds"]

_EMBED_CLASSES = frozenset(
    {"twitter-tweet", "instagram-media", "tiktok-embed", "bluesky-embed", "mastodon-embed",
     "threads-embed", "reddit-embed", "social-embed", "embedded-post", "fb-xfbml-parse-ignore"}
)  # fmt: skip
_POST_PATH = re.compile(r"/(?:status|statuses|post|posts|p|reel|video|comments)/\w", re.I)
# "— Ruth Agyeman (@MayorRuthA) February 14, 2026"
_AUTHOR = re.compile(r"[—–-]\s*([^()—–\n]{2,60}?)\s*\(@[\w.]+\)")
_PLATFORMS = {"x": "X", "twitter": "Twitter", "bsky": "Bluesky", "tiktok": "TikTok"}


@dataclass(slots=True)
class Embed:
    """One embedded post: the element, the post's URL and the reference it becomes."""

    element: HtmlElement
    reference: Reference


def _is_embed(el: HtmlElement) -> bool:
    classes = set((el.get("class") or "").lower().split())
    return bool(classes & _EMBED_CLASSES) or bool(el.get("data-platform"))


def _post_url(el: HtmlElement, base_url: str) -> str | None:
    """The `cite` address, else the last link that points at a post."""
    cite = (el.get("cite") or "").strip()
    if cite.startswith(("http://", "https://")):
        return cite
    joined = (join_url(base_url, a.get("href", "").strip()) for a in el.iter("a") if a.get("href"))
    hrefs = [h for h in joined if h]
    posts = [h for h in hrefs if _POST_PATH.search(urlsplit(h).path)]
    return posts[-1] if posts else None


def _platform(url: str) -> str:
    """ "chirp.example" -> "Chirp", "x.com" -> "X"."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    head = (registrable_domain(url) or host).split(".")[0]
    return _PLATFORMS.get(head, head.capitalize())


def embedded_post_url(el: HtmlElement, base_url: str) -> str | None:
    """The post's URL when `el` is an embedded post, else None."""
    return _post_url(el, base_url) if _is_embed(el) else None


def find_embeds(containers: Sequence[HtmlElement], *, base_url: str) -> list[Embed]:
    """Embedded posts inside the article containers, in document order."""
    found = []
    for container in containers:
        for el in container.iter("blockquote", "div"):
            if not _is_embed(el):
                continue
            url = _post_url(el, base_url)
            if url is None:
                continue
            author = _AUTHOR.search(el.text_content())
            speaker = author.group(1).strip() if author else None
            platform = _platform(url)
            reference = Reference(
                label=f"{platform} post", url=url, publisher=platform, speaker=speaker,
                text=" ".join(el.text_content().split()),
            )  # fmt: skip
            found.append(Embed(el, reference))
    return found
