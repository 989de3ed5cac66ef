"""The decision and jump language of real manuals, one variant a row.

Each row of ``VARIANTS`` is a small step table (number, activity text as the manual words
it) and the transitions expected for the steps whose flow is not "go to the next step"
(the last step: "end"), as (to, when) pairs. Labels follow the seed inventory's
convention: an answer as written ("Si", "No tiene", "En caso contrario") or, for a
condition written without a colon, the whole condition ("Si no procede").

Decisions taken here, beyond what the seeds show:
- A jump and an end in one cell ("… y continúa en la actividad 9. Fin del
  Procedimiento"): the jump is the step's transition; the end marker only says that
  the next row in order is not reached from here (it is reached by another jump).
- A row whose branches name no "otherwise" ("Si no cumple, paso 6"; "…; en caso
  contrario pasar al punto 8"; "Si: continúa en la actividad 3") goes on to the next
  row in the other case, unlabelled — unless the next row opens with the other answer.
- Conditions written without a colon ("Si no procede, … pasar al punto 2" then "Si
  procede, …") are one decision of the first row, like "¿Procede? No: …" then "Si: …".
- A conditional sentence with no target ("En el supuesto de que la solicitud esté
  incompleta, se notifica al solicitante.") stays plain: no lint check reports it.
"""

from __future__ import annotations

import time

import pytest

from folio.manuals.cleaning import clean
from folio.manuals.model import SourceRef
from folio.manuals.steps import Draft
from folio.manuals.transitions import resolve

Rows = list[tuple[str, str]]
Flows = dict[str, list[tuple[str | None, str | None]]]


def plain_around(text: str) -> Rows:
    """``text`` as step 2 of three, step 1 and 3 plain: a false friend stays plain."""
    return [("1", "Recibe la solicitud."), ("2", text), ("3", "Archiva el expediente.")]


def ends(text: str) -> Rows:
    return [("1", f"Notifica al solicitante. {text}"), ("2", "Archiva el expediente.")]


