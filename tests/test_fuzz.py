"""A bounded fuzz run of every reader and exporter (``FOLIO_FUZZ_EXAMPLES`` per reader,
25 by default; ``bench/fuzz.py`` runs the ten-thousand-input campaign). Derandomized, so
the suite is repeatable; a failure prints the seed that reproduces it."""

from __future__ import annotations

import os
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.check import check
from tests.fuzz.mutate import fuzz_input

EXAMPLES = int(os.environ.get("FOLIO_FUZZ_EXAMPLES", "25"))

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)


KINDS = ["text", "docx", "bpmn", "json", "pdf"]


@pytest.mark.parametrize("kind", KINDS)
def test_no_input_crashes_a_reader_or_an_exporter(kind: str) -> None:
    @FUZZ
    @given(st.integers(min_value=0, max_value=2**32 - 1))
    def one(seed: int) -> None:
        check(kind, fuzz_input(kind, random.Random(seed)))

    one()


@pytest.mark.parametrize("kind", ["text", "docx"])
def test_what_is_read_also_exports_as_pdf_and_docx(kind: str) -> None:
    @settings(FUZZ, max_examples=max(2, EXAMPLES // 10))
    @given(st.integers(min_value=0, max_value=2**32 - 1))
    def one(seed: int) -> None:
        check(kind, fuzz_input(kind, random.Random(seed)), slow=True)

    one()
