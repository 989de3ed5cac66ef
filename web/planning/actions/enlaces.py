"""The registry of Enlaces: designating one, and ending a designation."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from web.accounts.audit import record
from web.accounts.models import Unit
from web.planning.models import Enlace, EnlaceRole
from web.planning.permissions import can_edit_plans
from web.planning.procedure import enlace_role


@transaction.atomic
def save_enlace(
    unit: Unit,
    role: str,
    person: User,
    designated_on: date,
    actor: User | None,
    *,
    active: bool = True,
) -> Enlace:
    """Register (or update) ``person`` as ``role`` liaison of ``unit``. A planning Enlace
    holds the dependencia's capture role while active."""
    if actor is not None and not can_edit_plans(actor):
        raise PermissionDenied(_("Only the planning institute registers liaisons."))
    if role not in EnlaceRole.values:
        raise ValueError(f"Unknown liaison role {role!r}")
    enlace, _created = Enlace.objects.update_or_create(
        unit=unit,
        role=role,
        person=person,
        defaults={"designated_on": designated_on, "active": active},
    )
    if role == EnlaceRole.PLANEACION:
        capture = enlace_role(unit)
        if active:
            capture.members.add(person)
        else:
            capture.members.remove(person)
    payload = {"enlace": enlace.pk, "unit": unit.pk, "role": role, "person": person.pk}
    record("planning.enlace_saved", actor=actor, payload={**payload, "active": active})
    return enlace
