"""The read actions of the CKAN API v3, by name. Each takes the call's parameters and the
site's base URL and returns the ``result``; refusals are ``ApiError``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db.models import Count

from web.opendata.api.datastore import datastore_search
from web.opendata.api.errors import not_found
from web.opendata.api.packages import group_dict, organization_dict, package_dict, resource_dict
from web.opendata.api.params import boolean, integer, required
from web.opendata.api.search import package_search
from web.opendata.models import Dataset, Theme
from web.opendata.queries import (
    org_name,
    public_dataset,
    public_datasets,
    public_resource,
    publishing_units,
)

Action = Callable[[dict[str, Any], str], Any]


def package_list(params: dict[str, Any], base: str) -> list[str]:
    """Names of the published datasets (``limit``, ``offset``)."""
    names = list(
        Dataset.objects.filter(published_at__isnull=False)
        .order_by("name")
        .values_list("name", flat=True)
    )
    offset = integer(params, "offset", 0)
    limit = integer(params, "limit", len(names) or 1, 0)
    return names[offset : offset + limit]


def package_show(params: dict[str, Any], base: str) -> dict[str, Any]:
    """One published dataset by ``id`` (its id or name)."""
    key = required(params, "id")
    dataset = public_dataset(key)
    if dataset is None:
        raise not_found("Dataset not found")
    return package_dict(dataset, base)


def resource_show(params: dict[str, Any], base: str) -> dict[str, Any]:
    """One resource of a published dataset by ``id``."""
    key = required(params, "id")
    resource = public_resource(key)
    if resource is None:
        raise not_found("Resource was not found.")
    return resource_dict(resource, base)


def organization_list(params: dict[str, Any], base: str) -> list[Any]:
    """Units that publish datasets (``all_fields``, ``sort``, ``limit``, ``offset``)."""
    units = publishing_units()
    sort = str(params.get("sort") or "name asc").split()
    key = {"package_count": lambda u: u[1], "title": lambda u: u[0].name}.get(
        sort[0], lambda u: org_name(u[0])
    )
    units.sort(key=key, reverse=len(sort) > 1 and sort[1].lower() == "desc")
    offset = integer(params, "offset", 0)
    units = units[offset : offset + integer(params, "limit", 1000, 0, 1000)]
    if boolean(params, "all_fields", False):
        return [organization_dict(unit, count) for unit, count in units]
    return [org_name(unit) for unit, _ in units]


def organization_show(params: dict[str, Any], base: str) -> dict[str, Any]:
    """One organization by ``id`` or name, with its datasets (``include_datasets``)."""
    key = required(params, "id")
    for unit, count in publishing_units():
        if key in (org_name(unit), str(unit.pk)):
            found = organization_dict(unit, count)
            if boolean(params, "include_datasets", True):
                datasets = public_datasets().filter(unit=unit).order_by("name")
                found["packages"] = [package_dict(d, base) for d in datasets]
            return found
    raise not_found("Organization was not found.")


def group_list(params: dict[str, Any], base: str) -> list[Any]:
    """The themes (temas) as CKAN groups."""
    counts = _theme_counts()
    themes = list(Theme)
    if boolean(params, "all_fields", False):
        return [group_dict(t, counts.get(t.value, 0)) for t in themes]
    return [t.value for t in themes]


def group_show(params: dict[str, Any], base: str) -> dict[str, Any]:
    key = required(params, "id")
    if key not in Theme.values:
        raise not_found("Group was not found.")
    theme = Theme(key)
    found = group_dict(theme, _theme_counts().get(key, 0))
    if boolean(params, "include_datasets", True):
        datasets = public_datasets().filter(theme=key).order_by("name")
        found["packages"] = [package_dict(d, base) for d in datasets]
    return found


def tag_list(params: dict[str, Any], base: str) -> list[Any]:
    """Keywords of the published datasets (``query`` keeps those containing it)."""
    query = str(params.get("query") or params.get("q") or "").lower()
    tags = sorted(
        {
            k
            for ks in Dataset.objects.filter(published_at__isnull=False).values_list(
                "keywords", flat=True
            )
            for k in ks
        }
    )
    tags = [t for t in tags if query in t]
    if boolean(params, "all_fields", False):
        return [{"id": t, "name": t, "display_name": t, "vocabulary_id": None} for t in tags]
    return tags


def status_show(params: dict[str, Any], base: str) -> dict[str, Any]:
    return {
        "ckan_version": "2.10.0",
        "site_title": "Datos abiertos",
        "site_description": "Catálogo de datos abiertos publicado con Folio.",
        "site_url": base.rstrip("/"),
        "locale_default": settings.LANGUAGE_CODE.replace("-", "_"),
        "error_emails_to": None,
        "extensions": ["datastore"],
    }


def site_read(params: dict[str, Any], base: str) -> bool:
    return True


def help_show(params: dict[str, Any], base: str) -> str:
    name = required(params, "name")
    action = ACTIONS.get(name)
    if action is None:
        raise not_found("Action function not found")
    return (action.__doc__ or name).strip()


def _theme_counts() -> dict[str, int]:
    rows = (
        Dataset.objects.filter(published_at__isnull=False)
        .values("theme")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["theme"]: row["n"] for row in rows}


ACTIONS: dict[str, Action] = {
    "package_list": package_list,
    "package_show": package_show,
    "package_search": package_search,
    "resource_show": resource_show,
    "organization_list": organization_list,
    "organization_show": organization_show,
    "group_list": group_list,
    "group_show": group_show,
    "tag_list": tag_list,
    "status_show": status_show,
    "site_read": site_read,
    "help_show": help_show,
    "datastore_search": datastore_search,
}
