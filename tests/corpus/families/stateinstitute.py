"""Family 2, state institutes (the Naucalpan/Estado de México template): a header box per
procedure ("Nombre del procedimiento:" | name, "Unidad Responsable:" | unit), Objetivo,
Políticas, the table ``No. | Descripción de la Actividad | Puesto y Área | Insumo |
Salida``, decisions written over two rows ("¿Procede? No: Regresa a la actividad 5" then
"Si: Turna…"), then a flowchart page of bordered boxes. Running header and "Página n de
m" footer on every page; in a few rows the first letters of the description are drawn
inside the No. cell (extraction gives "1 Es" | "tablece…"); long cells break across
pages."""

from __future__ import annotations

from pathlib import Path

from tests.corpus.render import FLOWCHART_CSS, esc, flowchart, write_pdf
from tests.corpus.spec import Doc, Proc, S

INSTITUTE = "Instituto Estatal de Vivienda y Suelo Urbano"

CAP = "Capturista, Ventanilla de Atención"
ANA = "Analista Social, Departamento de Apoyos"
JAP = "Jefe del Departamento de Apoyos"
SUB = "Subdirector de Programas de Vivienda"
COM = "Comité de Asignación"

APOYOS = Proc(
    code="IEVSU-DPV-01",
    name="Asignación de apoyos para el mejoramiento de vivienda",
    unit="Subdirección de Programas de Vivienda",
    objective="Otorgar apoyos en especie a familias de bajos ingresos para el mejoramiento de "
    "su vivienda, conforme a las reglas de operación vigentes.",
    policies=(
        "El solicitante deberá acreditar la propiedad o posesión legal del inmueble.",
        "Sólo se otorgará un apoyo por vivienda en cada ejercicio fiscal.",
        "El estudio socioeconómico tendrá vigencia de seis meses.",
    ),
    steps=(
        S(
            "1",
            CAP,
            "Establece orden de atención y recibe la solicitud de apoyo con la "
            "documentación soporte.",
            "Solicitud de apoyo",
            "Folio de atención",
        ),
        S(
            "2",
            CAP,
            "Captura los datos del solicitante en el padrón de beneficiarios y turna "
            "el expediente.",
            "Expediente",
            "Registro en padrón",
        ),
        S(
            "3",
            ANA,
            "Programa la visita domiciliaria y la notifica al solicitante vía telefónica.",
            "Expediente",
            "Agenda de visitas",
        ),
        S(
            "4",
            ANA,
            "Realiza la visita domiciliaria y aplica el estudio socioeconómico.",
            "Formato de estudio socioeconómico",
            "Estudio socioeconómico",
        ),
        S(
            "5",
            ANA,
            "Integra el expediente técnico con el estudio socioeconómico, fotografías "
            "y presupuesto de materiales.",
            "Estudio socioeconómico",
            "Expediente técnico",
        ),
        S(
            "6",
            JAP,
            "Revisa el expediente técnico y verifica que cumpla con las reglas de operación.",
            "Expediente técnico",
            "Expediente revisado",
        ),
        S(
            "7",
            JAP,
            "¿Procede? No: Regresa a la actividad 5 para que se complemente el expediente.",
            "Expediente revisado",
            "Observaciones",
            next=(("5", "No"), ("8", "Si")),
        ),
        S(
            "8",
            JAP,
            "Si: Turna el expediente al Comité de Asignación para su dictamen.",
            "Expediente revisado",
            "Oficio de envío",
        ),
        S(
            "9",
            COM,
            "Sesiona y dictamina la procedencia del apoyo; asienta el acuerdo en el "
            "acta de la sesión.",
            "Oficio de envío",
            "Acta de sesión",
        ),
        S(
            "10",
            SUB,
            "Emite la carta de asignación del apoyo y la remite a la Ventanilla de Atención.",
            "Acta de sesión",
            "Carta de asignación",
        ),
        S(
            "11",
            CAP,
            "Entrega la carta de asignación al beneficiario y recaba su firma de "
            "recibido. Fin del procedimiento.",
            "Carta de asignación",
            "Acuse",
        ),
    ),
)

