"""Reads for the role directory: roles with their people, and the spellings of one role
that the linter groups within a manual (FOL301), offered as merges."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from folio.manuals.lint.roles import role_groups, spellings
from web.catalog.models import CatalogManual, Role, RoleAlias


@dataclass(frozen=True)
class MergeSuggestion:
    variant: Role
    canonical: Role


def roles_for_directory() -> QuerySet[Role]:
    return Role.objects.prefetch_related("members", "aliases").order_by("name")


def merge_suggestions() -> list[MergeSuggestion]:
    """Per current manual version, the linter's groups of spellings of one role: each
    variant → the group's most written spelling. Names already merged are skipped."""
    found: dict[tuple[int, int], MergeSuggestion] = {}
    for manual in CatalogManual.objects.prefetch_related("versions"):
        version = manual.current
        if version is None:
            continue
        for group in role_groups(spellings(version.model())):
            canonical = _role_named(group[0].role.name)
            for spelling in group[1:]:
                variant = _role_named(spelling.role.name)
                if canonical and variant and variant.pk != canonical.pk:
                    found[(variant.pk, canonical.pk)] = MergeSuggestion(variant, canonical)
    return sorted(found.values(), key=lambda s: (s.canonical.name, s.variant.name))


def _role_named(name: str) -> Role | None:
    alias = RoleAlias.objects.select_related("role").filter(name=name).first()
    return alias.role if alias else Role.objects.filter(name=name).first()
