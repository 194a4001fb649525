"""Stage 2, citations: markers, reference lists and their entries, author-year, notes, links."""
