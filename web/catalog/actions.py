"""Writes to the catalog: importing a manual (a new version when its content changed),
saving an edited manual as a new version, and the role directory. Each is one
transaction and leaves an entry in the tamper-evident log (``web/accounts/audit.py``)."""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from folio.manuals import jsonio
from folio.manuals.lint import lint_manual
from folio.manuals.load import load_manual
from folio.manuals.model import Manual
from folio.manuals.roles import is_external_role
from web.accounts.audit import record
from web.accounts.models import Unit
from web.catalog.errors import CatalogError
from web.catalog.models import (
    CatalogManual,
    ManualKind,
    ManualVersion,
    Procedure,
    Role,
    RoleAlias,
    VersionOrigin,
)
from web.catalog.source.store import store_source
from web.catalog.versions.carry import carry_over


def import_manual_file(
    path: Path, *, user: User | None = None, unit: Unit | None = None
) -> tuple[ManualVersion, bool]:
    """Import the manual at ``path``. Returns the version and whether it is new; the
    same content imported again returns the existing version. The file is kept (once per
    content, ``web/catalog/source/store.py``) to show beside the data. Raises ``ParseError``
    (nothing written) when the file is not a readable manual."""
    data = path.read_bytes()
    manual = load_manual(path)
    return _store(manual, path.name, data, user, unit)


def import_manual_upload(
    name: str, content: bytes, *, user: User | None = None, unit: Unit | None = None
) -> tuple[ManualVersion, bool]:
    """Import uploaded bytes; the original file name chooses the format."""
    safe = Path(name).name or "manual.txt"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / safe
        path.write_bytes(content)
        return import_manual_file(path, user=user, unit=unit)


@transaction.atomic
def _store(
    manual: Manual,
    source_name: str,
    content: bytes,
    user: User | None,
    unit: Unit | None,
) -> tuple[ManualVersion, bool]:
    sha256 = hashlib.sha256(content).hexdigest()
    catalog = _catalog_manual(manual, unit)
    existing = catalog.versions.filter(sha256=sha256, origin=VersionOrigin.IMPORTED).first()
    if existing is not None:
        existing.notices = []
        if not existing.source_file:  # imported before files were kept
            existing.source_file.name = store_source(source_name, content, sha256)
            existing.save(update_fields=["source_file"])
        return existing, False
    stored = store_source(source_name, content, sha256)
    version = _new_version(
        catalog, manual, user, sha256=sha256, source_name=source_name, source_file=stored
    )
    record(
        "manual.imported",
        actor=user,
        payload={**_describe(version), "file": source_name, "sha256": sha256},
    )
    return version, True


@transaction.atomic
def save_manual_version(
    catalog: CatalogManual,
    manual: Manual,
    *,
    user: User,
    note: str,
    based_on: ManualVersion | None = None,
    origin: str = VersionOrigin.EDITED,
) -> ManualVersion:
    """Save ``manual`` (edited or written in Folio) as the next version of ``catalog``,
    with its change note. Raises ``CatalogError`` when the note is empty."""
    note = " ".join(note.split())
    if not note:
        raise CatalogError(_("Write what changed: the change note is required."))
    manual = with_edition(manual, _next_number(catalog), note)
    text = jsonio.manual_to_json(manual)
    version = _new_version(
        catalog,
        manual,
        user,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        source_name=based_on.source_name if based_on else "",
        origin=origin,
        note=note,
        based_on=based_on,
    )
    record("manual.version_saved", actor=user, payload={**_describe(version), "note": note})
    return version


def with_edition(manual: Manual, number: int, note: str) -> Manual:
    """``manual`` with its registro de ediciones grown by this version's line, in the
    "edición | fecha | cambio" form the published manual prints as a table."""
    line = f"{number:02d} | {timezone.localdate():%d/%m/%Y} | {note}"
    return replace(manual, editions=(*manual.editions, line))


def _next_number(catalog: CatalogManual) -> int:
    last = catalog.versions.order_by("-number").first()
    return (last.number + 1) if last else 1


