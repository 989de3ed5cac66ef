"""The March world of ``conftest.py`` with a second indicator, kept by hand: P2 (the
copia de seguridad) states a *satisfacción de las dependencias* = encuestas favorables ÷
encuestas aplicadas × 100, which no measure of the cases computes. Import the fixture
into a test module to use it instead of the conftest's ``cuentas_2_a_5``."""

from __future__ import annotations

from pathlib import Path

import pytest

from web.accounts.models import Unit
from web.catalog.actions import import_manual_file
from web.catalog.models import Procedure
from web.conftest import PRUEBAS_DGE
from web.indicators.tests.conftest import MEDICION

SATISFACCION = (
    "Medición\n\nIndicador para medir satisfacción de las dependencias.\n\n"
    "Número de encuestas con calificación favorable : X 100 = 90%\n\n"
    "Número de encuestas aplicadas\n\n"
)
INDICATOR = "satisfacción de las dependencias"


@pytest.fixture
def cuentas_2_a_5(tmp_path: Path, dge: Unit, dge_roles: object) -> Procedure:
    text = PRUEBAS_DGE.read_text(encoding="utf-8")
    text = text.replace("5 días hábiles.", "2 a 5 días hábiles.", 1)
    second = "Nombre del Procedimiento:\tProcedimiento para la copia"
    text = text.replace(second, MEDICION + second).rstrip("\n") + "\n\n" + SATISFACCION
    path = tmp_path / "manual-pruebas-dge-indicadores.txt"
    path.write_text(text, encoding="utf-8")
    version, _ = import_manual_file(path, unit=dge)
    return version.procedures.get(code="P1")


def copia(p1: Procedure) -> Procedure:
    """P2, the procedure whose indicator is kept by hand."""
    return p1.version.procedures.get(code="P2")
