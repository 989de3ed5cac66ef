"""The form, time and indicator checks (FOL4xx, FOL5xx) on hand-built procedures."""

from __future__ import annotations

from folio.manuals.model import (
    END,
    DocumentRef,
    Form,
    Indicator,
    Procedure,
    TimeSpec,
)

from .lint_world import chain, found, lint, only, procedure, step

# --- FOL4xx forms ---------------------------------------------------------------------


def form_procedure(document: str, code: str, policies: tuple[str, ...] = ()) -> Procedure:
    doc = DocumentRef("Formato", document, code)
    signs = step("1", END, documents=(doc,), text="Firma el protocolo. Termina procedimiento.")
    return procedure(signs, forms=(code,), policies=policies)


def test_it_reports_a_form_code_written_with_stray_spaces() -> None:
    code = "FORM.296/SECATI/012224"
    proc = form_procedure("Protocolo de entrega FORM.296/SECATI /012224", code)
    diagnostic = only(lint(proc, forms=(Form(code, has_instructivo=True),)), "FOL401")
    assert (diagnostic.step, diagnostic.severity) == ("1", "warning")
    assert "«FORM.296/SECATI /012224»" in diagnostic.message and code in diagnostic.message


def test_it_reports_a_misspelt_code_in_a_policy() -> None:
    code = "FORM.316/SECATI/012224"
    policies = ("6. Se firma el formato FORM. 316/SECATI/012224 al liberar el sitio.",)
    proc = form_procedure("Formato de Liberación " + code, code, policies)
    diagnostics = lint(proc, forms=(Form(code, has_instructivo=True),))
    assert found(diagnostics, "FOL401") == [("P1", None)]


def test_it_accepts_a_well_written_code_ending_a_sentence() -> None:
    code = "FORM.321/SECATI/012224"
    proc = form_procedure(f"Formatos FORM.315/SECATI/012224 y {code}.", code)
    assert found(lint(proc, forms=(Form(code, has_instructivo=True),)), "FOL401") == []


def test_it_reports_a_form_the_manual_does_not_reproduce() -> None:
    code = "FORM.297/SECATI/012224"
    diagnostic = only(lint(form_procedure("Formato de validación " + code, code)), "FOL402")
    assert (diagnostic.step, diagnostic.severity) == ("1", "warning")


def test_it_reports_a_form_reproduced_without_instructivo() -> None:
    code = "FORM.293/SECATI/012224"
    proc = form_procedure("Formato para la Asignación de Cuenta " + code, code)
    diagnostics = lint(proc, forms=(Form(code, has_instructivo=False),))
    assert found(diagnostics, "FOL403") == [("P1", "1")]
    assert found(diagnostics, "FOL402") == []


def test_it_accepts_a_form_reproduced_with_its_instructivo() -> None:
    code = "FORM.293/SECATI/012224"
    proc = form_procedure("Formato " + code, code)
    diagnostics = lint(proc, forms=(Form(code, has_instructivo=True),))
    assert found(diagnostics, "FOL402") == found(diagnostics, "FOL403") == []


# --- FOL5xx time and indicators -------------------------------------------------------


def test_it_reports_a_missing_tiempo_promedio_de_gestion() -> None:
    diagnostic = only(lint(procedure(*chain("1"), time=TimeSpec())), "FOL501")
    assert (diagnostic.procedure, diagnostic.step, diagnostic.severity) == ("P1", None, "error")


def test_it_reports_an_unreadable_tiempo_promedio_de_gestion() -> None:
    unread = TimeSpec(text="El que se indique en cada contrato.", status="unparsed")
    diagnostic = only(lint(procedure(*chain("1"), time=unread)), "FOL502")
    assert diagnostic.severity == "warning" and "cada contrato" in diagnostic.message


def test_it_accepts_a_variable_tiempo_promedio_de_gestion() -> None:
    variable = TimeSpec(text="Variable.", status="variable")
    diagnostics = lint(procedure(*chain("1"), time=variable))
    assert found(diagnostics, "FOL501") == found(diagnostics, "FOL502") == []


def indicator(numerator: str, denominator: str) -> Indicator:
    return Indicator("capacidad de respuesta", "", numerator, denominator, 100, "100%")


def test_it_reports_an_upside_down_indicator() -> None:
    upside = indicator("Número de solicitudes recibidas", "Número de solicitudes realizadas")
    diagnostic = only(lint(procedure(*chain("1"), indicators=(upside,))), "FOL503")
    assert (diagnostic.procedure, diagnostic.step, diagnostic.severity) == ("P1", None, "warning")


def test_it_accepts_an_indicator_with_the_output_on_top() -> None:
    right = indicator("Número de solicitudes atendidas", "Número de solicitudes recibidas")
    assert found(lint(procedure(*chain("1"), indicators=(right,))), "FOL503") == []
