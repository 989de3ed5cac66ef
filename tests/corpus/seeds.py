"""Inventories of seeds 000, 003 and 004 in the corpus format, derived from the reference
that ``tests/test_seed_procedures.py`` already encodes (steps and responsibles read from
``../shared/reference/seeds-procedures.md``, transitions from its ``FLOWS``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import SEED_000, SEED_003, SEED_004, SEEDS

SEED_FILES = {"000": SEED_000, "003": SEED_003, "004": SEED_004}


def available() -> bool:
    return SEEDS.is_dir()


def seed_inventories() -> list[tuple[Path, dict[str, Any]]]:
    """(seed file, inventory) for each seed, in the corpus inventory format."""
    from tests.test_seed_procedures import COMPOUND, FLOWS, reference

    by_seed: dict[str, list[dict[str, Any]]] = {seed: [] for seed in SEED_FILES}
    for key, ref in reference().items():
        seed, code = key.split("-")
        numbers = [s.number for s in ref.steps]
        flows = FLOWS.get(key, {})
        steps = []
        for i, step in enumerate(ref.steps):
            default = [(numbers[i + 1] if i + 1 < len(numbers) else "end", None)]
            steps.append(
                {
                    "number": step.number,
                    "responsible": list(
                        COMPOUND.get(step.responsible, (step.responsible.rstrip("."),))
                    ),
                    "next": [
                        {"to": to, "when": when} for to, when in flows.get(step.number, default)
                    ],
                }
            )
        by_seed[seed].append({"code": code, "name": ref.name, "steps": steps})
    return [
        (path, {"document": path.name, "family": f"seed {seed}", "procedures": by_seed[seed]})
        for seed, path in SEED_FILES.items()
    ]
