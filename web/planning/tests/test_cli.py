"""``folio planning import-pmd`` prints every bad row and saves nothing; ``report``
writes the PDF or XLSX."""

from __future__ import annotations

import argparse
from pathlib import Path

from django.contrib.auth.models import User

from web.planning.cli import run_import, run_pmd_report, run_report
from web.planning.models import Goal, Pmd


def test_import_pmd_from_csv(db: None, tmp_path: Path) -> None:
    bad = tmp_path / "pmd.csv"
    bad.write_text("Nivel,Clave,Descripción\nEje,1,Uno\nEstrategia,1.1,Mal nivel\n", "utf-8")
    args = argparse.Namespace(file=bad, pmd=None, name="PMD", years="2025-2027")
    output, code = run_import(args)
    assert code == 1 and "pmd.csv, fila 3, columna 'Clave'" in output
    assert not Pmd.objects.exists()
    good = tmp_path / "bueno.csv"
    good.write_text("Nivel,Clave,Descripción\nEje,1,Uno\nObjetivo,1.1,Bien\n", "utf-8")
    output, code = run_import(
        argparse.Namespace(file=good, pmd=None, name="PMD", years="2025-2027")
    )
    assert code == 0 and Pmd.objects.get().elements.count() == 2
    pdf = tmp_path / "pmd.pdf"
    output, code = run_pmd_report(argparse.Namespace(pmd=Pmd.objects.get().pk, output=pdf))
    assert code == 0 and pdf.read_bytes().startswith(b"%PDF")


def test_report(goal: Goal, mariana: User, tmp_path: Path) -> None:
    target = tmp_path / "avance.xlsx"
    args = argparse.Namespace(month="2026-11", unit="", format="", output=target)
    output, code = run_report(args)
    assert code == 0 and target.read_bytes()[:2] == b"PK" and "1 dependencia(s)" in output
    bad = argparse.Namespace(month="2026-13", unit="", format="", output=target)
    assert run_report(bad)[1] == 2
