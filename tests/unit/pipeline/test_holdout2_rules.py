"""Rules found on tests/corpus/holdout2 (figures: test_corpus_figures.py)."""

from __future__ import annotations

from app.pipeline.attribution.phrases import find_attributions
from app.pipeline.citations.markers import bare_footnote_labels


def test_unlinked_superscript_after_punctuation_is_a_footnote() -> None:
    assert bare_footnote_labels("2", "on record.") == ["2"]
    assert bare_footnote_labels("2–4", "said.”") == ["2", "3", "4"]


def test_unlinked_superscript_after_a_unit_is_an_exponent() -> None:
    assert bare_footnote_labels("2", "120 km") is None
    assert bare_footnote_labels("st", "the 21.") is None


def test_an_office_speaks_for_its_named_owner() -> None:
    text = "The council approved a grant in March, Mayor Ada Brandt’s office said."
    assert [a.name for a in find_attributions(text)] == ["Mayor Ada Brandt"]


def test_a_thousands_comma_does_not_close_the_appositive() -> None:
    text = "The Riders Union, which collected 3,000 signatures, said the hike would hurt."
    assert [a.name for a in find_attributions(text)] == ["The Riders Union"]
