"""The learned check-worthiness scorer: reproducible training, the shipped weights, the CLI."""

from __future__ import annotations

import hashlib
import json
import math
import re
from pathlib import Path

import pytest

from app.cli.main import main
from app.evaluation.checkworthy_data import (
    corpus_folders,
    read_corpus,
    read_tsv,
    sentence_features,
)
from app.evaluation.checkworthy_metrics import figures, roc_auc
from app.evaluation.checkworthy_oof import other_folders
from app.evaluation.checkworthy_train import TrainSettings, run
from app.pipeline.checkworthiness.assessment import CLAIM_THRESHOLD, assess
from app.pipeline.checkworthiness.learned import WEIGHTS_PATH, LearnedScorer, load_scorer
from app.pipeline.checkworthiness.ngrams import model_ngrams, sentence_ngrams

FIXTURE = Path(__file__).resolve().parent / "checkworthy_fixture"
TSV = FIXTURE / "train.tsv"
SMALL = TrainSettings(top_k=2_000, buckets=2**16, folds=3)


def _train(out: Path) -> bytes:
    news = [FIXTURE / "news"]
    assert run(train_tsv=TSV, dev_tsv=None, corpora=news, out=out, settings=SMALL) == 0
    return out.read_bytes()


def test_training_twice_gives_identical_bytes_and_records_the_sha256(tmp_path: Path) -> None:
    first = _train(tmp_path / "a.json")
    second = _train(tmp_path / "b.json")
    assert first == second
    digest = hashlib.sha256(first).hexdigest()
    assert (tmp_path / "a.sha256").read_text(encoding="utf-8") == f"{digest}  a.json\n"


def test_fixture_weights_name_ngrams_by_text_and_separate_the_classes(tmp_path: Path) -> None:
    weights = json.loads(_train(tmp_path / "w.json"))
    assert weights["ngrams"] and all(re.fullmatch(r"[wc]:.+", k) for k in weights["ngrams"])
    assert weights["training"]["inputs"] == {
        "train.tsv": hashlib.sha256(TSV.read_bytes()).hexdigest()[:16],
        "news/": "8 rows",
    }
    scorer = LearnedScorer.from_json(weights)
    claim = "Unemployment fell to 3.9 percent in 2019."
    aside = "I want to thank everyone here tonight."
    assert scorer.score({"number": 1.0, "date": 1.0}, claim)[0] > scorer.score({}, aside)[0]


@pytest.mark.parametrize(
    "text",
    [
        "The the theme: there are 3 themes, 30 thesis notes and 300 theories.",
        "Exports to Canada rose 12 percent in the second quarter.",
        "I'll say it again — we won't.",
        "",
    ],
)
def test_the_runtime_sums_what_the_trainer_counts(text: str) -> None:
    """The scorer's per-word shortcut gives the logit of the counts the trainer fits."""
    scorer = load_scorer()
    features = sentence_features(text)
    counts = model_ngrams(text, features)
    weights = {f"w:{k}": v for k, v in scorer.words.items()}
    weights |= {f"c:{k}": v for k, v in scorer.chars.items()}
    scale = 1 / math.sqrt(sum(counts.values())) if counts else 0.0
    z = (
        scorer.bias
        - scorer.threshold
        + sum(scorer.named.get(n, 0.0) * v for n, v in features.items())
    )
    z += sum(weights.get(g, 0.0) * c * scale for g, c in counts.items())
    assert scorer.score(features, text)[0] == pytest.approx(1 / (1 + math.exp(-z)), rel=1e-9)


def test_the_shipped_weights_are_the_recorded_ones_and_small() -> None:
    recorded = WEIGHTS_PATH.with_suffix(".sha256").read_text(encoding="utf-8").split()[0]
    assert hashlib.sha256(WEIGHTS_PATH.read_bytes()).hexdigest() == recorded
    assert WEIGHTS_PATH.stat().st_size <= 5_000_000


def test_the_shipped_weights_load_once_and_score_known_sentences_sensibly() -> None:
    assert load_scorer() is load_scorer()
    assert load_scorer().words and load_scorer().chars
    for claim in (
        "Unemployment fell to 4.1 percent in March, the lowest rate since 2001.",
        "We lost 60,000 factories since China joined the WTO.",
    ):
        assert assess(claim, cited=False).checkworthiness >= CLAIM_THRESHOLD, claim
    for aside in ("Thank you very much.", "I think we can do better than that, believe me."):
        assert assess(aside, cited=False).checkworthiness < CLAIM_THRESHOLD, aside


