"""The substring gates and memos in front of costly regexes keep every match."""

from __future__ import annotations

from app.pipeline.attribution.document_refs import medium
from app.pipeline.attribution.polls import reports_shares
from app.pipeline.attribution.quoted_runs import QuotedSentence, quoted_run_sources
from app.pipeline.page.pull_quotes import pull_quotes
from app.pipeline.types import Block


def test_shares_are_found_in_any_case_and_either_spelling() -> None:
    assert reports_shares("Fifty-one PERCENT say the plan is fair.")
    assert reports_shares("About 40 Per Cent of voters want a change.")
    assert reports_shares("Some 62% of Americans now oppose it.")
    assert not reports_shares("Sixty voters said they would come.")


def test_a_medium_is_the_same_when_asked_again() -> None:
    text = "She said in a statement posted on X that the plan was fair."
    assert medium(text) == ("statement", "post")
    assert medium(text) == ("statement", "post")
    assert medium("He told Reuters the deal was off.") == ("interview",)
    assert medium("The deal was off.") is None


def test_a_quotation_left_open_carries_on_in_the_next_sentence() -> None:
    said = QuotedSentence("“It works,” she said in a statement.", 0, ("https://a.example/s",), True,
                          ("statement",))  # fmt: skip
    opened = QuotedSentence("“It is cheap.", 0, (), False)
    still_open = QuotedSentence("It is also quick.", 0, (), False)
    closed = QuotedSentence("It ships soon,” she added. Then she left.", 0, (), False)
    found = quoted_run_sources([said, opened, still_open, closed])
    assert found[1] == ("https://a.example/s",)
    assert found[2] == ("https://a.example/s",)


def test_pull_quotes_are_found_only_among_quotation_blocks() -> None:
    line = "The harbour will never again be what it was before the storm came through."
    text = f"{line}\n\nShips left.\n\n{line}"
    first, second = len(line) + 2, len(line) + 2 + len("Ships left.") + 2
    paragraphs = [Block("paragraph", 0, len(line)), Block("paragraph", first, first + 11)]
    assert pull_quotes(text, [*paragraphs, Block("paragraph", second, len(text))]) == []
    assert pull_quotes(text, [*paragraphs, Block("quote", second, len(text))]) == [2]
