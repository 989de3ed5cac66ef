"""Administrators' pages: the service catalogue and the Open311 applications; and a
report's staff page (public notes, and the reporter's data for those who need them)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from web.cases.permissions import get_cases_for_user
from web.citizens.actions import (
    add_public_note,
    delete_attribute,
    issue_api_client,
    save_attribute,
    save_service,
    set_client_active,
)
from web.citizens.errors import CatalogueError, ReportRefused
from web.citizens.models import ApiClient, Report, Reporter, ServiceAttribute, ServiceType
from web.citizens.permissions import can_add_public_note, can_manage_catalogue, can_see_reporter
from web.citizens.staff_forms import AttributeForm, ClientForm, NoteForm, ServiceForm
from web.citizens.status import public_status


def _admin(request: HttpRequest) -> User:
    if not isinstance(request.user, User) or not can_manage_catalogue(request.user):
        raise PermissionDenied(_("Only administrators manage the citizens catalogue."))
    return request.user


@login_required
def catalogue(request: HttpRequest) -> HttpResponse:
    _admin(request)
    services = ServiceType.objects.select_related("procedure", "unit").prefetch_related(
        "attributes"
    )
    return render(request, "citizens/catalogue.html", {"services": services})


@login_required
@require_http_methods(["GET", "POST"])
def service_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user = _admin(request)
    service = get_object_or_404(ServiceType, pk=pk) if pk else None
    form = ServiceForm(request.POST or None, instance=service)
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        item.stages = form.cleaned_data["stages_text"]
        try:
            save_service(item, user)
        except CatalogueError as err:
            form.add_error(None, str(err))
        else:
            messages.success(request, _("Report type «%(name)s» saved.") % {"name": item.name})
            return redirect("citizens:service-edit", pk=item.pk)
    context = {"form": form, "service": service, "attribute_form": AttributeForm()}
    return render(request, "citizens/service_edit.html", context)


@login_required
@require_http_methods(["POST"])
def attribute_new(request: HttpRequest, pk: int) -> HttpResponse:
    user = _admin(request)
    service = get_object_or_404(ServiceType, pk=pk)
    form = AttributeForm(request.POST, instance=None)
    if form.is_valid():
        attribute = form.save(commit=False)
        attribute.service, attribute.values = service, form.cleaned_data["values_text"]
        try:
            save_attribute(attribute, user)
            messages.success(request, _("Attribute «%(code)s» saved.") % {"code": attribute.code})
        except CatalogueError as err:
            messages.error(request, str(err))
    else:
        messages.error(
            request, "; ".join(str(e) for errors in form.errors.values() for e in errors)
        )
    return redirect("citizens:service-edit", pk=service.pk)


@login_required
@require_http_methods(["POST"])
def attribute_delete(request: HttpRequest, pk: int, attribute_pk: int) -> HttpResponse:
    user = _admin(request)
    attribute = get_object_or_404(ServiceAttribute, pk=attribute_pk, service_id=pk)
    delete_attribute(attribute, user)
    messages.success(request, _("Attribute «%(code)s» deleted.") % {"code": attribute.code})
    return redirect("citizens:service-edit", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def clients(request: HttpRequest) -> HttpResponse:
    user = _admin(request)
    form, key = ClientForm(request.POST or None), ""
    if request.method == "POST" and "toggle" in request.POST:
        client = get_object_or_404(ApiClient, pk=request.POST["toggle"])
        set_client_active(client, not client.active, user)
        return redirect("citizens:clients")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            key = issue_api_client(data["name"], data["contact"], data["per_minute"], user).key
        except CatalogueError as err:
            form.add_error(None, str(err))
    context = {"form": form, "key": key, "clients": ApiClient.objects.all()}
    return render(request, "citizens/clients.html", context)


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    """The citizen reports of the cases this person sees, newest first."""
    visible = get_cases_for_user(request.user)
    rows = Report.objects.filter(case__in=visible).select_related("case", "service")
    page = Paginator(rows.order_by("-requested_at", "-pk"), 50).get_page(request.GET.get("page"))
    context = {"page": page, "admin": can_manage_catalogue(request.user)}
    return render(request, "citizens/report_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    visible = get_cases_for_user(request.user)
    report = get_object_or_404(
        Report.objects.select_related("case", "service"), pk=pk, case__in=visible
    )
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and isinstance(request.user, User):
        try:
            add_public_note(report, request.user, form.cleaned_data["text"])
        except ReportRefused as err:
            form.add_error("text", str(err))
        else:
            return redirect("citizens:report-detail", pk=report.pk)
    reporter = None
    if can_see_reporter(request.user, report.case):
        reporter = Reporter.objects.filter(case=report.case).first()
    questions = {a.code: a.description for a in report.service.attributes.all()}
    answers = [
        (questions.get(code, code), ", ".join(value) if isinstance(value, list) else value)
        for code, value in report.attributes.items()
    ]
    context = {
        "report": report,
        "answers": answers,
        "status": public_status(report),
        "reporter": reporter,
        "form": form if can_add_public_note(request.user, report.case) else None,
    }
    return render(request, "citizens/report_detail.html", context)


@login_required
@require_http_methods(["GET"])
def report_photo(request: HttpRequest, pk: int) -> FileResponse:
    """The report's photo (without metadata), for the staff who see the case only."""
    visible = get_cases_for_user(request.user)
    report = get_object_or_404(Report, pk=pk, case__in=visible)
    if not report.photo:
        raise Http404(_("This report has no photo."))
    response = FileResponse(report.photo.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response
