"""Writing a Programa Anual de Trabajo: the PAT, its programas, proyectos and metas."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from web.accounts.audit import record
from web.accounts.models import Unit
from web.planning.models import Goal, Pat, PlanElement, Program, Project
from web.planning.permissions import can_edit_plans


def _allowed(actor: User | None) -> None:
    if actor is not None and not can_edit_plans(actor):
        raise PermissionDenied(_("Only the planning institute edits the work programmes."))


@transaction.atomic
def save_pat(unit: Unit, year: int, actor: User | None) -> Pat:
    _allowed(actor)
    pat, created = Pat.objects.get_or_create(unit=unit, year=year)
    if created:
        record("planning.pat_saved", actor=actor, payload={"pat": pat.pk, "year": year})
    return pat


@transaction.atomic
def save_program(pat: Pat, code: str, name: str, objective: str, actor: User | None) -> Program:
    _allowed(actor)
    program, _created = Program.objects.update_or_create(
        pat=pat, code=code.strip(), defaults={"name": name.strip(), "objective": objective}
    )
    payload = {"pat": pat.pk, "program": program.pk, "code": program.code}
    record("planning.pat_saved", actor=actor, payload=payload)
    return program


@transaction.atomic
def save_project(
    project: Project,
    actor: User | None,
    lines: Sequence[PlanElement] = (),
) -> Project:
    """Save a new or changed project (its fields already set) and its líneas de acción."""
    _allowed(actor)
    project.full_clean(exclude=["lines"])
    project.save()
    project.lines.set(lines)
    payload = {"project": project.pk, "program": project.program_id, "name": project.name}
    record("planning.pat_saved", actor=actor, payload=payload)
    return project


@transaction.atomic
def save_goal(goal: Goal, actor: User | None) -> Goal:
    """Save a new or changed meta (twelve programmed values, January first)."""
    _allowed(actor)
    values: list[Any] = list(goal.programmed or [])
    goal.programmed = [_number(v) for v in (values + [None] * 12)[:12]]
    goal.full_clean()
    goal.save()
    payload = {"goal": goal.pk, "project": goal.project_id, "programmed": goal.programmed}
    record("planning.pat_saved", actor=actor, payload=payload)
    return goal


def _number(value: Any) -> float | None:
    if value is None or value == "":
        return None
    return float(Decimal(str(value)))
