"""A long manual for the import benchmark: ``build_large_manual(path, pages=150)`` writes a
~150-page PDF of the state-institute family (``No. | Descripción de la Actividad | Puesto y
Área | Insumo | Salida``) with running headers and footers."""

from __future__ import annotations

from pathlib import Path

from tests.corpus.families.stateinstitute import CSS, _procedure
from tests.corpus.render import write_pdf
from tests.corpus.spec import Proc, S

VERBS = ("Recibe", "Revisa", "Elabora", "Turna", "Registra", "Notifica", "Valida", "Archiva")
ROLES = (
    "Auxiliar Administrativo, Ventanilla",
    "Analista, Departamento de Trámites",
    "Jefe del Departamento de Trámites",
    "Subdirector de Atención",
)


def _procedure_spec(index: int) -> Proc:
    steps = []
    for n in range(1, 19):
        verb = VERBS[(n + index) % len(VERBS)]
        text = (
            f"{verb} el expediente del trámite {index}-{n}, verifica los datos capturados "
            "en el sistema institucional y deja constancia en el control de gestión."
        )
        nxt: tuple[tuple[str | None, str | None], ...] = ()
        if n == 9:
            text = "¿Procede? No: Regresa a la actividad 5 para su corrección."
            nxt = (("5", "No"), ("10", "Si"))
        elif n == 10:
            text = "Si: Turna el expediente para firma del titular."
        steps.append(S(str(n), ROLES[n % len(ROLES)], text, "Expediente", "Oficio", next=nxt))
    return Proc(
        code=f"IEVSU-GRD-{index:03d}",
        name=f"Trámite administrativo número {index}",
        unit="Subdirección de Atención",
        objective="Atender el trámite en tiempo.",
        policies=("Se atiende en el orden de llegada.",),
        steps=tuple(steps),
    )


def build_large_manual(path: Path, pages: int = 150) -> None:
    """About three pages per procedure (two of steps, one flowchart)."""
    count = max(1, round(pages / 3))
    body = "".join(_procedure(_procedure_spec(i), first=False) for i in range(1, count + 1))
    write_pdf(body, CSS, path)
