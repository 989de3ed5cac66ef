"""Edits of one procedure, as a person makes them in the editor: each takes a
``Procedure`` and returns a new one (the model is immutable), or raises ``EditError``
with a Spanish message naming the step and the field.

Jumps follow the steps they point at: renumbering a step, or the whole table, rewrites
every transition (and every "actividad N" the activities' text mentions) that named it.
A jump to a deleted step goes where that step went unconditionally; when it went
nowhere or branched, the jump is left pointing at the missing number, which the linter
reports (FOL201).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from folio.manuals.cleaning import fold
from folio.manuals.documents import form_codes, normalize_form_code
from folio.manuals.fields import Field
from folio.manuals.indicators import parse_indicators
from folio.manuals.model import END, EXTERNAL, DocumentRef, Indicator, Procedure, Step, Transition
from folio.manuals.roles import split_roles
from folio.manuals.steps import MAX_NUMBER
from folio.manuals.timespec import parse_time

_NUMBER = re.compile(r"^\d+(?:\.\d+)*[a-z]?$", re.IGNORECASE)
_JOINERS = re.compile(r"\s*[;,]\s*|\s+y/o\s+|\s+[yeo]\s+")
_END_WORDS = frozenset({"end", "fin", "termina", "termina procedimiento"})
#: "actividad 5", "actividad no. 5", "paso 12", "actividades 3": step numbers in text.
_TEXT_REF = re.compile(
    r"(?P<kw>\b(?:actividad(?:es)?|paso|punto)\s+(?:(?:no|n[oº°]|núm|número)\.?\s*)?)"
    r"(?P<num>\d+(?:\.\d+)*)\b",
    re.IGNORECASE,
)


class EditError(ValueError):
    """An edit that cannot be made; the message names the step and the field."""

    def __init__(self, message: str, *, step: str | None = None, field: str = "") -> None:
        where = f"Paso {step}" if step is not None else "Encabezado"
        super().__init__(f"{where}, {field}: {message}" if field else f"{where}: {message}")
        self.step = step
        self.field = field


def parse_target(text: str, *, step: str | None = None) -> str | None:
    """A transition target as typed: a step number, "fin" (→ ``END``), "external:<code
    or name>", or "" (a jump that names no step)."""
    raw = text.strip()
    if not raw:
        return None
    if fold(raw).strip(" .") in _END_WORDS:
        return END
    if raw.startswith(EXTERNAL):
        name = raw[len(EXTERNAL) :].strip()
        if not name:
            raise EditError("falta el procedimiento al que continúa.", step=step, field="destino")
        return EXTERNAL + name
    if not _NUMBER.match(raw):
        raise EditError(
            f"«{raw}» no es un número de paso, «fin» ni otro procedimiento.",
            step=step,
            field="destino",
        )
    return raw


def update_step(
    procedure: Procedure,
    number: str,
    *,
    new_number: str | None = None,
    responsible: Sequence[str] | None = None,
    activity: str | None = None,
    documents: Sequence[tuple[str, str]] | None = None,
    copies: str | None = None,
    questions: Sequence[str] | None = None,
    transitions: Sequence[tuple[str, str]] | None = None,
) -> Procedure:
    """Set the fields given (``None`` leaves a field as it is). ``documents`` are (type,
    form code) pairs; ``transitions`` are (branch label, target as typed) pairs."""
    step = _find(procedure, number)
    changes: dict[str, object] = {}
    if responsible is not None:
        changes["responsible"] = tuple(dict.fromkeys(r.strip() for r in responsible if r.strip()))
    if activity is not None:
        if not activity.strip():
            raise EditError("escriba qué se hace en este paso.", step=number, field="actividad")
        changes["activity"] = activity.strip()
    if documents is not None:
        changes["documents"] = _documents(step, documents)
    if copies is not None:
        changes["copies"] = copies.strip()
    if questions is not None:
        changes["questions"] = tuple(q.strip() for q in questions if q.strip())
    if transitions is not None:
        changes["next"] = nexts = _transitions(number, transitions)
        text = str(changes.get("activity", step.activity))
        changes["activity"] = _follow_in_text(text, step.next, nexts)
    edited = _replace_step(procedure, number, replace(step, **changes))  # type: ignore[arg-type]
    if new_number is not None and new_number.strip() != number:
        edited = renumber_step(edited, number, new_number)
    return _with_forms(edited)


