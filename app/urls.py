"""URL normalisation shared by article de-duplication and source identity."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

import tldextract
from url_normalize import url_normalize

__all__ = [
    "MAX_URL_LENGTH",
    "is_tracking_param",
    "join_url",
    "normalize_article_url",
    "normalize_source_url",
    "registrable_domain",
    "unwrap_redirect",
]

# Longer URLs are refused at submission and never a source: browsers and servers stop near
# here, and a database index row cannot hold much more (a 9,000-character href of URL-encoded
# article text once failed a job's storing).
MAX_URL_LENGTH = 2048

_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "hsa_", "_hs")
_TRACKING_NAMES = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "igshid",
        "twclid",
        "mkt_tok",
        "_ga",
        "_gl",
        "ref_src",
        "spm",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "s_cid",
        "cmpid",
        "ncid",
        "ocid",
        "sr_share",
    }
)
# Hosts of identifier resolvers, all served over https; each maps to its canonical host.
_IDENTIFIER_HOSTS = {
    "doi.org": "doi.org",
    "dx.doi.org": "doi.org",
    "arxiv.org": "arxiv.org",
    "export.arxiv.org": "arxiv.org",
    "ncbi.nlm.nih.gov": "ncbi.nlm.nih.gov",
    "pubmed.ncbi.nlm.nih.gov": "pubmed.ncbi.nlm.nih.gov",
    "pmc.ncbi.nlm.nih.gov": "pmc.ncbi.nlm.nih.gov",
    "hdl.handle.net": "hdl.handle.net",
    "jstor.org": "jstor.org",
}
_ARXIV_PDF = re.compile(r"^/pdf/(.+?)(?:\.pdf)?$")
# Offline: the bundled public suffix snapshot, never a download at run time.
_extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


# zero-width spaces, joiners and byte-order marks pasted before an address, raw or
# percent-encoded: href="%E2%80%8B%E2%80%8Bhttps://example.org/" means https://example.org/
_INVISIBLE_LEAD = re.compile(
    r"^(?:\s|[\u200b-\u200d\u2060\ufeff]|%E2%80%8[BCD]|%E2%81%A0|%EF%BB%BF)+(?=[a-z]+:|/)",
    re.IGNORECASE,
)


def join_url(base: str, href: str) -> str | None:
    """`href` resolved against `base`, out of a click redirector's wrapping; None for one no
    URL parser accepts ("http://[::")."""
    href = _INVISIBLE_LEAD.sub("", href)
    try:
        joined = urljoin(base, href)
        urlsplit(joined).port  # noqa: B018  (a bad port raises only when read)
    except ValueError:
        return None
    return unwrap_redirect(joined)


# Click redirectors that carry the target in their query: the parameter, or "" for a query
# that is the target itself ("https://href.li/?https://example.org/page").
_REDIRECTORS = {
    "href.li": "",
    "l.facebook.com": "u",
    "lm.facebook.com": "u",
    "l.instagram.com": "u",
    "www.google.com": "q",
    "google.com": "q",
    "t.umblr.com": "z",
    "out.reddit.com": "url",
    "www.youtube.com": "q",
    "slack-redir.net": "url",
}
_REDIRECT_PATHS = {"www.google.com": "/url", "google.com": "/url", "www.youtube.com": "/redirect"}


def unwrap_redirect(url: str) -> str:
    """The page a known click redirector sends to, or `url` itself."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    param = _REDIRECTORS.get(host)
    if param is None or (host in _REDIRECT_PATHS and parts.path != _REDIRECT_PATHS[host]):
        return url
    if param:
        target = dict(parse_qsl(parts.query)).get(param, "")
    else:
        target = unquote(parts.query).removesuffix("=")
    return target if re.match(r"https?://[^/\s]", target, re.IGNORECASE) else url


def is_tracking_param(name: str) -> bool:
    """True for query parameters that only track the click, never change the page."""
    lowered = name.lower()
    return lowered in _TRACKING_NAMES or lowered.startswith(_TRACKING_PREFIXES)


def normalize_article_url(url: str) -> str:
    """Scheme/host case, default port, percent-encoding; drops fragment and tracking params."""
    try:
        normalized = url_normalize(url.strip()) or url.strip()
    except (UnicodeError, ValueError):  # a host IDNA can't encode: keep it as given
        normalized = url.strip()
    parts = urlsplit(normalized)
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not is_tracking_param(k)
        ]
    )
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query, ""))


def normalize_source_url(url: str) -> str:
    """The article rules plus no `www.` and no trailing slash: one row per cited page; an
    identifier URL (DOI, arXiv, PubMed Central, handle) in its one canonical https form."""
    parts = urlsplit(normalize_article_url(url))
    host = parts.netloc.removeprefix("www.")
    path = parts.path.rstrip("/") if parts.path != "/" else ""
    scheme = parts.scheme
    if host in _IDENTIFIER_HOSTS:
        scheme, host = "https", _IDENTIFIER_HOSTS[host]
        if host == "doi.org":  # DOIs are case-insensitive, and "%2F" is their "/" too
            path = quote(unquote(path), safe="/:;()[]._-~!$&'*+,=@").lower()
        elif host == "arxiv.org":  # the abstract page stands for the paper, any version
            path = _ARXIV_PDF.sub(r"/abs/\1", path)
    return urlunsplit((scheme, host, path, parts.query, ""))


def registrable_domain(url_or_host: str) -> str | None:
    """`news.bbc.co.uk` -> `bbc.co.uk` by the public suffix list; None for IPs and bare names."""
    result = _extract(url_or_host)
    return result.top_domain_under_public_suffix or None
