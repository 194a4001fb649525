"""Design matrices for training: named features, then hashed n-grams (training only).

Each n-gram is hashed (32-bit MurmurHash3, as scikit-learn's FeatureHasher) into one of
`buckets` columns, and the texts seen in each bucket are kept, so that the exported
weights name n-grams by their text and never by a bucket number. n-gram values are
count/sqrt(total count), as `LearnedScorer` computes them at run time, and a fragment
without a closing stop has none (`model_ngrams`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from sklearn.utils import murmurhash3_32

from app.pipeline.checkworthiness.ngrams import model_ngrams

__all__ = ["Design", "build_design"]


@dataclass(slots=True)
class Design:
    """Column layout: the named features first, then the n-gram buckets."""

    named: list[str]
    buckets: int
    bucket_texts: dict[int, set[str]] = field(default_factory=dict)

    def bucket(self, ngram: str) -> int:
        """The n-gram's column among the buckets; remembers its text."""
        column = abs(murmurhash3_32(ngram, seed=0)) % self.buckets
        self.bucket_texts.setdefault(column, set()).add(ngram)
        return column

    @property
    def width(self) -> int:
        return len(self.named) + self.buckets

    def matrix(
        self, texts: Sequence[str], features: Sequence[Mapping[str, float]]
    ) -> sp.csr_matrix:
        """One row per sentence: named feature values, then scaled n-gram indicators."""
        index = {name: i for i, name in enumerate(self.named)}
        offset = len(self.named)
        indptr, indices, values = [0], [], []
        for text, named in zip(texts, features, strict=True):
            cells = {index[n]: v for n, v in named.items() if n in index}
            grams = model_ngrams(text, named)
            scale = 1.0 / math.sqrt(sum(grams.values())) if grams else 0.0
            for gram, count in grams.items():
                column = offset + self.bucket(gram)
                cells[column] = cells.get(column, 0.0) + count * scale
            for column in sorted(cells):
                indices.append(column)
                values.append(cells[column])
            indptr.append(len(indices))
        shape = (len(texts), self.width)
        return sp.csr_matrix((np.array(values), np.array(indices), np.array(indptr)), shape=shape)


def build_design(features: Sequence[Mapping[str, float]], buckets: int) -> Design:
    """A layout holding every named feature that fires in `features`, sorted by name."""
    return Design(sorted({name for row in features for name in row}), buckets)
