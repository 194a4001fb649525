"""Which body links point at a source, and which are navigation, promotion or self-links."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from typing import Any
from urllib.parse import unquote, urlsplit

from app.urls import registrable_domain

__all__ = [
    "is_document_url",
    "is_own_headline",
    "opens_own_sentence",
    "is_own_story",
    "is_source_link",
    "is_shop_link",
    "names_a_site",
    "opens_dated_entry",
    "site_domains",
    "site_hosts",
]

_SHARE_HOSTS = re.compile(
    r"(^|\.)(facebook\.com/sharer|twitter\.com/(intent|share)|x\.com/intent|linkedin\.com/share|"
    r"bsky\.app/intent|reddit\.com/submit|wa\.me|api\.whatsapp\.com|t\.me/share|"
    r"pinterest\.com/pin/create|news\.ycombinator\.com/submitlink)"
    # a post's media shortlinks, licences and media files: what a picture is, not a source
    r"|^(?:t\.co|pic\.twitter\.com)(?:/|$)|(^|\.)creativecommons\.org/licenses|/wiki/File:"
    # where readers pay the site: memberships and tips, never what a sentence rests on
    r"|(^|\.)(?:steadyhq\.com|patreon\.com|ko-fi\.com|buymeacoffee\.com|liberapay\.com|"
    r"donorbox\.org|paypal\.me|opencollective\.com|substack\.com/subscribe)(?:/|$)"
    # a map of where a place is: directions to it, not a source
    r"|(^|\.)google\.[a-z.]{2,6}/maps\b|^maps\.google\.|^maps\.apple\.com|(^|\.)bing\.com/maps\b"
    r"|^maps\.app\.goo\.gl|^goo\.gl/maps\b|(^|\.)openstreetmap\.org/(?:\?|#|search|node|way)",
    re.IGNORECASE,
)
_PROFILE_HOSTS = frozenset(
    {"bsky.app", "twitter.com", "x.com", "instagram.com", "facebook.com", "linkedin.com",
     "threads.net", "mastodon.social", "tiktok.com", "youtube.com"}
)  # fmt: skip
_NAV_PATH = re.compile(
    r"/(author|authors|tag|tags|hashtag|topic|topics|category|categories|users/profile|profile|"
    r"newsletters?|subscribe|signup|sign-up|login|account|donate|shop|store)(/|$)"
    # people's pages: staff, faculty and journalist profiles
    r"|/(?:people|person|faculty|staff|profiles|team|journalists?|experts|organization)"
    r"(?:/|\.\w+$|$)"
    r"|/(?:players?|athletes?)/\d+/",  # a sports site's player card: "/nfl/players/245997/…"
    re.IGNORECASE,
)
_CTA_TEXT = re.compile(
    r"^(subscribe|sign up( here)?|sign in|log in|register|join( now| us)?|"
    r"follow( us| me| her| him)?( on \w+)?|share( on \w+)?|buy( now)?|shop( now)?|donate|"
    r"learn more|read more|more by .*|"
    r"try it free|download( the app)?|advertise|contact us|"
    # "request a call with our staff", "get in touch with the team": a contact form
    r"(?:request|book|schedule) an? (?:call|demo|meeting|consultation|quote)\b.*|"
    r"get in touch\b.*|click(?:ing)? here\b.*)\.?$",
    re.IGNORECASE,
)
# "For more information, visit www.x.example": a call to action, not a source
_CTA_BEFORE = re.compile(
    r"\b(?:visit|go to|head to|check out|log on to|available (?:at|from))\s*:?\s*$"
    # "Sign up for <a>The Daily Brief</a> to get…": a newsletter to subscribe to
    r"|(?:^|[.!?]\s+)(?:sign up|subscribe|register) (?:for|to)\s+(?:the\s+|our\s+)?$"
    # a shop button ("See it now: <a>Apple</a>"), a magazine's plug ("Get <a>Bike Monthly</a>
    # delivered…")
    r"|\b(?:(?:see|shop|buy|get) it(?: now)?|(?:shop|buy) now)\s*:\s*$|(?:^|[.!?]\s+)get\s+$"
    # "Get in touch with Jill <a>today!</a>": a contact link
    r"|(?:^|[.!?]\s+)(?:get in touch|reach out|contact|write to|e-?mail)\b[^.!?]{0,30}$",
    re.IGNORECASE,
)
# where a mailing list is joined: a sign-up form, never what a sentence rests on
_SIGN_UP = re.compile(
    r"^(?:www\.)?(?:eepurl\.com|[\w.-]+\.list-manage\.com)/|/(?:subscribe|signup|sign-up|"
    r"newsletters?)/?$|^login\.|/(?:login|signin|sign-in)(?:\.\w+)?/?$",
    re.IGNORECASE,
)
# "(lire « <a>…</a> »)", "(voir <a>…</a>)", "(see <a>…</a>)": a bracketed pointer to more reading
_PAREN_POINTER = re.compile(r"\((?:lire|voir|see|read|lesen sie|siehe)\s*[«“\"]?\s*$", re.I)
# a search engine's results ("bing.com/search?q=grocery+bill+saving"): a query's answers on
# the day someone runs it, not a document a sentence can rest on
_SEARCH_RESULTS = re.compile(
    r"^(?:www\.)?(?:google|bing|duckduckgo|yahoo|baidu|yandex|ask)\.[a-z.]+/(?:search|s|web)\b"
    r"|^search\.yahoo\.com/",
    re.IGNORECASE,
)
_SCHEMELESS = re.compile(r"^www\.[\w-]+(?:\.[\w-]+)+/", re.IGNORECASE)
# the same resolved: "abcnews.go.com/US/story-slug/www.washingtonpost.com/amphtml/…" (an
# archive's "/web/2013/http://www.…" keeps its scheme before the host)
_SCHEMELESS_INSIDE = re.compile(r"(?<!:)(?<!:/)/www\.[\w-]+(?:\.[\w-]+)+/", re.IGNORECASE)
# an app store's listing ("itunes.apple.com/us/app/evernote/id281796108"): where an app is
# got, not what backs a sentence; an affiliate network's short link to a shop's product
_STORE = re.compile(
    r"^(?:itunes|apps)\.apple\.com/(?:[a-z]{2}/)?app/|^play\.google\.com/store/apps/"
    r"|^apps\.microsoft\.com/|^(?:www\.)?microsoft\.com/(?:[a-z-]+/)?store/(?:apps|p)/"
    r"|^(?:www\.)?(?:anrdoezrs\.net|dpbolvw\.net|jdoqocy\.com|tkqlhce\.com|kqzyfj\.com"
    r"|awin1\.com|shareasale\.com|rstyle\.me)(?:/|$)",
    re.IGNORECASE,
)
# "(For more forecasts, see <a>here</a>.)": a pointer to further reading
_SEE_BEFORE = re.compile(
    r"\b(?:see|click|read|watch|listen to)(?:\s+(?:it|them|this|that|more|all of it))?\s*$",
    re.IGNORECASE,
)
_POINTER = re.compile(r"^(?:here|there|this|this page|this link)$", re.IGNORECASE)
# "(Graphic: emerging markets in 2019 - <a>here</a>)": where a chart is, not a source
_GRAPHIC_LABEL = re.compile(
    r"\((?:graphic|chart|interactive|factbox|video|photos?|map)s?\s*:[^()]*$", re.IGNORECASE
)
_PUBLICATION = re.compile(
    r"\.(?:pdf|docx?|xlsx?|csv|ods|odt|pptx?)$"
    r"|/(?:publications?|research|statistics|reports?|datasets?|documents?|papers?|"
    r"consultations?|evaluations?|official-statistics|results)/[^/]+",
    re.IGNORECASE,
)
# An article of the site itself: a dated path, a long slug or an id, not a section or wiki term
_ARTICLE_PATH = re.compile(
    r"/(?:19|20)\d\d/\d\d?/|/[^/]*[a-z0-9]+(?:[-_][a-z0-9]+){2,}[^/]*/?$|/\d{5,}|\.s?html?$"
    r"|/[a-z]+[-_]\d{5,}/?$",  # "/news/uk-49689167": a section's story id
    re.IGNORECASE,
)
# "Please <a>file bugs</a>": a tracker's list or its form for a new issue, where to report
_FILE_A_BUG = re.compile(r"/issues/?(?:new/?)?$|/enter_bug\.cgi\b|/new_issue\b", re.I)
_NOT_ARTICLE = re.compile(r"/(?:wiki|w|search|archives?|page|video|videos|live)(?:/|$)", re.I)
# "/us-news/video/2016/nov/21/…-water-cannon-video": a dated video report, not the video hub
_DATED_VIDEO = re.compile(r"/videos?/(?:19|20)\d\d/(?:\d\d?|[a-z]{3})/\d\d?/", re.I)
# the site's evergreen explainers and how-tos ("/how-to-open-an-ira", "/what-is-a-roth-ira",
# "/guides/…", "/index-funds-explained"): what a term means or how to do it, not reporting
_EXPLAINER = re.compile(
    r"/(?:how-to|what-(?:is|are|does|do)|who-(?:is|are))-[^/]*/?$|[-_]explained(?:\.\w+)?/?$"
    r"|/(?:guides?|explainers?|glossary|definitions?|dictionary|learn|basics)/",
    re.IGNORECASE,
)
_CLAUSE_WORDS = 3
_DATED_OR_NUMBERED = re.compile(r"/(?:19|20)\d\d/|\d{4,}")  # a story's date or id in its path
_ARTICLES = frozenset({"the", "a", "an"})
_OPENING_WORDS = 6  # a link that opens a sentence and is this long is a clause, no headline
_TERM_WORDS = 3  # "dark matter", "Big Bang": a term the site explains, not a story it cites
# "began testing", "its app": a short anchor that reports what someone did or owns is no term
_EVENT_WORDS = re.compile(
    r"^(?:its|his|her|their|our)\s|\b(?:began|begun|started|announced|reported|launched|"
    r"released|revealed|confirmed|denied|admitted|ruled|voted|agreed|signed|testified|found|"
    r"showed|said|says|told|sued|fined|banned|approved|rejected|unveiled|introduced|"
    r"arrested|charged|indicted|convicted|sentenced|pleaded|acquitted|resigned|fired|"
    r"elected|impeached|detained|deported|evacuated|recalled|failed|collapsed|crashed|died|"
    r"killed|won|lost|closed|fell|rose|surged|plunged|dropped|leaked|hacked|breached|warned|"
    r"pledged|accused|blamed|apologi[sz]ed|quit|acquired|merged|filed|doubled|tripled|halved|"
    r"slashed|cancell?ed|postponed|suspended|halted|uses|adopted|migrated|switched)\b",
    re.IGNORECASE,
)
_TAG_HOST = re.compile(r"^(?:topics?|tags?|search|people)\.", re.IGNORECASE)
_HOME_PATH = re.compile(
    r"^/?(?:index\.\w+|home|about(?:[-_]us)?|[a-z]{2}(?:-[a-z]{2})?/?)?/?$", re.IGNORECASE
)
# a wiki's user pages and links to pages not yet written
_WIKI_PERSON = re.compile(r"/wiki/User(?:_talk)?:|[?&]redlink=1", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-Z0-9][\w’'.&-]*|[a-z][A-Z][\w’'.&-]*|of|the|and|for|de|la)$")
# "I wrote about the detours back in January": a pointer to the author's own further reading
_OWN_WRITING = re.compile(
    r"\b(?:I|we)\s+(?:\w+\s+){0,2}?(?:wrote|written|covered|explored|profiled|discussed)\b"
)
# where the site's own recirculation sends readers: "?itm_campaign=BottomRelatedStories"
# where a community meets, not what it said: a chat room, a subreddit, a forum's tag page
_COMMUNITY = re.compile(
    r"^(?:discord\.gg|discord\.com/invite|t\.me|gitter\.im)/|(^|\.)reddit\.com/r/[^/]+/?$"
    r"|/questions/tagged/|^chat\.[\w.-]+/rooms/",
    re.IGNORECASE,
)
_RECIRCULATION = re.compile(r"[?&][^=]*=[^&]*(?:related|recirc|recommend|popular|trending)", re.I)
_A_BOOK_TITLED = re.compile(r"\b(?:book|novel|memoir|biography)\s*[\"“]?\s*$", re.IGNORECASE)
_AFFILIATE = re.compile(
    r"[?&](aff|affid|affiliate|tag|associate)=|/(aff|go|out|redirect)/"
    # a paid placement: "?utm_medium=cpc", "utm_medium=paid", "utm_medium=affiliate"
    r"|[?&]utm_medium=(?:cpc|ppc|paid|paidsearch|affiliate|sponsored)(?:&|$)",
    re.I,
)


def site_domains(*urls: str | None) -> set[str]:
    """Registrable domains that identify the page's own site (IP hosts identify nothing)."""
    return {d for d in (registrable_domain(urlsplit(u).hostname or "") for u in urls if u) if d}


