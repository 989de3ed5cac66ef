"""An activity's own time: administrators give a procedure's steps targets in days."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from web.cases.actions import set_step_targets
from web.cases.forms import StepTargetsForm
from web.cases.models import StepTarget
from web.cases.permissions import can_set_step_targets
from web.cases.views.common import REFUSALS, refusal_text, user_of
from web.catalog.models import Procedure


@login_required
def steptarget_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    if not can_set_step_targets(user):
        raise PermissionDenied(_("Only administrators set the activities' times."))
    row = get_object_or_404(Procedure.objects.select_related("version__manual"), pk=pk)
    procedure = row.model()
    targets = {t.step_number: t for t in StepTarget.objects.filter(procedure=row)}
    form = StepTargetsForm(request.POST or None, steps=procedure.steps, targets=targets)
    if request.method == "POST" and form.is_valid():
        try:
            changed = set_step_targets(row, user, form.changes())
        except REFUSALS as err:
            form.add_error(None, refusal_text(err))
        else:
            note = _("Times saved.") if changed else _("Nothing changed.")
            messages.success(request, note)
            return redirect("cases:steptarget-edit", pk=row.pk)
    time_text = procedure.time.text.strip().rstrip(".")
    context = {"row": row, "procedure": procedure, "form": form, "time_text": time_text}
    status = 400 if request.method == "POST" else 200
    return render(request, "cases/steptarget_edit.html", context, status=status)
