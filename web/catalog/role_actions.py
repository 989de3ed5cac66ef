"""Adding a person to a role and taking one out: one person at a time, so that a click
never replaces the people a role had. Each change is logged as ``role.members_set``."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from web.accounts.audit import record
from web.catalog.errors import CatalogError
from web.catalog.models import Role


@transaction.atomic
def add_role_member(role: Role, person: User, *, actor: User | None = None) -> bool:
    """Add ``person`` (active) to ``role``; False when they already act as it."""
    if not person.is_active:
        raise CatalogError(_("%(name)s is no longer active.") % {"name": _name(person)})
    if role.members.filter(pk=person.pk).exists():
        return False
    role.members.add(person)
    _log(role, actor, added=[person.pk], removed=[])
    return True


@transaction.atomic
def remove_role_member(role: Role, person: User, *, actor: User | None = None) -> bool:
    """Take ``person`` out of ``role``; False when they did not act as it."""
    if not role.members.filter(pk=person.pk).exists():
        return False
    role.members.remove(person)
    _log(role, actor, added=[], removed=[person.pk])
    return True


def _log(role: Role, actor: User | None, *, added: list[int], removed: list[int]) -> None:
    payload = {"role": role.pk, "name": role.name, "added": added, "removed": removed}
    record("role.members_set", actor=actor, payload=payload)


def _name(person: User) -> str:
    return person.get_full_name() or person.username
