"""Habits of real pages, twentieth batch (after the nineteenth blind gate), each on minimal
HTML of our own."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

from app.pipeline import run_pipeline

_POST = "https://blog.example.net/2016/12/electors-defect-in-record-numbers"


def test_a_block_quotation_after_a_linked_story_is_quoted_from_it() -> None:
    ext = extract(
        "<p>The count ended on Monday. Clinton suffered her "
        f'<a href="{_POST}">final defeat</a>.</p>'
        "<blockquote><p>When electors met to vote, seven electors tried to defect.</p>"
        "<p>Four of them succeeded in Washington, the state's records show. Texas gave Trump "
        '<a href="https://blog.example.net/2016/12/texas-votes">36 electoral votes</a>.</p>'
        "</blockquote><p>The tally was the oddest since 1796.</p>"
    )
    assert urls(sentence(ext, "When electors met")) == {_POST}
    assert urls(sentence(ext, "Four of them")) == {_POST}
    assert urls(sentence(ext, "Texas gave")) == {"https://blog.example.net/2016/12/texas-votes"}
    assert urls(sentence(ext, "The tally was")) == set()


def test_a_block_quotation_after_an_unlinked_paragraph_rests_on_nothing() -> None:
    ext = extract(
        f'<p>The count ended on Monday, <a href="{_POST}">as reported</a>. It was a long '
        "day.</p><blockquote><p>When electors met to vote, seven electors tried to defect.</p>"
        "</blockquote>"
    )
    assert urls(sentence(ext, "When electors met")) == set()


def test_a_question_that_links_a_story_asks_and_cites_nothing() -> None:
    ext = extract(
        "<p>The governor named three candidates on Friday. Perhaps the former nominee "
        '<a href="https://news.example.org/2016/12/nominee-dinner-photos">still has a chance'
        '</a>, no? The senator, as <a href="https://paper.example.net/2016/12/09/senator-'
        'says-no">the Post reported</a>, declined the post on Thursday.</p>'
    )
    assert urls(sentence(ext, "Perhaps the former")) == set()
    assert urls(sentence(ext, "The senator")) == {
        "https://paper.example.net/2016/12/09/senator-says-no"
    }


def test_a_posts_credit_line_and_a_pointer_to_what_follows_are_about_the_page() -> None:
    tweet = "https://twitter.com/ABC/status/807334206376443904"
    ext = extract(
        "<p>The former mayor withdrew from consideration on Friday.</p>"
        f'<p>Check out the full <a href="{tweet}">statement below</a> from ABC News.</p>'
        '<p>(Via <a href="https://paper.example.net/2016/12/09/mayor-withdraws">CNN</a>, '
        f'<a href="{tweet}">ABC News</a>)</p>'
    )
    for start in ("Check out the full", "(Via CNN"):
        found = sentence(ext, start)
        assert urls(found) == set() and not found.is_claim, start
    assert [s.url for s in ext.sources] == []


def test_a_tools_site_download_page_and_code_pointer_are_no_evidence() -> None:
    ext = extract(
        "<p>Looking at the file with a hex editor (we used "
        '<a href="https://rada.re/r/">radare2</a>, a reverse engineering framework) told us '
        "nothing. First we ran the correct frida-server on the emulator, according to the "
        '<a href="https://github.com/frida/frida/releases">architecture used</a>. Packages '
        'are <a href="https://qgis.example.org/en/site/forusers/download.html">available</a> '
        "for Ubuntu and Fedora. All the scripts used in this post can be found on the "
        '<a href="https://github.com/lion-lab/frida-scripts">lab\'s GitHub page</a>.</p>'
        '<p>The packer deletes its payload 2 seconds after loading, <a href="https://'
        'github.com/lion-lab/frida-scripts/issues/12">as the maintainers found</a>.</p>'
    )
    for start in ("Looking at the file", "First we ran", "Packages are", "All the scripts"):
        assert urls(sentence(ext, start)) == set(), start
    assert urls(sentence(ext, "The packer deletes")) == {
        "https://github.com/lion-lab/frida-scripts/issues/12"
    }


def _dated(head: str, body: str) -> str | None:
    html = f"""<html><head><title>A post</title>{head}</head><body><article>{body}
