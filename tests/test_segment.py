"""Where procedures start and end, from headings, labels, boxes and restarts."""

from __future__ import annotations

from folio.manuals.model import Manual
from folio.manuals.parser import parse_rows
from folio.manuals.sources.text import text_to_rows


def _parse(*lines: str) -> Manual:
    return parse_rows(text_to_rows("\n".join(lines), "prueba.txt"), "prueba.txt")


def _table(*steps: str) -> list[str]:
    rows = ["Paso No.\tActor/Puesto\tDescripción"]
    for n, text in enumerate(steps, start=1):
        rows.append(f"{n}\tAuxiliar de Oficina\t{text}")
    return rows


def test_it_opens_a_procedure_at_each_numbered_heading_but_not_at_group_headings() -> None:
    manual = _parse(
        "5. PROCEDIMIENTOS",
        "5.1 PROCEDIMIENTOS DE LA DIRECCIÓN DE ARCHIVO",
        "5.1.1 RECEPCIÓN DE OFICIOS",
        "Objetivo: Recibir los oficios.",
        *_table("Recibe el oficio.", "Registra el oficio en el libro."),
        "5.1.2 PRÉSTAMO DE EXPEDIENTES",
        *_table("Recibe la solicitud de préstamo.", "Entrega el expediente."),
    )

    assert [p.name for p in manual.procedures] == [
        "RECEPCIÓN DE OFICIOS",
        "PRÉSTAMO DE EXPEDIENTES",
    ]
    assert manual.procedures[0].objective == "Recibir los oficios."


def test_it_starts_a_new_procedure_where_the_numbering_starts_again() -> None:
    manual = _parse(
        *_table("Recibe el oficio.", "Registra el oficio en el libro."),
        *_table("Recibe la solicitud de préstamo.", "Entrega el expediente.")[1:],
    )

    assert [len(p.steps) for p in manual.procedures] == [2, 2]


def test_it_reads_no_steps_from_a_record_section() -> None:
    manual = _parse(
        "1. PROPÓSITO",
        "Recibir los oficios.",
        *_table("Recibe el oficio.", "Registra el oficio en el libro."),
        "7. REGISTROS",
        "No.\tRegistro\tResponsable de conservarlo",
        "1\tSe conserva el libro de registro de oficios.\tJefe de Archivo",
        "2\tSe conserva el acuse de recibo por un año.\tJefe de Archivo",
    )

    assert len(manual.procedures) == 1
    assert [s.number for s in manual.procedures[0].steps] == ["1", "2"]


def test_it_names_a_procedure_from_its_header_box_not_the_next_label() -> None:
    manual = _parse(
        "Nombre del procedimiento:\tRecepción de oficios",
        "Unidad Responsable:\tDirección de Archivo",
        *_table("Recibe el oficio.", "Registra el oficio en el libro."),
    )

    assert manual.procedures[0].name == "Recepción de oficios"


def test_it_puts_back_text_that_leaked_into_the_number_column() -> None:
    manual = _parse(
        "No.\tDescripción de la Actividad\tPuesto y Área",
        "1 Es\ttablece el calendario de recepción.\tJefe de Oficina",
        "2 El\tauxiliar recibe los oficios.\tAuxiliar de Oficina",
    )

    steps = manual.procedures[0].steps
    assert [s.activity for s in steps] == [
        "Establece el calendario de recepción.",
        "El auxiliar recibe los oficios.",
    ]


def test_it_reads_a_narrative_procedure_and_asks_to_review_it() -> None:
    manual = _parse(
        "PROCEDIMIENTO DE ATENCIÓN DE SOLICITUDES",
        "Paso 1: La Oficialía de Partes recibe la solicitud y la registra.",
        "Paso 2: La Unidad de Transparencia revisa la solicitud. Si está incompleta, "
        "regresa al Paso 1.",
        "Paso 3: La Unidad de Transparencia entrega la respuesta. Fin del procedimiento.",
    )

    (procedure,) = manual.procedures
    assert [s.number for s in procedure.steps] == ["1", "2", "3"]
    assert procedure.review == "revisar"
    assert "FOL005" in [d.code for d in manual.diagnostics]


def test_it_numbers_a_table_that_has_no_step_numbers_and_asks_to_review_it() -> None:
    manual = _parse(
        "Nombre del procedimiento:\tPrueba",
        "Responsable\tActividad\tDocumento",
        "Auxiliar\tRecibe la solicitud.\tSolicitud",
        "Jefe de Oficina\tRevisa la solicitud.\t",
        "\ty la turna al director.\t",
        "Director\tFirma la respuesta. Termina procedimiento.\tOficio",
    )

    (procedure,) = manual.procedures
    assert [(s.number, s.responsible) for s in procedure.steps] == [
        ("1", ("Auxiliar",)),
        ("2", ("Jefe de Oficina",)),
        ("3", ("Director",)),
    ]
    assert procedure.steps[1].activity == "Revisa la solicitud. y la turna al director."
    assert procedure.review == "revisar"
    assert [d.code for d in manual.diagnostics] == ["FOL006"]
