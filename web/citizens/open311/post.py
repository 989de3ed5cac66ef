"""POST requests: a new service request from an application with its ``api_key``."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.translation import gettext as _

from web.citizens.actions import NewReport, PersonalData, file_report
from web.citizens.actions.catalogue import key_hash
from web.citizens.actions.reports import OverLimit
from web.citizens.errors import ReportRefused
from web.citizens.models import ApiClient, Channel, ServiceType
from web.citizens.open311.render import error, respond

ATTRIBUTE = re.compile(r"^attribute\[([^\]]+)\](\[\])?$")


def _param(request: HttpRequest, name: str) -> str:
    return (request.POST.get(name) or request.GET.get(name) or "").strip()


def attributes_of(params: QueryDict) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for key in params:
        match = ATTRIBUTE.match(key)
        if match:
            values = params.getlist(key)
            answers[match.group(1)] = values if match.group(2) else values[-1]
    return answers


def _decimal(raw: str, name: str) -> Decimal | None:
    if not raw:
        return None
    try:
        return Decimal(raw)
    except InvalidOperation:
        raise ReportRefused(
            _("%(name)s is not a number: «%(value)s».") % {"name": name, "value": raw}, name
        ) from None


def post_request(request: HttpRequest, fmt: str) -> HttpResponse:
    key = _param(request, "api_key")
    client = ApiClient.objects.filter(key_hash=key_hash(key), active=True).first() if key else None
    if client is None:
        return error(fmt, 403, _("api_key is missing or not valid."))
    code = _param(request, "service_code")
    if not code:
        return error(fmt, 400, _("service_code was not provided."))
    service = ServiceType.objects.filter(code=code, active=True).first()
    if service is None:
        return error(fmt, 404, _("service_code not found: «%s».") % code)
    try:
        report = file_report(_new_report(request, service, client), _person(request))
    except OverLimit as err:
        return error(fmt, 429, str(err))
    except ReportRefused as err:
        return error(fmt, 400, f"{err.field}: {err}" if err.field else str(err))
    body = [{"service_request_id": report.case.folio, "token": report.token, "service_notice": ""}]
    return respond(fmt, "service_requests", body, status=201)


def _new_report(request: HttpRequest, service: ServiceType, client: ApiClient) -> NewReport:
    params = request.POST
    return NewReport(
        service=service,
        description=_param(request, "description")[:4000],
        lat=_decimal(_param(request, "lat"), "lat"),
        long=_decimal(_param(request, "long"), "long"),
        address=_param(request, "address_string"),
        address_id=_param(request, "address_id"),
        zipcode=_param(request, "zipcode"),
        attributes=attributes_of(params),
        media_url=_media_url(_param(request, "media_url")),
        channel=Channel.OPEN311,
        client=client,
    )


def _media_url(raw: str) -> str:
    if raw and not raw.startswith(("https://", "http://")):
        raise ReportRefused(_("media_url must be an http or https address."), "media_url")
    return raw


def _person(request: HttpRequest) -> PersonalData:
    return PersonalData(
        first_name=_param(request, "first_name"),
        last_name=_param(request, "last_name"),
        email=_param(request, "email"),
        phone=_param(request, "phone"),
        device_id=_param(request, "device_id"),
        account_id=_param(request, "account_id"),
    )
