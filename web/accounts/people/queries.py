"""Reads for the people pages: search (accent- and case-insensitive, in Python: an
office has hundreds of people, and SQLite has no ``unaccent``), one person's page, and
the role directory's roles (the catalog's; reached through the relation it puts on
users, as the accounts app sits below the catalog and does not import it)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Model, QuerySet

from web.accounts.held import count_held_tasks

#: Filter values of the list: who is shown.
ACTIVE, INACTIVE, EVERYONE = "activas", "inactivas", "todas"


def fold(text: str) -> str:
    """``"Méndez"`` → ``"mendez"``: what search compares."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def display_name(person: User) -> str:
    return person.get_full_name() or person.username


def search_people(text: str = "", state: str = ACTIVE) -> list[int]:
    """Ids of the people whose user name, name, unit or position hold every word of
    ``text``, ordered by name."""
    people = User.objects.order_by("first_name", "last_name", "username")
    if state == ACTIVE:
        people = people.filter(is_active=True)
    elif state == INACTIVE:
        people = people.filter(is_active=False)
    words = fold(text).split()
    rows = people.values_list(
        "pk", "username", "first_name", "last_name", "profile__unit__name", "profile__position"
    )
    found = []
    for pk, *parts in rows:
        haystack = fold(" ".join(part or "" for part in parts))
        if all(word in haystack for word in words):
            found.append(pk)
    return found


def people_by_ids(ids: list[int]) -> list[User]:
    """The page's people in the order of ``ids``."""
    rows = User.objects.filter(pk__in=ids).select_related("profile__unit")
    by_pk = {person.pk: person for person in rows}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def role_model() -> type[Model]:
    field: Any = User._meta.get_field("folio_roles")
    model: type[Model] = field.related_model
    return model


def roles() -> QuerySet[Any]:
    return role_model()._default_manager.order_by("name")


@dataclass(frozen=True)
class PersonPage:
    person: User
    roles: list[Any]
    addable: list[Any]
    held_tasks: int


def person_page(person: User, role_text: str = "") -> PersonPage:
    """What a person's page shows; ``role_text`` narrows the roles offered to add."""
    held = list(person.folio_roles.order_by("name"))
    held_ids = {role.pk for role in held}
    words = fold(role_text).split()
    addable = [
        role
        for role in roles().exclude(pk__in=held_ids)
        if all(word in fold(role.name) for word in words)
    ]
    return PersonPage(person, held, addable, count_held_tasks(person))
