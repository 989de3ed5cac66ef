"""Reads for the role directory: roles with their people (searched by role or person,
accents aside), the spellings of one role that the linter groups within a manual
(FOL301), offered as merges, and what a merge would move."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from folio.manuals.lint.roles import role_groups, spellings
from web.catalog.models import CatalogManual, Role, RoleAlias


@dataclass(frozen=True)
class MergeSuggestion:
    variant: Role
    canonical: Role


@dataclass(frozen=True)
class MergePreview:
    """What merging ``variant`` into ``into`` moves: people not yet in ``into``, the
    spellings, and how many records of each kind (tasks of running cases…) point at it."""

    variant: Role
    into: Role
    people: list[Any]
    spellings: list[str]
    records: list[tuple[str, int]]


def roles_for_directory(query: str = "") -> list[Role]:
    """Every role (people and spellings prefetched), or those whose name, other
    spelling or person's name holds ``query``, ignoring case and accents."""
    roles = Role.objects.prefetch_related("members", "aliases").order_by("name")
    wanted = folded(query.strip())
    if not wanted:
        return list(roles)
    return [role for role in roles if wanted in folded(" ".join(_words_of(role)))]


def folded(text: str) -> str:
    """``text`` lower-cased without accents: "Técnico" and "tecnico" are one search."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words_of(role: Role) -> list[str]:
    people = [f"{p.get_full_name()} {p.username}" for p in role.members.all()]
    return [role.name, *(a.name for a in role.aliases.all()), *people]


def merge_preview(variant: Role, into: Role) -> MergePreview:
    kept = set(into.members.values_list("pk", flat=True))
    people = [p for p in variant.members.order_by("first_name", "last_name") if p.pk not in kept]
    spellings = [variant.name, *variant.aliases.values_list("name", flat=True)]
    records = []
    for rel in Role._meta.related_objects:
        if rel.one_to_many and rel.related_model is not RoleAlias:
            model: Any = rel.related_model
            count = model._default_manager.filter(**{rel.field.name: variant}).count()
            if count:
                records.append((str(model._meta.verbose_name_plural), count))
    return MergePreview(variant, into, people, spellings, records)


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