REGULARIZACION = Proc(
    code="IEVSU-DJ-02",
    name="Regularización de la tenencia de la tierra en asentamientos humanos",
    unit="Dirección Jurídica",
    objective="Otorgar certeza jurídica a los poseedores de lotes en asentamientos "
    "irregulares mediante la escrituración.",
    policies=(
        "Los lotes deberán estar libres de litigio.",
        "La escrituración se realizará ante notario público designado por el Instituto.",
    ),
    steps=(
        S(
            "1",
            "Auxiliar Jurídico, Dirección Jurídica",
            "Recibe la solicitud de regularización y la copia de identificación del poseedor.",
            "Solicitud",
            "Folio",
        ),
        S(
            "2",
            "Auxiliar Jurídico, Dirección Jurídica",
            "Solicita al área técnica el levantamiento topográfico del lote.",
            "Oficio",
            "Solicitud de levantamiento",
        ),
        S(
            "3",
            "Topógrafo, Departamento Técnico",
            "Realiza el levantamiento topográfico y elabora el plano del lote.",
            "Solicitud de levantamiento",
            "Plano",
        ),
        S(
            "4",
            "Abogado Dictaminador, Dirección Jurídica",
            "Analiza los antecedentes de propiedad y el plano del lote.",
            "Plano",
            "Análisis jurídico",
        ),
        S(
            "5",
            "Abogado Dictaminador, Dirección Jurídica",
            "¿El lote está libre de "
            "litigio? No Regresa a la actividad 4 una vez resuelto el litigio.",
            "Análisis jurídico",
            "Oficio",
            next=(("4", "No"), ("6", "Si")),
        ),
        S(
            "6",
            "Abogado Dictaminador, Dirección Jurídica",
            "Si: Elabora el dictamen de procedencia de la regularización.",
            "Análisis jurídico",
            "Dictamen",
        ),
        S(
            "7",
            "Director Jurídico",
            "Firma el dictamen y lo envía a la notaría designada.",
            "Dictamen",
            "Oficio a notaría",
        ),
        S(
            "8",
            "Notario Público",
            "Elabora la escritura y cita al poseedor para su firma.",
            "Oficio a notaría",
            "Escritura",
        ),
        S(
            "9",
            "Auxiliar Jurídico, Dirección Jurídica",
            "Entrega la escritura inscrita al poseedor. Fin del procedimiento.",
            "Escritura",
            "Acuse",
        ),
    ),
)

LONG = (
    "Establece el programa anual de levantamiento físico de inventario, considerando "
    "todas las unidades administrativas del Instituto, el calendario de visitas, el "
    "personal comisionado para cada unidad, los formatos de resguardo vigentes, la "
    "relación de bienes dados de baja en el ejercicio anterior, los bienes en comodato "
    "con otras dependencias y los bienes pendientes de asignación, y lo somete a "
    "consideración de la Dirección de Administración y Finanzas para su autorización y "
    "posterior difusión mediante circular a los titulares de las unidades administrativas."
)

INVENTARIO = Proc(
    code="IEVSU-DAF-03",
    name="Levantamiento físico del inventario de bienes muebles",
    unit="Departamento de Recursos Materiales",
    objective="Mantener actualizado el inventario de bienes muebles del Instituto y sus "
    "resguardos.",
    policies=(
        "El levantamiento se realizará al menos una vez al año, durante el segundo semestre.",
        "Todo bien mueble con valor igual o superior a setenta Unidades de Medida y "
        "Actualización deberá contar con número de inventario y resguardo firmado.",
        "Los titulares de las unidades administrativas son responsables de los bienes "
        "asignados a su unidad y deberán facilitar el acceso al personal comisionado.",
        "Los bienes no localizados se reportarán al Órgano Interno de Control dentro de los "
        "cinco días hábiles siguientes a la conclusión del levantamiento.",
        "Los bienes en comodato se verificarán con la dependencia comodataria.",
        "Las etiquetas de inventario sólo podrán ser colocadas por el personal del "
        "Departamento de Recursos Materiales.",
        "El resguardo se actualizará cada vez que un bien cambie de usuario o de ubicación.",
        "Los bienes propuestos para baja permanecerán en el almacén hasta su dictamen.",
        "El sistema de control patrimonial es la única fuente oficial del inventario.",
        "Las diferencias se conciliarán con la contabilidad patrimonial al cierre del ejercicio.",
        "Los formatos se llenarán a máquina o con letra de molde legible.",
    ),
    steps=(
        S(
            "1",
            "Jefe del Departamento de Recursos Materiales",
            LONG,
            "Calendario",
            "Programa anual",
        ),
        S(
            "2",
            "Director de Administración y Finanzas",
            "Autoriza el programa y firma la circular de difusión.",
            "Programa anual",
            "Circular",
        ),
        S(
            "3",
            "Auxiliar de Inventarios, Departamento de Recursos Materiales",
            "Visita cada "
            "unidad administrativa y coteja los bienes contra los resguardos, verificando "
            "número de inventario, descripción, marca, modelo, número de serie, estado de "
            "conservación y ubicación física, y etiqueta los bienes que carecen de número "
            "de inventario o cuya etiqueta se encuentre dañada o ilegible.",
            "Resguardos",
            "Cédula de levantamiento",
        ),
        S(
            "4",
            "Auxiliar de Inventarios, Departamento de Recursos Materiales",
            "Registra las diferencias encontradas y actualiza el sistema de control patrimonial.",
            "Cédula de levantamiento",
            "Reporte de diferencias",
        ),
        S(
            "5",
            "Jefe del Departamento de Recursos Materiales",
            "Elabora el informe de resultados y lo remite al Órgano Interno de Control.",
            "Reporte de diferencias",
            "Informe",
        ),
        S(
            "6",
            "Jefe del Departamento de Recursos Materiales",
            "Archiva el informe y los resguardos actualizados.",
            "Informe",
            "Expediente",
        ),
    ),
)

