"""How the diff page words a ``ManualDiff``: field names as labels, jumps as sentences."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from folio.manuals.diff import FieldChange, ProcedureChange, StepChange, TransitionChange
from folio.manuals.model import END, EXTERNAL

FIELD_LABELS: dict[str, Promise] = {
    "activity": gettext_lazy("Activity"),
    "responsible": gettext_lazy("Responsible"),
    "documents": gettext_lazy("Form or document"),
    "copies": gettext_lazy("Copies"),
    "questions": gettext_lazy("Questions"),
    "name": gettext_lazy("Name"),
    "unit": gettext_lazy("Unit"),
    "objective": gettext_lazy("Objective"),
    "legal_basis": gettext_lazy("Legal basis"),
    "policies": gettext_lazy("Operation policies"),
    "time": gettext_lazy("Tiempo Promedio de Gestión"),
    "indicators": gettext_lazy("Indicators"),
    "title": gettext_lazy("Title"),
    "code": gettext_lazy("Registro"),
    "elaborated": gettext_lazy("Date written"),
    "updated": gettext_lazy("Date updated"),
    "revision": gettext_lazy("Revision"),
    "authorizations": gettext_lazy("Authorizations"),
    "introduction": gettext_lazy("Introduction"),
    "glossary": gettext_lazy("Glossary"),
    "symbols": gettext_lazy("Symbols"),
    "editions": gettext_lazy("Registro de ediciones"),
    "distribution": gettext_lazy("Distribution"),
    "forms": gettext_lazy("Forms"),
    "organization": gettext_lazy("Organization"),
}


@dataclass(frozen=True)
class FieldRow:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class StepPair:
    """A changed step, both sides, with the names of the fields that changed (to mark)
    and its jumps' changes in words."""

    change: StepChange
    changed: frozenset[str]
    jumps: tuple[str, ...]


@dataclass(frozen=True)
class ProcedureView:
    change: ProcedureChange
    header: tuple[FieldRow, ...]
    steps: tuple[StepPair, ...]
    renumbered: str


def field_rows(changes: tuple[FieldChange, ...]) -> tuple[FieldRow, ...]:
    return tuple(FieldRow(str(FIELD_LABELS.get(c.field, c.field)), c.old, c.new) for c in changes)


def procedure_view(change: ProcedureChange) -> ProcedureView:
    removed = {s.number for s in change.steps_removed}
    moved = dict(change.renumbered) | {c.old.number: c.new.number for c in change.steps_changed}
    pairs = tuple(
        StepPair(
            step,
            frozenset(f.field for f in step.fields)
            | ({"next"} if step.transitions else set())
            | ({"number"} if step.renumbered else set()),
            tuple(jump_text(t, removed, moved) for t in step.transitions),
        )
        for step in change.steps_changed
    )
    renumbered = ", ".join(f"{a} → {b}" for a, b in change.renumbered)
    return ProcedureView(change, field_rows(change.header), pairs, renumbered)


def target_text(to: str | None) -> str:
    if to is None:
        return _("no target")
    if to == END:
        return _("end")
    if to.startswith(EXTERNAL):
        return _("procedure %(name)s") % {"name": to.removeprefix(EXTERNAL)}
    return _("activity %(step)s") % {"step": to}


def jump_text(change: TransitionChange, removed: set[str], moved: dict[str, str]) -> str:
    """The change in words; the old target says when its step was removed or renumbered
    (``removed``: old numbers; ``moved``: old number → new number)."""
    branch = f"«{change.when}»: " if change.when else ""
    old, new = target_text(change.old_to), target_text(change.new_to)
    was = change.old_to or ""
    if was in removed:
        old = _("activity %(step)s, removed") % {"step": was}
    elif moved.get(was, was) != was:
        old = _("activity %(step)s, now %(new)s") % {"step": was, "new": moved[was]}
    if change.kind == "added":
        return branch + _("new jump to %(new)s") % {"new": new}
    if change.kind == "removed":
        return branch + _("jump to %(old)s removed") % {"old": old}
    return branch + _("now goes to %(new)s (before: %(old)s)") % {"new": new, "old": old}
