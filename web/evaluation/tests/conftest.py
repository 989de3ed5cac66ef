"""A complete MIR of the DGE for 2026, written through the actions by Alicia (head and
administrator): Fin, Propósito, one Componente with one Actividad, each with a ficha.
The Actividad's indicator has two manual variables and quarterly metas."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User

from web.accounts.models import Unit
from web.evaluation.actions import (
    save_indicator,
    save_program,
    save_row,
    save_variable,
    set_targets,
)
from web.evaluation.models import Indicator, MirRow, Program

FICHA = {
    "definition": "Proporción de solicitudes atendidas respecto de las recibidas.",
    "formula": "atendidas / recibidas * 100",
    "measure_unit": "Porcentaje",
    "baseline_value": 60.0,
    "baseline_year": 2025,
    "sentido": "ascendente",
    "green": 90.0,
    "yellow": 70.0,
    "dimension": "eficacia",
}


@dataclass(frozen=True)
class Mir:
    program: Program
    fin: Indicator
    activity: Indicator


def ficha(user: User, row: object, name: str, frequency: str, kind: str, metas: int) -> Indicator:
    data = FICHA | {"name": name, "frequency": frequency, "type": kind}
    indicator = save_indicator(user, row, None, data)  # type: ignore[arg-type]
    for var in ("atendidas", "recibidas"):
        save_variable(user, indicator, None, {"name": var, "description": f"Solicitudes {var}"})
    set_targets(user, indicator, dict.fromkeys(range(1, metas + 1), 80.0))
    return indicator


@pytest.fixture
def mir(alicia: User, dge: Unit) -> Mir:
    program = save_program(
        alicia, None, code="E-001", name="Servicios digitales", unit=dge, year=2026
    )
    rows: dict[str, MirRow] = {}
    for level, parent in (
        ("fin", None),
        ("proposito", None),
        ("componente", None),
        ("actividad", "componente"),
    ):
        rows[level] = save_row(
            alicia,
            program,
            None,
            {
                "level": level,
                "parent": rows.get(parent) if parent else None,
                "summary": f"Resumen del {level}",
                "verification": "Registros de Folio",
                "assumptions": "La ciudadanía usa los servicios.",
                "position": len(rows) + 1,
            },
        )
    fin = ficha(alicia, rows["fin"], "Índice de satisfacción", "anual", "estratégico", 1)
    ficha(alicia, rows["proposito"], "Cobertura", "anual", "estratégico", 1)
    ficha(alicia, rows["componente"], "Servicios entregados", "semestral", "de gestión", 2)
    activity = ficha(
        alicia, rows["actividad"], "Solicitudes atendidas", "trimestral", "de gestión", 4
    )
    return Mir(program, fin, activity)
