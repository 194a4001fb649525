"""The pure extraction pipeline: `run_pipeline(html, url) -> Extraction`; no database, no I/O."""

from __future__ import annotations

import re

from app.pipeline.advice import is_imperative
from app.pipeline.attribution.lexicon import VERBS
from app.pipeline.checkworthiness.assessment import CLAIM_THRESHOLD, assess
from app.pipeline.checkworthiness.learned import LearnedScorer
from app.pipeline.citations.link_filter import site_domains
from app.pipeline.citations.sources import normalize_url
from app.pipeline.document import parse_document
from app.pipeline.linking import SentenceLinks, build_index, link_sentences
from app.pipeline.page.boilerplate import is_notice_text
from app.pipeline.sentences import split_sentences
from app.pipeline.types import Citation, Document, Extraction, Sentence, Source
from app.urls import registrable_domain

__all__ = ["run_pipeline"]


def run_pipeline(
    html: str, url: str, *, claim_threshold: float = 0.5, scorer: LearnedScorer | None = None
) -> Extraction:
    """Extract the article, its sources and its claims from one page; `scorer` replaces the
    shipped check-worthiness weights (for out-of-fold evaluation)."""
    doc = parse_document(html, url)
    anchors = [(ln.start, ln.end) for ln in doc.links if not ln.note]
    spans = split_sentences(doc.text, doc.blocks, anchors, (m.start for m in doc.markers))
    index = build_index(doc)
    # a heading labels and a notice (disclaimer, correction) speaks about the page itself:
    # neither asserts the story, and a notice is no claim even when it names a source
    headings = [(b.start, b.end) for b in doc.blocks if b.kind in ("heading", "notice")]
    notices = [(b.start, b.end) for b in doc.blocks if b.kind == "notice"] + _bio(doc)
    sentences = []
    credited: set[str] = set()  # the stories of headline credit lines: references, no citations
    own = site_domains(url, doc.canonical_url)
    for i, ((start, end), found) in enumerate(
        zip(spans, link_sentences(doc, spans, index), strict=True)
    ):
        text = doc.text[start:end]
        about_page = _inside(start, end, notices) or _about_page(text, doc.byline)
        if _in_credit_line(start, doc):  # "Why Can’t X? It’s Complicated [<a>Bloomberg</a>]"
            credited.update(c.url for c in found.citations if c.url)
            about_page = True
        if (pictures := _credits_bracket(text)) is not None:  # "[<a>FastCo</a> Top Image: …]"
            credited.update(_linked_before(doc, start, start + pictures, found))
            about_page = True
        if _POINTS_ELSEWHERE.match(text) and _only_own(found.citations, own):
            about_page = True  # "(See the world's top 10 disasters.)": the site's own pages
        if _MORE_DETAILS.match(text):
            about_page = True  # "Alle weiteren Details … gibt es in der <a>Vorstellung</a>."
        if about_page or _says_nothing_carried(text, found, scorer):
            found.citations = []  # "(Additional reporting by <a>…</a>)" cites nothing
        if _PREVIEW.match(text):  # "Here's a look at … from this year's survey": its own link
            found.citations = [c for c in found.citations if c.via != "attribution"]
        # a marker into a note without a URL may be the writer's aside, not a work: shown,
        # but it alone makes no claim
        cited = any(c.url or c.via == "attribution" for c in found.citations)
        assessment = assess(text, cited=cited, attributed_to=found.attributed_to, scorer=scorer)
        sentences.append(
            Sentence(
                index=i, start=start, end=end, text=text, citations=found.citations,
                attributed_to=found.attributed_to, checkworthiness=assessment.checkworthiness,
                features=assessment.features, kinds=assessment.kinds,
                quantities=assessment.quantities,
                is_claim=not (about_page or _asks_or_introduces(text)) and (
                    cited or (
                        assessment.checkworthiness >= claim_threshold
                        and not _inside(start, end, headings)
                        and not _COUNTERFACTUAL.match(text)
                        and not _SPECULATES.match(text)
                        and not _NO_COMMENT.search(text)
                        and not _WEIGHS_UP.search(text)
                    )
                ),
            )
        )  # fmt: skip
    return Extraction(
        url=url, text=doc.text, word_count=len(doc.text.split()), title=doc.title,
        byline=doc.byline, published=doc.published, site_name=doc.site_name,
        language=doc.language, canonical_url=doc.canonical_url, sentences=sentences,
        sources=_cited_sources(index.sources(), sentences, doc, credited),
    )  # fmt: skip


