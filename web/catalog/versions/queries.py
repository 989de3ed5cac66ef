"""Read helpers of the versions pages: a manual's history and the diff between two of its
versions."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from folio.manuals.diff import ManualDiff, diff_manuals
from web.catalog.models import CatalogManual, ManualVersion


def get_versions(manual: CatalogManual) -> QuerySet[ManualVersion]:
    """Newest first, with who made each; the manuals' JSON stays in the database."""
    rows = manual.versions.select_related("imported_by", "based_on")
    return rows.defer("data").order_by("-number")


def get_version(manual: CatalogManual, number: int) -> ManualVersion:
    version = manual.versions.filter(number=number).first()
    if version is None:
        raise Http404
    return version


@dataclass(frozen=True)
class VersionDiff:
    old: ManualVersion
    new: ManualVersion
    diff: ManualDiff


def diff_versions(manual: CatalogManual, old: int, new: int) -> VersionDiff:
    """What changed from version ``old`` to version ``new`` (either may be the later)."""
    before, after = get_version(manual, old), get_version(manual, new)
    return VersionDiff(before, after, diff_manuals(before.model(), after.model()))
