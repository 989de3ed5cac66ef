"""How faithfully ``load_manual`` reads the corpus (and the seeds, when ../shared/ is here).

    .venv/bin/python bench/fidelity.py [PATHS...] [--json]

PATHS are corpus documents or directories holding them beside their
``<document>.expected.json``; by default ``tests/corpus/docs/`` plus seeds 000, 003 and 004
scored against the reference inventory. Definitions of the columns: tests/corpus/score.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.corpus.score import Inventory, Score, read_inventory, score_document, total  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "docs"


def targets(paths: list[Path]) -> list[tuple[Path, Inventory]]:
    found: list[tuple[Path, Inventory]] = []
    for path in paths:
        if path.is_dir():
            for inventory in sorted(path.glob("*.expected.json")):
                data = read_inventory(inventory)
                found.append((path / data["document"], data))
        else:
            inventory = path.with_name(path.name + ".expected.json")
            found.append((path, read_inventory(inventory)))
    return found


def default_targets() -> list[tuple[Path, Inventory]]:
    found = targets([CORPUS])
    from tests.corpus import seeds

    if seeds.available():
        found += seeds.seed_inventories()
    return found


def row(s: Score) -> str:
    name = s.document if len(s.document) <= 34 else s.document[:33] + "…"
    return (
        f"{name:<34} {s.expected:>3} {s.found:>5} {s.exact:>5} {s.responsible:>6.0%}"
        f" {s.f1:>5.2f} {s.revisar:>3} {s.silent:>6} {s.extra:>5}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)
    chosen = targets(args.paths) if args.paths else default_targets()
    scores = [score_document(path, inventory) for path, inventory in chosen]
    corpus = total(scores)
    if args.json:
        json.dump(
            {"documents": [s.as_dict() for s in scores], "total": corpus.as_dict()},
            sys.stdout,
            ensure_ascii=False,
            indent=1,
        )
        print()
        return 0
    print(
        f"{'document':<34} {'exp':>3} {'found':>5} {'exact':>5} {'resp':>6} {'F1':>5}"
        f" {'rev':>3} {'silent':>6} {'extra':>5}"
    )
    for s in scores:
        print(row(s))
        if s.error:
            print(f"    ! {s.error[:90]}")
    print("-" * 78)
    print(row(corpus))
    return 0


if __name__ == "__main__":
    sys.exit(main())