def site_hosts(*urls: str | None) -> set[str]:
    """The hosts (without "www.") the page itself is served from."""
    return {_bare(h) for h in (urlsplit(u).hostname for u in urls if u) if h}


def _profile_link(host: str, path: str) -> bool:
    """A social profile ("bsky.app/profile/x", "twitter.com/user"), not a post on it."""
    bare = host.removeprefix("www.")
    if bare not in _PROFILE_HOSTS:
        return False
    segments = [s for s in path.split("/") if s]
    if segments[:1] == ["watch"]:
        return False  # "youtube.com/watch?v=…": a video, which can be a source
    return len(segments) <= 1 or segments[0] in ("profile", "in", "company", "user", "channel")


# a person's page at an organisation: "/staff-profiles/mark-parrington", "/people/ann-lee/"
_STAFF_PAGE = re.compile(
    r"/(?:[a-z]+[-_])?(?:staff|people|profiles?|team|faculty|experts?|bios?)"
    r"/[a-z]+(?:-[a-z]+){1,3}/?$",
    re.IGNORECASE,
)


# a page to download a program from, not a document: "/download.html", "/downloads/"
_DOWNLOAD_PAGE = re.compile(r"/downloads?(?:\.\w+)?/?$", re.IGNORECASE)
_MEDIA_FILE = re.compile(r"\.(?:mp3|m4a|m4v|mp4|aac|ogg|oga|wav|flac|mov)$", re.IGNORECASE)
_OFFERS_FILE = re.compile(
    r"\b(?:mp3|m4a|mp4a?|aac|ogg|wav|flac|format|download|listen|play)\b", re.IGNORECASE
)
_RELEASES = re.compile(r"^/[^/]+/[^/]+/releases(?:/|$)")


