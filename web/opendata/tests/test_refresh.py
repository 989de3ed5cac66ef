from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from frictionless import Resource as FrictionlessResource
from frictionless import Schema

from web.cases.actions import open_case
from web.cases.models import Event
from web.catalog.models import Procedure
from web.datasets import DataSource, register_source, registered_sources
from web.opendata.actions import refresh_sources
from web.opendata.cli import run_refresh
from web.opendata.models import Dataset, ResourceVersion

FRICTIONLESS = str(Path(sys.executable).parent / "frictionless")


@pytest.fixture
def some_cases(cuentas: Procedure, carla: User, opendata_manual: object) -> None:
    open_case(cuentas, carla, "Cuenta de correo", "Tesorería", "TM/1/2026")
    open_case(cuentas, carla, "Cuenta SAP", "Tesorería", "TM/2/2026")


def test_the_indicators_are_a_registered_source(db: None) -> None:
    assert "indicadores-mensuales" in [s.slug for s in registered_sources()]


def test_refresh_generates_a_version_only_when_the_data_changed(
    some_cases: None, carla: User, cuentas: Procedure
) -> None:
    # given two cases this month
    result = refresh_sources()
    assert "indicadores-mensuales" in result.changed and not result.errors
    dataset = Dataset.objects.get(source="indicadores-mensuales")
    assert dataset.published_at is None  # generated, not public until its case publishes it
    rows = dataset.resources.get().current().row_count  # type: ignore[union-attr]
    assert rows >= 1
    # when nothing changed
    assert "indicadores-mensuales" in refresh_sources().unchanged
    assert ResourceVersion.objects.filter(resource__dataset=dataset).count() == 1
    # and when a case is added
    open_case(cuentas, carla, "Cuenta de nómina", "Recursos Humanos", "RH/3/2026")
    assert "indicadores-mensuales" in refresh_sources().changed
    assert ResourceVersion.objects.filter(resource__dataset=dataset).count() == 2
    assert Event.objects.filter(kind="opendata.refreshed").count() == 2


def test_every_generated_resource_passes_frictionless_validate(
    some_cases: None, tmp_path: Path
) -> None:
    refresh_sources()
    versions = ResourceVersion.objects.select_related("resource")
    assert versions.exists()
    for version in versions:
        path = Path(version.file.path)
        schema = Schema.from_descriptor(version.resource.schema)
        report = FrictionlessResource(
            path=path.name, basepath=str(path.parent), schema=schema
        ).validate()
        assert report.valid, report.flatten(["rowNumber", "fieldName", "note"])
        # the command line too, with the resource's data dictionary
        (tmp_path / path.name).write_bytes(path.read_bytes())
        dictionary = f"{version.pk}.schema.json"
        (tmp_path / dictionary).write_text(json.dumps(version.resource.schema), encoding="utf-8")
        cli = subprocess.run(
            [FRICTIONLESS, "validate", "--schema", dictionary, path.name],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert cli.returncode == 0, cli.stdout


def test_frictionless_validate_fails_on_a_file_breaking_its_dictionary(tmp_path: Path) -> None:
    (tmp_path / "malo.csv").write_text("mes,recibidos\n2026-13,dos\n", encoding="utf-8")
    from web.indicators.opendata import SCHEMA

    fields: list[Any] = SCHEMA["fields"]  # type: ignore[assignment]
    schema = {"fields": [fields[0], fields[4]]}
    (tmp_path / "s.json").write_text(json.dumps(schema), encoding="utf-8")
    cli = subprocess.run(
        [FRICTIONLESS, "validate", "--schema", "s.json", "malo.csv"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert cli.returncode == 1 and "type-error" in cli.stdout


def test_a_source_with_personal_data_is_refused(some_cases: None, carla: User) -> None:
    leaky = DataSource(
        slug="prueba-fuga",
        title="Fuga",
        description="Prueba.",
        schema={"fields": [{"name": "quien", "type": "string", "description": "Nombre."}]},
        rows=lambda: [{"quien": "Carla Méndez"}, {"quien": "escriba a alguien@example.org"}],
    )
    register_source(leaky)
    try:
        result = refresh_sources()
    finally:
        from web import datasets

        datasets._sources.pop("prueba-fuga")
    assert result.errors and "prueba-fuga" in result.errors[0]
    assert not Dataset.objects.filter(source="prueba-fuga").exists()


def test_the_command_is_quiet_when_it_works(some_cases: None, capsys: Any) -> None:
    import argparse

    out, code = run_refresh(argparse.Namespace(verbose=False))
    assert (out, code) == ("", 0)
    out, code = run_refresh(argparse.Namespace(verbose=True))
    assert "indicadores-mensuales: sin cambios" in out and code == 0


def test_two_manuals_with_the_same_procedure_code_are_two_rows(
    some_cases: None, dge: object, carla: User
) -> None:
    from folio.demo import DEMO_TEXT
    from web.catalog.actions import ensure_role, import_manual_file
    from web.indicators.opendata import indicator_rows

    # given the DGE also runs the demo manual, whose first procedure is P1 as cuentas is
    version, _ = import_manual_file(DEMO_TEXT, unit=dge)  # type: ignore[arg-type]
    ensure_role("Operador/a de Atención Ciudadana", dge).members.add(carla)  # type: ignore[arg-type]
    open_case(version.procedures.get(code="P1"), carla, "Luminaria apagada")
    rows = list(indicator_rows())
    keys = [(r["mes"], r["unidad"], r["manual"], r["procedimiento"]) for r in rows]
    assert len(keys) == len(set(keys))
    assert {r["manual"] for r in rows if r["procedimiento"] == "P1"} >= {"DEMO/MP/DAC/001"}
    assert not refresh_sources().errors