def _new_version(
    catalog: CatalogManual, manual: Manual, user: User | None, **fields: Any
) -> ManualVersion:
    """The next version of ``catalog`` holding ``manual`` (linted), with a procedure row
    each and the roles its steps name; what the version before had is carried over, and
    ``version.notices`` tells what could not be."""
    version = ManualVersion.objects.create(
        manual=catalog,
        number=_next_number(catalog),
        data=jsonio.manual_to_dict(manual, lint_manual(manual)),
        imported_by=user,
        **fields,
    )
    procedures = version.data["procedures"]
    for position, (proc, data) in enumerate(zip(manual.procedures, procedures, strict=True)):
        Procedure.objects.create(
            version=version,
            position=position,
            code=proc.code,
            name=proc.name,
            unit_name=proc.unit,
            step_count=len(proc.steps),
            time_text=proc.time.text,
            data=data,
        )
        for step in proc.steps:
            for name in step.responsible:
                ensure_role(name, catalog.unit, actor=user)
    version.notices = carry_over(version, user)
    return version


def _describe(version: ManualVersion) -> dict[str, Any]:
    """What a log entry says of a version: which manual, which number, what it holds."""
    return {
        "manual": version.manual_id,
        "title": version.manual.title,
        "version": version.number,
        "procedures": [p["code"] for p in version.data["procedures"]],
    }


def _catalog_manual(manual: Manual, unit: Unit | None) -> CatalogManual:
    kind = ManualKind.ORGANIZATION if manual.kind == "organizacion" else ManualKind.PROCEDURES
    title = manual.title or manual.source.file
    query = CatalogManual.objects.filter(kind=kind)
    found = query.filter(code=manual.code).first() if manual.code else None
    found = found or query.filter(title=title, code=manual.code).first()
    if found is not None:
        return found
    return CatalogManual.objects.create(title=title, code=manual.code, kind=kind, unit=unit)


def ensure_role(name: str, unit: Unit | None = None, *, actor: User | None = None) -> Role:
    """The role a responsible name stands for (through its aliases), created (and
    logged) if new. Call inside a transaction."""
    alias = RoleAlias.objects.select_related("role").filter(name=name).first()
    if alias is not None:
        return alias.role
    with transaction.atomic():
        role, created = Role.objects.get_or_create(
            name=name, defaults={"unit": unit, "is_external": is_external_role(name)}
        )
        if created:
            payload = {"role": role.pk, "name": name, "is_external": role.is_external}
            record("role.created", actor=actor, payload=payload)
    return role


@transaction.atomic
def merge_roles(variant: Role, into: Role, *, actor: User | None = None) -> Role:
    """Make ``variant`` a spelling of ``into``: its people, aliases and everything that
    points at it (tasks of running cases included) move over."""
    if variant.pk == into.pk:
        return into
    payload = {"variant": variant.pk, "variant_name": variant.name, "into": into.pk}
    record("role.merged", actor=actor, payload={**payload, "into_name": into.name})
    into.members.add(*variant.members.all())
    RoleAlias.objects.filter(role=variant).update(role=into)
    _repoint(variant, into)
    variant.delete()
    RoleAlias.objects.get_or_create(name=variant.name, defaults={"role": into})
    return into


def _repoint(old: Role, new: Role) -> None:
    """Move every foreign key and many-to-many link from ``old`` to ``new`` (other apps
    refer to roles; the catalog does not import them)."""
    for rel in Role._meta.related_objects:
        field: Any = rel.field
        if rel.many_to_many:
            through: Any = field.remote_field.through
            owner, column = field.m2m_field_name(), field.m2m_reverse_field_name()
            for link in through.objects.filter(**{column: old}):
                through.objects.get_or_create(**{owner: getattr(link, owner), column: new})
            through.objects.filter(**{column: old}).delete()
        elif rel.one_to_many and rel.related_model is not RoleAlias:
            model: Any = rel.related_model
            model._default_manager.filter(**{field.name: old}).update(**{field.name: new})