def is_document_url(url: str) -> bool:
    """Whether the URL is a document (a PDF, a page under /reports/…), not a story or a site."""
    return _is_publication(urlsplit(url).path)


def _is_publication(path: str) -> bool:
    """A document the site publishes: a file (.pdf, .csv…) or a page under /publications/."""
    return bool(_PUBLICATION.search(path))


def _own_article(host: str, path: str, before: str, text: str) -> bool:
    """The site's own earlier story, cited in the sentence ("this follows last month's
    ruling"), unlike its sections, tags, wiki terms and explainers named after the linked
    term ("dark matter" -> /what-is-dark-matter), or "I wrote about it in January"."""
    if not _ARTICLE_PATH.search(path) or _TAG_HOST.match(host):
        return False
    if _NOT_ARTICLE.search(path) and not _DATED_VIDEO.search(path):
        return False
    if _EXPLAINER.search(path):
        return False
    words = text.split()
    review = bool(_REVIEW_SLUG.search(_last_segment(path)))  # the site's review of the thing
    if _persons_piece(path, words) and before.strip() and not before.rstrip().endswith(":"):
        return True  # "…, according to <a>MATEJ AVBELJ</a>": his piece on the site
    if (
        len(words) <= _TERM_WORDS
        and not _EVENT_WORDS.search(text)
        and (_named_after(path, words, whole=False) or not _DATED_OR_NUMBERED.search(path))
        and (_is_name(words) or not _headline_slug(path))
        and not review
    ):
        return False  # a term linked to the site's explainer ("fiber-rich foods"), not a story
    clause = re.split(r"(?<=[.!?])\s+", before)[-1]
    if _OWN_WRITING.search(clause):
        return False
    # inside a sentence, not a list of the site's headlines ("Related: <a>…</a>"); a phrase
    # that opens a sentence in running text ("But <a>a judge ruled that…</a>") is one too
    opens = bool(clause.strip()) and not clause.rstrip().endswith(":")
    long_enough = len(words) >= _TERM_WORDS or _EVENT_WORDS.search(text) or review
    # a clause-long phrase opening a later sentence of the paragraph ("… 30fps. <a>While not
    # ideal for such a service</a>, impressions appear…") is running text too
    follows = not clause.strip() and before.strip() and not before.rstrip().endswith(":")
    if follows and (len(words) >= _OPENING_WORDS or _EVENT_WORDS.search(text)):
        return True  # "… did not find the girl. <a>He was later fired</a>."
    return len(clause.split()) >= _CLAUSE_WORDS or (opens and bool(long_enough))


# "Surface Pro 2" -> "/2013/10/20/…/microsoft-surface-pro-2-review": the site's review of the
# thing named, a story about it that backs what the sentence says of it
_REVIEW_SLUG = re.compile(r"(?:^|[-_])(?:review|reviewed|hands-on|tested)(?:[-_.]|$)", re.I)
_HEADLINE_SLUG_WORDS = 6  # "/chinas-move-to-ban-masks-in-hong-kong-will-fail": a story's slug
_PIECE_SLUG_WORDS = 3  # "/judges-depending-on-judges": a piece's title, not a name's page


_INDEX_PAGE = re.compile(r"^index\.\w+$", re.IGNORECASE)


def _last_segment(path: str) -> str:
    """The path's last segment that names the page: "/2023/…/kagan-speech/index.html" ->
    "kagan-speech"."""
    segments = [p for p in path.split("/") if p]
    while segments and _INDEX_PAGE.match(segments[-1]):
        segments.pop()
    return segments[-1] if segments else ""


