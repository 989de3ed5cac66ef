"""Folio's own demo manual (invented text modelled on municipal manuals), its DOCX
rendering, and the seed manuals when ``../shared/seeds`` is beside the checkout."""

from __future__ import annotations

from pathlib import Path

from folio.manuals.sources.text import read_text_rows

DEMO_DIR = Path(__file__).resolve().parent
DEMO_TEXT = DEMO_DIR / "manual-demo.txt"
REPO = DEMO_DIR.parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
VAR = REPO / "var"


def demo_paths() -> list[Path]:
    """The demo manual as text and as a generated DOCX, then the seeds if present."""
    paths = [DEMO_TEXT, write_demo_docx(VAR / "demo" / "manual-demo.docx")]
    if SEEDS.is_dir():
        paths.extend(sorted(p for p in SEEDS.glob("*.txt") if not p.name.startswith("001")))
    return paths


def write_demo_docx(target: Path) -> Path:
    """Write the demo manual as a Word document: one-cell rows as paragraphs, runs of
    tab-separated rows as real tables."""
    from docx import Document

    doc = Document()
    table_rows: list[tuple[str, ...]] = []
    for row in read_text_rows(DEMO_TEXT):
        if len(row.cells) > 1 and row.cells[0] != "":
            table_rows.append(row.cells)
            continue
        if len(row.cells) > 1 and table_rows:
            table_rows.append(row.cells)
            continue
        _flush(doc, table_rows)
        text = "\t".join(c for c in row.cells if c.strip())
        if text:
            doc.add_paragraph(text.lstrip("# "))
    _flush(doc, table_rows)
    target.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(target))
    return target


def _flush(doc: object, rows: list[tuple[str, ...]]) -> None:
    if not rows:
        return
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=0, cols=width)  # type: ignore[attr-defined]
    for cells in rows:
        out = table.add_row().cells
        for i, text in enumerate(cells):
            out[i].text = text
    rows.clear()
