"""Habits of real pages, fifteenth batch (tools linked on their names to their manuals, a listed
post's "Blog entry by … | date" line, a pager's "1 - 5 of 218 results", a writer's bio closing
a page that names no byline, a script-rendered page whose story is only in its JSON-LD), each
on minimal HTML of our own."""

from __future__ import annotations

import json

from pipeline_pages import extract, page, sentence, urls

from app.pipeline import run_pipeline
from app.pipeline.page.boilerplate import is_boilerplate_text


def test_a_tool_linked_on_its_name_to_its_manual_is_not_evidence() -> None:
    install = "https://docs.anaconda.example/anaconda/install"
    ext = extract(
        "<p>Since version 3.3, the standard library has shipped a tool, "
        '<a href="https://docs.python.org/3/library/venv.html">venv</a>, for environments.</p>'
        '<p><a href="https://pipenv.example.org/en/latest/">Pipenv</a> bundles Python and '
        "strong package version control.</p>"
        "<p>We format the tree with "
        '<a href="https://black.readthedocs.io/en/stable/">black</a> before each release.</p>'
        f'<p>Anaconda is <a href="{install}">shipped with a graphical installer</a> for '
        "Windows and macOS.</p>"
    )
    assert urls(sentence(ext, "Since version 3.3")) == set()
    assert urls(sentence(ext, "Pipenv bundles")) == set()
    assert urls(sentence(ext, "We format")) == set()
    assert urls(sentence(ext, "Anaconda is")) == {install}


def test_listed_posts_bylines_and_a_pagers_count_are_chrome() -> None:
    assert is_boilerplate_text("Blog entry by Annisa Rahmawati | 17 January, 2017", link_texts=[])
    assert is_boilerplate_text("1 - 5 of 218 results.", link_texts=[])
    assert not is_boilerplate_text(
        "The blog was started by Annisa Rahmawati in 2017.", link_texts=[]
    )


def test_a_writers_bio_closes_a_page_without_a_byline() -> None:
    html = page(
        "<p>The security firm recorded the lawyer's meetings inside the embassy in 2017.</p>"
        "<blockquote><p>Max Blumenthal is an award-winning journalist and the author of "
        'several books, including <a href="https://books.example.com/gomorrah">Republican '
        "Gomorrah</a>. Blumenthal founded The Grayzone in 2015 to cover America's wars.</p>"
        "</blockquote>"
    ).replace('<p class="byline">By <a href="/author/jo">Jo Writer</a></p>', "")
    ext = run_pipeline(html, "https://news.example.org/2026/05/story")
    assert sentence(ext, "The security firm").is_claim
    for opening in ("Max Blumenthal is", "Blumenthal founded"):
        assert not sentence(ext, opening).is_claim, opening
        assert urls(sentence(ext, opening)) == set(), opening


def _shell(visible: str, story: str) -> str:
    data = json.dumps({"@type": "NewsArticle", "headline": "A column", "articleBody": story})
    return f"""<html><head><title>A column</title>
<script type="application/ld+json">{data}</script></head><body><main><article>
<h1>A column</h1>{visible}</article></main></body></html>"""


STORY = "\n".join(
    f"The council approved budget line {n} of the plan on Tuesday by a vote of 7 to 2, and "
    f"the mayor said it would cost {n * 3} million dollars over five years."
    for n in range(1, 9)
)


def test_a_script_rendered_page_is_read_from_its_article_body() -> None:
    ext = run_pipeline(_shell("<p>READ FULL ARTICLE</p>", STORY), "https://a.example/c")
    assert len([s for s in ext.sentences if s.text.startswith("The council approved")]) == 8
    assert ext.title == "A column"


def test_a_page_with_a_visible_story_keeps_it_over_its_data() -> None:
    visible = "".join(
        f"<p>Visible paragraph {n} tells readers that the river rose by {n} metres overnight "
        "and that the town's two bridges were closed until the water fell again.</p>"
        for n in range(1, 5)
    )
    ext = run_pipeline(_shell(visible, STORY), "https://a.example/c")
    assert any(s.text.startswith("Visible paragraph 1") for s in ext.sentences)
    assert not any(s.text.startswith("The council approved") for s in ext.sentences)
