"""Which elements and blocks of a page are site chrome rather than article text."""

from __future__ import annotations

import re
from collections.abc import Mapping

from lxml.html import HtmlElement

from app.pipeline.page.element_roles import prose_cells

__all__ = [
    "SKIP_TAGS",
    "is_boilerplate_element",
    "is_boilerplate_text",
    "is_bold_paragraph",
    "is_chrome_label",
    "is_notice_heading",
    "is_notice_text",
    "is_chrome_heading",
    "is_hidden",
    "named_like_chrome",
]


# Never article prose, wherever they sit.
SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "nav", "aside", "form", "button", "input",
     "select", "textarea", "label", "figure", "figcaption", "table", "svg", "iframe", "video",
     "audio", "img", "picture", "canvas", "object", "embed", "dialog", "menu", "head", "title",
     "meta", "link", "hr", "details", "summary"}
)  # fmt: skip
# Parts of class/id names ("share-bar" -> "share", "bar") that mark chrome.
_CHROME_PARTS = frozenset(
    {"share", "sharing", "social", "related", "newsletter", "subscribe", "subscription",
     "signup", "promo", "promotion", "sponsor", "sponsored", "advert", "advertisement", "ad",
     "ads", "affiliate", "comment", "comments", "cookie", "consent", "banner", "byline",
     "comentarios", "commentaires", "commenti",  # reader comments in Spanish, French, Italian
     "author", "bio", "tags", "breadcrumb", "breadcrumbs", "toc", "pagination", "paginav",
     "nav", "navbox", "menu", "widget", "sidebar", "footer", "disclaimer", "disclosure",
     "republish", "licensing", "credit", "caption", "pullquote", "readmore", "trending",
     "popular", "recommended", "recirc", "outbrain", "taboola", "signoff", "tagline",
     "editsection", "noprint", "infobox", "catlinks", "coordinates", "feedback", "toolbar",
     "meta", "modal", "shop", "donate", "cta", "masthead", "dateline", "kicker", "dek", "deck",
     "badge",
     "gnb", "lnb", "snb",  # global, local and side navigation bars (Korean sites' names)
     "teaser", "tease", "methodology", "contributors", "contributor", "attribution",
     "disturber", "stoerer"}  # German CMSes' in-story promo box ("Störer")
)  # fmt: skip
# Whole names only: their parts ("hidden", "screen", "skip") are also utility-CSS words
# ("overflow-hidden", "min-h-screen") that wrap real articles.
_CHROME_NAMES = frozenset(
    {"sign-off", "sign-up", "read-more", "read-next", "most-read", "pull-quote", "see-also",
     "further-reading", "more-stories", "author-box", "post-meta", "entry-meta", "ad-slot",
     "table-of-contents", "visually-hidden", "visuallyhidden", "screen-reader-text", "sr-only",
     "element-invisible", "skip-link",
     "paywall-meter", "paywall-prompt", "mw-hidden-catlinks", "hidden-print", "ltx_note"}
)  # fmt: skip
# A hover card's panel ("rollover-people-block", "tooltip"): hidden until pointed at, so its
# headlines and names are not the sentence it sits in; the name link it opens from stays.
_POPUP_PARTS = frozenset({"hovercard", "tooltip", "tooltiptext", "popover", "flyout"})
_HOVER_PARTS = frozenset({"rollover", "hover", "mouseover"})
_PANEL_PARTS = frozenset({"block", "card", "box", "panel", "content", "popup", "bubble"})
_CHROME_WORDS = _CHROME_PARTS | _CHROME_NAMES | _POPUP_PARTS
_CHROME_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "dialog", "alert", "search",
     "menu", "toolbar", "doc-backlink"}
)  # fmt: skip
_CHROME_HEADING = re.compile(
    r"^(see also|external links|further reading|related( articles| stories| posts| content)?|"
    r"read (more|next)|more (from|stories|on this)|most (read|popular)|recommended|popular|"
    r"more (?:great |top )?(?:[\w’'.]+ ){0,3}(?:stories|articles|reads|coverage)|"
    r"comments?|discussion|share( this.*)?|you might also like|about the author|"
    r"(sign up|subscribe).*|newsletter|trending|latest|advertisement|sponsored.*|"
    # press-release tails: disclaimers, the boilerplate company profile, contacts
    r"forward[- ]looking statements?|safe harbou?r( statement)?|cautionary (note|statement).*|"
    r"about [\w&.,’' -]{2,60}|(media|press|investor) (contacts?|enquiries|inquiries)|contacts?|"
    # the same sections in German and French: "Im Web:", "Mehr zum Thema", "À lire aussi"
    r"im web|im netz|themen|mehr zum thema|weitere links|weiterführende links|lesen sie auch|"
    r"verwandte artikel|das könnte sie auch interessieren|kommentare|"
    # "Auch auf gofeminin.de", "Also on HuffPost": the site's other stories
    r"(?:also on|auch auf|aussi sur|también en) (?:[\w-]+\.[a-z]{2,6}|"
    r"(?-i:[A-Z][\w’'&.-]*(?: [A-Z][\w’'&.-]*){0,2}))|"
    r"(?:[àa] )?lire aussi|voir aussi|sur le même sujet|articles liés|pour aller plus loin|"
    r"commentaires|à la une(?: de .{1,40})?|"
    # and in Spanish
    r"lee también|ver también|te puede interesar|más información|noticias relacionadas|"
    r"comentarios)\s*:?$",
    re.IGNORECASE,
)
_CHROME_TEXT = re.compile(
    r"^(?:(?:additional )?(?:reporting|writing|editing|compiled|produced|research) by\b"
    r"|(?:related|read more|read next|see also|also read|recommended|sponsored|advertisement"
    r"|(?:à |a )?lire aussi|voir aussi|lesen sie auch|mehr zum thema|lee también|ver también"
    r"|redaktionstipps?|lesetipps?"
    r"|leer más|more from\b[^:|]{1,60})\s*[:|]"
    r"|(?:related roundups?|buyer['’]s guide|tags|filed under)\s*:"  # a post's label lines
    # the way to the publisher's office: "So finden Sie uns", "How to find us"
    r"|(?:so finden sie uns|how to find us|get directions|wegbeschreibung)\s*[:.!]?\s*$"
    r"|(?:written|posted|words|text|story) by\s*:"  # "Written by: Julie Mollins"
    r"|(?:author|autor|autorin|auteur|autrice|verfasser|verfasserin)\s*:"  # "Autor: A. Leitner"
    # a listed post's byline and date: "Blog entry by Annisa Rahmawati | 17 January, 2017"
    r"|(?:blog (?:entry|post)|entry|post|article|story|posted|written) by [^|]{2,60}\|\s*"
    r"(?:\d{1,2} \w+,? \d{4}|\w+ \d{1,2},? \d{4})"
    # a picture's caption set as a paragraph: "Header Image: People have lived…"
    r"|(?:header|featured|cover|lead|top|main|banner|hero) (?:image|photo|picture)\s*:"
    # "Image illustrative : Lots of Lego Minifigures by Ninja Brick", "Foto: dpa", "Bild: AP"
    # "Photo (cc) : svenwerk", "Beitragsbild: Titelseite der FAZ"
    r"|(?:image|photo|picture|illustration|foto|bild|beitragsbild|titelbild|aufmacherbild)"
    r"(?:\s*\(cc\))?(?:\s+(?:illustrative|d['’]illustration))?"
    r"\s*:|crédits? photos?\s*:|bildnachweis\s*:|bildquelle\s*:"
    # a "Quellen" label over the picture's credit: "Quellen Bild: S-F / Shutterstock.com"
    r"|(?:quellen?|sources?|credits?)\s*:?\s+(?:bild|bilder|foto|fotos|image|photo)\s*:"
    # "Das Bildmaterial wurde von … zur Verfügung gestellt.", "Photos courtesy of NASA."
    r"|(?:das\s+)?(?:bildmaterial|fotos?|bilder)\s+(?:wurden?|werden)\s+(?:uns\s+)?"
    r"(?:freundlicherweise\s+)?von\b[^.]{1,80}\bzur verfügung gestellt"
    r"|(?:photos?|images?|pictures?)\s+(?:courtesy of|provided by)\b"
    # "Lire aussi Martine Bulard, « En Corée… »": a pointer to the site's other reading
    r"|(?:[àa] )?lire aussi\b|lesen sie (?:hier|auch|mehr)\b[^.]{0,60}\b(?:beitrag|artikel)\b"
    r"|for more(?: on [^:,]{1,40})?,?\s*(?:read|see|watch|check out)\s*:"  # "For more, read:"
    r"|(?:this (?:story|article) (?:was|is) (?:originally|first )?(?:published|republished|"
    r"licensed|produced))"
    # "Published in February 2017 issue of Prospect Magazine": the print edition's notice
    r"|(?:published|printed|appeared|first appeared) in (?:the )?(?:[a-z]+ )?(?:\d{4} )?"
    r"(?:print )?(?:issue|edition) of\b"
    r"|©|copyright\b|all rights reserved"
    r"|\d+\s*[-–]\s*\d+ of \d[\d,]* (?:results|items|posts|entries|stories|articles)\b"
    r"|(?-i:SOURCE [A-Z])|view original content|(?:please )?(?:turn on|enable) javascript\b"
    r"|[\w .,'’-]{2,120}\bcontributed (?:additional )?(?:reporting|research"
    r"|to this (?:report|story|article))\b"
    r"|[—–-]\s*\w+\.?$)",
    re.IGNORECASE,
)
_CTA = re.compile(
    r"\b(sign up|subscribe|newsletter|join \d|register now|follow us|download our|"
    r"support our|donate|become a member|try it free)\b",
    re.IGNORECASE,
)
_STATE_PREFIXES = ("has-", "is-", "with-", "no-", "js-", "single-", "template-")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")


