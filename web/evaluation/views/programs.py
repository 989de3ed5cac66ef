"""The list of programs, a program's MIR as a matrix, and its rows' forms."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from web.evaluation.actions import delete_row, save_program, save_row
from web.evaluation.forms import ProgramForm, RowForm
from web.evaluation.matrix import check_program, placed_rows
from web.evaluation.models import MirRow, Program
from web.evaluation.permissions import can_create_programs, can_edit, is_planning_staff
from web.evaluation.views.common import REFUSALS, get_program, reader


@login_required
def program_list(request: HttpRequest) -> HttpResponse:
    user = reader(request)
    form = ProgramForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        try:
            program = save_program(user, None, **form.cleaned_data)
        except REFUSALS as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Programa presupuestario created."))
            return redirect("evaluation:mir-detail", pk=program.pk)
    context = {
        "programs": Program.objects.select_related("unit"),
        "form": form if can_create_programs(user) else None,
        "planning_staff": is_planning_staff(user),
    }
    return render(request, "evaluation/program_list.html", context)


@login_required
def mir_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = reader(request)
    program = get_program(pk)
    placed = placed_rows(program)
    context = {
        "program": program,
        "placed": placed,
        "findings": check_program(program, placed),
        "can_edit": can_edit(user, program),
    }
    return render(request, "evaluation/mir_detail.html", context)


@login_required
def row_edit(request: HttpRequest, pk: int, row_pk: int | None = None) -> HttpResponse:
    user = reader(request)
    program = get_program(pk)
    row = get_object_or_404(MirRow, pk=row_pk, program=program) if row_pk else None
    initial: dict[str, object] = {"level": request.GET.get("nivel", "componente")}
    if row is not None:
        initial = {f: getattr(row, f) for f in ("level", "summary", "verification", "assumptions")}
        initial |= {"parent": row.parent_id, "position": row.position}
    form = RowForm(program, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            save_row(user, program, row, form.cleaned_data)
        except REFUSALS as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("MIR row saved."))
            return redirect("evaluation:mir-detail", pk=program.pk)
    context = {"program": program, "row": row, "form": form, "can_edit": can_edit(user, program)}
    return render(request, "evaluation/row_form.html", context)


@login_required
@require_POST
def row_delete(request: HttpRequest, pk: int, row_pk: int) -> HttpResponse:
    user = reader(request)
    row = get_object_or_404(MirRow, pk=row_pk, program_id=pk)
    try:
        delete_row(user, row)
    except REFUSALS as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("MIR row deleted."))
    return redirect("evaluation:mir-detail", pk=pk)