def renumber_step(procedure: Procedure, number: str, new_number: str) -> Procedure:
    """Give one step another number; every jump to it follows."""
    new = new_number.strip()
    if not new:
        raise EditError("escriba el número del paso.", step=number, field="número")
    if not _NUMBER.match(new) or len(new) > MAX_NUMBER:
        shown = new if len(new) <= MAX_NUMBER else f"{new[:MAX_NUMBER]}…"
        raise EditError(f"«{shown}» no es un número de paso.", step=number, field="número")
    if procedure.step(new) is not None:
        raise EditError(f"ya hay un paso {new}.", step=number, field="número")
    _find(procedure, number)
    mapping = {s.number: s.number for s in procedure.steps} | {number: new}
    steps = tuple(replace(s, number=new) if s.number == number else s for s in procedure.steps)
    return _rewrite_jumps(replace(procedure, steps=steps), mapping)


def renumber(procedure: Procedure) -> Procedure:
    """Number the steps 1..n in table order; jumps and "actividad N" mentions follow
    (a repeated number maps to its first step)."""
    mapping: dict[str, str] = {}
    for i, step in enumerate(procedure.steps, start=1):
        mapping.setdefault(step.number, str(i))
    steps = tuple(replace(s, number=str(i)) for i, s in enumerate(procedure.steps, start=1))
    return _rewrite_jumps(replace(procedure, steps=steps), mapping)


def is_sequential(procedure: Procedure) -> bool:
    """Whether the steps are numbered 1..n in table order."""
    return [s.number for s in procedure.steps] == [
        str(i) for i in range(1, len(procedure.steps) + 1)
    ]


def add_step(procedure: Procedure, after: str | None = None) -> Procedure:
    """A blank step after ``after`` (first when ``None``), put in the flow: the step
    before goes to it when it went on unconditionally, and it goes where that step went
    (or to the next step in the table, or the end). Numbered ``N.1`` (or the next free
    ``N.k``), or 1..n again when the table was numbered 1..n."""
    index = 0 if after is None else _index(procedure, after) + 1
    anchor = procedure.steps[index - 1] if index else None
    following = procedure.steps[index] if index < len(procedure.steps) else None
    number = _fresh_number(procedure, anchor.number if anchor else "0")
    onward = _single_unconditional(anchor) if anchor else None
    default = following.number if following else END
    new = Step(
        number=number,
        responsible=anchor.responsible if anchor else (),
        activity="",
        next=(Transition(onward if onward is not None else default),),
    )
    steps = list(procedure.steps)
    if anchor is not None and onward is not None:
        steps[index - 1] = replace(anchor, next=(Transition(number),))
    steps.insert(index, new)
    edited = replace(procedure, steps=tuple(steps))
    return renumber(edited) if is_sequential(procedure) else edited


def delete_step(procedure: Procedure, number: str) -> Procedure:
    """Remove a step; jumps to it go where it went unconditionally, or dangle."""
    step = _find(procedure, number)
    if len(procedure.steps) == 1:
        raise EditError("un procedimiento necesita al menos un paso.", step=number, field="borrar")
    onward = _single_unconditional(step)
    onward = None if onward == number else onward
    steps: list[Step] = []
    for s in procedure.steps:
        if s is step:
            continue
        if onward is not None and any(t.to == number for t in s.next):
            nexts = tuple(replace(t, to=onward) if t.to == number else t for t in s.next)
            s = replace(s, next=nexts)
        steps.append(s)
    edited = _with_forms(replace(procedure, steps=tuple(steps)))
    return renumber(edited) if is_sequential(procedure) else edited


