"""Family 7, narrative manuals: no step table; each step is a paragraph "Paso 1: La
Oficialía de Partes recibe…" with the responsible inside the prose, and loops worded
"Si la solicitud está incompleta, regresa al Paso 1." The responsibles in the inventory
are a careful reader's naming (``responsible_review``)."""

from __future__ import annotations

from pathlib import Path

from tests.corpus.render import new_docx, save_docx
from tests.corpus.spec import Doc, Proc, S

ACCESO = Proc(
    name="Atención de solicitudes de acceso a la información pública",
    unit="Unidad de Transparencia",
    objective="Dar respuesta a las solicitudes de acceso a la información en los plazos de ley.",
    steps=(
        S(
            "1",
            "Oficialía de Partes",
            "La Oficialía de Partes recibe la solicitud en "
            "ventanilla o por la Plataforma Nacional y la remite el mismo día a la Unidad de "
            "Transparencia.",
        ),
        S(
            "2",
            "Unidad de Transparencia",
            "La Unidad de Transparencia revisa que la solicitud "
            "sea clara. Si la solicitud está incompleta, regresa al Paso 1 previa prevención "
            "al solicitante.",
            next=(("1", "Si la solicitud está incompleta"), ("3", None)),
        ),
        S(
            "3",
            "Unidad de Transparencia",
            "La Unidad de Transparencia turna la solicitud al área que pueda tener la información.",
        ),
        S(
            "4",
            "Área administrativa",
            "El área administrativa busca la información y la "
            "envía a la Unidad de Transparencia; cuando la considere reservada, pasa al Paso "
            "5, y cuando no, al Paso 6.",
            next=(("5", "cuando la considere reservada"), ("6", "cuando no")),
        ),
        S(
            "5",
            "Comité de Transparencia",
            "El Comité de Transparencia confirma, modifica o revoca la clasificación.",
        ),
        S(
            "6",
            "Unidad de Transparencia",
            "La Unidad de Transparencia notifica la respuesta "
            "al solicitante y concluye el trámite.",
        ),
    ),
)

ARCO = Proc(
    name="Ejercicio de derechos ARCO",
    unit="Unidad de Transparencia",
    objective="Garantizar el acceso, rectificación, cancelación y oposición de datos personales.",
    steps=(
        S(
            "1",
            "Unidad de Transparencia",
            "La persona titular presenta su solicitud y la "
            "Unidad de Transparencia acredita su identidad.",
        ),
        S(
            "2",
            "Unidad de Transparencia",
            "El personal de la Unidad requiere al área "
            "responsable del tratamiento la atención de la solicitud.",
        ),
        S(
            "3",
            "Área responsable del tratamiento",
            "El área responsable del tratamiento "
            "determina la procedencia. Si no es procedente, la Unidad notifica la negativa y "
            "el procedimiento termina.",
            next=(("end", "Si no es procedente"), ("4", None)),
        ),
        S(
            "4",
            "Área responsable del tratamiento",
            "El área responsable hace efectivo el derecho dentro de los quince días siguientes.",
        ),
        S(
            "5",
            "Unidad de Transparencia",
            "La Unidad de Transparencia informa a la persona titular la atención de su solicitud.",
        ),
    ),
)

SPECS = (ACCESO, ARCO)


def render(doc: Doc, path: Path) -> None:
    document = new_docx(header="Municipio de Lomas del Río · Unidad de Transparencia")
    document.add_paragraph("Manual de Procedimientos de la Unidad de Transparencia", style="Title")
    for i, proc in enumerate(doc.procedures, start=1):
        document.add_paragraph(f"{i}. {proc.name}", style="Heading 1")
        document.add_paragraph(f"Objetivo: {proc.objective}")
        document.add_paragraph("Descripción de las actividades", style="Heading 3")
        for step in proc.steps:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"Paso {step.number}: ").bold = True
            paragraph.add_run(step.activity)
    save_docx(document, path)


DOCS = (
    Doc(
        "lomas-transparencia-narrativo.docx",
        "narrative",
        SPECS,
        render,
        responsible_review=True,
        notes="Steps are paragraphs 'Paso N:'; the responsible is the subject of the "
        "sentence (step 1 of the ARCO procedure names the titular first).",
    ),
)
