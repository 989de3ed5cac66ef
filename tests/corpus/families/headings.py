"""Family 3, numbered headings: a table of contents with dotted leaders, group headings
("5.1 PROCEDIMIENTOS DE LA DIRECCIÓN …", no table: not procedures), each procedure under
an uppercase numbered heading ("5.1.2 RECEPCIÓN Y TRÁMITE DE …") with a header box
(code, name, area) and the table ``Paso No. | Actor/Puesto | Descripción``; branches
"a) Si … continúa en el paso 16. b) Si no … continúa en el paso 17.", "continúa con el
paso No. 9" and the fused "pasoNo.5" that extraction gives."""

from __future__ import annotations

from pathlib import Path

from tests.corpus.render import esc, write_pdf
from tests.corpus.spec import Doc, Proc, S

SEC = "Secretaría del Ayuntamiento"
OFP = "Oficialía de Partes"
JUR = "Jefatura de Asuntos Jurídicos"
CAB = "Coordinación de Cabildo"
REG = "Dirección de Reglamentos"
INS = "Inspector/a de Reglamentos"


def steps(*rows: tuple) -> tuple[S, ...]:
    return tuple(
        S(str(i), r[0], r[1], next=r[2] if len(r) > 2 else ()) for i, r in enumerate(rows, start=1)
    )


GROUPS = (
    (
        "5.1",
        "PROCEDIMIENTOS DE LA SECRETARÍA DEL AYUNTAMIENTO",
        (
            (
                "5.1.1",
                Proc(
                    code="SA-01",
                    unit=SEC,
                    name="Recepción y trámite de correspondencia dirigida al Cabildo",
                    steps=steps(
                        (
                            OFP,
                            "Recibe la correspondencia, sella el acuse y registra en el libro de "
                            "control.",
                        ),
                        (
                            OFP,
                            "Clasifica los asuntos y los turna a la Secretaría del Ayuntamiento.",
                        ),
                        (
                            SEC,
                            "Analiza el asunto. Si es competencia del Cabildo continúa con el paso "
                            "No. 5, en caso contrario continúa con el paso No. 4.",
                            (("5", "Si es competencia del Cabildo"), ("4", "en caso contrario")),
                        ),
                        (
                            SEC,
                            "Remite el asunto al área competente y lo informa al promovente. "
                            "Termina el procedimiento.",
                            (("end", None),),
                        ),
                        (CAB, "Integra el asunto al orden del día de la siguiente sesión."),
                        (
                            CAB,
                            "Notifica el acuerdo de Cabildo al promovente y a las áreas "
                            "involucradas.",
                        ),
                    ),
                ),
            ),
            (
                "5.1.2",
                Proc(
                    code="SA-02",
                    unit=SEC,
                    name="Revisión y trámite de proyectos de reglamento municipal",
                    steps=steps(
                        (SEC, "Recibe el proyecto de reglamento de la dependencia proponente."),
                        (JUR, "Revisa el proyecto y emite observaciones de técnica jurídica."),
                        (
                            JUR,
                            "Determina si el proyecto requiere enmiendas: a) Si requiere enmiendas "
                            "continúa en el paso 4. b) Si no requiere enmiendas continúa en el paso 5.",
                            (
                                ("4", "a) Si requiere enmiendas"),
                                ("5", "b) Si no requiere enmiendas"),
                            ),
                        ),
                        (
                            "Dependencia proponente",
                            "Atiende las observaciones y devuelve el proyecto; "
                            "continúa con el pasoNo.2",
                            (("2", None),),
                        ),
                        (SEC, "Turna el proyecto a la comisión de regidores que corresponda."),
                        (CAB, "Somete el dictamen de la comisión a votación del Cabildo."),
                        (SEC, "Gestiona la publicación del reglamento en la Gaceta Municipal."),
                    ),
                ),
            ),
        ),
    ),
    (
        "5.2",
        "PROCEDIMIENTOS DE LA DIRECCIÓN DE REGLAMENTOS",
        (
            (
                "5.2.1",
                Proc(
                    code="DR-01",
                    unit=REG,
                    name="Visita de inspección a establecimientos comerciales",
                    steps=steps(
                        (
                            REG,
                            "Elabora la orden de visita de inspección y la asigna a un inspector.",
                        ),
                        (INS, "Se constituye en el establecimiento e identifica al visitado."),
                        (INS, "Levanta el acta circunstanciada de la visita."),
                        (
                            INS,
                            "Verifica la licencia y las condiciones del establecimiento. ¿Existen "
                            "irregularidades? Si: continúa con el paso No. 5. No: continúa con el paso "
                            "No. 7.",
                            (("5", "Si"), ("7", "No")),
                        ),
                        (INS, "Coloca sellos de suspensión cuando el caso lo amerita."),
                        (
                            REG,
                            "Califica el acta e impone la sanción que corresponda; continúa con el "
                            "paso No. 8.",
                            (("8", None),),
                        ),
                        (INS, "Entrega copia del acta al visitado."),
                        (REG, "Archiva el expediente de la visita."),
                    ),
                ),
            ),
            (
                "5.2.2",
                Proc(
                    code="DR-02",
                    unit=REG,
                    name="Expedición de permisos para eventos en la vía pública",
                    steps=steps(
                        (
                            "Ventanilla de Reglamentos",
                            "Recibe la solicitud del permiso con al menos diez "
                            "días de anticipación.",
                        ),
                        (REG, "Solicita opinión a Protección Civil y a Seguridad Pública."),
                        (
                            REG,
                            "Valora las opiniones recibidas: a) Si son favorables continúa en el paso "
                            "4. b) Si alguna es desfavorable continúa en el paso 6.",
                            (("4", "a) Si son favorables"), ("6", "b) Si alguna es desfavorable")),
                        ),
                        (REG, "Expide el permiso y calcula los derechos a pagar."),
                        (
                            "Ventanilla de Reglamentos",
                            "Entrega el permiso previo pago de derechos; continúa con el pasoNo.7",
                            (("7", None),),
                        ),
                        (
                            "Ventanilla de Reglamentos",
                            "Notifica la negativa fundada y motivada al solicitante.",
                        ),
                        ("Ventanilla de Reglamentos", "Archiva la solicitud y sus anexos."),
                    ),
                ),
            ),
        ),
    ),
)

