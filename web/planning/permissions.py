"""Who may do what in planning.

- The planning institute's staff (people holding «Analista de Seguimiento y Evaluación»)
  and administrators edit the PMD and the PATs, register Enlaces, and validate or return
  the monthly progress.
- The active Enlace Operativo de Planeación of a dependencia captures and corrects the
  monthly progress of its PAT.
- Every signed-in member of staff reads the plan, the PATs and the reports.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User

from web.accounts.models import Unit
from web.cases.permissions import is_auditor, is_internal
from web.planning.models import Enlace, EnlaceRole
from web.planning.procedure import VALIDATOR_ROLE

AnyUser = User | AbstractBaseUser | AnonymousUser


def can_read_planning(user: AnyUser) -> bool:
    return isinstance(user, User) and user.is_active and (is_internal(user) or is_auditor(user))


def is_planning_staff(user: AnyUser) -> bool:
    if not isinstance(user, User) or not user.is_active or is_auditor(user):
        return False
    return user.is_superuser or user.folio_roles.filter(name=VALIDATOR_ROLE).exists()


def can_edit_plans(user: AnyUser) -> bool:
    return is_planning_staff(user)


def can_validate_progress(user: AnyUser) -> bool:
    return is_planning_staff(user)


def is_enlace_of(user: AnyUser, unit: Unit) -> bool:
    """An active planning Enlace of ``unit``."""
    if not isinstance(user, User) or not is_internal(user):
        return False
    found = Enlace.objects.filter(unit=unit, person=user, role=EnlaceRole.PLANEACION, active=True)
    return found.exists()


def can_capture_progress(user: AnyUser, unit: Unit) -> bool:
    return is_enlace_of(user, unit)
