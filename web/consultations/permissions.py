"""Who may do what with consultations. Actions call these and raise ``PermissionDenied``.

- Heads of a unit, and administrators (``is_staff``) working in it, create consultations
  of their unit or of a unit below it, edit, publish and moderate them, and classify
  their proposals.
- Auditors (Contraloría) read every consultation, its moderation queue and proposals,
  and change nothing.
- Citizens need no account: they see published consultations, answer open ones once
  and read results once published.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db.models import QuerySet

from web.accounts.models import Profile, Unit
from web.consultations.models import Consultation

AnyUser = User | AbstractBaseUser | AnonymousUser


def _profile(user: AnyUser) -> Profile | None:
    if not isinstance(user, User) or not user.is_active:
        return None
    return Profile.objects.select_related("unit").filter(user=user).first()


def managed_units(user: AnyUser) -> QuerySet[Unit]:
    """The units whose consultations ``user`` manages: their unit and those below it,
    when they head it or administer Folio; none for auditors."""
    profile = _profile(user)
    if profile is None or profile.unit is None or profile.is_auditor:
        return Unit.objects.none()
    if not (profile.is_head or (isinstance(user, User) and user.is_staff)):
        return Unit.objects.none()
    return Unit.objects.filter(pk__in=profile.unit.subtree_ids())


def can_manage(user: AnyUser, consultation: Consultation) -> bool:
    return managed_units(user).filter(pk=consultation.unit_id).exists()


def is_auditor(user: AnyUser) -> bool:
    profile = _profile(user)
    return profile is not None and profile.is_auditor


def can_read(user: AnyUser, consultation: Consultation) -> bool:
    return is_auditor(user) or can_manage(user, consultation)


def get_consultations_for_user(user: AnyUser) -> QuerySet[Consultation]:
    """The consultations ``user`` works on (managers) or reads (auditors)."""
    found = Consultation.objects.select_related("unit")
    if is_auditor(user):
        return found
    return found.filter(unit__in=managed_units(user))


def may_work_on_consultations(user: AnyUser) -> bool:
    """Whether the staff pages are for ``user`` at all."""
    return is_auditor(user) or managed_units(user).exists()