def test_the_explanation_names_ngram_text_found_in_the_sentence() -> None:
    text = "Exports to Canada rose 12 percent in the second quarter."
    features = assess(text, cited=False).features
    grams = [f for f in features if f.startswith(("ngram:", "chars:"))]
    assert grams
    folded = {g[2:] for g in sentence_ngrams(text)}
    for feature in grams:
        shown, weight = re.fullmatch(r"\w+:'(.+)':([+-]\d+\.\d\d)", feature).groups()  # type: ignore[union-attr]
        assert shown in folded and float(weight) != 0.0


def test_read_tsv_splits_the_glued_line() -> None:
    rows = read_tsv(TSV)
    assert len(rows) == 41 and sum(r.label for r in rows) == 21
    assert (rows[-1].group, rows[-1].label) == ("999", True)
    assert (rows[-2].text, rows[-2].label) == ("America deserves better.", False)


def test_corpus_folders_find_every_gold_folder_and_strip_markers(tmp_path: Path) -> None:
    assert corpus_folders(FIXTURE) == [FIXTURE / "news"]
    for name in ("wire", "real"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "p.json").write_text(
            json.dumps({"uncited_claims": ["A [1]."], "not_claims": []}), encoding="utf-8"
        )
    (tmp_path / "sources").mkdir()
    # a new gold folder joins by being there, the real pages' too
    assert corpus_folders(tmp_path) == [tmp_path / "real", tmp_path / "wire"]
    rows = read_corpus(FIXTURE / "news")
    assert "Ridership on the line fell by a third in 2025." in [r.text for r in rows]
    assert {r.group for r in rows} == {"news/news-01"}


def test_metrics_match_hand_counts() -> None:
    labels = [True, True, False, False]
    assert roc_auc(labels, [0.9, 0.4, 0.4, 0.1]) == pytest.approx(0.875)
    result = figures(labels, [0.9, 0.4, 0.6, 0.1], 0.5)
    assert (result.precision, result.recall, result.f1) == (0.5, 0.5, 0.5)


def test_eval_checkworthy_prints_figures_and_writes_scores(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "scores.tsv"
    assert main(["eval-checkworthy", str(TSV), "--scores", str(out)]) == 0
    printed = capsys.readouterr().out
    assert re.fullmatch(
        r"train\.tsv: P \d\.\d{3}  R \d\.\d{3}  F1 \d\.\d{3}  ROC AUC \d\.\d{3}  \(41 rows\)\n",
        printed,
    )
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Sentence_id\tscore\tclass_label\tpredicted" and len(lines) == 42
    assert re.fullmatch(r"100\t\d\.\d{4}\tYes\t(Yes|No)", lines[1])


@pytest.mark.parametrize(
    "text",
    [
        "The the theme: there are 3 themes, 30 thesis notes and 300 theories.",
        "Exports to Canada rose 12 percent in the second quarter, since 2019 the highest.",
        "I have to say, they have to go, and we have got to win this, believe me.",
        "Rates rose.",
    ],
)
def test_the_explanation_lists_the_sentence_s_strongest_ngrams(text: str) -> None:
    """The scorer's shortcuts (per-word candidates, pruned words) pick the n-grams that a
    plain ranking of all the sentence's n-grams by |weight| (ties by text) picks."""
    scorer = load_scorer()
    features = sentence_features(text)
    counts = model_ngrams(text, features)
    weights = {f"w:{k}": v for k, v in scorer.words.items()}
    weights |= {f"c:{k}": v for k, v in scorer.chars.items()}
    scale = 1 / math.sqrt(sum(counts.values()))
    ranked = sorted((-abs(weights[g]), g) for g in counts if g in weights)[:4]
    expected = [
        f"{'ngram' if g[0] == 'w' else 'chars'}:'{g[2:]}':{weights[g] * scale:+.2f}"
        for _, g in ranked
    ]
    shown = [f for f in scorer.score(features, text)[1] if f.startswith(("ngram:", "chars:"))]
    assert len(expected) == 4 and shown == expected


def test_out_of_fold_never_trains_on_the_held_folder_however_it_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("real", "wire"):
        (tmp_path / "corpus" / name).mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    trainers = [tmp_path / "corpus" / "real", tmp_path / "corpus" / "wire"]
    assert other_folders(trainers, Path("corpus/real")) == [tmp_path / "corpus" / "wire"]
