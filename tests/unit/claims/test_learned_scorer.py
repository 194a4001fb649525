"""The learned scorer's shortcuts (ranks, per-word memory, preformatted weights) give, bit
for bit, the score and explanation of the plain definition, and its memory stays bounded."""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from app.evaluation.checkworthy_data import read_tsv, sentence_features
from app.pipeline.checkworthiness import learned
from app.pipeline.checkworthiness.learned import LearnedScorer, load_scorer
from app.pipeline.checkworthiness.ngrams import char_grams, display_name, folded_words, ngram_counts

_WORD_CHAR = re.compile(r"[^\W_]|'")
TSV = Path(__file__).resolve().parent / "checkworthy_fixture" / "train.tsv"
SENTENCES = [
    "The the theme: there are 3 themes, 30 thesis notes and 300 theories.",
    "Exports to Canada rose 12 percent in the second quarter, since 2019 the highest.",
    "I have to say, they have to go, and we have got to win this, believe me.",
    "Rates rose. Rates rose. Rates rose again and again.",
    "It’s the economy — and the economy’s growth, per cent by per cent.",
    "ΟΔΟΣ ΣΟΦΟΚΛΕΟΥΣ İstanbul naïve café 2½ ٣٤ numbers",
    "Subscribe",
    "?!",
    "",
]
# hand-set weights with ties in |weight| (between kinds and within one), a zero weight, a
# character n-gram that several words share and word pairs that repeat in a sentence
TOY: dict[str, Any] = {
    "bias": -0.5,
    "threshold": 0.25,
    "named": {"number": 1.25, "date": 0.5, "opinion": -0.5, "heading": -0.75, "question": 0.0},
    "ngrams": {
        "w:rates": 0.5, "c:rat": -0.5, "c: ra": 0.5, "w:rates rose": 0.75, "w:rose": -0.25,
        "c:the": 0.125, "c:he ": -0.125, "w:the": 0.0, "w:have to": 0.375, "c:ave": -0.375,
        "w:0": 0.625, "c: 00": 0.0625, "w:per cent": 1.5, "c:per": 1.5, "w:the economy": -1.5,
        "c:ing": 0.3, "c:ion": -0.3, "w:again and": 0.2, "c:gain": -0.2,
    },
}  # fmt: skip


def _plain(data: Mapping[str, Any], features: Mapping[str, float], text: str) -> Any:
    """Score and explanation straight from the definition: every n-gram of `ngram_counts`
    at its count/sqrt(total count), the strongest four by |weight| (ties by tagged text)."""
    weights, named_w = data["ngrams"], data["named"]
    named = {n: named_w[n] * v for n, v in features.items() if named_w.get(n)}
    z = data["bias"] + sum(named.values()) - data["threshold"]
    shown = []
    counts = {} if features.get("heading") else ngram_counts(text)
    if counts:
        scale = 1.0 / math.sqrt(sum(counts.values()))
        word_part = math.fsum(weights[g] for g in counts if g[0] == "w" and g in weights)
        per_word = [
            math.fsum(weights[f"c:{g}"] for g in char_grams(w) if f"c:{g}" in weights)
            for w in set(folded_words(text))
        ]
        z += math.fsum((word_part, *per_word)) * scale
        ranked = sorted((-abs(weights[g]), g) for g in counts if g in weights)[:4]
        shown = [f"{display_name(g)}:{weights[g] * scale:+.2f}" for _, g in ranked]
    strongest = sorted(named.items(), key=lambda item: (-abs(item[1]), item[0]))
    fired = [f"{name}:{value:+.2f}" for name, value in strongest] + shown
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z)))), fired


def _feature_sets() -> list[dict[str, float]]:
    return [
        {},
        {"number": 1.0, "date": 1.0},
        {"opinion": 1.0, "question": 1.0},
        {"heading": 1.0},
        {"number": 2.0, "opinion": 0.0, "date": 1.0},  # the opinion term is -0.0: "-0.00"
    ]


def test_toy_weights_score_and_explain_as_the_plain_definition() -> None:
    scorer = LearnedScorer.from_json(TOY)
    for _ in range(2):  # the second pass reads what the first remembered
        for text in SENTENCES:
            for features in _feature_sets():
                assert scorer.score(features, text) == _plain(TOY, features, text), text


def test_shipped_weights_score_and_explain_as_the_plain_definition() -> None:
    scorer = load_scorer()
    data = {
        "bias": scorer.bias,
        "threshold": scorer.threshold,
        "named": scorer.named,
        "ngrams": {f"w:{k}": v for k, v in scorer.words.items()}
        | {f"c:{k}": v for k, v in scorer.chars.items()},
    }
    texts = SENTENCES + [row.text for row in read_tsv(TSV)]
    for text in texts:
        features = sentence_features(text)
        assert scorer.score(features, text) == _plain(data, features, text), text


def test_memory_is_bounded_and_forgetting_changes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    remembering = LearnedScorer.from_json(TOY)
    expected = [remembering.score(f, t) for t in SENTENCES for f in _feature_sets()]
    monkeypatch.setattr(learned, "WORDS_REMEMBERED", 3)
    forgetful = LearnedScorer.from_json(TOY)
    for _ in range(2):
        assert [forgetful.score(f, t) for t in SENTENCES for f in _feature_sets()] == expected
    assert 0 < len(forgetful._tables.by_word) <= 3 and 0 < len(forgetful._tables.by_token) <= 3


def test_a_returned_explanation_is_the_caller_s_own() -> None:
    scorer = LearnedScorer.from_json(TOY)
    first = scorer.score({"number": 1.0}, "Rates rose.")[1]
    first.append("changed")
    assert scorer.score({"number": 1.0}, "Rates rose.")[1] == first[:-1]


def test_folding_token_by_token_is_folding_the_text() -> None:
    """The scorer folds each whitespace-separated token on its own: no character lowers to
    or from a space, none is both a space and a word character, and a space is neither
    cased nor case-ignorable, so a capital sigma beside it lowers as it would alone."""
    spaces = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert any(c.isspace() for c in char.lower()) == char.isspace(), hex(code)
        if char.isspace():
            spaces.append(char)
    assert spaces and not any(_WORD_CHAR.match(s) for s in spaces)
    tables = LearnedScorer.from_json(TOY)._tables
    for space in spaces:
        for text in (f"AΣ{space}B", f"A{space}ΣB", f"A{space}Σ", f"ΑΣ{space}’Σ 0x1 İ"):
            expected = folded_words(text)
            assert expected == [w for t in text.split() for w in folded_words(t)]
            assert tables.words_of(text) == tables.words_of(text) == expected
    for text in SENTENCES:
        assert tables.words_of(text) == folded_words(text)
