"""The registry of Enlaces: designating one, and ending a designation."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from web.accounts.audit import record
from web.accounts.models import Profile, Unit
from web.planning.models import Enlace, EnlaceRole
from web.planning.permissions import can_edit_plans
from web.planning.procedure import enlace_role


class EnlaceRefused(ValueError):
    """The person cannot be that unit's liaison; the message says why, in Spanish."""


def works_in_unit(person: User, unit: Unit) -> bool:
    """A liaison works in the dependencia (or below it): the capture's case is started
    in the dependencia's copy of the procedure, which only its staff may start."""
    profile = Profile.objects.filter(user=person).first()
    return profile is not None and profile.unit_id in unit.subtree_ids()


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
    if not works_in_unit(person, unit):
        raise EnlaceRefused(
            _("%(person)s does not work in %(unit)s or a unit below it.")
            % {"person": person.get_full_name() or person.username, "unit": unit.name}
        )
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
