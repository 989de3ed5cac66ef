"""Every row of a step table ends up in a step or in a diagnostic that quotes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from folio.manuals.cleaning import plain
from folio.manuals.furniture import remove_furniture
from folio.manuals.load import load_manual, read_rows
from folio.manuals.parser import parse_rows
from folio.manuals.sources.text import text_to_rows
from folio.manuals.tablefind import find_tables

from .conftest import SEED_000, SEED_003, SEED_004, needs_shared


@needs_shared
@pytest.mark.parametrize("path", [SEED_000, SEED_003, SEED_004], ids=["000", "003", "004"])
def test_it_places_every_table_row_of_the_seeds(path: Path) -> None:
    manual = load_manual(path)
    body = remove_furniture(read_rows(path))
    activities = " ".join(s.activity for p in manual.procedures for s in p.steps)
    quoted = " ".join(d.message for d in manual.diagnostics)
    rows = [tr for table in find_tables(body) for tr in table.rows]
    assert len(rows) >= sum(len(p.steps) for p in manual.procedures) - 1
    for tr in rows:
        text = plain(tr.activity)
        assert text in activities or text[:100] in quoted, tr.row.source


def test_it_quotes_rows_it_cannot_place() -> None:
    text = "\n".join(
        [
            "Nombre del Procedimiento:\tProcedimiento de prueba.",
            "Responsable\tNo.\tActividad",
            "\t\tRenglón suelto antes del primer paso.",
            "Analista\t1\tRecibe la solicitud.",
            "Analista\tuno\tRenglón con número ilegible.",
            "Analista\t2\tArchiva. Termina procedimiento.",
        ]
    )
    manual = parse_rows(text_to_rows(text, "prueba.txt"), "prueba.txt")
    messages = [d.message for d in manual.diagnostics]
    assert [d.code for d in manual.diagnostics] == ["FOL001", "FOL001"]
    assert "Renglón suelto antes del primer paso." in messages[0]
    assert "Renglón con número ilegible." in messages[1]
    assert [d.source.line for d in manual.diagnostics] == [3, 5]
    assert [s.number for s in manual.procedures[0].steps] == ["1", "2"]
