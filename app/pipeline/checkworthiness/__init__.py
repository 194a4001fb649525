"""Stage 4, check-worthiness: how claim-like a sentence is, its kinds and its quantities."""