# "The following chart summarizes…", "This graphic, provided by Statista, shows…": a sentence
# that presents a picture of the page; "We rate the statement Mostly True.": a fact-check's
# verdict on the claim it checks
_PRESENTS = re.compile(
    r"^(?:the following|this|these|the (?:\w+ )?below)\s+(?:[\w-]+\s+)?(?:chart|charts|graphic|"
    r"infographic|map|table|graph|video|image|photo|figure|timeline)\b(?:,[^,]{1,60},)?\s+"
    r"(?:below\s+)?(?:shows?|summari[sz]es|illustrates?|displays?|lists?|compares?|breaks down)\b"
    r"|^(?:we|politifact|polifact) (?:rate|rates|rated) (?:this|the|that|his|her|their) "
    r"(?:statement|claim)\b",
    re.IGNORECASE,
)


# a reaction, not a report: "I have my doubts.", "I think it's fascinating.", "…, I guess."
_STANCE = re.compile(
    r"\b(?:I|we)\s+(?:\S+\s+){0,2}?(?:think|guess|doubt|doubts|believe|feel|suppose|wonder|"
    r"seen)\b",
    re.IGNORECASE,
)


def _says_nothing_carried(text: str, found: SentenceLinks, scorer: LearnedScorer | None) -> bool:
    """A sentence that only a quoted run or a pronoun ties to a source, naming no speaker, and
    that reacts, asks or leads in ("I think it's fascinating.", "Specifically, we will:")
    without a check-worthy word of its own: it rests on nothing. So does a lead-in that links
    its example and reports nobody's words ("<a>For example</a>:", "As an example, let's
    reuse the Cow <a>we used before</a>:")."""
    if not found.citations:
        return False
    if found.attributed_to:  # "“I am hopeful but realistic…,” said Hoenig": a feeling, told
        return (
            all(c.via == "attribution" for c in found.citations)
            and _FEELS.search(text) is not None
            and assess(text, cited=False, scorer=scorer).checkworthiness < CLAIM_THRESHOLD
        )
    leads_in = text.rstrip(' "”’)').endswith(":")
    # "Remember <a>the state's quest for a slogan</a>?" recalls what the story reported
    asks = text.rstrip(' "”’)').endswith("?") and not _RECALLS.match(text)
    carried = all(c.via == "attribution" for c in found.citations)
    if not (
        (carried and (_STANCE.search(text) or _FEELS.search(text) or leads_in or asks))
        or ((leads_in or asks) and not _REPORTS.search(text))
    ):
        return False
    return assess(text, cited=False, scorer=scorer).checkworthiness < CLAIM_THRESHOLD


# a speaker's own hopes, wishes and judgements: "I judge unacceptable", "I wish free money was
# really free", "I am hopeful but realistic"
_FEELS = re.compile(
    r"\bI(?:'m| am| was)?\s+(?:\w+\s+)?(?:hope|hopeful|wish|worry|worried|want|judge|feel|fear|"
    r"mindful|optimistic|pessimistic|confident)\b"
)
_RECALLS = re.compile(r"(?:remember|recall)\b", re.IGNORECASE)
# whose words a lead-in announces: "as the New York Times explains:", "reported on …:"
_REPORTS = re.compile(
    rf"\b(?:{VERBS}|explains?|describe[sd]?|reports?|following|statement|according)\b",
    re.IGNORECASE,
)