# "Mike Wall's book … is out now. Follow him on Twitter": the author's plug, not the story
_PROMO = re.compile(
    r"\b(?:book|novel|podcast|newsletter)\b[^.]{0,160}\b(?:is|are) (?:out now|available now|"
    r"on sale now|out in paperback)\b|\bfollow (?:him|her|them|us|me) on (?:twitter|x|instagram|"
    r"facebook)\b"
    # "Follow Backchannel: Twitter | Facebook": the publication's social accounts
    r"|^follow [\w .&'’-]{1,40}:\s*(?:twitter|x|instagram|facebook|linkedin)\b"
    # "On Twitter: Follow Wendy Koch and get more environment coverage at NatGeoEnergy."
    r"|^on (?:twitter|x|instagram|facebook):\s*follow\b",
    re.IGNORECASE,
)
# Every _PROMO match holds one of these in some case (no character but an ASCII capital
# lower-cases to their letters, and none of them has the "i" or "s" that case-insensitive
# matching folds apart from lower())
_PROMO_HINTS = ("now", "paperback", "follow")


def _may_promote(text: str) -> bool:
    """False when _PROMO cannot match `text`."""
    lower = text.lower()
    return any(hint in lower for hint in _PROMO_HINTS)


_CUT_SHORT = re.compile(r"\w(?:\.\.\.|…)$")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


