"""Catalog pages: manuals, their procedures and findings. Views parse, call one action
or query, and render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from folio.manuals.blocks import ParseError
from web.accounts.models import Profile
from web.catalog.actions import import_manual_upload
from web.catalog.forms import ManualUploadForm
from web.catalog.models import CatalogManual, ManualKind, Procedure, is_import_finding
from web.catalog.publish.context import procedure_publish_context
from web.catalog.publish.views import organization_detail


@login_required
def manual_list(request: HttpRequest) -> HttpResponse:
    user = user_of_request(request)
    profile = Profile.objects.filter(user=user).first() if user else None
    initial = {"unit": profile.unit_id if profile else None}
    data = request.POST.copy() if request.method == "POST" else None
    if data is not None and not data.get("unit") and initial["unit"]:
        data["unit"] = str(initial["unit"])  # a client that sent no choice: the uploader's
    form = ManualUploadForm(data, request.FILES or None, initial=initial)
    if request.method == "POST" and request.user.is_staff and form.is_valid():
        upload, unit = form.cleaned_data["file"], form.cleaned_data["unit"]
        try:
            version, created = import_manual_upload(
                upload.name, upload.read(), user=user, unit=unit
            )
        except ParseError as err:
            form.add_error("file", str(err))
        else:
            note = _("Manual imported.") if created else _("This manual was already imported.")
            messages.success(request, note)
            for notice in getattr(version, "notices", []):
                messages.info(request, notice)
            return redirect("catalog:manual-detail", pk=version.manual_id)
    manuals = CatalogManual.objects.prefetch_related("versions")
    return render(request, "catalog/manual_list.html", {"manuals": manuals, "form": form})


@login_required
def manual_detail(request: HttpRequest, pk: int) -> HttpResponse:
    manual = get_object_or_404(CatalogManual, pk=pk)
    if manual.kind == ManualKind.ORGANIZATION:
        return organization_detail(request, manual)
    version = manual.current
    context = {
        "manual": manual,
        "version": version,
        "procedures": version.procedures.all() if version else [],
        "diagnostics": version.data["diagnostics"] if version else [],
        "review_summary": version.review_summary() if version else "",
    }
    return render(request, "catalog/manual_detail.html", context)


@login_required
def procedure_detail(request: HttpRequest, pk: int) -> HttpResponse:
    row = get_object_or_404(Procedure.objects.select_related("version__manual"), pk=pk)
    procedure = row.model()
    own = [d for d in row.version.data["diagnostics"] if d["procedure"] == row.code]
    context = {
        "row": row,
        "procedure": procedure,
        "import_findings": [d for d in own if is_import_finding(d)],
        "findings": [d for d in own if not is_import_finding(d)],
        **procedure_publish_context(row),
    }
    return render(request, "catalog/procedure_detail.html", context)


def user_of_request(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None
