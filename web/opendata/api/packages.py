"""Folio's datasets as CKAN dictionaries: package, resource, organization, group, tag."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from web.accounts.models import Unit
from web.opendata.models import Dataset, Licence, Resource, Theme
from web.opendata.queries import org_name

LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
    Licence.ODBL: "https://opendatacommons.org/licenses/odbl/1-0/",
}
MIMETYPES = {
    "CSV": "text/csv",
    "JSON": "application/json",
    "XLSX": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "GeoJSON": "application/geo+json",
}
TABULAR = ("CSV", "JSON", "XLSX", "GeoJSON")


def package_dict(dataset: Dataset, base: str) -> dict[str, Any]:
    resources = [resource_dict(r, base) for r in dataset.resources.all() if _versions(r)]
    tags = [tag_dict(k) for k in dataset.keywords]
    extras = {
        "frequency": dataset.frequency,
        "spatial_text": dataset.spatial,
        "temporal_start": dataset.coverage_start.isoformat() if dataset.coverage_start else "",
        "temporal_end": dataset.coverage_end.isoformat() if dataset.coverage_end else "",
        "theme": dataset.theme,
    }
    return {
        "id": str(dataset.pk),
        "name": dataset.name,
        "title": dataset.title,
        "notes": dataset.description,
        "type": "dataset",
        "state": "active",
        "private": False,
        "isopen": True,
        "license_id": dataset.licence,
        "license_title": Licence(dataset.licence).label,
        "license_url": LICENCE_URLS[Licence(dataset.licence)],
        "author": dataset.unit.name,
        "author_email": None,
        "maintainer": dataset.unit.name,
        "maintainer_email": None,
        "version": None,
        "url": base + reverse("opendata:dataset-detail", args=[dataset.name]).lstrip("/"),
        "metadata_created": _iso(dataset.created_at),
        "metadata_modified": _iso(dataset.updated_at),
        "owner_org": org_name(dataset.unit),
        "organization": organization_dict(dataset.unit, None),
        "groups": [group_dict(Theme(dataset.theme), None)],
        "tags": tags,
        "num_tags": len(tags),
        "resources": resources,
        "num_resources": len(resources),
        "extras": [{"key": k, "value": v} for k, v in extras.items() if v],
        **extras,
        "relationships_as_object": [],
        "relationships_as_subject": [],
    }


def resource_dict(resource: Resource, base: str) -> dict[str, Any]:
    versions = _versions(resource)
    current = versions[0] if versions else None
    url = base + reverse("opendata:resource-download", args=[resource.pk]).lstrip("/")
    return {
        "id": str(resource.pk),
        "package_id": str(resource.dataset_id),
        "name": resource.name,
        "description": resource.description,
        "format": resource.format,
        "mimetype": MIMETYPES.get(resource.format),
        "url": url,
        "url_type": None,
        "state": "active",
        "position": resource.position,
        "created": _iso(resource.created_at),
        "last_modified": _iso(current.created_at) if current else None,
        "size": current.size if current else None,
        "hash": f"sha256:{current.sha256}" if current else "",
        "datastore_active": current is not None and resource.format in TABULAR,
        "schema": resource.schema,
        "version": current.number if current else None,
        "versions": [
            {"version": v.number, "created": _iso(v.created_at), "rows": v.row_count}
            for v in versions
        ],
    }


def organization_dict(unit: Unit, count: int | None) -> dict[str, Any]:
    name = org_name(unit)
    found: dict[str, Any] = {
        "id": name,
        "name": name,
        "title": unit.name,
        "display_name": unit.name,
        "description": "",
        "type": "organization",
        "is_organization": True,
        "state": "active",
        "approval_status": "approved",
        "image_url": "",
    }
    if count is not None:
        found["package_count"] = count
    return found


def group_dict(theme: Theme, count: int | None) -> dict[str, Any]:
    found: dict[str, Any] = {
        "id": theme.value,
        "name": theme.value,
        "title": str(theme.label),
        "display_name": str(theme.label),
        "description": "",
        "type": "group",
        "is_organization": False,
        "state": "active",
        "approval_status": "approved",
        "image_url": "",
    }
    if count is not None:
        found["package_count"] = count
    return found


def tag_dict(name: str) -> dict[str, Any]:
    return {
        "id": name,
        "name": name,
        "display_name": name,
        "state": "active",
        "vocabulary_id": None,
    }


def _versions(resource: Resource) -> list[Any]:
    return list(resource.versions.all())


def _iso(moment: Any) -> str:
    return moment.replace(tzinfo=None).isoformat(timespec="microseconds")