# a BEM modifier saying the block has ads placed in it (the ads carry chrome names of their own)
_HOLDS_ADS = frozenset({"ads", "with-ads", "has-ads"})


def _name_parts(value: str) -> set[str]:
    """The class/id tokens and their hyphen/underscore parts, lower-cased."""
    parts: set[str] = set()
    value = _CAMEL.sub("-", value)  # "PromoSmall" is a promo too
    for token in value.lower().split():
        if token.startswith(_STATE_PREFIXES):
            continue  # "has-sidebar", "is-hidden-mobile": page state, not a region
        base, _, modifier = token.partition("--")
        if base and modifier in _HOLDS_ADS:
            token = base  # "TestReport__Section--Ads": a section with ads in it, not an ad
        parts.add(token)
        split = [p for p in re.split(r"[-_]+", token) if p]
        parts.update(split)
        # "block-item-read-more" holds the whole name "read-more"
        parts.update(f"{a}-{b}" for a, b in zip(split, split[1:], strict=False))
    return parts


def is_boilerplate_element(el: HtmlElement) -> bool:
    """True for chrome: skipped tags, hidden nodes, chrome roles and chrome class/id names."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "table" and prose_cells(el):
        return False  # a list article's table of one-line descriptions is its text
    if tag.lower() in SKIP_TAGS or _is_code_listing(el, tag):
        return True
    attrs = el.attrib
    if "hidden" in attrs or attrs.get("aria-hidden") == "true" or _hidden_by_style(attrs):
        return True
    if attrs.get("role", "").lower() in _CHROME_ROLES:
        return True
    if "sponsored" in attrs.get("rel", "").lower().split():
        return True
    custom = tag if "-" in tag else ""  # <ps-promo>, <related-stories>: named for what they hold
    names = f"{attrs.get('class', '')} {attrs.get('id', '')} {custom}"
    if not names.strip():
        return False
    if _hidden_by_class(attrs.get("class", "")):
        return True
    parts = _name_parts(names)
    hover_panel = bool(parts & _HOVER_PARTS and parts & _PANEL_PARTS)
    return hover_panel or bool(parts & _CHROME_WORDS) or _secondary_column(tag, names)


def _hidden_by_style(attrs: Mapping[str, str]) -> bool:
    return bool(re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", attrs.get("style", "")))


def is_hidden(el: HtmlElement) -> bool:
    """Whether the page hides the element (attribute, style or a display-none class)."""
    attrs = el.attrib
    return (
        "hidden" in attrs
        or attrs.get("aria-hidden") == "true"
        or _hidden_by_style(attrs)
        or _hidden_by_class(attrs.get("class", ""))
    )


def named_like_chrome(el: HtmlElement) -> bool:
    """Whether the element's class or id names chrome ("teaser", "related", "sidebar")."""
    names = f"{el.get('class', '')} {el.get('id', '')}"
    return bool(names.strip()) and bool(_name_parts(names) & _CHROME_WORDS)


