"""Hand-off check (FOL303): a step that passes the work on ("Turna solicitud autorizada
al Administrador/a de Aplicaciones") to a role that is not the responsible of the step
that follows.

Only plain steps are checked (no question, no labelled branch), only the verbs that
hand over work inside the unit (turna, asigna, reasigna; not "canaliza", which sends a
report out to another dependency), and only named roles (the name starts with a
capital: "al jefe de departamento correspondiente" is not checked). A name matches when
its words are contained in the next responsible's or the other way round, part by part
("Administración de Infraestructura o Soporte Técnico"), a unit standing for its head
("turna a la Dirección" / "Director/a de Gobierno Electrónico").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from folio.manuals.lint.codes import step_diagnostic
from folio.manuals.lint.rolenames import RoleName, same_role
from folio.manuals.model import Diagnostic, Procedure

_HANDOFF = re.compile(
    r"\b(?:re)?(?:turna|asigna)\b[^.;:,•]{0,60}?\b(?:a|al)\s+"
    r"(?:(?:[ée]l|la)\s+o\s+(?:la|el)\s+|el/la\s+|la\s+|el\s+|los\s+|las\s+)?"
    r"(?P<role>[A-ZÁÉÍÓÚÑ][^.;:,•]*)",
    re.IGNORECASE,
)
_ROLE_END = re.compile(
    r"\s+(?:para|v[ií]a|mediante|con|quien|que|acorde|seg[uú]n|a\s+fin|el|la|los|las"
    r"|y(?!/))\s",
    re.IGNORECASE,
)
_PARTS = re.compile(r"\s+(?:y/o|o|y)\s+")
#: A unit's name stands for its head in a hand-off (words as ``role_words`` folds them).
_HEAD_OF = {
    "direccion": "director",
    "subdireccion": "subdirector",
    "jefatura": "jefe",
    "coordinacion": "coordinador",
    "contralorio": "contralor",
}


def _person_words(role: RoleName) -> set[str]:
    return {_HEAD_OF.get(w, w) for w in role.content}


def named_handoffs(activity: str) -> list[str]:
    """Role names the activity hands the work to, as written."""
    names = []
    for m in _HANDOFF.finditer(activity):
        role = m.group("role")
        if not role[0].isupper():
            continue  # IGNORECASE lets a lowercase word through; only names count
        end = _ROLE_END.search(role)
        names.append((role[: end.start()] if end else role).strip())
    return names


def _matches(named: str, responsible: tuple[str, ...]) -> bool:
    parts = [RoleName.of(p) for p in (named, *_PARTS.split(named)) if p.strip()]
    people = [RoleName.of(r) for r in responsible]
    for part in parts:
        for person in people:
            a, b = _person_words(part), _person_words(person)
            if a and b and (a <= b or b <= a or same_role(part, person)):
                return True
    return False


def check_handoffs(procedure: Procedure) -> Iterator[Diagnostic]:
    for step in procedure.steps:
        if step.questions or any(t.when is not None for t in step.next):
            continue
        following = [s for t in step.next if t.to and (s := procedure.step(t.to))]
        if not following:
            continue
        for named in named_handoffs(step.activity):
            if _matches(named, step.responsible) or any(
                _matches(named, s.responsible) for s in following
            ):
                continue
            who = " / ".join(sorted({r for s in following for r in s.responsible}))
            numbers = ", ".join(s.number for s in following)
            yield step_diagnostic(
                "FOL303",
                procedure,
                step,
                f"entrega a «{named}», pero la actividad {numbers} la realiza «{who}».",
            )
