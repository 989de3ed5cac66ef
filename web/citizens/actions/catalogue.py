"""The service catalogue and the Open311 applications, as administrators set them."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from web.cases.log import append_event
from web.cases.models import EventKind
from web.cases.permissions import can_open_case
from web.citizens.actions.reports import current_procedure
from web.citizens.errors import CatalogueError
from web.citizens.models import ApiClient, Datatype, ServiceAttribute, ServiceType
from web.citizens.permissions import can_manage_catalogue


def _refuse_unless_admin(user: User) -> None:
    if not can_manage_catalogue(user):
        raise PermissionDenied(_("Only administrators manage the citizens catalogue."))


@transaction.atomic
def save_service(service: ServiceType, user: User) -> ServiceType:
    """Create or change a report type. Its registering account must be able to open
    cases of its procedure, else every report would be refused."""
    _refuse_unless_admin(user)
    procedure = current_procedure(service)
    if not can_open_case(service.opened_as, procedure):
        message = _(
            "The account «%(user)s» may not open cases of «%(procedure)s»: choose an "
            "account of the unit that runs the manual."
        )
        words = {"user": service.opened_as.username, "procedure": procedure.name}
        raise CatalogueError(message % words)
    for step, state in (service.stages or {}).items():
        if not str(step).strip() or not str(state).strip():
            raise CatalogueError(_("Each public state needs an activity number and a name."))
    service.save()
    payload = {"code": service.code, "procedure": procedure.pk, "unit": service.unit_id}
    append_event(EventKind.CITIZEN_SERVICE_SAVED, actor=user, payload=payload)
    return service


@transaction.atomic
def save_attribute(attribute: ServiceAttribute, user: User) -> ServiceAttribute:
    _refuse_unless_admin(user)
    lists = (Datatype.SINGLE, Datatype.MULTI)
    if attribute.datatype in lists and not attribute.values:
        raise CatalogueError(_("A list attribute needs its values (one «key = name» a line)."))
    if attribute.datatype not in lists:
        attribute.values = []
    attribute.save()
    payload = {"service": attribute.service.code, "attribute": attribute.code}
    append_event(EventKind.CITIZEN_SERVICE_SAVED, actor=user, payload=payload)
    return attribute


@transaction.atomic
def delete_attribute(attribute: ServiceAttribute, user: User) -> None:
    """Remove a question; reports keep the answers they were given."""
    _refuse_unless_admin(user)
    payload = {"service": attribute.service.code, "attribute": attribute.code, "deleted": True}
    attribute.delete()
    append_event(EventKind.CITIZEN_SERVICE_SAVED, actor=user, payload=payload)


@dataclass(frozen=True)
class NewClient:
    client: ApiClient
    #: The key itself, shown once: only its hash is stored.
    key: str


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def issue_api_client(name: str, contact: str, per_minute: int, user: User) -> NewClient:
    _refuse_unless_admin(user)
    if not name.strip():
        raise CatalogueError(_("Name the application."))
    if per_minute < 1:
        raise CatalogueError(_("Allow at least one request per minute."))
    key = secrets.token_urlsafe(24)
    client = ApiClient.objects.create(
        name=name.strip(),
        contact=contact.strip(),
        key_hash=key_hash(key),
        key_hint=key[:6],
        per_minute=per_minute,
    )
    payload = {"client": client.pk, "name": client.name, "per_minute": per_minute}
    append_event(EventKind.CITIZEN_API_CLIENT_SAVED, actor=user, payload=payload)
    return NewClient(client, key)


@transaction.atomic
def set_client_active(client: ApiClient, active: bool, user: User) -> ApiClient:
    _refuse_unless_admin(user)
    client.active = active
    client.save(update_fields=["active"])
    payload = {"client": client.pk, "active": active}
    append_event(EventKind.CITIZEN_API_CLIENT_SAVED, actor=user, payload=payload)
    return client
