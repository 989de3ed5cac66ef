"""Writes of a manual written in Folio: creating one (its first version, with no
procedures) and saving a new header as a new version. Each is one transaction, logged."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import pgettext

from folio.manuals.model import Manual
from web.accounts.audit import record
from web.accounts.models import Unit
from web.catalog.actions import save_manual_version
from web.catalog.errors import CatalogError
from web.catalog.models import (
    IMPORT_CODE_PREFIXES,
    CatalogManual,
    ManualKind,
    ManualVersion,
    VersionOrigin,
)
from web.catalog.writing import CONTEXT

#: The first version's note when the author writes none.
DEFAULT_NOTE = "Manual escrito en Folio"


@transaction.atomic
def create_manual(
    *, unit: Unit, header: dict[str, Any], user: User, note: str = ""
) -> CatalogManual:
    """A new Manual de Procedimientos of ``unit`` with the ``header`` fields (``Manual``
    field names: title, code, dates, authorizations, glossary…) and no procedures yet, as
    its version 1 (written in Folio)."""
    title = str(header.get("title", "")).strip()
    if not title:
        raise CatalogError(pgettext(CONTEXT, "Write the manual's title."))
    manual = Manual(kind="procedimientos", **{**header, "title": title, "unit": unit.name})
    catalog = CatalogManual.objects.create(
        title=title, code=manual.code, kind=ManualKind.PROCEDURES, unit=unit
    )
    version = save_manual_version(
        catalog, manual, user=user, note=note.strip() or DEFAULT_NOTE, origin=VersionOrigin.WRITTEN
    )
    payload = {"manual": catalog.pk, "title": title, "unit": unit.pk, "version": version.number}
    record("manual.created", actor=user, payload={**payload, "code": catalog.code})
    return catalog


@transaction.atomic
def edit_manual_header(
    catalog: CatalogManual, *, unit: Unit, header: dict[str, Any], user: User, note: str
) -> ManualVersion:
    """Save ``header`` over the current version's as a new version (procedures kept), with
    the change note; the catalog's title, registro and unit follow. Raises
    ``CatalogError`` when the note is empty or the manual has no version."""
    current = CatalogManual.objects.select_for_update().get(pk=catalog.pk).current
    if current is None:
        raise CatalogError(pgettext(CONTEXT, "This manual has no version to edit."))
    if not note.strip():
        raise CatalogError(pgettext(CONTEXT, "Write what changed: the change note is required."))
    before = current.model()
    # The unit as the manual writes it stays unless the manual moves to another unit.
    same_unit = catalog.unit_id == unit.pk and before.unit
    manual = replace(
        before,
        **{**header, "unit": before.unit if same_unit else unit.name},
        # The linter's findings are made again on save; the importer's stay.
        diagnostics=tuple(d for d in before.diagnostics if d.code.startswith(IMPORT_CODE_PREFIXES)),
    )
    if replace(manual, diagnostics=()) == replace(before, diagnostics=()) and (
        catalog.unit_id == unit.pk
    ):
        raise CatalogError(
            pgettext(CONTEXT, "Nothing changed: the header is the same as in the current version.")
        )
    catalog.title, catalog.code, catalog.unit = manual.title, manual.code, unit
    catalog.save(update_fields=["title", "code", "unit"])
    return save_manual_version(catalog, manual, user=user, note=note, based_on=current)