def move_step(procedure: Procedure, number: str, offset: int) -> Procedure:
    """Move a step ``offset`` places (−1 up, +1 down) in the table; jumps keep pointing
    at the same steps (renumbered 1..n when the table was numbered 1..n)."""
    index = _index(procedure, number)
    target = index + offset
    if not 0 <= target < len(procedure.steps):
        raise EditError("ya está en el extremo de la tabla.", step=number, field="mover")
    steps = list(procedure.steps)
    steps.insert(target, steps.pop(index))
    edited = replace(procedure, steps=tuple(steps))
    return renumber(edited) if is_sequential(procedure) else edited


def split_responsible(procedure: Procedure, number: str, name: str) -> Procedure:
    """Replace a compound responsible ("A y B", "A o B", "A, B") by its roles."""
    step = _find(procedure, number)
    if name not in step.responsible:
        raise EditError(
            f"«{name}» no es responsable de este paso.", step=number, field="responsable"
        )
    parts = split_roles(name)
    if len(parts) < 2:  # the person says it is two roles: split at the plain joiners
        parts = tuple(x.strip(" .") for x in _JOINERS.split(name) if x.strip(" ."))
    if len(parts) < 2:
        raise EditError(
            f"«{name}» no se puede dividir en varios puestos.", step=number, field="responsable"
        )
    roles: list[str] = []
    for role in step.responsible:
        roles.extend(parts if role == name else (role,))
    return _replace_step(procedure, number, replace(step, responsible=tuple(dict.fromkeys(roles))))


def update_header(
    procedure: Procedure,
    *,
    name: str,
    code: str,
    unit: str = "",
    objective: str = "",
    legal_basis: str = "",
    policies: Sequence[str] = (),
    time: str = "",
    indicators: Sequence[str] = (),
) -> Procedure:
    """Set the procedure's header; the Tiempo Promedio de Gestión is parsed as written,
    each indicator line as the importer reads a "Medición" section."""
    if not name.strip():
        raise EditError("escriba el nombre del procedimiento.", field="nombre")
    if not code.strip():
        raise EditError("escriba el código del procedimiento.", field="código")
    if any(c in code for c in "/?#\\"):
        raise EditError(f"«{code.strip()}» no puede llevar «/», «?», «#» ni «\\».", field="código")
    same_time = time.strip() == procedure.time.text
    edited = replace(
        procedure,
        name=name.strip(),
        code=code.strip(),
        unit=unit.strip(),
        objective=objective.strip(),
        legal_basis=legal_basis.strip(),
        policies=tuple(p.strip() for p in policies if p.strip()),
        time=procedure.time if same_time else parse_time(time),
        indicators=_indicators(procedure, indicators),
    )
    return _with_forms(edited)


def blank_procedure(code: str = "", name: str = "") -> Procedure:
    """A new procedure: one step that ends it, for the editor to fill in."""
    return Procedure(code=code, name=name, steps=(Step("1", (), "", next=(Transition(END),)),))


def replace_procedure(
    procedures: Sequence[Procedure], code: str, new: Procedure
) -> tuple[Procedure, ...]:
    """``procedures`` with the one coded ``code`` replaced by ``new`` (appended when no
    procedure has that code). Raises when ``new`` takes the code of another one."""
    if new.code != code and any(p.code == new.code for p in procedures):
        raise EditError(f"ya hay un procedimiento {new.code} en el manual.", field="código")
    if not any(p.code == code for p in procedures) or not code:
        return (*procedures, new)
    return tuple(new if p.code == code else p for p in procedures)


def _find(procedure: Procedure, number: str) -> Step:
    step = procedure.step(number)
    if step is None:
        raise EditError("no existe en este procedimiento.", step=number)
    return step


def _index(procedure: Procedure, number: str) -> int:
    step = _find(procedure, number)
    return procedure.steps.index(step)


def _replace_step(procedure: Procedure, number: str, new: Step) -> Procedure:
    index = _index(procedure, number)
    steps = (*procedure.steps[:index], new, *procedure.steps[index + 1 :])
    return replace(procedure, steps=steps)


