"""Filing a citizen report: one case of its type's procedure, whose folio is the report's
``service_request_id``; the reporter's data are kept apart from both."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from web.cases.actions import open_case
from web.cases.errors import CaseError
from web.cases.log import append_event
from web.cases.models import Case, EventKind
from web.catalog.models import Procedure
from web.citizens.attributes import clean_attributes
from web.citizens.errors import ReportRefused
from web.citizens.models import ApiClient, Channel, Report, Reporter, ServiceType
from web.citizens.status import RECEIVED


@dataclass(frozen=True)
class PersonalData:
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    phone: str = ""
    device_id: str = ""
    account_id: str = ""
    wants_updates: bool = False

    def is_empty(self) -> bool:
        parts = (self.first_name, self.last_name, self.email, self.phone)
        return not any(p.strip() for p in parts + (self.device_id, self.account_id))


@dataclass(frozen=True)
class NewReport:
    service: ServiceType
    description: str = ""
    lat: Decimal | None = None
    long: Decimal | None = None
    address: str = ""
    address_id: str = ""
    zipcode: str = ""
    colonia: str = ""
    attributes: dict[str, Any] = field(default_factory=dict)
    media_url: str = ""
    photo: str = ""
    channel: str = Channel.WEB
    client: ApiClient | None = None


def check_location(new: NewReport) -> None:
    """Open311: a report needs lat and long, an address or an address id."""
    if (new.lat is None) != (new.long is None):
        raise ReportRefused(_("Give both latitude and longitude, or neither."), "lat")
    if new.lat is not None and new.long is not None:
        if not (-90 <= new.lat <= 90) or not (-180 <= new.long <= 180):
            raise ReportRefused(_("The latitude or longitude is out of range."), "lat")
        return
    if not new.address.strip() and not new.address_id.strip():
        raise ReportRefused(
            _("Say where: a point on the map (lat and long) or an address."), "address_string"
        )


def current_procedure(service: ServiceType) -> Procedure:
    """The type's procedure in the current version of its manual."""
    current = service.procedure.version.manual.current
    if current is None:
        return service.procedure
    found = current.procedures.filter(code=service.procedure.code).first()
    return found or service.procedure


@transaction.atomic
def file_report(new: NewReport, person: PersonalData) -> Report:
    """Open the case of the type's procedure (as the type's registering account), keep
    the report's public part and, apart, whoever reported. Refused with the field at
    fault: an inactive type, no location, a missing or wrong attribute."""
    service = new.service
    if not service.active:
        raise ReportRefused(_("This report type is not taking reports."), "service_code")
    check_location(new)
    if not new.description.strip() and not new.attributes:
        raise ReportRefused(_("Describe the problem."), "description")
    answers = clean_attributes(service, new.attributes)
    if new.client is not None:
        refuse_over_limit(new.client)
    case = _open(service, new)
    report = Report.objects.create(
        case=case,
        service=service,
        description=new.description.strip(),
        lat=new.lat,
        long=new.long,
        address=new.address.strip()[:300],
        address_id=new.address_id.strip()[:100],
        zipcode=new.zipcode.strip()[:10],
        colonia=new.colonia.strip()[:150],
        attributes=answers,
        media_url=new.media_url.strip()[:500],
        photo=new.photo,
        channel=new.channel,
        client=new.client,
        token=secrets.token_hex(16),
        requested_at=case.started_at,
    )
    if not person.is_empty():
        keep_reporter(case, person)
    payload: dict[str, object] = {"folio": case.folio, "service": service.code}
    payload["channel"] = new.channel
    if new.client is not None:
        payload["client"] = new.client.pk
    append_event(EventKind.CITIZEN_REPORT_FILED, case=case, actor=None, payload=payload)
    return report


class OverLimit(ReportRefused):
    """The application sent more reports this minute than it may."""


def refuse_over_limit(client: ApiClient) -> None:
    """At most ``per_minute`` reports in any 60 seconds per application. The client's
    row is locked first, so simultaneous requests are counted one after another."""
    locked = ApiClient.objects.select_for_update().get(pk=client.pk)
    since = timezone.now() - timedelta(seconds=60)
    if Report.objects.filter(client=locked, requested_at__gte=since).count() >= locked.per_minute:
        message = _("This application may send %(count)s reports a minute; try again later.")
        raise OverLimit(message % {"count": locked.per_minute}, "api_key")


def _open(service: ServiceType, new: NewReport) -> Case:
    subject = f"{service.name}: {new.description.strip() or new.address.strip()}"[:500]
    source = dict(Channel.choices)[new.channel]
    try:
        return open_case(current_procedure(service), service.opened_as, subject, str(source))
    except (CaseError, PermissionDenied) as err:
        raise ReportRefused(str(err), "service_code") from err


def keep_reporter(case: Case, person: PersonalData) -> Reporter:
    return Reporter.objects.create(
        case=case,
        first_name=person.first_name.strip()[:100],
        last_name=person.last_name.strip()[:150],
        email=person.email.strip()[:254],
        phone=person.phone.strip()[:30],
        device_id=person.device_id.strip()[:100],
        account_id=person.account_id.strip()[:100],
        wants_updates=person.wants_updates and bool(person.email.strip()),
        told_state=RECEIVED,
    )
