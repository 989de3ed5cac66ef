"""Who may read the indicators of which units: a head (a director is the head of a
dirección) their unit and the units below it; the auditor every unit. Read-only."""

from __future__ import annotations

from django.db.models import QuerySet

from web.accounts.models import Unit
from web.cases.permissions import AnyUser, profile_of


def units_to_measure(user: AnyUser) -> QuerySet[Unit]:
    """The units whose indicators ``user`` may read; none for everyone else."""
    profile = profile_of(user)
    if profile is None:
        return Unit.objects.none()
    if profile.is_auditor:
        return Unit.objects.all()
    if profile.is_head and profile.unit is not None:
        return Unit.objects.filter(pk__in=profile.unit.subtree_ids())
    return Unit.objects.none()