def _persons_piece(path: str, words: list[str]) -> bool:
    """A person's full name linked to a piece whose slug is a title, not the name: what that
    person wrote on the site ("<a>Peter van Elsuwege</a>" -> "/empty-seats-in-the-…")."""
    if not 2 <= len(words) <= 4 or not _is_name(words) or _PROFILE_PATH.search(path):
        return False
    segment = _last_segment(path).rsplit(".", 1)[0].lower()
    slug = [w for w in re.split(r"[-_]+", segment) if w.isalpha()]
    named = {_squeezed(w) for w in words} & set(slug)  # "Dawson’s Creek" -> "…-dawsons-creek-…"
    return len(slug) >= _PIECE_SLUG_WORDS and not named


def _headline_slug(path: str) -> bool:
    """Whether the path ends in a headline ("/whats-behind-the-escalation-in-hong-kong"): a
    story, even undated, where a term's page is named after the term ("/dark-matter")."""
    segment = _last_segment(path).rsplit(".", 1)[0]
    return sum(1 for w in re.split(r"[-_]+", segment) if w.isalpha()) >= _HEADLINE_SLUG_WORDS


def _is_name(words: list[str]) -> bool:
    """A short anchor that is a name ("Ally Brooke", "the NBA"): a topic the site links."""
    return all(_NAME_WORD.match(w) for w in words) and any(w[:1].isupper() for w in words)


# an explainer's slug: "/15421-black-holes-facts-formation", "/religion-what-is-a-sikh/"
_EXPLAINER_SLUG = re.compile(
    r"(?:^|[-_])(?:what-(?:is|are)|who-(?:is|are)|facts|explained|101"  # "new-york-101"
    r"|how-(?:[a-z]+-){0,2}(?:works?|gets?|makes?|does|do))(?:[-_.]|$)",  # "how-nyc-gets-its-water"
    re.IGNORECASE,
)
_EXPLAINED_WORDS = 4


def _explains_term(path: str, text: str) -> bool:
    """A short term linked to any site's explainer on it ("black holes" ->
    ".../black-holes-facts-formation"): what the term means, not the sentence's evidence."""
    words = text.split()
    if not 0 < len(words) <= _EXPLAINED_WORDS or _EVENT_WORDS.search(text):
        return False
    segments = [p for p in path.lower().split("/") if p and not p.startswith("index.")]
    segment = segments[-1] if segments else ""
    if not _EXPLAINER_SLUG.search(segment):
        return False
    slug = set(re.split(r"[^a-z0-9]+", segment))
    return any(len(w) >= 4 and w in slug for w in re.split(r"[^a-z0-9]+", text.lower()))


_CODE_HOSTS = re.compile(r"^(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)$")


def _names_a_repository(host: str, path: str, text: str) -> bool:
    """A project's name linked to its repository ("the <a>regex</a> crate" ->
    github.com/rust-lang/regex): what the project is, not evidence for the sentence."""
    segments = [p for p in path.split("/") if p]
    if not _CODE_HOSTS.match(host.lower()) or len(segments) != 2:
        return False
    name, owner, repo = _squeezed(text), _squeezed(segments[0]), _squeezed(segments[1])
    return bool(name) and name in (repo, owner, owner + repo)  # "regex", "nlohmann/json"


_WIKI_ARTICLE = re.compile(r"^/wiki/([^/:?#]+)$")
# "/w/index.php?title=DEFLATE&oldid=735386036": one revision of the article, pinned
_WIKI_REVISION = re.compile(r"(?:^|&)title=([^&:#]+)&oldid=\d+")


def _encyclopedia_entry(host: str, path: str, text: str, query: str = "") -> bool:
    """A term linked to the encyclopedia's article titled by it ("Processing" ->
    en.wikipedia.org/wiki/Processing_(programming_language), "hypsometric curves" ->
    /wiki/Hypsometric_curve): what the word means, not the sentence's evidence."""
    article = _WIKI_ARTICLE.match(path) or _WIKI_REVISION.search(query)
    if not article or not host.endswith("wikipedia.org"):
        return False
    title = _squeezed(re.sub(r"_?(?:\(|%28).*$", "", unquote(article[1])))
    anchor = _squeezed(text)
    return bool(title) and bool(anchor) and (anchor.startswith(title) or title.startswith(anchor))


def _squeezed(text: str) -> str:
    """Lower-case letters and digits only: "Rust-Clippy" -> "rustclippy"."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _topic_hub(path: str, text: str) -> bool:
    """A hub page whose one path segment runs the anchor's words together
    ("impeachment inquiry" -> "/Trumpimpeachmentinquiry") or opens with its one word
    ("tablet" -> "/tablets/", "Android" -> "/android-atlas/"): a topic, not a story."""
    segments = [p for p in path.split("/") if p]
    if len(segments) != 1 or re.search(r"[\d_.]", segments[0]):
        return False
    words = [w for w in re.split(r"[^a-z0-9]+", text.lower()) if w]
    bare = len(words) == 1 and len(words[0]) >= _HUB_WORD and words[0] not in _DOCUMENT_NOUNS
    words = words[1:] if words[:1] and words[0] in _ARTICLES else words
    parts = segments[0].lower().split("-")
    if bare and len(parts) <= _HUB_PARTS:  # a bare term, not "the report"
        # "tablet" -> "/tablets/", "Android" -> "/android-atlas/"
        return parts[0] in (words[0], words[0] + "s", words[0] + "es")
    return len(words) >= 2 and len(parts) == 1 and "".join(words) in parts[0]


_HUB_WORD = 4
_HUB_PARTS = 2  # "android-atlas"; a longer slug is a story's headline


_TERM_PAGE_WORDS = 4
_DOCUMENT_NOUNS = frozenset(
    {"report", "study", "survey", "statement", "paper", "letter", "review", "filing", "audit",
     "assessment", "analysis", "release", "complaint", "lawsuit", "ruling", "memo", "data"}
)  # fmt: skip


# what a site publishes as its own findings (not "review": its reviews of products; not
# "data": "data stewards")
_OWN_DOCUMENTS = frozenset(
    {"survey", "report", "study", "poll", "census", "audit", "assessment", "whitepaper"}
)


def _own_document(path: str, text: str) -> bool:
    """The site's own survey or report, named so by its address and by the anchor ("survey of
    more than 5,000 professionals" -> "/developer-survey/", "our annual report" ->
    "/annual-report-2023"): a document the sentence rests on, not a section of the site."""

    def nouns(words: list[str]) -> set[str]:
        return {w.removesuffix("s") for w in words} & _OWN_DOCUMENTS

    slug = [w for w in re.split(r"[^a-z0-9]+", _last_segment(path).lower()) if w]
    said = [w for w in re.split(r"[^a-z0-9]+", text.lower()) if w]
    return len(slug) >= 2 and bool(nouns(slug)) and bool(nouns(said))  # noqa: PLR2004


def _term_page(path: str, text: str) -> bool:
    """A lower-case term of a few words linked to a page named after it and nothing else
    ("mid-century modern" -> ".../blog/mid-century-modern", "code of conduct" ->
    "/policies/code-of-conduct"): what the term is, not the sentence's evidence."""
    if not text[:1].islower():
        return False  # "Strace" -> its manual, "Map improvements 2018" -> the project's page
    words = [w for w in re.split(r"[^a-z0-9]+", text.lower()) if w]
    words = words[1:] if words[:1] and words[0] in _ARTICLES else words
    if not 2 <= len(words) <= _TERM_PAGE_WORDS or _DATED_PATH.search(path):
        return False
    if _is_publication(path) or words[-1] in _DOCUMENT_NOUNS:
        return False  # "a rival <a>annual report</a>" -> "/annual-report": a document
    last = _last_segment(path).rsplit(".", 1)[0].lower()
    return bool(last) and re.sub(r"[^a-z0-9]", "", last) == "".join(words)


