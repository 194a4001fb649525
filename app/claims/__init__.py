"""Claims: the stored claim sentences with their citations and verdicts."""
