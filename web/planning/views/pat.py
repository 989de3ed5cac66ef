"""The PATs of the dependencias and the registry of Enlaces."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from web.planning.actions.enlaces import save_enlace
from web.planning.actions.pat import save_goal, save_pat, save_program, save_project
from web.planning.forms import EnlaceForm, GoalForm, PatForm, ProgramForm, ProjectForm
from web.planning.models import Enlace, Goal, Pat, Pmd, Program, Project
from web.planning.permissions import can_edit_plans, is_planning_staff
from web.planning.views import editor, reader, user_of
from web.planning.worklist import enlace_work, to_review


@reader
def home(request: HttpRequest) -> HttpResponse:
    year = timezone.localdate().year
    enlace_of = Enlace.objects.filter(person=user_of(request), active=True).select_related("unit")
    context = {
        "pmds": Pmd.objects.all(),
        "pats": Pat.objects.select_related("unit").order_by("-year", "unit__name")[:60],
        "year": year,
        "enlace_of": enlace_of,
        "work": enlace_work(user_of(request), timezone.localdate()),
        "to_review": to_review()[:50] if is_planning_staff(request.user) else None,
        "can_edit": can_edit_plans(request.user),
        "is_staff": is_planning_staff(request.user),
        "month": f"{timezone.localdate():%Y-%m}",
    }
    return render(request, "planning/home.html", context)


@reader
def pat_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pat = get_object_or_404(Pat.objects.select_related("unit"), pk=pk)
    programs = pat.programs.prefetch_related(
        "projects__goals__progress", "projects__lines", "projects__enlace__person"
    )
    context = {"pat": pat, "programs": programs, "can_edit": can_edit_plans(request.user)}
    return render(request, "planning/pat_detail.html", context)


@editor
def pat_create(request: HttpRequest) -> HttpResponse:
    form = PatForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        pat = save_pat(data["unit"], data["year"], user_of(request))
        return redirect("planning:pat-detail", pk=pat.pk)
    return render(request, "planning/form.html", {"form": form, "title": _("New work programme")})


@editor
def program_create(request: HttpRequest, pk: int) -> HttpResponse:
    pat = get_object_or_404(Pat, pk=pk)
    form = ProgramForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        save_program(pat, d["code"], d["name"], d["objective"], user_of(request))
        return redirect("planning:pat-detail", pk=pat.pk)
    return render(request, "planning/form.html", {"form": form, "title": _("New programme")})


@editor
def project_edit(request: HttpRequest, program: int, pk: int = 0) -> HttpResponse:
    parent = get_object_or_404(Program.objects.select_related("pat__unit"), pk=program)
    instance = get_object_or_404(Project, pk=pk, program=parent) if pk else None
    initial = {"responsible_unit": parent.pat.unit_id}
    form = ProjectForm(request.POST or None, instance=instance, initial=initial)
    form.instance.program = parent
    if request.method == "POST" and form.is_valid():
        save_project(form.save(commit=False), user_of(request), form.cleaned_data["lines"])
        return redirect("planning:pat-detail", pk=parent.pat_id)
    return render(request, "planning/form.html", {"form": form, "title": _("Project")})


@editor
def goal_edit(request: HttpRequest, project: int, pk: int = 0) -> HttpResponse:
    parent = get_object_or_404(Project.objects.select_related("program"), pk=project)
    instance = get_object_or_404(Goal, pk=pk, project=parent) if pk else Goal(project=parent)
    form = GoalForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        save_goal(form.save(commit=False), user_of(request))
        return redirect("planning:pat-detail", pk=parent.program.pat_id)
    return render(request, "planning/form.html", {"form": form, "title": _("Goal")})


@reader
def enlace_list(request: HttpRequest) -> HttpResponse:
    form = EnlaceForm(request.POST or None, initial={"designated_on": timezone.localdate()})
    if request.method == "POST" and can_edit_plans(request.user) and form.is_valid():
        d = form.cleaned_data
        save_enlace(
            d["unit"],
            d["role"],
            d["person"],
            d["designated_on"],
            user_of(request),
            active=d["active"],
        )
        messages.success(request, _("Liaison saved."))
        return redirect("planning:enlace-list")
    enlaces = Enlace.objects.select_related("unit", "person")
    context = {"enlaces": enlaces, "form": form if can_edit_plans(request.user) else None}
    return render(request, "planning/enlaces.html", context)