# a film and people database's page of one person or work, named by an id, not by words
_ENTITY_PAGE = re.compile(
    r"(?:^|\.)imdb\.com/(?:name|title)/(?:nm|tt)\d+|(?:^|\.)discogs\.com/(?:artist|master)/\d+"
    r"|(?:^|\.)musicbrainz\.org/(?:artist|release-group)/"
)
_TITLE_WORDS = 6
_LOWER_COMPOUND = re.compile(r"-[a-z]")  # "Oscar-winning" describes; "Jean-Luc" names


def names_a_site(absolute: str, text: str) -> bool:
    """A name linked to the page about it: its home page ("Good Ventures", "rustup"), its
    repository or a page named after it (".../wendy-garrett" for "Wendy Garrett"). Who it
    is, not evidence."""
    parts = urlsplit(absolute)
    host, path = parts.hostname or "", parts.path
    if _names_a_repository(host, path, text):
        return True
    words = text.split()
    proper = 0 < len(words) <= 4 and all(_NAME_WORD.match(w) for w in words)
    if proper and (len(words) >= 2 or _PROFILE_PATH.search(path)) and _named_after(path, words):
        return True  # "Randall" -> "/nfl/players/255902/damarious-randall": a profile too
    if proper and _product_page(host, path, words):
        return True
    if proper and _persons_own_page(path, words):
        return True
    if (
        _ENTITY_PAGE.search(host + path)
        and 0 < len(words) <= _TITLE_WORDS
        and all(_NAME_WORD.match(w) and not _LOWER_COMPOUND.search(w) for w in words)
    ):
        return True  # "Judd Apatow" -> imdb.com/name/nm0031976: who he is, by an opaque id
    if len(words) == 1 and _tools_own_site(host, path, words[0]):
        return True
    if _documents_itself(host, path, words):
        return True
    if not _HOME_PATH.match(path) or parts.query:
        return False
    # the anchor may be the address itself: "http://inletseafood.com" under a venue's name
    bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", text.strip().lower())
    squeezed = re.sub(r"[^a-z0-9]", "", bare)
    in_host = len(squeezed) >= 3 and squeezed in re.sub(r"[^a-z0-9]", "", host.lower())
    return (
        in_host
        or proper
        or _named_in_host(host, words)
        or _mostly_a_name(words)
        or _persons_domain(host, words)
    )


def _persons_domain(host: str, words: list[str]) -> bool:
    """A home page whose domain spells two names of the anchor ("Fern Weis, Parent Coach" ->
    fernweis.com, "therapist Shemiah R. Derrick" -> shemiahderrick.com): whose site it is."""
    label = _squeezed((registrable_domain(host) or host.removeprefix("www.")).split(".")[0])
    names = [_squeezed(w) for w in words if w[:1].isupper() and len(_squeezed(w)) > 1]
    return len(label) >= _SITE_NAME and any(
        label == first + second for i, first in enumerate(names) for second in names[i + 1 :]
    )


_PAGE_EXTENSIONS = frozenset({"htm", "html", "php", "asp", "aspx", "shtml"})
_ONE_NAME = 5  # "Inchon": a name long enough that a slug opening with it is about it


def _one_names_page(host: str, path: str, text: str, before: str) -> bool:
    """One name mentioned in passing and linked to another site's page named after it
    ("… -- <a>Guadalcanal</a> in World War II" -> ".../html/guadalcanal.htm", "Inchon" ->
    ".../missions/inchon_landing"): what the place or thing is, not evidence. A name that
    opens its sentence ("<a>Strace</a> is a great Linux utility…" -> its manual) is what the
    sentence describes, and a site's own name ("Reuters" -> reuters.com/…) is not meant."""
    word = text.strip()
    if not _NAME_WORD.match(word) or not before.strip() or before.rstrip()[-1] in ".!?:":
        return False
    name = _squeezed(word)
    if len(name) < _ONE_NAME or name in _squeezed(host) or _DATED_OR_NUMBERED.search(path):
        return False
    slug = [t for t in re.split(r"[^a-z0-9]+", _last_segment(path).lower()) if t]
    slug = [t for t in slug if t not in _PAGE_EXTENSIONS]
    return bool(slug) and slug[0] == name and len(slug) <= _PAGE_NAME_WORDS - 1


_SMALL_WORDS = frozenset({"a", "an", "of", "the", "and", "for", "to", "in", "at", "on", "de"})
_LONG_NAME = 8