def _secondary_column(tag: str, names: str) -> bool:
    """The page's second column, its sidebar: WordPress's `<div id="secondary">`, Yahoo's
    `yom-secondary` (a heading styled "title-secondary" is no region)."""
    return tag in ("div", "section", "aside") and any(
        t == "secondary" or t.endswith("-secondary") for t in names.lower().split()
    )


# CSS frameworks' display-none classes ("hide", "hidden", "d-none", "is-hidden"): an error
# message or a dialog the page shows only on demand; unless another class shows it again at
# some screen size ("hidden md:block", "d-none d-lg-block")
_HIDING_CLASSES = frozenset({"hide", "hidden", "d-none", "is-hidden", "invisible"})
_SHOWN_AT_SIZE = re.compile(r":|^d-\w+-(?!none)|^visible-|^is-block|^is-flex")


def _hidden_by_class(classes: str) -> bool:
    """Whether a class list hides the element at every screen size."""
    tokens = classes.split()
    return bool(_HIDING_CLASSES.intersection(tokens)) and not any(
        _SHOWN_AT_SIZE.search(t) for t in tokens
    )


def _is_code_listing(el: HtmlElement, tag: str) -> bool:
    """A <pre> that holds <code>: a program listing, never prose to check."""
    return tag.lower() == "pre" and next(el.iter("code"), None) is not None


# a wiki heading's edit link: "External links[edit]"
_EDIT_LINK = re.compile(r"\s*\[\s*edit(?: source)?\s*\]\s*$", re.IGNORECASE)


def _heading_text(text: str) -> str:
    return _EDIT_LINK.sub("", text).strip().rstrip(":").strip()


def is_chrome_heading(text: str) -> bool:
    """Headings that open non-article sections ("See also", "Related articles", ...)."""
    return bool(_CHROME_HEADING.match(_heading_text(text)))


