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
from web.catalog.actions import import_manual_upload
from web.catalog.forms import ManualUploadForm
from web.catalog.models import CatalogManual, Procedure


@login_required
def manual_list(request: HttpRequest) -> HttpResponse:
    form = ManualUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and request.user.is_staff and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            user = request.user if isinstance(request.user, User) else None
            version, created = import_manual_upload(upload.name, upload.read(), user=user)
        except ParseError as err:
            form.add_error("file", str(err))
        else:
            note = _("Manual imported.") if created else _("This manual was already imported.")
            messages.success(request, note)
            return redirect("catalog:manual-detail", pk=version.manual_id)
    manuals = CatalogManual.objects.prefetch_related("versions")
    return render(request, "catalog/manual_list.html", {"manuals": manuals, "form": form})


@login_required
def manual_detail(request: HttpRequest, pk: int) -> HttpResponse:
    manual = get_object_or_404(CatalogManual, pk=pk)
    version = manual.current
    context = {
        "manual": manual,
        "version": version,
        "procedures": version.procedures.all() if version else [],
        "diagnostics": version.data["diagnostics"] if version else [],
    }
    return render(request, "catalog/manual_detail.html", context)


@login_required
def procedure_detail(request: HttpRequest, pk: int) -> HttpResponse:
    row = get_object_or_404(Procedure.objects.select_related("version__manual"), pk=pk)
    procedure = row.model()
    findings = [d for d in row.version.data["diagnostics"] if d["procedure"] == row.code]
    context = {"row": row, "procedure": procedure, "findings": findings}
    return render(request, "catalog/procedure_detail.html", context)
