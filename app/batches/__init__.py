"""Batches: many URLs submitted at once, and their progress."""
