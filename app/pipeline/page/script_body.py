"""The article a script-rendered page carries only as data: its JSON-LD `articleBody`."""

from __future__ import annotations

from lxml.html import HtmlElement

from app.pipeline.body_text import BodyText
from app.pipeline.page.markup import json_ld_objects
from app.pipeline.types import Block

__all__ = ["SHELL_WORDS", "script_body"]

SHELL_WORDS = 50  # a visible body this short is a shell when the data holds the story
_STORY_WORDS = 150  # the least an articleBody must hold to stand for the story


def script_body(tree: HtmlElement) -> BodyText | None:
    """The JSON-LD `articleBody` as plain paragraphs (no links, no markers), or None."""
    for obj in json_ld_objects(tree):
        body = obj.get("articleBody")
        if isinstance(body, str) and len(body.split()) >= _STORY_WORDS:
            return _paragraphs(body)
    return None


def _paragraphs(body: str) -> BodyText:
    """One paragraph block per non-empty line, joined by blank lines as walked bodies are."""
    found = BodyText()
    for line in body.splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        start = len(found.text) + (2 if found.text else 0)
        found.text = f"{found.text}\n\n{line}" if found.text else line
        found.blocks.append(Block("paragraph", start, len(found.text)))
    return found
