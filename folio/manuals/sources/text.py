"""Plain-text manuals, as converted from PDF/DOCX: one line per block, TAB between
table cells (the layout of the seed manuals)."""

from __future__ import annotations

from pathlib import Path

from folio.manuals.blocks import ParseError, Row
from folio.manuals.model import SourceRef


def read_text_rows(path: Path) -> list[Row]:
    data = path.read_bytes()
    if not data.strip():
        raise ParseError(f"{path.name}: el archivo está vacío.")
    if b"\x00" in data[:4096]:
        raise ParseError(f"{path.name}: no es un archivo de texto (contiene datos binarios).")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text_to_rows(text, path.name)


def text_to_rows(text: str, file: str) -> list[Row]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        rows.append(Row(tuple(line.split("\t")), SourceRef(file, None, number)))
    return rows
