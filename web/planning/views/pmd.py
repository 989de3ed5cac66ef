"""The PMD: its tree, the import from a spreadsheet, the form of each level, the ODS."""

from __future__ import annotations

import io

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from folio.planning import ods
from folio.planning.pmd_import import parse, template_rows
from web.planning.actions.pmd import ImportRefused, import_pmd, save_element, save_pmd
from web.planning.forms import ElementForm, ImportForm, PmdForm
from web.planning.models import Level, PlanElement, Pmd
from web.planning.permissions import can_edit_plans
from web.planning.reports import pmd_progress
from web.planning.views import editor, reader, user_of


@reader
def pmd_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pmd = get_object_or_404(Pmd, pk=pk)
    elements = pmd.elements.prefetch_related("alignments").select_related("parent")
    context = {
        "pmd": pmd,
        "elements": elements,
        "axes": pmd_progress(pmd),
        "levels": Level.choices,
        "can_edit": can_edit_plans(request.user),
    }
    return render(request, "planning/pmd_detail.html", context)


@editor
def pmd_create(request: HttpRequest) -> HttpResponse:
    form = PmdForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        pmd = save_pmd(form.instance, user_of(request))
        return redirect("planning:pmd-import", pk=pmd.pk)
    return render(request, "planning/form.html", {"form": form, "title": _("New development plan")})


@editor
def pmd_import(request: HttpRequest, pk: int) -> HttpResponse:
    pmd = get_object_or_404(Pmd, pk=pk)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            count = import_pmd(
                pmd, parse(upload.name, upload.read()), user_of(request), upload.name
            )
        except ImportRefused as refused:
            errors = refused.errors
        else:
            messages.success(
                request, _("%(n)s rows imported; nothing else changed.") % {"n": count}
            )
            return redirect("planning:pmd-detail", pk=pmd.pk)
    return render(request, "planning/pmd_import.html", {"pmd": pmd, "form": form, "errors": errors})


@reader
def pmd_template(request: HttpRequest) -> HttpResponse:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    book = Workbook()
    sheet = book.active
    sheet.title = "PMD"
    for row in template_rows():
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="plantilla-pmd.xlsx"'
    return response


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@editor
def element_edit(request: HttpRequest, pk: int, level: str = "", element: int = 0) -> HttpResponse:
    pmd = get_object_or_404(Pmd, pk=pk)
    instance = get_object_or_404(PlanElement, pk=element, pmd=pmd) if element else None
    level = instance.level if instance else level
    if level not in Level.values:
        return redirect("planning:pmd-detail", pk=pmd.pk)
    form = ElementForm(request.POST or None, instance=instance, level=level, pmd=pmd)
    if request.method == "POST" and form.is_valid():
        save_element(form.save(commit=False), user_of(request), form.alignments())
        messages.success(request, _("Saved."))
        return redirect("planning:pmd-detail", pk=pmd.pk)
    title = Level(level).label
    return render(request, "planning/form.html", {"form": form, "title": title, "back": pmd})


@reader
def ods_catalogue(request: HttpRequest) -> HttpResponse:
    by_goal = {g.number: [] for g in ods.goals()}  # type: ignore[var-annotated]
    for target in ods.targets():
        by_goal[target.goal].append(target)
    goals = [(g, by_goal[g.number]) for g in ods.goals()]
    return render(request, "planning/ods.html", {"goals": goals})
