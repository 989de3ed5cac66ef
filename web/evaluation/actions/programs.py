"""Programs and the rows of their MIR."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from web.accounts.audit import record
from web.accounts.models import Unit
from web.evaluation.errors import EvaluationError
from web.evaluation.models import MirRow, Program
from web.evaluation.permissions import can_create_programs, can_edit

ROW_FIELDS = ("level", "summary", "verification", "assumptions", "position")


def _refuse_unless(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("Only planning staff and the unit's head may edit this MIR."))


@transaction.atomic
def save_program(
    user: User, program: Program | None, *, code: str, name: str, unit: Unit, year: int
) -> Program:
    """Create a program (``program`` None) or change its data."""
    program = program or Program()
    _refuse_unless(can_create_programs(user))
    _refuse_unless(can_edit(user, Program(unit=unit)))
    if program.pk:
        _refuse_unless(can_edit(user, program))
    code, name = code.strip(), name.strip()
    if not code or not name:
        raise EvaluationError(_("Programa presupuestario: the code and the name are required."))
    clash = Program.objects.filter(code=code, year=year).exclude(pk=program.pk)
    if clash.exists():
        raise EvaluationError(
            _("Code: %(code)s already exists in %(year)s.") % {"code": code, "year": year}
        )
    program.code, program.name, program.unit, program.year = code, name, unit, year
    program.save()
    payload = {"program": program.pk, "code": code, "name": name, "unit": unit.pk, "year": year}
    record("evaluation.program_saved", actor=user, payload=payload)
    return program


@transaction.atomic
def save_row(user: User, program: Program, row: MirRow | None, data: dict[str, Any]) -> MirRow:
    """Create or change a row; an Actividad names its Componente in ``data["parent"]``."""
    _refuse_unless(can_edit(user, program))
    row = row or MirRow(program=program)
    if row.program_id != program.pk:
        raise EvaluationError(_("That row belongs to another program."))
    parent = data.get("parent")
    if data["level"] == "actividad":
        if parent is None or parent.program_id != program.pk or parent.level != "componente":
            raise EvaluationError(_("Componente: an Actividad goes under a Componente."))
    else:
        parent = None
    if not str(data.get("summary", "")).strip():
        raise EvaluationError(_("Resumen narrativo: it is required."))
    for name in ROW_FIELDS:
        if name in data:
            setattr(row, name, data[name])
    row.parent = parent
    row.save()
    payload = {name: getattr(row, name) for name in ROW_FIELDS}
    payload |= {"row": row.pk, "program": program.pk, "parent": row.parent_id}
    record("evaluation.row_saved", actor=user, payload=payload)
    return row


@transaction.atomic
def delete_row(user: User, row: MirRow) -> None:
    _refuse_unless(can_edit(user, row.program))
    payload = {"row": row.pk, "program": row.program_id, "level": row.level}
    payload["indicators"] = list(row.indicators.values_list("pk", flat=True))
    # a Componente takes its Actividades with it
    payload["activities"] = list(row.activities.values_list("pk", flat=True))
    row.delete()
    record("evaluation.row_deleted", actor=user, payload=payload)
