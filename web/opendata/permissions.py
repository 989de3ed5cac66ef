"""Who may do what with the open-data catalogue. Reading the public catalogue needs no
account; requesting, uploading and publishing are staff work."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, User

from web.accounts.models import Unit
from web.cases.permissions import is_internal, profile_of
from web.opendata.models import Dataset

AnyUser = User | AbstractBaseUser | AnonymousUser


def can_request_dataset(user: AnyUser) -> bool:
    """Internal staff with a unit (the publication case checks the procedure's own rule)."""
    profile = profile_of(user)
    return isinstance(user, User) and is_internal(user) and profile is not None


def can_manage_dataset(user: AnyUser, dataset: Dataset) -> bool:
    """Add resources and versions: who requested it (the dependencia's data officer),
    staff of the dataset's unit or of a unit above it, or an administrator."""
    profile = profile_of(user)
    if not isinstance(user, User) or not is_internal(user) or profile is None:
        return False
    if user.is_staff or dataset.created_by_id == user.pk:
        return True
    unit: Unit | None = dataset.unit
    while unit is not None:
        if unit.pk == profile.unit_id:
            return True
        unit = unit.parent
    return False


def can_see_dataset(user: AnyUser, dataset: Dataset) -> bool:
    """Published datasets are public; unpublished ones are seen by the people who may
    manage them and by those who work on their publication case."""
    return dataset.is_public or can_request_dataset(user)