SPECS = (APOYOS, REGULARIZACION, INVENTARIO)
#: (procedure code, step) → how many letters of the description are drawn in the No. cell.
LEAKS = {("IEVSU-DPV-01", "1"): 2, ("IEVSU-DJ-02", "3"): 3, ("IEVSU-DAF-03", "1"): 2}
#: (procedure code, step) → words of the activity before the page break that splits the row
#: (the rest continues on the next page in a row with blank No. and Puesto cells).
SPLITS = {("IEVSU-DAF-03", "3"): 21}
HEAD = (
    "<table class=steps><thead><tr><th>No.</th><th>Descripción de la Actividad</th>"
    "<th>Puesto y Área</th><th>Insumo</th><th>Salida</th></tr></thead><tbody>"
)

CSS = f"""
@page {{ size: letter; margin: 28mm 20mm 22mm 20mm;
  @top-left {{ content: "{INSTITUTE}"; font-size: 9pt; font-weight: bold; }}
  @top-right {{ content: "Manual de Procedimientos"; font-size: 9pt; }}
  @bottom-center {{ content: "Página " counter(page) " de " counter(pages); font-size: 8pt; }}
}}
.hbox td:first-child {{ width: 45mm; font-weight: bold; background: #eee; }}
.steps td:first-child {{ width: 10mm; }}
.steps tr, .steps td {{ break-inside: auto; }}
.steps td:nth-child(3) {{ width: 35mm; }}
.steps td:nth-child(4), .steps td:nth-child(5) {{ width: 26mm; }}
.leak {{ position: relative; left: -7.5mm; }}
{FLOWCHART_CSS}
"""


def _description(proc: Proc, step: S) -> str:
    letters = LEAKS.get((proc.code, step.number), 0)
    if not letters:
        return esc(step.activity)
    head, tail = step.activity[:letters], step.activity[letters:]
    return f"<span class=leak>{esc(head)}</span>{esc(tail)}"


def _short(step: S) -> str:
    words = step.activity.replace("¿", "").replace("Si: ", "").split()
    return " ".join(words[:2]).rstrip(",.;:")


def _procedure(proc: Proc, first: bool) -> str:
    parts = [
        f"<div class='{'' if first else 'page'}'><table class=hbox>"
        f"<tr><td>Nombre del procedimiento:</td><td>{esc(proc.name)}</td></tr>"
        f"<tr><td>Código:</td><td>{esc(proc.code)}</td></tr>"
        f"<tr><td>Unidad Responsable:</td><td>{esc(proc.unit)}</td></tr></table>",
        f"<h3>Objetivo</h3><p>{esc(proc.objective)}</p><h3>Políticas</h3><ul>",
        *(f"<li>{esc(p)}</li>" for p in proc.policies),
        "</ul><h3>Descripción del procedimiento</h3>" + HEAD,
    ]
    for step in proc.steps:
        if words := SPLITS.get((proc.code, step.number)):
            head, tail = step.activity.split()[:words], step.activity.split()[words:]
            parts.append(
                f"<tr><td>{step.number}</td><td>{esc(' '.join(head))}</td>"
                f"<td>{esc(' / '.join(step.roles))}</td><td>{esc(step.documents)}</td>"
                f"<td>{esc(step.copies)}</td></tr></tbody></table>"
                f"<div class=page></div>{HEAD}<tr><td></td><td>{esc(' '.join(tail))}</td>"
                "<td></td><td></td><td></td></tr>"
            )
            continue
        parts.append(
            f"<tr><td>{step.number}</td><td>{_description(proc, step)}</td>"
            f"<td>{esc(' / '.join(step.roles))}</td><td>{esc(step.documents)}</td>"
            f"<td>{esc(step.copies)}</td></tr>"
        )
    parts.append("</tbody></table></div>")
    lanes = list(dict.fromkeys(s.roles[0].split(",")[0] for s in proc.steps))
    boxes = [(0, "start", "Inicio")]
    for step in proc.steps:
        kind = "decision" if step.activity.startswith("¿") else "task"
        label = "¿Procede?" if kind == "decision" else _short(step)
        boxes.append((lanes.index(step.roles[0].split(",")[0]), kind, label))
    boxes.append((boxes[-1][0], "end", "Fin"))
    parts.append(flowchart(f"Diagrama de flujo: {proc.name}", lanes, boxes))
    return "".join(parts)


def render(doc: Doc, path: Path) -> None:
    body = [
        f"<h1>{INSTITUTE}</h1><h2>Manual de Procedimientos de la Subdirección de Programas "
        "de Vivienda, la Dirección Jurídica y el Departamento de Recursos Materiales</h2>"
        "<p>Fecha de emisión: junio de 2024. Versión 2.</p>"
    ]
    body += [_procedure(p, first=False) for p in doc.procedures]
    write_pdf("".join(body), CSS, path)


DOCS = (
    Doc(
        "estatal-vivienda.pdf",
        "state-institute",
        SPECS,
        render,
        notes="Two-row decisions (7/8 of IEVSU-DPV-01, 5/6 of IEVSU-DJ-02 with 'No Regresa' "
        "without colon); description letters leaking into the No. cell; IEVSU-DAF-03 has "
        "no decisions and long cells that break across pages; flowchart page after each.",
    ),
)
