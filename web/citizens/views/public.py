"""Pages for anyone, without an account: file a report, look a folio up, the public map
and list, the privacy notices and ARCO requests. None shows personal data or staff names."""

from __future__ import annotations

from csp.decorators import csp_update
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from web.citizens import limits
from web.citizens.actions import NewReport, PersonalData, file_arco_request, file_report
from web.citizens.errors import ReportRefused
from web.citizens.forms import ArcoForm, LookupForm, ReportForm, attribute_field_name
from web.citizens.mail import send_filed
from web.citizens.models import Channel, Report
from web.citizens.photos import PhotoRefused, store_photo
from web.citizens.public_rows import map_points, public_reports, public_rows
from web.citizens.status import public_status

#: OpenStreetMap's tiles, allowed on the pages with a map (shown only when online).
TILES = csp_update({"img-src": ["https://tile.openstreetmap.org"]})


def too_many(request: HttpRequest) -> HttpResponse:
    return render(request, "citizens/too_many.html", status=429)


@TILES
@require_http_methods(["GET", "POST"])
def report_new(request: HttpRequest) -> HttpResponse:
    form = ReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not limits.hit(request, "report"):
            return too_many(request)
        if form.looks_like_spam():
            form.add_error(
                None, _("The form was sent too fast or is too old: please send it again.")
            )
        elif form.is_valid():
            try:
                report = _file(request, form)
            except (ReportRefused, PhotoRefused) as err:
                form.add_error(field_of(form, err), str(err))
            else:
                messages.success(
                    request,
                    _("Your report was filed with folio %(folio)s.") % {"folio": report.case.folio},
                )
                return redirect(reverse("citizens:lookup") + f"?folio={report.case.folio}")
        fresh = request.POST.copy()
        fresh["started"] = limits.form_token()
        form.data = fresh
    return render(request, "citizens/report_form.html", {"form": form})


def field_of(form: ReportForm, err: Exception) -> str | None:
    """The form field a refusal names (Open311's ``attribute[code]`` → its field)."""
    field = str(getattr(err, "field", ""))
    if field.startswith("attribute["):
        field = attribute_field_name(form.cleaned_data["service"], field[10:-1])
    return field if field in form.fields else None


def _file(request: HttpRequest, form: ReportForm) -> Report:
    data = form.cleaned_data
    photo = store_photo(data["photo"]) if data.get("photo") else ""
    new = NewReport(
        service=data["service"],
        description=data["description"],
        lat=data.get("lat"),
        long=data.get("long"),
        address=data.get("address", ""),
        colonia=data.get("colonia", ""),
        attributes=form.answers(),
        photo=photo,
        channel=Channel.WEB,
    )
    person = PersonalData(
        first_name=data.get("first_name", ""),
        email=data.get("email", ""),
        phone=data.get("phone", ""),
        wants_updates=bool(data.get("wants_updates")),
    )
    report = file_report(new, person)
    transaction.on_commit(lambda: send_filed(report))
    return report


@require_http_methods(["GET"])
def lookup(request: HttpRequest) -> HttpResponse:
    form = LookupForm(request.GET or None)
    context: dict[str, object] = {"form": form}
    if form.is_valid():
        if not limits.hit(request, "lookup"):
            return too_many(request)
        folio = form.cleaned_data["folio"].strip().upper()
        report = (
            Report.objects.select_related("case", "service__unit").filter(case__folio=folio).first()
        )
        context["folio"] = folio
        if report is not None:
            context["report"] = report
            context["status"] = public_status(report)
    return render(request, "citizens/lookup.html", context)


@TILES
@require_http_methods(["GET"])
def public_list(request: HttpRequest) -> HttpResponse:
    # One page of rows, and the map's newest 500 points: never every report.
    page = Paginator(public_reports(), 50).get_page(request.GET.get("page"))
    points = map_points(public_rows(public_reports()[:500]))
    context = {"page": page, "rows": public_rows(page), "points": points}
    return render(request, "citizens/public_list.html", context)


@require_http_methods(["GET"])
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "citizens/privacy.html")


@require_http_methods(["GET"])
def privacy_full(request: HttpRequest) -> HttpResponse:
    return render(request, "citizens/privacy_full.html")


@require_http_methods(["GET", "POST"])
def arco(request: HttpRequest) -> HttpResponse:
    form = ArcoForm(request.POST or None)
    if request.method == "POST":
        if not limits.hit(request, "arco"):
            return too_many(request)
        if form.looks_like_spam():
            form.add_error(
                None, _("The form was sent too fast or is too old: please send it again.")
            )
        elif form.is_valid():
            data = form.cleaned_data
            person = PersonalData(
                first_name=data["first_name"],
                email=data.get("email", ""),
                phone=data.get("phone", ""),
            )
            try:
                request_ = file_arco_request(
                    data["right"], data["details"], data.get("about_folio", ""), person
                )
            except ReportRefused as err:
                form.add_error(None, str(err))
            else:
                messages.success(
                    request,
                    _("Your ARCO request was filed with folio %(folio)s.")
                    % {"folio": request_.case.folio},
                )
                return redirect("citizens:arco")
    return render(request, "citizens/arco.html", {"form": form})
