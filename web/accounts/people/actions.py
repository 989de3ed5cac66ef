"""Every write to people, one ``@transaction.atomic`` function per verb; each records
what changed in the tamper-evident log in the same transaction (``web.accounts.audit``).
Passwords and email addresses never go into the log: it cannot be edited afterwards."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from web.accounts.audit import record
from web.accounts.held import release_held_tasks
from web.accounts.models import Profile, Unit
from web.accounts.people.mail import send_set_password_email
from web.accounts.people.permissions import check_can_change


class PersonError(Exception):
    """A change to a person that cannot be made; the message says why, in Spanish."""


@dataclass(frozen=True)
class PersonData:
    """What an administrator sets on a person (roles apart)."""

    username: str
    first_name: str
    last_name: str
    email: str
    unit: Unit | None
    position: str
    is_head: bool
    is_auditor: bool
    is_staff: bool


@transaction.atomic
def create_person(
    data: PersonData,
    *,
    actor: User,
    roles: Iterable[Any] = (),
    password: str | None = None,
) -> User:
    """Add a person. With no ``password`` they get an email with a link to choose one."""
    check_can_change(actor)
    if User.objects.filter(username__iexact=data.username).exists():
        raise PersonError(_("The user name %(name)s is taken.") % {"name": data.username})
    if password is None and not data.email:
        raise PersonError(_("Give an email address to send the link to, or a password."))
    person = User(username=data.username, email=data.email, is_staff=data.is_staff)
    person.first_name, person.last_name = data.first_name, data.last_name
    if password is None:
        person.set_unusable_password()
    else:
        person.set_password(password)
    person.save()
    Profile.objects.create(user=person, **_profile_fields(data))
    names = sorted(role.name for role in roles)
    person.folio_roles.set(list(roles))
    payload = {**_describe(person, data), "roles": names}
    payload["password"] = "set" if password is not None else "emailed link"
    record("person.created", actor=actor, payload=payload)
    if password is None:
        send_set_password_email(person)
    return person


@transaction.atomic
def update_person(person: User, data: PersonData, *, actor: User) -> User:
    """Change what ``data`` holds; log the fields that changed (email only as changed)."""
    check_can_change(actor, person)
    if person.pk == actor.pk and (not data.is_staff or data.is_auditor):
        raise PersonError(_("You cannot take away your own administrator rights."))
    taken = User.objects.filter(username__iexact=data.username).exclude(pk=person.pk)
    if taken.exists():
        raise PersonError(_("The user name %(name)s is taken.") % {"name": data.username})
    profile, _created = Profile.objects.get_or_create(user=person)
    before = _state(person, profile)
    for field in ("username", "first_name", "last_name", "email", "is_staff"):
        setattr(person, field, getattr(data, field))
    person.save()
    for field, value in _profile_fields(data).items():
        setattr(profile, field, value)
    profile.save()
    after = _state(person, profile)
    changed = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    if "email" in changed:
        changed["email"] = ["…", "…"]
    if changed:
        payload = {"person": person.pk, "username": person.username, "changed": changed}
        record("person.updated", actor=actor, payload=payload)
    return person


@transaction.atomic
def set_person_roles(person: User, roles: Iterable[Any], *, actor: User) -> User:
    """Make ``roles`` exactly the roles ``person`` acts as."""
    check_can_change(actor, person)
    wanted = {role.pk: role for role in roles}
    current = {role.pk: role for role in person.folio_roles.all()}
    added = [wanted[pk] for pk in wanted.keys() - current.keys()]
    removed = [current[pk] for pk in current.keys() - wanted.keys()]
    if not added and not removed:
        return person
    if added and not person.is_active:
        raise PersonError(_("%(name)s is no longer active.") % {"name": _name(person)})
    person.folio_roles.add(*added)
    person.folio_roles.remove(*removed)
    payload: dict[str, Any] = {"person": person.pk, "username": person.username}
    payload["added"] = sorted(role.name for role in added)
    payload["removed"] = sorted(role.name for role in removed)
    record("person.roles_set", actor=actor, payload=payload)
    return person


@transaction.atomic
def deactivate_person(person: User, *, actor: User, release_tasks: bool = False) -> int:
    """The person can no longer sign in (their open sessions end too) nor be given
    activities; cases and the log keep referring to them. With ``release_tasks`` the
    activities they hold go back to their roles' queues. Returns how many did."""
    check_can_change(actor, person)
    if person.pk == actor.pk:
        raise PersonError(_("You cannot deactivate yourself."))
    if not person.is_active:
        raise PersonError(_("%(name)s is already inactive.") % {"name": _name(person)})
    person.is_active = False
    person.save(update_fields=["is_active"])
    released = release_held_tasks(person, actor) if release_tasks else 0
    payload = {"person": person.pk, "username": person.username, "released_tasks": released}
    record("person.deactivated", actor=actor, payload=payload)
    return released


@transaction.atomic
def reactivate_person(person: User, *, actor: User) -> User:
    check_can_change(actor, person)
    if person.is_active:
        raise PersonError(_("%(name)s is already active.") % {"name": _name(person)})
    person.is_active = True
    person.save(update_fields=["is_active"])
    payload = {"person": person.pk, "username": person.username}
    record("person.reactivated", actor=actor, payload=payload)
    return person


@transaction.atomic
def release_person_tasks(person: User, *, actor: User) -> int:
    """Give back the activities ``person`` holds (each release is logged)."""
    check_can_change(actor, person)
    return release_held_tasks(person, actor)


def send_person_link(person: User, *, actor: User) -> None:
    """Mail an existing person a link to choose a new password."""
    check_can_change(actor, person)
    if not person.is_active or not person.email:
        raise PersonError(
            _("%(name)s has no email address or is inactive.") % {"name": _name(person)}
        )
    send_set_password_email(person)


def _profile_fields(data: PersonData) -> dict[str, Any]:
    return {
        "unit": data.unit,
        "position": data.position,
        "is_head": data.is_head,
        "is_auditor": data.is_auditor,
    }


def _describe(person: User, data: PersonData) -> dict[str, Any]:
    described = {f.name: getattr(data, f.name) for f in fields(data) if f.name != "email"}
    described["unit"] = data.unit.pk if data.unit else None
    described["unit_name"] = data.unit.name if data.unit else ""
    return {"person": person.pk, **described}


def _state(person: User, profile: Profile) -> dict[str, Any]:
    return {
        "username": person.username,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "is_staff": person.is_staff,
        "unit": profile.unit.name if profile.unit else "",
        "position": profile.position,
        "is_head": profile.is_head,
        "is_auditor": profile.is_auditor,
    }


def _name(person: User) -> str:
    return person.get_full_name() or person.username
