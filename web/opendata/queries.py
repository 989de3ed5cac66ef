"""Reads of the public catalogue: only published datasets, with what every page and API
answer needs in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.text import slugify

from web.accounts.models import Unit
from web.opendata.models import Dataset, Resource, ResourceVersion


def public_datasets() -> QuerySet[Dataset]:
    versions = ResourceVersion.objects.order_by("-number")
    resources = Resource.objects.prefetch_related(Prefetch("versions", queryset=versions))
    return (
        Dataset.objects.filter(published_at__isnull=False)
        .select_related("unit")
        .prefetch_related(Prefetch("resources", queryset=resources))
    )


def public_dataset(key: str) -> Dataset | None:
    """By name or id."""
    found = public_datasets().filter(name=key).first()
    if found is None and _is_uuid(key):
        found = public_datasets().filter(pk=key).first()
    return found


def public_resource(key: str) -> Resource | None:
    if not _is_uuid(key):
        return None
    return (
        Resource.objects.filter(pk=key, dataset__published_at__isnull=False)
        .select_related("dataset__unit")
        .prefetch_related(
            Prefetch("versions", queryset=ResourceVersion.objects.order_by("-number"))
        )
        .first()
    )


def org_name(unit: Unit) -> str:
    """The organization's CKAN name: the unit's name as a slug."""
    return slugify(unit.name)[:100] or f"unidad-{unit.pk}"


def publishing_units() -> list[tuple[Unit, int]]:
    """Units with published datasets, and how many."""
    public = Q(datasets__published_at__isnull=False)
    units = Unit.objects.annotate(n=Count("datasets", filter=public)).filter(n__gt=0)
    return [(unit, unit.n) for unit in units.order_by("name")]


def _is_uuid(key: str) -> bool:
    import uuid

    try:
        uuid.UUID(str(key))
    except ValueError:
        return False
    return True
