"""Retiring a manual or one of its procedures, and setting the unit a manual belongs to.
Administrators only; each is one transaction with its entry in the tamper-evident log."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from web.accounts.audit import record
from web.accounts.models import Unit
from web.catalog.errors import CatalogError
from web.catalog.models import CatalogManual, Procedure


def _require_staff(user: User) -> None:
    if not (user.is_active and user.is_staff):
        raise PermissionDenied(_("Only administrators manage the catalog."))


def _require_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise CatalogError(_("Say why it is retired: the reason is required."))
    return reason


@transaction.atomic
def retire_manual(manual: CatalogManual, *, user: User, reason: str) -> CatalogManual:
    """No new cases of any of the manual's procedures; running cases go on."""
    _require_staff(user)
    reason = _require_reason(reason)
    locked = CatalogManual.objects.select_for_update().get(pk=manual.pk)
    if locked.retired_at is not None:
        raise CatalogError(_("This manual was already retired."))
    locked.retired_at, locked.retired_note = timezone.now(), reason
    locked.save(update_fields=["retired_at", "retired_note"])
    payload = {"manual": locked.pk, "title": locked.title, "reason": reason}
    record("manual.retired", actor=user, payload=payload)
    return locked


@transaction.atomic
def retire_procedure(row: Procedure, *, user: User, reason: str) -> Procedure:
    """No new cases of the procedure in the manual's current version (later versions keep
    it retired); running cases go on."""
    _require_staff(user)
    reason = _require_reason(reason)
    locked = Procedure.objects.select_for_update().select_related("version__manual").get(pk=row.pk)
    current = locked.version.manual.current
    if current is None or current.pk != locked.version_id:
        raise CatalogError(_("Only a procedure of the manual's current version can be retired."))
    if locked.retired_at is not None:
        raise CatalogError(_("This procedure was already retired."))
    locked.retired_at, locked.retired_note = timezone.now(), reason
    locked.save(update_fields=["retired_at", "retired_note"])
    payload = {
        "manual": locked.version.manual_id,
        "version": locked.version.number,
        "procedure": locked.pk,
        "code": locked.code,
        "name": locked.name,
        "reason": reason,
    }
    record("procedure.retired", actor=user, payload=payload)
    return locked


@transaction.atomic
def set_manual_unit(manual: CatalogManual, unit: Unit, *, user: User) -> CatalogManual:
    """The unit whose people (and those of the units below it) may start its cases.
    Running cases keep the unit they were opened in."""
    _require_staff(user)
    locked = CatalogManual.objects.select_for_update().get(pk=manual.pk)
    if locked.unit_id == unit.pk:
        return locked
    before = locked.unit_id
    locked.unit = unit
    locked.save(update_fields=["unit"])
    payload = {"manual": locked.pk, "title": locked.title, "from": before, "to": unit.pk}
    record("manual.unit_set", actor=user, payload={**payload, "unit": unit.name})
    return locked
