"""Chrome that real pages set inside the story: pull quotes, promos, credits, reprint notes."""

from __future__ import annotations

from pipeline_pages import PAGE_URL, extract, page

from app.pipeline import run_pipeline
from app.pipeline.page.pull_quotes import pull_quotes
from app.pipeline.types import Block


def _claims(body: str) -> list[str]:
    return [s.text for s in extract(body).sentences if s.is_claim]


def test_a_pull_quote_and_its_speaker_line_are_not_sentences() -> None:
    parts = [
        ("paragraph", "Revenue fell 9% last year."),
        ("quote", "Since 2008, there has not been a single year of revenue gain in the industry."),
        ("paragraph", "News analyst Ken Doctor"),
        ("paragraph", "“Since 2008, there has not been a single year of revenue gain in the "
         "industry,” says analyst Ken Doctor."),
        ("quote", "We are not giving up on print, the chief executive told staff in March."),
    ]  # fmt: skip
    text, blocks = "", []
    for kind, words in parts:
        text += ("\n\n" if text else "") + words
        blocks.append(Block(kind, len(text) - len(words), len(text)))
    assert pull_quotes(text, blocks) == [1, 2]  # the last quote says something new


def test_a_pull_quote_classed_as_such_never_reaches_the_text() -> None:
    body = """<p>Revenue fell 9% last year.</p><div class="Quote"><blockquote>Since 2008, there has
not been a single year of revenue gain.</blockquote><div class="Quote-attribution">News analyst
Ken Doctor</div></div><p>“Since 2008, there has not been a single year of revenue gain,” says
analyst Ken Doctor.</p>"""
    text = extract(body).text
    assert text.count("Since 2008") == 1
    assert "News analyst" not in text


def test_promos_named_in_camel_case_or_as_custom_elements_are_chrome() -> None:
    body = """<p>The merger closed on Tuesday for $1.4 billion, the companies said.</p>
<div class="PromoSmall"><a href="/2016/06/other-story">Tribune renames itself Tronc as its
dispute continues</a></div><ps-promo><p>Freelancers fear the new law will cost them 40% of their
work.</p></ps-promo>"""
    claims = _claims(body)
    assert not any("Tronc" in c or "Freelancers" in c for c in claims)
    assert any(c.startswith("The merger closed") for c in claims)


def test_reprint_notes_credits_and_bios_are_never_claims() -> None:
    body = """<p>The plant will employ 300 people by 2027.</p>
<p>This article was originally published by Futurism. Read the original article.</p>
<p>Associated Press writers Alan Fram and Zeke Miller contributed to this report.</p>
<p>(Additional reporting by Fergus Jensen; Editing by Tom Hogue)</p>
<p>Provided by European Space Agency</p>
<p>The map shows 40 languages. Image by Jo Writer, CC BY-SA 4.0.</p>
<p>Jo Writer is a product manager at the Example Foundation.</p>"""
    claims = _claims(body)
    assert claims[0] == "The plant will employ 300 people by 2027."
    assert not any(
        word in c
        for c in claims
        for word in ("Futurism", "original article", "contributed", "Additional", "Provided",
                     "Image by", "product manager")
    )  # fmt: skip


def test_a_picture_credit_classed_attribution_is_chrome() -> None:
    body = """<figure><img src="x.jpg"><span class="attribution">© John Brecher</span></figure>
<p>Clinics gave 1,200 flu shots in November.</p>"""
    assert "John Brecher" not in extract(body).text


def test_a_paragraph_naming_its_linked_source_stays_in_the_article() -> None:
    # trafilatura keeps only what it judges to be the article; a paragraph that names a linked
    # outside source is article text even when it sits outside that judgement
    html = page("""<p>Following the launch, a new model will ship in 2020, according to sources
cited by the publication <em><a href="https://www.digitimes.example/">DigiTimes</a></em>.</p>
<p>The report claims the display will remain 13.3 inches in size.</p>""")
    assert "a new model will ship in 2020" in run_pipeline(html, PAGE_URL).text


def test_the_story_continues_after_a_subscribe_box_trafilatura_stops_at() -> None:
    paragraph = "The neo-banks promised to ease the pain of overdraft fees for millions of people."
    html = f"""<html><head><title>Banking</title></head><body><main>
<div class="grid"><div class="article__body body"><p>{paragraph}</p><p>{paragraph} Again.</p>
<p>{paragraph} Once more.</p></div></div>
<div class="inset"><div class="heading-h5"><a href="https://subscribe.example.com/">Subscribe
</a> to stay smart.</div></div>
<div class="grid"><div class="article__body body"><p>Big Tech incumbents are already honing in
on the space, with four products launched in 2019 alone.</p><hr>
<div class="heading-h3">More Great Example Stories</div><ul><li>Drones get jet engines, <a
href="https://news.example.org/story/jet?itm_campaign=BottomRelatedStories">and more</a></li></ul>
</div></div></main></body></html>"""
    ext = run_pipeline(html, "https://news.example.org/story/banking")
    assert "four products launched in 2019" in ext.text
    assert "Drones get jet engines" not in ext.text


def test_questions_and_lead_ins_are_never_claims_even_when_cited() -> None:
    body = """<p>What was the <a href="https://wire.example.com/2019/05/probe">Swedish
investigation</a> about? A Rep agrees to take on the following responsibilities:</p>
<p>The probe began in 2010 and was dropped in 2017.</p>"""
    ext = extract(body)
    by_start = {s.text.split()[0]: s for s in ext.sentences}
    assert not by_start["What"].is_claim and by_start["What"].citations  # still cited
    assert not by_start["A"].is_claim
    assert by_start["The"].is_claim


def test_a_caption_under_a_picture_is_never_a_claim() -> None:
    body = """<p>Shelters were stocked with water and food by 1963, the city said.</p>
<div class="image-none"><img src="x.jpg"><br><i>The basement at 80 New York, now used to store
1,200 bicycles.</i></div>
<p>Correction added Nov. 18, 2019: An earlier caption misstated the year.</p>"""
    claims = _claims(body)
    assert claims == ["Shelters were stocked with water and food by 1963, the city said."]


def test_a_href_no_parser_accepts_is_no_link_and_no_crash() -> None:
    body = """<p>Rates fell 5% in May, <a href="http://[::1">the office said</a>. See
<a href="https://ok.example/report">the report</a> for 2024.</p>"""
    ext = extract(body)
    assert {s.url for s in ext.sources} == {"https://ok.example/report"}