def _single_unconditional(step: Step) -> str | None:
    """Where ``step`` goes when it has one unconditional transition (else ``None``)."""
    if len(step.next) == 1 and step.next[0].when is None:
        return step.next[0].to
    return None


def _fresh_number(procedure: Procedure, after: str) -> str:
    taken = {s.number for s in procedure.steps}
    k = 1
    while f"{after}.{k}" in taken:
        k += 1
    return f"{after}.{k}"


def _transitions(number: str, pairs: Sequence[tuple[str, str]]) -> tuple[Transition, ...]:
    found: list[Transition] = []
    for when, target in pairs:
        label = when.strip() or None
        if label is None and not target.strip():
            continue
        found.append(Transition(parse_target(target, step=number), label))
    if sum(1 for t in found if t.when is None) > 1:
        raise EditError(
            "hay más de un destino sin condición; ponga a cada rama su etiqueta.",
            step=number,
            field="siguiente",
        )
    return tuple(found)


def _follow_in_text(
    activity: str, before: Sequence[Transition], after: Sequence[Transition]
) -> str:
    """A branch that now jumps elsewhere says so in the activity too ("No: regresa a la
    actividad 15" → "… actividad 5"), so the text and the jump agree when exported."""
    was = {t.when: t.to for t in before}
    moved = {}
    for t in after:
        old = was.get(t.when)
        if old and t.to and old != t.to and _NUMBER.match(old) and _NUMBER.match(t.to):
            moved[old] = t.to
    if not moved:
        return activity
    return _TEXT_REF.sub(lambda m: m["kw"] + moved.get(m["num"], m["num"]), activity)


def _documents(step: Step, pairs: Sequence[tuple[str, str]]) -> tuple[DocumentRef, ...]:
    """Documents from (type, form code); an unchanged one keeps its text as written."""
    old = {(d.type, d.form_code or ""): d for d in step.documents}
    docs: list[DocumentRef] = []
    for kind, code in pairs:
        kind, code = kind.strip(), normalize_form_code(code) if code.strip() else ""
        if not kind and not code:
            continue
        if not kind:
            raise EditError(
                f"falta el tipo del documento {code}.", step=step.number, field="documentos"
            )
        kept = old.get((kind, code))
        docs.append(kept or DocumentRef(kind, f"{kind} {code}".strip(), code or None))
    return tuple(docs)


def _indicators(procedure: Procedure, lines: Sequence[str]) -> tuple[Indicator, ...]:
    old = {i.text: i for i in procedure.indicators}
    found: list[Indicator] = []
    for line in (x.strip() for x in lines):
        if not line:
            continue
        if line in old:
            found.append(old[line])
        else:
            found.extend(parse_indicators(Field("indicators", "Indicador", [line])))
    return tuple(found)


def _rewrite_jumps(procedure: Procedure, mapping: Mapping[str, str]) -> Procedure:
    """Point every transition and "actividad N" mention at the new numbers; ``mapping``
    holds every old step number."""
    moved = {old: new for old, new in mapping.items() if old != new}
    if not moved:
        return procedure
    numbers = {s.number for s in procedure.steps}

    def target(to: str | None) -> str | None:
        if to is None or to in mapping:
            return mapping[to] if to is not None else None
        # A jump to a number no step had stays dangling, never lands on a renumbered step.
        return None if to in numbers else to

    def text(value: str) -> str:
        return _TEXT_REF.sub(lambda m: m["kw"] + moved.get(m["num"], m["num"]), value)

    steps = tuple(
        replace(
            s,
            activity=text(s.activity),
            next=tuple(replace(t, to=target(t.to)) for t in s.next),
        )
        for s in procedure.steps
    )
    return replace(procedure, steps=steps)


def _with_forms(procedure: Procedure) -> Procedure:
    """Recompute the form codes the procedure references, as the importer does."""
    codes: list[str] = []
    for s in procedure.steps:
        codes.extend(d.form_code for d in s.documents if d.form_code)
        codes.extend(form_codes(s.activity))
    codes.extend(form_codes(" ".join(procedure.policies)))
    return replace(procedure, forms=tuple(dict.fromkeys(codes)))
