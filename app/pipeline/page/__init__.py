"""Stage 1 of the pipeline, the page: find the article body, drop chrome, read metadata."""
