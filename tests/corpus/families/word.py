"""Family 5, Word manuals: procedures under Heading 2 paragraphs numbered by Word's
auto-numbering (the number is not in the text), each in its own section whose header
holds the code and the full name ("PRO-DA-03 Control de correspondencia") while the body
has only a short heading; the table ``Paso | Responsable | Actividad | Documento de
Trabajo (clave)`` with form codes; two posts stacked as two paragraphs of one cell; a
letter-spaced responsible; "continúa en la actividad 9. Fin del Procedimiento" in one cell."""

from __future__ import annotations

from pathlib import Path

from docx.enum.section import WD_SECTION
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from tests.corpus.render import new_docx, save_docx, set_cell
from tests.corpus.spec import Doc, Proc, S

JO, AA = "Jefe de Oficina", "Auxiliar Administrativo"
CA = "Coordinador de Archivo"
SPACED = "C o o r d i n a d o r  d e  A r c h i v o"
DA = "Director Administrativo"

CORRESPONDENCIA = Proc(
    code="PRO-DA-03",
    name="Control de correspondencia",
    unit="Dirección Administrativa",
    objective="Registrar, turnar y dar seguimiento a la correspondencia que recibe la Dirección.",
    steps=(
        S(
            "1",
            (JO, AA),
            "Recibe la correspondencia, sella de recibido y registra en el control de gestión.",
            "FO-DA-03-01",
            cell=f"{JO}\n{AA}",
        ),
        S("2", AA, "Digitaliza el documento y lo adjunta al registro."),
        S("3", JO, "Turna el documento al área responsable de su atención.", "FO-DA-03-02"),
        S("4", "Área responsable", "Atiende el asunto y elabora la respuesta."),
        S(
            "5",
            DA,
            "Firma la respuesta; si requiere correcciones la devuelve y regresa al paso 4.",
            next=(("4", "si requiere correcciones"), ("6", None)),
        ),
        S("6", AA, "Envía la respuesta al destinatario y registra el acuse.", "FO-DA-03-01"),
        S("7", CA, "Recibe los expedientes concluidos para su guarda.", "FO-DA-03-03", cell=SPACED),
        S(
            "8",
            CA,
            "Clasifica el expediente conforme al cuadro de clasificación "
            "archivística; continúa en la actividad 9. Fin del Procedimiento",
            next=(("9", None),),
            cell=SPACED,
        ),
        S(
            "9",
            CA,
            "Resguarda el expediente en el archivo de trámite. Fin del Procedimiento.",
            "FO-DA-03-04",
            cell=SPACED,
        ),
    ),
)

VIATICOS = Proc(
    code="PRO-DA-04",
    name="Solicitud y comprobación de viáticos",
    unit="Dirección Administrativa",
    objective="Otorgar y comprobar los viáticos de las comisiones oficiales.",
    steps=(
        S(
            "1",
            "Servidor Público Comisionado",
            "Llena la solicitud de viáticos con el oficio de comisión.",
            "FO-DA-04-01",
        ),
        S("2", JO, "Revisa la suficiencia presupuestal de la partida."),
        S(
            "3",
            JO,
            "Verifica si el comisionado tiene comprobaciones pendientes; si las "
            "tiene se finaliza procedimiento de lo contrario continúa con el paso No. 4",
            next=(("end", "si las tiene"), ("4", "de lo contrario")),
        ),
        S("4", DA, "Autoriza la solicitud de viáticos.", "FO-DA-04-01"),
        S("5", "Cajero", "Entrega los viáticos y recaba firma de recibido.", "FO-DA-04-02"),
        S(
            "6",
            "Servidor Público Comisionado",
            "Presenta la comprobación dentro de los cinco días hábiles posteriores a la comisión.",
            "FO-DA-04-03",
        ),
        S("7", JO, "Revisa la comprobación y la registra contablemente.", "FO-DA-04-03"),
    ),
)

ARCHIVO = Proc(
    code="PRO-DA-05",
    name="Transferencia primaria de expedientes al archivo de concentración",
    unit="Dirección Administrativa",
    objective="Transferir al archivo de concentración los expedientes semiactivos.",
    steps=(
        S(
            "1",
            "Responsable de Archivo de Trámite",
            "Identifica los expedientes cuyo plazo de conservación en trámite ha concluido.",
            "FO-DA-05-01",
        ),
        S(
            "2",
            "Responsable de Archivo de Trámite",
            "Elabora el inventario de transferencia primaria.",
            "FO-DA-05-02",
        ),
        S(
            "3",
            CA,
            "Coteja el inventario contra los expedientes. ¿Hay diferencias? Sí: "
            "regresa al paso No. 2. No: continúa con el paso No. 4.",
            next=(("2", "Sí"), ("4", "No")),
            cell=SPACED,
        ),
        S("4", CA, "Firma el inventario y recibe los expedientes.", "FO-DA-05-02", cell=SPACED),
        S(
            "5",
            CA,
            "Ubica los expedientes en el archivo de concentración y actualiza la guía de archivo.",
            cell=SPACED,
        ),
    ),
)

SPECS = (CORRESPONDENCIA, VIATICOS, ARCHIVO)
SHORT = {"PRO-DA-03": "Correspondencia", "PRO-DA-04": "Viáticos", "PRO-DA-05": "Archivo"}

NUMBERING = (
    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:multiLevelType '
    'w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
)


def _auto_number(document) -> None:  # type: ignore[no-untyped-def]
    numbering = document.part.numbering_part.element
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    first_num.addprevious(parse_xml(NUMBERING))
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    for style, level in (("Heading 1", 0), ("Heading 2", 1)):
        ppr = document.styles[style].element.get_or_add_pPr()
        ppr.insert(
            0,
            parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
            ),
        )


def render(doc: Doc, path: Path) -> None:
    document = new_docx()
    _auto_number(document)
    document.add_paragraph("Manual de Procedimientos de la Dirección Administrativa", style="Title")
    document.add_paragraph("Municipio de Santa Lucía del Monte. Versión 3, febrero de 2025.")
    document.add_paragraph("Procedimientos de la Dirección Administrativa", style="Heading 1")
    for i, proc in enumerate(doc.procedures):
        section = document.add_section(WD_SECTION.NEW_PAGE) if i else document.sections[0]
        section.header.is_linked_to_previous = False
        section.header.paragraphs[0].text = f"{proc.code} {proc.name}"
        document.add_paragraph(SHORT[proc.code], style="Heading 2")
        document.add_paragraph(f"Objetivo: {proc.objective}")
        table = document.add_table(rows=1, cols=4, style="Table Grid")
        heads = ("Paso", "Responsable", "Actividad", "Documento de Trabajo (clave)")
        for cell, head in zip(table.rows[0].cells, heads, strict=True):
            set_cell(cell, head, bold=True)
        for step in proc.steps:
            cells = table.add_row().cells
            who = step.cell if step.cell is not None else " y ".join(step.roles)
            set_cell(cells[0], step.number)
            set_cell(cells[1], who.split("\n"))
            set_cell(cells[2], step.activity)
            set_cell(cells[3], step.documents)
    save_docx(document, path)


DOCS = (
    Doc(
        "santa-lucia-administrativa.docx",
        "word",
        SPECS,
        render,
        notes="Heading numbers come from Word numbering (not in the text); code and full "
        "name only in each section's header; step 1 of PRO-DA-03 has two posts as two "
        "paragraphs of one cell; 'C o o r d i n a d o r  d e  A r c h i v o'.",
    ),
)
