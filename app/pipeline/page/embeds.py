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

__all__ = [
    "Embed", "embed_platform", "embedded_post_url", "find_embeds", "post_anchor", "post_mentions",
]  # fmt: skip

_EMBED_CLASSES = frozenset(
    {"twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed", "bluesky-embed",
     "mastodon-embed", "threads-embed", "reddit-embed", "social-embed", "embedded-post",
     "fb-xfbml-parse-ignore"}
)  # fmt: skip
_POST_PATH = re.compile(r"/(?:status|statuses|post|posts|p|reel|video|comments)/\w", re.I)
# "— Ruth Agyeman (@MayorRuthA) February 14, 2026"
_AUTHOR = re.compile(r"[—–-]\s*([^()—–\n]{2,60}?)\s*\(@[\w.]+\)")
# the sentence above an embedded post reports it: "one user quipped", "posted on Twitter", "…:"
_INTRODUCES_POST = re.compile(
    r"\b(?:tweet\w*|post(?:s|ed)?|wr(?:ote|ites)|said|says|shared|quipped|wonder(?:s|ed)|asked"
    r"|repl(?:y|ied|ies)|respond(?:s|ed)|react(?:s|ed)|criticis\w+|criticiz\w+|describ(?:e|es|ed)"
    r"|announc\w+|statement|twitter|instagram|facebook|tiktok|bluesky"
    # German: "…, retweetete sie von einer externen Quelle", "empörte sich über Seehofer"
    r"|twitter\w+|retweet\w*|postete\w*|gepostet|teilte\w*|geteilt|schrieb|schreibt|sagte"
    r"|reagier\w+|kommentier\w+|kritisier\w+|empört\w*|empörte\w*|informier\w+)\b|:\W*$",
    re.I,
)
# a bare pointer to what follows: "See tweets:", "Watch:", "Here it is:"
_POINTER = re.compile(r"\s*(?:\w+\s*){1,3}:\W*$")
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s+")
_WORDS = re.compile(r"\w+")
_QUOTED_RUN = 6  # words of the post a body sentence must repeat to be quoting it
_LOOK_BACK = 4  # paragraphs above the post where its quotation may stand
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


def embed_platform(url: str) -> str:
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
            platform = embed_platform(url)
            reference = Reference(
                label=f"{platform} post", url=url, publisher=platform, speaker=speaker,
                text=" ".join(el.text_content().split()), embedded=True,
            )  # fmt: skip
            found.append(Embed(el, reference))
    return found


def post_anchor(
    text: str, spans: Sequence[tuple[int, int]], post_text: str, platform: str = ""
) -> int | None:
    """Where in `text` the sentence citing an embedded post stands: the one of the last few
    paragraphs (`spans`) that repeats six words of the post in a row ("“Hey Twitter, the whole
    point…,” Noem tweeted."), else the last sentence above it when that one reports a post,
    else the nearest one above that says it went on the post's platform ("…took to Instagram
    on Monday to share a photo")."""
    words = [w.lower() for w in _WORDS.findall(post_text)]
    runs = {tuple(words[i : i + _QUOTED_RUN]) for i in range(len(words) - _QUOTED_RUN + 1)}
    for start, end in reversed(spans[-_LOOK_BACK:]):
        found = [(m.start(), m.group().lower()) for m in _WORDS.finditer(text, start, end)]
        for i in range(len(found) - _QUOTED_RUN + 1):
            if tuple(w for _, w in found[i : i + _QUOTED_RUN]) in runs:
                return found[i][0]
    if not spans:
        return None
    start, end = spans[-1]
    tail_start = _last_sentence_start(text, start, end)
    if _POINTER.match(text[tail_start:end]):  # "See tweets:" points down; the claim is above
        start, end = (start, tail_start) if tail_start > start else _previous(spans)
        if end <= start:
            return None
        tail_start = _last_sentence_start(text, start, end)
    if _INTRODUCES_POST.search(text[tail_start:end]):
        return end - 1
    return _went_on(text, spans, platform) if platform else None


def _went_on(text: str, spans: Sequence[tuple[int, int]], platform: str) -> int | None:
    """The end of the nearest sentence of the last few paragraphs that says someone took to,
    posted on or shared on `platform`."""
    went = re.compile(
        rf"\b(?:took to|posted (?:on|to)|shared (?:on|to)|wrote on)\s+{re.escape(platform)}\b",
        re.IGNORECASE,
    )
    for start, end in reversed(spans[-_LOOK_BACK:]):
        ends = [start, *(m.end() for m in _SENTENCE_END.finditer(text, start, end)), end]
        for lo, hi in reversed(list(zip(ends, ends[1:], strict=False))):
            if went.search(text, lo, hi):
                return _last_char(text, lo, hi)
    return None


def _last_char(text: str, lo: int, hi: int) -> int:
    """The offset of the last non-space character of text[lo:hi]."""
    return lo + len(text[lo:hi].rstrip()) - 1


def _last_sentence_start(text: str, start: int, end: int) -> int:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start, end)]
    return ends[-1] if ends else start


def _previous(spans: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The paragraph before the last one, or an empty span."""
    return spans[-2] if len(spans) > 1 else (0, 0)


# A sentence under an embedded post that speaks of it: "Manuela kommentierte ihren Post mit
# den Hashtags…", "… das stylishe Foto kommentierte", "In den Kommentaren bestätigt sie…",
# "In the caption, she wrote…": the post named by its noun and a verb of commenting on or
# sharing it, or its comments or caption
_POST_NOUN = re.compile(
    r"\b(?:ihren|seinen|ihrem|seinem|deren|dessen|den|dem|diesen|diesem|das|her|his|their|the)"
    r"\s+(?:\w+\s+)?(?:Post|Posting|Tweet|Beitrag|Foto|Video|post|tweet|photo|video)\b"
)
_ON_POST = re.compile(
    r"\b(?:kommentier\w*|teilte\w*|geteilt|postete\w*|gepostet|commented|shared|posted|liked)\b"
)
_COMMENTS = re.compile(
    r"\b[Ii]n\s+(?:den\s+Kommentaren|the\s+(?:comments|caption))\b|\bcaptioned\b"
)
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
AFTER_POST = 5  # paragraphs under an embedded post that may still speak of it


def post_mentions(text: str) -> list[tuple[int, int]]:
    """Where a paragraph under an embedded post speaks of the post (spans in `text`)."""
    found = []
    for m in _SENTENCE.finditer(text):
        sentence = m.group()
        noun = _POST_NOUN.search(sentence)
        hit = noun if noun and _ON_POST.search(sentence) else _COMMENTS.search(sentence)
        if hit is not None:
            found.append((m.start() + hit.start(), m.start() + hit.end()))
    return found
