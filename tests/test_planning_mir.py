"""The MIR's logic checks: each finding names the row, the indicator and the field."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from folio.planning.mir import Row, Sheet, check_matrix, check_sheet, periods_of

YEAR = 2026


def sheet(name: str = "Porcentaje de solicitudes atendidas", **changes: object) -> Sheet:
    complete = Sheet(
        name=name,
        definition="Mide la proporción de solicitudes atendidas.",
        formula="atendidas / recibidas * 100",
        unit="Porcentaje",
        frequency="trimestral",
        baseline_value=60.0,
        baseline_year=2025,
        targets={1: 70.0, 2: 75.0, 3: 80.0, 4: 85.0},
        sentido="ascendente",
        green=90.0,
        yellow=70.0,
        dimension="eficacia",
        type="de gestión",
        variables=("atendidas", "recibidas"),
    )
    return replace(complete, **changes)  # type: ignore[arg-type]


def annual(**changes: object) -> Sheet:
    fields: dict[str, object] = {"frequency": "anual", "targets": {1: 80.0}, "type": "estratégico"}
    return sheet(**(fields | changes))  # type: ignore[arg-type]


def row(ref: str, level: str, *sheets: Sheet, parent: str | None = None) -> Row:
    return Row(
        ref=ref,
        level=level,  # type: ignore[arg-type]
        summary="Resumen",
        indicators=sheets,
        verification="Informe trimestral",
        assumptions="La población solicita el servicio.",
        parent=parent,
    )


def good_matrix() -> list[Row]:
    return [
        row("Fin", "fin", annual()),
        row("Propósito", "proposito", annual()),
        row("Componente 1", "componente", sheet(frequency="semestral", targets={1: 1, 2: 1})),
        row("Actividad 1.1", "actividad", sheet(), parent="Componente 1"),
    ]


def messages(rows: list[Row]) -> list[str]:
    return [str(f) for f in check_matrix(rows, YEAR)]


def test_a_complete_matrix_has_no_findings() -> None:
    assert messages(good_matrix()) == []


def test_exactly_one_fin_and_one_proposito() -> None:
    rows = good_matrix()
    found = messages([*rows, row("Propósito 2", "proposito", annual())])
    assert found == ["MIR, Propósito: Debe haber exactamente un Propósito (hay 2)."]
    assert "MIR, Fin: Debe haber exactamente un Fin (hay 0)." in messages(rows[1:])


def test_every_componente_has_an_actividad() -> None:
    rows = [*good_matrix(), row("Componente 2", "componente", sheet())]
    assert messages(rows) == ["Componente 2, Actividades: No tiene ninguna Actividad."]


def test_an_actividad_must_hang_from_a_componente() -> None:
    rows = [*good_matrix(), row("Actividad 9.1", "actividad", sheet(), parent="Componente 9")]
    assert messages(rows) == ["Actividad 9.1, Componente: No está bajo ningún Componente."]


def test_no_componentes_at_all() -> None:
    assert "MIR, Componentes: Debe haber al menos un Componente." in messages(good_matrix()[:2])


def test_row_fields_and_indicators_are_required() -> None:
    bare = Row(ref="Fin", level="fin")
    found = messages([bare, *good_matrix()[1:]])
    assert found == [
        "Fin, Resumen narrativo: Falta.",
        "Fin, Medios de verificación: Falta.",
        "Fin, Supuestos: Falta.",
        "Fin, Indicadores: No tiene ningún indicador.",
    ]


@pytest.mark.parametrize(
    ("level", "frequency", "ok"),
    [
        ("fin", "sexenal", True),
        ("fin", "anual", True),
        ("proposito", "anual", True),
        ("proposito", "bienal", False),
        ("componente", "semestral", True),
        ("componente", "anual", False),
        ("actividad", "trimestral", True),
        ("actividad", "mensual", True),
        ("actividad", "semestral", False),
    ],
)
def test_frequency_within_each_levels_limit(level: str, frequency: str, ok: bool) -> None:
    kind = "de gestión" if level == "actividad" else "estratégico"
    targets = {p.number: 1.0 for p in periods_of(frequency, YEAR)}
    s = sheet(frequency=frequency, targets=targets, type=kind)
    found = [str(f) for f in check_sheet(s, level, YEAR, "X")]  # type: ignore[arg-type]
    assert (found == []) == ok, found
    if not ok:
        assert found[0].startswith(f"X, Frecuencia de medición: Es {frequency};")


def test_a_ficha_missing_every_conac_field_names_each() -> None:
    empty = Sheet(name="")
    fields = [f.field for f in check_sheet(empty, "componente", YEAR, "C1, indicador 1")]
    assert fields == [
        "Nombre",
        "Definición",
        "Método de cálculo",
        "Unidad de medida",
        "Frecuencia de medición",
        "Sentido",
        "Dimensión",
        "Tipo",
        "Línea base (valor)",
        "Línea base (año)",
        "Parámetros de semaforización",
    ]


def test_a_missing_meta_names_the_periods() -> None:
    found = check_sheet(sheet(targets={1: 1.0, 3: 2.0}), "actividad", YEAR, "A1")
    assert [str(f) for f in found] == [
        "A1, Metas: Falta la meta de: Trimestre 2 2026, Trimestre 4 2026."
    ]


def test_formula_variables_must_be_defined() -> None:
    found = check_sheet(sheet(variables=("atendidas",)), "actividad", YEAR, "A1")
    assert [str(f) for f in found] == [
        "A1, Método de cálculo: Usa variables no definidas: recibidas."
    ]
    broken = check_sheet(sheet(formula="atendidas /"), "actividad", YEAR, "A1")
    assert "Error de sintaxis" in str(broken[0])


def test_types_per_level() -> None:
    found = check_sheet(annual(type="de gestión"), "fin", YEAR, "Fin")
    assert [str(f) for f in found] == ["Fin, Tipo: Un indicador de Fin es estratégico."]


def test_the_indicator_is_named_in_the_place() -> None:
    rows = good_matrix()
    rows[3] = row("Actividad 1.1", "actividad", sheet(unit=""), parent="Componente 1")
    assert messages(rows) == [
        "Actividad 1.1, indicador 1 (Porcentaje de solicitudes atendidas), Unidad de medida: Falta."
    ]


def test_periods_of_each_frequency() -> None:
    months = periods_of("mensual", YEAR)
    assert len(months) == 12
    assert (months[1].label, months[1].end) == ("Febrero 2026", date(2026, 2, 28))
    quarters = periods_of("trimestral", YEAR)
    assert [(q.start, q.end) for q in quarters][3] == (date(2026, 10, 1), date(2026, 12, 31))
    assert [p.label for p in periods_of("semestral", YEAR)] == [
        "Semestre 1 2026",
        "Semestre 2 2026",
    ]
    assert [p.label for p in periods_of("sexenal", YEAR)] == ["2026"]
    with pytest.raises(ValueError, match="desconocida"):
        periods_of("quincenal", YEAR)
