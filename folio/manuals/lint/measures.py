"""Time and indicator checks (FOL501–FOL503): the *Tiempo Promedio de Gestión* is
stated and readable, and indicator ratios are not upside down.

An efficiency or response ratio divides what was done by what was asked: "solicitudes
atendidas ÷ solicitudes recibidas × 100". A formula with the demand ("recibidas",
"solicitadas", "programadas") on top and the output ("realizadas", "atendidas") below
is inverted: it exceeds 100 % exactly when the unit falls behind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from folio.manuals.cleaning import fold
from folio.manuals.lint.codes import procedure_diagnostic
from folio.manuals.model import Diagnostic, Indicator, Procedure

_DEMAND = re.compile(
    r"\b(?:recibid|solicitad|programad|ingresad|requerid|planead|estimad|recibo)[oa]?s?\b"
)
_OUTPUT = re.compile(
    r"\b(?:realizad|atendid|resuelt|concluid|publicad|entregad|cumplid|ejecutad|tramitad"
    r"|emitid|cerrad|respondid)[oa]s?\b"
)


def check_time(procedure: Procedure) -> Iterator[Diagnostic]:
    time = procedure.time
    if time.status == "missing":
        yield procedure_diagnostic("FOL501", procedure, "no indica el Tiempo Promedio de Gestión.")
    elif time.status == "unparsed":
        yield procedure_diagnostic(
            "FOL502",
            procedure,
            f"el Tiempo Promedio de Gestión «{time.text}» no expresa una duración legible "
            "(p. ej. «5 días hábiles», «1 a 30 días naturales», «Variable»).",
        )


def is_inverted(indicator: Indicator) -> bool:
    top, bottom = fold(indicator.numerator), fold(indicator.denominator)
    return bool(
        _DEMAND.search(top)
        and not _OUTPUT.search(top)
        and _OUTPUT.search(bottom)
        and not _DEMAND.search(bottom)
    )


def check_indicators(procedure: Procedure) -> Iterator[Diagnostic]:
    for indicator in procedure.indicators:
        if is_inverted(indicator):
            yield procedure_diagnostic(
                "FOL503",
                procedure,
                f"el indicador «{indicator.name}» divide «{indicator.numerator}» entre "
                f"«{indicator.denominator}»; lo esperado es lo realizado entre lo "
                "recibido (la fórmula parece invertida).",
                source=indicator.source,
            )
