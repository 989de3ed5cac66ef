"""Resources and their versions: each upload is checked against the resource's data
dictionary before anything is stored; a tabular version's rows go to ``DataRow``."""

from __future__ import annotations

import hashlib
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from folio.manuals.cleaning import fold
from web.accounts.audit import record
from web.datasets import Row
from web.opendata.models import DataRow, Dataset, Format, Resource, ResourceVersion
from web.opendata.permissions import can_manage_dataset
from web.opendata.tables import read_rows

EXTENSIONS = {
    Format.CSV: "csv",
    Format.JSON: "json",
    Format.XLSX: "xlsx",
    Format.GEOJSON: "geojson",
}
BATCH = 5000


@transaction.atomic
def add_resource(
    dataset: Dataset,
    user: User | None,
    *,
    name: str,
    fmt: str,
    schema: dict[str, Any],
    filename: str,
    content: bytes,
    description: str = "",
) -> ResourceVersion:
    """A new resource of ``dataset`` with its first version. ``user`` None is Folio itself
    (a generated resource). Raises ``InvalidResource`` (nothing saved) when the file does
    not match its dictionary."""
    _refuse_unless_manager(dataset, user)
    if not name.strip():
        raise ValueError(_("A resource needs a name."))
    rows = read_rows(filename, fmt, content, schema)
    position = dataset.resources.count()
    resource = Resource.objects.create(
        dataset=dataset,
        name=name.strip(),
        description=description.strip(),
        format=fmt,
        schema=schema,
        position=position,
    )
    return _store_version(resource, user, filename, content, rows, _("First version."))


@transaction.atomic
def add_resource_version(
    resource: Resource, user: User | None, *, filename: str, content: bytes, note: str = ""
) -> ResourceVersion:
    """A new dated version of ``resource``; the dictionary stays the resource's."""
    _refuse_unless_manager(resource.dataset, user)
    rows = read_rows(filename, resource.format, content, resource.schema)
    return _store_version(resource, user, filename, content, rows, note)


def _refuse_unless_manager(dataset: Dataset, user: User | None) -> None:
    if user is not None and not can_manage_dataset(user, dataset):
        raise PermissionDenied(_("You may not change the resources of this dataset."))


def _store_version(
    resource: Resource,
    user: User | None,
    filename: str,
    content: bytes,
    rows: list[Row],
    note: str,
) -> ResourceVersion:
    Resource.objects.select_for_update().filter(pk=resource.pk).first()
    last = resource.versions.order_by("-number").first()
    number = last.number + 1 if last else 1
    ext = EXTENSIONS[Format(resource.format)]
    path = f"opendata/{resource.dataset_id}/{resource.pk}/v{number}.{ext}"
    stored = default_storage.save(path, ContentFile(content))
    try:
        return _record_version(resource, user, filename, content, rows, note, number, stored)
    except BaseException:
        default_storage.delete(stored)  # no file without its version
        raise


def _record_version(
    resource: Resource,
    user: User | None,
    filename: str,
    content: bytes,
    rows: list[Row],
    note: str,
    number: int,
    stored: str,
) -> ResourceVersion:
    version = ResourceVersion.objects.create(
        resource=resource,
        number=number,
        file=stored,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        row_count=len(rows),
        note=note.strip()[:300],
    )
    replace_rows(resource, rows)
    now = timezone.now()
    Resource.objects.filter(pk=resource.pk).update(updated_at=now)
    Dataset.objects.filter(pk=resource.dataset_id).update(updated_at=now)
    record(
        "opendata.resource_version_added",
        actor=user,
        payload={
            "dataset": resource.dataset.name,
            "resource": str(resource.pk),
            "version": number,
            "file": filename,
            "sha256": version.sha256,
            "rows": len(rows),
        },
    )
    return version


def replace_rows(resource: Resource, rows: list[Row]) -> None:
    """The datastore rows of ``resource`` become ``rows``: one ``executemany`` per batch,
    the values prepared by the model's own fields (Django's per-object ``bulk_create``
    cost five times as much CPU for a 100,000-row resource)."""
    DataRow.objects.filter(resource=resource).delete()
    fields = {f.name: f for f in DataRow._meta.concrete_fields}
    resource_id = fields["resource"].get_db_prep_value(resource.pk, connection)
    data_field = fields["data"]
    table = connection.ops.quote_name(DataRow._meta.db_table)
    sql = f"INSERT INTO {table} (resource_id, number, data, text) VALUES (%s, %s, %s, %s)"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(
                sql,
                [
                    (resource_id, number, data_field.get_db_prep_value(row, connection), _text(row))
                    for number, row in enumerate(rows[start : start + BATCH], start=start + 1)
                ],
            )


def _text(row: Row) -> str:
    return fold(" ".join(str(v) for v in row.values() if v is not None))
