"""The small keyword rules of the chart: which lanes are external parties, which steps record
in a system (Base de datos symbol), and what each document symbol says.

External parties follow the core rule :func:`folio.manuals.roles.is_external_role`
("Servidor/a Público/a de la Dependencia solicitante", "Proveedor", "Aseguradora",
"Actores de la zona metropolitana", "Ciudadano"; not "Atención Ciudadana 072").
"""

from __future__ import annotations

import re

from folio.manuals.cleaning import fold
from folio.manuals.model import DocumentRef, Procedure, Step
from folio.manuals.roles import is_external_role

#: Lane of steps whose Responsable cell is empty.
NO_ROLE = "(sin responsable)"

#: (pattern on the folded activity, label of the Base de datos symbol), most specific first.
#: A bare "sistema" is not enough ("desarrollo de sistemas"): it must be recorded *in* one.
DATABASE_RULES = (
    (re.compile(r"\bmesa de (?:servicio|ayuda)\b"), "Mesa de Servicio"),
    (re.compile(r"\bsiam\b"), "SIAM"),
    (re.compile(r"\bsap\b"), "SAP"),
    (re.compile(r"\bbases? de datos\b"), "Base de datos"),
    (re.compile(r"\ben (?:el |los |un )?sistemas?\b"), "Sistema"),
)


def is_external(role: str) -> bool:
    """Whether ``role`` is a party outside the unit that runs the procedure (the core's
    rule, shared with the case engine)."""
    return is_external_role(role)


def database_label(activity: str) -> str | None:
    """The system a step records in, when its activity names one."""
    folded = fold(activity)
    for pattern, label in DATABASE_RULES:
        if pattern.search(folded):
            return label
    return None


def document_labels(documents: tuple[DocumentRef, ...]) -> tuple[str, ...]:
    """One label per distinct document: its type, plus the form code when there is one."""
    labels: list[str] = []
    for doc in documents:
        label = f"{doc.type} {doc.form_code}" if doc.form_code else doc.type
        if label not in labels:
            labels.append(label)
    return tuple(labels)


def step_roles(step: Step) -> tuple[str, ...]:
    """The roles of a step, in order, without repeats; ``NO_ROLE`` when there are none."""
    roles = tuple(dict.fromkeys(r.strip() for r in step.responsible if r.strip()))
    return roles or (NO_ROLE,)


def lane_roles(procedure: Procedure) -> tuple[str, ...]:
    """All roles of the procedure in order of first appearance."""
    order: dict[str, None] = {}
    for step in procedure.steps:
        for role in step_roles(step):
            order.setdefault(role, None)
    return tuple(order) or (NO_ROLE,)
