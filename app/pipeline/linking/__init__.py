"""Which sources each sentence rests on: markers, footnotes, author-year, links, attribution."""

from app.pipeline.linking.sentence_links import SentenceLinks
from app.pipeline.linking.sentence_walk import link_sentences
from app.pipeline.linking.source_index import build_index

__all__ = ["SentenceLinks", "build_index", "link_sentences"]
