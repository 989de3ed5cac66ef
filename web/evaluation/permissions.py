"""Who may do what with the MIR, the fichas técnicas and the PbR-SED self-diagnostic.

- Planning staff edit: whoever holds ``evaluation.edit_mir`` (given to the planning
  institute's people through a group) or administers Folio (``is_staff``) edits every
  program and the PbR-SED; the head of a unit edits the programs of their unit and of
  the units below it.
- Everyone else who works in the office, and the auditors (Contraloría), read.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User

from web.accounts.models import Profile
from web.evaluation.models import Program

AnyUser = User | AbstractBaseUser | AnonymousUser


def _profile(user: AnyUser) -> Profile | None:
    if not isinstance(user, User) or not user.is_active:
        return None
    return Profile.objects.select_related("unit").filter(user=user).first()


def is_planning_staff(user: AnyUser) -> bool:
    if not isinstance(user, User) or not user.is_active:
        return False
    profile = _profile(user)
    if profile is not None and profile.is_auditor:
        return False
    return user.is_staff or user.has_perm("evaluation.edit_mir")


def can_read(user: AnyUser) -> bool:
    """Whoever works in the office or audits it, and planning staff (an administrator
    may have no unit)."""
    profile = _profile(user)
    if profile is not None and (profile.unit_id is not None or profile.is_auditor):
        return True
    return is_planning_staff(user)


def can_edit(user: AnyUser, program: Program) -> bool:
    if is_planning_staff(user):
        return True
    profile = _profile(user)
    if profile is None or profile.is_auditor or not profile.is_head or profile.unit is None:
        return False
    return program.unit_id in profile.unit.subtree_ids()


def can_create_programs(user: AnyUser) -> bool:
    """Planning staff, and heads (for their own units)."""
    profile = _profile(user)
    head = profile is not None and profile.is_head and not profile.is_auditor
    return is_planning_staff(user) or head
