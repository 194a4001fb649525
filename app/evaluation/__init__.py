"""Measurement, not runtime: corpus and verification scoring, and the corpus server."""
