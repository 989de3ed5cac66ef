"""Shared test fixtures: where the real documents are, and skipping when they are not."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
SAMPLES = SHARED / "samples"
REFERENCE = SHARED / "reference"

SEED_000 = SEEDS / "000_01b5b7b5d026b297.txt"
SEED_001 = SEEDS / "001_a3acdbfc896f2823.txt"
SEED_002 = SEEDS / "002_dd2ee994f9862541.txt"
SEED_003 = SEEDS / "003_639c1c1c2cc31a4c.txt"
SEED_004 = SEEDS / "004_8ba2f66cbbd48f8b.txt"

needs_shared = pytest.mark.skipif(
    not SEEDS.is_dir(),
    reason="../shared/ (seed manuals, samples, reference) is absent in this checkout; CI has it",
)
