"""Family 4, the TecNM quality-system template: one procedure per document, the table
``Secuencia de etapas | Actividad | Responsable`` with stage rows ("1. Recibe solicitud")
whose activity cell holds numbered sub-activities ("1.1 …", "1.2 …"), "Ir al paso 3"
jumps (to the stage's first sub-activity), and an ISO control box on every page
("Código: … | Revisión: 2 | Página n de m"). Also the template's other tables (registros,
cambios de esta versión), which are not step tables.

Steps follow the seeds' convention for this template: each sub-activity is a step; a
stage with no sub-activities is one step numbered as the stage."""

from __future__ import annotations

from pathlib import Path

from tests.corpus.render import esc, write_pdf
from tests.corpus.spec import Doc, Next, Proc, S

Stage = tuple[str, str, str, tuple[tuple[str, str, tuple[Next, ...]], ...]]


def stages_to_steps(stages: tuple[Stage, ...]) -> tuple[S, ...]:
    result = []
    for number, title, who, subs in stages:
        if not subs:
            result.append(S(number, who, title))
        for sub, text, nxt in subs:
            result.append(S(sub, who, text, next=nxt))
    return tuple(result)


BECAS: tuple[Stage, ...] = (
    (
        "1",
        "Publica convocatoria",
        "Departamento de Servicios Escolares",
        (
            ("1.1", "Elabora la convocatoria de becas internas con requisitos y fechas.", ()),
            ("1.2", "Publica la convocatoria en el portal y en los murales del plantel.", ()),
        ),
    ),
    (
        "2",
        "Recibe solicitudes",
        "Oficina de Becas",
        (
            ("2.1", "Recibe la solicitud y los documentos del estudiante.", ()),
            ("2.2", "Verifica el promedio y la situación académica en el sistema.", ()),
        ),
    ),
    (
        "3",
        "Evalúa solicitudes",
        "Comité de Becas",
        (
            (
                "3.1",
                "Evalúa las solicitudes conforme a los criterios de la convocatoria. "
                "¿Cumple? SI: Ir al paso 4. NO: Ir al paso 5.",
                (("4", "SI"), ("5.1", "NO")),
            ),
        ),
    ),
    ("4", "Asigna la beca y notifica al estudiante", "Oficina de Becas", ()),
    (
        "5",
        "Comunica resultados",
        "Departamento de Servicios Escolares",
        (
            ("5.1", "Publica la lista de resultados.", ()),
            ("5.2", "Atiende las aclaraciones dentro de los tres días hábiles siguientes.", ()),
            ("5.3", "Archiva los expedientes del proceso.", ()),
        ),
    ),
)

# A stage without sub-activities is one step; "4" then goes on to 5.1 (reading order).
BECAS_STEPS = stages_to_steps(BECAS)

RESIDENCIAS: tuple[Stage, ...] = (
    (
        "1",
        "Registra anteproyecto",
        "Estudiante",
        (("1.1", "Registra el anteproyecto de residencia profesional en la plataforma.", ()),),
    ),
    (
        "2",
        "Revisa anteproyecto",
        "Academia",
        (
            ("2.1", "Revisa la pertinencia del anteproyecto y emite dictamen.", ()),
            (
                "2.2",
                "¿Es aprobado? NO: Ir al paso 1 para corregir el anteproyecto. SI: continúa en 3.",
                (("1.1", "NO"), ("3.1", "SI")),
            ),
        ),
    ),
    (
        "3",
        "Asigna asesor",
        "Jefatura de División",
        (("3.1", "Asigna asesor interno y elabora el oficio de asignación.", ()),),
    ),
    (
        "4",
        "Da seguimiento",
        "Asesor Interno",
        (
            (
                "4.1",
                "Realiza tres revisiones del avance y registra cada una en el formato "
                "de seguimiento.",
                (),
            ),
            (
                "4.2",
                "¿Avance satisfactorio? NO: Ir al paso 4. SI: Ir al paso 5.",
                (("4.1", "NO"), ("5.1", "SI")),
            ),
        ),
    ),
    (
        "5",
        "Evalúa informe final",
        "Asesor Interno",
        (
            ("5.1", "Evalúa el informe técnico final junto con el asesor externo.", ()),
            ("5.2", "Envía la calificación a la División de Estudios Profesionales.", ()),
        ),
    ),
    (
        "6",
        "Libera residencia",
        "División de Estudios Profesionales",
        (("6.1", "Registra la calificación y emite la constancia de liberación.", ()),),
    ),
)

