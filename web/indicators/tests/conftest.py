"""A month of cases with controlled clocks, for measures computed by hand.

The procedure is the test manual's *asignación de cuentas* with a Tiempo Promedio de
Gestión of "2 a 5 días hábiles" (due 5 días hábiles after opening, at risk past 2) and
a *capacidad de respuesta* indicator written upside down, as seed 003 writes it.
March 2026: Monday the 16th is a federal holiday (Natalicio de Benito Juárez) and the
office declares Friday the 20th inhábil, before any case opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from web.accounts.models import Unit
from web.cases.actions import add_closed_day, cancel_case, claim_task, open_case
from web.cases.models import Case
from web.cases.tests.conftest import SetClock, clock, step, waiting
from web.catalog.actions import import_manual_file
from web.catalog.models import Procedure
from web.conftest import PRUEBAS_DGE

__all__ = ["clock"]

#: An indicator written upside down, as seed 003 writes its own (invented text).
MEDICION = (
    "Medición\n\nIndicador para medir capacidad de respuesta.\n\n"
    "Número de solicitudes recibidas : X 100 = 100%\n\nNúmero de solicitudes realizadas\n\n"
)


@pytest.fixture
def cuentas_2_a_5(tmp_path: Path, dge: Unit, dge_roles: object) -> Procedure:
    text = PRUEBAS_DGE.read_text(encoding="utf-8")
    assert "5 días hábiles." in text
    path = tmp_path / "manual-pruebas-dge-2-a-5.txt"
    text = text.replace("5 días hábiles.", "2 a 5 días hábiles.", 1)
    second = "Nombre del Procedimiento:\tProcedimiento para la copia"
    assert second in text
    path.write_text(text.replace(second, MEDICION + second), encoding="utf-8")
    version, _ = import_manual_file(path, unit=dge)
    return version.procedures.get(code="P1")


@dataclass(frozen=True)
class People:
    alicia: User
    bruno: User
    carla: User


@dataclass(frozen=True)
class World:
    procedure: Procedure
    cases: dict[str, Case]


def opened(procedure: Procedure, who: People, clock: SetClock, at: datetime, name: str) -> Case:
    """A case opened at ``at``, its activities 1 and 2 done at the same moment: it then
    waits at activity 3 (the head of Ingeniería's decision), opened at ``at`` too."""
    clock(at)
    case = open_case(procedure, who.alicia, f"Caso {name}")
    step(case, who.bruno, "1")
    return step(case, who.alicia, "2")


def refused(case: Case, who: People, clock: SetClock, at: datetime) -> Case:
    """The head answers "No" at ``at``: the case ends then."""
    clock(at)
    return step(case, who.carla, "3", "No")


@pytest.fixture
def march(
    cuentas_2_a_5: Procedure, alicia: User, bruno: User, carla: User, clock: SetClock
) -> World:
    who = People(alicia, bruno, carla)
    clock(datetime(2026, 2, 2, 9))
    add_closed_day(alicia, date(2026, 3, 20), "Día del servidor público (inventado)")
    p = cuentas_2_a_5
    cases = {
        # Opened in February, still open on 31 March: due 2 March, 24 días hábiles old.
        "H": opened(p, who, clock, datetime(2026, 2, 23, 10), "H"),
        "A": opened(p, who, clock, datetime(2026, 3, 2, 10), "A"),
        "E": opened(p, who, clock, datetime(2026, 3, 2, 11), "E"),
        "F": opened(p, who, clock, datetime(2026, 3, 4, 10), "F"),
        "C": opened(p, who, clock, datetime(2026, 3, 6, 16), "C"),
        "D": opened(p, who, clock, datetime(2026, 3, 10, 10), "D"),
        "B": opened(p, who, clock, datetime(2026, 3, 12, 9), "B"),
        "G": opened(p, who, clock, datetime(2026, 3, 26, 10), "G"),
    }
    refused(cases["A"], who, clock, datetime(2026, 3, 4, 12))
    refused(cases["C"], who, clock, datetime(2026, 3, 9, 9))
    refused(cases["D"], who, clock, datetime(2026, 3, 10, 15))
    refused(cases["B"], who, clock, datetime(2026, 3, 24, 10))
    clock(datetime(2026, 3, 6, 13))
    cancel_case(cases["E"], alicia, "La dependencia retiró la solicitud.")
    clock(datetime(2026, 3, 27, 9))
    claim_task(waiting(cases["F"]), carla)
    for case in cases.values():
        case.refresh_from_db()
    return World(p, cases)