# Sections a paper or release keeps as standing statements: kept as text, never claims.
_NOTICE_HEADING = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?(acknowledge?ments?|funding( statement)?|competing interests|"
    r"conflicts? of interests?|declaration of interests?|author contributions|"
    r"data (and code )?availability( statement)?|ethics( statement)?|disclosures?)$",
    re.IGNORECASE,
)


_NOTICE_TEXT = re.compile(
    r"^(?:editor['’]s note|correction|clarification)"
    r"(?: (?:added|appended|made|issued)\b[^:]{0,40})?\s*:"
    r"|^an earlier version of this "
    r"(?:story|article|report)\b|^this (?:story|article) has been (?:corrected|updated)\b"
    # where the piece first ran, who helped report it, whose picture it is
    r"|^this (?:story|article|post|piece|blog post|report)(?: was| has been| is| first)"
    r"(?: originally| first)? (?:published|reprinted|republished|adapted|appeared|edited|updated)"
    r"|^this (?:story|article|post|piece|report) (?:originally|first)"
    r" (?:appeared|ran) (?:on|in|at)\b"
    # the print edition it is in: "This story appears in the January 2017 issue of …"
    r"|^\*?this (?:story|article|piece|feature) (?:appears|appeared|ran) in the [\w ,]{0,30}issue\b"
    r"|^read the original (?:article|story|post)\b|^(?:provided by|courtesy of)\s+[A-Z]"
    r"|^originally published (?:on|in|by|at)\b"
    # "This is the extended version of an interview that was first published in German …"
    r"|^this is (?:an? |the )?(?:extended|shortened|edited|longer|abridged|full|translated|"
    r"english|unabridged) version of (?:an?|the|this|our) (?:interview|article|story|piece|"
    r"report|essay|column)\b"
    # a page's legal small print: "Alle Angaben ohne Gewähr.", "Haftungsausschluss: …"
    r"|^(?:alle angaben ohne gew[äa]hr|haftungsausschluss\b|risikohinweis\b|disclaimer\s*:|"
    r"keine anlageberatung\b|this is not (?:investment|financial) advice\b|"
    r"offenlegung gem[äa](?:ß|ss) §\s?\d+)"
    # "Listen to episode 38 of our podcast …." alone; an episode's description after it is prose
    r"|^(?:listen|watch|tune in)\b.{0,80}\b(?:live|podcast|app|here)\b[^.!?]{0,80}[.!?]?\s*$"
    r"|^\(?(?:additional|further) (?:reporting|editing|production|research|design|graphics)"
    r"(?: and (?:reporting|editing|production|research|design|graphics))? by\b"
    r"|^\(?reporting by\b.*\bediting by\b"
    r"|^\(?reporting (?:was |is )?contributed by\b"
    # "Con información de Paloma Marín y Elena G. Sevillano.", "Mit Material von dpa"
    r"|^\(?(?:con información de|mit material (?:von|der|des)|avec (?:l['’])?(?:afp|reuters|ap)\b)"
    # who paid for the reporting (not "This study was funded by …", which is the study's news)
    r"|^(?:this|our) (?:reporting|story|article|investigation|project|series|coverage|report|"
    r"journalism|podcast|episode)(?: series)? (?:was|is|has been) (?:\w+ )?(?:supported|funded|"
    r"made possible|underwritten|paid for)\b"
    r"|^diese (?:recherche|berichterstattung|reportage|serie|artikelserie) (?:wurde|wird) "
    r"(?:mit (?:der |finanzieller )?unterstützung|gefördert|finanziert|ermöglicht)\b"
    # a games or gadget review's disclosure: "Shovel Knight was reviewed using code provided
    # by Yacht Club Games.", "A review unit was provided by Sony."
    r"|^[^.]{1,80}? (?:was|were) (?:reviewed|tested|played)\b[^.]{0,40}? (?:using|with|on) "
    r"(?:an? |the )?(?:final |retail |digital |download |pre-release |review )?(?:code|copy|"
    r"unit|key|sample|build)s? (?:provided|supplied|sent) by\b"
    r"|^(?:an? |the )?review (?:code|copy|unit|key|sample)s? (?:was |were )?(?:provided|"
    r"supplied|sent)\b"
    r"|^(?:image|photo|photograph|illustration|video)s? (?:by|courtesy of|credit)\b"
    r"|^(?:doi|isbn|issn|pmid|pmcid|arxiv)\s*:?\s*\S+\s*$"  # a bare identifier line
    # a shop's disclosure: "BGR may receive a commission on orders…", "Prices are subject to
    # change without notice…"
    r"|^(?:disclosure:\s*)?[\w.&'\s]{1,40}?\s(?:may|might|could)\s(?:earn|receive|get)\s(?:a\s)?"
    r"(?:small\s)?(?:share of sales|commission|compensation)\b"
    r".{0,80}\b(?:this|our)\s(?:article|page|post|story|site|links?)\b"
    r"|^prices\s(?:are\s)?subject\sto\schange\b"
    # "Mental Floss has affiliate relationships with certain retailers, including Amazon, …"
    r"|^[\w.&'\s]{1,40}?\s(?:has|have|maintains?)\s(?:an?\s)?affiliate\s(?:relationships?|"
    r"partnerships?|links?)\b"
    # an update note about the piece itself: "Update 4/3/2020, 6:20pm ET: This post was
    # updated to include …", "Update July 3rd, 8:05AM ET: Added ARKit explanation and tweet."
    r"|^(?:\(?update[ds]?|editor['’]s update)\b(?:[^:]|(?<=\d):(?=\d)){0,50}:\s*"
    r"(?:this (?:story|article|post|piece|report) (?:was|has been) "
    r"(?:updated|corrected|edited|changed)\b"
    r"|(?:added|updated|corrected|clarified|removed|edited|changed|included)\b)"
    # thanks to the team, calls to follow the site, subscription offers: about the page
    r"|^(?:(?:many|special|big|huge) )?thanks (?:go )?to (?:everyone|all (?:those|who|of)|the "
    r"(?:many|whole|entire)|(?:my|our) (?:colleagues|team))\b|^(?:many|special|big|huge) thanks to"
    r"|^(?:i|we) (?:would like to |want to )?thank (?:my|our|the|everyone|all)\b"
    r"|^follow (?:us|[\w .&'’-]{1,40}?) on (?:facebook|twitter|instagram|x|tiktok|youtube|"
    r"linkedin|threads|bluesky|mastodon)\b"
    r"|^get [\w .&'’-]{1,40}? delivered (?:to|through|straight|every|each)\b"
    r"|^\d+ (?:issues|editions|months) for [£$€]\s?\d"
    # an update stamp: "Updated at 1:23 p.m.", "Last updated: Nov. 19, 2019 10:02 ET"
    r"|^(?:last )?updated(?: at| on)?:? (?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
    r"dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)[\w .,:/-]{1,40}$",
    re.IGNORECASE,
)
# a post's credit line, names only: "(Via CNN, Fox News and ABC News)", "h/t Jane Doe"
_VIA_LINE = re.compile(
    r"^\(?(?:[Vv]ia|[Hh]/[Tt]|[Hh]at [Tt]ip(?: to)?)\s+"
    r"(?:(?:[A-Z@][\w.&'’-]*|the|of|and)(?:,?\s+|$|(?=\)))){1,12}"
    r"(?:for (?:the|this|a|an) [a-z ]{1,30})?\)?\.?$"  # "Hat tip to Curbed for the find."
)
_CONTRIBUTED = re.compile(
    r"\b(?:writers?|reporters?|correspondents?)\b.{0,300}\bcontributed(?: to)? this "
    r"(?:report|story|article)\.?\)?$",
    re.IGNORECASE,
)


