"""The ficha técnica of an indicator: reading it with its semáforo per period, editing
its fields and variables, and capturing its metas and values."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from web.evaluation.actions import (
    capture_values,
    delete_indicator,
    delete_variable,
    save_indicator,
    save_variable,
    set_targets,
)
from web.evaluation.fichas import ficha_context
from web.evaluation.forms import IndicatorForm, ValuesForm, VariableForm
from web.evaluation.models import Indicator, MirRow, Source, Variable
from web.evaluation.periods import periods
from web.evaluation.permissions import can_edit
from web.evaluation.views.common import REFUSALS, get_indicator, reader


@login_required
def indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = reader(request)
    indicator = get_indicator(pk)
    context = ficha_context(indicator)
    context |= {"can_edit": can_edit(user, indicator.row.program), "variable_form": VariableForm()}
    return render(request, "evaluation/indicator_detail.html", context)


@login_required
def indicator_create(request: HttpRequest, row_pk: int) -> HttpResponse:
    row = get_object_or_404(MirRow.objects.select_related("program__unit"), pk=row_pk)
    return _indicator_form(request, row, None)


@login_required
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_indicator(pk)
    return _indicator_form(request, indicator.row, indicator)


def _indicator_form(request: HttpRequest, row: MirRow, indicator: Indicator | None) -> HttpResponse:
    user = reader(request)
    if not can_edit(user, row.program):
        raise PermissionDenied
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid():
        try:
            saved = save_indicator(user, row, indicator, form.cleaned_data)
        except REFUSALS as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Ficha técnica saved."))
            return redirect("evaluation:indicator-detail", pk=saved.pk)
    context = {"row": row, "program": row.program, "indicator": indicator, "form": form}
    return render(request, "evaluation/indicator_form.html", context)


@login_required
@require_POST
def variable_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = reader(request)
    indicator = get_indicator(pk)
    form = VariableForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Variable: %(errors)s") % {"errors": form.errors.as_text()})
    else:
        try:
            save_variable(user, indicator, None, form.cleaned_data)
        except REFUSALS as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Variable saved."))
    return redirect("evaluation:indicator-detail", pk=pk)


@login_required
@require_POST
def variable_delete(request: HttpRequest, pk: int, variable_pk: int) -> HttpResponse:
    user = reader(request)
    variable = get_object_or_404(Variable, pk=variable_pk, indicator_id=pk)
    try:
        delete_variable(user, variable)
    except REFUSALS as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Variable deleted."))
    return redirect("evaluation:indicator-detail", pk=pk)


@login_required
def indicator_values(request: HttpRequest, pk: int) -> HttpResponse:
    user = reader(request)
    indicator = get_indicator(pk)
    if not can_edit(user, indicator.row.program):
        raise PermissionDenied
    specs = [(p.number, p.label) for p in periods(indicator)]
    manual = list(indicator.variables.filter(source=Source.MANUAL))
    initial = {f"t{t.period}": t.value for t in indicator.targets.all()}
    for v in manual:
        initial |= {f"v{v.pk}_{x.period}": x.value for x in v.values.all()}
    form = ValuesForm(specs, [(v.pk, v.name) for v in manual], request.POST or None)
    form.initial = initial
    if request.method == "POST" and form.is_valid():
        return _save_values(request, indicator, manual, specs, form.cleaned_data)
    rows = [(label, [form[f"t{n}"]] + [form[f"v{v.pk}_{n}"] for v in manual]) for n, label in specs]
    context = {"indicator": indicator, "form": form, "manual": manual, "rows": rows}
    return render(request, "evaluation/indicator_values.html", context)


def _save_values(
    request: HttpRequest,
    indicator: Indicator,
    manual: list[Variable],
    specs: list[tuple[int, str]],
    data: dict[str, float | None],
) -> HttpResponse:
    user = reader(request)
    try:
        set_targets(user, indicator, {n: data[f"t{n}"] for n, _label in specs})
        for v in manual:
            capture_values(user, v, {n: data[f"v{v.pk}_{n}"] for n, _label in specs})
    except REFUSALS as error:
        messages.error(request, str(error))
        return redirect("evaluation:indicator-values", pk=indicator.pk)
    messages.success(request, _("Metas and values saved."))
    return redirect("evaluation:indicator-detail", pk=indicator.pk)


@login_required
@require_POST
def indicator_delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = reader(request)
    indicator = get_indicator(pk)
    program = indicator.row.program
    try:
        delete_indicator(user, indicator)
    except REFUSALS as error:
        messages.error(request, str(error))
        return redirect("evaluation:indicator-detail", pk=pk)
    messages.success(request, _("Indicator deleted."))
    return redirect("evaluation:mir-detail", pk=program.pk)
