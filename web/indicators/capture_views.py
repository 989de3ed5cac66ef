"""Pages of *captura manual*: an indicator's captures with the form for a month's value
(heads of the manual's unit), and the download of a capture's evidence."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from web.catalog.models import Procedure
from web.indicators.capture import (
    CaptureError,
    Entry,
    capture_indicator_value,
    history,
    manual_indicator,
    may_capture,
    may_read,
)
from web.indicators.capture_models import IndicatorCapture
from web.indicators.forms import CaptureForm, first_day


@login_required
def capture(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    procedure = get_object_or_404(Procedure.objects.select_related("version__manual"), pk=pk)
    if not may_read(request.user, procedure):
        raise PermissionDenied(_("Only the heads of the manual's unit and the auditor read it."))
    try:
        indicator = manual_indicator(procedure, name)
    except CaptureError as err:
        raise Http404(str(err)) from err
    writer = may_capture(request.user, procedure)
    form = CaptureForm(
        initial={"month": request.GET.get("month") or f"{timezone.localdate():%Y-%m}"}
    )
    if request.method == "POST":
        if not writer:
            raise PermissionDenied(_("Only the heads of the manual's unit capture its indicators."))
        form = CaptureForm(request.POST, request.FILES)
        if form.is_valid() and _captured(request, procedure, name, form):
            return redirect(request.path + f"?month={form.cleaned_data['month']}")
    context = {
        "procedure": procedure,
        "indicator": indicator,
        "form": form if writer else None,
        "captures": history(procedure, name),
    }
    return render(request, "indicators/capture.html", context)


def _captured(request: HttpRequest, procedure: Procedure, name: str, form: CaptureForm) -> bool:
    data = form.cleaned_data
    upload = data["evidence"]
    entry = Entry(
        data["numerator"],
        data["denominator"],
        data["value"],
        data["note"],
        upload.name,
        upload.read(),
    )
    assert isinstance(request.user, User)  # login_required
    try:
        made = capture_indicator_value(
            request.user, procedure, name, first_day(data["month"]), entry
        )
    except CaptureError as err:
        form.add_error(None, str(err))
        return False
    messages.success(
        request,
        _("Value %(value)s captured for %(month)s.")
        % {"value": f"{made.value.normalize():f}", "month": data["month"]},
    )
    return True


@login_required
def evidence(request: HttpRequest, pk: int) -> FileResponse:
    found = get_object_or_404(
        IndicatorCapture.objects.select_related("procedure__version__manual"), pk=pk
    )
    if not may_read(request.user, found.procedure):
        raise PermissionDenied(_("Only the heads of the manual's unit and the auditor read it."))
    if not default_storage.exists(found.evidence_file):
        raise Http404
    return FileResponse(
        default_storage.open(found.evidence_file, "rb"),
        as_attachment=True,
        filename=found.evidence_name,
    )
