"""``folio mir check`` and ``folio mir export``."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from web.evaluation.actions import save_row
from web.evaluation.cli import run_check, run_export
from web.evaluation.tests.conftest import Mir

pytestmark = pytest.mark.django_db


def test_check_is_clean_then_names_the_problem(mir: Mir, alicia: User) -> None:
    assert run_check(argparse.Namespace(code="", year=None)) == (
        "E-001 Servicios digitales (2026): sin hallazgos\n",
        0,
    )
    data = {"level": "componente", "summary": "Otro componente", "verification": "x"}
    save_row(alicia, mir.program, None, data | {"assumptions": "y", "position": 9})
    text, code = run_check(argparse.Namespace(code="E-001", year=2026))
    assert code == 1
    assert "  Componente 2, Actividades: No tiene ninguna Actividad." in text
    assert "  Componente 2, Indicadores: No tiene ningún indicador." in text


def test_check_without_programs(db: None) -> None:
    assert run_check(argparse.Namespace(code="X", year=None))[1] == 2


def test_export_writes_the_mir_and_a_ficha(mir: Mir, tmp_path: Path) -> None:
    out = tmp_path / "mir.pdf"
    text, code = run_export(argparse.Namespace(code="E-001", output=out, year=None, ficha=None))
    assert code == 0 and out.read_bytes().startswith(b"%PDF")
    ficha = tmp_path / "ficha.pdf"
    args = argparse.Namespace(code="E-001", output=ficha, year=2026, ficha=4)
    assert run_export(args)[1] == 0 and ficha.read_bytes().startswith(b"%PDF")
    bad = argparse.Namespace(code="E-001", output=ficha, year=2026, ficha=9)
    assert run_export(bad) == ("--ficha: la MIR E-001 tiene 4 indicador(es).\n", 2)