# "Max Blumenthal is an award-winning journalist and the author of…": the writer's bio closing
# the body, whether or not the page names a byline
_BIO = re.compile(
    r"(?:[A-Z][\w’'.-]+ ){1,3}is (?:a|an|the)\b[^.]{0,80}?\b(?:journalist|writer|author|"
    r"reporter|editor|correspondent|columnist|contributor|filmmaker|blogger)s?\b"
)
_BIO_BLOCKS = 2  # the body's last blocks, where a bio stands


def _bio(doc: Document) -> list[tuple[int, int]]:
    """The span of a closing author's bio: its block and the blocks after it."""
    tail = [b for b in doc.blocks if b.kind in ("paragraph", "notice", "quote")][-_BIO_BLOCKS:]
    for block in tail:
        if _BIO.match(doc.text, block.start, block.end):
            return [(block.start, doc.blocks[-1].end)]
    return []


def _about_page(text: str, byline: str | None) -> bool:
    """A credit, correction, the author's bio, a figure's lead-in, a fact-check's rating or a
    pointer to more elsewhere inside a block: about the page, no claim."""
    bio = (
        byline
        and text.startswith(byline)  # spares compiling the pattern for every other sentence
        and re.match(rf"{re.escape(byline)} is (?:a|an|the)\b", text)
    )
    return bool(
        bio
        or _BY_LINE.match(text)
        or _PRESENTS.match(text)
        or _POINTS_ON.search(text)
        or _TRACKER_TITLE.match(text)
    ) or is_notice_text(text)


# "Bug 1678390 – Prevent picture-in-picture windows from opening on top of one another": a
# tracker item's title in a list of them, what was filed, not what is so
_TRACKER_TITLE = re.compile(r"^(?:bug|issue|ticket|pr)\s+#?\d{2,}\s*[–—:-]\s+\S", re.IGNORECASE)
# "More details can be found in the data model section below.", "… is presented in the
# lifecycle section below": the reader sent elsewhere, nothing asserted
_POINTS_ON = re.compile(
    r"^(?:more|further|additional)\s+(?:details|information|info|background)\b[^.]{0,160}?"
    r"\b(?:can|may|will)\s+be\s+found\b"
    # "All the scripts used in this blog can be found on our GitHub page."
    r"|^(?:all\s+)?(?:of\s+)?(?:the|our)\s+(?:[\w-]+\s+){0,2}?(?:scripts|code|source\s+code|"
    r"samples|files|notebooks?|tools|data\s*sets?|slides|video|recording|audio|podcast)\b"
    r"[^.]{0,80}?\b(?:can|may)\s+be\s+(?:found|downloaded|accessed|watched|viewed|heard)\b"
    r"|\b(?:is|are)\s+(?:presented|described|explained|covered|discussed)\s+in\s+"
    r"(?:the|a|our)\s+[^.]{0,80}?\bsection\s+below\b"
    # "Check out the full statement below from ABC News.": what the page shows next
    r"|^(?:check\s+out|see|watch|read|listen\s+to)\s+(?:the|this|his|her|their|its)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:below|above)\b"
    # "See the new Bluetooth API guide for more details.", "For all the details of what's in
    # DP7, see the release notes.": where to read on, no claim
    r"|^(?:for\s+(?:all\s+|more\s+)?(?:the\s+)?details\b[^.]{0,80}?,\s*)?(?:please\s+)?"
    r"(?:see|check\s+out|read|visit|refer\s+to|consult)\s+(?:the|our)\s+(?:[\w-]+\s+){0,5}?"
    r"(?:guide|documentation|docs|reference|release\s+notes|notes|page|faq|tutorial|"
    r"instructions)\b"
    # "Please send us your feedback by filing bug reports…", "You can also join our community"
    r"|^please\s+(?:send|share|file|submit|let\s+us\s+know|join|contact)\b"
    # "If you'd like to know more about file-by-file patching, …, head over to the project"
    r"|^if\s+you(?:['’]d|\s+would|\s+want)\s+(?:like\s+)?to\s+(?:know|learn|read|find\s+out)"
    r"\s+more\b[^.]{0,160}?,\s*(?:please\s+)?(?:head\s+over\s+to|go\s+to|see|check\s+out|"
    r"visit|read)\b"
    r"|^you\s+can\s+(?:also\s+)?join\b"
    # "…, so if you're looking for more talk about the movie, you can read our review here.",
    # "(For an excellent takedown of the Soros obsession, read Kevin D. Williamson on it.)"
    r"|\bif\s+you(?:['’]re|\s+are)\s+looking\s+for\s+more\b[^.]{0,160}?,\s*(?:you\s+can\s+)?"
    r"(?:head\s+over\s+to|go\s+to|see|check\s+out|visit|read|take\s+a\s+look\s+at)\b"
    r"|^\(?\s*for\s+(?:an?|the|more|some)\s+(?:[\w’'-]+\s+){0,2}?(?:takedown|look|explainer|"
    r"primer|overview|analysis|background|context|reading|history)\b[^.]{0,120}?,\s*"
    r"(?:read|see|check\s+out|watch|listen\s+to|head\s+over\s+to)\b",
    re.IGNORECASE,
)


