"""Family 9, furniture torture: "DOCUMENTO CONTROLADO" rotated in the margin of every page,
a page header split over two rows (a bordered table repeated on every page), and a
signature block at the end ("Elaboró | Revisó | Autorizó", invented names) that is not a
list of policies."""

from __future__ import annotations

from pathlib import Path

from tests.corpus.render import esc, write_pdf
from tests.corpus.spec import Doc, Proc, S

ALM = "Almacenista"
JRM = "Jefe/a de Recursos Materiales"

ENTRADAS = Proc(
    code="RM-P-01",
    name="Recepción de bienes en almacén",
    objective="Controlar la entrada de bienes adquiridos al almacén general.",
    policies=(
        "Sólo se reciben bienes amparados por un pedido autorizado.",
        "Toda entrada se registra el mismo día en el sistema de inventarios.",
    ),
    steps=(
        S(
            "1",
            "Proveedor",
            "Entrega los bienes junto con la factura y copia del pedido.",
            "Factura",
        ),
        S(
            "2",
            ALM,
            "Verifica cantidad, calidad y especificaciones contra el pedido. "
            "¿Cumple? No: Rechaza los bienes y lo informa al proveedor. Termina "
            "procedimiento. Sí: continúa en la actividad 3.",
            "Pedido",
            next=(("end", "No"), ("3", "Sí")),
        ),
        S(
            "3",
            ALM,
            "Sella la factura de recibido y registra la entrada en el sistema.",
            "Vale de entrada",
        ),
        S("4", JRM, "Valida la entrada y turna la factura a Contabilidad para su pago.", "Factura"),
    ),
)

SALIDAS = Proc(
    code="RM-P-02",
    name="Surtimiento de requisiciones internas",
    objective="Abastecer a las áreas de los bienes de consumo que requieren.",
    policies=("Las requisiciones se surten los martes y jueves.",),
    steps=(
        S("1", "Área solicitante", "Envía la requisición firmada por su titular.", "Requisición"),
        S(
            "2",
            ALM,
            "Revisa existencias. ¿Hay existencia? No: lo informa al área y regresa "
            "a la actividad 1 cuando haya abasto. Sí: continúa en la actividad 3.",
            "Kárdex",
            next=(("1", "No"), ("3", "Sí")),
        ),
        S("3", ALM, "Surte los bienes y recaba la firma del vale de salida.", "Vale de salida"),
        S("4", JRM, "Concilia mensualmente las salidas con el inventario.", "Conciliación"),
    ),
)

SPECS = (ENTRADAS, SALIDAS)

CSS = """
@page { size: letter; margin: 40mm 20mm 20mm 25mm;
  @top-center { content: element(encabezado); width: 100%; }
  @bottom-right { content: "Hoja " counter(page) "/" counter(pages); font-size: 7.5pt; } }
.encabezado { position: running(encabezado); font-size: 7.5pt; }
.encabezado td { text-align: center; }
.sello { position: fixed; left: -22mm; top: 100mm; transform: rotate(-90deg);
         font-size: 11pt; color: #777; letter-spacing: 1pt; }
.firmas td { height: 22mm; text-align: center; vertical-align: bottom; }
"""


def render(doc: Doc, path: Path) -> None:
    body = [
        "<div class=sello>DOCUMENTO CONTROLADO</div>",
        "<table class=encabezado><tr><td rowspan=2><b>H. AYUNTAMIENTO DE<br>SAN JERÓNIMO "
        "DEL LAGO</b></td><td>MANUAL DE PROCEDIMIENTOS</td><td>Clave: MP-RM-02</td></tr>"
        "<tr><td>DEPARTAMENTO DE RECURSOS MATERIALES</td><td>Emisión: 03/2025</td></tr>"
        "</table>",
    ]
    for i, proc in enumerate(doc.procedures):
        rows = "".join(
            f"<tr><td>{s.number}</td><td>{esc(s.roles[0])}</td><td>{esc(s.activity)}</td>"
            f"<td>{esc(s.documents)}</td></tr>"
            for s in proc.steps
        )
        policies = "".join(f"<li>{esc(p)}</li>" for p in proc.policies)
        body.append(
            f"<div class={'page' if i else ''}><h2>{proc.code} {esc(proc.name)}</h2>"
            f"<p><b>Objetivo:</b> {esc(proc.objective)}</p><p><b>Políticas:</b></p>"
            f"<ol>{policies}</ol><table><thead><tr><th>No.</th><th>Responsable</th>"
            "<th>Descripción de la actividad</th><th>Documento</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></div>"
        )
    body.append(
        "<p></p><table class=firmas><tr><th>Elaboró</th><th>Revisó</th><th>Autorizó</th></tr>"
        "<tr><td>Lic. Mariela Ontiveros Cuéllar<br>Jefa de Recursos Materiales</td>"
        "<td>C.P. Raúl Esquivias Trejo<br>Director de Administración</td>"
        "<td>Mtra. Inés Balderas Quiroga<br>Tesorera Municipal</td></tr></table>"
    )
    write_pdf("".join(body), CSS, path)


DOCS = (
    Doc(
        "san-jeronimo-mobiliario.pdf",
        "furniture",
        SPECS,
        render,
        notes="Rotated 'DOCUMENTO CONTROLADO' in the margin, two-row header box on every "
        "page, signature block after the last procedure.",
    ),
)
