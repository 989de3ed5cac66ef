"""The JSON export: round trip, schema, versioning. All content here is invented."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from folio.manuals import model
from folio.manuals.jsonio import (
    FORMAT_VERSION,
    manual_from_dict,
    manual_from_json,
    manual_schema,
    manual_to_dict,
    manual_to_json,
)
from folio.manuals.model import (
    END,
    EXTERNAL,
    Authorization,
    Diagnostic,
    DocumentRef,
    Form,
    Indicator,
    Manual,
    Organization,
    Position,
    Procedure,
    SourceRef,
    Step,
    Term,
    TimeSpec,
    Transition,
    Unit,
)

FILE = "manual_de_ejemplo.txt"
FORMAT_DOC = Path(__file__).resolve().parent.parent / "docs" / "manual-format.md"


def _steps() -> tuple[Step, ...]:
    return (
        Step(
            number="1",
            responsible=("Ventanilla Única",),
            responsible_raw="Ventanilla Única",
            activity="Recibe la solicitud y la registra en el libro de control.",
            documents=(
                DocumentRef("formato", "Solicitud FORM.001/DEJ/0101", "FORM.001/DEJ/0101"),
                DocumentRef("oficio", "Oficio de turno"),
            ),
            copies="2",
            next=(Transition("2"),),
            source=SourceRef(FILE, None, 40),
        ),
        Step(
            number="2",
            responsible=("Jefatura de Trámites", "Ventanilla Única"),
            activity="Revisa la solicitud. ¿Está completa?",
            questions=("¿Está completa?",),
            next=(
                Transition("3.1", "Si"),
                Transition(None, "No"),
                Transition(f"{EXTERNAL}Atención Ciudadana", "No › Si"),
            ),
            stage="Revisión",
            source=SourceRef(FILE, 3, 12),
        ),
        Step(
            number="3.1",
            responsible=("Jefatura de Trámites",),
            activity="Emite la resolución y archiva. Termina procedimiento.",
            next=(Transition(END),),
            source=SourceRef(FILE, 3, 20),
        ),
    )


def _procedures_manual() -> Manual:
    procedure = Procedure(
        code="PR-DEJ-01",
        name="Atención de solicitudes",
        unit="Dirección de Ejemplo",
        objective="Atender las solicitudes ciudadanas en tiempo.",
        legal_basis="Reglamento Interior de Ejemplo, artículo 10.",
        policies=("Toda solicitud se registra.", "Se responde por oficio."),
        time=TimeSpec("1 semana a 6 meses", 1.0, 6.0, "meses", "semanas", "stated"),
        forms=("FORM.001/DEJ/0101",),
        indicators=(
            Indicator(
                "Capacidad de respuesta",
                "Solicitudes atendidas / solicitudes recibidas × 100",
                "Solicitudes atendidas",
                "Solicitudes recibidas",
                100.0,
                "90 %",
                SourceRef(FILE, None, 70),
            ),
        ),
        steps=_steps(),
        source=SourceRef(FILE, None, 30),
    )
    return Manual(
        kind="procedimientos",
        title="Manual de Procedimientos de la Dirección de Ejemplo",
        unit="Dirección de Ejemplo",
        code="MP/DEJ/001",
        elaborated="Enero 2020",
        updated="Marzo 2021",
        revision="02",
        authorizations=(Authorization("Nombre Ficticio Uno", "Titular", "Autoriza"),),
        introduction="Introducción de ejemplo con acentos: ñ, á, «comillas».",
        glossary=(Term("Folio", "Número consecutivo de control."),),
        symbols=(Term("Rombo", "Decisión"), Term("Conector")),
        editions=("01 Enero 2020 Creación",),
        distribution=("Original: Contraloría",),
        procedures=(procedure, Procedure("PR-DEJ-02", "Procedimiento sin datos")),
        forms=(Form("FORM.001/DEJ/0101", "Solicitud", ("Nombre", "Fecha"), True, SourceRef(FILE)),),
        diagnostics=(
            Diagnostic("import.row", "warning", "Fila sin ubicar.", None, None, SourceRef(FILE)),
        ),
        source=SourceRef(FILE),
    )


def _organization_manual() -> Manual:
    organization = Organization(
        units=(
            Unit("1", "Dirección de Ejemplo"),
            Unit("1.1", "Departamento de Trámites", "1", ("Depto. de Trámites",)),
        ),
        positions=(
            Position(
                number="2.1",
                title="Jefatura de Trámites",
                nominal="Jefe de Departamento",
                unit="1.1",
                reports_to="Dirección de Ejemplo",
                reports_to_number="1",
                subordinates=("Auxiliar Administrativo",),
                objective="Coordinar los trámites.",
                functions=("Revisar solicitudes.", "Firmar oficios."),
                value="Control de gestión",
                kind="Mando medio",
                aliases=("Jefatura",),
                source=SourceRef(FILE, 2, 5),
            ),
            Position("2.2", "Auxiliar Administrativo"),
        ),
    )
    return Manual(kind="organizacion", title="Manual de Organización", organization=organization)


MANUALS = [_procedures_manual(), _organization_manual(), Manual(kind="procedimientos")]


@pytest.mark.parametrize("manual", MANUALS)
def test_it_round_trips_through_a_dict(manual: Manual) -> None:
    assert manual_from_dict(manual_to_dict(manual)) == manual


@pytest.mark.parametrize("manual", MANUALS)
def test_it_round_trips_through_json_text(manual: Manual) -> None:
    assert manual_from_json(manual_to_json(manual)) == manual


def test_it_restores_tuples_none_and_floats() -> None:
    manual = manual_from_json(manual_to_json(_procedures_manual()))

    procedure = manual.procedures[0]
    assert isinstance(procedure.steps, tuple)
    assert isinstance(procedure.steps[0].documents, tuple)
    assert procedure.steps[1].next[1].to is None
    assert procedure.time.max == 6.0 and isinstance(procedure.time.max, float)
    assert manual.procedures[1].time.min is None
    assert manual.organization is None


def test_it_reads_whole_numbers_as_floats() -> None:
    data = manual_to_dict(_procedures_manual())
    data["procedures"][0]["time"]["max"] = 6

    time = manual_from_dict(data).procedures[0].time

    assert isinstance(time.max, float)


def test_it_writes_the_public_shape() -> None:
    data = json.loads(manual_to_json(_procedures_manual()))

    assert data["format_version"] == FORMAT_VERSION
    step = data["procedures"][0]["steps"][1]
    assert step["next"][2] == {"to": "external:Atención Ciudadana", "when": "No › Si"}
    assert step["source"] == {"file": FILE, "page": 3, "line": 12}
    assert data["procedures"][0]["time"]["unit"] == "meses"


def test_it_keeps_accents_unescaped() -> None:
    text = manual_to_json(_procedures_manual())

    assert "Dirección" in text and "\\u00f3" not in text
    assert text.startswith('{\n  "format_version"')


def test_it_appends_the_diagnostics_passed_in() -> None:
    manual = _procedures_manual()
    lint = Diagnostic("FOL202", "error", "Falta el destino.", "PR-DEJ-01", "2")

    data = manual_to_dict(manual, [lint])

    assert [d["code"] for d in data["diagnostics"]] == ["import.row", "FOL202"]
    assert manual_from_dict(data).diagnostics == (*manual.diagnostics, lint)


@pytest.mark.parametrize("manual", MANUALS)
def test_it_validates_against_the_schema(manual: Manual) -> None:
    schema = manual_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    lint = Diagnostic("x", "info", "Nota.", source=SourceRef(FILE, 1, 1))

    jsonschema.validate(json.loads(manual_to_json(manual, [lint])), schema)


def _break_severity(d: dict[str, Any]) -> None:
    d["diagnostics"][0]["severity"] = "fatal"


def _drop_step_key(d: dict[str, Any]) -> None:
    del d["procedures"][0]["steps"][0]["activity"]


def _add_unknown_key(d: dict[str, Any]) -> None:
    d["procedures"][0]["time"]["hours"] = 3


def _break_time_unit(d: dict[str, Any]) -> None:
    d["procedures"][0]["time"]["unit"] = "quincenas"


def _tuple_as_string(d: dict[str, Any]) -> None:
    d["procedures"][0]["policies"] = "Toda solicitud se registra."


def _break_kind(d: dict[str, Any]) -> None:
    d["kind"] = "procedimiento"


BREAKAGES = [
    _break_severity,
    _drop_step_key,
    _add_unknown_key,
    _break_time_unit,
    _tuple_as_string,
    _break_kind,
]


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_it_catches_shape_errors_in_schema_and_loader(breakage: Any) -> None:
    data = manual_to_dict(_procedures_manual())
    breakage(data)

    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, manual_schema())
    with pytest.raises(ValueError, match=r"\$\."):
        manual_from_dict(data)


def test_it_names_the_schema_defs_after_the_model_fields() -> None:
    defs = manual_schema()["$defs"]
    classes = [
        c
        for c in vars(model).values()
        if isinstance(c, type) and dataclasses.is_dataclass(c) and c is not Manual
    ]

    assert sorted(defs) == sorted(c.__name__ for c in classes)
    for cls in classes:
        assert list(defs[cls.__name__]["properties"]) == [f.name for f in dataclasses.fields(cls)]
    top = list(manual_schema()["properties"])
    assert top == ["format_version", *(f.name for f in dataclasses.fields(Manual))]


@pytest.mark.parametrize("version", ["2.0", "1.2", "0.9", "1", "uno", 1.0])
def test_it_rejects_an_unknown_format_version(version: object) -> None:
    data = manual_to_dict(_procedures_manual())
    data["format_version"] = version

    with pytest.raises(ValueError, match="format_version"):
        manual_from_dict(data)


def test_it_rejects_a_missing_format_version() -> None:
    data = manual_to_dict(_procedures_manual())
    del data["format_version"]

    with pytest.raises(ValueError, match="Falta 'format_version'"):
        manual_from_dict(data)


def test_it_rejects_json_that_is_not_an_object() -> None:
    with pytest.raises(ValueError, match="objeto"):
        manual_from_json("[]")


def test_it_asks_to_update_folio_for_a_newer_minor_version() -> None:
    data = manual_to_dict(_procedures_manual())
    data["format_version"] = "1.7"

    with pytest.raises(ValueError, match="actualice Folio"):
        manual_from_dict(data)


def test_it_loads_the_example_in_the_format_doc() -> None:
    blocks = re.findall(r"```json\n(.*?)```", FORMAT_DOC.read_text("utf-8"), re.DOTALL)
    assert len(blocks) == 1

    data = json.loads(blocks[0])

    jsonschema.validate(data, manual_schema())
    assert manual_from_dict(data).procedures[0].steps[1].next[1].to is None


def test_it_reads_a_1_0_file_as_reviewed_ok() -> None:
    data = manual_to_dict(_procedures_manual())
    data["format_version"] = "1.0"
    for procedure in data["procedures"]:
        del procedure["review"]

    manual = manual_from_dict(data)

    assert {p.review for p in manual.procedures} == {"ok"}