SPECS = tuple(proc for _, _, procs in GROUPS for _, proc in procs)

CSS = """
@page { size: letter; margin: 22mm 20mm 20mm 20mm;
  @top-center { content: "H. Ayuntamiento de Villa del Carmen · Manual de Procedimientos";
                font-size: 8pt; }
  @bottom-right { content: counter(page); font-size: 8pt; } }
.toc p { margin: 1mm 0; display: flex; }
.toc .lead { flex: 1; overflow: hidden; white-space: nowrap; }
.hbox td:first-child { width: 35mm; font-weight: bold; }
.paso td:first-child { width: 14mm; text-align: center; }
.paso td:nth-child(2) { width: 40mm; }
h2.group { margin-top: 4mm; }
"""


def _toc() -> str:
    lines = ["<div class=toc><h2>ÍNDICE</h2>"]
    page = 3
    for number, title, procs in GROUPS:
        lines.append(f"<p><b>{number} {esc(title)}</b></p>")
        for pnum, proc in procs:
            dots = "." * 90
            lines.append(
                f"<p>{pnum} {esc(proc.name.upper())} <span class=lead>{dots}</span> {page}</p>"
            )
            page += 1
    return "".join(lines) + "</div>"


def _proc(number: str, proc: Proc) -> str:
    rows = "".join(
        f"<tr><td>{s.number}</td><td>{esc(s.roles[0])}</td><td>{esc(s.activity)}</td></tr>"
        for s in proc.steps
    )
    return (
        f"<h3>{number} {esc(proc.name.upper())}</h3><table class=hbox>"
        f"<tr><td>Código:</td><td>{proc.code}</td></tr>"
        f"<tr><td>Nombre:</td><td>{esc(proc.name)}</td></tr>"
        f"<tr><td>Área:</td><td>{esc(proc.unit)}</td></tr></table><p></p>"
        "<table class=paso><thead><tr><th>Paso No.</th><th>Actor/Puesto</th>"
        f"<th>Descripción</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def render(doc: Doc, path: Path) -> None:
    body = [
        "<h1>MANUAL DE PROCEDIMIENTOS</h1><p>H. Ayuntamiento de Villa del Carmen, "
        "administración 2024-2027.</p>",
        _toc(),
        "<div class=page><h2>5. PROCEDIMIENTOS</h2></div>",
    ]
    for number, title, procs in GROUPS:
        body.append(f"<h2 class=group>{number} {esc(title)}</h2>")
        body += [
            f"<div class={'page' if i else ''}>{_proc(n, p)}</div>"
            for i, (n, p) in enumerate(procs)
        ]
    write_pdf("".join(body), CSS, path)


DOCS = (
    Doc(
        "villa-carmen-encabezados.pdf",
        "numbered-heading",
        SPECS,
        render,
        notes="Group headings 5.1/5.2 are not procedures; the ÍNDICE lists the procedures "
        "with dotted leaders; 'pasoNo.2' fused as extraction gives it.",
    ),
)
