"""Reads for the role directory: roles with their people, and the spellings of one role
that the linter's fuzzy rule says should be merged."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from folio.manuals.lint.rolenames import RoleName, same_role
from web.catalog.models import Role


@dataclass(frozen=True)
class MergeSuggestion:
    variant: Role
    canonical: Role


def roles_for_directory() -> QuerySet[Role]:
    return Role.objects.prefetch_related("members", "aliases").order_by("name")


def merge_suggestions(roles: list[Role]) -> list[MergeSuggestion]:
    """Pairs of roles that are spellings of one ("Consultivo A" / "Analista Consultivo A");
    the canonical one is the one with more people, then the longer name."""
    names = {role.pk: RoleName.of(role.name) for role in roles}
    found = []
    for i, a in enumerate(roles):
        for b in roles[i + 1 :]:
            if a.is_external == b.is_external and same_role(names[a.pk], names[b.pk]):
                keep, drop = sorted((a, b), key=_weight, reverse=True)
                found.append(MergeSuggestion(drop, keep))
    return found


def _weight(role: Role) -> tuple[int, int]:
    return (len(role.members.all()), len(role.name.rstrip(". ")))
