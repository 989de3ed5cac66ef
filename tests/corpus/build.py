"""Regenerate every corpus document and its inventory:
``.venv/bin/python -m tests.corpus.build [NAME...]``.

The documents are written from the specs in ``tests/corpus/families/`` and the inventories
(``<document>.expected.json``) from the same specs, so they agree by construction. Text,
DOCX, BPMN and PDF outputs are byte-for-byte reproducible.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.corpus.families import (
    bpmn,
    furniture,
    headings,
    narrative,
    numberless,
    puebla,
    stateinstitute,
    tecnm,
    word,
)
from tests.corpus.large import build_large_manual
from tests.corpus.spec import Doc, write_inventory

DOCS_DIR = Path(__file__).resolve().parent / "docs"

FAMILIES = (puebla, stateinstitute, headings, tecnm, word, numberless, narrative, bpmn, furniture)

__all__ = ["DOCS_DIR", "all_docs", "build", "build_large_manual"]


def all_docs() -> list[Doc]:
    return [doc for family in FAMILIES for doc in family.DOCS]


def build(directory: Path = DOCS_DIR, names: list[str] | None = None) -> list[Path]:
    """Write the documents (all, or those named) and their inventories into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for doc in all_docs():
        if names and doc.name not in names:
            continue
        doc.render(doc, directory / doc.name)
        written += [directory / doc.name, write_inventory(doc, directory)]
    return written


def main(argv: list[str]) -> int:
    for path in build(names=argv or None):
        print(f"{path.stat().st_size:>9,}  {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