# "By Abigail Van Buren": a column's byline standing in its body
_BY_LINE = re.compile(r"^[Bb]y [A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|van|de|von|der)){0,4}\.?$")


# "Voters could have shown…", "It would keep him off-balance": what might be, not what is
# (unless a source is cited for it)
_COUNTERFACTUAL = re.compile(
    r"^(?:\w+\s+){0,4}?(?:could|would|might)(?: not|n[’']t)? (?:have\b|keep\b|be\b)", re.I
)
# "Maybe its designers were busy…", "Presumably, other games…", "It also seems like…": the
# writer's guess, not an assertion (unless a source is cited for it); in the CheckThat!
# training debates 31 of 33 sentences opening so are labelled not check-worthy
# "Pacifica did not respond to a request for comment.", "A representative declined to
# comment.", "We asked the author … but did not receive a reply.": the reporter's own
# unanswered question, no claim to check
_NO_COMMENT = re.compile(
    r"\b(?:did not|didn['’]t|has not|hasn['’]t|have not|haven['’]t)\s+(?:yet\s+|immediately\s+)?"
    r"(?:respond(?:ed)?|reply|replied|return(?:ed)?|receive(?:d)? an?\s+(?:reply|response|answer)|"
    r"hear(?:d)? back)\b"
    r"|\b(?:declined|refused) to comment\b|\bcould not be reached\b"
    r"|\bno (?:reply|response) (?:to|from)\b[^.]{0,60}\brequest\b",
    re.IGNORECASE,
)
_SPECULATES = re.compile(
    r"^(?:maybe|perhaps|presumably|apparently|arguably|supposedly|conceivably|possibly)\b"
    r"|^it (?:\w+ )?(?:seems|seemed)\b|^it (?:would|might|may) seem\b",
    re.IGNORECASE,
)
# German and French modals and hedges the English-trained scorer cannot read: "Im Zweifel
# sollte man solche Werke nicht verwenden.", "Vielleicht werden aber auch Nutzer…", "il
# faudrait…": advice, wishes and guesses, not assertions (a cited one stays a claim)
_WEIGHS_UP = re.compile(
    r"\b(?:sollte[nst]?|sollten|könnten?|müssten?|dürften?|vielleicht|idealerweise|"
    r"hoffentlich|wahrscheinlich|vermutlich|meines erachtens|meiner meinung nach|im zweifel|"
    r"devrai(?:t|ent)|pourrai(?:t|ent)|faudrait|il faut|peut-être|sans doute|probablement|"
    r"à mon avis|espérons)\b",
    re.IGNORECASE,
)
# "(See pictures of the spill.)", "(Watch TIME's video "Oil Spill Anxiety on the Bayou.")": a
# whole sentence in brackets sending the reader to other pages, which it neither claims nor cites
_POINTS_ELSEWHERE = re.compile(
    r"^[(\[]\s*(?:see|watch|read|listen to|view|look at|browse|check out|more on)\b"
    r"[^()\[\]]*[)\]]\.?$",
    re.IGNORECASE,
)


