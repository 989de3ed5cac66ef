"""The Open311 GeoReport v2 endpoints. Every answer is XML or JSON as the URL's
extension says; every refusal is the spec's error body with the HTTP status."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from web.cases.models import Task
from web.citizens import limits
from web.citizens.models import Report, ServiceType
from web.citizens.open311 import data
from web.citizens.open311.post import post_request
from web.citizens.open311.query import BadQuery, filtered, page_of
from web.citizens.open311.render import error, respond

View = Callable[..., HttpResponse]


def allow(*methods: str) -> Callable[[View], View]:
    """Other methods get the spec's error body with 405 and the ``Allow`` header."""

    def decorate(view: View) -> View:
        @wraps(view)
        def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method not in methods:
                fmt = str(kwargs.get("fmt", "xml"))
                refused = error(fmt, 405, _("Method %s is not allowed here.") % request.method)
                refused["Allow"] = ", ".join(methods)
                return refused
            return view(request, *args, **kwargs)

        # No cookie signs anyone in here (POST carries its api_key), so there is no
        # session to forge: CSRF does not apply, and a wrong method gets the 405 body.
        return csrf_exempt(checked)

    return decorate


def jurisdiction() -> str:
    return str(getattr(settings, "FOLIO_OPEN311_JURISDICTION", "folio.local"))


def refusal(request: HttpRequest, fmt: str) -> HttpResponse | None:
    """404 for another jurisdiction; 429 for an address over its limit."""
    params = request.POST if request.method == "POST" else request.GET
    asked = (params.get("jurisdiction_id") or request.GET.get("jurisdiction_id", "")).strip()
    if asked and asked != jurisdiction():
        return error(fmt, 404, _("jurisdiction_id not found: «%s».") % asked)
    purpose = "open311-post" if request.method == "POST" else "open311-get"
    if not limits.hit(request, purpose):
        return error(fmt, 429, _("Too many requests from this address; try again later."))
    return None


@allow("GET")
def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    base = request.build_absolute_uri(reverse("open311:root"))
    return respond(fmt, "discovery", data.discovery(base))


@allow("GET")
def services(request: HttpRequest, fmt: str) -> HttpResponse:
    if (refused := refusal(request, fmt)) is not None:
        return refused
    rows = ServiceType.objects.filter(active=True).prefetch_related("attributes")
    return respond(fmt, "services", [data.service(s) for s in rows])


@allow("GET")
def definition(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    if (refused := refusal(request, fmt)) is not None:
        return refused
    found = ServiceType.objects.filter(code=code, active=True).first()
    if found is None:
        return error(fmt, 404, _("service_code not found: «%s».") % code)
    return respond(fmt, "service_definition", data.definition(found, fmt))


def _reports() -> object:
    tasks = Prefetch("case__tasks", queryset=Task.objects.order_by("created_at", "pk"))
    return Report.objects.select_related("case", "service__unit").prefetch_related(
        tasks, "public_notes"
    )


@allow("GET", "POST")
def requests(request: HttpRequest, fmt: str) -> HttpResponse:
    if (refused := refusal(request, fmt)) is not None:
        return refused
    if request.method == "POST":
        return post_request(request, fmt)
    extensions = request.GET.get("extensions", "").lower() == "true"
    try:
        page = page_of(request.GET)
        rows = filtered(request.GET, _reports())  # type: ignore[arg-type]
    except BadQuery as err:
        return error(fmt, 400, str(err))
    start = (page.number - 1) * page.size
    chosen = list(rows.order_by("-requested_at", "-pk")[start : start + page.size])
    body = [data.request(r, fmt, extensions, r.case.tasks.all()) for r in chosen]
    return respond(fmt, "service_requests", body)


@allow("GET")
def request_one(request: HttpRequest, request_id: str, fmt: str) -> HttpResponse:
    if (refused := refusal(request, fmt)) is not None:
        return refused
    report = _reports().filter(case__folio=request_id).first()  # type: ignore[attr-defined]
    if report is None:
        return error(fmt, 404, _("service_request_id not found: «%s».") % request_id)
    extensions = request.GET.get("extensions", "").lower() == "true"
    body = [data.request(report, fmt, extensions, report.case.tasks.all())]
    return respond(fmt, "service_requests", body)


@allow("GET")
def token(request: HttpRequest, token: str, fmt: str) -> HttpResponse:
    if (refused := refusal(request, fmt)) is not None:
        return refused
    report = Report.objects.select_related("case").filter(token=token).first()
    if report is None:
        return error(fmt, 404, _("token not found: «%s».") % token)
    body = [{"service_request_id": report.case.folio, "token": report.token}]
    return respond(fmt, "service_requests", body)


def not_found(request: HttpRequest, path: str = "") -> HttpResponse:
    fmt = "json" if path.endswith(".json") else "xml"
    return error(fmt, 404, _("No such Open311 resource: «%s».") % request.path)