def _mostly_a_name(words: list[str]) -> bool:
    """A longer title-cased name, perhaps with a common noun ("U.S. Agency for International
    Development", "Money 20/20 conference", "Gridiron Belles: A guide to Saturdays in Dixie"):
    linked to a home page, it says who or what, not where the sentence's facts are."""
    bare = [w.strip(':;,.!?()"“”') for w in words]
    if not 2 <= len(bare) <= _LONG_NAME or not bare[0][:1].isupper():
        return False
    named = sum(1 for w in bare if w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL_WORDS)
    return named * 3 >= len(bare) * 2  # two words in three


_SITE_NAME = 5  # "radare2" at rada.re: enough letters that the host spells the name


def _tools_own_site(host: str, path: str, word: str) -> bool:
    """A one-word name linked to the site the name spells, at most one folder deep
    ("radare2" -> rada.re/r/, "Frida" -> frida.re): what the tool is, not evidence."""
    site = _squeezed(host.lower().removeprefix("www."))
    name = _squeezed(word)
    if len(site) < _SITE_NAME or len(name) < _SITE_NAME:
        return False
    shallow = len([p for p in path.split("/") if p]) <= 1
    return shallow and (name.startswith(site) or site.startswith(name))


_SURNAME = 3
_PAGE_NAME_WORDS = 3  # "/h-jay-fr", "/buck/", "/sgille": a person's page, no story's slug
# "Linda Buck", "Sarah J. Gille", "Anne-Marie O’Neil": capitalised words, no initialisms
_PERSON_WORD = re.compile(r"^(?:[A-Z][a-z]+(?:[-'’][A-Za-z][a-z]+)*|[A-Z]\.)$")
_LANGUAGE_PAGE = re.compile(r"^(?:[a-z]{2}|index)(?:\.\w+)?$")  # ".../buck/en.html"


def _persons_own_page(path: str, words: list[str]) -> bool:
    """A person's full name linked to a page named by the surname ("Linda Buck" ->
    research.example.org/buck/en.html, "Sarah Gille" -> lab.example.edu/sgille): a lab or
    home page, who the person is, not what the sentence says of them."""
    if not 2 <= len(words) <= 4 or not all(_PERSON_WORD.match(w) for w in words):
        return False
    surname = _squeezed(words[-1])
    if len(surname) < _SURNAME or len(words[0]) < 2 or _DATED_PATH.search(path):
        return False
    segments = [p for p in path.split("/") if p]
    while len(segments) > 1 and _LANGUAGE_PAGE.match(segments[-1]):
        segments.pop()
    if not segments:
        return False
    tokens = [t for t in re.split(r"[-_.]+", segments[-1].rsplit(".", 1)[0].lower()) if t]
    return (
        len(tokens) <= _PAGE_NAME_WORDS
        and all(t.isalpha() for t in tokens)
        and (surname in "".join(tokens))
    )


_INITIALS = 3  # "Universities and Colleges Employers’ Association" at ucea.ac.uk
_BRAND = 4  # "the WordPress project" at make.wordpress.org


def _named_in_host(host: str, words: list[str]) -> bool:
    """A home page linked on a name the host spells: the capitals of a long name ("UCEA"),
    or one capitalised word of it ("WordPress"): who it is, not evidence."""
    labels = host.lower().split(".")
    initials = "".join(w[0] for w in words if w[:1].isupper()).lower()
    if len(initials) >= _INITIALS and initials in labels:
        return True
    brands = [_squeezed(w) for w in words if w[:1].isupper()]
    return any(len(b) >= _BRAND and b in labels for b in brands)


def _product_page(host: str, path: str, words: list[str]) -> bool:
    """A product's name linked to its maker's page about it: "Triby" -> invoxia.example/triby,
    "Simple Queue Service" -> aws.example/sqs (its initials), "Orion Labs Onyx" ->
    orionlabs.example/onyx (the maker in the host, the product in the path's last of at most
    two segments). A dated path is a story, not a product page."""
    if _DATED_PATH.search(path):
        return False
    if len(words) == 1:
        return _squeezed(words[0]) == _squeezed(path) != ""
    segments = [seg for seg in path.split("/") if seg]
    if not segments or len(segments) > _PRODUCT_DEPTH:
        return False
    if "".join(w[0] for w in words).lower() == segments[-1].lower():
        return True  # "Simple Queue Service" -> aws.amazon.com/sqs/: the page named by its initials
    brand, last = _squeezed(words[0]), _squeezed(segments[-1])
    rest = [_squeezed(w) for w in words[1:] if w.lower() not in _ARTICLES]
    maker = _squeezed(host)
    named = all(w and (w in last or w in maker) for w in rest) and any(w in last for w in rest)
    return len(brand) >= 3 and brand in maker and named


_PRODUCT_DEPTH = 2  # "/product-category/mvoice"; a story sits deeper or carries a date
# a manual's address: "docs.python.org/3/library/venv.html", "black.readthedocs.io/en/stable"
_DOCS_HOST = re.compile(r"^(?:www\.)?(?:docs?|developer|developers|api)\.|readthedocs\.", re.I)
_DOCS_PATH = re.compile(
    r"/(?:docs?|documentation|library|manual|reference|api|std|en/(?:latest|stable)|products?)"
    r"(?:/|\.|$)",
    re.IGNORECASE,
)
_TOOL_WORDS = 3


def _documents_itself(host: str, path: str, words: list[str]) -> bool:
    """A tool's name linked to its manual or product page ("<a>venv</a>" ->
    docs.python.org/3/library/venv.html, "<a>Pipenv</a>" -> pipenv.example.org/en/latest):
    what the tool is, not evidence for the sentence."""
    manual = _DOCS_HOST.search(host) or _DOCS_PATH.search(path)
    if not 0 < len(words) <= _TOOL_WORDS or not manual:
        return False
    where = _squeezed(host + path)
    parts = [_squeezed(p) for w in words for p in re.split(r"[-_/]", w)]
    return all(len(p) >= 2 and p in where for p in parts if p not in _ARTICLES)