# a preview of what the article goes on to show: "Here's a look at three of the results…",
# "In this post, we'll go through…", "Below, we analyze…"
_PREVIEW = re.compile(
    r"^(?:here(?:['’]s| is| are)\b|in this (?:post|article|piece|story|guide)\b|below,? we\b"
    r"|let['’]s (?:look|take a look)\b)",
    re.IGNORECASE,
)
# "For more details, see <a>…</a>", "Alle weiteren Einzelheiten bitten wir den Seiten der
# <a>Stiftung</a> zu entnehmen", "Pour en savoir plus…": where to read more, neither a claim
# nor resting on the page it names ("More details emerged on Tuesday" is news: no pointer verb)
_MORE_DETAILS = re.compile(
    r"^for\s+(?:more|further|full|additional)\s+(?:details|information|info)\b[^.]{0,80}?"
    r"\b(?:see|visit|go to|read|click|check|head to|contact)\b"
    r"|^(?:more|further|full|additional)\s+(?:details|information)\s+(?:is|are|can be)\s+"
    r"(?:available|found)\b"
    r"|^you (?:can|will|['’]ll) find (?:more|additional|further) (?:information|details)\b"
    r"|^(?:alle\s+)?(?:weiteren?|näheren?|mehr)\s+(?:details|einzelheiten|informationen|infos)\b"
    r"[^.]{0,120}?\b(?:gibt es|finden sie|findet ihr|entnehmen|lesen sie|erfahren sie|erhalten "
    r"sie|zu finden)\b"
    r"|^(?:pour\s+)?(?:en\s+savoir\s+plus|plus\s+d['’]informations?|plus\s+de\s+détails)\b"
    # "Hier findest du alle Infos!", "Here you'll find more details", "Hier geht's zur
    # Veranstaltung", "Voir en ligne : …" (a SPIP page's link to the piece it presents)
    r"|^(?:hier|dort)\s+(?:findest\s+du|finden\s+sie|findet\s+ihr|gibt\s+es|erfährst\s+du|"
    r"erfahren\s+sie)\b[^.!]{0,60}?\b(?:infos?|informationen|details|mehr)\b"
    r"|^hier\s+geht['’]?s\s+(?:zur?|zum|weiter)\b"
    r"|^here\s+you(?:['’]ll|\s+will|\s+can)?\s+(?:find|get|read)\b[^.!]{0,40}?"
    r"\b(?:info|information|details|more)\b"
    r"|^(?:voir|lire)\s+en\s+ligne\s*:|^see\s+online\s*:"
    # the rest is in print: "Den kompletten Beitrag lesen Sie in der neuen Juli-Ausgabe …",
    # "Read the full story in the March issue of …"
    r"|^(?:den|die|das)\s+(?:kompletten?|ganzen?|vollständigen?|gesamten?|ausführlichen?)\s+"
    r"(?:beitrag|artikel|text|bericht|interview|reportage|geschichte)\s+(?:lesen|finden)\s+sie\b"
    r"|^read\s+the\s+(?:full|complete|whole|entire)\s+(?:story|article|interview|piece|"
    r"feature)\s+in\s+(?:the\s+)?[^.]{0,60}?\b(?:issue|edition)\b"
    # "Read the full 2024 Global DevSecOps Report for more insights on AI, …"
    r"|^read\s+the\s+(?:full|complete|entire|whole)\b[^.]{0,80}?\bfor\s+(?:more|further|"
    r"additional|the\s+full)\b",
    re.IGNORECASE,
)


def _only_own(citations: list[Citation], own: set[str]) -> bool:
    """Whether every linked citation goes to the page's own site: an aside pointing at the
    evidence elsewhere ("(See Facebook's own description of this process.)") cites it."""
    return all(registrable_domain(c.url) in own for c in citations if c.url)


