"""Every lint code with its severity and a one-line description, and the helpers that
build a located ``Diagnostic`` from a code.

Codes are stable: ``FOL1xx`` structure, ``FOL2xx`` flow, ``FOL3xx`` roles, ``FOL4xx``
documents and forms, ``FOL5xx`` time and indicators. A code is never reused for a
different check.
"""

from __future__ import annotations

from folio.manuals.model import Diagnostic, Procedure, Severity, SourceRef, Step

LINT_CODES: dict[str, tuple[Severity, str]] = {
    "FOL101": ("error", "Actividad sin responsable."),
    "FOL102": ("error", "Número de actividad repetido."),
    "FOL103": ("warning", "Numeración con saltos entre actividades hermanas."),
    "FOL104": ("warning", "Procedimiento sin actividades."),
    "FOL201": ("error", "Salto a una actividad que no existe."),
    "FOL202": ("error", "Salto que no indica la actividad de destino."),
    "FOL203": ("warning", "Actividad inalcanzable desde la primera actividad."),
    "FOL204": ("error", "Ruta que nunca llega al fin del procedimiento."),
    "FOL205": ("warning", "Decisión con una sola rama."),
    "FOL206": ("warning", "Actividad tras un fin incondicional a la que ninguna lleva."),
    "FOL207": ("warning", "Fin implícito: la rama termina sin decir «Termina procedimiento»."),
    "FOL208": ("info", "La actividad continúa en otro procedimiento."),
    "FOL209": ("warning", "Decisión duplicada en actividades consecutivas."),
    "FOL210": ("error", "Actividad sin salida."),
    "FOL211": ("warning", "Una rama de una decisión pasa a otra rama de la misma decisión."),
    "FOL301": ("warning", "Un mismo rol escrito de varias formas."),
    "FOL302": ("warning", "Rol que no figura en el manual de organización."),
    "FOL303": ("warning", "Entrega a un rol distinto del responsable de la actividad siguiente."),
    "FOL401": ("warning", "Clave de formato mal escrita."),
    "FOL402": ("warning", "Formato referido que el manual no reproduce."),
    "FOL403": ("warning", "Formato reproducido sin instructivo de llenado."),
    "FOL501": ("error", "Falta el Tiempo Promedio de Gestión."),
    "FOL502": ("warning", "Tiempo Promedio de Gestión no interpretable."),
    "FOL503": ("warning", "Indicador con la fórmula invertida."),
}


def where(procedure: Procedure, step: Step | None = None) -> str:
    """The message prefix naming the procedure and, when given, the step."""
    if step is None:
        return f"Procedimiento {procedure.code}"
    return f"Procedimiento {procedure.code}, actividad {step.number}"


def step_diagnostic(code: str, procedure: Procedure, step: Step, text: str) -> Diagnostic:
    """A diagnostic located at one step; ``text`` is the message after the prefix."""
    return Diagnostic(
        code=code,
        severity=LINT_CODES[code][0],
        message=f"{where(procedure, step)}: {text}",
        procedure=procedure.code,
        step=step.number,
        source=step.source,
    )


def procedure_diagnostic(
    code: str, procedure: Procedure, text: str, source: SourceRef | None = None
) -> Diagnostic:
    """A diagnostic about a whole procedure (its header fields, policies, indicators)."""
    return Diagnostic(
        code=code,
        severity=LINT_CODES[code][0],
        message=f"{where(procedure)}: {text}",
        procedure=procedure.code,
        source=source if source is not None and source != SourceRef() else procedure.source,
    )
