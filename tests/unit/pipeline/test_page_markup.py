"""A page's <meta> tags as the pipeline reads them: by name or property, in page order."""

from __future__ import annotations

from app.pipeline.document import parse_html
from app.pipeline.page.markup import meta_content
from app.pipeline.page.metadata import extract_metadata


def _tree(head: str):  # noqa: ANN202 - an lxml tree
    tree = parse_html(f"<html><head>{head}</head><body><p>Text.</p></body></html>")
    assert tree is not None
    return tree


def test_the_first_non_blank_content_under_a_name_or_property_wins() -> None:
    tree = _tree(
        '<meta property="og:title" content="  "><meta name="og:title" content="First  one">'
        '<meta property="og:title" content="Second">'
    )
    assert meta_content(tree, "og:title") == "First one"


def test_names_are_tried_in_the_order_asked_not_page_order() -> None:
    tree = _tree('<meta name="title" content="Plain"><meta property="og:title" content="Open">')
    assert meta_content(tree, "og:title", "title") == "Open"
    assert meta_content(tree, "twitter:title", "title") == "Plain"
    assert meta_content(tree, "twitter:title") is None


def test_a_tag_with_the_same_name_and_property_counts_once() -> None:
    tree = _tree('<meta name="author" property="author" content="Ada Byron">')
    assert meta_content(tree, "author") == "Ada Byron"


def test_the_canonical_link_is_the_first_rel_canonical_with_an_address() -> None:
    head = (
        '<link rel="canonical"><link rel="canonical nofollow" href="/wrong">'
        '<link rel="canonical" href=" /story "><link rel="canonical" href="/later">'
    )
    html = f"<html><head>{head}</head><body><p>Text.</p></body></html>"
    tree = parse_html(html)
    assert tree is not None
    meta = extract_metadata(html, tree, "https://example.org/a/b")
    assert meta.canonical_url == "https://example.org/story"
