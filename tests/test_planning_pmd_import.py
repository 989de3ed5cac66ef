"""The PMD spreadsheet: every bad row is reported by its row and column, good rows read."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook  # type: ignore[import-untyped]

from folio.planning.pmd_import import COLUMNS, parse, template_rows


def xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


GOOD = [
    ["Eje", "1", "Municipio ordenado", "", "", "", "", ""],
    ["Objetivo", "1.1", "Mejorar la movilidad", "Tiempo de traslado", "", "11.2",
     "PED 3.1: Movilidad", ""],
    ["Estrategia", "1.1.1", "Ampliar ciclovías", "", "", "", "", ""],
    ["Línea de acción", "1.1.1.1", "Construir 12 km", "Km; Usuarios", 25, "11.2; 11.6", "",
     "PND 2: Desarrollo"],
]  # fmt: skip


def test_a_good_xlsx_reads_every_level_with_its_alignment() -> None:
    result = parse("pmd.xlsx", xlsx([list(COLUMNS), *GOOD]))
    assert result.errors == []
    assert [r.level for r in result.rows] == ["eje", "objetivo", "estrategia", "linea"]
    line = result.rows[3]
    assert line.row == 5 and line.parent_key == "1.1.1"
    assert line.indicators == ("Km", "Usuarios")
    assert line.implementation == Decimal(25)
    assert line.ods_targets == ("11.2", "11.6")
    assert [(a.plan, a.code, a.text) for a in line.alignments] == [
        ("nacional", "PND 2", "Desarrollo")
    ]


def test_bad_rows_are_reported_by_row_and_column() -> None:
    bad = [
        *GOOD,
        ["Estrategia", "1.2.1", "Sin objetivo 1.2", "", "", "", "", ""],  # row 6
        ["Línea de acción", "1.1.1.2", "", "", "140", "", "", ""],  # row 7
        ["Programa", "2", "Nivel que no existe", "", "", "", "", ""],  # row 8
        ["Objetivo", "1.1", "Repetido", "", "", "18.1", "", ""],  # row 9
        ["Eje", "3", "Alineación mal escrita", "", "", "", "PED sin texto", ""],  # row 10
    ]
    result = parse("pmd.xlsx", xlsx([list(COLUMNS), *bad]))
    messages = [str(e) for e in result.errors]
    assert not result.ok
    assert "fila 6, columna 'Clave': no hay una fila anterior con la clave 1.2" in messages[0]
    assert any(m.startswith("fila 7, columna 'Descripción': está vacía") for m in messages)
    assert any(m.startswith("fila 7, columna 'Nivel de implementación (%)'") for m in messages)
    assert any(m.startswith("fila 8, columna 'Nivel'") for m in messages)
    assert any("fila 9, columna 'Clave': la clave 1.1 ya está en la fila 3" in m for m in messages)
    assert any(m.startswith("fila 9, columna 'Metas ODS'") and "18.1" in m for m in messages)
    assert any(m.startswith("fila 10, columna 'Plan estatal'") for m in messages)
    assert {e.row for e in result.errors} == {6, 7, 8, 9, 10}


def test_csv_with_semicolons_and_a_missing_column() -> None:
    text = "Nivel;Clave;Descripción\nEje;1;Municipio seguro\nObjetivo;1.1.;Menos delitos\n"
    result = parse("pmd.csv", text.encode("utf-8-sig"))
    assert result.ok and [r.key for r in result.rows] == ["1", "1.1"]
    missing = parse("pmd.csv", b"Nivel,Descripcion\nEje,Uno\n")
    assert [str(e) for e in missing.errors] == [
        "fila 1, columna 'Clave': falta la columna 'Clave' en el encabezado (fila 1)."
    ]


def test_not_a_spreadsheet_and_the_template() -> None:
    assert "no se pudo abrir" in str(parse("pmd.xlsx", b"not a zip").errors[0])
    assert "no es una hoja" in str(parse("pmd.pdf", b"%PDF").errors[0])
    assert parse("t.xlsx", xlsx(template_rows())).ok  # type: ignore[arg-type]