_DATED_PATH = re.compile(r"[-_/](?:19|20)\d\d[/-]\d{1,2}\b|[-_/](?:19|20)\d{6}\b")
# a person's page: "/players/255902/damarious-randall", "/people/wendy-garrett"
_PROFILE_PATH = re.compile(
    r"/(?:\d+|players?|people|person|athletes?|authors?|staff|profiles?|cast|celebrities)"
    r"/[a-z]+(?:-[a-z]+)+/?$",
    re.IGNORECASE,
)


def _named_after(path: str, words: list[str], *, whole: bool = True) -> bool:
    """Whether the path's last segment is the name itself ("/people/wendy-garrett"), or with
    `whole` off, holds all of its words ("/28402-what-is-dark-matter.html")."""
    segment = _last_segment(path).lower()
    slug = set(re.split(r"[^a-z0-9]+", segment)) - {""}
    if len(words) > 1 and words[0].lower() in _ARTICLES:
        words = words[1:]  # "the Big Bang" -> "/25126-big-bang-theory.html"
    name = {p for w in words for p in re.split(r"[^a-z0-9]+", w.lower())} - {""}
    return bool(name) and name <= slug and (not whole or len(slug) <= len(name) + 1)


def is_own_story(
    raw_href: str, absolute: str, *, own_domains: Collection[str], page_hosts: Collection[str]
) -> bool:
    """A link to the site's own pages that is no document it publishes (a story, a section)."""
    parts = urlsplit(absolute)
    own = _own_link(raw_href.strip(), parts.hostname or "", own_domains, page_hosts)
    return own and not _is_publication(parts.path)


# the site's own click counter sending the reader on: "/click?url=https%3A%2F%2Fwww.whitehouse…"
_REDIRECT_TARGET = re.compile(r"(?:^|&)(?:url|u|target|dest|destination|redirect)=(https?[^&]+)")


def _leaves_site(query: str, own_domains: Collection[str]) -> bool:
    """Whether an own link's query sends the reader to another site's page."""
    m = _REDIRECT_TARGET.search(query)
    if m is None:
        return False
    host = urlsplit(unquote(m.group(1))).hostname or ""
    return "." in host and registrable_domain(host) not in own_domains


def _own_link(
    href: str, host: str, own_domains: Collection[str], page_hosts: Collection[str]
) -> bool:
    """Relative, or on the page's own host; another host of the same domain is its own site
    (blog.givewell.org beside www.givewell.org), unless it only holds topics or tags."""
    relative = "://" not in href and not href.startswith("//")
    if relative:
        return True
    if registrable_domain(host) not in own_domains:
        return _sibling(host, page_hosts)
    return not page_hosts or _TAG_HOST.match(host) is not None or _bare(host) in page_hosts


def _sibling(host: str, page_hosts: Collection[str]) -> bool:
    """The same site under another country's domain: www.example.com beside www.example.de."""
    mine = _sans_suffix(host)
    return bool(mine) and any(_sans_suffix(h) == mine for h in page_hosts)


@lru_cache(maxsize=4096)
def _sans_suffix(host: str) -> str | None:
    """ "www.example.co.uk" -> "example": the host without "www." and its public suffix."""
    bare = _bare(host)
    domain = registrable_domain(bare)
    if not domain or "." not in domain:
        return None
    suffix = domain.split(".", 1)[1]
    return bare.removesuffix(f".{suffix}")


def _bare(host: str) -> str:
    return host.lower().removeprefix("www.")


# "Listen: <a>http://po.st/x</a>", "Ticket details: <a>www.x.com</a>": where to go, a label
# and the address spelled out, unlike "Source: <a>http://…</a>", which names the basis
_LABELLED_ADDRESS = re.compile(r"(?:^|[.!?]\s+|\n)\s*([A-Za-z][\w'’ ]{0,30}):\s*$")
_RAW_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_SOURCE_LABEL = re.compile(
    r"\b(?:sources?|via|data|study|paper|report|references?|doi|journal|credits?|citations?)$",
    re.IGNORECASE,
)


def _labelled_address(before: str, text: str) -> bool:
    """A bare address after a short label ("Download: http://…"): a pointer, not a source."""
    label = _LABELLED_ADDRESS.search(before)
    if label is None or not _RAW_ADDRESS.match(text):
        return False
    return not _SOURCE_LABEL.search(label.group(1))


_HEADLINE_WORDS = 6  # "T-Mobile CEO John Legere is stepping down in May 2020": a whole report
_SUMMARY_WORDS = 6  # the item's own words after its headline: a summary, not a link list


def is_own_headline(absolute: str, *, text: str, before: str, after: str) -> bool:
    """A newsletter item that opens with the site's own story as a headline sentence and goes
    on to summarise it ("<a>X is stepping down</a>. X will hand over…"): the earlier
    reporting the item rests on, unlike a list of bare headlines ("Related: <a>…</a>")."""
    if before.strip() or len(text.split()) < _HEADLINE_WORDS:
        return False
    path = urlsplit(absolute).path
    if not _DATED_OR_NUMBERED.search(path) and not _ARTICLE_PATH.search(path):
        return False
    if _NOT_ARTICLE.search(path) or _EXPLAINER.search(path) or _NAV_PATH.search(path):
        return False
    summary = after.lstrip(" .!?:;,\"'”’)").strip()
    return bool(re.match(r"[A-Z\"“‘']", summary)) and len(summary.split()) >= _SUMMARY_WORDS


def opens_own_sentence(absolute: str, *, text: str, before: str, after: str) -> bool:
    """The site's own dated or numbered story linked on the words that open a paragraph's
    sentence, which runs on after the link ("<a>Pochettino was sacked</a> last night…"):
    running text citing that story, not a headline list or a term."""
    words = text.split()
    if before.strip() or len(words) < _TERM_WORDS or not re.match(r"\s*(?:,\s|[a-z])", after):
        return False
    path = urlsplit(absolute).path
    if not _DATED_OR_NUMBERED.search(path) or _named_after(path, words, whole=False):
        return False
    return not (_NOT_ARTICLE.search(path) or _EXPLAINER.search(path) or _NAV_PATH.search(path))


# "<a>10 May 2010</a>: The euro crisis breaks out…": a timeline's entry, linked on its date
_ENTRY_DATE = re.compile(
    r"^(?:\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})$"
)


