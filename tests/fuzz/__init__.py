"""Fuzzing every reader and every exporter: mutated and generated manuals must be read or
refused in one sentence, never crash, hang or exhaust memory (``test_fuzz.py`` runs a
bounded amount in the suite; ``bench/fuzz.py`` runs a campaign of ten thousand)."""
