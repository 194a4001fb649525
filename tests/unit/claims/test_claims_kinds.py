"""Kinds of claim: numeric, quote, attribution, prediction, comparison, speculation."""

from __future__ import annotations

import pytest

from app.pipeline.checkworthiness.assessment import assess


def _kinds(text: str, attributed_to: tuple[str, ...] = ()) -> list[str]:
    return assess(text, cited=False, attributed_to=attributed_to).kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Shares of Coastline fell 1.2% in afternoon trading.", "numeric"),
        ("She called the fines “a start, but only a start.”", "quote"),
        ("The plan was “fully resolved” by March, the company said.", "quote"),
        ("Complaints rose, according to data from the bureau.", "attribution"),
        ("The department said it had received more complaints.", "attribution"),
        ("Anthropic reportedly spends heavily on inference.", "attribution"),
        ("The co-op expects to add 14 substations.", "prediction"),
        ("Rates will rise 9.4% on July 1.", "prediction"),
        ("The company plans to open a plant by 2027.", "prediction"),
        ("Next year we’re getting a 0.5T model.", "prediction"),
        ("The array produces more power than any rival.", "comparison"),
        ("Tidal power is costlier than offshore wind.", "comparison"),
        ("It became the largest tidal array in the world.", "comparison"),
        ("The cost was more than twice that of wind.", "comparison"),
        ("Prices are up from 7.5% a year earlier.", "comparison"),
        ("The sources don’t specify whether it will be a dense transformer.", "speculation"),
        ("It is unclear whether the merger will close.", "speculation"),
        ("The figures could not be independently verified.", "speculation"),
        ("The Reddit post doesn’t specify a release window.", "speculation"),
    ],
)
def test_kind_detected(text: str, kind: str) -> None:
    assert kind in _kinds(text)


def test_attribution_from_caller_names() -> None:
    assert "attribution" in _kinds("Rates fell 56% from a year earlier.", ("Drewry",))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The turbine was removed in 2015.", "numeric"),  # a year is a date, not an amount
        ("The “transitory” story runs one way.", "quote"),  # scare quotes around one word
        ("I wrote about the detours in January.", "attribution"),
        ("The rule took effect in October 2024.", "prediction"),
        ("He would rather wait than pay.", "comparison"),
        ("Other than that, the interest was modest.", "comparison"),
        ("The filing confirms the loss.", "speculation"),
    ],
)
def test_kind_not_detected(text: str, kind: str) -> None:
    assert kind not in _kinds(text)


def test_kinds_come_in_a_fixed_order() -> None:
    kinds = _kinds("Analysts said the firm will earn more than $5 billion, “a record.”")
    assert kinds == ["numeric", "quote", "attribution", "prediction", "comparison"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [  # each found only through a hint of several words
        ("Researchers found that the rate rose.", "attribution"),
        ("The plant is set to open.", "prediction"),
        ("The project is on track to finish.", "prediction"),
        ("They are going to vote.", "prediction"),
        ("Emissions fall by 2030.", "prediction"),
        ("It ends by the end of 2031.", "prediction"),
        ("Sales are up from last year.", "comparison"),
        ("It costs half as much.", "comparison"),
        ("It holds as many as ten.", "comparison"),
        ("The rollout is 3x quicker.", "comparison"),
    ],
)
def test_kinds_behind_phrase_hints(text: str, kind: str) -> None:
    assert kind in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "The office has made a plan to track it.",  # "as m", "set", "to", "on": no phrase
        "Up, then down, from there.",
        "The data did not say.",  # "not" lets the regex see it
    ],
)
def test_words_of_a_phrase_hint_alone_make_no_kind(text: str) -> None:
    kinds = _kinds(text)
    assert "prediction" not in kinds and "comparison" not in kinds
    assert ("speculation" in kinds) is ("did not say" in text)
