"""Family 1, the seeds' own layout (Puebla): label/value front matter per procedure and the
table ``Responsable | No. | Actividad | Formato o Documento | Tantos`` with blank cells
for "same responsible as above", decisions worded inside the activity cell and running
page headers. Rendered as text (TAB-separated cells, as the seeds are) and as DOCX with
real Word tables (the responsible cell merged vertically instead of left blank)."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument

from tests.corpus.render import new_docx, save_docx, set_cell
from tests.corpus.spec import Doc, Proc, S

UNIT = "Dirección de Desarrollo Urbano y Obra Pública"
HEADER = f"**Manual de Procedimientos de la {UNIT}**"
TABLE = ("Responsable", "No.", "Actividad", "Formato o Documento", "Tantos")

VENT = "Auxiliar de Ventanilla"
JDL = "Jefe/a de Departamento de Licencias"
INSP = "Inspector/a de Obra"
DIR = "Director/a de Desarrollo Urbano y Obra Pública"

ALINEAMIENTO = Proc(
    code="P1",
    name="Procedimiento para la expedición de constancia de alineamiento y número oficial.",
    objective="Otorgar a la ciudadanía la constancia que determina el alineamiento del predio "
    "respecto de la vía pública y el número oficial que le corresponde.",
    legal=(
        "Ley de Desarrollo Urbano Sustentable del Estado, artículos 112 a 118.",
        "Reglamento de Construcciones del Municipio, capítulo IV.",
    ),
    policies=(
        "1. Sólo se recibirán solicitudes con la totalidad de los requisitos publicados en la "
        "cédula de trámite.",
        "2. La constancia tendrá vigencia de un año a partir de su expedición.",
        "3. El pago de derechos se realizará en las cajas de la Tesorería Municipal.",
    ),
    time="5 días hábiles",
    steps=(
        S(
            "1",
            VENT,
            "Recibe solicitud de constancia con los documentos requeridos y asigna "
            "número de folio.",
            "Solicitud de trámite FORM.12/DDU/0121",
            "1 original",
        ),
        S(
            "2",
            VENT,
            "Revisa que la documentación esté completa. ¿Está completa? No: Devuelve "
            "la documentación al solicitante indicando los faltantes. Termina procedimiento. "
            "En caso contrario:",
            "N/A",
            "N/A",
            next=(("end", "No"), ("3", "En caso contrario")),
        ),
        S(
            "3",
            VENT,
            "Registra la solicitud en el libro de gobierno y turna el expediente al "
            "Departamento de Licencias.",
            "Libro de gobierno",
            "1",
        ),
        S(
            "4",
            JDL,
            "Recibe expediente y programa la visita de verificación al predio.",
            "Expediente",
            "1",
        ),
        S(
            "5",
            INSP,
            "Realiza visita al predio y levanta reporte fotográfico y medidas del frente.",
            "Reporte de inspección",
            "1 original",
        ),
        S(
            "6",
            JDL,
            "Analiza el reporte de inspección contra el plano de alineamientos "
            "vigente. ¿Es viable? No: Elabora oficio de improcedencia y lo notifica al "
            "solicitante. Termina procedimiento. En caso contrario:",
            "Oficio",
            "1 original",
            next=(("end", "No"), ("7", "En caso contrario")),
        ),
        S(
            "7",
            JDL,
            "Elabora la constancia de alineamiento y número oficial y la turna para firma.",
            "Constancia FORM.13/DDU/0121",
            "2 originales",
        ),
        S(
            "8",
            DIR,
            "Revisa la constancia. ¿Es correcta? No: regresa a la actividad 7. "
            "En caso contrario: firma la constancia.",
            "Constancia",
            "2 originales",
            next=(("7", "No"), ("9", "En caso contrario")),
        ),
        S(
            "9",
            VENT,
            "Entrega la constancia al solicitante previo pago de derechos y archiva "
            "el acuse. Termina procedimiento.",
            "Acuse de recibo",
            "1 copia",
        ),
    ),
)

QUEJAS = Proc(
    code="P2",
    name="Procedimiento para la atención de quejas ciudadanas por obra pública.",
    objective="Atender en tiempo y forma las quejas que presenta la ciudadanía por afectaciones "
    "derivadas de la ejecución de obra pública municipal.",
    legal=("Reglamento Interior de la Dirección, artículo 27 fracción IX.",),
    policies=(
        "1. Toda queja deberá registrarse el mismo día de su recepción.",
        "2. Las quejas anónimas se atenderán cuando señalen un domicilio verificable.",
    ),
    time="10 días hábiles",
    steps=(
        S(
            "1",
            "Analista de Atención Ciudadana",
            "Recibe la queja por escrito, vía telefónica o "
            "por la plataforma de atención ciudadana y la captura en el sistema.",
            "Formato de queja",
            "1",
        ),
        S(
            "2",
            "Analista de Atención Ciudadana",
            "Identifica la obra y el residente responsable y turna la queja.",
            "N/A",
            "N/A",
            after="¿Corresponde a obra municipal? Si: Continúa en la actividad no. 4. En caso "
            "contrario:",
            next=(("4", "Si"), ("3", "En caso contrario")),
        ),
        S(
            "3",
            "Analista de Atención Ciudadana",
            "Canaliza la queja a la dependencia competente mediante oficio. Termina procedimiento.",
            "Oficio",
            "1 original",
            next=(("end", None),),
        ),
        S(
            "4",
            "Residente de Obra",
            "Verifica en campo la afectación señalada y elabora minuta con el contratista.",
            "Minuta de campo",
            "2",
        ),
        S(
            "5",
            "Residente de Obra",
            "Da seguimiento a los trabajos de reparación. ¿Se "
            "concluyeron los trabajos? Si: Continúa en la actividad no. 7. En caso contrario:",
            "Bitácora de obra",
            "1",
            next=(("7", "Si"), ("6", "En caso contrario")),
        ),
        S(
            "6",
            "Supervisor/a de Obra",
            "Notifica al contratista el incumplimiento y aplica la "
            "pena convencional. Regresa a la actividad 5.",
            "Oficio",
            "1 original",
            next=(("5", None),),
        ),
        S(
            "7",
            "Analista de Atención Ciudadana",
            "Informa al ciudadano la atención de su queja y cierra el registro en el sistema.",
            "N/A",
            "N/A",
        ),
    ),
)

PADRON = Proc(
    code="P3",
    name="Procedimiento para la integración y actualización del padrón de contratistas.",
    objective="Contar con un padrón de personas físicas y morales que cumplan los requisitos "
    "para contratar obra pública con el Municipio.",
    legal=("Ley de Obra Pública y Servicios Relacionados del Estado, artículo 30.",),
    policies=(
        "1. La inscripción al padrón es anual.",
        "2. No se inscribirá a quien tenga adeudos fiscales con el Municipio.",
        "3. El padrón se publicará en el portal de transparencia.",
        "4. Las renovaciones se atenderán durante enero y febrero.",
    ),
    time="15 días hábiles",
    steps=tuple(
        [
            S(
                "1",
                "Auxiliar Administrativo/a",
                "Recibe solicitud de inscripción con documentación legal, técnica y financiera.",
                "Solicitud de inscripción",
                "1",
            ),
            S(
                "2",
                "Auxiliar Administrativo/a",
                "Verifica la documentación. ¿Cumple con los "
                "requisitos? No: Previene al solicitante para que subsane en 5 días hábiles y "
                "regresa a la actividad 1. En caso contrario:",
                "Prevención",
                "1 original",
                next=(("1", "No"), ("3", "En caso contrario")),
            ),
        ]
        + [
            S(str(n), resp, text, doc, copies)
            for n, resp, text, doc, copies in (
                (
                    3,
                    "Analista Técnico/a",
                    "Evalúa la especialidad y capacidad técnica declarada por el contratista.",
                    "Cédula de evaluación",
                    "1",
                ),
                (
                    4,
                    "Analista Técnico/a",
                    "Consulta en Tesorería la existencia de adeudos fiscales.",
                    "Oficio de consulta",
                    "1 original",
                ),
                (
                    5,
                    "Jefe/a de Departamento de Concursos",
                    "Valida la evaluación y asigna número de registro.",
                    "N/A",
                    "N/A",
                ),
                (
                    6,
                    "Jefe/a de Departamento de Concursos",
                    "Elabora la cédula de registro y recaba la firma del titular.",
                    "Cédula de registro",
                    "2 originales",
                ),
                (
                    7,
                    "Auxiliar Administrativo/a",
                    "Entrega la cédula al contratista y actualiza el padrón publicado.",
                    "Acuse",
                    "1 copia",
                ),
                (
                    8,
                    "Auxiliar Administrativo/a",
                    "Archiva el expediente del contratista. Termina procedimiento.",
                    "Expediente",
                    "1",
                ),
            )
        ]
    ),
)

SPECS = (ALINEAMIENTO, QUEJAS, PADRON)


def _front_matter() -> list[str]:
    return [
        "",
        "**San Andrés Tlacoapan**  ",
        "Gobierno Municipal 2024-2027",
        "",
        f"# Manual de Procedimientos de la {UNIT}",
        "",
        "Registro: SAT/DDUOP/MP/003/2025\t\t",
        "Fecha de elaboración: Marzo 2025",
        "Número de revisión: 01",
        "",
        "## ÍNDICE",
        "",
        *(f"{i}\t{p.name.rstrip('.')}" for i, p in enumerate(SPECS, start=1)),
        "",
        "## INTRODUCCIÓN",
        "",
        "El presente manual describe las actividades que realiza la Dirección para la atención "
        "de los trámites a su cargo, con el fin de dar certeza a la ciudadanía y a las "
        "personas servidoras públicas que intervienen en ellos.",
        "",
    ]


def _procedure_lines(proc: Proc) -> list[list[str]]:
    """Blocks of lines; a block never splits over a running header."""
    blocks = [
        [f"<b>Nombre del Procedimiento:</b>\t{proc.name}"],
        [f"<b>Objetivo:</b>\t{proc.objective}"],
        ["<b>Fundamento Legal:</b>\t" + "  ".join(proc.legal)],
        ["<b>Políticas de Operación:</b>\t" + " ".join(proc.policies)],
        [f"<b>Tiempo Promedio de Gestión:</b>\t{proc.time}"],
        [""],
        [f"<b>Descripción del Procedimiento: {proc.name}</b>\t\t\t\t"],
        ["\t".join(f"<b>{h}</b>" for h in TABLE)],
    ]
    previous = ""
    for step in proc.steps:
        who = " y ".join(step.roles)
        cell = "" if who == previous else who
        previous = who
        blocks.append([f"{cell}\t{step.number}\t{step.activity}\t{step.documents}\t{step.copies}"])
        if step.after:
            blocks.append([f"\t\t{step.after}\tN/A\tN/A"])
    blocks.append([""])
    return blocks


def render_text(doc: Doc, path: Path) -> None:
    lines = _front_matter()
    since_header = 0
    for proc in doc.procedures:
        in_table = False
        for block in _procedure_lines(proc):
            if since_header + len(block) > 24:
                lines += ["", HEADER, ""]
                if in_table:
                    lines.append("\t".join(TABLE))
                since_header = 0
            lines += block
            since_header += len(block)
            in_table = in_table or block[0].startswith("<b>Responsable")
    lines += ["", HEADER, ""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _docx_procedure(document: DocxDocument, proc: Proc) -> None:
    document.add_paragraph(proc.name.rstrip("."), style="Heading 2")
    fields = document.add_table(rows=5, cols=2, style="Table Grid")
    labels = (
        "Nombre del Procedimiento:",
        "Objetivo:",
        "Fundamento Legal:",
        "Políticas de Operación:",
        "Tiempo Promedio de Gestión:",
    )
    values = (proc.name, proc.objective, list(proc.legal), list(proc.policies), proc.time)
    for row, label, value in zip(fields.rows, labels, values, strict=True):
        set_cell(row.cells[0], label, bold=True)
        set_cell(row.cells[1], value)
    document.add_paragraph("")
    table = document.add_table(rows=1, cols=5, style="Table Grid")
    for cell, head in zip(table.rows[0].cells, TABLE, strict=True):
        set_cell(cell, head, bold=True)
    start = None
    previous = ""
    for step in proc.steps:
        rows = [(step.number, step.activity, step.documents, step.copies)]
        if step.after:
            rows.append(("", step.after, "N/A", "N/A"))
        who = " y ".join(step.roles)
        for number, activity, documents, copies in rows:
            cells = table.add_row().cells
            if who != previous or start is None:
                set_cell(cells[0], who)
                start = cells[0]
            else:
                start = start.merge(cells[0])
            previous = who
            for cell, text in zip(cells[1:], (number, activity, documents, copies), strict=True):
                set_cell(cell, text)
    document.add_page_break()


def render_docx(doc: Doc, path: Path) -> None:
    document = new_docx(header=f"Manual de Procedimientos de la {UNIT}")
    document.add_paragraph(f"Manual de Procedimientos de la {UNIT}", style="Title")
    document.add_paragraph("Registro: SAT/DDUOP/MP/004/2025")
    document.add_paragraph("Fecha de actualización: Abril 2025")
    document.add_page_break()
    for proc in doc.procedures:
        _docx_procedure(document, proc)
    save_docx(document, path)


DOCS = (
    Doc(
        "puebla-desarrollo-urbano.txt",
        "puebla",
        SPECS,
        render_text,
        notes="Seed layout as text: blank responsible cells, unnumbered decision row after "
        "step 2 of P2, running headers repeating the table header.",
    ),
    Doc(
        "puebla-desarrollo-urbano.docx",
        "puebla",
        (ALINEAMIENTO, QUEJAS),
        render_docx,
        notes="Seed layout in Word tables; equal consecutive responsibles are one vertically "
        "merged cell.",
    ),
)