VARIANTS = [
    # --- decisions written over two rows ------------------------------------------------
    pytest.param(
        [
            ("6", "Recibe el expediente."),
            ("7", "¿Procede? No: Regresa a la actividad 5"),
            ("8", "Si: Turna el expediente al área jurídica."),
            ("9", "Archiva."),
        ],
        {"7": [("5", "No"), ("8", "Si")]},
        id="two-row-colon",
    ),
    pytest.param(
        [
            ("3", "Recibe el expediente."),
            ("4", "Captura la solicitud."),
            ("7", "¿Procede? No Regresa a la actividad 4"),
            ("8", "Si Turna el expediente al área jurídica."),
            ("9", "Archiva."),
        ],
        {"7": [("4", "No"), ("8", "Si")]},
        id="two-row-bare",
    ),
    pytest.param(
        [
            ("1", "Recibe la solicitud."),
            ("2", "Revisa la solicitud."),
            ("3", "Si no procede, notifica al solicitante y pasar al punto 2."),
            ("4", "Si procede, turna el expediente."),
            ("5", "Archiva."),
        ],
        {"3": [("2", "Si no procede"), ("4", "Si procede")]},
        id="si-no-procede-then-si-procede",
    ),
    pytest.param(
        [
            ("1", "Recibe la solicitud."),
            ("2", "¿El contribuyente cuenta con adeudo?"),
            ("3", "No tiene: emite la constancia y continúa en la actividad 5."),
            ("4", "Si tiene: notifica el adeudo."),
            ("5", "Archiva."),
        ],
        {"2": [("3", "No tiene"), ("4", "Si tiene")], "3": [("5", None)]},
        id="no-tiene-si-tiene-after-question",
    ),
    pytest.param(
        [
            ("1", "¿Tiene adeudo? No tiene: continúa en la actividad 3. Si tiene: notifica."),
            ("2", "Cobra el adeudo."),
            ("3", "Emite la constancia."),
        ],
        {"1": [("3", "No tiene"), ("2", "Si tiene")]},
        id="no-tiene-si-tiene-one-row",
    ),
    pytest.param(
        [
            ("2", "Verifica si el contribuyente tiene adeudo."),
            ("3", "No tiene: emite la constancia y continúa en la actividad 5."),
            ("4", "Si tiene: notifica el adeudo."),
            ("5", "Archiva."),
        ],
        {"3": [("5", "No tiene"), ("4", "Si tiene")]},
        id="no-tiene-si-tiene-question-implied",
    ),
    pytest.param(
        [
            ("1", "¿Procede? No: regresa a la actividad 1."),
            ("2", "No obstante, revisa el expediente."),
            ("3", "Archiva."),
        ],
        {"1": [("1", "No"), ("2", None)]},
        id="no-obstante-answers-nothing",
    ),
    pytest.param(
        [
            ("1", "¿Procede? No: regresa a la actividad 1."),
            ("2", "Si bien el plazo venció, revisa el expediente."),
            ("3", "Archiva."),
        ],
        {"1": [("1", "No"), ("2", None)]},
        id="si-bien-answers-nothing",
    ),
    # --- jumps --------------------------------------------------------------------------
    pytest.param(
        [("3", "Recibe."), ("4", "Corrige y vuelve a la actividad 3."), ("5", "Firma.")],
        {"4": [("3", None)]},
        id="vuelve-a-la-actividad",
    ),
    pytest.param(
        [("15", "Revisa y continúa en el paso 17."), ("16", "Corrige."), ("17", "Firma.")],
        {"15": [("17", None)]},
        id="continua-en-el-paso",
    ),
    pytest.param(
        [("15", "Revisa y continua en paso 17"), ("16", "Corrige."), ("17", "Firma.")],
        {"15": [("17", None)]},
        id="continua-en-paso-no-accent",
    ),
    pytest.param(
        [("7", "Revisa y continúa con el paso No. 9"), ("8", "Corrige."), ("9", "Firma.")],
        {"7": [("9", None)]},
        id="continua-con-el-paso-no",
    ),
    pytest.param(
        [("7", "Revisa y continúa en el paso No. 9"), ("8", "Corrige."), ("9", "Firma.")],
        {"7": [("9", None)]},
        id="continua-en-el-paso-no",
    ),
    pytest.param(
        [("3", "Revisa y continúa en el pasoNo.5"), ("4", "Corrige."), ("5", "Firma.")],
        {"3": [("5", None)]},
        id="pasoNo-fused",
    ),
    pytest.param(
        [("4", "Verifica los requisitos. Si no cumple, paso 6"), ("5", "Firma."), ("6", "Fin")],
        {"4": [("6", "Si no cumple"), ("5", None)]},
        id="bare-paso-after-condition",
    ),
    pytest.param(
        [("4", "Recibe."), ("5", "Corrige el oficio y pasar al punto 4"), ("6", "Firma.")],
        {"5": [("4", None)]},
        id="pasar-al-punto",
    ),
    pytest.param(
        [
            ("7", "Verifica que la solicitud esté completa; en caso contrario pasar al punto 9."),
            ("8", "Firma."),
            ("9", "Devuelve."),
        ],
        {"7": [("9", "En caso contrario"), ("8", None)]},
        id="en-caso-contrario-pasar-al-punto",
    ),
    pytest.param(
        [
            ("7", "Revisa. Si cumple continúa. En caso contrario pasar al punto 9"),
            ("8", "Firma."),
            ("9", "Devuelve."),
        ],
        {"7": [("8", "Si cumple"), ("9", "En caso contrario")]},
        id="si-cumple-continua-en-caso-contrario",
    ),
    pytest.param(
        [("6", "Integra y pasa a la etapa 8."), ("7", "Corrige."), ("8", "Firma.")],
        {"6": [("8", None)]},
        id="pasa-a-la-etapa",
    ),
    pytest.param(
        [
            ("1", "Verifica. Si: continúa en la actividad 3"),
            ("2", "Corrige."),
            ("3", "Firma."),
        ],
        {"1": [("3", "Si"), ("2", None)]},
        id="only-si-jumps",
    ),
    # --- several branches in one row -----------------------------------------------------
    pytest.param(
        [
            (
                "15",
                "a) Si requiere enmiendas continúa en el paso 16. "
                "b) Si no requiere enmiendas continúa en el paso 17.",
            ),
            ("16", "Elabora las enmiendas."),
            ("17", "Firma."),
        ],
        {"15": [("16", "a) Si requiere enmiendas"), ("17", "b) Si no requiere enmiendas")]},
        id="lettered-branches",
    ),
    pytest.param(
        [
            ("14", "Revisa el proyecto."),
            (
                "15",
                "Si requiere enmiendas continúa en el paso 16. "
                "Si no requiere enmiendas continúa en el paso 17.",
            ),
            ("16", "Elabora las enmiendas."),
            ("17", "Firma."),
        ],
        {"15": [("16", "Si requiere enmiendas"), ("17", "Si no requiere enmiendas")]},
        id="letterless-branches",
    ),
    pytest.param(
        [
            (
                "4",
                "¿Tipo de trámite? Alta: pasa a la actividad 5. Baja: pasa a la actividad 8. "
                "Cambio: pasa a la actividad 10.",
            ),
            ("5", "Registra el alta. Fin del procedimiento."),
            ("8", "Registra la baja. Fin del procedimiento."),
            ("10", "Registra el cambio."),
        ],
        {
            "4": [("5", "Alta"), ("8", "Baja"), ("10", "Cambio")],
            "5": [("end", None)],
            "8": [("end", None)],
        },
        id="three-way",
    ),
    pytest.param(
        [
            (
                "3",
                "Revisa la solicitud; si está incompleta se finaliza procedimiento de lo "
                "contrario continúa con el paso No. 4",
            ),
            ("4", "Turna."),
        ],
        {"3": [("end", "Si está incompleta"), ("4", "De lo contrario")]},
        id="si-finaliza-de-lo-contrario",
    ),
    # --- ends -----------------------------------------------------------------------------
    pytest.param(
        [
            ("8", "Elabora el oficio y continúa en la actividad 10. Fin del Procedimiento"),
            ("9", "Corrige el oficio."),
            ("10", "Firma."),
        ],
        {"8": [("10", None)]},
        id="jump-and-end-in-one-cell",
    ),
    pytest.param(
        [
            ("1", "¿Procede? Si: pasa a la actividad 3. No: notifica."),
            ("2", "Notifica el rechazo. Fin del procedimiento"),
            ("3", "Firma el oficio."),
            ("4", "Entrega el oficio. Fin del procedimiento"),
        ],
        {"1": [("3", "Si"), ("2", "No")], "2": [("end", None)]},
        id="branch-ends-with-fin-del-procedimiento",
    ),
    pytest.param(ends("Fin del Procedimiento"), {"1": [("end", None)]}, id="fin-del-procedimiento"),
    pytest.param(ends("Fin del proceso"), {"1": [("end", None)]}, id="fin-del-proceso"),
    pytest.param(ends("finaliza el proceso."), {"1": [("end", None)]}, id="finaliza-el-proceso"),
    pytest.param(ends("termina procedimiento"), {"1": [("end", None)]}, id="termina-procedimiento"),
    pytest.param(
        ends("Termina el procedimiento."), {"1": [("end", None)]}, id="termina-el-procedimiento"
    ),
    pytest.param(
        ends("Concluye el procedimiento."), {"1": [("end", None)]}, id="concluye-el-procedimiento"
    ),
    pytest.param(ends("FIN"), {"1": [("end", None)]}, id="FIN"),
    pytest.param(ends("FIN."), {"1": [("end", None)]}, id="FIN-dot"),
    # --- false friends: plain steps -------------------------------------------------------
    pytest.param(plain_around("Termina seguimiento."), {}, id="termina-seguimiento"),
    pytest.param(
        plain_around("Da por finalizado el proceso de revisión."), {}, id="finalizado-el-proceso"
    ),
    pytest.param(
        plain_around("Termina el proceso de revisión y turna."), {}, id="termina-el-proceso-de"
    ),
    pytest.param(
        plain_around("Al finalizar la actividad informa al Titular."), {}, id="al-finalizar"
    ),
    pytest.param(plain_around("Aplica los pasos 1 al 3 del instructivo."), {}, id="los-pasos"),
    pytest.param(
        plain_around("Revisa, autoriza y regresa al Titular de la Unidad."), {}, id="regresa-al"
    ),
    pytest.param(plain_around("Turna a la etapa de revisión."), {}, id="turna-a-la-etapa"),
    pytest.param(plain_around("Pasa a la etapa de revisión."), {}, id="pasa-a-la-etapa-de"),
    pytest.param(plain_around("Elabora el oficio y pasa a firma."), {}, id="pasa-a-firma"),
    pytest.param(plain_around("Responde conforme al punto 1 del oficio."), {}, id="punto-del"),
    pytest.param(plain_around("Conforme a lo siguiente, punto 1."), {}, id="punto-no-condition"),
    pytest.param(plain_around("Termina la llamada con su script."), {}, id="termina-la-llamada"),
    pytest.param(plain_around("Registra el fin de la llamada."), {}, id="fin-de-la-llamada"),
    pytest.param(plain_around("Determina el monto."), {}, id="determina"),
    pytest.param(plain_around("Turna la solicitud y pasa a 3 áreas."), {}, id="pasa-a-3-areas"),
    pytest.param(
        plain_around(
            "En el supuesto de que la solicitud esté incompleta, se notifica al solicitante."
        ),
        {},
        id="condition-with-no-target",
    ),
    pytest.param(
        plain_around("Si el solicitante lo requiere, entrega copia."), {}, id="si-with-no-target"
    ),
]


@pytest.mark.parametrize(("rows", "expected"), VARIANTS)
def test_it_reads_the_transitions(rows: Rows, expected: Flows) -> None:
    # given
    drafts = [Draft(n, "Analista", "Analista", clean(t), "", "", SourceRef()) for n, t in rows]
    numbers = [n for n, _ in rows]
    # when
    resolved = resolve(drafts)
    # then
    got = {
        n: [(t.to, t.when) for t in nexts] for n, (nexts, _) in zip(numbers, resolved, strict=True)
    }
    default = {
        n: [(numbers[i + 1] if i + 1 < len(numbers) else "end", None)]
        for i, n in enumerate(numbers)
    }
    assert got == default | expected


def test_it_reads_a_huge_cell_in_linear_time() -> None:
    # A malformed export can put a whole manual in one cell; conditions are only looked
    # for a bounded distance ahead, so this takes well under a second.
    text = "Si la solicitud está completa continúa en el paso 3. " * 8000
    drafts = [Draft("1", "Analista", "Analista", text, "", "", SourceRef())]
    start = time.perf_counter()
    resolve(drafts)
    assert time.perf_counter() - start < 5
