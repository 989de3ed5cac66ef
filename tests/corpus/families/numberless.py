"""Family 6, no number column: ``Responsable | Actividad | Documento`` where the step number
is written inside the responsible cell ("1) Promovente", "2)Persona Consejera"),
decisions "Si no procede … pasar al punto 2 / Si procede …", "pasa a la etapa 8"."""

from __future__ import annotations

from pathlib import Path

from tests.corpus.render import esc, write_pdf
from tests.corpus.spec import Doc, Proc, S

PC = "Persona Consejera"
UIG = "Unidad de Igualdad de Género"
CE = "Comité de Ética"

QUEJA = Proc(
    name="Atención de quejas por hostigamiento y acoso sexual",
    unit=UIG,
    objective="Brindar atención y acompañamiento a las personas que presentan una queja "
    "por hostigamiento o acoso sexual.",
    steps=(
        S(
            "1",
            "Promovente",
            "Presenta la queja de manera verbal o escrita ante la Persona Consejera.",
            "Escrito de queja",
            cell="1) Promovente",
        ),
        S(
            "2",
            PC,
            "Brinda la primera atención, informa los derechos de la promovente y "
            "registra la queja.",
            "Formato de primer contacto",
            cell="2)Persona Consejera",
        ),
        S(
            "3",
            PC,
            "Analiza la queja. Si no procede por ser de otra materia, orienta a la "
            "promovente, pasar al punto 2 para cerrar el registro. Si procede, la turna al "
            "Comité de Ética.",
            "Oficio",
            next=(("2", "Si no procede"), ("4", "Si procede")),
            cell="3) Persona Consejera",
        ),
        S(
            "4",
            CE,
            "Recibe la queja y determina medidas de protección.",
            "Acta de sesión",
            cell="4) Comité de Ética",
        ),
        S(
            "5",
            CE,
            "Investiga los hechos y cita a las partes.",
            "Citatorios",
            cell="5) Comité de Ética",
        ),
        S(
            "6",
            CE,
            "Emite la determinación y la notifica a las partes.",
            "Determinación",
            cell="6)Comité de Ética",
        ),
    ),
)

CAPACITACION = Proc(
    name="Capacitación en igualdad y no discriminación",
    unit=UIG,
    objective="Sensibilizar al personal en materia de igualdad y no discriminación.",
    steps=(
        S(
            "1",
            UIG,
            "Detecta las necesidades de capacitación por unidad administrativa.",
            "Diagnóstico",
            cell="1) Unidad de Igualdad de Género",
        ),
        S(
            "2",
            UIG,
            "Elabora el programa anual de capacitación.",
            "Programa",
            cell="2) Unidad de Igualdad de Género",
        ),
        S(
            "3",
            "Dirección de Recursos Humanos",
            "Revisa el programa. Si no procede, lo "
            "devuelve con observaciones y pasa a la etapa 2. Si procede, lo autoriza.",
            "Oficio",
            next=(("2", "Si no procede"), ("4", "Si procede")),
            cell="3) Dirección de Recursos Humanos",
        ),
        S(
            "4",
            UIG,
            "Convoca al personal a los cursos.",
            "Convocatoria",
            cell="4) Unidad de Igualdad de Género",
        ),
        S(
            "5",
            "Instructor/a",
            "Imparte el curso y aplica la evaluación; si el grupo no "
            "alcanza el mínimo de asistentes pasa a la etapa 8.",
            "Lista de asistencia",
            next=(("6", None), ("8", "si el grupo no alcanza el mínimo de asistentes")),
            cell="5)Instructor/a",
        ),
        S(
            "6",
            UIG,
            "Emite las constancias de participación.",
            "Constancias",
            cell="6) Unidad de Igualdad de Género",
        ),
        S(
            "7",
            UIG,
            "Integra el informe de resultados del curso.",
            "Informe",
            cell="7) Unidad de Igualdad de Género",
        ),
        S(
            "8",
            UIG,
            "Actualiza el registro anual de capacitación.",
            "Registro",
            cell="8) Unidad de Igualdad de Género",
        ),
    ),
)

SPECS = (QUEJA, CAPACITACION)

CSS = """
@page { size: letter; margin: 20mm;
  @bottom-center { content: "Protocolo de la Unidad de Igualdad de Género — " counter(page);
                   font-size: 7.5pt; } }
td:first-child { width: 45mm; } td:last-child { width: 35mm; }
"""


def render(doc: Doc, path: Path) -> None:
    body = [
        "<h1>Manual de Procedimientos de la Unidad de Igualdad de Género</h1>"
        "<p>Instituto Municipal de las Mujeres de Puerto Escondido del Valle.</p>"
    ]
    for i, proc in enumerate(doc.procedures, start=1):
        rows = "".join(
            f"<tr><td>{esc(s.cell or s.roles[0])}</td><td>{esc(s.activity)}</td>"
            f"<td>{esc(s.documents)}</td></tr>"
            for s in proc.steps
        )
        body.append(
            f"<div class={'page' if i > 1 else ''}><h2>Procedimiento {i}. {esc(proc.name)}"
            f"</h2><p><b>Objetivo:</b> {esc(proc.objective)}</p>"
            f"<p><b>Área responsable:</b> {esc(proc.unit)}</p>"
            "<table><thead><tr><th>Responsable</th><th>Actividad</th><th>Documento</th>"
            f"</tr></thead><tbody>{rows}</tbody></table></div>"
        )
    write_pdf("".join(body), CSS, path)


DOCS = (
    Doc(
        "igualdad-sin-numeros.pdf",
        "no-number-column",
        SPECS,
        render,
        notes="The step number is inside the Responsable cell, sometimes with no space.",
    ),
)