# a tips box: "Email the writer at …", "here are the instructions for using SecureDrop"
_TIPS = re.compile(
    r"\b(?:e-?mail|contact|reach|message) the (?:writer|author|reporter|newsroom)\b"
    r"|\bsecuredrop\b|\bsend (?:us )?(?:your )?(?:news )?tips?\b",
    re.IGNORECASE,
)


# Every _CONTRIBUTED match holds "contributed", every _TIPS match one of the _TIPS_HINTS, in
# some case. Case-insensitive matching also equates "i" with "ı"/"İ" and "s" with "ſ",
# which lower() does not, so text holding those skips these gates.
_TIPS_HINTS = ("writer", "author", "reporter", "newsroom", "securedrop", "send")
_FOLDS_APART = re.compile("[\u0130\u0131\u017f]")


def is_notice_text(text: str) -> bool:
    """A correction, an editor's note, a reprint or reporting credit, a tips box: about the
    page, not a claim of the story."""
    text = text.replace("\xa0", " ")  # "Follow us on&nbsp;<a>Facebook</a>"
    if _NOTICE_TEXT.match(text) or _VIA_LINE.match(text) or _licence_credit(text):
        return True
    lower = text.lower()
    folds = not text.isascii() and _FOLDS_APART.search(text) is not None
    if (folds or "contributed" in lower) and _CONTRIBUTED.search(text):
        return True
    return (folds or any(h in lower for h in _TIPS_HINTS)) and _TIPS.search(text) is not None