# "Here are 15 tips to help…", "Below, we analyze…", "…our picks … below.": the page
# announcing what follows
_LIST_INTRO = re.compile(
    r"^here(?:['’]s| is| are)\b|^below,?\s+(?:we|you|is|are)\b|\bbelow[.!:]?$", re.IGNORECASE
)


# "If you do, please support us so that we can…": the site asking for money or sign-ups
_APPEAL = re.compile(
    r"\bplease\s+(?:support\s+us|donate|subscribe|become\s+a\s+(?:member|patron|subscriber)"
    r"|consider\s+(?:supporting|donating|subscribing|becoming))\b",
    re.IGNORECASE,
)


def _asks_or_introduces(text: str) -> bool:
    """A question, a lead-in to a list or quotation ("…the following responsibilities:"),
    advice in the imperative or an appeal for support: none asserts anything, cited or not."""
    return (
        text.rstrip(' "”’)」』）').endswith(("?", ":", "？", "：", "؟"))
        or is_imperative(text)
        or bool(_LIST_INTRO.match(text))
        or bool(_APPEAL.search(text))
    )


def _cited_sources(
    sources: list[Source], sentences: list[Sentence], doc: Document, credited: set[str]
) -> list[Source]:
    """The sources some sentence cites, every entry of the page's reference lists and the
    stories credit lines name: a body link no sentence ended up citing (a pointer to further
    reading) is no source, nor is an embedded post no sentence rests on (shown, not cited)."""
    cited = {c.url for s in sentences for c in s.citations if c.url} | credited
    listed = {normalize_url(r.url) for r in doc.references if r.url and not r.embedded}
    return [s for s in sources if s.url in cited or s.url in listed]


# a paragraph that is a story's headline credited to its outlet: "Why Can’t Taylor Swift Perform
# Her Own Songs? It’s Complicated [Bloomberg]", "Fed holds rates (Reuters)"
_CREDIT_LINE = re.compile(r"^[^\[\]()]{3,200}(?:\[[A-Z][^\[\]]{0,40}\]|\([A-Z][^()]{0,40}\))$")
_CREDIT_WORDS = 30  # a credit line is a headline and a name, no paragraph of reporting


# "[Technology Guide - FastCo - LifeHack Top Image: Creativa, Notes Image: wavebreakmedia /
# Shutterstock]": a post's closing bracket of credits, the stories it drew on and who made
# its pictures; a label of the pictures' credits opens their part
_CREDITS = re.compile(r"^\s*[\[(].*[\])]\W*$", re.DOTALL)
_PICTURE_LABEL = re.compile(
    r"\b(?:(?:top|lead|header|main|cover|hero)\s+)?(?:images?|photos?|photographs?|pictures?|"
    r"illustrations?|graphics?)\s*:",
    re.IGNORECASE,
)


def _credits_bracket(text: str) -> int | None:
    """Where the pictures' credits start in a bracketed closing credits line, else None."""
    label = _PICTURE_LABEL.search(text) if _CREDITS.match(text) else None
    return label.start() if label else None


def _linked_before(doc: Document, start: int, end: int, found: SentenceLinks) -> set[str]:
    """The URLs of the sentence's citations linked between `start` and `end`."""
    urls = {normalize_url(ln.href) for ln in doc.links if start <= ln.start < end}
    return {c.url for c in found.citations if c.url and c.url in urls}


def _in_credit_line(start: int, doc: Document) -> bool:
    """Whether the position lies in a paragraph that only credits a linked story to its
    outlet, the link on the bracketed name: the item's source, not a claim citing it."""
    block = next((b for b in doc.blocks if b.start <= start < b.end), None)
    if block is None or block.kind != "paragraph":
        return False
    text = doc.text[block.start : block.end].strip()
    if not _CREDIT_LINE.match(text) or len(text.split()) > _CREDIT_WORDS:
        return False
    opener = "[" if text.endswith("]") else "("
    bracket = block.start + doc.text[block.start : block.end].rfind(opener)
    return any(bracket < ln.start and ln.end <= block.end for ln in doc.links if ln.citation)


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) lies within one of `spans`."""
    return any(s <= start and end <= e for s, e in spans)