DOCS_SPEC = (
    (
        "ITVC-AC-PO-004",
        "Procedimiento para el otorgamiento de becas internas",
        BECAS_STEPS,
        BECAS,
        2,
    ),
    (
        "ITVC-AC-PO-007",
        "Procedimiento para la residencia profesional",
        stages_to_steps(RESIDENCIAS),
        RESIDENCIAS,
        3,
    ),
)


def _css(code: str, revision: int) -> str:
    return f"""
@page {{ size: letter; margin: 30mm 18mm 18mm 18mm;
  @top-left {{ content: "Código: {code}"; border: 0.8pt solid #000; font-size: 8pt;
               padding: 2mm; height: 8mm; }}
  @top-center {{ content: "Revisión: {revision}"; border: 0.8pt solid #000; font-size: 8pt;
                 padding: 2mm; height: 8mm; }}
  @top-right {{ content: "Página " counter(page) " de " counter(pages);
                border: 0.8pt solid #000; font-size: 8pt; padding: 2mm; height: 8mm; }}
  @bottom-left {{ content: "Toda copia en PAPEL es un Documento No Controlado";
                  font-size: 7pt; }} }}
.etapas td:first-child {{ width: 38mm; }} .etapas td:last-child {{ width: 40mm; }}
"""


def render_one(code: str, name: str, stages: tuple[Stage, ...], revision: int) -> str:
    rows = []
    for number, title, who, subs in stages:
        cell = "<br>".join(f"{sub} {esc(text)}" for sub, text, _ in subs)
        rows.append(f"<tr><td>{number}. {esc(title)}</td><td>{cell}</td><td>{esc(who)}</td></tr>")
    return (
        f"<p><b>Nombre del documento:</b> {esc(name)}</p>"
        "<h3>1. Propósito</h3><p>Establecer las actividades para atender el proceso con "
        "apego a la normativa del Tecnológico.</p><h3>2. Alcance</h3><p>Aplica a todo el "
        "estudiantado inscrito en el Instituto Tecnológico de Valle Central.</p>"
        "<h3>3. Políticas de operación</h3><p>3.1 El proceso se realiza una vez por "
        "semestre.</p><p>3.2 La información se trata conforme a la ley de protección de "
        "datos personales.</p><h3>4. Descripción del procedimiento</h3>"
        "<table class=etapas><thead><tr><th>Secuencia de etapas</th><th>Actividad</th>"
        f"<th>Responsable</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        "<h3>5. Registros</h3><table><tr><th>Registros</th><th>Tiempo de conservación</th>"
        "<th>Responsable de conservarlo</th><th>Código de registro</th></tr>"
        f"<tr><td>Expediente</td><td>1 año</td><td>Servicios Escolares</td>"
        f"<td>{code}-01</td></tr></table>"
        "<h3>6. Cambios de esta versión</h3><table><tr><th>Número de revisión</th>"
        "<th>Fecha de la actualización</th><th>Descripción del cambio</th></tr>"
        f"<tr><td>{revision}</td><td>15 de enero de 2025</td><td>Se actualizan "
        "responsables.</td></tr></table>"
    )


def _renderer(code: str, revision: int):  # type: ignore[no-untyped-def]
    def render(doc: Doc, path: Path) -> None:
        for c, name, _, stages, _ in DOCS_SPEC:
            if c == code:
                write_pdf(render_one(code, name, stages, revision), _css(code, revision), path)

    return render


DOCS = tuple(
    Doc(
        f"{code}.pdf",
        "tecnm-stages",
        (Proc(code=code, name=name, steps=steps),),
        _renderer(code, revision),
        notes="Stage rows with numbered sub-activities in one cell; 'Ir al paso N' means "
        "the first sub-activity of stage N; the stage-only row 4 of AC-PO-004 is a step.",
    )
    for code, name, steps, _, revision in DOCS_SPEC
)