# "Austria von chrstinamari CC BY 2.0", "Photo: Jane Doe / CC BY-SA 4.0": a picture's credit
_LICENCE_TAG = re.compile(r"\b(?:CC[- ]?(?:BY|0)(?:[- ](?:SA|ND|NC))*(?:[- ]\d\.\d)?|CC0)\s*$")
_CREDIT_WORDS = 16


def _licence_credit(text: str) -> bool:
    """A short line that ends in a Creative Commons licence tag: an image's credit."""
    stripped = text.strip().rstrip(".)")
    return len(stripped.split()) <= _CREDIT_WORDS and _LICENCE_TAG.search(stripped) is not None


def is_notice_heading(text: str) -> bool:
    """ "Acknowledgements", "Funding", "Competing interests": text to keep, never claims."""
    return bool(_NOTICE_HEADING.match(_heading_text(text)))


def is_bold_paragraph(el: HtmlElement) -> bool:
    """A paragraph that is nothing but bold text ("<p><b>Sources:</b></p>"): a heading."""
    return (
        el.tag == "p" and len(el) == 1 and el[0].tag in ("b", "strong")
        and not (el.text or "").strip() and not (el[0].tail or "").strip()
    )  # fmt: skip


def is_chrome_label(el: HtmlElement) -> bool:
    """A bold paragraph that heads chrome: "<p><b>About Acme</b></p>" (press releases)."""
    if not is_bold_paragraph(el):
        return False
    text = el.text_content().strip()
    return len(text.split()) <= 8 and is_chrome_heading(text)


_RUNS_ON = re.compile(r"[,;]\s|\s+[a-z]")


def is_boilerplate_text(text: str, *, link_texts: list[str]) -> bool:
    """Block-level chrome recognised by its words: sign-offs, promos, CTA-only blocks."""
    stripped = text.strip()
    if not stripped:
        return True
    if _CHROME_TEXT.match(stripped):
        return True
    words = len(stripped.split())
    if words <= 40 and "@" in stripped and _EMAIL.search(stripped):
        return True
    linked = sum(len(t) for t in link_texts)
    if words <= 30 and _CTA.search(stripped) and any(_CTA.search(t) for t in link_texts):
        return True
    if _may_promote(stripped) and _PROMO.search(stripped):
        return True
    if link_texts and stripped.startswith(link_texts[0].strip()) and _CUT_SHORT.search(stripped):
        # a story card: its linked headline and a teaser cut short "…", unless the link opens
        # a sentence that runs on ("<a>According to the Verge</a>, the…")
        return not _RUNS_ON.match(stripped[len(link_texts[0].strip()) :])
    if words >= _BRACKETED_WORDS and stripped[0] + stripped[-1] == "[]":
        # "[How a Univision anchor found the missing portrait …]": a related story's linked
        # headline set between the paragraphs
        return linked >= 0.8 * len(stripped)
    return words <= 12 and linked >= 0.8 * len(stripped)


_BRACKETED_WORDS = 4  # "[Engadget]" under a quotation is its credit, no headline
