"""The filters of GET requests: ``service_request_id`` (a list, which overrides the
rest), ``service_code`` (a list), ``start_date`` and ``end_date`` (at most 90 days apart;
the last 90 days by default), ``status`` (open, closed) and the paging extension
(``page``, ``page_size`` up to 1000)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from web.cases.models import CaseState
from web.citizens.models import Report

SPAN = timedelta(days=90)
MAX_PAGE = 1000


class BadQuery(ValueError):
    """A parameter the spec's 400 answers; the message names it."""


@dataclass(frozen=True)
class Page:
    number: int
    size: int


def _list(params: QueryDict, name: str) -> list[str]:
    raw = ",".join(params.getlist(name))
    return [part.strip() for part in raw.split(",") if part.strip()]


def _moment(params: QueryDict, name: str) -> datetime | None:
    raw = params.get(name, "").strip()
    if not raw:
        return None
    moment = parse_datetime(raw.replace(" ", "+"))  # an unescaped "+" arrives as a space
    if moment is None or timezone.is_naive(moment):
        message = _("%(name)s is not an ISO 8601 date and time with its offset: «%(value)s».")
        raise BadQuery(message % {"name": name, "value": raw})
    return moment


def _int(params: QueryDict, name: str, default: int, top: int) -> int:
    raw = params.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= top:
        message = _("%(name)s must be a whole number from 1 to %(top)s: «%(value)s».")
        raise BadQuery(message % {"name": name, "top": top, "value": raw})
    return int(raw)


def page_of(params: QueryDict) -> Page:
    return Page(_int(params, "page", 1, 10**6), _int(params, "page_size", MAX_PAGE, MAX_PAGE))


def filtered(params: QueryDict, reports: QuerySet[Report]) -> QuerySet[Report]:
    ids = _list(params, "service_request_id")
    if ids:
        return reports.filter(case__folio__in=ids)
    codes = _list(params, "service_code")
    if codes:
        reports = reports.filter(service__code__in=codes)
    start, end = _moment(params, "start_date"), _moment(params, "end_date")
    if start is not None and end is not None and end < start:
        raise BadQuery(_("end_date is before start_date."))
    end = end or (start + SPAN if start is not None else timezone.now())
    start = start or end - SPAN
    if end - start > SPAN:
        raise BadQuery(_("start_date and end_date may be at most 90 days apart."))
    reports = reports.filter(requested_at__gte=start, requested_at__lte=end)
    return _by_status(reports, _list(params, "status"))


def _by_status(reports: QuerySet[Report], statuses: list[str]) -> QuerySet[Report]:
    wrong = [s for s in statuses if s not in ("open", "closed")]
    if wrong:
        raise BadQuery(_("status is open or closed (or both, comma separated): «%s».") % wrong[0])
    if not statuses or set(statuses) == {"open", "closed"}:
        return reports
    open_states = [CaseState.OPEN, CaseState.BLOCKED]
    if statuses == ["open"] or set(statuses) == {"open"}:
        return reports.filter(case__state__in=open_states)
    return reports.exclude(case__state__in=open_states)