def opens_dated_entry(absolute: str, *, text: str, before: str, after: str) -> bool:
    """The site's own story linked on the date that opens a timeline entry ("<a>10 May
    2010</a>: The euro crisis breaks out…"): the entry rests on what the site wrote then."""
    if before.strip() or not _ENTRY_DATE.match(text.strip()) or not after.startswith(":"):
        return False
    path = urlsplit(absolute).path
    if not _ARTICLE_PATH.search(path):
        return False
    return not (_NOT_ARTICLE.search(path) or _EXPLAINER.search(path) or _NAV_PATH.search(path))


def is_source_link(
    raw_href: str, absolute: str, *, text: str, rel: str, own_domains: Collection[str],
    cited: bool = False, before: str = "", page_hosts: Collection[str] = (),
) -> bool:  # fmt: skip
    """True when a body link can be a citation: not share/profile/CTA/affiliate, and external
    unless it is one of the site's own publications or the page cites it (`cited`, a
    "Source:" line): government and organisation pages cite their own reports. `before` is
    the block's text up to the link ("…, visit"); `page_hosts` the page's own hosts.
    """
    href = raw_href.strip()
    if not href or href.startswith(("#", "?", "mailto:", "tel:", "javascript:")):
        return False
    if _SCHEMELESS.match(href) or _SCHEMELESS_INSIDE.search(urlsplit(absolute).path):
        return False  # "www.washingtonpost.com/…" without "https://": a page of this site by
        # that name, which does not exist; the link the writer meant is not the one shown
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    if "." not in parts.hostname and parts.hostname != "localhost":
        return False  # href="http://says": a slip of the editor, no site
    if _PAREN_POINTER.search(before[-16:]) and _own_link(
        href, parts.hostname, own_domains, page_hosts
    ):
        return False  # "(lire « <a>Hwang Sok-yong, un romancier…</a> »)": the site's own reading
    if (
        _own_link(href, parts.hostname, own_domains, page_hosts)
        and not _leaves_site(parts.query, own_domains)
        and not (
            cited
            or _is_publication(parts.path)
            or _own_document(parts.path, text)
            or _own_article(parts.hostname, parts.path, before, text)
        )
    ):
        return False
    if not cited and (
        names_a_site(absolute, text)
        or _explains_term(parts.path, text)
        or _topic_hub(parts.path, text)
        or _term_page(parts.path, text)
        or _one_names_page(parts.hostname, parts.path, text, before)
    ):
        return False
    rels = rel.lower().split()
    if "sponsored" in rels or "tag" in rels or "author" in rels:
        return False
    if _SHARE_HOSTS.search(parts.hostname + parts.path) or _profile_link(
        parts.hostname, parts.path
    ):
        return False
    if _STAFF_PAGE.search(parts.path):
        return False  # ".../who-we-are/staff-profiles/mark-parrington": who said it
    if _DOWNLOAD_PAGE.search(parts.path) or (
        _CODE_HOSTS.match(parts.hostname) and _RELEASES.search(parts.path)
    ):
        return False  # ".../forusers/download.html", "github.com/frida/frida/releases": get it
    if _MEDIA_FILE.search(parts.path) and _OFFERS_FILE.search(text):
        return False  # "Episode 38 (MP3 format)" -> ".../ep-38.mp3": the file to play, no source
    if (
        _AFFILIATE.search(absolute)
        and not _A_BOOK_TITLED.search(before[-40:])
        and not _own_link(href, parts.hostname, own_domains, page_hosts)
    ):
        return False  # a shop's link, unless it is the book the sentence names ("his book <a>")
    # (a site that tags its own links, "/279290/…-worthwhile?tag=823814-20", sells nothing)
    if _NAV_PATH.search(parts.path) or _WIKI_PERSON.search(absolute):
        return False
    if not cited and _encyclopedia_entry(parts.hostname, parts.path, text, parts.query):
        return False
    if _SIGN_UP.search(parts.hostname + parts.path) or _FILE_A_BUG.search(absolute):
        return False
    if _SEARCH_RESULTS.search(parts.hostname + parts.path):
        return False
    if _STORE.search(parts.hostname + parts.path):
        return False
    if _RECIRCULATION.search(absolute) or _COMMUNITY.search(parts.hostname + parts.path):
        return False
    see = _POINTER.match(text.strip(" .,;:")) and (
        _SEE_BEFORE.search(before[-20:]) or _GRAPHIC_LABEL.search(before[-120:])
    )
    pointer = bool(see) or _labelled_address(before[-80:], text.strip())
    return not (
        _CTA_TEXT.match(text.strip())
        or _CTA_BEFORE.search(before[-40:])
        or pointer
        or _names_a_term(before[-30:], text)
    )


def is_shop_link(raw_href: str, absolute: str, **filters: Any) -> bool:
    """A product page behind an affiliate tag ("amazon.com/…/dp/B07PXGQC1Q?tag=x-20") that
    would be a source link without the tag: what a sentence's price rests on, nothing else."""
    parts = urlsplit(absolute)
    if not _AFFILIATE_TAG.search("?" + parts.query) or _AFFILIATE.search(parts.path):
        return False  # a paid placement ("?utm_medium=cpc") is no product page
    if _PRICE_ONLY.match(str(filters.get("text", ""))):
        return False  # "The kettle costs <a>$39</a>": a buy button on the price
    return is_source_link(raw_href, parts._replace(query="").geturl(), **filters)


_AFFILIATE_TAG = re.compile(r"[?&](?:aff|affid|affiliate|tag|associate)=", re.IGNORECASE)
_PRICE_ONLY = re.compile(r"^\s*(?:[$£€]\s?)?[\d.,]+\s*$")


# "…blasts of radiation known as <a>fast radio bursts</a>": the link explains the term
_TERM_BEFORE = re.compile(r"(?<![-\w])(?:known as|called|dubbed|termed|referred to as)\s*$")
_NAMED_TERM_WORDS = 4


def _names_a_term(before: str, text: str) -> bool:
    """A lower-case term of a few words that the sentence introduces by name."""
    words = text.split()
    return (
        0 < len(words) <= _NAMED_TERM_WORDS
        and all(w[:1].islower() for w in words)
        and _TERM_BEFORE.search(before) is not None
    )
