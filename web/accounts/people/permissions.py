"""Who may administer people: active administrators (``is_staff``) who are not auditors
of the Contraloría. Only a superuser changes a superuser (an administrator could
otherwise take over the account by changing its email and sending a reset link)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from web.accounts.models import Profile

AnyUser = User | AbstractBaseUser | AnonymousUser


def can_manage_people(user: AnyUser) -> bool:
    if not isinstance(user, User) or not user.is_active or not user.is_staff:
        return False
    return not Profile.objects.filter(user=user, is_auditor=True).exists()


def can_change_person(user: AnyUser, person: User) -> bool:
    if not can_manage_people(user):
        return False
    return not person.is_superuser or (isinstance(user, User) and user.is_superuser)


def check_can_change(actor: User, person: User | None = None) -> None:
    """Raise ``PermissionDenied`` (the Spanish 403) unless ``actor`` may do this."""
    allowed = can_manage_people(actor) if person is None else can_change_person(actor, person)
    if not allowed:
        raise PermissionDenied(_("Only an administrator may manage people."))
