"""The versions pages of a manual: its history, one version, the diff between two; and
the administrators' forms to set its unit and to retire it or one of its procedures."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from web.catalog.errors import CatalogError
from web.catalog.models import CatalogManual, Procedure
from web.catalog.permissions import staff_required
from web.catalog.versions.actions import retire_manual, retire_procedure, set_manual_unit
from web.catalog.versions.forms import RetireForm, UnitForm, VersionPairForm
from web.catalog.versions.present import field_rows, procedure_view
from web.catalog.versions.queries import diff_versions, get_version, get_versions


def _staff(request: HttpRequest) -> User:
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


@login_required
@require_GET
def version_list(request: HttpRequest, pk: int) -> HttpResponse:
    manual = get_object_or_404(CatalogManual.objects.select_related("unit"), pk=pk)
    versions = list(get_versions(manual))
    numbers = [v.number for v in versions]
    initial = {"a": numbers[1] if len(numbers) > 1 else None, "b": numbers[0] if numbers else None}
    previous = [later.number for later in versions[1:]] + [None]
    context = {
        "manual": manual,
        "rows": list(zip(versions, previous, strict=True)),
        "pair": VersionPairForm(initial=initial, numbers=numbers),
        "unit_form": UnitForm(initial={"unit": manual.unit_id}),
        "retire_form": RetireForm(),
    }
    return render(request, "catalog/version_list.html", context)


@login_required
@require_GET
def version_detail(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    manual = get_object_or_404(CatalogManual, pk=pk)
    version = get_version(manual, number)
    context = {
        "manual": manual,
        "version": version,
        "procedures": version.procedures.all(),
        "is_current": manual.current == version,
    }
    return render(request, "catalog/version_detail.html", context)


@login_required
@require_GET
def version_diff(request: HttpRequest, pk: int) -> HttpResponse:
    manual = get_object_or_404(CatalogManual, pk=pk)
    numbers = list(manual.versions.order_by("-number").values_list("number", flat=True))
    latest = {"a": numbers[1 if len(numbers) > 1 else 0], "b": numbers[0]} if numbers else {}
    asked = request.GET if "a" in request.GET or "b" in request.GET else latest
    form = VersionPairForm(asked, numbers=numbers)
    context: dict[str, object] = {"manual": manual, "pair": form}
    if not form.is_valid():
        return render(request, "catalog/version_diff.html", context, status=400)
    found = diff_versions(manual, form.cleaned_data["a"], form.cleaned_data["b"])
    context |= {
        "found": found,
        "header": field_rows(found.diff.header),
        "procedures": [procedure_view(change) for change in found.diff.changed],
    }
    return render(request, "catalog/version_diff.html", context)


@staff_required
@require_POST
def manual_unit(request: HttpRequest, pk: int) -> HttpResponse:
    manual = get_object_or_404(CatalogManual, pk=pk)
    form = UnitForm(request.POST)
    if form.is_valid():
        set_manual_unit(manual, form.cleaned_data["unit"], user=_staff(request))
        messages.success(request, _("Unit of the manual set."))
    else:
        messages.error(request, _("Choose a unit."))
    return redirect("catalog:version-list", pk=manual.pk)


@staff_required
@require_POST
def manual_retire(request: HttpRequest, pk: int) -> HttpResponse:
    manual = get_object_or_404(CatalogManual, pk=pk)
    form = RetireForm(request.POST)
    try:
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        retire_manual(manual, user=_staff(request), reason=reason)
    except CatalogError as err:
        messages.error(request, str(err))
    else:
        messages.success(request, _("Manual retired: no new cases of it; running cases go on."))
    return redirect("catalog:manual-detail", pk=manual.pk)


@staff_required
@require_POST
def procedure_retire(request: HttpRequest, pk: int) -> HttpResponse:
    row = get_object_or_404(Procedure, pk=pk)
    form = RetireForm(request.POST)
    try:
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        retire_procedure(row, user=_staff(request), reason=reason)
    except CatalogError as err:
        messages.error(request, str(err))
    else:
        note = _("Procedure retired: no new cases of it; running cases go on.")
        messages.success(request, note)
    return redirect("catalog:procedure-detail", pk=row.pk)