<h1>The former mayor is out of the running</h1>
<p>The former mayor withdrew from consideration for the cabinet on Friday.</p>
<p>He will stay on the transition team as its vice chairman until January.</p>
</article></body></html>"""
    return run_pipeline(html, "https://news.example.com/news/mayor-out/").published


def test_a_saved_pages_meta_value_is_read_like_its_content() -> None:
    head = '<meta value="2016-12-09T22:51:26+00:00" name="article:published_time">'
    assert _dated(head, "<span>12.09.16</span>") == "2016-12-09"  # the markup's, not the text's


def test_a_dotted_date_on_a_us_page_is_month_first() -> None:
    assert _dated('<meta property="og:locale" content="en_US">', "<span>12.09.16</span>") == (
        "2016-12-09"
    )
    assert _dated('<meta property="og:locale" content="en_GB">', "<span>12.09.16</span>") == (
        "2016-09-12"
    )


def test_a_comment_forms_heading_is_never_the_title() -> None:
    html = """<html><head><title>Electors Break Ranks in Record Numbers, Count Shows</title>
</head><body><header><h1><a href="/">The Daily Example</a></h1></header>
<nav><h1><a href="/">The Daily Example</a></h1></nav><article>
<h2>Seven Electors Defect, Most Since 1796</h2>
<p>Seven electors broke ranks on Monday, the most since 1796, the count shows.</p>
<p>Four of them were in Washington, where the state party had warned them twice.</p></article>
<div id="respond"><h3 id="reply-title" class="comment-reply-title">Join the Discussion
<small><a href="#respond">Cancel reply</a></small></h3><form><textarea></textarea></form></div>
<footer><h1><a href="/">The Daily Example</a></h1></footer></body></html>"""
    ext = run_pipeline(html, "https://news.example.com/2016/12/electors/")
    assert ext.title == "Electors Break Ranks in Record Numbers, Count Shows"


_TRANSCRIPT = "https://court.example.gov/oral_arguments/argument_transcripts/2023/22-448.pdf"


def test_the_participants_later_words_rest_on_the_transcript_just_linked() -> None:
    ext = extract(
        "<p>The intensity in the courtroom as Alito challenged Prelogar’s justifications may be "
        f'lost a bit in the cool words from a <a href="{_TRANSCRIPT}">transcript</a>.</p>'
        "<p>“There have been agencies funded this way for every year of this nation’s "
        "history,” Prelogar told the justices, as she defended the bureau.</p>"
        "<p>“I think our best example historically is the Customs Service,” Prelogar "
        "responded.</p><p>“No, Justice Alito,” Prelogar said.</p>"
        "<p>“Import tariffs are a tax on the buyers of the goods, as a general matter,” said "
        "Lawrence White, a professor of economics.</p>"
    )
    assert urls(sentence(ext, "“There have been")) == {_TRANSCRIPT}
    assert urls(sentence(ext, "“I think our best")) == {_TRANSCRIPT}
    assert urls(sentence(ext, "“No, Justice Alito")) == set()  # a retort
    assert urls(sentence(ext, "“Import tariffs")) == set()  # not in the exchange


def test_a_shops_product_page_is_the_source_of_the_price_the_sentence_states() -> None:
    pods = "https://shop.example.com/Pods-2-Charging-Case/dp/B07PXGQC1Q?tag=news0c-20"
    watch = "https://shop.example.com/Watch-GPS-38mm/dp/B07K37HKT8?tag=news0c-20"
    ext = extract(
        f'<p><a href="{pods}">Pods 2</a> dropped to an all-time low at just $139. Our '
        f'reviewer wore the <a href="{watch}">Watch</a> for a month of runs.</p>'
    )
    assert urls(sentence(ext, "Pods 2 dropped")) == {
        "https://shop.example.com/Pods-2-Charging-Case/dp/B07PXGQC1Q?tag=news0c-20"
    }
    assert urls(sentence(ext, "Our reviewer")) == set()
    assert {s.url for s in ext.sources} == {
        "https://shop.example.com/Pods-2-Charging-Case/dp/B07PXGQC1Q?tag=news0c-20"
    }
