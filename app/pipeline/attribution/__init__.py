"""Stage 3, attribution: who each sentence credits (names, speakers, documents referred to)."""
